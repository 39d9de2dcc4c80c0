"""Typed records that flow through the pipeline and form the JSON output contract.

Every extracted fact carries evidence as character offsets into ``Article.text``
(``text[start:end] == span.text``). ``Article.to_json()`` gives the contract form
(see docs/output-contract.md); ``newsgraph schema`` prints it as JSON Schema.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .vocab import PLACE_NAMED_ONLY, ActorKind, DatePrecision, Modality, PloverType, QuoteKind

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base of all output records: strict keys, stable field order."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Record):
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Removed(Record):
    """Boilerplate cut from the article (comment forms, share prompts, related lists)."""

    text: str
    reason: str


class Mention(Span):
    """One place where an actor or place is named or referred to."""

    via: str | None = Field(
        default=None, description="how the mention was linked: 'ner', 'noun', 'coref', 'title' ..."
    )


class Actor(Record):
    id: str = Field(description="stable across articles, e.g. 'USA.MIL', 'ISIS', 'PER.eric_pahon'")
    name: str = Field(description="canonical name")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 or null")
    sector: str | None = Field(default=None, description="see newsgraph.vocab.SECTORS")
    kind: ActorKind
    role: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    # extensions beyond the minimum contract
    affiliation: str | None = Field(default=None, description="actor id this person/unit belongs to")
    led_by: str | None = Field(default=None, description="actor id leading a coalition ('U.S.-led')")
    media: bool = Field(default=False, description="an outlet or agency: never an event actor")
    label: str | None = Field(default=None, description="spaCy entity label or 'NOUN' for noun phrases")
    known: bool = Field(default=False, description="resolved from a dictionary, not guessed")


class Event(Record):
    id: str
    #: null for a statement, appeal or comment with no PLOVER type of its own (CAMEO 01x/02x; docs/events.md)
    plover: PloverType | None
    mode: str | None = None
    cameo: str
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    modality: Modality = "asserted"
    alleged_by: str | None = None
    place: str | None = None
    date: str | None = None
    provenance: list[str] = Field(default_factory=list)
    evidence: Span
    rule: str
    # extensions
    trigger: Span | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    hedged: bool = False
    sentence: int | None = None
    #: how likely the event is right, in [0, 1], and the features it was computed from (docs/events.md)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    features: dict[str, str | float] = Field(default_factory=dict)
    #: the words the date and place were read from (their level is in features: clause, argument, sentence,
    #: paragraph, dateline)
    date_evidence: Span | None = None
    place_evidence: Span | None = None


class Quote(Record):
    id: str = ""
    text: str
    kind: QuoteKind
    speaker: str | None = None
    cue: str | None = None
    via: str | None = None
    evidence: Span
    # extensions
    speaker_span: Span | None = None
    flags: list[str] = Field(default_factory=list, description="e.g. 'unbalanced', 'capped'")
    provenance: list[str] = Field(default_factory=list)
    speaker_kind: str | None = Field(
        default=None, description="person, organization, group, anonymous or document (docs/quotes.md)")


class Scope(Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Attribution(Record):
    source: str = Field(description="outlet or agency name as cited")
    cue: str
    scope: Scope
    # extensions
    actor: str | None = None
    evidence: Span | None = None


class Quantity(Record):
    id: str = ""
    value: float
    unit: str
    approximate: bool = False
    hedged: bool = False
    holder: str | None = None
    place: str | None = None
    date: str | None = None
    evidence: Span
    # extensions
    low: float | None = None
    high: float | None = None
    previous: str | None = Field(default=None, description="id of the earlier value of this series")
    event: str | None = Field(default=None, description="id of the event this count quantifies")
    provenance: list[str] = Field(default_factory=list)


class Place(Record):
    id: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: list[Mention] = Field(default_factory=list)
    # extensions
    feature: str | None = Field(default=None, description="country, admin1, city, region, ...")
    qualifier: str | None = Field(default=None, description="'eastern', 'central' ...")

    @property
    def located(self) -> bool:
        """The article uses the place as a location at least once, not only names it ("Russia said",
        "Russian troops")."""
        return any(m.via not in PLACE_NAMED_ONLY for m in self.mentions)


class DateRef(Record):
    """A date expression in the text, normalised against the publication date."""

    id: str = ""
    text: str
    value: str | None = Field(default=None, description="ISO date, month (YYYY-MM) or year")
    start: str | None = Field(default=None, description="first day of the range")
    end: str | None = Field(default=None, description="last day of the range")
    precision: DatePrecision = "unknown"
    evidence: Span


class ArticleInfo(Record):
    id: str
    record_id: str | None = Field(
        default=None, description="the id the input gave the article (JSON Lines `id`), kept as given"
    )
    title: str | None = None
    text: str
    url: str | None = None
    source: str | None = None
    published: str | None = None
    removed: list[Removed] = Field(default_factory=list)
    # extensions
    author: str | None = None
    input: str | None = Field(default=None, description="file/line/record the article was read from")
    language: str | None = None
    dateline: dict[str, Any] | None = Field(
        default=None, description="dateline at the head of the text: place, source, start, end, date"
    )


class SourcingProfile(Record):
    sentences: int = 0
    sourced_sentences: int = 0
    share_sourced: float = 0.0
    unattributed_assertions: int = 0
    outlets: dict[str, int] = Field(default_factory=dict)
    speakers: dict[str, int] = Field(default_factory=dict)
    #: quotes per speaker kind; the unnamed speakers (kind anonymous / group) apart, per phrase
    speaker_kinds: dict[str, int] = Field(default_factory=dict)
    anonymous: dict[str, int] = Field(default_factory=dict)
    groups: dict[str, int] = Field(default_factory=dict)


class Output(Record):
    """The JSON output for one article (the contract)."""

    schema_version: str = SCHEMA_VERSION
    article: ArticleInfo
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateRef] = Field(default_factory=list)
    sourcing: SourcingProfile | None = None
    stats: dict[str, Any] = Field(default_factory=dict)


@dataclass
class Segment:
    """One sentence of the article as a spaCy Doc, ``start`` chars into ``Article.text``.

    ``parsed`` is False where triage decided the sentence cannot carry an event and the
    dependency parser was skipped (tags, lemmas and entities are still there).
    """

    index: int
    start: int
    end: int
    doc: Doc
    parsed: bool
    paragraph: int = 0

    @cached_property
    def text(self) -> str:
        """The sentence's text (``doc.text``, which spaCy joins from the tokens on every read)."""
        return self.doc.text

    def char_span(self, i: int, j: int) -> tuple[int, int]:
        """Article offsets of tokens ``doc[i:j]``."""
        d = self.doc
        s = d[i].idx
        e = d[j - 1].idx + len(d[j - 1].text)
        return self.start + s, self.start + e


