"""Static checks run with the tests: ruff and mypy clean, library code never prints or exits.

The structure rules (no import cycles, no private names across modules, layering) are in
``test_structure.py``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def test_ruff_clean() -> None:
    proc = subprocess.run([_tool("ruff"), "check", "src", "tests", "benchmarks"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_clean() -> None:
    proc = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]


def test_library_never_prints_or_exits() -> None:
    bad = []
    for p in (ROOT / "src" / "newsgraph").rglob("*.py"):
        if "cli" in p.parts or p.name == "__main__.py":
            continue
        for i, line in enumerate(p.read_text("utf-8").splitlines(), 1):
            s = line.strip()
            if s.startswith("print(") or "sys.exit(" in s:
                bad.append(f"{p.relative_to(ROOT)}:{i}")
    assert not bad, bad
