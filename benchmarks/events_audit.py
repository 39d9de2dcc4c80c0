"""The events audit set: 40 real articles hand-coded before newsgraph ran on them (issue 14).

The articles are bodies of the three body-extraction gold sets in ``../shared/gold`` (they carry no
event gold of their own); the annotations (``benchmarks/audit/events_audit.jsonl``) hold ids,
character offsets and a sha256 of each body, never the text. How a body string is obtained
(:func:`load_body`), how the 40 were picked (:func:`select`), the coding rules and the fixed
tune/check split are documented in ``benchmarks/audit/README.md``.

Scoring (:func:`score`), per half, at the default confidence threshold and with every event:

- strict: a system event matches a gold event of the same sentence (its trigger or evidence overlaps
  the gold sentence) when the PLOVER type is right, or, for a statement (PLOVER null), the CAMEO root
  is right, AND each side (source, target) is right: a gold side with an actor is matched by a system
  actor of the same country and sector or by an actor mention overlapping the gold actor span; an
  empty gold side must be empty in the system event.
- lenient: the type is right and no actor is wrong (a missing system actor is not wrong; a system
  actor that matches no gold actor of that side is).
- an empty gold target must stay empty (strict); an unknown gold source is matched by an empty one.
- optional gold events (re-mentions, habitual or hypothetical acts, crime, uncertain codings) are
  neither required nor wrong: a system event matching one is ignored; a second system event matching
  an already matched gold event is a duplicate (counted apart, neither right nor wrong).
- precision counts every system event of the half (non-political pages included); recall counts the
  required gold events; false events per non-political article are printed apart.

Usage: python -m benchmarks.events_audit [--select | --counts | --misses tune | --causes tune | --actors tune | --curve]
(``--select`` prints the selection and stops; ``--causes tune`` classifies the tune half's strict misses by
cause: not extracted, below the threshold, wrong type, wrong role, actor missing (no mention of it, or not
attached), wrong country, wrong sector, extra actor; ``--actors tune`` scores the actors stage alone on the
coder's actor spans of both halves and lists the tune half's wrong ones)
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# run as a script, this folder is sys.path[0]: keep its modules from shadowing the stdlib (numbers.py)
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from html.parser import HTMLParser  # noqa: E402
from typing import Any  # noqa: E402

ROOT = _HERE.parent
AUDIT = _HERE / "audit"
ANNOTATIONS = AUDIT / "events_audit.jsonl"

#: The fixed seeds: one picks the articles, one splits them into tune and check.
SELECT_SEED = 1414
SPLIT_SEED = 14
N_POLITICAL = 32
N_NONPOLITICAL = 8
N_TUNE_POLITICAL, N_TUNE_NONPOLITICAL = 19, 5  # 24 tune, 16 check (60/40 in each group)
#: Body length window (characters) that keeps hand coding of a whole article tractable.
MIN_CHARS, MAX_CHARS = 800, 4500
#: Political keyword hits per 1,000 words: at least this for the political pool ...
POLITICAL_RATE = 12.0
#: ... at most this (and from the Scrapinghub news pages only) for the non-political pool.
NONPOLITICAL_RATE = 2.0
#: Default confidence threshold (config events.min_confidence).
THRESHOLD = 0.5
DRAGNET_MARKER = "!@#$%^&*()  COMMENTS"
_ENGLISH = frozenset("the of and to in a is that for was on with it as by".split())
_WORD = re.compile(r"[A-Za-z]+")


def gold_dir() -> Path:
    env = os.environ.get("NEWSGRAPH_GOLD")
    return Path(env) if env else ROOT.parent / "shared" / "gold"


# --- bodies ------------------------------------------------------------------------------------------

class _Text(HTMLParser):
    """Readability's expected.html -> text: block elements end a paragraph, whitespace collapses."""

    BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol br blockquote pre tr table section article "
                       "header footer figure figcaption dd dt dl hr".split())
    SKIP = frozenset(("script", "style"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[str] = []
        self.buf: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        para = " ".join("".join(self.buf).split())
        if para:
            self.paras.append(para)
        self.buf = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buf.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paras)


def decode_dragnet(data: bytes) -> str:
    """Dragnet's corrected files: UTF-8 where the bytes are valid UTF-8 (106 of the 200 are, whatever
    the README says), else cp1252; CRLF -> LF; the article part is what precedes the comments marker."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cut = text.find(DRAGNET_MARKER)
    return (text if cut < 0 else text[:cut]).strip()


def _scrapinghub(gold: Path) -> dict[str, str]:
    path = gold / "scrapinghub_article_extraction_benchmark" / "ground-truth.json"
    data = json.loads(path.read_text("utf-8"))
    return {k: v["articleBody"] for k, v in data.items()}


def load_body(doc_id: str, gold: Path | None = None) -> str:
    """The exact body string an annotation's offsets point into. ``doc_id`` is ``<set>:<key>``:

    - ``scrapinghub:<id>``: ``ground-truth.json`` (UTF-8 JSON) ``[id]["articleBody"]`` as is;
    - ``dragnet:<n>``: ``Corrected/<n>.html.corrected.txt`` through :func:`decode_dragnet`;
    - ``readability:<name>``: ``pages/<name>/expected.html`` (UTF-8) through :func:`html_text`.
    """
    gold = gold or gold_dir()
    kind, _, key = doc_id.partition(":")
    if kind == "scrapinghub":
        return _scrapinghub(gold)[key]
    if kind == "dragnet":
        return decode_dragnet((gold / "dragnet_comments_subset" / "Corrected" / f"{key}.html.corrected.txt").read_bytes())
    if kind == "readability":
        return html_text((gold / "mozilla_readability_testpages" / "pages" / key / "expected.html").read_text("utf-8"))
    raise ValueError(f"unknown audit document id {doc_id!r}")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- selection ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    doc_id: str
    source: str
    chars: int
    words: int
    political_rate: float
    english: float


def political_words() -> frozenset[str]:
    lines = (AUDIT / "political_words.txt").read_text("utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _all_bodies(gold: Path) -> dict[str, str]:
    out = {f"scrapinghub:{k}": v for k, v in sorted(_scrapinghub(gold).items())}
    for p in sorted((gold / "dragnet_comments_subset" / "Corrected").glob("*.html.corrected.txt")):
        out[f"dragnet:{p.name.split('.')[0]}"] = decode_dragnet(p.read_bytes())
    for p in sorted((gold / "mozilla_readability_testpages" / "pages").glob("*/expected.html")):
        out[f"readability:{p.parent.name}"] = html_text(p.read_text("utf-8"))
    return out


def candidates(gold: Path | None = None) -> list[Candidate]:
    """Every body of the three sets with its length, English share and political keyword rate."""
    vocab = political_words()
    out = []
    for doc_id, body in _all_bodies(gold or gold_dir()).items():
        words = [w.lower() for w in _WORD.findall(body)]
        n = max(1, len(words))
        out.append(Candidate(doc_id, doc_id.split(":")[0], len(body), len(words),
                             1000.0 * sum(w in vocab for w in words) / n,
                             sum(w in _ENGLISH for w in words) / n))
    return out


def select(gold: Path | None = None) -> tuple[list[str], list[str]]:
    """The documented rule: English bodies (>= 15 % common function words) of MIN_CHARS..MAX_CHARS
    characters; political pool = POLITICAL_RATE or more keyword hits per 1,000 words (any set);
    non-political pool = Scrapinghub news pages with at most NONPOLITICAL_RATE; each pool sorted by id
    and shuffled with SELECT_SEED; the first N_POLITICAL and N_NONPOLITICAL are taken."""
    cands = [c for c in candidates(gold) if MIN_CHARS <= c.chars <= MAX_CHARS and c.english >= 0.15]
    pol = sorted(c.doc_id for c in cands if c.political_rate >= POLITICAL_RATE)
    non = sorted(c.doc_id for c in cands if c.source == "scrapinghub" and c.political_rate <= NONPOLITICAL_RATE)
    rng = random.Random(SELECT_SEED)
    rng.shuffle(pol)
    rng.shuffle(non)
    return pol[:N_POLITICAL], non[:N_NONPOLITICAL]


def split_ids(political: list[str], nonpolitical: list[str]) -> tuple[list[str], list[str]]:
    """The fixed split, stratified so both halves hold non-political pages: each group's ids sorted and
    shuffled with SPLIT_SEED; the first N_TUNE_POLITICAL political and N_TUNE_NONPOLITICAL
    non-political ids are tune (24), the rest check (16)."""
    tune: list[str] = []
    check: list[str] = []
    for ids, n in ((political, N_TUNE_POLITICAL), (nonpolitical, N_TUNE_NONPOLITICAL)):
        order = sorted(ids)
        random.Random(SPLIT_SEED).shuffle(order)
        tune += order[:n]
        check += order[n:]
    return sorted(tune), sorted(check)


# --- annotations -------------------------------------------------------------------------------------

def load_annotations(path: Path = ANNOTATIONS) -> list[dict[str, Any]]:
    """One dict per article: id, set, split, political, published, chars, sha256, events."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def check_bodies(docs: list[dict[str, Any]], gold: Path | None = None) -> dict[str, str]:
    """The bodies of the annotated articles; raises ValueError when one has drifted (sha256)."""
    bodies = {}
    for d in docs:
        body = load_body(d["id"], gold)
        if sha256(body) != d["sha256"]:
            raise ValueError(f"{d['id']}: the body changed since it was annotated (sha256 differs)")
        bodies[d["id"]] = body
    return bodies


# --- running newsgraph -------------------------------------------------------------------------------

@dataclass
class SysActor:
    country: str | None
    sector: str | None
    spans: list[tuple[int, int]]  # mentions, as body offsets


@dataclass
class SysEvent:
    plover: str | None
    cameo: str
    confidence: float
    span: tuple[int, int]  # trigger (else evidence), as body offsets
    source: list[SysActor]
    target: list[SysActor]
    text: str
    features: dict[str, Any] | None = None
    sentence: str = ""


def _offset_map(text: str, body: str) -> Any:
    """Maps an offset of the cleaned article text to the body (the cleaner may cut or reflow)."""
    from difflib import SequenceMatcher

    blocks = SequenceMatcher(None, text, body, autojunk=False).get_matching_blocks()

    def to_body(i: int) -> int:
        for a, b, n in blocks:
            if a <= i < a + n or (n and i == a + n):
                return b + (i - a)
        before = [(a, b, n) for a, b, n in blocks if a + n <= i and n]
        return before[-1][1] + before[-1][2] if before else 0

    return to_body


def _sector_of(art: Any, ref: str) -> str | None:
    actor = art.actor(ref)
    seen = set()
    while actor is not None and actor.id not in seen:
        seen.add(actor.id)
        if actor.sector:
            return "POL" if actor.sector == "PTY" else str(actor.sector)
        actor = art.actor(actor.affiliation) if actor.affiliation else None
    head, _, rest = ref.partition(".")
    return rest.split(".")[0] if rest.isupper() else None


def system_events(art: Any, body: str) -> list[SysEvent]:
    """The article's events with actors resolved to (country, sector, body spans)."""
    from newsgraph.stages.events.args import country_of

    to_body = _offset_map(art.text, body)

    def actor(ref: str) -> SysActor:
        a = art.actor(ref)
        spans = [(to_body(m.start), to_body(m.end)) for m in (a.mentions if a else [])]
        return SysActor(country_of(art, ref), _sector_of(art, ref), spans)

    out = []
    for e in art.events:
        where = e.trigger or e.evidence
        out.append(SysEvent(e.plover, str(e.cameo)[:2], 1.0 if e.confidence is None else e.confidence,
                            (to_body(where.start), to_body(where.end)),
                            [actor(r) for r in e.source], [actor(r) for r in e.target], where.text,
                            dict(e.features or {}), e.evidence.text if e.evidence else ""))
    return out


@dataclass
class SysMention:
    """One actor mention of the actors stage (any actor, in an event or not), as body offsets."""
    start: int
    end: int
    country: str | None
    sector: str | None


def actor_mentions(art: Any, body: str) -> list[SysMention]:
    """Every mention of every actor of the article, with the actor's country (a '-led' actor: its
    leader's) and sector."""
    to_body = _offset_map(art.text, body)
    return [SysMention(to_body(m.start), to_body(m.end), a.country or a.led_by, _sector_of(art, a.id))
            for a in art.actors for m in a.mentions]


def run_articles(docs: list[dict[str, Any]], bodies: dict[str, str], upto: str | None = None) -> dict[str, Any]:
    """Every article through the default pipeline with every event kept (threshold applied later), or
    through the stages up to ``upto`` only ("actors": what the actors stage alone found). The whole body
    is the article text (a title is given so that no first line is split off)."""
    import newsgraph
    from newsgraph.config import default_config
    from newsgraph.model import Article
    from newsgraph.pipeline import Pipeline

    pipe = Pipeline.from_config(default_config().with_overrides(events__min_confidence=0.0))
    if upto is None:
        return {d["id"]: newsgraph.extract(bodies[d["id"]], pipeline=pipe, published=d["published"], title="",
                                           input=d["id"]) for d in docs}
    out = {}
    for d in docs:
        art = Article(text=bodies[d["id"]], published=d["published"], title="")
        for stage in pipe.stages:
            stage(art)
            if stage.name == upto:
                break
        out[d["id"]] = art
    return out


def run_newsgraph(docs: list[dict[str, Any]], bodies: dict[str, str]) -> dict[str, list[SysEvent]]:
    """The events of every article (:func:`run_articles`), actors resolved."""
    return {k: system_events(art, bodies[k]) for k, art in run_articles(docs, bodies).items()}


# --- scoring -----------------------------------------------------------------------------------------

#: Country codes scored as the same: a dependent territory with its own ISO code and its state.
SAME_COUNTRY = {"HKG": "CHN", "MAC": "CHN"}


def _cc(code: str | None) -> str | None:
    return SAME_COUNTRY.get(code, code) if code else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def type_right(g: dict[str, Any], s: SysEvent) -> bool:
    """PLOVER type right where both have one (an alternative the coder allowed counts), else the CAMEO root."""
    alt = g.get("alt") or {}
    if g["plover"] is not None and s.plover is not None:
        return s.plover in {g["plover"], *alt.get("plover", [])}
    return s.cameo in {g["cameo"], *alt.get("cameo", [])}


def actor_matches(ga: dict[str, Any], sa: SysActor) -> bool:
    """Same country and sector, or a mention overlapping the coder's actor span."""
    if ga["start"] is not None and any(_overlap((ga["start"], ga["end"]), sp) for sp in sa.spans):
        return True
    return _cc(ga["country"]) == _cc(sa.country) and ga["sector"] == sa.sector


def _unknown(ga: dict[str, Any]) -> bool:
    return ga["start"] is None and ga["country"] is None and ga["sector"] is None


def side(gold: list[dict[str, Any]], sys_: list[SysActor]) -> tuple[bool, bool]:
    """(no wrong actor, right): a system actor matching no gold actor of the side is wrong; the side is
    right when it has no wrong actor and, where the coder named one, at least one matching actor. An
    unknown gold actor (no span, country or sector) is matched by an empty side."""
    named = [g for g in gold if not _unknown(g)]
    wrong = any(not any(actor_matches(g, a) for g in named) for a in sys_)
    if not named:
        return not wrong, not sys_
    return not wrong, not wrong and bool(sys_)


def _match(g: dict[str, Any], s: SysEvent, strict: bool) -> bool:
    if not (_overlap((g["sentence"]["start"], g["sentence"]["end"]), s.span) and type_right(g, s)):
        return False
    (src_ok, src_right), (tgt_ok, tgt_right) = side(g["source"], s.source), side(g["target"], s.target)
    return src_right and tgt_right if strict else src_ok and tgt_ok


def score_article(gold: list[dict[str, Any]], sys_: list[SysEvent], strict: bool) -> dict[str, int]:
    """tp/fp/fn/dup for one article. Each system event is matched to a required gold event first (one
    system event per gold event; a second one matching the same gold event is a duplicate, neither right
    nor wrong), then to an optional one (ignored); unmatched, it is a false event."""
    req = [g for g in gold if not g["optional"]]
    opt = [g for g in gold if g["optional"]]
    hit: set[int] = set()
    c = {"tp": 0, "fp": 0, "dup": 0, "ignored": 0}
    for s in sys_:
        free = [i for i, g in enumerate(req) if i not in hit and _match(g, s, strict)]
        if free:
            hit.add(free[0])
            c["tp"] += 1
        elif any(_match(g, s, strict) for g in req):
            c["dup"] += 1
        elif any(_match(g, s, strict) for g in opt):
            c["ignored"] += 1
        else:
            c["fp"] += 1
    c["fn"] = len(req) - len(hit)
    c["gold"] = len(req)
    return c


def score(docs: list[dict[str, Any]], found: dict[str, list[SysEvent]], threshold: float) -> dict[str, Any]:
    """Strict and lenient precision/recall over the documents, and false events per non-political one."""
    out: dict[str, Any] = {"articles": len(docs), "gold": 0, "system": 0}
    for mode in ("strict", "lenient"):
        t = {"tp": 0, "fp": 0, "fn": 0, "dup": 0, "ignored": 0, "gold": 0}
        for d in docs:
            kept = [s for s in found[d["id"]] if s.confidence >= threshold]
            for k, v in score_article(d["events"], kept, mode == "strict").items():
                t[k] += v
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = (t["gold"] - t["fn"]) / t["gold"] if t["gold"] else 0.0
        out[mode] = {"precision": p, "recall": r, **t}
    nonpol = [d for d in docs if not d["political"]]
    false_np = sum(score_article(d["events"], [s for s in found[d["id"]] if s.confidence >= threshold],
                                 False)["fp"] for d in nonpol)
    out["nonpolitical_articles"] = len(nonpol)
    out["false_per_nonpolitical"] = false_np / len(nonpol) if nonpol else 0.0
    out["gold"] = sum(1 for d in docs for g in d["events"] if not g["optional"])
    out["system"] = sum(1 for d in docs for s in found[d["id"]] if s.confidence >= threshold)
    return out


#: Thresholds of the calibration curve (``--curve``).
CURVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def curve(docs: list[dict[str, Any]], found: dict[str, list[SysEvent]]) -> list[str]:
    """Strict and lenient precision / recall and the number of system events of each half at each
    threshold of ``CURVE``: where events at or above a threshold are right how often."""
    parts = halves(docs)
    rows = [f"{'threshold':>9}  {'tune: events  strict P/R    lenient P/R':44} {'check: events  strict P/R    lenient P/R'}"]
    for t in CURVE:
        cells = []
        for h in ("tune", "check"):
            r = score(parts[h], found, t)
            cells.append(f"{r['system']:6}  {r['strict']['precision']:.3f}/{r['strict']['recall']:.3f}  "
                         f"{r['lenient']['precision']:.3f}/{r['lenient']['recall']:.3f}")
        rows.append(f"{t:9.1f}  {cells[0]:44} {cells[1]}")
    return rows


def halves(docs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {h: [d for d in docs if d["split"] == h] for h in ("tune", "check")}


def table(docs: list[dict[str, Any]], found: dict[str, list[SysEvent]]) -> list[str]:
    rows = [f"{'events audit (issue 14)':44} {'tune':>10} {'check':>10}"]
    parts = halves(docs)
    for thr in (THRESHOLD, 0.0):
        res = {h: score(ds, found, thr) for h, ds in parts.items()}
        tag = f"@{thr:g}"
        for label, get in (
            ("articles (non-political)", lambda r: f"{r['articles']} ({r['nonpolitical_articles']})"),
            ("gold events (required) / system events", lambda r: f"{r['gold']}/{r['system']}"),
            ("strict precision", lambda r: f"{r['strict']['precision']:.3f}"),
            ("strict recall", lambda r: f"{r['strict']['recall']:.3f}"),
            ("lenient precision", lambda r: f"{r['lenient']['precision']:.3f}"),
            ("lenient recall", lambda r: f"{r['lenient']['recall']:.3f}"),
            ("duplicates / matched optional (lenient)", lambda r: f"{r['lenient']['dup']}/{r['lenient']['ignored']}"),
            ("false events per non-political article", lambda r: f"{r['false_per_nonpolitical']:.2f}"),
        ):
            rows.append(f"{label + ' ' + tag:44} {get(res['tune']):>10} {get(res['check']):>10}")
    return rows


def counts(docs: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Annotated events per type (PLOVER/CAMEO root), required and optional."""
    out: dict[str, dict[str, int]] = {}
    for d in docs:
        for g in d["events"]:
            key = f"{g['plover'] or 'null'}/{g['cameo']}"
            row = out.setdefault(key, {"required": 0, "optional": 0})
            row["optional" if g["optional"] else "required"] += 1
    return dict(sorted(out.items()))


def _actors(actors: list[SysActor]) -> str:
    return ",".join(f"{a.country or '-'}.{a.sector or '-'}" for a in actors) or "[]"


def misses(docs: list[dict[str, Any]], found: dict[str, list[SysEvent]], bodies: dict[str, str]) -> list[str]:
    """Per article: every system event judged (lenient: TP, DUP, OPT or FALSE, with confidence,
    features and sentence) and every required gold event no system event matched (strict MISS).
    Only for the tune half: the check half is never read."""
    rows = []
    for d in docs:
        body, gold, sys_ = bodies[d["id"]], d["events"], found[d["id"]]
        rows.append(f"=== {d['id']} political={d['political']}")
        req = [g for g in gold if not g["optional"]]
        for s in sys_:
            verdict = ("TP" if any(_match(g, s, False) for g in req) else
                       "OPT" if any(_match(g, s, False) for g in gold) else "FALSE")
            if verdict == "TP" and not any(_match(g, s, True) for g in req):
                verdict = "TP-lenient"
            rows.append(f"  {verdict:10} {s.confidence:.2f} {s.plover}/{s.cameo} '{s.text}' "
                        f"src={_actors(s.source)} tgt={_actors(s.target)} {s.features}")
            rows.append(f"             | {s.sentence[:220]!r}")
        for g in req:
            if not any(_match(g, s, True) for s in sys_ if s.confidence >= THRESHOLD):
                src = ",".join(f"{a['country']}.{a['sector']}:{a['text']}" for a in g["source"])
                tgt = ",".join(f"{a['country']}.{a['sector']}:{a['text']}" for a in g["target"])
                sent = body[g["sentence"]["start"]:g["sentence"]["end"]]
                rows.append(f"  MISS       {g['plover']}/{g['cameo']} '{g['trigger']['text']}' src={src} tgt={tgt}")
                rows.append(f"             | {sent[:220]!r}")
    return rows


#: Causes of a strict miss, in the order :func:`miss_cause` tries them.
CAUSES = ("not extracted", "below threshold", "wrong type", "wrong role", "actor missing (no mention)",
          "actor missing (not attached)", "wrong country", "wrong sector", "extra actor")


def _side_cause(gold: list[dict[str, Any]], other: list[dict[str, Any]], sys_: list[SysActor],
                mentions: list[SysMention]) -> str | None:
    """Why one side of a type-right system event is not right (None: it is)."""
    named = [g for g in gold if not _unknown(g)]
    for a in sys_:
        if any(actor_matches(g, a) for g in named):
            continue
        if any(actor_matches(g, a) for g in other if not _unknown(g)):
            return "wrong role"
        if not named:
            return "extra actor"
        if any(_cc(g["country"]) == _cc(a.country) for g in named):
            return "wrong sector"
        return "wrong country"
    if named and not sys_:
        spans = [(g["start"], g["end"]) for g in named if g["start"] is not None]
        hit = [m for m in mentions if any(_overlap(sp, (m.start, m.end)) for sp in spans)]
        return "actor missing (not attached)" if hit else "actor missing (no mention)"
    return None


def miss_cause(g: dict[str, Any], sys_: list[SysEvent], mentions: list[SysMention]) -> tuple[str, str]:
    """The first cause (of :data:`CAUSES`) of a required gold event no system event strictly matches,
    and on which side ('source', 'target' or '')."""
    sent = (g["sentence"]["start"], g["sentence"]["end"])
    here = [s for s in sys_ if _overlap(sent, s.span)]
    typed = [s for s in here if type_right(g, s)]
    kept = [s for s in typed if s.confidence >= THRESHOLD]
    if not kept:
        if typed:
            return "below threshold", ""
        return ("wrong type" if any(s.confidence >= THRESHOLD for s in here) else "not extracted"), ""
    best: tuple[int, str, str] | None = None
    for s in kept:
        for side_name, gs, other, ss in (("source", g["source"], g["target"], s.source),
                                         ("target", g["target"], g["source"], s.target)):
            c = _side_cause(gs, other, ss, mentions)
            if c is not None and (best is None or CAUSES.index(c) > best[0]):
                best = (CAUSES.index(c), c, side_name)
                break
    return (best[1], best[2]) if best else ("actor missing (no mention)", "")


def causes(docs: list[dict[str, Any]], arts: dict[str, Any], bodies: dict[str, str]) -> list[str]:
    """A table of the tune half's strict misses by cause, then each miss with its cause."""
    tally: dict[tuple[str, str], int] = {}
    rows = []
    for d in docs:
        sys_ = system_events(arts[d["id"]], bodies[d["id"]])
        mentions = actor_mentions(arts[d["id"]], bodies[d["id"]])
        for g in d["events"]:
            if g["optional"] or any(_match(g, s, True) for s in sys_ if s.confidence >= THRESHOLD):
                continue
            cause, where = miss_cause(g, sys_, mentions)
            tally[(cause, where)] = tally.get((cause, where), 0) + 1
            src = ",".join(f"{a['country']}.{a['sector']}:{a['text']}" for a in g["source"])
            tgt = ",".join(f"{a['country']}.{a['sector']}:{a['text']}" for a in g["target"])
            rows.append(f"{cause:30} {where:7} {d['id']:28} {g['plover']}/{g['cameo']} "
                        f"'{g['trigger']['text']}' src={src} tgt={tgt}")
    head = [f"{'cause':30} {'side':7} {'misses':>6}"]
    head += [f"{c:30} {w:7} {n:6}" for (c, w), n in sorted(tally.items(), key=lambda x: (CAUSES.index(x[0][0]), x[0][1]))]
    return head + [f"{'total':38} {sum(tally.values()):6}", ""] + rows


def actor_spans(docs: list[dict[str, Any]], arts: dict[str, Any], bodies: dict[str, str],
                halves_: tuple[str, ...] = ("tune", "check")) -> tuple[dict[str, dict[str, int]], list[str]]:
    """The actors stage on its own (``arts`` run up to it), against every actor span the coder marked (required and optional
    events): per half, how many spans the stage resolves right (country and sector), with the wrong
    country or sector, or not at all (no mention overlaps the span); and, for the tune half only, each
    span that is not right."""
    tally: dict[str, dict[str, int]] = {h: {"right": 0, "wrong country": 0, "wrong sector": 0, "no mention": 0}
                                        for h in halves_}
    rows = []
    for d in docs:
        if d["split"] not in halves_:
            continue
        mentions = actor_mentions(arts[d["id"]], bodies[d["id"]])
        seen: set[tuple[int, int]] = set()
        for g in d["events"]:
            for role in ("source", "target"):
                for ga in g[role]:
                    if ga["start"] is None or (ga["start"], ga["end"]) in seen or ga["country"] is None \
                            and ga["sector"] is None:
                        continue
                    seen.add((ga["start"], ga["end"]))
                    hit = [m for m in mentions if _overlap((ga["start"], ga["end"]), (m.start, m.end))]
                    if not hit:
                        verdict = "no mention"
                    elif any(_cc(m.country) == _cc(ga["country"]) and m.sector == ga["sector"] for m in hit):
                        verdict = "right"
                    elif any(_cc(m.country) == _cc(ga["country"]) for m in hit):
                        verdict = "wrong sector"
                    else:
                        verdict = "wrong country"
                    tally[d["split"]][verdict] += 1
                    if verdict != "right" and d["split"] == "tune":
                        got = ",".join(f"{m.country or '-'}.{m.sector or '-'}" for m in hit) or "[]"
                        rows.append(f"{verdict:14} {d['id'][:24]:24} {ga['country']}.{ga['sector']} "
                                    f"'{ga['text']}' got={got}")
    return tally, sorted(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--select", action="store_true", help="print the selection and stop")
    ap.add_argument("--counts", action="store_true", help="print the annotation counts per type and stop")
    ap.add_argument("--misses", choices=["tune"], help="print the judged events and misses of the tune half "
                    "(only tune: the check half is reported, never read)")
    ap.add_argument("--actors", choices=["tune"], help="score the actors stage on the coder's actor spans "
                    "(both halves) and list the tune half's wrong or missing ones")
    ap.add_argument("--curve", action="store_true", help="strict and lenient precision/recall of both halves "
                    "at thresholds 0.3 ... 0.9 (the calibration of events.min_confidence)")
    ap.add_argument("--causes", choices=["tune"], help="classify the tune half's strict misses by cause "
                    "(not extracted, wrong type, actor missing, wrong country/sector/role ...)")
    args = ap.parse_args()
    if args.select:
        pol, non = select()
        for d in pol:
            print("political", d)
        for d in non:
            print("non-political", d)
        return
    docs = load_annotations()
    if args.counts:
        for key, row in counts(docs).items():
            print(f"{key:14} {row['required']:4} {row['optional']:4}")
        return
    if args.misses or args.causes:
        docs = [d for d in docs if d["split"] == (args.misses or args.causes)]
    bodies = check_bodies(docs)
    if args.actors:
        tally, rows = actor_spans(docs, run_articles(docs, bodies, upto="actors"), bodies)
        for h, t in tally.items():
            n = sum(t.values())
            print(f"{h:6} spans {n:4}  right {t['right'] / n:.3f}  " + "  ".join(f"{k} {v}" for k, v in t.items()))
        print("\n".join(rows))
        return
    if args.causes:
        print("\n".join(causes(docs, run_articles(docs, bodies), bodies)))
        return
    found = run_newsgraph(docs, bodies)
    if args.misses:
        print("\n".join(misses(docs, found, bodies)))
        return
    if args.curve:
        print("\n".join(curve(docs, found)))
        return
    print("\n".join(table(docs, found)))


if __name__ == "__main__":
    main()
