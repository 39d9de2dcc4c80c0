"""Coreference inside an article (rule-based): a name met before ("Pahon" after "Eric Pahon", "the Post"
after "the Washington Post"),
pronouns, "the country", and noun phrases that refer back ("these troops", "the government")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Actor, Segment
from ...resources import word_list, word_map
from .actor_types import Resolution
from .context import STATE_SECTORS
from .lexicon import Agent, Entry, norm, slug
from .scan import singular
from .state import ArticleState
from .surnames import HEAD_ROLES
from .syntax import claim, locative
from .titles import same_office

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_HE = word_list("actors", "person_pronouns")
_IT = word_list("actors", "thing_pronouns")
_THEY = word_list("actors", "plural_pronouns")
_FOCUS_NOUNS = word_list("actors", "focus_nouns")
#: a state's own forces and bodies ("the army", "the military"), as in nominals
_STATE_BODIES = word_list("actors", "state_body_nouns")
#: nouns that name one person when singular ("a man", "the officer") -> the gender they give (m, f, -)
_PERSON_NOUNS = word_map("actors", "person_nouns")
GOVERNMENT_NOUNS = word_list("actors", "government_nouns")
_BACK_DETERMINERS = ("the", "these", "those", "this", "that", "such")
_MASCULINE = frozenset({"he", "him", "his", "himself"})
_FEMININE = frozenset({"she", "her", "hers", "herself"})
#: how many sentences back he/she/his/her look for their person
_PERSON_WINDOW = 3


def known_person(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> bool:
    """A name already met in the article ('Pahon' after 'Eric Pahon') -> that person (coref)."""
    key = norm(seg.doc[i:j].text)
    aid = state.people.get(key)
    if aid is None:
        return False
    via = "coref" if key != norm(state.actors[aid].name) else "ner"
    state.mention(seg, i, j, aid, via)
    claim(claimed, i, j)
    return True


def known_org(state: ArticleState, seg: Segment, i: int, j: int, claimed: list[bool]) -> bool:
    """The last words of an organisation's name met before in the article ("the Post" after "the
    Washington Post", "the Corporation" after "Acme Widgets Corporation") -> that organisation (coref);
    not when two organisations of the article end in those words."""
    aid = state.short_names.get(norm(seg.doc[i:j].text))
    if aid is None or aid not in state.actors:
        return False
    state.mention(seg, i, j, aid, "coref")
    claim(claimed, i, j)
    return True


def pronouns(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """The sentence's unclaimed words that refer back: a known person's name, "the country", pronouns."""
    doc = seg.doc
    for t in doc:
        if claimed[t.i]:
            continue
        if t.pos_ == "PROPN" and known_person(state, seg, t.i, t.i + 1, claimed):
            continue
        low = t.lower_
        if low in _FOCUS_NOUNS and t.i > 0 and doc[t.i - 1].lower_ in ("the", "this") and t.pos_ == "NOUN" \
                and not (t.dep_ == "compound" or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN")):
            # ("the state capital", "the country director": a modifier of another noun, no country acting)
            country = state.focus_country(seg.index, t.i)
            if country:
                e = replace(state.lex.state_entry(country), sector="GOV")
                state.actor_for(e)
                state.mention(seg, t.i - 1, t.i + 1, e.id, "coref")
                claim(claimed, t.i - 1, t.i + 1)
            continue
        if t.pos_ != "PRON":
            continue
        if low == "it" and t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        target = _antecedent(state, seg.index, t.i, low, _clause_subjects(t))
        if target:
            state.mention(seg, t.i, t.i + 1, target, "coref", plural=low in _THEY)
            claimed[t.i] = True


def role_nouns(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """'the president', 'the senator', 'the foreign minister': a title after 'the' with no name of its own
    (no name, 'of' or further noun after it) refers back to the latest person of the article, in this
    sentence or before, who holds that office."""
    doc = seg.doc
    for t in doc:
        if not claimed[t.i] and t.i >= 2 and doc[t.i - 1].lower_ == "former" and not claimed[t.i - 1] \
                and doc[t.i - 2].lower_ in ("the", "a", "this") and not claimed[t.i - 2]:
            _former_office(state, seg, t.i, claimed)
            continue
        if claimed[t.i] or t.i == 0 or doc[t.i - 1].lower_ not in ("the", "this") or claimed[t.i - 1]:
            continue
        for n in (3, 2, 1):
            end = t.i + n
            if end > len(doc) or claimed[end - 1] or doc[end - 1].pos_ not in ("NOUN", "PROPN") \
                    or doc[end - 1].dep_ == "compound":
                continue
            agent = state.lex.roles.get(norm(doc[t.i:end].text))
            if agent is None or not agent.role or not _no_name_after(doc, end):
                continue
            aid = _office_holder(state, seg.index, t.i, agent.role) or _head_of_the_one_country(state, agent)
            if aid is None and (agent.role or "").casefold() in HEAD_ROLES and not any(c for _s, _t, c in state.focus):
                aid = _head_awaiting_a_country(state, agent)
            if aid is not None:
                state.mention(seg, t.i - 1, end, aid, "coref")
                claim(claimed, t.i - 1, end)
            break


def possessed_offices(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """'Chile's president', 'Germany's chancellor': a title with no name after a country's possessive is
    that country's office: its holder met before in the article (same office, same country), else the
    country's body of the title's sector (CAMEO: a country's president acts as its government, CHLGOV).
    The country's own mention becomes that body too; titles that are group nouns ("Chile's finance
    minister") are read by the noun phrases already."""
    doc = seg.doc
    for t in doc:
        if claimed[t.i] or t.i < 2 or doc[t.i - 1].text not in ("'s", "\u2019s"):
            continue
        owner = next((m for m in reversed(state.mentions) if m.seg == seg.index and m.end == t.i - 1), None)
        a = state.actors.get(owner.actor) if owner is not None else None
        if owner is None or a is None or a.kind != "state" or not a.country:
            continue
        for n in (3, 2, 1):
            end = t.i + n
            if end > len(doc) or any(claimed[t.i:end]) or doc[end - 1].pos_ not in ("NOUN", "PROPN") \
                    or doc[end - 1].dep_ == "compound":
                continue
            agent = state.lex.roles.get(norm(doc[t.i:end].text))
            if agent is None or not agent.role or not _no_name_after(doc, end):
                continue
            holder = _office_holder(state, seg.index, t.i, agent.role)
            if holder is not None and state.actors[holder].country == a.country:
                state.mention(seg, t.i, end, holder, "coref")
            else:
                e = state.lex.sector_entry(a.country, agent.sector or "GOV")
                state.move(seg, owner.start, owner.end, a.id, e)
                state.mention(seg, t.i, end, e.id, "coref", person=True)  # he/she may refer to the office
            claim(claimed, t.i, end)
            break


#: the role the lexicon gives every spokesperson title ("spokesman", "government spokeswoman", "press secretary")
_SPOKESPERSON = "spokesperson"
#: roles that speak for another actor
_SPEAKER_ROLES = frozenset({_SPOKESPERSON, "press secretary"})
#: nouns of a member or head of a body ("a member of", "the head of", "representatives of"): the body's
#: people; "group" and "caucus" name a body themselves
_MEMBERS = word_list("actors", "member_nouns") - {"group", "caucus"} | {"delegate", "member"}
#: what joins a member noun to its body
_OF_BODY = ("of", "for", "from")


def spokespeople(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """'a spokesman for the Kremlin', 'the head of the IMF', 'a member of the Serbian parliament',
    'representatives of the government': a spokesperson, member or head with no name of their own acts for
    the actor after 'for'/'of'/'from', as whom CAMEO codes the event ("the head of the IMF said": IMF); their
    words are a mention of that actor."""
    doc = seg.doc
    for t in doc:
        if claimed[t.i] or t.pos_ != "NOUN" or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ not in _OF_BODY:
            continue
        start = t.i
        while start > 0 and not claimed[start - 1] and doc[start - 1].pos_ in ("ADJ", "NOUN") \
                and norm(doc[start - 1:t.i + 1].text) in state.lex.roles:
            start -= 1
        agent = state.lex.roles.get(norm(doc[start:t.i + 1].text))
        speaker = agent is not None and (agent.role or "").casefold() in _SPEAKER_ROLES
        if not speaker and singular(t.lower_) not in _MEMBERS:
            continue
        k = t.i + 2
        while k < len(doc) and not claimed[k] and (doc[k].pos_ in ("DET", "ADJ") or doc[k].tag_ == "VBG"):
            k += 1
        spoken_for = state.mention_at(seg.index, k) if k < len(doc) and claimed[k] else None
        a = state.actors.get(spoken_for) if spoken_for else None
        if a is None or a.media:
            continue
        while start > 0 and not claimed[start - 1] and doc[start - 1].pos_ in ("ADJ", "DET"):
            start -= 1  # "a senior member", "the head"
        state.mention(seg, start, t.i + 1, a.id, "coref", plural=t.tag_ == "NNS")
        claim(claimed, start, t.i + 1)


def _former_office(state: ArticleState, seg: Segment, i: int, claimed: list[bool]) -> None:
    """'the former president', 'a former prime minister' with no name: the former holder of that office
    met before (a who's-who person who has left it, "former President X"), else a former office-holder of
    no name, CAMEO's elite (ELI), whom the one-country rule may give the article's country."""
    doc = seg.doc
    for n in (3, 2, 1):
        end = i + n
        if end > len(doc) or any(claimed[i:end]) or doc[end - 1].pos_ not in ("NOUN", "PROPN") \
                or doc[end - 1].dep_ == "compound":
            continue
        agent = state.lex.roles.get(norm(doc[i:end].text))
        if agent is None or not agent.role or not _no_name_after(doc, end):
            continue
        aid = _former_holder(state, seg.index, i, agent.role)
        via = "coref"
        if aid is None:
            via = "noun"
            role = doc[i:end].text.lower()
            e = Entry(id=f"NOUN.former_{slug(role)}", name=f"former {role}", country=None, sector="ELI",
                      kind="person", source="noun", role=agent.role)
            state.actor_for(e, role=agent.role, label="NOUN")
            aid = e.id
        state.mention(seg, i - 2, end, aid, via)
        claim(claimed, i - 2, end)
        return


def _former_holder(state: ArticleState, seg_i: int, tok_i: int, role: str) -> str | None:
    """The person of the latest mention before a token who held ``role`` and has left it (ELI)."""
    for m in reversed(state.mentions):
        if (m.seg, m.start) >= (seg_i, tok_i) or not m.person:
            continue
        a = state.actors[m.actor]
        if a.sector == "ELI" and not a.media and same_office(a.role, role):
            return a.id
    return None


def people_by_nationality(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """'the Mexican', 'the 60-year-old Chilean': a singular demonym used as a noun after 'the' (an age
    before it allowed) refers back to the latest person of that country met in the article."""
    doc = seg.doc
    for t in doc:
        if claimed[t.i] or t.i == 0 or t.pos_ not in ("NOUN", "PROPN", "ADJ") or not _no_name_after(doc, t.i + 1):
            continue
        iso3 = state.lex.demonyms.get(norm(t.text))
        if iso3 is None or norm(t.text) in state.lex.demonym_nouns:
            continue
        k = t.i - 1
        while k > 0 and (doc[k].like_num or doc[k].lower_ in ("-", "year", "old", "year-old")
                         or doc[k].lower_.endswith("-year-old")):
            k -= 1  # "the 60-year-old Chilean"
        if doc[k].lower_ != "the" or any(claimed[x] for x in range(k, t.i)):
            continue
        aid = _person_of(state, seg.index, k, iso3)
        if aid is not None:
            state.mention(seg, k, t.i + 1, aid, "coref")
            claim(claimed, k, t.i + 1)


def _person_of(state: ArticleState, seg_i: int, tok_i: int, iso3: str) -> str | None:
    """The person of the latest mention before a token whose country is ``iso3``."""
    for m in reversed(state.mentions):
        if (m.seg, m.start) < (seg_i, tok_i) and m.person and state.actors[m.actor].country == iso3:
            return m.actor
    return None


def _no_name_after(doc: Doc, end: int) -> bool:
    """Nothing after a title makes it another person's ("the president of the club", "the president
    Jane Doe", "the president candidates")."""
    if end >= len(doc):
        return True
    nxt = doc[end]
    return not (nxt.lower_ in ("of", "for", "-") or nxt.pos_ in ("PROPN", "NOUN") or nxt.ent_type_ == "PERSON")


def _head_of_the_one_country(state: ArticleState, agent: Agent) -> str | None:
    """'the president', 'the prime minister' with no holder met: the government of the one country the
    article has named so far (none, or several: no guess)."""
    if (agent.role or "").casefold() not in HEAD_ROLES:
        return None
    named = {c for _s, _t, c in state.focus if c}
    if len(named) != 1:
        return None
    e = state.lex.sector_entry(next(iter(named)), agent.sector or "GOV")
    state.actor_for(e)
    return e.id


def _head_awaiting_a_country(state: ArticleState, agent: Agent) -> str:
    """'the president' before any country is named: a country-less head of government that the one-country
    rule gives the article's country at the end ("The president said the vote in Kenya ..." -> KEN.GOV),
    dropped when the article names several countries or none."""
    role = (agent.role or "").casefold()
    e = Entry(id=f"NOUN.{slug(role)}", name=role, country=None, sector=agent.sector or "GOV",
              kind="organization", source="noun")
    if e.id not in state.actors:
        state.pending.add(e.id)
    state.actor_for(e, label="NOUN")
    return e.id


def _office_holder(state: ArticleState, seg_i: int, tok_i: int, role: str) -> str | None:
    """The person of the latest mention before a token whose role is ``role`` (not a former one)."""
    for m in reversed(state.mentions):
        if (m.seg, m.start) >= (seg_i, tok_i) or not m.person:
            continue
        a = state.actors[m.actor]
        if a.sector != "ELI" and not a.media and same_office(a.role, role):
            return a.id
    return None


def _gender(word: str) -> str | None:
    w = word.lower()
    return "m" if w in _MASCULINE else "f" if w in _FEMININE else None


def _gender_fits(a: Actor, pron: str) -> bool:
    """A person already referred to as 'she' is no 'he' ('At the meeting he praised her')."""
    want = _gender(pron)
    have = {g for m in a.mentions if (g := _gender(m.text)) is not None}
    return want is None or not have or want in have


#: the relations from an object pronoun up to the verbs of its own clause ("police vowed to fire at them":
#: them -> at -> fire -> vowed)
_CLAUSE_PATH = frozenset({"dobj", "pobj", "dative", "iobj", "prep", "xcomp", "agent"})
#: object pronouns, which never refer to the subject of their own clause (a reflexive would)
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _clause_subjects(t: Token) -> frozenset[int]:
    """The subjects of the clause of an object pronoun ("them", "him", "her" as an object): the tokens a
    non-reflexive pronoun cannot refer to ("police vowed to fire rubber bullets at them": not the
    police). Empty for subjects and possessives."""
    if t.dep_ not in _OBJECT_DEPS:
        return frozenset()
    out: set[int] = set()
    node = t
    while node.dep_ in _CLAUSE_PATH and node.head.i != node.i:
        up = node.dep_
        node = node.head
        objects = [c.i for c in node.children if c.dep_ in ("dobj", "dative") and c.i != t.i]
        if up == "xcomp" and objects:  # "protesters asked police to free them": the police free, not them
            out.update(objects)
            break
        out.update(_subjects(node))
    return frozenset(out)


def _subjects(verb: Token) -> list[int]:
    """A verb's subjects; a conjunct or a participle with none has its head verb's ("police ringed the square
    and vowed ...", "police ringed the square, keeping students there")."""
    while True:
        found = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return found
        verb = verb.head


def _antecedent(state: ArticleState, seg_i: int, tok_i: int, pron: str,
                not_these: frozenset[int] = frozenset()) -> str | None:
    """The actor a pronoun refers to: the last fitting mention of this or the previous sentence; for
    he/she/his/her, the last person of the last few sentences (a story goes on about its person). An
    object pronoun never refers to a subject of its own clause (``not_these``: their tokens)."""
    window = _PERSON_WINDOW if pron in _HE else 1
    if pron in _HE:
        subject = _person_noun(state, seg_i, tok_i, pron, not_these, subject=True)
        if subject is not None:  # "a farmer fell when he was struck": the person noun subject
            return subject
    for m in reversed(state.mentions):
        if (m.seg, m.start) >= (seg_i, tok_i):
            continue
        if m.seg == seg_i and any(m.start <= k < m.end for k in not_these):
            continue  # "police vowed to fire at them": them are not the police
        if m.seg < seg_i - window:
            break
        a = state.actors[m.actor]
        if a.media:
            continue
        if pron in _HE and m.person and _gender_fits(a, pron):
            return m.actor
        if m.seg < seg_i - 1:
            continue
        if pron in _IT and not m.person and not m.plural:
            return m.actor
        if pron in _THEY and (m.plural or m.coordinated) and not m.person:
            if m.coord_head is not None:  # "Moscow and its allies ... they": the first conjunct
                first = state.mention_at(m.seg, m.coord_head)
                if first is not None:
                    return first
            return m.actor
    if pron in _HE:  # no person named lately: a person noun of this or the last sentence ("a woman ... she")
        return _person_noun(state, seg_i, tok_i, pron, not_these, subject=False)
    return None


def _person_noun(state: ArticleState, seg_i: int, tok_i: int, pron: str, not_these: frozenset[int], *,
                 subject: bool) -> str | None:
    """The latest singular person noun ("a man", "the officer", a gender that fits ``pron``) before a
    pronoun: in its own sentence as a subject (``subject``), else in this or the last sentence."""
    want = _gender(pron)
    for m in reversed(state.mentions):
        if (m.seg, m.start) >= (seg_i, tok_i) or m.plural or m.person:
            continue
        if m.seg < seg_i - (0 if subject else 1):
            break
        if m.seg == seg_i and any(m.start <= k < m.end for k in not_these):
            continue
        a = state.actors[m.actor]
        head = state.article.segments[m.seg].doc[m.end - 1]
        gender = _PERSON_NOUNS.get(head.lower_)
        if a.kind != "group" or gender is None or head.tag_ != "NN" or (want and gender not in ("-", want)) \
                or not _gender_fits(a, pron):  # "the lawyer said he ... see her": "her" is not the lawyer
            continue
        if subject and head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        return m.actor
    return None


def noun_coref(state: ArticleState, seg: Segment, j: int, h: int, det: str, res: Resolution) -> str | None:
    """'these troops', 'the militants', 'the government' -> the actor they refer back to."""
    if h - j > 1:
        return None
    if det not in _BACK_DETERMINERS and j > 0 and seg.doc[j - 1].pos_ in ("DET", "PRON"):
        return None
    if det not in _BACK_DETERMINERS:
        doc = seg.doc
        placed = h + 2 < len(doc) and doc[h + 1].lower_ in ("in", "from", "of") and doc[h + 2].text[:1].isupper() \
            and res.entry.sector not in ("MIL", "SPY")  # (troops "in" a country are often foreign ones)
        if placed or any(t.ent_type_ in _NAME_LABELS or t.pos_ == "PROPN" for t in doc[j:h]):
            return None  # "European leaders", "officials in Berlin": qualified, no plural that refers back
        return _bare_plural(state, seg, j, res)
    same_head = _same_head(state, seg, j, h, res) if det == "the" else None
    if same_head is not None:  # "the minister" after "Ruritania's foreign minister"
        return same_head
    lex = state.lex
    sector = res.entry.sector
    head_word = norm(seg.doc[h].lemma_)
    if head_word in GOVERNMENT_NOUNS:
        country = state.focus_country(seg.index, j)
        if country:
            state.actor_for(lex.sector_entry(country, "GOV"))
            state.national.append((seg.index, j, h + 1, f"{country}.GOV", "GOV"))
            return f"{country}.GOV"
    state_body = det == "the" and h == j and (head_word in GOVERNMENT_NOUNS or head_word in _STATE_BODIES)
    for m in reversed(state.mentions):
        a = state.actors[m.actor]
        if a.kind == "person" or a.media or (state_body and a.country is None):
            continue  # "the army" is no country-less "soldiers" told before: a national body
        if sector and a.sector == sector and a.id != res.entry.id:
            if det == "the" and res.entry.country is None and _country_actor(state, a.id):
                # "the authorities" after "Ruritania condemned", "the interior minister": the setting may take it
                state.national.append((seg.index, j, h + 1, a.id, sector))
            return a.id
    if det == "the" and h == j and sector in ("GOV", "MIL", "COP", "LEG", "JUD", "SPY"):
        country = state.focus_country(seg.index, j)  # "the police" in a story about Kenya
        if country:
            state.actor_for(lex.sector_entry(country, sector))
            state.national.append((seg.index, j, h + 1, f"{country}.{sector}", sector))
            return f"{country}.{sector}"
    return None


#: entity labels of names: a plural they modify ("European leaders") is qualified, no plural that refers back
_NAME_LABELS = frozenset({"NORP", "GPE", "LOC", "ORG", "PERSON", "FAC"})
#: how many sentences back "the minister" looks for a body named by the same noun
_SAME_HEAD_WINDOW = 3


def _same_head(state: ArticleState, seg: Segment, j: int, h: int, res: Resolution) -> str | None:
    """'the minister' after "Ruritania's foreign minister", 'the army' after "the Ruritanian army": a definite
    noun with no modifier of its own is the body named lately (this or the last few sentences) by a phrase
    with the same head noun and sector, before any other actor of that sector."""
    if h != j or not res.entry.sector:
        return None
    lemma = norm(seg.doc[h].lemma_)
    for m in reversed(state.mentions):
        if m.seg < seg.index - _SAME_HEAD_WINDOW:
            break
        if (m.seg, m.start) >= (seg.index, j):
            continue  # (the sentence is read right to left: a later phrase is no antecedent)
        a = state.actors[m.actor]
        if a.kind == "person" or a.media or not a.country or a.sector != res.entry.sector:
            continue
        if norm(state.article.segments[m.seg].doc[m.end - 1].lemma_) == lemma:
            return a.id
    return None


def _bare_plural(state: ArticleState, seg: Segment, j: int, res: Resolution) -> str | None:
    """A bare plural ("keep troops", "1,723 troops"): the same-sector actor of this or the last sentence;
    only for state agents (troops, police, officials), never for civilians or communities."""
    if res.entry.sector not in STATE_SECTORS:
        return None
    for m in reversed(state.mentions):
        if m.seg < seg.index - 1:
            break
        a = state.actors[m.actor]
        if a.sector == res.entry.sector and a.country and a.kind != "person":
            if res.entry.country is None and m.seg < seg.index and _country_actor(state, a.id):
                # "Officials said" after a sentence about a foreign state: the setting may take it
                state.national.append((seg.index, j, j + 1, a.id, res.entry.sector or ""))
            return a.id
    bare_sector = res.entry.sector or ""
    for ent in reversed(seg.doc.ents):
        if ent.end > j or ent.label_ != "GPE" or not bare_sector or locative(seg.doc, ent.start):
            continue
        states = [e for e in state.lex.lookup(ent.text) if e.kind == "state" and e.country]
        if states:  # "The U.S. deployed 1,723 troops" -> USA.MIL
            state.actor_for(state.lex.sector_entry(states[0].country or "", bare_sector))
            return f"{states[0].country}.{bare_sector}"
    return _same_body(state, seg, j, bare_sector)


#: how many letters of a head noun say that two mentions name the same kind of body ("prosecutors",
#: "the Prosecution Authority"); shorter words are never compared
_STEM = 7


def _same_body(state: ArticleState, seg: Segment, j: int, sector: str) -> str | None:
    """'Prosecutors said ...' in a story that has named one country's prosecution service, however far
    back: a bare plural is the body of the same kind and sector named before (its head word shares the
    first letters: "prosecutors", "Prosecution Authority"), when the bodies of that kind named so far are of
    one country only."""
    stem = norm(seg.doc[j].lemma_)[:_STEM]
    if len(stem) < _STEM:
        return None
    found: dict[str, str] = {}
    for m in state.mentions:
        a = state.actors[m.actor]
        if a.kind == "person" or not a.country or a.sector != sector or (m.seg, m.start) >= (seg.index, j):
            continue
        doc = state.article.segments[m.seg].doc
        if any(norm(t.lemma_)[:_STEM] == stem for t in doc[m.start:m.end]):
            found[a.country] = a.id
    return next(iter(found.values())) if len(found) == 1 else None


def _country_actor(state: ArticleState, aid: str) -> bool:
    """A state or a country's sector actor ("RUR", "RUR.GOV"), not a named body of it."""
    a = state.actors.get(aid)
    return a is not None and a.country is not None and aid.split(".")[0] == a.country and aid.count(".") <= 1


def namesake_bodies(state: ArticleState) -> None:
    """An outlet or organisation written only as one word that is the surname of a person the article
    names in full ("Bloomberg" in a story about Michael Bloomberg, "Ford" beside President Gerald Ford):
    the person, whose name it is."""
    for a in list(state.actors.values()):
        if a.kind != "organization" or not a.mentions:
            continue
        words = {norm(m.text.removesuffix("'s").removesuffix("\u2019s")) for m in a.mentions}
        key = words.pop() if len(words) == 1 else ""
        pid = state.people.get(key) if key and " " not in key else None
        person = state.actors.get(pid) if pid is not None and pid != a.id else None
        if person is None or person.kind != "person" or norm(person.name) == key:
            continue
        state.remap(a.id, Entry(id=person.id, name=person.name, country=person.country, sector=person.sector,
                                kind="person", source="unknown"))

