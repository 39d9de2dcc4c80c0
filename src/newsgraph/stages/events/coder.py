"""The event coder: triggers from the lexicon, arguments from the dependency parse.

One event per trigger (verb or event noun) with the source and target *lists* of actors
(PLOVER's compound-actor convention: "U.S. and Russian warplanes conducted airstrikes" is one
ASSAULT with two sources). The steps: :mod:`.verbs` and :mod:`.nouns` find hits, :mod:`.petrarch`
applies PETRARCH's clause rules to the hits of PETRARCH patterns, :mod:`.assembly` turns each hit
into an event. See docs/events.md for the rules.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Article, Event, Segment
from .args import SUBJ, Resolver
from .assembly import build_event
from .hit import Hit, with_reverse
from .lexicon import Lexicon
from .nouns import backer_hit, claim_hit, gathering_hit, judged_hit, must_hit, noun_hit, prep_object_hit
from .petrarch.clauses import petrarch_filter
from .phrase import discarded
from .posture import missile_tests
from .statements import sole_statements, statement_events, warnings_as_comments
from .syntax import REPORTING
from .verbs import verb_hit


class Coder:
    """Codes the parsed segments of an article with one lexicon."""

    def __init__(self, lexicon: Lexicon, max_sentence_chars: int = 2000, *, min_confidence: float = 0.0,
                 statements: bool = False) -> None:
        self.lex = lexicon
        self.max_sentence_chars = max_sentence_chars
        #: events under this confidence are left out (``events.min_confidence``)
        self.min_confidence = min_confidence
        #: code statements and appeals from the quotes (``events.statements``)
        self.statements = statements

    def code(self, article: Article) -> list[Event]:
        events: list[Event] = []
        stats = article.stats
        for seg in article.segments:
            if not seg.parsed:
                continue
            if seg.end - seg.start > self.max_sentence_chars:
                stats["events_skipped_long_sentences"] = stats.get("events_skipped_long_sentences", 0) + 1
                continue
            events.extend(self.code_segment(article, seg))
            if self.statements:
                events.extend(statement_events(article, seg, events))
        missile_tests(article, events)
        if self.statements:
            warnings_as_comments(events)
            sole_statements(article, events)
        dropped = [e for e in events if e.confidence is not None and e.confidence < self.min_confidence]
        if dropped:
            stats["events_below_min_confidence"] = len(dropped)
            events = [e for e in events if not (e.confidence is not None and e.confidence < self.min_confidence)]
        for k, ev in enumerate(events, 1):
            ev.id = f"e{k}"
        return events

    def code_segment(self, article: Article, seg: Segment) -> list[Event]:
        res = Resolver(article, seg.index)
        transparent = frozenset(t.i for t in seg.doc if transparent_reporter(t, res))
        out: list[Event] = []
        seen: set[tuple[str, tuple[str, ...], tuple[str, ...], int]] = set()
        for hit in with_reverse(self.hits(article, seg)):
            ev = build_event(self.lex, article, seg, res, hit, transparent)
            if ev is None:
                continue
            key = (ev.cameo, tuple(ev.source), tuple(ev.target), hit.tokens[0].i)
            if key in seen:
                continue
            seen.add(key)
            out.append(ev)
        return out

    def hits(self, article: Article, seg: Segment) -> list[Hit]:
        """Matched triggers of one parsed segment with their arguments, in text order."""
        lex = self.lex
        doc: Doc = seg.doc
        if lex.discards and discarded(doc, lex.discards):
            return []
        res = Resolver(article, seg.index)
        hits: list[Hit] = []
        consumed: set[int] = set()
        for tok in doc:
            if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB"):
                hit = verb_hit(lex, tok, res, consumed)
                if hit is not None:
                    hits.append(hit)
        for tok in doc:
            if tok.i in consumed or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            hit = noun_hit(lex, tok, res) or claim_hit(lex, tok, res)
            if hit is not None:
                hits.append(hit)
        coded = {h.tokens[-1].i for h in hits}
        for tok in doc:
            hit = backer_hit(tok, res) or must_hit(lex, tok, res) or judged_hit(tok, res, lex)
            if hit is None and tok.i not in coded:  # ("protesters marched against X" is coded already)
                hit = gathering_hit(tok, res)
            if hit is not None:
                hits.append(hit)
        for tok in doc:  # "withdrew from the talks": the verb's act is named by its prepositional object
            hit = prep_object_hit(tok, res, lex)
            if hit is not None:
                hits = [h for h in hits if h.tokens[0].i != tok.i]
                hits.append(hit)
        hits = petrarch_filter(doc, hits)  # PETRARCH's clause rules, for PETRARCH patterns' hits only
        return sorted(hits, key=lambda h: h.tokens[0].i)


def transparent_reporter(tok: Token, res: Resolver) -> bool:
    """A reporting verb whose speaker is an outlet or unknown ("..., Newsweek reports")."""
    if tok.lemma_.lower() not in REPORTING and tok.lower_ not in {"according"}:
        return False
    if tok.lower_ == "according":
        return True
    subj = [c for c in tok.children if c.dep_ in SUBJ]
    if not subj:
        return True
    return any(res.is_media(x) for s in subj for x in (s, *s.conjuncts)) or not res.np(subj[0])
