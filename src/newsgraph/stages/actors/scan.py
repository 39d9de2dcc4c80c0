"""Cut a phrase into lexicon items: greedy longest match of names, demonyms, roles, places and actor
nouns ("Turkish | Foreign Minister | Jane | Doe"), plus the plain-string word split of the resolver."""

from __future__ import annotations

from ...resources import word_list, word_map
from .actor_types import Item
from .lexicon import Entry, Lexicon, fold, norm
from .places_names import place_country
from .syntax import SPLIT_SUFFIX

FORMER_WORDS = word_list("actors", "former_words")
#: "U.S.-led", "Iranian-backed", "Russian-made": the country named is a sponsor, not the actor's own
SPONSOR_WORDS = word_list("actors", "sponsor_words")
JOINERS = word_list("actors", "joiners")
PHRASE_PREPOSITIONS = word_list("actors", "phrase_prepositions")
IRREGULAR_PLURALS = word_map("actors", "irregular_plurals")
#: sources of proper names (organisations, outlets, people), never matched by an all-lowercase word
NAMED_SOURCES = frozenset({"org", "media", "person"})


def singular(word: str) -> str:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[w]
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def split_words(text: str) -> list[str]:
    """Plain-string tokenisation for :class:`~.resolver.Resolver` ("U.S.-led" -> "U.S.", "-led")."""
    out: list[str] = []
    for raw in fold(text).split():
        raw = raw.strip(",;:\"()")
        if not raw:
            continue
        m = SPLIT_SUFFIX.match(raw)
        if m:
            out.extend([m.group(1), m.group(2)])
            continue
        if raw.endswith(("'s", "’s")) and len(raw) > 2:
            out.extend([raw[:-2], "'s"])
            continue
        out.append(raw)
    return out


def scan(words: list[str], lex: Lexicon, lemmas: list[str] | None = None) -> list[Item]:
    """Greedy longest-match segmentation of ``words`` into lexicon items."""
    items: list[Item] = []
    n = len(words)
    i = 0
    while i < n:
        found = _longest_item(words, i, lex, lemmas)
        if lex.stems and (found is None or not any(e.source in ("petrarch", "user") for e in found.entries)):
            stem = _stem_match(words, i, lex)  # a user's PETRARCH stem beats the shipped lexicon
            if stem is not None and (found is None or stem.end >= found.end or found.kind == "word"):
                found = stem
        if found is None:
            found = Item("word", i, i + 1, text=words[i])
        title = _title_of_longer_name(words, i, found, lex, lemmas)
        if title is not None:
            found = title
        if found.kind == "role" and found.end == n and found.end - found.start == 1 and _given_name(items, lex):
            found = Item("word", i, i + 1, text=words[i])  # "Paul Judge", "Jane King": a surname, not a title
        items.append(found)
        i = found.end
    return items


def _party_title(chunk: list[str], lex: Lexicon) -> bool:
    """'Labour leader': a leader's title of several words whose first is a capitalised party name is that
    party's leader, not the common-noun title ("labour leader", a union's): the party is read as a name.
    Only "leader": "Labor Minister", "National Security Adviser" stay the titles they are."""
    return len(chunk) >= 2 and chunk[-1].lower() == "leader" and chunk[0][:1].isupper() and any(
        e.sector == "POL" and e.kind == "organization" for e in lex.lookup(chunk[0]))


def _given_name(items: list[Item], lex: Lexicon) -> bool:
    """The last item is a capitalised given name ("Tom"): a title word after it ends a name, as a surname."""
    return bool(items) and items[-1].kind == "word" and items[-1].text[:1].isupper() \
        and norm(items[-1].text) in lex.given_names


