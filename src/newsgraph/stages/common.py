"""Working state that stages share through ``article.scratch`` (never serialised)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article

ACTOR_MENTIONS = "actor_mentions"
PLACE_MENTIONS = "place_mentions"
DATE_MENTIONS = "date_mentions"

#: nouns whose "of X" complement is a location ("the port of Tripoli", "the north of Syria", "parts of Iraq")
OF_PLACE_NOUNS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "part", "parts",
    "rest", "center", "centre", "outskirts", "edge", "heart", "capital", "city", "town", "village", "port",
    "province", "region", "district", "area", "suburb", "suburbs", "island", "county", "governorate",
    "municipality", "enclave", "coast", "shores", "hub", "stronghold", "neighbourhood", "neighborhood",
    "resort", "harbour", "harbor", "oasis", "valley", "commune", "streets",
})


@dataclass(frozen=True)
class TokenRef:
    """Tokens ``[start_tok, end_tok)`` of segment ``seg`` that refer to ``ref`` (an id)."""

    seg: int
    start_tok: int
    end_tok: int
    ref: str
    via: str = "ner"


#: An actor mention in token coordinates (via: ner, noun, coref, title, dict).
ActorMention = TokenRef


def _index(article: Article, key: str) -> dict[tuple[int, int], str]:
    cache_key = f"_{key}_index"
    refs: list[TokenRef] = article.scratch.get(key, [])
    cached = article.scratch.get(cache_key)
    if cached is not None and cached[0] == len(refs):
        return cached[1]  # type: ignore[no-any-return]
    index: dict[tuple[int, int], str] = {}
    for r in refs:
        for t in range(r.start_tok, r.end_tok):
            index.setdefault((r.seg, t), r.ref)
    article.scratch[cache_key] = (len(refs), index)
    return index


def actor_at(article: Article, seg: int, token_i: int) -> str | None:
    """Id of the actor that token ``token_i`` of segment ``seg`` refers to, if any."""
    return _index(article, ACTOR_MENTIONS).get((seg, token_i))


def place_at(article: Article, seg: int, token_i: int) -> str | None:
    """Id of the place that token ``token_i`` of segment ``seg`` names, if any."""
    return _index(article, PLACE_MENTIONS).get((seg, token_i))


def date_at(article: Article, seg: int, token_i: int) -> str | None:
    """Id of the DateRef covering token ``token_i`` of segment ``seg``, if any."""
    return _index(article, DATE_MENTIONS).get((seg, token_i))


def add_refs(article: Article, key: str, refs: list[TokenRef]) -> None:
    article.scratch.setdefault(key, []).extend(refs)


def date_value(article: Article, dateref_id: str | None) -> str | None:
    """The normalised value of a DateRef (its text when unresolved), for ``date`` fields. A vague
    reference with a known range ("in the past few days": PAST_REF, 2017-12-03 to 2017-12-06) gives the
    range ``start/end``: an event or a figure is dated by when it happened, not by a TimeML class."""
    if dateref_id is None:
        return None
    for d in article.dates:
        if d.id == dateref_id:
            if d.value is not None and d.value.endswith("_REF") and d.start and d.end and d.start != d.end:
                return f"{d.start}/{d.end}"  # "now" (PRESENT_REF, one day) stays PRESENT_REF
            return d.value or d.text
    return None


def dateline_span(article: Article) -> tuple[int, int] | None:
    """Article offsets of the dateline's place ("NAIROBI, Kenya (Reuters) -"), when the cleaner found one."""
    d = article.dateline
    if not d or not isinstance(d.get("place"), str):
        return None
    start = int(d.get("start", 0))
    at = article.text.find(d["place"], start, start + 200)
    return None if at < 0 else (at, at + len(d["place"]))
