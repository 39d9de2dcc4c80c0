"""Names of organisations the lexicon does not hold, read from their shape: a country's word, further
capitalised name words and an organisation noun ("Nigerian Union of Teachers", "Kenya Anti-Corruption
Commission") name an organisation of that country, never the country itself."""

from __future__ import annotations

from functools import lru_cache

from ...resources import word_list, word_map
from .actor_types import Item
from .lexicon import Entry, Lexicon, norm, slug, spelling_variants

_NAME_JOINERS = word_list("actors", "org_name_joiners")


@lru_cache(maxsize=1)
def org_heads() -> dict[str, str]:
    """The organisation head nouns -> sector ("" when the noun alone does not tell; "-" in the word list),
    with their common misspellings ("Commision")."""
    heads = {noun: "" if sector == "-" else sector for noun, sector in word_map("actors", "org_heads").items()}
    out = dict(heads)
    for key, sector in heads.items():
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