def _longest_item(words: list[str], i: int, lex: Lexicon, lemmas: list[str] | None) -> Item | None:
    """The longest lexicon item starting at word ``i``, if any."""
    n = len(words)
    for length in range(min(lex.max_words + 2, n - i), 0, -1):
        chunk = words[i:i + length]
        text = " ".join(chunk)
        key = norm(text)
        if not key:
            return None
        entries = lex.lookup(text)
        if entries and " " not in key and not any(ch.isupper() for ch in text):
            # a one-word name written in lower case is a common word: "the labour ministry", "child labour"
            entries = [e for e in entries if e.source not in NAMED_SOURCES]
        if entries:
            return Item("entry", i, i + length, entries=entries, text=text)
        if key in lex.capitals and text[:1].isupper():
            iso3 = lex.capitals[key]
            cap = Entry(id=iso3, name=lex.country_names.get(iso3, iso3), country=iso3, sector="GOV",
                        kind="state", source="capital")
            return Item("entry", i, i + length, entries=[cap], text=text)
        if key in lex.demonyms:
            return Item("demonym", i, i + length, country=lex.demonyms[key], text=text,
                        plural_people=key in lex.demonym_nouns)
        if key in lex.roles and not _party_title(chunk, lex):
            return Item("role", i, i + length, agent=lex.roles[key], text=text)
        if text[:1].isupper() and (key in lex.regions or (length <= 3 and place_country(key))):
            return Item("place", i, i + length, country=lex.regions.get(key) or place_country(key), text=text)
        last = lemmas[i + length - 1].lower() if lemmas else singular(chunk[-1])
        for cand in (key, norm(" ".join([*chunk[:-1], last])), norm(" ".join([*chunk[:-1], singular(chunk[-1])]))):
            if cand in lex.agents:
                return Item("agent", i, i + length, agent=lex.agents[cand], text=text)
        if length == 1:
            found = _single(words[i])
            if found:
                found.start, found.end = i, i + 1
            return found
    return None


def _title_of_longer_name(words: list[str], i: int, found: Item, lex: Lexicon,
                          lemmas: list[str] | None) -> Item | None:
    """A who's-who alias made of a title and a family name ("President Harrowby") cut short a longer name
    of the same person written family name first ("President Harrowby Zed"): the title alone, so that
    the full name is read after it."""
    if found.kind != "entry" or not found.entries or any(e.source != "person" for e in found.entries):
        return None
    ids = {e.id for e in found.entries}
    for r in range(1, found.end - i):
        if norm(" ".join(words[i:i + r])) not in lex.roles:
            continue
        rest = _longest_item(words, i + r, lex, lemmas)
        if rest is not None and rest.kind == "entry" and rest.end > found.end \
                and any(e.id in ids for e in rest.entries):
            return Item("role", i, i + r, agent=lex.roles[norm(" ".join(words[i:i + r]))],
                        text=" ".join(words[i:i + r]))
    return None


def _stem_match(words: list[str], i: int, lex: Lexicon) -> Item | None:
    """The longest PETRARCH stem entry starting at word ``i`` ('Arnorian' by the stem ARNOR)."""
    first = norm(words[i])
    if not first:
        return None
    best: Item | None = None
    candidates: list[tuple[tuple[str, ...], list[Entry]]] = list(lex.stems.get(first, []))
    for k in range(len(first) - 1, 2, -1):
        candidates += [c for c in lex.stems.get(first[:k], []) if len(c[0]) == 1]
    for stem_words, entries in candidates:
        n = len(stem_words)
        if i + n > len(words):
            continue
        got = [norm(w) for w in words[i:i + n]]
        if got[:-1] != list(stem_words[:-1]) or not got[-1].startswith(stem_words[-1]):
            continue
        if best is None or i + n > best.end:
            best = Item("entry", i, i + n, entries=entries, text=" ".join(words[i:i + n]))
    return best


def _single(word: str) -> Item | None:
    """A one-word function item: 'former', 'pro-', '-led', a joiner, a possessive, a preposition."""
    w = fold(word).lower()
    if w in FORMER_WORDS:
        return Item("former", 0, 0, text=word)
    if w.startswith(("pro-", "anti-")) or w in ("pro", "anti"):
        return Item("pro", 0, 0, text=word)
    if w.lstrip("-") in SPONSOR_WORDS:
        return Item("led", 0, 0, text=word)
    if w in JOINERS:
        return Item("joiner", 0, 0, text=word)
    if w in ("'s", "'", "s'"):
        return Item("possessive", 0, 0, text=word)
    if w in PHRASE_PREPOSITIONS:
        return Item("prep", 0, 0, text=word)
    return None