@dataclass
class ReadFailure:
    """An input that could not be read: reported, counted, and the run goes on."""

    input: str
    reason: str
    error_type: str
    hint: str | None = None


def normalise_for_id(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", t).strip()


def article_id(text: str, url: str | None = None) -> str:
    """Stable article id: sha1 of normalised text (+ url when known), 16 hex chars."""
    h = hashlib.sha1(normalise_for_id(text).encode("utf-8"))
    if url:
        h.update(b"\x00" + url.strip().encode("utf-8"))
    return h.hexdigest()[:16]


class Article(BaseModel):
    """The record that flows through the stages. Serialises to :class:`Output`."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    text: str
    raw_text: str | None = Field(default=None, description="text before cleaning")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    input: str | None = None
    id: str = ""
    record_id: str | None = Field(default=None, description="the input's own id for the article")
    removed: list[Removed] = Field(default_factory=list)
    dateline: dict[str, Any] | None = None
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateRef] = Field(default_factory=list)
    sourcing: SourcingProfile | None = None
    stats: dict[str, Any] = Field(default_factory=dict)
    done: list[str] = Field(default_factory=list, description="names of stages that ran")

    _segments: list[Segment] = PrivateAttr(default_factory=list)
    _scratch: dict[str, Any] = PrivateAttr(default_factory=dict)

    # -- spaCy results -------------------------------------------------------------
    @property
    def segments(self) -> list[Segment]:
        return self._segments

    @segments.setter
    def segments(self, value: list[Segment]) -> None:
        self._segments = value

    @property
    def scratch(self) -> dict[str, Any]:
        """Per-article working state that stages share (not serialised)."""
        return self._scratch

    def segment_at(self, char: int) -> Segment | None:
        """The sentence segment containing article offset ``char``."""
        lo, hi = 0, len(self._segments) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            seg = self._segments[mid]
            if char < seg.start:
                hi = mid - 1
            elif char >= seg.end:
                lo = mid + 1
            else:
                return seg
        return None

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over ``text[start:end]``."""
        return Span(start=start, end=end, text=self.text[start:end])

    def mention(self, start: int, end: int, via: str | None = None) -> Mention:
        return Mention(start=start, end=end, text=self.text[start:end], via=via)

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def ensure_id(self) -> str:
        if not self.id:
            self.id = article_id(self.text, self.url)
        return self.id

    # -- output ----------------------------------------------------------------------
    def to_output(self) -> Output:
        return Output(
            article=ArticleInfo(
                id=self.ensure_id(),
                record_id=self.record_id,
                title=self.title,
                text=self.text,
                url=self.url,
                source=self.source,
                published=self.published,
                removed=self.removed,
                author=self.author,
                input=self.input,
                language=self.language,
                dateline=self.dateline,
            ),
            actors=self.actors,
            events=self.events,
            quotes=self.quotes,
            attributions=self.attributions,
            quantities=self.quantities,
            places=self.places,
            dates=self.dates,
            sourcing=self.sourcing,
            stats=self.stats,
        )

    def to_json_dict(self) -> dict[str, Any]:
        return self.to_output().model_dump(mode="json")


def output_schema() -> dict[str, Any]:
    """JSON Schema of the output contract."""
    schema = Output.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "newsgraph article extraction"
    return schema


def iter_spans(out: Output) -> list[Span]:
    """Every span in an output record (for the offset invariant)."""
    spans: list[Span] = []
    for a in out.actors:
        spans.extend(a.mentions)
    for p in out.places:
        spans.extend(p.mentions)
    for e in out.events:
        spans.append(e.evidence)
        if e.trigger:
            spans.append(e.trigger)
    for q in out.quotes:
        spans.append(q.evidence)
        if q.speaker_span:
            spans.append(q.speaker_span)
    for n in out.quantities:
        spans.append(n.evidence)
    for d in out.dates:
        spans.append(d.evidence)
    for at in out.attributions:
        if at.evidence:
            spans.append(at.evidence)
    return spans


__all__ = [
    "Actor", "Article", "ArticleInfo", "Attribution", "DateRef", "Event", "Mention", "Output",
    "Place", "Quantity", "Quote", "ReadFailure", "Removed", "Scope", "Segment", "SourcingProfile",
    "Span", "article_id", "output_schema", "iter_spans", "SCHEMA_VERSION",
]
