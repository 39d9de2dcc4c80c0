"""places stage: toponyms resolved to GeoNames places (offline gazetteer).

See docs/places.md. Spotting (``spot``), resolution (``resolve``) and the gazetteer (``gazetteer``)
are separate modules; this one turns their output into ``Place`` records and token references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from spacy.tokens import Doc

from ...config import Config
from ...model import Article, Mention, Place, Segment
from ...resources import word_list
from ...vocab import PLACE_NAMED_ONLY
from ..common import ACTOR_MENTIONS, PLACE_MENTIONS, TokenRef, add_refs, dateline_span
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .people import person_words
from .resolve import resolve_spans_detailed
from .senses import other_sense, other_sense_names
from .spot import (
    CIVIC_NOUNS,
    Spot,
    acts_as_actor,
    after_locative,
    initials_spots,
    locative_use,
    repeat_spots,
    spot_segment,
)

#: last words that make a name a place of its own ("Oulton Park", "Manila Cathedral", "Camp Bastion")
_PLACE_WORDS = word_list("places", "place_words")

__all__ = ["PlaceStage"]

#: nouns after a place name that make it the name of something else: a disease or its agent ("the Reston
#: virus", "Lyme disease", "Zika fever")
_NAMED_AFTER = re.compile(r"[ \t-]+(?:virus|viruses|disease|fever|flu|syndrome|strain|variant|encephalitis)\b",
                          re.IGNORECASE)
#: a town smaller than this is no reading of "the X" ("the Post", "the Mail", "the Sun")
_THE_TOWN_POP = 100_000


def _newspaper_like(gaz: Gazetteer, doc: Doc, sp: Spot, entry: Entry | None, partial: bool) -> bool:
    """A one-word name after "the" that only a small town bears ("the Post" is a newspaper, not Post,
    Texas); towns whose own name begins with "The" ("The Hague") and features ("the Thames") are kept."""
    if entry is None or partial or sp.end_tok - sp.start_tok != 1 or sp.start_tok == 0 or sp.qualifier:
        return False
    if sp.source == "org":
        return False  # "the Ashford Fire Department": the spotter read the whole name already
    if doc[sp.start_tok - 1].lower_ != "the" or entry.kind != "city" or entry.population >= _THE_TOWN_POP:
        return False
    if any(primary and e.population >= _THE_TOWN_POP for e, primary in gaz.lookup(doc[sp.start_tok].text)):
        return False  # a big town bears the name too ("the Portland ..."), whichever namesake was chosen
    if sp.end_tok < len(doc) and doc[sp.end_tok].pos_ == "NOUN":
        return False  # "the Tillaberi region", "the Homs countryside"
    return not entry.name.lower().startswith("the ")


def _opens_colon_dateline(doc: Doc, sp: Spot) -> bool:
    """The spot opens a line and a colon follows it: a dateline written "Name: ..." ("Dunmore: The ...")."""
    return sp.end_tok < len(doc) and doc[sp.end_tok].text == ":" \
        and (sp.start_tok == 0 or doc[sp.start_tok - 1].is_space)


@lru_cache(maxsize=512)
def iso3(cc: str) -> str | None:
    if not cc:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return c.alpha_3 if c is not None else None


@dataclass
class _Found:
    """A place of the article while its mentions are collected."""

    place: Place
    entry: Entry | None
    located: list[Mention]  # mentions used as locations ("in Syria")
    named: list[Mention]  # mentions that only name it ("Syria said", "Syrian troops")


def _places(found: dict[str, _Found]) -> list[Place]:
    """The article's places: those used as locations first, in order of their first such use, then those
    only named; each with its locations first (what events read as the place's words in a sentence),
    then the other mentions, each group in text order. A place's name is the wording of its first location,
    else of its first mention that is no adjective, else its gazetteer name ("Russian" -> Russia)."""
    out: list[Place] = []
    for f in sorted(found.values(), key=lambda f: (not f.located, f.located[0].start if f.located else 0)):
        words = next((m.text for m in [*f.located, *f.named] if m.via != "adjective"), None)
        name = words or (f.entry.name if f.entry is not None else f.place.name)
        out.append(f.place.model_copy(update={"name": name, "mentions": [*f.located, *f.named]}))
    return out


def _group_names(article: Article) -> dict[tuple[int, int], tuple[tuple[int, int], str]]:
    """(segment, token) -> (the mention's token range, the actor's name) for every token of a mention
    of an actor the actors stage read as a group ("Hamas", "Hamas leaders"); not organisations, whose
    seats are places too ("the White House said")."""
    actors = {a.id: a for a in article.actors if a.kind == "group"}
    out: dict[tuple[int, int], tuple[tuple[int, int], str]] = {}
    for r in article.scratch.get(ACTOR_MENTIONS, []):
        actor = actors.get(r.ref)
        if actor is not None:
            for t in range(r.start_tok, r.end_tok):
                out[(r.seg, t)] = ((r.start_tok, r.end_tok), actor.name)
    return out


def _names_group(gaz: Gazetteer, groups: dict[tuple[int, int], tuple[tuple[int, int], str]], seg: Segment,
                 sp: Spot) -> bool:
    """Whether the spot is the name of a group the article mentions: the whole mention
    ("Hamas") or the actor's own name inside it ("**Hamas** leaders"), not a place inside another name
    ("**Shanghai** police"). Such a name is no place, though a town abroad bears it as an alternate name.
    A country or state stays a place though a group is named by it ("the people of Vietnam"), and so does
    a landmark the gazetteer writes (a university the actors stage reads as the education sector)."""
    hit = groups.get((sp.seg, sp.start_tok))
    if hit is not None and any(e.kind in ("country", "admin1") or (e.kind == "region" and e.feature)
                               for e, _ in gaz.lookup(seg.doc[sp.start_tok:sp.end_tok].text)):
        return False  # a country, or a landmark the gazetteer writes ("Arizona State University"), stays a place
    if hit is None or any((sp.seg, t) not in groups for t in range(sp.start_tok, sp.end_tok)):
        return False
    doc = seg.doc
    if sp.start_tok > 0 and doc[sp.start_tok - 1].lower_ in ("of", "from", "in") \
            and doc[sp.start_tok].ent_type_ in ("GPE", "LOC"):
        return False  # "every resident of Nashville", "students from Boston": the group's place, named as a place
    if sp.start_tok > 1 and doc[sp.start_tok - 1].lower_ == "of" and doc[sp.start_tok - 2].lower_ in CIVIC_NOUNS:
        return False  # "residents of Ashford", "the mayor of Dunmore": a town's own people, whatever the NER said
    (start, end), name = hit
    same_name = doc[sp.start_tok:sp.end_tok].text.casefold() == name.casefold()
    if not same_name and _after_from_or_in(doc, sp.start_tok):
        return False  # "a man from Ashford, Kent": where a group of people is from, whatever the NER said
    return same_name or (start, end) == (sp.start_tok, sp.end_tok)


def _after_from_or_in(doc: Doc, i: int) -> bool:
    """Token ``i`` begins a name after "from" or "in", or a unit after a comma that follows such a name
    ("from Ashford, Kent")."""
    k = i - 1
    while k >= 0 and i - k <= 6 and (doc[k].text == "," or (doc[k].text[:1].isupper() and doc[k].is_alpha)):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("from", "in") and doc[k + 1].text != ","


def _possessor_in_name(gaz: Gazetteer, doc: Doc, sp: Spot) -> bool:
    """A name with its possessive inside a longer capitalised name: "St. Peter's Basilica", "St. Mary's
    Hospital", "Notre Dame's Jane Doe" are named after a person or belong to an institution; not a
    country's or state's ("Britain's Foreign Office" keeps Britain)."""
    if doc[sp.end_tok - 1].tag_ != "POS" or sp.end_tok >= len(doc) or not doc[sp.end_tok].text[:1].isupper():
        return False
    return not any(e.kind in ("country", "admin1") for e, _ in gaz.lookup(doc[sp.start_tok:sp.end_tok - 1].text))


_SAINTS_POSSESSIVE = re.compile(r"(?:St\.?|Saint|Ste\.?)\s+[A-Z][a-z]+['’]s?", re.UNICODE)


def _saints_institution(doc: Doc, sp: Spot) -> bool:
    """A saint's name in the possessive before another word names a church, school, hospital or feast
    ("St. Anne's Lutheran School", "St. Anne's pupils", "St. Anne's Day"), not the town of that name;
    after a locative word it may be the town ("moved to St. John's")."""
    text = doc[sp.start_tok:sp.end_tok].text
    if _SAINTS_POSSESSIVE.match(text) and text.endswith(" Day"):
        return True  # "St. Anne's Day", a feast
    if not _SAINTS_POSSESSIVE.fullmatch(text) or sp.end_tok >= len(doc):
        return False
    nxt = doc[sp.end_tok]
    return nxt.is_alpha and not after_locative(doc, sp.start_tok)


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.casefold()).strip("_") or "place"


class PlaceStage:
    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = ("segments", "actors")
    assigns: ClassVar[tuple[str, ...]] = ("places",)

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @classmethod
    def from_config(cls, config: Config) -> PlaceStage:
        return cls()

    def triage_cues(self) -> frozenset[str]:
        """Reads tags and entities, and a parse only where another stage asked for one."""
        return frozenset()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, article: Article) -> Article:
        gaz = self.gazetteer
        segs = {s.index: s for s in article.segments}
        people = person_words(article)
        spots = [sp for seg in article.segments for sp in spot_segment(seg, gaz)]
        spots = [*spots, *repeat_spots(article.segments, spots, gaz)]
        spots = sorted([*spots, *initials_spots(article.segments, spots, gaz)], key=lambda sp: (sp.seg, sp.start_tok))
        spots = [sp for sp in spots if not people.names_person(gaz, segs[sp.seg], sp)]
        elsewhere = other_sense_names(article.segments, spots, gaz)
        spots = [sp for sp in spots if not other_sense(segs, elsewhere, sp)]
        groups = _group_names(article)
        spots = [sp for sp in spots if not _names_group(gaz, groups, segs[sp.seg], sp)
                 and not _possessor_in_name(gaz, segs[sp.seg].doc, sp) and not _saints_institution(segs[sp.seg].doc, sp)]
        if not spots:
            return article
        spans: list[tuple[int, int]] = []
        for sp in spots:
            seg = segs[sp.seg]
            first, last = seg.doc[sp.start_tok], seg.doc[sp.end_tok - 1]
            spans.append((seg.start + first.idx, seg.start + last.idx + len(last.text)))
        dateline = dateline_span(article)
        chosen = resolve_spans_detailed(gaz, article.text, spans, dateline=dateline)
        qualified = {(sp.seg, sp.start_tok - 1) for sp in spots if sp.source == "unit"}
        metonyms = {
            (r.seg, t)
            for r in article.scratch.get(ACTOR_MENTIONS, [])
            if getattr(r, "via", None) == "metonym"
            for t in range(r.start_tok, r.end_tok)
        }
        found: dict[str, _Found] = {}
        refs: list[TokenRef] = []
        for sp, (start, end), resolved in zip(spots, spans, chosen, strict=True):
            seg = segs[sp.seg]
            entry, partial = (None, False) if resolved is None else resolved
            in_dateline = dateline is not None and start < dateline[1] and dateline[0] < end
            use = self._use(gaz, seg.doc, sp, entry, partial, article.text[start:end], seg.parsed,
                            any((sp.seg, t) in metonyms for t in range(sp.start_tok, sp.end_tok)),
                            (sp.seg, sp.end_tok) in qualified, in_dateline)
            if use is None:
                continue
            if sp.qualifier is not None and sp.qual_tok is not None:
                start = seg.start + seg.doc[sp.qual_tok].idx
            surface = article.text[start:end]
            pid = f"p.{_slug(surface)}" if partial else self._place_id(entry, sp.qualifier, surface)
            if pid not in found:
                place = self._place(pid, entry, sp.qualifier, surface)
                if partial and entry is not None:
                    # "Manila Cathedral": its own place, located at the town it is named after
                    fac = seg.doc[sp.start_tok].ent_type_ == "FAC"
                    place = place.model_copy(update={"geonameid": None, "feature": "facility" if fac else "area"})
                found[pid] = _Found(place, entry, [], [])
            mention = Mention(start=start, end=end, text=surface, via=use)
            if use in PLACE_NAMED_ONLY:
                found[pid].named.append(mention)
                continue  # named, not a location: events and quantities read locations only
            found[pid].located.append(mention)
            refs.append(TokenRef(sp.seg, sp.qual_tok if sp.qual_tok is not None else sp.start_tok, sp.end_tok,
                                 pid, sp.source))
        article.places = _places(found)
        add_refs(article, PLACE_MENTIONS, refs)
        return article

    def _use(self, gaz: Gazetteer, doc: Doc, sp: Spot, entry: Entry | None, partial: bool, surface: str,
             parsed: bool, metonym: bool, stated: bool, in_dateline: bool = False) -> str | None:
        """How a spot names its place: as a location (its source, "ner", "gazetteer" or "unit"), as a
        government acting ("metonym": "Russia said", "U.S. forces"), as an adjective ("adjective":
        "Russian troops"), or not at all (None). ``stated``: a unit qualifies it ("Auno (Konduga LGA)").
        ``in_dateline``: the cleaner's dateline holds it, which says where the story was filed: a
        location, never a government acting."""
        if (in_dateline or _opens_colon_dateline(doc, sp)) and entry is not None and not partial:
            return sp.source  # "Dunmore: The council ...": where the story was filed
        if _NAMED_AFTER.match(doc.text, doc[sp.end_tok - 1].idx + len(doc[sp.end_tok - 1].text)):
            return None  # "the Reston virus", "Lyme disease": named after a place, not the place
        if _newspaper_like(gaz, doc, sp, entry, partial):
            return None  # "the Post", "the Mail": a small namesake town is no reading of "the X"
        if sp.source == "adjective":
            return None if entry is None or partial else "adjective"
        if sp.source == "org":
            return None if entry is None or partial else "name"
        if metonym:
            return None if entry is None or partial else "metonym"
        if entry is None and sp.source not in ("ner", "cue"):
            return None
        if entry is None and doc[sp.start_tok].ent_type_ == "FAC":
            return None
        if not partial and self._acting(doc, sp, entry, parsed):
            return "metonym"
        if (partial or entry is None) and sp.source == "ner" and not stated \
                and not self._named_place(gaz, doc, sp, surface, parsed):
            return None  # "an image of Mourinho holding": a name the NER called a place, used as none
        return sp.source

    @staticmethod
    def _acting(doc: Doc, sp: Spot, entry: Entry | None, parsed: bool) -> bool:
        """Countries, capitals and seats of government in an actor's role ("Russia has accused",
        "Washington, which ...", "the White House said")."""
        if entry is None or not (entry.kind == "country" or entry.capital or entry.feature == "seat"):
            return False
        if sp.qualifier is not None:
            return False  # "eastern Syria" is always a region
        if acts_as_actor(doc, sp.start_tok, sp.end_tok, parsed):
            return True
        if parsed and any(c.dep_ == "relcl" and not any(w.lower_ in ("where", "when") for w in c.children)
                          for c in doc[sp.start_tok:sp.end_tok].root.children):
            return True  # "Washington, which was also directly involved ..." (not "Montenegro, where ...")
        # a country or capital is a place where it is used as a location: "in Syria", "troops to Iraq"
        return not locative_use(doc, sp.start_tok, sp.end_tok, parsed)

    @staticmethod
    def _named_place(gaz: Gazetteer, doc: Doc, sp: Spot, surface: str, parsed: bool) -> bool:
        """A name the gazetteer lacks is kept as a place (at the town it names, or the article's focus)
        where a place word ends it ("Brindlecombe Park", "Manila Cathedral"), a town of the gazetteer is
        inside it, or it is used as a location ("in Old Mill Quarter", "to Brindlecombe")."""
        last = surface.split()[-1].lower() if surface.split() else ""
        if last in _PLACE_WORDS or any(gaz.lookup(w) for w in surface.split()[:-1] if w[:1].isupper()):
            return True
        # the parse's reading, or (unparsed, or where the parse says otherwise) the words right before it
        return (parsed and locative_use(doc, sp.start_tok, sp.end_tok, True)) \
            or locative_use(doc, sp.start_tok, sp.end_tok, False)

    @staticmethod
    def _place_id(entry: Entry | None, qualifier: str | None, surface: str) -> str:
        if entry is None:
            return f"p.{_slug(surface)}"
        if entry.geonameid <= 0:
            return f"p.{_slug(entry.name if qualifier is None else surface)}"  # a hand-written region
        if qualifier is not None:
            return f"p.{_slug(surface)}"  # "eastern Syria" -> p.eastern_syria
        return f"p.{entry.geonameid}"

    @staticmethod
    def _place(pid: str, entry: Entry | None, qualifier: str | None, surface: str) -> Place:
        if entry is None:
            return Place(id=pid, name=surface, feature="region" if qualifier else None, qualifier=qualifier)
        return Place(
            id=pid, name=surface, country=iso3(entry.cc), lat=entry.lat, lon=entry.lon,
            geonameid=entry.geonameid if entry.geonameid > 0 else None,
            feature="region" if qualifier else (entry.feature or entry.kind), qualifier=qualifier,
        )
