"""provenance stage: who each claim came through, outermost source first; the sourcing profile.

A chain starts with the publishing outlet (``article.source``) when known, then the outlet the
article itself retells (cited in the lead sentence, or in three or more sentences that make at
least a quarter of the text),
then outlets cited for the sentence ("…, AFP reported"), then for quotes the medium the words were
said to (``via``, when it is a name) and the speaker. An event or quantity inside a quote gets that
quote's chain; an event with ``alleged_by`` ends with the alleging actor. Names are display names
(actor canonical names where the actor is known). See docs/quotes.md.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from ..config import Config
from ..model import Article, Attribution, Quote, SourcingProfile
from .quotes.extract import SPEAKER_NAMES
from .quotes.sources import UNNAMED_KINDS
from .quotes.speech import outlet_text

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _extend(chain: list[str], name: str | None) -> None:
    if name and name not in chain:
        chain.append(name)


class ProvenanceStage:
    name: ClassVar[str] = "provenance"
    requires: ClassVar[tuple[str, ...]] = ("events", "quotes", "attributions", "quantities")
    assigns: ClassVar[tuple[str, ...]] = ("sourcing",)

    @classmethod
    def from_config(cls, config: Config) -> ProvenanceStage:
        return cls()

    def triage_cues(self) -> frozenset[str]:
        return frozenset()

    # -- chains ---------------------------------------------------------------------------------
    @staticmethod
    def lead_outlet(article: Article) -> str | None:
        """The outlet the article retells: cited in the lead sentence, or in at least three sentences
        and a quarter of all sentences."""
        cites = [at for at in article.attributions if at.cue != "dateline"]
        if not cites:
            return None
        first_body = next(
            (s for s in article.segments if article.text[s.start:s.end].rstrip()[-1:] in ".!?\"”»"), None)
        if first_body is not None:
            for at in cites:
                if at.scope.start <= first_body.start < at.scope.end:
                    return at.source
        best, n = Counter(at.source for at in cites).most_common(1)[0]
        if n >= 3 and n >= 0.25 * max(1, len(article.segments)):
            return best
        return None

    def base_chain(self, article: Article) -> list[str]:
        chain: list[str] = []
        if article.source:
            _extend(chain, article.source)
        _extend(chain, self.lead_outlet(article))
        return chain

    @staticmethod
    def _cited(article: Article, start: int) -> list[Attribution]:
        hits = [at for at in article.attributions if at.scope.start <= start < at.scope.end]
        return sorted(hits, key=lambda at: (-(at.scope.end - at.scope.start), at.scope.start))

    def quote_chain(self, article: Article, q: Quote, base: list[str]) -> list[str]:
        chain = list(base)
        for at in self._cited(article, q.evidence.start):
            _extend(chain, at.source)
        if q.via and q.via[:1].isupper():
            _extend(chain, q.via)
        names: dict[str, str] = article.scratch.get(SPEAKER_NAMES, {})
        actor = article.actor(q.speaker)
        speaker = actor.name if actor is not None else names.get(q.id)
        _extend(chain, speaker)
        return chain

    def fact_chain(self, article: Article, start: int, end: int, base: list[str],
                   chains: dict[str, list[str]]) -> list[str]:
        """Chain of a fact at [start, end): the quote holding it, else the sentence's citations."""
        holder: Quote | None = None
        for q in article.quotes:
            if q.evidence.start <= start and end <= q.evidence.end:
                if holder is None or (q.evidence.end - q.evidence.start) < (
                        holder.evidence.end - holder.evidence.start):
                    holder = q
        if holder is not None:
            return list(chains[holder.id])
        chain = list(base)
        for at in self._cited(article, start):
            _extend(chain, at.source)
        return chain

    # -- run ------------------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        base = self.base_chain(article)
        chains: dict[str, list[str]] = {}
        for q in article.quotes:
            chains[q.id] = self.quote_chain(article, q, base)
            q.provenance = chains[q.id]
        for e in article.events:
            span = e.trigger or e.evidence
            chain = self.fact_chain(article, span.start, span.end, base, chains)
            alleger = article.actor(e.alleged_by)
            _extend(chain, alleger.name if alleger is not None else e.alleged_by)
            e.provenance = chain
        for n in article.quantities:
            n.provenance = self.fact_chain(article, n.evidence.start, n.evidence.end, base, chains)
        article.sourcing = self.profile(article)
        return article

    @staticmethod
    def profile(article: Article) -> SourcingProfile:
        segs = article.segments
        sourced: set[int] = set()
        spans = [(q.evidence.start, q.evidence.end) for q in article.quotes if q.speaker or q.speaker_span]
        spans += [(at.scope.start, at.scope.end) for at in article.attributions if at.cue != "dateline"]
        for seg in segs:
            if any(s < seg.end and seg.start < e for s, e in spans):
                sourced.add(seg.index)
        unattributed = 0
        for seg in segs:
            if seg.index in sourced:
                continue
            txt = article.text[seg.start:seg.end].rstrip()
            if txt.endswith("?"):
                continue
            if any(t.tag_ in _FINITE for t in seg.doc):
                unattributed += 1
        outlets: Counter[str] = Counter(at.source for at in article.attributions)
        for q in article.quotes:
            if q.via and q.via[:1].isupper() and (outlet_text(q.via) or q.via.isupper()):
                outlets[q.via] += 1
        speakers, unnamed, kinds = ProvenanceStage.speaker_counts(article)
        n = len(segs) or int(article.stats.get("sentences", 0))
        return SourcingProfile(
            sentences=n,
            sourced_sentences=len(sourced),
            share_sourced=round(len(sourced) / n, 3) if n else 0.0,
            unattributed_assertions=unattributed,
            outlets=dict(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
            speakers=_ranked(speakers),
            speaker_kinds=_ranked(kinds),
            anonymous=_ranked(unnamed["anonymous"]),
            groups=_ranked(unnamed["group"]),
        )

    @staticmethod
    def speaker_counts(article: Article) -> tuple[Counter[str], dict[str, Counter[str]], Counter[str]]:
        """Quotes per named speaker (display name), per unnamed source phrase of kind anonymous / group
        ("senior official", "officials"), and per speaker kind."""
        names: dict[str, str] = article.scratch.get(SPEAKER_NAMES, {})
        speakers: Counter[str] = Counter()
        unnamed: dict[str, Counter[str]] = {k: Counter() for k in UNNAMED_KINDS}
        kinds: Counter[str] = Counter()
        for q in article.quotes:
            if q.speaker_kind:
                kinds[q.speaker_kind] += 1
            actor = article.actor(q.speaker)
            if q.speaker_kind in UNNAMED_KINDS:
                phrase = q.speaker_span.text if q.speaker_span else names.get(q.id)
                if phrase:
                    unnamed[q.speaker_kind][phrase] += 1
                continue
            name = actor.name if actor is not None else names.get(q.id)
            if name:
                speakers[name] += 1
        return speakers, unnamed, kinds


def _ranked(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
