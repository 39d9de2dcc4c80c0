"""Statements and appeals from the quotes stage (docs/events.md, Statements).

A quote with a speaker who is an actor is a public statement (CAMEO 010, "make statement") or, when
its cue is a verb of appeal ("urged", "appealed"), an appeal (CAMEO 020, PLOVER REQUEST). The speaker
is the source; the addressee ("told Parliament") or else the subject of the reported clause ("said
the rebels had ...") is the target. PLOVER has no statement type: a statement's ``plover`` is null.
No statement is coded when the cue is already a trigger (an accusation, a demand: the lexicon codes
it) or when the quoted words themselves hold a coded event (the event, alleged or announced by the
speaker, is what a coder codes). ``events.statements = false`` turns them off.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import Article, Event, Quote, Segment
from ...resources import word_list
from ..common import date_value
from .args import OBJ, PASS_SUBJ, SUBJ, Resolver
from .cameo import cameo_info, plover_of
from .confidence import political, score
from .hit import Hit
from .situation import situate

STATEMENT_CUES = word_list("events", "speech_statement_cues")
APPEAL_CUES = word_list("events", "appeal_cues")


def statement_events(article: Article, seg: Segment, coded: list[Event]) -> list[Event]:
    """Statement and appeal events of the quotes whose cue lies in ``seg`` (``coded``: the events of
    the whole article so far)."""
    out: list[Event] = []
    res = Resolver(article, seg.index)
    for q in article.quotes:
        if not q.speaker or not q.cue:
            continue
        cue = cue_token(seg, q)
        if cue is None:
            continue
        lemma = cue.lemma_.lower()
        code = "020" if lemma in APPEAL_CUES else "010" if {lemma, cue.lower_} & STATEMENT_CUES else None
        if code is None or covered(article, seg, cue, q, [*coded, *out]):
            continue
        actor = article.actor(q.speaker)
        if actor is None or actor.media:
            continue
        target = [t for t in addressees(cue, res) if t != q.speaker]
        out.append(statement(article, seg, cue, q, code, target))
    return out


#: A short report: a statement that is all it tells is its news.
SHORT_REPORT = 3
#: The default threshold (config ``events.min_confidence``): the events a report is read as telling.
REPORTED = 0.5
#: The score of a statement that is its report's only news.
SOLE = 0.55


#: The statements that can be a short report's news: a plain statement, a pessimistic comment.
SOLE_CODES = frozenset({"010", "012"})
#: CAMEO "make pessimistic comment".
PESSIMISTIC = "012"


def warnings_as_comments(events: list[Event]) -> None:
    """A warning of a state of things, with no act threatened ("warned that exports were likely to
    shrink": the ``warning`` use of :mod:`.uses`), is no threat but a pessimistic comment (CAMEO 012, a
    statement: no PLOVER type); its confidence is kept."""
    info = cameo_info(PESSIMISTIC)
    for ev in events:
        if ev.plover == "THREATEN" and ev.features.get("warning") == 1.0:
            ev.plover = None
            ev.mode = None
            ev.cameo = PESSIMISTIC  # type: ignore[assignment]
            ev.goldstein = info.goldstein if info else None
            ev.features["comment"] = 1.0


def sole_statements(article: Article, events: list[Event]) -> None:
    """Raise to ``SOLE`` the first plain statement or pessimistic comment (CAMEO 010, 012; one speaker's,
    however many) of a short report (at most ``SHORT_REPORT``
    sentences) that tells no other act at the default threshold, when a political actor makes it in a
    sentence about politics ("The premier said on Monday that the country would stay
    neutral"): the comment itself is then the news, as PLOVER's statement convention (CAMEO 01) has it."""
    if len(article.segments) > SHORT_REPORT:
        return
    said = [e for e in events if e.plover is None and e.cameo in SOLE_CODES]
    others = [e for e in events if e.plover is not None and e.modality != "negated"
              and (e.confidence is None or e.confidence >= REPORTED)]
    if not said or others or any(e.source != said[0].source for e in said):
        return
    ev = said[0]  # one speaker's statements ("said ..., adding that ..."): the first tells the view
    if ev.features.get("domain") != "politics" or ev.features.get("source") != "coded" \
            or not political(article, ev.source) or (trailing_attribution(article, ev) and not view(article, ev)) \
            or in_modifier(article, ev):
        return
    ev.confidence = max(ev.confidence or 0.0, SOLE)
    ev.features["sole"] = 1.0


#: Dependencies of a clause that describes a noun: a statement there is background ("a law that
#: critics say undermines the courts").
MODIFIER_CLAUSES = frozenset({"relcl", "acl"})


def in_modifier(article: Article, ev: Event) -> bool:
    """The statement's verb lies in a clause that describes a noun ("took Poland to court over a law
    that critics say undermines the courts"): the saying is background to the sentence's news."""
    cue = cue_of(article, ev)
    node = cue
    while node is not None and node.head.i != node.i:
        if node.dep_ in MODIFIER_CLAUSES:
            return True
        node = node.head
    return False


def cue_of(article: Article, ev: Event) -> Token | None:
    """The token of the statement's verb."""
    if ev.trigger is None or ev.sentence is None:
        return None
    seg = next((s for s in article.segments if s.index == ev.sentence), None)
    if seg is None:
        return None
    return next((t for t in seg.doc if seg.start + t.idx == ev.trigger.start), None)


def trailing_attribution(article: Article, ev: Event) -> bool:
    """The statement's verb follows the words it reports ("Temperatures rose above 50 degrees, the
    department said"): the report's news is the fact told, the speaker only its source."""
    cue = cue_of(article, ev)
    return cue is not None and (cue.lower_ == "according" or any(c.dep_ == "ccomp" and c.i < cue.i
                                                                 for c in cue.children))


#: Auxiliaries of what is to come: a clause with one forecasts ("the economy would grow").
FORECAST_AUX = word_list("events", "future_aux")


def view(article: Article, ev: Event) -> bool:
    """A trailing attribution that carries the speaker's own view, not a fact told: the speaker's words
    quoted ("'We will not rush this,' the prime minister said") or a forecast ("The economy would
    return to growth, the minister told reporters"). A coder codes the comment itself (CAMEO 01: a
    leader's view or assessment is the news), unlike "Temperatures rose above 50 degrees, the
    department said", where the fact is."""
    if ev.cameo == PESSIMISTIC:  # a warning is the speaker's assessment
        return True
    q = next((q for q in article.quotes if q.id == ev.features.get("quote")), None)
    if q is not None and q.kind == "direct":
        return True
    cue = cue_of(article, ev)
    if cue is None:
        return False
    told = [cue.head] if cue.lower_ == "according" else [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    for clause in told:  # "according to X, Y will ...": the clause told is the one the cue hangs on
        verbs = [clause, *[c for c in clause.children if c.dep_ == "conj"]]
        if any(a.dep_ in {"aux", "auxpass"} and a.lower_ in FORECAST_AUX for v in verbs for a in v.children):
            return True
    return False


def cue_token(seg: Segment, q: Quote) -> Token | None:
    """The token of the quote's speech verb in ``seg`` (the occurrence nearest the speaker's words)."""
    first = (q.cue or "").split()[0].lower()
    toks = [t for t in seg.doc if t.lower_ == first]
    if not toks:
        return None
    anchor = (q.speaker_span.start if q.speaker_span is not None else q.evidence.start) - seg.start
    best = min(toks, key=lambda t: abs(t.idx - anchor))
    inside = seg.start <= q.evidence.start < seg.end or seg.start <= anchor + seg.start < seg.end
    return best if inside else None


def covered(article: Article, seg: Segment, cue: Token, q: Quote, events: list[Event]) -> bool:
    """An event is already coded on the cue, or inside the quoted words; a negated act inside them is
    none ("said it was too soon to negotiate": the saying is what a coder codes)."""
    s, e = seg.char_span(cue.i, cue.i + 1)
    for ev in events:
        if ev.trigger is None:
            continue
        if ev.modality == "negated" and not (ev.trigger.start < e and s < ev.trigger.end):
            continue
        if ev.trigger.start < e and s < ev.trigger.end:
            return True
        if q.evidence.start <= ev.trigger.start < q.evidence.end \
                and (ev.confidence is None or ev.confidence >= REPORTED):
            return True
    return False


def addressees(cue: Token, res: Resolver) -> list[str]:
    """The addressee of the speech verb ("told the council"), else the subject of its reported clause."""
    for c in cue.children:
        if c.dep_ in OBJ | {"dative"}:
            found = res.np(c)
            if found:
                return found
        if c.dep_ == "prep" and c.lower_ in {"to", "on"}:  # "appealed to X", "called on X"
            found = [r for g in c.children if g.dep_ == "pobj" for r in res.np(g)]
            if found:
                return found
    for c in cue.children:
        if c.dep_ == "ccomp":
            found = [r for g in c.children if g.dep_ in SUBJ | PASS_SUBJ for r in res.np(g)]
            if found:
                return found
    return []


def statement(article: Article, seg: Segment, cue: Token, q: Quote, code: str, target: list[str]) -> Event:
    info = cameo_info(code)
    plover = plover_of(code)
    s, e = seg.char_span(cue.i, cue.i + 1)
    source = [q.speaker] if q.speaker else []
    confidence, features = score(article, seg, cue, "statement" if plover is None else "appeal", plover,
                                 "asserted", False, source, target)
    rule = f"quote:{code}:{cue.lemma_.lower()}"
    sit = situate(article, seg, Hit([cue], code, None, rule), None)
    features.update(sit.levels)
    features["quote"] = q.id
    return Event(
        id="", plover=plover, mode=info.mode if info else None, cameo=code,  # type: ignore[arg-type]
        source=source, target=target, evidence=article.span(seg.start, seg.end),
        rule=rule, trigger=article.span(s, e), place=sit.place, date=date_value(article, sit.date),
        place_evidence=sit.place_evidence, date_evidence=sit.date_evidence,
        goldstein=info.goldstein if info else None, quad_class=None, sentence=seg.index,
        confidence=confidence, features=features,
    )

