"""People in a sentence: a PERSON entity with the title before it ("Gondor's Prime Minister Falastur",
"Secretary of State X"), an appositive role ("Jane Doe, Turkey's foreign minister,"), a title "of" a
country ("King Hassan of Morocco"), and a bare who's-who surname the NER missed ("Odinga said")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Segment
from ...resources import word_list
from .actor_types import Resolution
from .lexicon import Entry, Lexicon, norm
from .state import ArticleState
from .surnames import HEAD_ROLES, NOT_SURNAMES, fuzzy_person, middle_name_person, person_id, surname_person
from .syntax import claim, of_proper_noun
from .titles import bind_country

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: titles that go on with "to" and the place sent to ("Ambassador to Britain X")
_ENVOY_TITLES = word_list("actors", "envoy_titles")


#: words for a party's people after its name: "a veteran Green Party member", "a Green Party strategist"
_PARTY_MEMBERS = word_list("actors", "party_members")
#: how many tokens an appositive that names the person's organisation may run
_APPOSITIVE_SPAN = 25


def person(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> None:
    """The person named by tokens ``[i, j)`` with the title before them, if any."""
    doc = seg.doc
    k = _title_start(doc, i, claimed)
    res, owner = state.resolve(list(doc[k:j]))
    via = "title" if res is not None and k < i and res.entry.kind == "person" and res.role else "ner"
    if res is not None and res.entry.source == "place" and res.head is not None and owner[res.head.start] >= i:
        res = None  # a name the NER calls a person that some town also bears ("Abbas"): the person
    elif res is not None and res.entry.kind == "organization" and res.head is not None \
            and owner[res.head.start] > i and norm(doc[i].text) in state.lex.given_names:
        res = None  # "Sarah Whitfield" where an outlet is called Whitfield: a given name, then the surname
    if res is not None and res.entry.kind != "person" and res.head is not None \
            and res.entry.source not in ("noun", "capital", "country") \
            and _not_a_person(state, seg, res, owner, owner[res.head.start], i, j, k, claimed):
        return
    if res is None or res.entry.kind != "person":
        _untitled_name(state, seg, i, j, claimed)
        return
    if res.entry.source == "title":
        res.entry = replace(res.entry, id=person_id(doc[i:j].text), name=doc[i:j].text)
    if via == "title":
        res = title_of(state, doc, i, j, res)
        if res.entry.country is None and res.entry.source == "title":
            res.entry = _appositive_country(state, doc, k, j, res.entry)
    if res.entry.sector is None and via == "ner":  # a who's-who person before any office: "..., a party figure,"
        res.entry = _party_figure(state, doc, j, res.entry)
    if res.entry.country is None and us_party_label(doc, j):  # "Rep. Jane Doe (R-Kan.)"
        sector = res.entry.sector
        res.entry = replace(res.entry, country="USA", affiliation=f"USA.{sector}" if sector else None)
    start = k if via == "title" else i
    aid = state.register(seg, res, owner, start, j, via)
    claim(claimed, start, j)
    office_before_is_person(state, seg, start, j, aid)


#: a US politician's party and state in brackets after the name: "(R-Kan.)", "(D-Ore.)", "(I-VT)"
_US_PARTY_LABEL = re.compile(r"\(\s*[RDI]\s*[-\u2013,]\s*[A-Z][A-Za-z. ]{1,12}\)")
#: the same between commas, AP style: ", D-Mont.,", ", R-Texas."
_US_PARTY_LABEL_AP = re.compile(r",\s*[RDI]\s*[-\u2013]\s*[A-Z][A-Za-z.]{1,11}\s*[,.;]")


def us_party_label(doc: Doc, j: int) -> bool:
    """A US party-and-state label right after the name ending before token ``j``: in brackets, "(R-Kan.)",
    or between commas as the AP writes it, ", D-Mont.,"."""
    if j >= len(doc) or doc[j].text not in ("(", ","):
        return False
    label = _US_PARTY_LABEL if doc[j].text == "(" else _US_PARTY_LABEL_AP
    return bool(label.match(doc.text[doc[j].idx:doc[j].idx + 20]))


def _title_start(doc: Doc, i: int, claimed: list[bool]) -> int:
    """The first token of the title before a name at ``i`` (``i`` when there is none)."""
    k = i
    while k > 0 and not claimed[k - 1] and i - k < 8:
        t = doc[k - 1]
        if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text in ("-", ".") or t.ent_type_ \
                or (t.text in ("'s", "\u2019s") and k - 2 >= 0 and doc[k - 2].text[:1].isupper()):
            k -= 1  # "Gondor's Prime Minister Falastur"
            continue
        if t.lower_ in ("of", "the", "for") and k - 2 >= 0 and k < i and doc[k].text[:1].isupper() \
                and doc[k - 2].pos_ in ("PROPN", "NOUN", "DET", "ADP") \
                and (doc[k - 2].text[:1].isupper() or doc[k - 2].lower_ in ("of", "for", "to")):
            # "Secretary of State Antony Blinken", "Minister of the Interior X"; not a common noun's
            # complement: "the resignation of President X" is the president only
            k -= 1
            continue
        if t.lower_ == "to" and k - 2 >= 0 and k < i and (doc[k].text[:1].isupper() or doc[k].lower_ == "the") \
                and doc[k - 2].lower_ in _ENVOY_TITLES:
            k -= 1  # "China's ambassador to Britain X": the place sent to is part of the title
            continue
        if k - 2 >= 0 and k < i and doc[k].text == "-" and doc[k - 2].text == "-" and t.is_alpha:
            k -= 1  # a hyphenated title the tokenizer split: "editor - in - chief X"
            continue
        break
    while k < i and doc[k].lower_ in ("of", "the"):
        k += 1
    return k


def _not_a_person(state: ArticleState, seg: Segment, res: Resolution, owner: list[int], head_tok: int,
                  i: int, j: int, k: int, claimed: list[bool]) -> bool:
    """A PERSON entity that resolved to a dictionary actor, or a person titled by an institution of a
    country ("Kenyan police officer Jane Doe"): registered here (True), else left to the person rules."""
    doc = seg.doc
    if head_tok >= i:
        state.register(seg, res, owner, i, j, "ner")  # a dictionary name the NER took for a person
        claim(claimed, i, j)
        return True
    if state.lex.lookup(doc[i:j].text) or res.entry.source == "petrarch":
        # "Bree Prime Minister Romendacil": a dictionary actor; "Fornost President X": PETRARCH
        # codes the titled name by its actor and agent (FORGOV)
        state.register(seg, res, owner, k, j, "title")
        claim(claimed, k, j)
        return True
    if doc[i - 1].text in ("'s", "\u2019s") and _who_is(state, doc, i, j)[0] is not None:
        return False  # "Acme's Obama endorsement": a who's-who person after a body's possessive is theirs
    if res.entry.country and res.entry.sector:  # "Kenyan police officer Jane Doe"
        name = doc[i:j].text
        titled = Entry(id=person_id(name), name=name, country=res.entry.country,
                       sector=res.entry.sector, kind="person", source="title", role=res.role,
                       affiliation=res.entry.id)
        state.actor_for(titled, label="PERSON")
        state.mention(seg, i, j, titled.id, "title")
        claim(claimed, i, j)
        return True
    return False


def _untitled_name(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> None:
    """A name with no title the lexicon reads: a who's-who person by a lone surname or (titled) a
    misspelt name, else an unknown person, with the role of an appositive after the name."""
    doc = seg.doc
    name = doc[i:j].text
    known, left = _who_is(state, doc, i, j)
    if known is not None:
        e = replace(known, sector="ELI") if left else known
        if e.sector is None:  # "Jane Doe, a veteran Green Party member," before any office she held
            e = _party_figure(state, doc, j, e)
    else:
        e = Entry(id=person_id(name), name=name, country=None, sector=None, kind="person", source="unknown")
        e = _appositive_employer(state, doc, j, e)  # "..., a director at <Organisation>,": its person
        if e.sector is None:
            e = _appositive(state, doc, j, e)
        if e.sector is None:
            e = _party_figure(state, doc, j, e)
        if e.sector is None:
            e = _appositive_before(state, doc, i, j, e)
        if e.country is None and us_party_label(doc, j):  # "Jane Doe (D-Calif.)": a US party politician
            e = replace(e, country="USA", sector=e.sector or "POL", affiliation=e.affiliation or
                        f"USA.{e.sector or 'POL'}")
    state.actor_for(e, label="PERSON")
    state.mention(seg, i, j, e.id, "ner")
    claim(claimed, i, j)
    office_before_is_person(state, seg, i, j, e.id)


def _office_before(doc: Doc, k: int, j: int) -> tuple[int, int] | None:
    """The office phrase a name over ``[k, j)`` stands in apposition to, right before it and its comma
    ("Turkey's foreign minister, Jane Doe"): its tokens, else None."""
    if k < 2 or doc[k - 1].text != ",":
        return None
    for t in doc[k:j]:
        h = t.head
        if t.dep_ == "appos" and h.i < k - 1 and h.pos_ == "NOUN" and k - 1 - h.i <= 1:
            return h.left_edge.i, h.i + 1
    return None


def office_before_is_person(state: ArticleState, seg: Segment, k: int, j: int, person: str) -> None:
    """'Ruritania's trade minister, Jane Doe, said': an office phrase and the name in apposition to it are one
    actor, the person: the phrase's mention (its country's body) moves to the person, so that one speaker
    is not read as two actors."""
    span = _office_before(seg.doc, k, j)
    p = state.actors.get(person)
    if span is None or p is None or p.kind != "person":
        return
    entry = Entry(id=p.id, name=p.name, country=p.country, sector=p.sector, kind="person", source="title",
                  role=p.role, affiliation=p.affiliation)
    for m in [m for m in state.mentions if m.seg == seg.index and span[0] <= m.start and m.end <= span[1]]:
        a = state.actors.get(m.actor)
        if a is not None and a.id != person and a.kind in ("organization", "group") and not a.media \
                and (not a.country or a.country == p.country):
            state.move(seg, m.start, m.end, a.id, entry)
            state.apposed.add(person)


def _who_is(state: ArticleState, doc: Doc, i: int, j: int) -> tuple[Entry | None, bool]:
    """The who's-who person an untitled name ``[i, j)`` names, if one fits (and whether they had left
    office): a lone surname that fits the article, a full name with a middle name the who's-who lacks,
    or (after a title only) a misspelt name; "the Moon" is no President Moon."""
    lex = state.lex
    name = doc[i:j].text
    key = norm(name)
    if j - i == 1:
        if key in NOT_SURNAMES or lex.given_name_rather(key) or (i > 0 and doc[i - 1].pos_ == "DET"):
            return None, False
        known, left = surname_person(lex, key, state.date)
        return (known, left) if known is not None and lone_surname_fits(state, known) else (None, False)
    words = [t.text for t in doc[i:j]]
    known, left = middle_name_person(lex, words, state.date)
    if known is None and title_before(lex, doc, i):
        known, left = fuzzy_person(lex, words, state.date)
    return known, left


def _appositive(state: ArticleState, doc: Doc, j: int, e: Entry) -> Entry:
    """'Jane Doe, a Pentagon spokesperson,' / 'Jane Doe, Turkey's foreign minister': bind the role."""
    if j + 1 >= len(doc) or doc[j].text != ",":
        return e
    k = j + 1
    while k < len(doc) and k - j <= 10 and (doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PART")
                                            or doc[k].lower_ in ("of", "'s", "\u2019s", "-")
                                            or (doc[k].tag_ in ("VBG", "VBN") and doc[k].dep_ == "amod")):
        k += 1
    if k <= j + 1 or (k < len(doc) and doc[k].text not in (",", ".", ";", ")", "\u2014")
                      and doc[k].pos_ not in ("VERB", "AUX", "ADP")):  # ADP: "the prosecutor for the region"
        return e
    return _bind_role(state, [t for t in doc[j + 1:k] if t.pos_ != "DET"], e)


