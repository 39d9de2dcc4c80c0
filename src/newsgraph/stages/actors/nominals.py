"""Actor noun phrases: a group noun with its modifiers ("Syrian government forces", "U.S. and Russian
warplanes"), a country after "of", "from" or "in" ("soldiers from Chad", "lawmakers in Kenya"), a
second conjunct that shares the first one's country ("Danish media and government")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Segment
from ...nlp import UNPARSED_DEP
from ...resources import word_list, word_map
from .actor_types import Resolution
from .context import NEWCOMERS, city_in_context, foreign_namesake, unit_name
from .coreference import GOVERNMENT_NOUNS, noun_coref
from .lexicon import Entry, Lexicon, norm
from .people import name_after, title_before, title_in
from .petrarch_codes import compose
from .resolution import campaign_entry
from .scan import singular
from .state import ArticleState
from .syntax import HYPHENS, PLACE_AGENT_NOUNS, claim, ent_index, locative, title_word, weapon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

_MOD_POS = frozenset({"ADJ", "PROPN", "NOUN", "NUM", "PART"})
#: participles after a hyphen that join a sponsor to the phrase ("Vietnamese - led forces")
_SPONSOR_PARTICIPLES = word_list("actors", "sponsor_participles")
#: sectors of non-state armed groups: "the rebels", "the militants", "the gunmen" at their first mention
#: are a group of their own, where a bare "the troops" is some state's forces told before
_NON_STATE_ARMED = frozenset({"REB", "INS", "UAF"})
#: sectors of the people of the place itself: "the police", "the students", "the residents", "the
#: workers" with nothing before to refer to are the local ones (the article's country, as for "police")
_LOCAL_GROUPS = frozenset({"COP", "CVL", "EDU", "HLH", "LAB", "REF", "CRM"})
_BARE_DETERMINERS = ("the", "these", "those", "this", "its", "their", "his", "her")
#: words for "former" before a title ("the former head of ...")
_FORMER = word_list("actors", "former_words")
#: members of a force named without it ("officers"): the police's or the army's, as the story's force is
_RANK_NOUNS = word_list("actors", "rank_nouns")
#: a state's own forces and bodies: "the army" with nothing to refer to waits for the one-country rule
_STATE_BODIES = word_list("actors", "state_body_nouns")
#: numbers that stand for a crowd ("Thousands marched"): people (agents.tsv), not when a noun follows "of"
_CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens"})
#: sectors of groups whose followers are theirs ("supporters of two clans"): peoples, faiths, parties
_SIDES = frozenset({"ETH", "REL", "POL", "OPP"})
#: leaders with no office of their own, who are the group's they lead ("leaders of the two communities")
_LEADER_NOUNS = frozenset({"leader", "elder", "chief"})
#: words that leave the people they qualify unnamed ("unidentified men", "unknown people")
_UNIDENTIFIED = word_list("actors", "unidentified_words")
#: how many sentences back a force ("police", "troops") gives its sector to "officers"
_FORCE_WINDOW = 3
#: words of armed conflict: "the two sides" of a story that has one are the armed groups fighting
_CONFLICT_WORDS = word_list("actors", "conflict_words")
#: "the city's", "the country's" before a group noun: the place named last (or the country) owns it
_PLACE_OWNERS = word_map("actors", "place_owner_nouns")
#: the sides of a fight with no country: "the two sides", "both sides", "the opposing sides" (UAF)
_WARRING_SIDES = Entry(id="NOUN.warring_sides", name="warring sides", country=None, sector="UAF", kind="group",
                       source="noun")


def noun_phrases(state: ArticleState, seg: Segment, claimed: list[bool]) -> None:
    """Every actor noun phrase of the sentence, right to left by head noun."""
    doc = seg.doc
    ent_of = ent_index(doc)
    for h in range(len(doc) - 1, -1, -1):
        if claimed[h] or doc[h].pos_ not in ("NOUN", "PROPN") or _left_to_names(state, doc, h, ent_of.get(h)):
            continue
        head_start = agent_head(state.lex, doc, h)
        if head_start is None:
            continue
        j = _phrase_start(doc, h, head_start, claimed)
        if _person_appositive(state.lex, doc, j, h, head_start):
            continue
        _noun_phrase(state, seg, j, h, head_start, claimed)


def _left_to_names(state: ArticleState, doc: Doc, h: int, ent: Span | None) -> bool:
    """The noun at ``h`` belongs to a name the entity or person passes read: an organisation's or
    person's name, a place named after a group noun ("Brindlecombe Park"), a title before a name."""
    tok = doc[h]
    if ent is not None and ((ent.label_ in ("ORG", "FAC", "PERSON") and not generic(state, ent)
                             and not owned_generic(state.lex, doc, ent))
                            or (ent.label_ in ("GPE", "LOC") and tok.lemma_.lower() in PLACE_AGENT_NOUNS)):
        return True
    if h + 1 < len(doc) and doc[h + 1].ent_type_ == "PERSON":
        return True  # a title before a name: the person pass binds it
    # "Minister for Interior Aftab Sherpao": the person pass binds the whole title
    return h + 2 < len(doc) and doc[h + 1].lower_ in ("for", "of") and tok.text[:1].isupper() \
        and title_before(state.lex, doc, h + 1) and name_after(doc, h + 2)


