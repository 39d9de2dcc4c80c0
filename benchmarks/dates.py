"""Dates against TempEval-3 (TimeBank + AQUAINT, "TBAQ-cleaned", ../shared/gold/tempeval3_tbaq).

    python benchmarks/dates.py [--limit N] [--misses N] [--gold DIR]

Each of the 256 news articles runs through the ``nlp`` and ``dates`` stages with its creation time
(the TimeML ``DCT``) as publication date. The gold is every TIMEX3 of type DATE or TIME (the
creation time itself left out): newsgraph finds dates, not durations or sets, so a predicted mention
that overlaps only gold DURATION or SET expressions is counted apart (``other``), neither right nor
wrong. Scores follow the TempEval-3 definitions:

- strict span P/R/F1: predicted and gold spans identical;
- relaxed span P/R/F1: they overlap (a prediction that overlaps a gold expression matches it);
- value accuracy: the share of relaxed-matched gold expressions whose value a matching prediction
  has; value P/R/F1: relaxed matches with the right value, over predictions and over gold.

newsgraph mentions are turned into TimeML expressions by :func:`predictions` and
:func:`timeml_values` (the 1990s: "199"; "since May": "May"; "from May to June": two expressions). The articles are split once by a fixed seed into a
tune part (60 %; misses are read there only: ``--misses``) and a check part (40 %, the result).
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/ holds scripts named like stdlib modules: keep it off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import html  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
from collections.abc import Iterable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from functools import cache  # noqa: E402

from newsgraph.model import Article, DateRef  # noqa: E402
from newsgraph.pipeline import Pipeline  # noqa: E402
from newsgraph.stages.dates import DateMatch, find_dates  # noqa: E402

GOLD = Path(os.environ.get("NEWSGRAPH_GOLD", Path(__file__).resolve().parents[1].parent / "shared" / "gold"))
FOLDER = "tempeval3_tbaq"
SEED = 2026
TUNE_SHARE = 0.6
SCORED_TYPES = ("DATE", "TIME")
#: value F1 of HeidelTime on the TempEval-3 test set (all types), the usual anchor
HEIDELTIME_VALUE_F1 = 0.78


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: dt.date
    text: str
    timexes: tuple[Timex, ...]  # DATE and TIME
    others: tuple[Timex, ...]  # DURATION and SET


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    text: str
    values: frozenset[str]


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_document(path: Path) -> Document:
    """One TimeML file: its creation date, plain text and TIMEX3 expressions with offsets."""
    raw = path.read_text("utf-8")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    if dct_m is None:
        raise ValueError(f"{path}: no creation time")
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text: list[str] = []
    pos = 0
    at = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    found: list[Timex] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[at:m.start()])
        text.append(chunk)
        pos += len(chunk)
        at = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (pos, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            plain = "".join(text)
            found.append(Timex(start, pos, attrs.get("type", ""), attrs.get("value", ""), plain[start:pos]))
            open_timex = None
    text.append(html.unescape(body[at:]))
    return Document(
        name=path.stem, dct=dt.date.fromisoformat(dct_m.group(1)), text="".join(text),
        timexes=tuple(t for t in found if t.type in SCORED_TYPES),
        others=tuple(t for t in found if t.type not in SCORED_TYPES),
    )


def load_documents(gold: Path = GOLD) -> list[Document]:
    """Every article, in a fixed order (corpus, then file name)."""
    folder = gold / FOLDER
    return [read_document(p) for p in sorted(folder.glob("*/*.tml"))]


def split(docs: Sequence[Document]) -> tuple[list[Document], list[Document]]:
    """(tune, check): the articles shuffled once by the fixed seed, 60 % / 40 %."""
    order = list(docs)
    random.Random(SEED).shuffle(order)
    cut = round(len(order) * TUNE_SHARE)
    return order[:cut], order[cut:]


# -- newsgraph values as TimeML values --------------------------------------------------------------
def _unit_of(a: dt.date, b: dt.date) -> tuple[str, str]:
    """TimeML values of a range's two ends: whole years, whole months or days."""
    if (a.month, a.day) == (1, 1) and (b.month, b.day) == (12, 31):
        return f"{a.year:04d}", f"{b.year:04d}"
    if a.day == 1 and (b + dt.timedelta(days=1)).day == 1:
        return f"{a.year:04d}-{a.month:02d}", f"{b.year:04d}-{b.month:02d}"
    return a.isoformat(), b.isoformat()