def _party_figure(state: ArticleState, doc: Doc, j: int, e: Entry) -> Entry:
    """'Jane Doe, a veteran Green Party member,' / 'Jane Doe, a presidential hopeful,': an appositive that
    names a political party with a word for one of its people (a member, figure, strategist ...;
    `party_members.txt`), or that is a politician's noun (a hopeful, a candidate): a party politician (POL),
    of the party's country, the party as affiliation."""
    tokens = _appositive_tokens(doc, j)
    if not tokens:
        return e
    res, _ = state.resolve(tokens)
    if res is None or res.entry.sector != "POL" or res.entry.kind == "state":
        return e
    if res.head is not None and res.head.kind == "agent" and res.entry.source == "noun":
        return replace(e, country=e.country or res.entry.country, sector="POL", role=res.role, source="title")
    if res.entry.kind == "organization" and res.entry.source != "noun" and norm(tokens[-1].lemma_) in _PARTY_MEMBERS:
        return replace(e, country=e.country or res.entry.country, sector="POL", affiliation=res.entry.id,
                       source="title")
    return e


def _appositive_tokens(doc: Doc, j: int) -> list[Token]:
    """The words of a short appositive after a name ending at ``j`` ("Jane Doe, a senior party figure,"),
    determiners left out; none when no comma follows the name or the phrase does not end there."""
    if j + 1 >= len(doc) or doc[j].text != ",":
        return []
    k = j + 1
    while k < len(doc) and k - j <= 10 and (doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PART", "NUM")
                                            or doc[k].lower_ in ("'s", "\u2019s", "-")):
        k += 1
    if k <= j + 1 or (k < len(doc) and doc[k].text not in (",", ".", ";", ")", "\u2014")
                      and doc[k].pos_ not in ("VERB", "AUX")):
        return []
    return [t for t in doc[j + 1:k] if t.pos_ != "DET"]