def _phrase_start(doc: Doc, h: int, head_start: int, claimed: list[bool]) -> int:
    """The first token of the noun phrase whose head noun starts at ``head_start`` and ends at ``h``."""
    j = head_start
    while j > 0 and not claimed[j - 1] and h - j < 8:
        t = doc[j - 1]
        if t.pos_ in _MOD_POS or t.ent_type_ in ("GPE", "NORP", "ORG") or t.text in ("-", "'s", "’s"):
            j -= 1
            continue
        if t.lower_ in _SPONSOR_PARTICIPLES and j - 2 >= 0 and doc[j - 2].text in HYPHENS:
            j -= 1  # "Vietnamese - led forces": the sponsor belongs to the phrase
            continue
        if t.lower_ in ("and", "&") and j - 2 >= 0 and doc[j - 2].pos_ in ("ADJ", "PROPN") \
                and doc[j].pos_ in ("ADJ", "PROPN") and doc[j - 2].dep_ != "pobj":
            j -= 1
            continue
        break
    while j < head_start and (doc[j].is_punct or doc[j].lower_ in ("and", "&")):
        j += 1  # "- Russian forces" at a dateline dash
    return j


def _person_appositive(lex: Lexicon, doc: Doc, j: int, h: int, head_start: int) -> bool:
    """'Jane Doe, Turkey's foreign minister,': the phrase is a person's appositive title."""
    a = j - 1 if j > 0 and doc[j - 1].pos_ == "DET" else j
    if a >= 2 and doc[a - 1].text == "," and doc[a - 2].ent_type_ == "PERSON" and title_in(lex, doc, j, h + 1):
        return True
    tok = doc[h]
    # "Jane Doe, Algeria's leading rights activist,"
    return tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.head.i < j \
        and title_in(lex, doc, head_start, h + 1)


