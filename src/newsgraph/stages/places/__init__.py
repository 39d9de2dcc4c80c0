"""places stage: toponyms resolved to GeoNames places (offline gazetteer).

See docs/places.md. Spotting (``spot``), resolution (``resolve``) and the gazetteer (``gazetteer``)
are separate modules; this one turns their output into ``Place`` records and token references.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from spacy.tokens import Doc

from ...config import Config
from ...model import Article, Mention, Place
from ..common import ACTOR_MENTIONS, PLACE_MENTIONS, TokenRef, add_refs
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .resolve import resolve_spans_detailed
from .spot import Spot, acts_as_actor, locative_use, spot_segment

#: last words that make a name a place of its own ("Oulton Park", "Manila Cathedral", "Camp Bastion")
_PLACE_WORDS = frozenset({
    "park", "street", "st", "road", "rd", "avenue", "ave", "square", "bridge", "stadium", "arena", "airport",
    "airbase", "base", "camp", "cathedral", "church", "mosque", "temple", "shrine", "synagogue", "hospital",
    "school", "college", "university", "academy", "market", "mall", "centre", "center", "hall", "palace",
    "castle", "fort", "tower", "building", "station", "port", "harbour", "harbor", "dam", "mine", "prison",
    "hotel", "village", "valley", "hill", "hills", "mountain", "mountains", "lake", "river", "island",
    "islands", "beach", "bay", "coast", "forest", "plaza", "court", "field", "gardens", "quarter", "district",
    "county", "province", "region", "estate", "heights", "crossing", "checkpoint", "border", "zoo", "museum",
})

__all__ = ["PlaceStage"]


@lru_cache(maxsize=512)
def iso3(cc: str) -> str | None:
    if not cc:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=cc)
    return c.alpha_3 if c is not None else None


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
        spots: list[Spot] = []
        for seg in article.segments:
            spots.extend(spot_segment(seg, gaz))
        if not spots:
            return article
        spans: list[tuple[int, int]] = []
        for sp in spots:
            seg = segs[sp.seg]
            first, last = seg.doc[sp.start_tok], seg.doc[sp.end_tok - 1]
            spans.append((seg.start + first.idx, seg.start + last.idx + len(last.text)))
        chosen = resolve_spans_detailed(gaz, article.text, spans)
        metonyms = {
            (r.seg, t)
            for r in article.scratch.get(ACTOR_MENTIONS, [])
            if getattr(r, "via", None) == "metonym"
            for t in range(r.start_tok, r.end_tok)
        }
        places: dict[str, Place] = {}
        refs: list[TokenRef] = []
        for sp, (start, end), resolved in zip(spots, spans, chosen, strict=True):
            seg = segs[sp.seg]
            entry, partial = (None, False) if resolved is None else resolved
            if any((sp.seg, t) in metonyms for t in range(sp.start_tok, sp.end_tok)):
                continue
            if entry is None and sp.source != "ner":
                continue
            if entry is None and seg.doc[sp.start_tok].ent_type_ == "FAC":
                continue
            if not partial and self._acting(seg.doc, sp, entry, seg.parsed):
                continue
            if (partial or entry is None) and sp.source == "ner" \
                    and not self._named_place(gaz, seg.doc, sp, article.text[start:end], seg.parsed):
                continue  # "an image of Mourinho holding": a name the NER called a place, used as none
            if sp.qualifier is not None and sp.qual_tok is not None:
                start = seg.start + seg.doc[sp.qual_tok].idx
            surface = article.text[start:end]
            pid = f"p.{_slug(surface)}" if partial else self._place_id(entry, sp.qualifier, surface)
            place = places.get(pid)
            if place is None:
                place = self._place(pid, entry, sp.qualifier, surface)
                if partial and entry is not None:
                    # "Manila Cathedral": its own place, located at the town it is named after
                    fac = seg.doc[sp.start_tok].ent_type_ == "FAC"
                    place = place.model_copy(update={"geonameid": None, "feature": "facility" if fac else "area"})
                places[pid] = place
            place.mentions.append(Mention(start=start, end=end, text=surface, via=sp.source))
            refs.append(TokenRef(sp.seg, sp.qual_tok if sp.qual_tok is not None else sp.start_tok, sp.end_tok,
                                 pid, sp.source))
        article.places = list(places.values())
        add_refs(article, PLACE_MENTIONS, refs)
        return article

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
        inside it, or it is used as a location ("in Faubourg Marigny", "to Brindlecombe")."""
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
