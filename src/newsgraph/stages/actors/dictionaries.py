"""User dictionaries: YAML/CSV actor files and PETRARCH-format actor/agent dictionaries.

Each pipeline builds its own :class:`Lexicon` (a copy of the shipped one plus its dictionaries),
so two pipelines with different dictionaries can live in one process.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ...errors import DictionaryError
from ...vocab import ACTOR_KINDS, SECTORS
from .lexicon import Agent, Entry, Lexicon, builtin_lexicon, norm, slug

_FIELDS = ("id", "name", "country", "sector", "kind", "aliases", "role", "start", "end", "media")


def build_lexicon(dictionaries: Sequence[str] = (), petrarch_actors: Sequence[str] = (),
                  petrarch_agents: Sequence[str] = ()) -> Lexicon:
    """The shipped lexicon, copied and extended when any dictionary is named."""
    base = builtin_lexicon()
    if not dictionaries and not petrarch_actors and not petrarch_agents:
        return base
    lex = base.copy()
    for path in dictionaries:
        for alias_list, entry in load_user_dictionary(path):
            for alias in alias_list:
                lex.add(alias, entry, first=True)
    for path in petrarch_agents:
        for key, agent in load_petrarch_agents(path).items():
            lex.agents[key] = agent
            if key in lex.roles:
                lex.roles[key] = Agent(sector=agent.sector, kind="person", role=lex.roles[key].role,
                                       code=agent.code, code_first=agent.code_first)
    for path in petrarch_actors:
        for alias_list, entries in load_petrarch_actors(path):
            for alias in alias_list:
                for entry in reversed(entries):
                    lex.add(alias.rstrip("_"), entry, first=True, caps_rule=False)
                if not alias.endswith("_"):
                    lex.add_stem(alias, entries)
    return lex


def _read(path: str) -> str:
    p = Path(path)
    try:
        return p.read_text("utf-8")
    except FileNotFoundError:
        raise DictionaryError("dictionary file not found", input=str(p),
                              hint="check the path in actors.dictionaries / petrarch_*") from None
    except UnicodeDecodeError:
        raise DictionaryError("dictionary is not UTF-8 text", input=str(p), hint="save it as UTF-8") from None


# -- YAML / CSV ----------------------------------------------------------------------------
class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping (for error messages)."""


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = loader.construct_mapping(node, deep=True)  # type: ignore[assignment]
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_user_dictionary(path: str) -> list[tuple[list[str], Entry]]:
    """Actors from a YAML (list of mappings, or ``actors:`` list) or CSV (header row) file."""
    text = _read(path)
    records: list[tuple[int, dict[str, Any]]] = []
    if path.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        missing = {"id", "name"} - set(reader.fieldnames or [])
        if missing:
            raise DictionaryError(f"CSV header lacks {', '.join(sorted(missing))}", input=path, line=1)
        for row in reader:
            if None in row:
                raise DictionaryError("row has more cells than the header", input=path, line=reader.line_num)
            records.append((reader.line_num, {k: v for k, v in row.items() if v not in (None, "")}))
    else:
        try:
            data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DictionaryError(f"not valid YAML: {getattr(exc, 'problem', exc)}", input=path,
                                  line=mark.line + 1 if mark else None) from None
        if isinstance(data, dict) and "actors" in data:
            data = data["actors"]
        if not isinstance(data, list):
            raise DictionaryError("expected a list of actors (or an 'actors:' list)", input=path, line=1)
        for rec in data:
            if not isinstance(rec, dict):
                raise DictionaryError("each actor must be a mapping", input=path)
            line = int(rec.pop("__line__", 0)) or None
            records.append((line or 0, rec))
    return [_user_entry(path, line, rec) for line, rec in records]