def _noun_phrase(state: ArticleState, seg: Segment, j: int, h: int, head_start: int, claimed: list[bool]) -> None:
    """The actor of the noun phrase ``[j, h]``: a sponsor-led group, a country from a conjunct or a
    preposition, an actor it refers back to, or the phrase's own actor."""
    doc = seg.doc
    tok = doc[h]
    det = doc[j - 1].lower_ if j > 0 else ""
    unit = unit_name(state, doc, j, h + 1)
    if unit is not None:  # "the Golden Lion Brigade": a name, not the brigade of a town called Lion
        state.actor_for(unit)
        state.mention(seg, j, h + 1, unit.id, "noun")
        claim(claimed, j, h + 1)
        return
    campaign = _campaign_of(state, doc, j, head_start)
    if campaign is not None:  # "Doe campaign officials": the candidate's party people
        state.actor_for(campaign)
        state.mention(seg, j, h + 1, campaign.id, "noun", plural=tok.tag_ in ("NNS", "NNPS"))
        claim(claimed, j, h + 1)
        return
    res, owner = state.resolve(list(doc[j:h + 1]))
    if res is None:
        if _sides_at_war(state, seg, j, h):
            state.actor_for(_WARRING_SIDES)
            state.mention(seg, j, h + 1, _WARRING_SIDES.id, "noun", plural=True)
            claim(claimed, j, h + 1)
        return
    res = _force_of_rank(state, seg.index, res)
    res = _unidentified(state, doc, j, h, res)
    res = _followers_of(state, doc, h, res)
    if res.entry.source == "noun" and res.entry.country is None:
        body = [e for e in state.lex.lookup(doc[head_start:h + 1].text) if e.source == "org"]
        if body:  # "the blue helmets": a group noun that names a body (UN.MIL, the UN's)
            res = replace(res, entry=body[0])
    if res.entry.source == "capital" and locative(doc, j):
        return  # "near Damascus": a place
    plural = tok.tag_ in ("NNS", "NNPS")
    if res.led_by is not None:  # "Saudi-led forces": led by that country, never coreferent
        state.register(seg, res, owner, j, h + 1, "noun", plural=plural)
        claim(claimed, j, h + 1)
        return
    if res.entry.source == "noun" and res.entry.country is None and res.head is not None:
        shared = conj_modifier(state, seg, h, res)  # "Danish media and government"
        if shared is not None:
            state.actor_for(shared)
            state.mention(seg, j, h + 1, shared.id, "noun", plural=plural)
            claim(claimed, j, h + 1)
            return
        if prep_actor(state, seg, j, h, res, ("of", "from"), claimed):
            return  # "the envoys of Ruritania", "soldiers from Freedonia"
    if res.entry.source == "noun" and res.entry.country is None and res.entry.sector and res.head is not None \
            and det == "the" and _place_owner(state, seg, j, h, res, claimed):
        return  # "the city's police", "the country's lawmakers"
    if res.entry.source == "noun":
        ante = noun_coref(state, seg, j, h, det, res)
        if ante is not None:
            state.mention(seg, j, h + 1, ante, "coref", plural=plural)
            claim(claimed, j, h + 1)
            return
        if res.entry.country is None and res.head is not None \
                and prep_actor(state, seg, j, h, res, ("in",), claimed):
            return  # "lawmakers in Kenya", "security forces in Guinea"
        if h == head_start and j == head_start and det in _BARE_DETERMINERS \
                and res.entry.sector not in _NON_STATE_ARMED \
                and not (det == "the" and res.entry.sector in _LOCAL_GROUPS):
            if det == "the" and res.entry.country is None and res.entry.id not in state.actors \
                    and (norm(tok.lemma_) in GOVERNMENT_NOUNS or norm(tok.lemma_) in _STATE_BODIES):
                state.pending.add(state.register(seg, res, owner, j, h + 1, "noun", plural=plural))
                claim(claimed, j, h + 1)  # "the army": the one country's, if the article names one
            return  # a bare "the troops" with nothing to refer to: not a new actor ("the rebels", "the police" are)
    aid = state.register(seg, res, owner, j, h + 1, "noun", plural=plural)
    claim(claimed, j, h + 1)
    _former_office(state, seg, j, aid, claimed)


def _former_office(state: ArticleState, seg: Segment, j: int, body: str, claimed: list[bool]) -> None:
    """'the former head of Kenya's electoral commission', 'a former chief of the Ruritanian army': a title
    with no name, after a word for "former" and before "of" and the body, is one who held that office,
    an elite of the body's country (ELI, as a former official is in CAMEO); the mention covers the title."""
    doc = seg.doc
    k = j - 1 if j > 0 and doc[j - 1].pos_ == "DET" else j
    a = state.actors.get(body)
    if k < 2 or doc[k - 1].lower_ != "of" or a is None or not a.country or a.kind == "person":
        return
    r = k - 2
    if norm(doc[r].lemma_) not in state.lex.roles and norm(doc[r].text) not in state.lex.roles:
        return
    m = r
    while m > 0 and r - m < 3 and not claimed[m - 1] and doc[m - 1].pos_ in ("ADJ", "NOUN", "PROPN") \
            and norm(doc[m - 1].text) not in _FORMER:
        m -= 1
    if m == 0 or claimed[m - 1] or norm(doc[m - 1].text) not in _FORMER or any(claimed[m:r + 1]):
        return
    e = replace(state.lex.sector_entry(a.country, "ELI"), kind="group")
    state.actor_for(e)
    state.mention(seg, m - 1, r + 1, e.id, "noun")
    claim(claimed, m - 1, r + 1)