def _appositive_employer(state: ArticleState, doc: Doc, j: int, e: Entry) -> Entry:
    """'Jane Doe, regional director for West Africa at <Organisation>,': an appositive too long for a title
    phrase, with a title word and the organisation the person works "at" or "of": the person is of that
    organisation (its country and sector, it as affiliation)."""
    if j + 1 >= len(doc) or doc[j].text != ",":
        return e
    k = j + 1
    while k < len(doc) and k - j <= _APPOSITIVE_SPAN and doc[k].text not in (",", ".", ";", ")", "\u2014") \
            and doc[k].pos_ not in ("VERB", "AUX"):
        k += 1
    titled = any((res := state.resolve([t])[0]) is not None and res.head is not None and res.head.kind == "role"
                 for t in doc[j + 1:k] if t.pos_ == "NOUN" or t.pos_ == "PROPN")
    if not titled:
        return e
    for ent in reversed(doc.ents):
        p = ent.start - 1 if doc[ent.start - 1].pos_ != "DET" else ent.start - 2
        if not (j + 1 < ent.start and ent.end <= k) or ent.label_ != "ORG" or doc[p].lower_ not in ("at", "of"):
            continue
        org, _ = state.resolve(list(ent))
        if org is None or org.entry.kind != "organization" or not org.entry.sector or org.entry.source == "noun":
            return e
        return replace(e, country=org.entry.country, sector=org.entry.sector, affiliation=org.entry.id,
                       source="title")
    return e


