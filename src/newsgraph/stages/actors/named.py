"""Names of organisations the lexicon does not hold, read from their shape: a country's word, further
capitalised name words and an organisation noun ("Nigerian Union of Teachers", "Kenya Anti-Corruption
Commission") name an organisation of that country, never the country itself."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import Entry, Lexicon, norm, slug, spelling_variants

if TYPE_CHECKING:  # pragma: no cover
    from .resolver import Item

#: organisation head nouns -> sector ("" when the noun alone does not tell)
_ORG_HEADS: dict[str, str] = {
    "union": "LAB", "unions": "LAB", "trade union": "LAB", "syndicate": "LAB",
    "commission": "GOV", "committee": "", "authority": "GOV", "agency": "GOV", "bureau": "GOV", "board": "GOV",
    "directorate": "GOV", "ministry": "GOV", "department": "GOV", "service": "GOV", "office": "GOV",
    "party": "POL", "front": "", "movement": "", "alliance": "", "council": "", "congress": "", "league": "",
    "federation": "", "assembly": "",
    "association": "NGO", "society": "NGO", "foundation": "NGO", "forum": "NGO", "institute": "NGO",
    "network": "NGO", "organization": "NGO", "organisation": "NGO", "centre": "NGO", "center": "NGO",
    "company": "BUS", "corporation": "BUS", "corp": "BUS", "bank": "BUS", "airlines": "BUS", "airways": "BUS",
    "university": "EDU", "college": "EDU", "church": "REL",
}
_NAME_JOINERS = {"of", "for", "and", "&", "the", "on", "-"}


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """The organisation head nouns with their common misspellings ("Commision")."""
    out = dict(_ORG_HEADS)
    for key, sector in _ORG_HEADS.items():
        for v in spelling_variants(key):
            out.setdefault(v, sector)
    return out


def named_org(items: list[Item], words: list[str], lex: Lexicon, country: str | None) -> Entry | None:
    """An organisation named as ``<country word> <Name words> <Organisation noun> [of ...]`` when at least
    one name word is unknown to the lexicon (known ones, "Peruvian Congress", are institutions)."""
    if country is None:
        return None
    lead = [it for it in items if not (it.kind == "word" and norm(it.text) == "the")]
    if len(lead) < 2 or lead[0].kind not in ("demonym", "entry"):
        return None
    state_end = lead[0].end
    tail = words[state_end:]
    cut = next((k for k, w in enumerate(tail) if norm(w) in ("of", "for")), len(tail))
    name_words = tail[:cut]
    if not name_words or any(not (w[:1].isupper() or w.lower() in _NAME_JOINERS) for w in tail):
        return None
    heads = org_heads()
    head = norm(name_words[-1])
    if head not in heads:
        return None
    inner = [it for it in items if it.start >= state_end and it.end <= state_end + cut]
    if not any(it.kind in ("word", "place", "pro") for it in inner):
        return None
    start = 1 if norm(words[0]) == "the" else 0
    name = " ".join(words[start:]).replace(" - ", "-")
    return Entry(id=f"ORG.{slug(name)}", name=name, country=country, sector=heads[head] or None,
                 kind="organization", source="unknown")