def _campaign_of(state: ArticleState, doc: Doc, j: int, head_start: int) -> Entry | None:
    """'Doe campaign officials', "the Doe campaign's aides": a group noun after a person met before (by full
    name or surname) and the word "campaign" is that candidate's campaign staff, party politicians (POL) of
    the candidate's country, whatever the noun's own sector ("campaign officials" hold no state office)."""
    k = head_start - 1
    if k > j and doc[k].text in ("'s", "\u2019s"):
        k -= 1
    if k <= j or doc[k].lower_ != "campaign":
        return None
    pid = state.people.get(norm(doc[j:k].text))
    person = state.actors.get(pid) if pid is not None else None
    if person is None or person.kind != "person":
        return None
    return campaign_entry(state.lex, person.country, doc[head_start].lemma_.lower())


def _place_owner(state: ArticleState, seg: Segment, j: int, h: int, res: Resolution, claimed: list[bool]) -> bool:
    """'the city's police', 'the capital's residents', 'the country's lawmakers': the group of the place
    named last before (a town, region or locative) or of the country named last, with its sector."""
    doc = seg.doc
    kind = _PLACE_OWNERS.get(doc[j].lower_)
    if kind is None or j + 1 >= h or doc[j + 1].text not in ("'s", "\u2019s"):
        return False
    places = state.places if kind == "place" else state.focus
    iso3 = next((c for s, t, c in reversed(places) if (s, t) < (seg.index, j) and c), None)
    if iso3 is None:
        return False
    e = state.lex.sector_entry(iso3, res.entry.sector or "")
    state.actor_for(e)
    state.mention(seg, j, h + 1, e.id, "noun", plural=doc[h].tag_ in ("NNS", "NNPS"))
    claim(claimed, j, h + 1)
    return True


def _sides_at_war(state: ArticleState, seg: Segment, j: int, h: int) -> bool:
    """'the two sides', 'both sides', 'the opposing sides' with no country, in a story of fighting (a
    conflict word in this or an earlier sentence), when the story has not named the armed forces of two
    states (then the sides are those states'): the armed groups fighting, UAF as the codebook has it."""
    doc = seg.doc
    if norm(doc[h].lemma_) != "side" or doc[h].tag_ != "NNS":
        return False
    before = {t.lower_ for t in doc[max(0, j - 1):h]}
    if not before & {"two", "both", "opposing", "rival"}:
        return False
    if len({a.country for a in state.actors.values() if a.country and a.sector == "MIL"}) > 1:
        return False
    return any(norm(t.lemma_) in _CONFLICT_WORDS or t.lower_ in _CONFLICT_WORDS
               for s in state.article.segments[:seg.index + 1] for t in s.doc)


def _unidentified(state: ArticleState, doc: Doc, j: int, h: int, res: Resolution) -> Resolution:
    """'Unidentified men abducted him', 'kidnapped by unknown people': people of no named side (a civilian
    noun qualified by a word of `unidentified_words.txt`) who do the act are armed men of unknown
    affiliation (UAF, the codebook's "unknown gunmen"); as victims ("two unidentified men were found
    dead") they stay civilians."""
    if res.entry.sector != "CVL" or not any(t.lower_ in _UNIDENTIFIED for t in doc[j:h]):
        return res
    tok = doc[h]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    by_agent = tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent"
    if tok.dep_ != "nsubj" and not by_agent:
        return res
    e = res.entry
    entry = replace(state.lex.sector_entry(e.country, "UAF"), kind="group") if e.country else \
        replace(e, id=f"{e.id}.UAF" if e.source != "noun" else e.id, sector="UAF")
    return replace(res, entry=entry)