def _bind_role(state: ArticleState, tokens: list[Token], e: Entry, heads: tuple[str, ...] = ("role",)) -> Entry:
    """An unknown person ``e`` with the role a title phrase (``tokens``) names, if it names one (``heads``:
    the kinds of head noun taken: titles; before the name also group nouns, "a Senate candidate")."""
    res, _ = state.resolve(tokens)
    if res is None or res.head is None or res.head.kind not in heads or not res.entry.sector \
            or res.entry.kind == "state":
        return e
    affiliation = res.entry.affiliation if res.entry.kind == "person" else res.entry.id
    return replace(e, country=res.entry.country, sector=res.entry.sector, role=res.role,
                   affiliation=None if res.entry.source == "noun" else affiliation, source="title")


def _appositive_before(state: ArticleState, doc: Doc, i: int, j: int, e: Entry) -> Entry:
    """'Turkey's foreign minister, Jane Doe,' / 'the party's Senate candidate, Jane Doe': the title
    phrase the name stands in apposition to, before it."""
    if i < 2 or doc[i - 1].text != ",":
        return e
    for t in doc[i:j]:
        h = t.head
        if t.dep_ == "appos" and h.i < i - 1 and h.pos_ == "NOUN" and i - 1 - h.i <= 1:
            tokens = [x for x in doc[h.left_edge.i:h.i + 1] if x.pos_ != "DET"]
            if tokens:
                return _bind_role(state, tokens, e, ("role", "agent"))
    return e


