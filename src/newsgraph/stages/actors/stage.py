"""The actors stage: find actor mentions in the parsed sentences, resolve them, link coreference."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from ...config import Config
from ...model import Actor, Article, Segment
from ...nlp import UNPARSED_DEP
from ..common import ACTOR_MENTIONS, TokenRef, add_refs
from .dictionaries import build_lexicon
from .lexicon import Entry, Lexicon, norm, slug
from .resolver import (
    NOT_SURNAMES,
    Resolution,
    Resolver,
    combine,
    compose,
    fuzzy_person,
    parse_date,
    pick,
    scan,
    singular,
    surname_person,
)
from .stage_context import _DOMESTIC_SECTORS, _HYPHENS, ContextRules, _Mention
from .stage_rules import bare_surname, demonym_noun, lone_surname_fits, split_demonym, title_of
from .syntax import (
    PLACE_AGENT_NOUNS,
    balanced_entities,
    capital_noun,
    capital_word,
    claim,
    dateline,
    ent_index,
    locative,
    looks_like_place,
    phrase_words,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_MOD_POS = {"ADJ", "PROPN", "NOUN", "NUM", "PART"}
_LED_WORDS = {"led", "backed", "sponsored", "allied", "supported", "funded", "aligned", "armed", "trained"}
_HE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_IT = {"its", "itself", "it"}
_THEY = {"they", "them", "their", "theirs", "themselves"}
_FOCUS_NOUNS = {"country", "nation", "state"}
_STATE_SECTORS = {"MIL", "GOV", "COP", "SPY", "LEG", "JUD"}
#: people who are in a place without being its people: never given the country after "in"
_NEWCOMERS = {"settler", "colonist", "expatriate", "expat", "foreigner", "tourist", "visitor", "immigrant",
              "migrant", "refugee", "asylum seeker", "exile", "evacuee", "peacekeeper", "diplomat"}
_GOV_NOUNS = {"government", "regime", "administration", "authorities"}
#: sectors a country-less noun actor takes from a one-country article ("government forces", "the rebels")
_CONTEXT_SECTORS = _STATE_SECTORS | {"REB", "INS", "OPP", "CVL", "LAB", "EDU", "HLH", "ETH"}
class _Run(ContextRules):
    """One article's pass: actors by id, token refs, focus and recency for coreference."""

    def __init__(self, article: Article, lex: Lexicon, media_as_actors: bool) -> None:
        self.article = article
        self.lex = lex
        self.media_as_actors = media_as_actors
        self.date = parse_date(article.published)
        self.actors: dict[str, Actor] = {}
        self.refs: list[TokenRef] = []
        self.mentions: list[_Mention] = []
        self.focus: list[tuple[int, int, str]] = []  # (seg, token, ISO3) of every country named
        self.people: dict[str, str] = {}  # surname/full-name key -> person actor id
        self.where: list[str] = []  # countries named as places (locative, dateline, towns)
        self.unplaced: set[str] = set()  # titled people "of" a place we do not know: no country guessed

    # -- actors and mentions ----------------------------------------------------------
    def actor_for(self, e: Entry, *, role: str | None = None, led_by: str | None = None,
                  label: str | None = None, affiliation: str | None = None) -> Actor:
        a = self.actors.get(e.id)
        if a is None:
            a = Actor(
                id=e.id, name=e.name, country=e.country, sector=e.sector, kind=e.kind,  # type: ignore[arg-type]
                role=role or e.role, affiliation=affiliation or e.affiliation, led_by=led_by,
                media=e.media, label=label, known=e.source not in ("noun", "title", "unknown"),
            )
            self.actors[e.id] = a
            if e.kind == "person":
                for key in self._person_keys(e.name):
                    self.people.setdefault(key, e.id)
        return a

    def _person_keys(self, name: str) -> list[str]:
        from .lexicon import surname_forms

        return [norm(name), *(norm(s) for s in surname_forms(name))]

    def mention(self, seg: Segment, i: int, j: int, actor_id: str, via: str, *, plural: bool = False,
                ref: bool = True) -> None:
        if i >= j:
            return
        a = self.actors[actor_id]
        start, end = seg.char_span(i, j)
        if all(m.start != start or m.end != end for m in a.mentions):
            a.mentions.append(self.article.mention(start, end, via))
        if ref:
            self.refs.append(TokenRef(seg.index, i, j, actor_id, via))
        last = seg.doc[j - 1]
        first = last
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        self.mentions.append(_Mention(
            seg.index, i, j, actor_id, plural, a.kind == "person",
            coord_head=first.i if first.i != last.i else None,
            coordinated=last.dep_ == "conj" or any(c.dep_ == "conj" for c in last.children)))

    # -- the pass ----------------------------------------------------------------------
    def run(self) -> None:
        for seg in self.article.segments:
            claimed = [False] * len(seg.doc)
            self._noun_phrases(seg, claimed)
            self._entities(seg, claimed)
            self._gazetteer(seg, claimed)
            self._coref(seg, claimed)
        self._article_country()

    def _article_country(self) -> None:
        """An article that names one country only: its titled people with no country ("President X")
        and its country-less state agents and groups ("government forces", "the rebels") are that
        country's. Two countries named anywhere, or none: nothing is guessed. Not with PETRARCH
        dictionaries loaded: PETRARCH codes each sentence on its own."""
        if self.lex.stems:
            return
        named = {c for _s, _t, c in self.focus if c}  # countries and places named as such
        countries = named | {m_a.country for m in self.mentions
                      if (m_a := self.actors.get(m.actor)) is not None and m_a.country and m_a.kind != "person"
                      and not m_a.media}
        known_people = {a.country for a in self.actors.values() if a.kind == "person" and a.known and a.country
                        and (a.sector in _DOMESTIC_SECTORS or self._home_office(a))}
        if len(countries) != 1:
            if not countries and len(known_people) == 1:  # "Interior Minister X allowed opposition leader Y"
                self._domestic_people(next(iter(known_people)))
            return
        iso3 = next(iter(countries))
        for a in list(self.actors.values()):
            if a.country is not None or a.led_by or a.media or not a.sector:
                continue
            if a.kind == "person" and a.role and a.sector in _STATE_SECTORS | _DOMESTIC_SECTORS \
                    and (named == {iso3} or a.sector in _DOMESTIC_SECTORS) \
                    and not a.id.startswith("NOUN.") and a.id not in self.unplaced:
                a.country = iso3
                a.affiliation = a.affiliation or f"{iso3}.{a.sector}"
            elif a.id.startswith("NOUN.") and a.kind != "person" and a.sector in _CONTEXT_SECTORS \
                    and singular(a.name.split()[-1]) not in _NEWCOMERS:
                self._remap(a.id, self.lex.sector_entry(iso3, a.sector))

    def _remap(self, old: str, e: Entry) -> None:
        """Move every mention and token ref of actor ``old`` to the actor of ``e``."""
        new = self.actor_for(e)
        gone = self.actors.pop(old)
        for mn in gone.mentions:
            if all(x.start != mn.start or x.end != mn.end for x in new.mentions):
                new.mentions.append(mn)
        new.mentions.sort(key=lambda x: x.start)
        self.refs = [replace(r, ref=new.id) if r.ref == old else r for r in self.refs]
        for m in self.mentions:
            if m.actor == old:
                m.actor = new.id

    def _resolve(self, tokens: list[Token]) -> tuple[Resolution | None, list[int]]:
        words, lemmas, owner = phrase_words(tokens)
        if not words:
            return None, owner
        items = scan(words, self.lex, lemmas)
        return combine(items, self.lex, self.date, words), owner

    def _noun_phrases(self, seg: Segment, claimed: list[bool]) -> None:
        doc = seg.doc
        ent_of = ent_index(doc)
        for h in range(len(doc) - 1, -1, -1):
            tok = doc[h]
            if claimed[h] or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            ent = ent_of.get(h)
            if ent is not None and ((ent.label_ in ("ORG", "FAC", "PERSON") and not self._generic(ent)
                                     and not self._owned_generic(doc, ent))
                                    or (ent.label_ in ("GPE", "LOC") and tok.lemma_.lower() in PLACE_AGENT_NOUNS)):
                continue
            if h + 1 < len(doc) and doc[h + 1].ent_type_ == "PERSON":
                continue  # a title before a name: the person pass binds it
            if h + 2 < len(doc) and doc[h + 1].lower_ in ("for", "of") and tok.text[:1].isupper() \
                    and self._title_before(doc, h + 1) and self._name_after(doc, h + 2):
                continue  # "Minister for Interior Aftab Sherpao": the person pass binds the whole title
            head_start = self._agent_head(doc, h)
            if head_start is None:
                continue
            j = head_start
            while j > 0 and not claimed[j - 1] and h - j < 8:
                t = doc[j - 1]
                if t.pos_ in _MOD_POS or t.ent_type_ in ("GPE", "NORP", "ORG") or t.text in ("-", "'s", "’s"):
                    j -= 1
                    continue
                if t.lower_ in _LED_WORDS and j - 2 >= 0 and doc[j - 2].text in _HYPHENS:
                    j -= 1  # "Vietnamese - led forces": the sponsor belongs to the phrase
                    continue
                if t.lower_ in ("and", "&") and j - 2 >= 0 and doc[j - 2].pos_ in ("ADJ", "PROPN") \
                        and doc[j].pos_ in ("ADJ", "PROPN") and doc[j - 2].dep_ != "pobj":
                    j -= 1
                    continue
                break
            while j < head_start and (doc[j].is_punct or doc[j].lower_ in ("and", "&")):
                j += 1  # "- Russian forces" at a dateline dash
            a = j - 1 if j > 0 and doc[j - 1].pos_ == "DET" else j
            if a >= 2 and doc[a - 1].text == "," and doc[a - 2].ent_type_ == "PERSON" \
                    and self._title_in(doc, j, h + 1):
                continue  # "Jane Doe, Turkey's foreign minister,": the person's appositive
            if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok.head.i < j \
                    and self._title_in(doc, head_start, h + 1):
                continue  # "Jane Doe, Algeria's leading rights activist,": the person's appositive
            det = doc[j - 1].lower_ if j > 0 else ""
            tokens = list(doc[j:h + 1])
            res, owner = self._resolve(tokens)
            if res is None:
                continue
            if res.entry.source == "capital" and locative(doc, j):
                continue  # "near Damascus": a place
            plural = tok.tag_ in ("NNS", "NNPS")
            if res.led_by is not None:  # "Saudi-led forces": led by that country, never coreferent
                self._register(seg, res, owner, j, h + 1, "noun", plural=plural)
                claim(claimed, j, h + 1)
                continue
            if res.entry.source == "noun" and res.entry.country is None and res.head is not None:
                shared = self._conj_modifier(seg, h, res)  # "Danish media and government"
                if shared is not None:
                    self.actor_for(shared)
                    self.mention(seg, j, h + 1, shared.id, "noun", plural=plural)
                    claim(claimed, j, h + 1)
                    continue
                if self._prep_actor(seg, j, h, res, ("of", "from"), claimed):
                    continue  # "the ambassadors of Arnor", "soldiers from Gondor"
            if res.entry.source == "noun":
                ante = self._noun_coref(seg, j, h, det, res)
                if ante is not None:
                    self.mention(seg, j, h + 1, ante, "coref", plural=plural)
                    claim(claimed, j, h + 1)
                    continue
                if res.entry.country is None and res.head is not None \
                        and self._prep_actor(seg, j, h, res, ("in",), claimed):
                    continue  # "lawmakers in Kenya", "security forces in Guinea"
                if h == head_start and j == head_start and det in ("the", "these", "those", "this", "its",
                                                                    "their", "his", "her"):
                    continue  # a bare "the troops" with nothing to refer to: not a new actor
            self._register(seg, res, owner, j, h + 1, "noun", plural=tok.tag_ in ("NNS", "NNPS"))
            claim(claimed, j, h + 1)

    def _conj_modifier(self, seg: Segment, h: int, res: Resolution) -> Entry | None:
        """A second conjunct shares the first one's country: 'Danish media and government'."""
        tok = seg.doc[h]
        if tok.dep_ != "conj" or tok.head.i >= h or any(c.dep_ in ("amod", "compound") for c in tok.children):
            return None
        for c in tok.head.children:
            if c.i >= tok.head.i or c.dep_ not in ("amod", "compound", "nmod", "poss") \
                    or c.ent_type_ not in ("GPE", "NORP"):
                continue
            r2, _ = self._resolve([c])
            if r2 is None or r2.entry.kind != "state" or not r2.entry.country:
                continue
            return self._with_agent(r2.entry, res)
        return None

    def _with_agent(self, state: Entry, res: Resolution) -> Entry | None:
        """A country (or PETRARCH actor) with the agent of a noun phrase: ('GON', soldiers) -> 'GONMIL'."""
        if state.source == "petrarch":
            got = compose(state, res.head, self.lex) or state
            return replace(got, sector="GOV") if got.kind == "state" else got
        sector = res.entry.sector
        if not state.country or not sector:
            return None
        return self.lex.sector_entry(state.country, sector)

    def _prep_actor(self, seg: Segment, j: int, h: int, res: Resolution, preps: tuple[str, ...],
                    claimed: list[bool]) -> bool:
        """'the ambassadors of Arnor, Osgiliath and Gondor', 'soldiers from Gondor', 'lawmakers in Kenya':
        an actor noun with no country of its own takes the country named after the preposition."""
        doc = seg.doc
        tok = doc[h]
        preps_after = [c for c in tok.children if c.dep_ == "prep" and c.i > h]
        if tok.dep_ == "conj" and tok.head.i < h:  # "lawmakers and officials in Kenya"
            preps_after += [c for c in tok.head.children if c.dep_ == "prep" and c.i > h]
        if h + 1 < len(doc) and doc[h + 1].pos_ == "ADP" and all(c.i != h + 1 for c in preps_after):
            preps_after.insert(0, doc[h + 1])
        sector = res.entry.sector
        for prep in preps_after:
            if prep.lower_ not in preps or prep.i - h > 6:
                continue
            if prep.lower_ == "in" and sector in ("MIL", "SPY") and h == j and not self.lex.stems:
                return False  # bare "troops in Syria" are often foreign troops
            if prep.lower_ == "in" and norm(tok.lemma_) in _NEWCOMERS and not self.lex.stems:
                return False  # "settlers in the West Bank", "refugees in Kenya" came from elsewhere
            spans = self._country_spans(doc, prep.i + 1, claimed)
            found: list[tuple[int, int, Entry]] = []
            if prep.lower_ == "of" and norm(tok.lemma_) in _GOV_NOUNS and spans:
                a0 = spans[0][0]
                b0 = a0
                while b0 < len(doc) and b0 - a0 < 6 and not claimed[b0] and doc[b0].text[:1].isupper() \
                        and doc[b0].is_alpha:
                    b0 += 1
                leader, _ = self._resolve(list(doc[a0:b0]))
                if leader is not None and leader.entry.kind == "person" and leader.entry.country \
                        and leader.entry.sector == "GOV" and not leader.former:
                    # "the military government of President X": the government of X's country
                    gov = self.lex.sector_entry(leader.entry.country, "GOV")
                    self.actor_for(gov)
                    self.mention(seg, j, h + 1, gov.id, "noun")
                    claim(claimed, j, h + 1)
                    return True
            for a, b in spans:
                r2, _ = self._resolve(list(doc[a:b]))
                if r2 is None or r2.led_by or r2.extra or (r2.entry.kind != "state"
                                                           and r2.entry.source != "petrarch"):
                    break
                if r2.entry.source in ("place", "capital") and r2.entry.country:
                    r2.entry = self._city_in_context(doc, a, b, r2.entry)  # "Tripoli, the Lebanese port"
                e2 = self._with_agent(r2.entry, res)
                if e2 is None:
                    break
                found.append((a, b, e2))
            if not found:
                return False
            for n, (a, b, e2) in enumerate(found):
                self.actor_for(e2)
                if n == 0:
                    self.mention(seg, j, h + 1, e2.id, "noun", plural=tok.tag_ in ("NNS", "NNPS"))
                if prep.lower_ != "in":  # "in Kenya" stays a place for the places stage
                    self.mention(seg, a, b, e2.id, "noun")
                    claim(claimed, a, b)
            claim(claimed, j, h + 1)
            return True
        return False

    def _agent_head(self, doc: Doc, h: int) -> int | None:
        """Start token of the actor head noun ending at ``h`` ("task force"), or None."""
        lemma = doc[h].lemma_.lower()
        if doc[h].dep_ == "compound":
            return None
        if h + 1 < len(doc) and doc[h + 1].pos_ == "NOUN" and not doc[h + 1].ent_type_ \
                and (doc[h].dep_ in ("", UNPARSED_DEP) or doc[h + 1].dep_ == "compound"):
            return None  # unparsed: "government control" (the noun modifies the next one)
        if h > 0 and doc[h - 1].pos_ not in ("DET", "PRON") and doc[h - 1].is_alpha:
            two = norm(f"{doc[h - 1].text} {lemma}")
            if two in self.lex.agents or norm(f"{doc[h - 1].text} {doc[h].text}") in self.lex.agents:
                return h - 1
        if norm(lemma) in self.lex.agents or norm(doc[h].text) in self.lex.agents:
            return h
        return None

    def _register(self, seg: Segment, res: Resolution, owner: list[int], i: int, j: int, via: str,
                  *, plural: bool = False) -> str:
        e = res.entry
        if e.kind == "state":
            e = replace(e, sector="GOV")
        label = "NOUN" if via == "noun" and e.source == "noun" else None
        affiliation = res.modifiers[-1][1].id if res.modifiers and e.kind == "person" else None
        self.actor_for(e, role=res.role if e.kind == "person" else None, led_by=res.led_by, label=label,
                       affiliation=affiliation)
        spans: list[tuple[int, int, str]] = []
        for it, extra in res.extra:
            x = replace(extra, sector="GOV") if extra.kind == "state" else extra
            self.actor_for(x)
            spans.append((owner[it.start], owner[it.end - 1] + 1, x.id))
            if x.country:
                self.focus.append((seg.index, owner[it.start], x.country))
        for it, mod in res.modifiers:
            self.actor_for(mod)
            spans.append((owner[it.start], owner[it.end - 1] + 1, mod.id))
        main_start = i
        doc = seg.doc
        if res.extra:
            main_start = max(i, max(owner[it.end - 1] + 1 for it, _ in res.extra))
            while main_start < j - 1 and doc[main_start].lower_ in ("and", ",", "&", "or", "as", "well"):
                main_start += 1
        head_tok = owner[res.head.start] if res.head is not None else j - 1
        for s, t, aid in spans:
            if s <= head_tok < t and aid != e.id and e.kind != "person":
                continue
            self.mention(seg, s, t, aid, via)
        self.mention(seg, main_start, j, e.id, via, plural=plural)
        if e.country and e.kind == "state":
            self.focus.append((seg.index, main_start, e.country))
        self.focus.extend((seg.index, main_start, iso3) for iso3 in res.named)  # "Iraq's ... frontman X"
        return e.id

    def _noun_coref(self, seg: Segment, j: int, h: int, det: str, res: Resolution) -> str | None:
        """'these troops', 'the militants', 'the government' -> the actor they refer back to."""
        if h - j > 1:
            return None
        if det not in ("the", "these", "those", "this", "that", "such") and j > 0 \
                and seg.doc[j - 1].pos_ in ("DET", "PRON"):
            return None
        if det not in ("the", "these", "those", "this", "that", "such"):
            # a bare plural ("keep troops", "1,723 troops"): the same-sector actor of this or the last sentence;
            # only for state agents (troops, police, officials), never for civilians or communities
            if res.entry.sector not in _STATE_SECTORS:
                return None
            for m in reversed(self.mentions):
                if m.seg < seg.index - 1:
                    break
                a = self.actors[m.actor]
                if a.sector == res.entry.sector and a.country and a.kind != "person":
                    return a.id
            bare_sector = res.entry.sector or ""
            for ent in reversed(seg.doc.ents):
                if ent.end > j or ent.label_ != "GPE" or not bare_sector or locative(seg.doc, ent.start):
                    continue
                states = [e for e in self.lex.lookup(ent.text) if e.kind == "state" and e.country]
                if states:  # "The U.S. deployed 1,723 troops" -> USA.MIL
                    self.actor_for(self.lex.sector_entry(states[0].country or "", bare_sector))
                    return f"{states[0].country}.{bare_sector}"
            return None
        sector = res.entry.sector
        head_word = norm(seg.doc[h].lemma_)
        if head_word in _GOV_NOUNS:
            country = self._focus_country(seg.index, j)
            if country:
                self.actor_for(self.lex.sector_entry(country, "GOV"))
                return f"{country}.GOV"
        for m in reversed(self.mentions):
            a = self.actors[m.actor]
            if a.kind == "person" or a.media:
                continue
            if sector and a.sector == sector and a.id != res.entry.id:
                return a.id
        if det == "the" and h == j and sector in ("GOV", "MIL", "COP", "LEG", "JUD", "SPY"):
            country = self._focus_country(seg.index, j)  # "the police" in a story about Kenya
            if country:
                self.actor_for(self.lex.sector_entry(country, sector))
                return f"{country}.{sector}"
        return None

    def _focus_country(self, seg_i: int, tok_i: int) -> str | None:
        for s, t, iso3 in reversed(self.focus):
            if (s, t) < (seg_i, tok_i):
                return iso3
        return None

    def _entities(self, seg: Segment, claimed: list[bool]) -> None:
        doc = seg.doc
        ents = sorted(balanced_entities(doc, self.lex), key=lambda e: (e.label_ != "PERSON", e.start))
        for ent in ents:
            if ent.label_ == "LOC" and not any(claimed[k] for k in range(ent.start, ent.end)):
                loc, _ = self._resolve(list(ent))  # "in Algiers" tagged LOC: a place, in focus
                if loc is not None and loc.entry.kind == "state" and loc.entry.country and not loc.extra:
                    if loc.entry.source in ("place", "capital"):
                        loc.entry = self._city_in_context(doc, ent.start, ent.end, loc.entry)
                    self.focus.append((seg.index, ent.start, loc.entry.country or ""))
                continue
            if ent.label_ not in ENT_LABELS or any(claimed[k] for k in range(ent.start, ent.end)):
                continue
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if ent.label_ == "NORP" and start > 0 and doc[start - 1].lower_ == "ethnic" and not claimed[start - 1]:
                start -= 1  # "ethnic Albanians": a people, not the state (see resolver.combine)
            elif ent.label_ == "NORP" and start > 0 and doc[start - 1].ent_type_ == "NORP" \
                    and not claimed[start - 1] and any(e.source == "ethnic" for e in self.lex.lookup(ent.text)):
                while start > 0 and doc[start - 1].ent_type_ == "NORP" and not claimed[start - 1]:
                    start -= 1  # "Iraqi Kurds" (two NORP entities): the Kurds of Iraq
            if start >= ent.end:
                continue
            if ent.label_ in ("PERSON", "ORG") and self._known_person(seg, start, ent.end, claimed):
                continue
            if ent.label_ in ("PERSON", "ORG") and start > 0 and not self.lex.lookup(doc[start:ent.end].text) \
                    and self._media_noun(doc[start - 1]):
                name = doc[start:ent.end].text  # "the opposition newspaper La Prensa": an outlet
                e = Entry(id=f"MEDIA.{slug(name)}", name=name, country=None, sector="MED", kind="organization",
                          source="unknown", media=True)
                self.actor_for(e, label=ent.label_)
                self.mention(seg, start, ent.end, e.id, "ner")
                claim(claimed, start, ent.end)
                continue
            if ent.label_ == "ORG" and self._title_before(doc, start) and 2 <= ent.end - start <= 4 \
                    and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[start:ent.end]) \
                    and not self.lex.lookup(doc[start:ent.end].text):
                self._person(seg, start, ent.end, claimed)  # "Vice-President Moody Awori" tagged ORG
                continue
            if ent.label_ == "PERSON" and norm(doc[start:ent.end].text) not in self.lex.demonym_nouns \
                    and (not any(e.kind != "person" for e in self.lex.lookup(doc[start:ent.end].text))
                         or self._title_before(doc, start)):
                if any(t.pos_ == "PROPN" for t in doc[start:ent.end]):
                    self._person(seg, start, ent.end, claimed)
                continue  # (a country or organisation the NER took for a person goes on below)
            res, owner = self._resolve(list(doc[start:ent.end]))
            if res is not None and res.entry.source in ("place", "capital") and res.entry.country and not res.extra:
                res.entry = replace(self._city_in_context(doc, start, ent.end, res.entry), source=res.entry.source)
            if res is not None and ent.label_ == "NORP" and doc[ent.end - 1].tag_ in ("NNS", "NNPS") \
                    and (res.entry.sector == "ETH" or res.entry.kind == "group"):
                home = self._people_place(doc, ent.end, ("of", "in") if res.entry.sector == "ETH" else ("of",))
                if home is not None and home != res.entry.country:
                    # "the Albanians of southern Serbia", "ethnic Albanians in south Serbia": a people there
                    res = replace(res, entry=replace(self.lex.sector_entry(home, "ETH"), kind="group"))
                self._register(seg, res, owner, start, ent.end, "ner", plural=True)  # "ethnic Albanians"
                claim(claimed, start, ent.end)
                continue
            if res is not None and (res.entry.source == "noun" or res.entry.source == "place"):
                if ent.label_ in ("GPE", "FAC", "NORP"):
                    if ent.label_ == "GPE" and res.entry.source == "place" and res.entry.country \
                            and not res.extra and locative(doc, start):
                        self.focus.append((seg.index, start, res.entry.country))  # "in Hong Kong": named
                    continue  # a town or region: the places stage takes it
                country = self._focus_country(seg.index, start)
                sector = res.entry.sector
                if res.entry.source == "noun" and country and sector and res.entry.kind == "organization" \
                        and ent.end - start <= 2:
                    inst = self.lex.sector_entry(country, sector)  # "the Interior Ministry" in a Kenya story
                    self.actor_for(inst)
                    self.mention(seg, start, ent.end, inst.id, "coref")
                    claim(claimed, start, ent.end)
                    continue
                res = None  # "Acme Widgets Corporation": a name, not a description
            if res is None:
                if split_demonym(self, seg, start, ent.end, claimed):
                    continue
                named = self._acronym_of(seg, start, ent.end)
                if named is not None:  # "the Ghanaian Nurses Union (GNU)": the name's short form
                    self.mention(seg, start, ent.end, named, "coref")
                    claim(claimed, start, ent.end)
                    continue
                if ent.label_ == "ORG" and not looks_like_place(ent.text):
                    name = doc[start:ent.end].text
                    e = Entry(id=f"ORG.{slug(name)}", name=name, country=self._facility_place(doc, start, ent.end),
                              sector=None, kind="organization", source="unknown")
                    self.actor_for(e, label="ORG")
                    self.mention(seg, start, ent.end, e.id, "ner")
                    claim(claimed, start, ent.end)
                continue
            if res is None and ent.label_ == "GPE" and looks_like_place(ent.text):
                from .places_names import place_country

                city_country = place_country(norm(ent.text))
                if city_country:
                    city = self._city_in_context(doc, start, ent.end, self.lex.state_entry(city_country))
                    self.focus.append((seg.index, start, city.country or city_country))
                continue
            e = res.entry
            if e.kind == "state" and dateline(doc, start, ent.end):
                self.focus.append((seg.index, start, e.country or ""))
                continue
            if e.kind == "state":
                if ent.label_ == "NORP":
                    # "Russian airstrikes", "an Indian proposal": the country acts through the thing
                    demonym_noun(self, seg, start, ent.end, claimed)
                    continue
                if locative(doc, start):
                    self.focus.append((seg.index, start, e.country or ""))
                    if e.source != "petrarch":  # PETRARCH dictionaries code every named actor, places too
                        continue
                    if res.head is not None:  # only the name ("Osgiliath" of an entity "Osgiliath with Gondor")
                        hs, he = owner[res.head.start], owner[res.head.end - 1] + 1
                        self._register(seg, res, owner, hs, he, "metonym")
                        claim(claimed, hs, he)
                        continue
                self._register(seg, res, owner, start, ent.end, "metonym")
                claim(claimed, start, ent.end)
                continue
            if ent.label_ == "NORP" and doc[ent.end - 1].pos_ == "ADJ":
                continue  # "Kurdish autonomy", "Muslim militias" modifier without a head
            if e.media and not self.media_as_actors:
                pass
            self._register(seg, res, owner, start, ent.end, "ner",
                           plural=doc[ent.end - 1].tag_ in ("NNS", "NNPS"))
            claim(claimed, start, ent.end)

    def _known_person(self, seg: Segment, i: int, j: int, claimed: list[bool]) -> bool:
        """A name already met in the article ('Pahon' after 'Eric Pahon') -> that person (coref)."""
        key = norm(seg.doc[i:j].text)
        aid = self.people.get(key)
        if aid is None:
            return False
        via = "coref" if key != norm(self.actors[aid].name) else "ner"
        self.mention(seg, i, j, aid, via)
        claim(claimed, i, j)
        return True

    def _person(self, seg: Segment, i: int, j: int, claimed: list[bool]) -> None:
        doc = seg.doc
        k = i
        while k > 0 and not claimed[k - 1] and i - k < 8:
            t = doc[k - 1]
            if t.pos_ in ("PROPN", "NOUN", "ADJ") or t.text in ("-", ".") or t.ent_type_ \
                    or (t.text in ("'s", "\u2019s") and k - 2 >= 0 and doc[k - 2].text[:1].isupper()):
                k -= 1  # "Gondor's Prime Minister Falastur"
                continue
            if t.lower_ in ("of", "the", "for") and k - 2 >= 0 and k < i and doc[k].text[:1].isupper() \
                    and doc[k - 2].pos_ in ("PROPN", "NOUN", "DET", "ADP"):
                k -= 1  # "Secretary of State Antony Blinken", "Minister of the Interior X"
                continue
            break
        while k < i and doc[k].lower_ in ("of", "the"):
            k += 1
        res, owner = self._resolve(list(doc[k:j]))
        via = "title" if res is not None and k < i and res.entry.kind == "person" and res.role else "ner"
        if res is not None and res.entry.source == "place" and res.head is not None and owner[res.head.start] >= i:
            res = None  # a name the NER calls a person that some town also bears ("Abbas"): the person
        if res is not None and res.entry.kind != "person" and res.head is not None \
                and res.entry.source not in ("noun", "capital", "country"):
            if owner[res.head.start] >= i:
                self._register(seg, res, owner, i, j, "ner")  # a dictionary name the NER took for a person
                claim(claimed, i, j)
                return
            if self.lex.lookup(doc[i:j].text) or res.entry.source == "petrarch":
                # "Bree Prime Minister Romendacil": a dictionary actor; "Fornost President X": PETRARCH
                # codes the titled name by its actor and agent (FORGOV)
                self._register(seg, res, owner, k, j, "title")
                claim(claimed, k, j)
                return
            if res.entry.country and res.entry.sector:  # "Kenyan police officer Jane Doe"
                name = doc[i:j].text
                person = Entry(id=f"PER.{slug(name)}", name=name, country=res.entry.country,
                               sector=res.entry.sector, kind="person", source="title", role=res.role,
                               affiliation=res.entry.id)
                self.actor_for(person, label="PERSON")
                self.mention(seg, i, j, person.id, "title")
                claim(claimed, i, j)
                return
        if res is None or res.entry.kind != "person":
            name = doc[i:j].text
            known, left = surname_person(self.lex, norm(name), self.date) if j - i == 1 \
                and norm(name) not in NOT_SURNAMES and not self.lex.given_name_rather(norm(name)) \
                and not (i > 0 and doc[i - 1].pos_ == "DET") \
                else fuzzy_person(self.lex, [t.text for t in doc[i:j]], self.date) if self._title_before(doc, i) \
                else (None, False)  # a misspelt office holder is matched only when titled; "the Moon" is no Moon
            if known is not None and j - i == 1 and not lone_surname_fits(self, known):
                known, left = None, False
            if known is not None:
                e = replace(known, sector="ELI") if left else known
            else:
                e = Entry(id=f"PER.{slug(name)}", name=name, country=None, sector=None, kind="person",
                          source="unknown")
                e = self._appositive(doc, j, e)
            self.actor_for(e, label="PERSON")
            self.mention(seg, i, j, e.id, "ner")
            claim(claimed, i, j)
            return
        if res.entry.source == "title":
            res.entry = replace(res.entry, id=f"PER.{slug(doc[i:j].text)}", name=doc[i:j].text)
        if via == "title":
            res = title_of(self, doc, i, j, res)
        start = k if via == "title" else i
        self._register(seg, res, owner, start, j, via)
        claim(claimed, start, j)

    def _gazetteer(self, seg: Segment, claimed: list[bool]) -> None:
        """Capitalised names the NER missed ('Kremlin', 'The Islamic State') when the lexicon knows them."""
        doc = seg.doc
        k = 0
        while k < len(doc):
            if claimed[k] or not (capital_word(doc[k]) or capital_noun(doc[k])):
                k += 1
                continue
            m = k
            while m < len(doc) and not claimed[m]:
                if capital_word(doc[m]) or capital_noun(doc[m]):
                    m += 1
                elif m > k and doc[m].lower_ in ("of", "the") and m + 1 < len(doc) and not claimed[m + 1] \
                        and capital_word(doc[m + 1]):
                    m += 1  # "Prince of Dol Amroth", "Bank of England"
                elif m > k and doc[m].text in _HYPHENS and m + 1 < len(doc) and not claimed[m + 1] \
                        and capital_word(doc[m + 1]):
                    m += 1  # "Anti-Corruption"
                else:
                    break
            while m > k and doc[m - 1].lower_ in ("of", "the"):
                m -= 1
            words, lemmas, owner = phrase_words(list(doc[k:m]))
            if m - k >= 2 and not any(claimed[x] for x in range(k, m)):
                whole = combine(scan(words, self.lex, lemmas), self.lex, self.date, words)
                if whole is not None and ((m - k >= 3 and whole.entry.id.startswith("ORG.") and whole.entry.country)
                                          or (whole.entry.source == "person" and whole.role is not None)):
                    # "Kenya Anti-Corruption Commission"; a titled known person the NER missed ("Chancellor Scholz")
                    self._register(seg, whole, owner, k, m, "dict")
                    claim(claimed, k, m)
                    k = m
                    continue
            if m - k == 1 and not claimed[k] and bare_surname(self, seg, k, claimed):
                k = m
                continue
            for it in scan(words, self.lex, lemmas):
                if it.kind != "entry":
                    continue
                e, left = pick(it.entries, self.date)
                if e is None or e.source == "capital":
                    continue
                i, j = owner[it.start], owner[it.end - 1] + 1
                if not all(capital_word(t) for t in doc[i:j] if t.lower_ not in ("of", "the")) \
                        and e.kind != "state" and e.source not in ("petrarch", "user"):
                    continue  # a capitalised common noun ("Police said") names a shipped actor only as a NOUN
                if e.kind == "state":  # a country the NER missed ("Arnor is about to ...")
                    if locative(doc, i) or dateline(doc, i, j):
                        self.focus.append((seg.index, i, e.country or ""))
                        if e.source != "petrarch" or dateline(doc, i, j):  # PETRARCH: places are actors
                            continue
                    self._register(seg, Resolution(entry=e, head=it), owner, i, j, "metonym")
                    claim(claimed, i, j)
                    continue
                if e.source == "ethnic" and doc[j - 1].tag_ not in ("NNS", "NNPS"):
                    continue  # "Kurdish autonomy", "Islamist groups": an adjective, not the group
                if any(claimed[x] for x in range(i, j)):
                    continue
                if e.source == "person" and left:
                    e = replace(e, sector="ELI")
                self._register(seg, Resolution(entry=e, head=it), owner, i, j, "dict")
                claim(claimed, i, j)
            k = max(m, k + 1)  # a run trimmed back to nothing ("The") must still advance

    def _coref(self, seg: Segment, claimed: list[bool]) -> None:
        doc = seg.doc
        for t in doc:
            if claimed[t.i]:
                continue
            if t.pos_ == "PROPN" and self._known_person(seg, t.i, t.i + 1, claimed):
                continue
            low = t.lower_
            if low in _FOCUS_NOUNS and t.i > 0 and doc[t.i - 1].lower_ in ("the", "this") and t.pos_ == "NOUN":
                country = self._focus_country(seg.index, t.i)
                if country:
                    e = replace(self.lex.state_entry(country), sector="GOV")
                    self.actor_for(e)
                    self.mention(seg, t.i - 1, t.i + 1, e.id, "coref")
                    claim(claimed, t.i - 1, t.i + 1)
                continue
            if t.pos_ != "PRON":
                continue
            if low == "it" and t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            target = self._antecedent(seg.index, t.i, low)
            if target:
                self.mention(seg, t.i, t.i + 1, target, "coref", plural=low in _THEY)
                claimed[t.i] = True

    def _antecedent(self, seg_i: int, tok_i: int, pron: str) -> str | None:
        for m in reversed(self.mentions):
            if (m.seg, m.start) >= (seg_i, tok_i):
                continue
            if m.seg < seg_i - 1:
                break
            a = self.actors[m.actor]
            if a.media:
                continue
            if pron in _HE and m.person:
                return m.actor
            if pron in _IT and not m.person and not m.plural:
                return m.actor
            if pron in _THEY and (m.plural or m.coordinated) and not m.person:
                if m.coord_head is not None:  # "Moscow and its allies ... they": the first conjunct
                    first = self._mention_at(m.seg, m.coord_head)
                    if first is not None:
                        return first
                return m.actor
        return None


class ActorStage:
    """Actors: mentions (NER + actor noun phrases), resolution, roles, coreference."""

    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("segments",)
    assigns: ClassVar[tuple[str, ...]] = ("actors",)

    def __init__(self, lexicon: Lexicon, media_as_actors: bool = False) -> None:
        self.lexicon = lexicon
        self.media_as_actors = media_as_actors
        self.resolver = Resolver(lexicon)

    @classmethod
    def from_config(cls, config: Config) -> ActorStage:
        a = config.actors
        lex = build_lexicon(a.dictionaries, a.petrarch_actors, a.petrarch_agents)
        return cls(lex, media_as_actors=a.media_as_actors)

    def __call__(self, article: Article) -> Article:
        run = _Run(article, self.lexicon, self.media_as_actors)
        run.run()
        article.actors = list(run.actors.values())
        add_refs(article, ACTOR_MENTIONS, run.refs)
        return article