def _followers_of(state: ArticleState, doc: Doc, h: int, res: Resolution) -> Resolution:
    """'supporters of two clans', 'youths of a religious group': people of no office (civilians) "of" a group
    noun that has a side of its own (a people or clan, a faith, a party, the opposition) belong to that side:
    its sector, their own country; 'leaders of the two communities', 'leaders of the party': leaders with no
    office of their own are that group's (community leaders are civilians, as `agents.tsv` has them).
    Followers of a person ("supporters of a candidate") stay the people they are."""
    leaders = res.entry.source == "noun" and res.entry.sector == "GOV" and norm(doc[h].lemma_) in _LEADER_NOUNS
    if (res.entry.sector != "CVL" and not leaders) or h + 2 >= len(doc) or doc[h + 1].lower_ != "of":
        return res
    k = h + 2
    while k < len(doc) - 1 and doc[k].pos_ in ("DET", "NUM", "ADJ"):
        k += 1
    if doc[k].pos_ != "NOUN":
        return res
    agent = state.lex.agents.get(norm(doc[k].lemma_)) or state.lex.agents.get(norm(doc[k].text))
    if agent is None or agent.kind == "person" or norm(doc[k].lemma_) in state.lex.roles \
            or agent.sector not in (_SIDES | {"CVL"} if leaders else _SIDES):
        return res  # (a person's title: "supporters of a candidate" follow a person)
    e = res.entry
    entry = replace(state.lex.sector_entry(e.country, agent.sector), kind="group") if e.country else \
        replace(e, sector=agent.sector)
    return replace(res, entry=entry)


def _force_of_rank(state: ArticleState, seg_i: int, res: Resolution) -> Resolution:
    """'officers', 'heavily armed officers', 'Kenyan officers': a rank shared by police and army, with no
    force named in the phrase, belongs to the force of the latest police or army actor of this or the
    last few sentences ("Police cordoned off the warehouse ... officers searched it": police officers);
    with none, the army's (the CAMEO reading)."""
    head = res.head
    if head is None or head.kind != "agent" or res.entry.sector != "MIL" \
            or singular(head.text.split()[-1]) not in _RANK_NOUNS or len(head.text.split()) > 1:
        return res
    for m in reversed(state.mentions):
        if m.seg < seg_i - _FORCE_WINDOW:
            break
        sector = state.actors[m.actor].sector
        if sector in ("COP", "MIL"):
            if sector == "COP":
                e = res.entry
                res.entry = state.lex.sector_entry(e.country, "COP") if e.country else replace(e, sector="COP")
            break
    return res


def agent_head(lex: Lexicon, doc: Doc, h: int) -> int | None:
    """Start token of the actor head noun ending at ``h`` ("task force"), or None."""
    lemma = doc[h].lemma_.lower()
    if doc[h].dep_ == "compound" or weapon(doc, h + 1):
        return None  # "a nerve agent": a weapon, no agent
    if h + 1 < len(doc) and doc[h + 1].pos_ == "NOUN" and not doc[h + 1].ent_type_ \
            and (doc[h].dep_ in ("", UNPARSED_DEP) or doc[h + 1].dep_ == "compound"):
        return None  # unparsed: "government control" (the noun modifies the next one)
    if h > 1 and doc[h - 1].text in ("'s", "\u2019s") and doc[h - 2].is_alpha:  # "women's groups"
        owned = norm(f"{doc[h - 2].text}'s {lemma}")
        if owned in lex.agents or norm(f"{doc[h - 2].text}'s {doc[h].text}") in lex.agents:
            return h - 2
    if h > 0 and doc[h - 1].pos_ not in ("DET", "PRON") and doc[h - 1].is_alpha:
        two = norm(f"{doc[h - 1].text} {lemma}")
        if two in lex.agents or norm(f"{doc[h - 1].text} {doc[h].text}") in lex.agents:
            return h - 1
    if norm(doc[h].text) in _CROWD_NUMBERS and ((h + 1 < len(doc) and doc[h + 1].lower_ == "of")
                                                 or (h > 0 and doc[h - 1].pos_ == "PROPN")):
        return None  # "thousands of troops": the troops; "News Dozens" (a headline): no crowd
    if norm(lemma) in lex.agents or norm(doc[h].text) in lex.agents:
        return h
    if lemma == "group" and h > 0 and any(e.source == "ethnic" for e in lex.lookup(doc[h - 1].text)):
        return h  # "Muslim groups", "Kurdish groups": groups of a people or a faith (its ETH or REL)
    if h > 0 and norm(lemma) in lex.roles and doc[h - 1].dep_ == "compound" \
            and (norm(doc[h - 1].lemma_) in lex.agents or norm(doc[h - 1].text) in lex.agents):
        return h - 1  # "the Nairobi police commander": a body's office, its phrase the body's
    return None