def _user_entry(path: str, line: int, rec: dict[str, Any]) -> tuple[list[str], Entry]:
    def bad(msg: str) -> DictionaryError:
        return DictionaryError(msg, input=path, line=line or None)

    unknown = set(rec) - set(_FIELDS)
    if unknown:
        raise bad(f"unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(_FIELDS)}")
    name = str(rec.get("name") or "").strip()
    if not name:
        raise bad("actor has no name")
    country = str(rec.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
        raise bad(f"country must be an ISO 3166 alpha-3 code, got {country!r}")
    sector = str(rec.get("sector") or "").strip().upper() or None
    if sector is not None and sector not in SECTORS:
        raise bad(f"unknown sector {sector!r}; see newsgraph.vocab.SECTORS")
    kind = str(rec.get("kind") or ("state" if country and not sector and not rec.get("id") else "organization"))
    if kind not in ACTOR_KINDS:
        raise bad(f"unknown kind {kind!r}; one of {', '.join(ACTOR_KINDS)}")
    raw_aliases = rec.get("aliases") or []
    if isinstance(raw_aliases, str):
        raw_aliases = [a for a in re.split(r"[;|]", raw_aliases)]
    if not isinstance(raw_aliases, list):
        raise bad("aliases must be a list or a ';'-separated string")
    start = _year_or_date(rec.get("start"), bad)
    end = _year_or_date(rec.get("end"), bad)
    aid = str(rec.get("id") or "").strip() or (f"PER.{slug(name)}" if kind == "person" else f"USER.{slug(name)}")
    media = str(rec.get("media", "")).lower() in ("true", "1", "yes")
    entry = Entry(id=aid, name=name, country=country, sector=sector, kind=kind, source="user",
                  role=str(rec["role"]) if rec.get("role") else None,
                  affiliation=f"{country}.{sector}" if kind == "person" and country and sector else None,
                  media=media or sector == "MED" and kind == "organization", start=start, end=end)
    return [name, *(str(a).strip() for a in raw_aliases if str(a).strip())], entry


def _year_or_date(value: Any, bad: Any) -> str | None:
    if value in (None, ""):
        return None
    v = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        raise bad(f"dates must be YYYY or YYYY-MM-DD, got {v!r}")
    return v


# -- PETRARCH ------------------------------------------------------------------------------
_CODE = re.compile(r"^[A-Za-z0-9/~+\-]+$")


def _strip_comments(text: str) -> list[tuple[int, str]]:
    """Lines with ``<!-- -->`` blocks and ``#`` comments removed, with their 1-based numbers."""
    out: list[tuple[int, str]] = []
    in_block = False
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if line.lstrip().startswith("<!") or line.lstrip().startswith("<! "):
            if "-->" not in line:
                in_block = True
            continue
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((n, line))
    return out


def _petr_date(value: str, path: str, line: int) -> _dt.date:
    v = value.strip()
    try:
        if len(v) == 8:
            return _dt.date(int(v[:4]), int(v[4:6]), int(v[6:]))
        if len(v) == 6:
            yy = int(v[:2])
            return _dt.date(2000 + yy if yy < 30 else 1900 + yy, int(v[2:4]), int(v[4:]))
    except ValueError:
        pass
    raise DictionaryError(f"bad date {v!r} (use YYMMDD or YYYYMMDD)", input=path, line=line)


def _code_block(block: str, path: str, line: int) -> tuple[str, str | None, str | None]:
    """'HOBGOV 19950601 - 19990815' -> ('HOBGOV', '1995-06-01', '1999-08-15')."""
    body = block.strip()
    m = re.match(r"^(\S+)\s*(.*)$", body)
    if not m:
        raise DictionaryError("empty code block []", input=path, line=line)
    code, rest = m.group(1), m.group(2).strip()
    if rest.startswith(("<", ">")) and len(code) > 0 and code[-1] in "<>":
        pass
    if code[-1:] in ("<", ">"):
        rest, code = code[-1] + rest, code[:-1]
    if not _CODE.match(code):
        raise DictionaryError(f"bad actor code {code!r}", input=path, line=line)
    start = end = None
    if rest:
        one_day = _dt.timedelta(days=1)
        if rest.startswith("<"):
            end = (_petr_date(rest[1:], path, line) - one_day).isoformat()
        elif rest.startswith(">"):
            start = (_petr_date(rest[1:], path, line) + one_day).isoformat()
        elif "-" in rest:
            a, _, b = rest.partition("-")
            start, end = _petr_date(a, path, line).isoformat(), _petr_date(b, path, line).isoformat()
        else:
            raise DictionaryError(f"bad date restriction {rest!r}", input=path, line=line)
    return code.upper(), start, end


def _petr_name(raw: str) -> str:
    return raw.strip().rstrip("_").replace("_", " ").strip()


def _petr_alias(raw: str) -> str:
    """Like :func:`_petr_name` but keeps a trailing '_' (exact match, no stem)."""
    name = raw.strip()
    return _petr_name(name) + ("_" if name.endswith("_") else "")


def _petr_entry(code: str, name: str, start: str | None, end: str | None) -> Entry | None:
    if code in ("---", "+++") or not code.strip("-+"):
        return None
    sector = code[3:6] if len(code) >= 6 and code[3:6] in SECTORS else None
    kind = "state" if len(code) == 3 else "organization"
    return Entry(id=code, name=name.title(), country=code[:3], sector=sector, kind=kind, source="petrarch",
                 start=start, end=end)


def load_petrarch_actors(path: str) -> list[tuple[list[str], list[Entry]]]:
    """PETRARCH actor dictionary: ``NAME [CODE]``, ``+SYNONYM`` lines, ``[CODE <date]`` blocks."""
    text = _read(path)
    groups: list[tuple[list[str], list[Entry]]] = []
    names: list[str] = []
    blocks: list[tuple[str, str | None, str | None]] = []

    def flush() -> None:
        if names:
            dated = [b for b in blocks if b[1] or b[2]]
            plain = [b for b in blocks if not (b[1] or b[2])]
            entries = [e for b in [*dated, *plain]
                       if (e := _petr_entry(b[0], names[0].rstrip("_"), b[1], b[2]))]
            if entries:
                groups.append((list(names), entries))

    for n, line in _strip_comments(text):
        stripped = line.strip()
        if line.count("[") != line.count("]"):
            raise DictionaryError("unbalanced [ ] in code block", input=path, line=n)
        if stripped.startswith("+"):
            if not names:
                raise DictionaryError("synonym (+NAME) before any actor", input=path, line=n)
            alias = _petr_alias(stripped[1:])
            if not alias.strip("_"):
                raise DictionaryError("empty synonym", input=path, line=n)
            names.append(alias)
            continue
        if stripped.startswith("["):
            if not names:
                raise DictionaryError("code block before any actor", input=path, line=n)
            for block in re.findall(r"\[([^\]]*)\]", stripped):
                blocks.append(_code_block(block, path, n))
            continue
        if line[:1].isspace() and not stripped.startswith("["):
            raise DictionaryError(f"unexpected indented text {stripped!r}", input=path, line=n)
        flush()
        head, _, tail = stripped.partition("[")
        name = _petr_alias(head)
        if not name.strip("_"):
            raise DictionaryError("actor line has no name", input=path, line=n)
        names = [name]
        blocks = []
        if tail:
            for block in re.findall(r"\[([^\]]*)\]", "[" + tail):
                blocks.append(_code_block(block, path, n))
    flush()
    return groups


def _plural(word: str) -> str:
    if word.endswith(("S", "X", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def load_petrarch_agents(path: str) -> dict[str, Agent]:
    """PETRARCH agent dictionary: ``NOUN {PLURALS} [~CODE]`` and ``!MACRO! = A, B`` lines."""
    text = _read(path)
    macros: dict[str, list[str]] = {}
    out: dict[str, Agent] = {}
    for n, line in _strip_comments(text):
        stripped = line.strip()
        m = re.match(r"^(![A-Za-z0-9_]+!)\s*=\s*(.+)$", stripped)
        if m:
            macros[m.group(1).upper()] = [w.strip().upper() for w in m.group(2).split(",") if w.strip()]
            continue
        if stripped.count("[") != 1 or stripped.count("]") != 1:
            raise DictionaryError("agent line needs one [CODE] block", input=path, line=n)
        head, _, rest = stripped.partition("[")
        code_raw = rest.split("]", 1)[0].strip()
        if "~" not in code_raw:
            raise DictionaryError(f"agent code {code_raw!r} lacks '~'", input=path, line=n)
        code_first = not code_raw.startswith("~")
        code = code_raw.replace("~", "").strip().upper()
        if not _CODE.match(code or "?"):
            raise DictionaryError(f"bad agent code {code_raw!r}", input=path, line=n)
        plurals: list[str] | None = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plurals = [p.strip() for p in re.split(r"[,\s]+", pm.group(1)) if p.strip()]
            head = head[:pm.start()] + head[pm.end():]
        name = head.strip().upper()
        if not name:
            raise DictionaryError("agent line has no noun", input=path, line=n)
        forms = [name]
        for macro, words in macros.items():
            if macro in name:
                forms = [name.replace(macro, w) for w in words]
        if plurals is None:
            forms += [_plural(f) for f in list(forms)]
        else:
            forms += [p.upper() for p in plurals]
        sector = code[:3] if code[:3] in SECTORS else None
        agent = Agent(sector=sector, kind="group", code=code, code_first=code_first)
        for form in forms:
            out[norm(_petr_name(form))] = agent
    return out