def _appositive_country(state: ArticleState, doc: Doc, k: int, j: int, e: Entry) -> Entry:
    """'Ruritania's air force chief, General Jane Doe,': a titled person of no known country in apposition to an
    office phrase before it that names a country is that country's; the person's own title keeps its
    sector."""
    span = _office_before(doc, k, j)
    if span is None:
        return e
    res, _ = state.resolve([x for x in doc[span[0]:span[1]] if x.pos_ != "DET"])
    country = res.entry.country if res is not None and res.head is not None \
        and res.head.kind in ("role", "agent") and res.entry.kind != "state" else None
    if not country:
        return e
    return replace(e, country=country, affiliation=e.affiliation or (f"{country}.{e.sector}" if e.sector else None))


def title_of(state: ArticleState, doc: Doc, i: int, j: int, res: Resolution) -> Resolution:
    """'King Hassan of Morocco': the place after 'of' is the titled person's country (never a
    namesake's elsewhere); an unknown place after 'of' leaves the country unknown."""
    span = of_proper_noun(doc, j)
    if span is None:
        return res
    place, _ = state.resolve(list(doc[span[0]:span[1]]))
    if place is None and res.entry.country is None:
        state.unplaced.add(res.entry.id)  # "Prime Minister Zorblat of Ruritania": no country guessed
    return bind_country(res, place, doc[i:j].text)


def title_in(lex: Lexicon, doc: Doc, i: int, j: int) -> bool:
    """A role title among tokens ``[i, j)``."""
    return any(norm(doc[a:b].text) in lex.roles for a in range(i, j) for b in range(a + 1, min(j, a + 4) + 1))


def title_before(lex: Lexicon, doc: Doc, i: int) -> bool:
    """A role title ends right before token ``i`` ("Deputy Prime Minister Telemar")."""
    for n in (6, 5, 4, 3, 2, 1):  # "Deputy Director of Public Prosecution X"
        if i - n >= 0 and norm(doc[i - n:i].text) in lex.roles:
            return True
    return False


def name_after(doc: Doc, k: int) -> bool:
    """Capitalised words from token ``k`` up to a PERSON entity ("Interior Aftab Sherpao")."""
    for m in range(k, min(k + 4, len(doc))):
        if doc[m].ent_type_ == "PERSON":
            return True
        if not doc[m].text[:1].isupper() and doc[m].lower_ not in ("the", "of", "and"):
            return False
    return False


def bare_surname(state: ArticleState, seg: Segment, k: int, claimed: list[bool], *, tagged: bool = False) -> bool:
    """A known surname the NER missed, as a subject or object ("Odinga said ..."); with ``tagged``, one the
    NER took for an organisation ("Trump signed the bill" tagged ORG)."""
    t = seg.doc[k]
    key = norm(t.text)
    lex = state.lex
    if t.pos_ != "PROPN" or (t.ent_type_ and not tagged) or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") \
            or key not in lex.surnames or key in NOT_SURNAMES or lex.given_name_rather(key) \
            or (k > 0 and seg.doc[k - 1].pos_ == "DET"):
        return False
    known, left = surname_person(lex, key, state.date)
    if known is None or not lone_surname_fits(state, known):
        return False
    state.actor_for(replace(known, sector="ELI") if left else known, label="PERSON")
    state.mention(seg, k, k + 1, known.id, "dict")
    claim(claimed, k, k + 1)
    return True


def lone_surname_fits(state: ArticleState, known: Entry) -> bool:
    """A bare surname ("Davis 17 points") names a who's-who person only if they head a state or
    government then, or their country is already named in the article."""
    if (known.role or "").casefold() in HEAD_ROLES and known.holds(state.date):
        return True
    named = {c for _s, _t, c in state.focus} | {a.country for a in state.actors.values() if a.country}
    return known.country in named