def conj_modifier(state: ArticleState, seg: Segment, h: int, res: Resolution) -> Entry | None:
    """A second conjunct shares the first one's country: 'Danish media and government'."""
    tok = seg.doc[h]
    if tok.dep_ != "conj" or tok.head.i >= h or any(c.dep_ in ("amod", "compound") for c in tok.children):
        return None
    for c in tok.head.children:
        if c.i >= tok.head.i or c.dep_ not in ("amod", "compound", "nmod", "poss") \
                or c.ent_type_ not in ("GPE", "NORP"):
            continue
        r2, _ = state.resolve([c])
        if r2 is None or r2.entry.kind != "state" or not r2.entry.country:
            continue
        return with_agent(state.lex, r2.entry, res)
    return None


def with_agent(lex: Lexicon, country: Entry, res: Resolution) -> Entry | None:
    """A country (or PETRARCH actor) with the agent of a noun phrase: ('GON', soldiers) -> 'GONMIL'."""
    if country.source == "petrarch":
        got = compose(country, res.head, lex) or country
        return replace(got, sector="GOV") if got.kind == "state" else got
    sector = res.entry.sector
    if not country.country or not sector:
        return None
    return lex.sector_entry(country.country, sector)


def prep_actor(state: ArticleState, seg: Segment, j: int, h: int, res: Resolution, preps: tuple[str, ...],
               claimed: list[bool]) -> bool:
    """'the envoys of Ruritania, Elbonia and Freedonia', 'soldiers from Freedonia', 'lawmakers in Kenya':
    an actor noun with no country of its own takes the country named after the preposition."""
    doc = seg.doc
    tok = doc[h]
    lex = state.lex
    preps_after = [c for c in tok.children if c.dep_ == "prep" and c.i > h]
    if tok.dep_ == "conj" and tok.head.i < h:  # "lawmakers and officials in Kenya"
        preps_after += [c for c in tok.head.children if c.dep_ == "prep" and c.i > h]
    if h + 1 < len(doc) and doc[h + 1].pos_ == "ADP" and all(c.i != h + 1 for c in preps_after):
        preps_after.insert(0, doc[h + 1])
    sector = res.entry.sector
    for prep in preps_after:
        if prep.lower_ not in preps or prep.i - h > 6:
            continue
        if prep.lower_ == "in" and sector in ("MIL", "SPY") and h == j and not lex.stems:
            return False  # bare "troops in Syria" are often foreign troops
        if prep.lower_ == "in" and norm(tok.lemma_) in NEWCOMERS and not lex.stems:
            return False  # "settlers in the West Bank", "refugees in Kenya" came from elsewhere
        spans = country_spans(doc, prep.i + 1, claimed)
        if prep.lower_ == "of" and norm(tok.lemma_) in GOVERNMENT_NOUNS and spans \
                and _leader_government(state, seg, j, h, spans[0][0], claimed):
            return True
        found = _prep_countries(state, doc, spans, res)
        if not found:
            return False
        for n, (a, b, e2) in enumerate(found):
            state.actor_for(e2)
            if n == 0:
                state.mention(seg, j, h + 1, e2.id, "noun", plural=tok.tag_ in ("NNS", "NNPS"))
            if prep.lower_ != "in":  # "in Kenya" stays a place for the places stage
                state.mention(seg, a, b, e2.id, "noun")
                claim(claimed, a, b)
        claim(claimed, j, h + 1)
        return True
    return False


