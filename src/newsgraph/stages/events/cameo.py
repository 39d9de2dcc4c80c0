"""The CAMEO table (``data/cameo.tsv``, generated, plus ``data/cameo_statements.tsv``: the 01x statement codes): each code's PLOVER type, mode, Goldstein score and description."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...resources import read_text
from ...vocab import PLOVER_TYPES, QUAD_CLASS

DATA_PACKAGE = "newsgraph.stages.events"


@dataclass(frozen=True)
class CameoInfo:
    code: str
    plover: str
    mode: str | None
    goldstein: float
    description: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    text = read_text(DATA_PACKAGE, "data", "cameo.tsv") + "\n" + read_text(DATA_PACKAGE, "data", "cameo_statements.tsv")
    out: dict[str, CameoInfo] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, plover, mode, gold, desc = (line.split("\t") + [""] * 5)[:5]
        out[code] = CameoInfo(code, plover, mode or None, float(gold), desc)
    return out


def cameo_info(code: str) -> CameoInfo | None:
    """The table row of ``code``, falling back to its 3-digit parent and 2-digit root."""
    table = cameo_table()
    for c in (code, code[:3], code[:2], code[:2] + "0"):
        if c in table:
            return table[c]
    return None


def plover_of(code: str) -> str | None:
    info = cameo_info(code)
    if info is None:
        return None
    if info.plover in PLOVER_TYPES:
        return info.plover
    return None


def quad_class(plover: str) -> int | None:
    return QUAD_CLASS.get(plover)