def timeml_values(value: str | None, start: str | None, end: str | None, precision: str) -> frozenset[str]:
    """The TimeML value(s) a newsgraph date stands for. Days, ISO weeks, months, years, quarters,
    halves and the PRESENT/PAST/FUTURE_REF tokens are written alike; a day that stands for a
    coarser unit ("two years ago": 2015-12-06, precision year) is written in that unit ("2015");
    the 1990s is "199", a century (1400/1499) "14"; a weekend "2017-W48-WE"; a range of two dates
    stands for the values of both ends, as TimeML writes each end as an expression of its own."""
    if value is None:
        return frozenset()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value) and precision in ("week", "month", "year"):
        day = dt.date.fromisoformat(value)
        if precision == "week":
            iso = day.isocalendar()
            return frozenset({f"{iso[0]}-W{iso[1]:02d}"})
        return frozenset({value[:7] if precision == "month" else value[:4]})
    m = re.fullmatch(r"(\d{3})0s", value)
    if m:
        return frozenset({m.group(1)})
    m = re.fullmatch(r"(\d\d)00/\d\d99|0001/0099", value)
    if m:
        return frozenset({m.group(1) or "00"})
    if "/" not in value:
        return frozenset({value})
    a = dt.date.fromisoformat(start) if start else None
    b = dt.date.fromisoformat(end) if end else None
    if a and b and a.weekday() == 5 and (b - a).days == 1:
        iso = a.isocalendar()
        return frozenset({f"{iso[0]}-W{iso[1]:02d}-WE"})
    if a and b:
        return frozenset(_unit_of(a, b))
    return frozenset()


#: "the first six months of 2013": TimeML writes a count of units from a period's start as a duration
#: ("the first six months", not scored) and the period it counts in as a date ("2013")
COUNTED_PART = re.compile(r"(?:the\s+)?(?:first|last|latest|past)\s+(?:\w+\s+)?(?:months|quarters|weeks|days)\s+of\s+",
                          re.I)