def _leader_government(state: ArticleState, seg: Segment, j: int, h: int, a0: int, claimed: list[bool]) -> bool:
    """'the military government of President X': the government of X's country."""
    doc = seg.doc
    b0 = a0
    while b0 < len(doc) and b0 - a0 < 6 and not claimed[b0] and doc[b0].text[:1].isupper() and doc[b0].is_alpha:
        b0 += 1
    leader, _ = state.resolve(list(doc[a0:b0]))
    if leader is not None and leader.entry.kind == "person" and leader.entry.country \
            and leader.entry.sector == "GOV" and not leader.former:
        gov = state.lex.sector_entry(leader.entry.country, "GOV")
        state.actor_for(gov)
        state.mention(seg, j, h + 1, gov.id, "noun")
        claim(claimed, j, h + 1)
        return True
    return False


def _prep_countries(state: ArticleState, doc: Doc, spans: list[tuple[int, int]],
                    res: Resolution) -> list[tuple[int, int, Entry]]:
    """The countries named in ``spans``, each with the phrase's agent, up to the first that is none."""
    found: list[tuple[int, int, Entry]] = []
    for a, b in spans:
        r2, _ = state.resolve(list(doc[a:b]))
        if r2 is None or r2.led_by or r2.extra or (r2.entry.kind != "state" and r2.entry.source != "petrarch"):
            break
        if r2.entry.source in ("place", "capital") and r2.entry.country:
            r2.entry = city_in_context(state, doc, a, b, r2.entry)  # "Tripoli, the Lebanese port"
            if foreign_namesake(state, r2.entry):
                break  # "a student from Paris" in a story set in a US county: no country
        e2 = with_agent(state.lex, r2.entry, res)
        if e2 is None:
            break
        found.append((a, b, e2))
    return found


def country_spans(doc: Doc, k: int, claimed: list[bool]) -> list[tuple[int, int]]:
    """Capitalised names after a preposition, split at commas and 'and': 'Ruritania, Elbonia and Freedonia'."""
    out: list[tuple[int, int]] = []
    while k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    while k < len(doc) and len(out) < 5:
        m = k
        while m < len(doc) and not claimed[m] and m - k < 4 and doc[m].is_alpha \
                and doc[m].text[:1].isupper() and (m == k or doc[m].ent_iob_ != "B"):
            m += 1
        if m == k:
            break
        out.append((k, m))
        if m + 1 < len(doc) and doc[m].text == "," and doc[m + 1].lower_ == "and":
            m += 1
        if m < len(doc) and doc[m].lower_ in ("and", ","):
            k = m + 1
            continue
        break
    return out


def generic(state: ArticleState, ent: Span) -> bool:
    """An ORG entity that is only a description ('defense ministry'), not a name."""
    if ent.label_ != "ORG" or any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in
                                  state.lex.agents and not title_word(t.lower_) for t in ent):
        return False
    res, _ = state.resolve([t for t in ent if t.lower_ != "the"])
    return res is not None and res.entry.source == "noun"


def owned_generic(lex: Lexicon, doc: Doc, ent: Span) -> bool:
    """'Ghana's Supreme Court', 'the Kenyan National Assembly': an institution's generic name (an
    actor noun) after a country's possessive or demonym names that country's institution."""
    if ent.label_ != "ORG":
        return False
    start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
    if start == 0 or norm(doc[start:ent.end].text) not in lex.agents:
        return False
    before = doc[start - 1]
    if before.text in ("'s", "\u2019s") and start >= 2:
        before = doc[start - 2]
    if norm(before.text) in lex.demonyms:
        return True
    owner = next((e for e in doc.ents if e.start <= before.i < e.end and e.label_ in ("GPE", "NORP")), None)
    if owner is None:
        return False
    name = " ".join(t.text for t in owner if t.pos_ != "DET" and t.text not in ("'s", "\u2019s"))
    return any(e.kind == "state" for e in lex.lookup(name))
