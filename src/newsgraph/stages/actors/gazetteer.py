"""Names the NER missed that the lexicon knows: capitalised runs of words ("Kremlin", "The Islamic
State", "Kenya Anti-Corruption Commission", "Chancellor Scholz") and bare who's-who surnames."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Segment
from .actor_types import Resolution
from .context import seat_body
from .lexicon import norm
from .people import bare_surname
from .resolution import combine
from .scan import scan
from .state import ArticleState
from .syntax import HYPHENS, capital_noun, capital_word, claim, dateline, locative, phrase_words
from .tenure import pick

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_Phrase = tuple[list[str], list[str], list[int]]  # words, lemmas, token of each word


def gazetteer(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """Capitalised names the NER missed ('Kremlin', 'The Islamic State') when the lexicon knows them."""
    doc = seg.doc
    k = 0
    while k < len(doc):
        if claimed[k] or not (capital_word(doc[k]) or capital_noun(doc[k])):
            k += 1
            continue
        m = _run_end(seg, k, claimed)
        phrase = phrase_words(list(doc[k:m]))
        if m - k >= 2 and _whole_run(state, seg, k, m, phrase, claimed) \
                or m - k == 1 and not claimed[k] and bare_surname(state, seg, k, claimed):
            k = m
            continue
        _known_names(state, seg, phrase, claimed)
        k = max(m, k + 1)  # a run trimmed back to nothing ("The") must still advance


def _run_end(seg: Segment, k: int, claimed: list[bool]) -> int:
    """The end of the run of capitalised words from ``k`` ("Prince of Dol Amroth", "Anti-Corruption")."""
    doc = seg.doc
    m = k
    while m < len(doc) and not claimed[m]:
        if capital_word(doc[m]) or capital_noun(doc[m]):
            m += 1
        elif m > k and doc[m].lower_ in ("of", "the") and m + 1 < len(doc) and not claimed[m + 1] \
                and capital_word(doc[m + 1]):
            m += 1  # "Prince of Dol Amroth", "Bank of England"
        elif m > k and doc[m].text in HYPHENS and m + 1 < len(doc) and not claimed[m + 1] \
                and capital_word(doc[m + 1]):
            m += 1  # "Anti-Corruption"
        else:
            break
    while m > k and doc[m - 1].lower_ in ("of", "the"):
        m -= 1
    return m


def _whole_run(state: ArticleState, seg: Segment, k: int, m: int, phrase: _Phrase, claimed: list[bool]) -> bool:
    """The whole run names an organisation of a country ("Kenya Anti-Corruption Commission") or a titled
    known person the NER missed ("Chancellor Scholz")."""
    if any(claimed[x] for x in range(k, m)):
        return False
    words, lemmas, owner = phrase
    whole = combine(scan(words, state.lex, lemmas), state.lex, state.date, words)
    if whole is not None and ((m - k >= 3 and whole.entry.id.startswith("ORG.") and whole.entry.country)
                              or (whole.entry.source == "person" and whole.role is not None)
                              or _titled_unknown(state, whole, words)):
        state.register(seg, whole, owner, k, m, "dict")
        claim(claimed, k, m)
        return True
    return False


def _titled_unknown(state: ArticleState, whole: Resolution, words: list[str]) -> bool:
    """'Deputy Director of Public Prosecution Lena Varg' the NER missed: a title, then a name that starts
    with a given name the lexicon knows, is a titled person even if the who's-who lacks them."""
    head = whole.head
    return whole.entry.kind == "person" and whole.entry.source == "title" and whole.role is not None \
        and head is not None and head.end < len(words) and norm(words[head.end]) in state.lex.given_names


def _capital_subject(doc: Doc, i: int, j: int) -> bool:
    """A capital's name, capitalised (not a dateline's capitals), as the subject of a verb ("Kyiv said",
    "Ankara rejected"): the government acting (CAMEO codes a capital acting as its state), never a place."""
    last = doc[j - 1]
    return all(t.text[:1].isupper() and not t.is_upper and t.pos_ == "PROPN" for t in doc[i:j]) \
        and last.dep_ in ("nsubj", "nsubjpass") \
        and last.head.pos_ in ("VERB", "AUX")


def _known_names(state: ArticleState, seg: Segment, phrase: _Phrase, claimed: list[bool]) -> None:
    """Each lexicon name inside a run (``phrase``: its words, lemmas and tokens): a country the NER
    missed ("Arnor is about to ..."), a people, an institution, a who's-who person."""
    doc = seg.doc
    words, lemmas, owner = phrase
    for it in scan(words, state.lex, lemmas):
        if it.kind != "entry":
            continue
        e, left = pick(it.entries, state.date)
        if e is None:
            continue
        i, j = owner[it.start], owner[it.end - 1] + 1
        if e.source == "capital":
            if _capital_subject(doc, i, j) and not any(claimed[i:j]) and not dateline(doc, i, j):  # "Kyiv said"
                state.register(seg, Resolution(entry=seat_body(state, e, doc[i:j].text), head=it), owner, i, j,
                               "metonym")
                claim(claimed, i, j)
            continue
        if not all(capital_word(t) for t in doc[i:j] if t.lower_ not in ("of", "the")) \
                and e.kind != "state" and e.source not in ("petrarch", "user"):
            continue  # a capitalised common noun ("Police said") names a shipped actor only as a NOUN
        if e.kind == "state":  # a country the NER missed ("Arnor is about to ...")
            if locative(doc, i) or dateline(doc, i, j):
                state.place(seg.index, i, e.country or "")
                if e.source != "petrarch" or dateline(doc, i, j):  # PETRARCH: places are actors
                    continue
            state.register(seg, Resolution(entry=e, head=it), owner, i, j, "metonym")
            claim(claimed, i, j)
            continue
        if e.source == "ethnic" and doc[j - 1].tag_ not in ("NNS", "NNPS"):
            continue  # "Kurdish autonomy", "Islamist groups": an adjective, not the group
        if any(claimed[x] for x in range(i, j)):
            continue
        if e.source == "person" and left:
            e = replace(e, sector="ELI")
        state.register(seg, Resolution(entry=e, head=it), owner, i, j, "dict")
        claim(claimed, i, j)