#: "the day before Easter", "two weeks after May 3": a day counted from a date named is one expression
#: in TimeML, written as the day it names (not as the date it is counted from)
OFFSET_FROM_DATE = re.compile(r"(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                              r"(?:day|week|month|year)s?\s+(?:before|after)\s+\S", re.I)


def predictions(d: DateRef, dct: dt.date) -> list[Prediction]:
    """A newsgraph mention as TimeML expressions: TimeML leaves signal words out ("since" May, "until"
    2018) and writes the two ends of "from May to June" apart, so a mention the grammar built by
    joining or modifying dates is scored as the dates it was built from; of "the first six months
    of 2013", the year is the date."""
    whole = Prediction(d.evidence.start, d.evidence.end, d.text, timeml_values(d.value, d.start, d.end, d.precision))
    first = d.start or d.end  # "until mid-December": a range open at its start points by its end
    future = bool(first and first > dct.isoformat())
    counted = COUNTED_PART.match(d.text)
    if counted:
        inner = find_dates(d.text[counted.end():], dct, future=future, loose=False, refs=True)
        at = d.evidence.start + counted.end()
        if inner:
            return [Prediction(at + p.start, at + p.end, p.text,
                               timeml_values(p.value, p.start_date.isoformat() if p.start_date else None,
                                             p.end_date.isoformat() if p.end_date else None, p.precision))
                    for p in inner]
        if re.fullmatch(r"the\s+year", d.text[counted.end():], re.I) and d.start:  # "... of the year"
            return [Prediction(at, d.evidence.end, d.text[counted.end():], frozenset({d.start[:4]}))]
    if OFFSET_FROM_DATE.match(d.text):
        return [whole]
    parts = find_dates(d.text, dct, future=future, loose=False, refs=True, combined=False)
    if not parts or (len(parts) == 1 and (parts[0].start, parts[0].end) == (0, len(d.text))):
        return [whole]
    parts = [at_an_end(p, d, dct) for p in parts]
    return [Prediction(d.evidence.start + p.start, d.evidence.start + p.end, p.text,
                       timeml_values(p.value, p.start_date.isoformat() if p.start_date else None,
                                     p.end_date.isoformat() if p.end_date else None, p.precision))
            for p in parts]


def at_an_end(part: DateMatch, d: DateRef, dct: dt.date) -> DateMatch:
    """``part`` of mention ``d`` read as the stage read it: where the other reading of a date without
    its year ("from now to Election Day": this year's, not last year's) starts or ends where the
    mention does, that one."""
    bounds = {d.start, d.end} - {None}
    if not bounds or {part.start_date and part.start_date.isoformat(), part.end_date and part.end_date.isoformat()} & bounds:
        return part
    for other in find_dates(d.text, dct, future=True, loose=False, refs=True, combined=False):
        ends = {other.start_date and other.start_date.isoformat(), other.end_date and other.end_date.isoformat()}
        if (other.start, other.end) == (part.start, part.end) and ends & bounds:
            return DateMatch(part.start, part.end, part.text, other.value, other.start_date, other.end_date,
                             other.precision)
    return part


@cache
def pipeline() -> Pipeline:
    return Pipeline.from_config(stages=["nlp", "dates"])


def predict(docs: Sequence[Document]) -> list[list[Prediction]]:
    """The dates stage's mentions of each document."""
    out: list[list[Prediction]] = []
    for doc in docs:
        art = pipeline()(Article(text=doc.text, raw_text=doc.text, published=doc.dct.isoformat()))
        out.append([p for d in art.dates for p in predictions(d, doc.dct)])
    return out


# -- scoring ------------------------------------------------------------------------------------------
@dataclass
class Score:
    docs: int = 0
    gold: int = 0
    predicted: int = 0
    other: int = 0  # predictions over gold DURATION/SET only: not scored
    strict_gold: int = 0
    strict_pred: int = 0
    relaxed_gold: int = 0
    relaxed_pred: int = 0
    value_gold: int = 0
    value_pred: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (document, what went wrong)

    @staticmethod
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def _pr(self, hits_pred: int, hits_gold: int) -> tuple[float, float, float]:
        p = hits_pred / self.predicted if self.predicted else 0.0
        r = hits_gold / self.gold if self.gold else 0.0
        return p, r, self.f1(p, r)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self._pr(self.strict_pred, self.strict_gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return self._pr(self.relaxed_pred, self.relaxed_gold)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._pr(self.value_pred, self.value_gold)

    @property
    def value_accuracy(self) -> float:
        return self.value_gold / self.relaxed_gold if self.relaxed_gold else 0.0


def canonical(value: str) -> str:
    """A TimeML value in one spelling of the two the gold uses for the same value: the ISO week
    number with two digits ("2017-W5" is "2017-W05"), a decade without its trailing X ("201X" is
    "201", as the TimeML guidelines write it). Nothing else is changed ("2005-XX-XX", a day of 2005,
    stays apart from the year 2005)."""
    value = re.sub(r"^(\d{4})-W(\d)(?!\d)", r"\1-W0\2", value)
    return re.sub(r"^(\d{3})X$", r"\1", value)


def same_value(gold: str, predicted: Iterable[str]) -> bool:
    """Whether a prediction's values hold the gold value, both in :func:`canonical` spelling."""
    return canonical(gold) in {canonical(v) for v in predicted}


def _overlaps(a: Timex | Prediction, b: Timex | Prediction) -> bool:
    return a.start < b.end and b.start < a.end


def score_document(doc: Document, preds: Iterable[Prediction], score: Score) -> None:
    """Add one document's counts (and its misses) to ``score``."""
    scored = [p for p in preds
              if any(_overlaps(p, t) for t in doc.timexes) or not any(_overlaps(p, t) for t in doc.others)]
    score.docs += 1
    score.other += sum(1 for p in preds if p not in scored)
    score.gold += len(doc.timexes)
    score.predicted += len(scored)
    for t in doc.timexes:
        near = [p for p in scored if _overlaps(p, t)]
        score.strict_gold += any((p.start, p.end) == (t.start, t.end) for p in near)
        score.relaxed_gold += bool(near)
        right = any(same_value(t.value, p.values) for p in near)
        score.value_gold += right
        if not near:
            score.misses.append((doc.name, f"missed  {t.type} {t.text!r} = {t.value}"))
        elif not right:
            got = "; ".join(f"{p.text!r} = {'|'.join(sorted(p.values)) or None}" for p in near)
            score.misses.append((doc.name, f"value   {t.type} {t.text!r} = {t.value}  got {got}"))
        elif not any((p.start, p.end) == (t.start, t.end) for p in near):
            score.misses.append((doc.name, f"span    {t.text!r}  got {'; '.join(repr(p.text) for p in near)}"))
    for p in scored:
        near_t = [t for t in doc.timexes if _overlaps(p, t)]
        score.strict_pred += any((p.start, p.end) == (t.start, t.end) for t in near_t)
        score.relaxed_pred += bool(near_t)
        score.value_pred += any(same_value(t.value, p.values) for t in near_t)
        if not near_t:
            score.misses.append((doc.name, f"extra   {p.text!r} = {'|'.join(sorted(p.values)) or None}"))


def score_documents(docs: Sequence[Document]) -> Score:
    score = Score()
    for doc, preds in zip(docs, predict(docs), strict=True):
        score_document(doc, preds, score)
    return score


def run(gold: Path = GOLD, limit: int | None = None) -> dict[str, Score]:
    """The tune and check parts scored (``limit``: the first N articles of each)."""
    tune, check = split(load_documents(gold))
    if limit:
        tune, check = tune[:limit], check[:limit]
    return {"tune": score_documents(tune), "check": score_documents(check)}


def report(scores: dict[str, Score]) -> str:
    rows = [f"{'':22}" + "".join(f"{k:>10}" for k in scores)]

    def row(label: str, values: Iterable[float | int]) -> None:
        rows.append(f"{label:22}" + "".join(f"{v:>10.3f}" if isinstance(v, float) else f"{v:>10}" for v in values))

    s = list(scores.values())
    row("documents", [x.docs for x in s])
    row("gold DATE/TIME", [x.gold for x in s])
    row("predicted", [x.predicted for x in s])
    row("other (DURATION/SET)", [x.other for x in s])
    for name in ("strict", "relaxed", "value"):
        for i, part in enumerate(("P", "R", "F1")):
            row(f"{name} {part}", [getattr(x, name)[i] for x in s])
    row("value accuracy", [x.value_accuracy for x in s])
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each part")
    ap.add_argument("--misses", type=int, default=0, help="print N misses of the tune part")
    args = ap.parse_args(argv)
    scores = run(args.gold, args.limit)
    print(report(scores))
    print(f"result: the check part (tune is context). HeidelTime value F1 (TempEval-3, all types): "
          f"{HEIDELTIME_VALUE_F1}")
    for name, what in scores["tune"].misses[: args.misses]:
        print(f"{name:28} {what}")


if __name__ == "__main__":
    main()
