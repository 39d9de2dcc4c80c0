"""One article's working state in the actors stage: its actors by id, token refs, mentions in pass
order (for coreference), the countries in focus and the people met so far; with the operations every
finder shares: resolve a phrase, register what it resolved to, add a mention."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Actor, Article, Segment
from ..common import TokenRef
from .actor_types import Resolution, TokenMention
from .lexicon import Entry, Lexicon, family_first, norm, surname_forms
from .resolution import combine
from .scan import scan
from .syntax import phrase_words
from .tenure import parse_date

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

#: sources of organisations named by a proper name, whose last words may stand for them later on
_NAMED_ORG_SOURCES = frozenset({"org", "media", "unknown"})


class ArticleState:
    """The actors, token refs and coreference memory of one article's pass."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        self.date = parse_date(article.published)
        self.actors: dict[str, Actor] = {}
        self.refs: list[TokenRef] = []
        self.mentions: list[TokenMention] = []
        self.focus: list[tuple[int, int, str]] = []  # (seg, token, ISO3) of every country named
        # (seg, token, ISO3) of every place named as where things happen: a locative ("in Hong Kong"), a
        # dateline, a town or region (also acting, "Marseille is in uproar"); not a state acting ("Beijing said")
        self.places: list[tuple[int, int, str]] = []
        self.people: dict[str, str] = {}  # surname/full-name key -> person actor id
        # last words of an organisation's name -> its actor id (None: two organisations end in them)
        self.short_names: dict[str, str | None] = {}
        self.unplaced: set[str] = set()  # titled people "of" a place we do not know: no country guessed
        # people who took over the mention of a country's office phrase they stand in apposition to ("Ruritania's
        # foreign minister, Jane Doe"): their country counts as one the article names through a body
        self.apposed: set[str] = set()
        # actors only the one-country rule can place ("the army", "the president" with nothing to refer to):
        # dropped at the end of the pass unless it gave them a country
        self.pending: set[str] = set()
        # (seg, start, end, actor id, sector) of every unqualified national body ("the government", "the
        # army") given the country named last: the setting may take it over at the end of the pass
        self.national: list[tuple[int, int, int, str, str]] = []
        # whether the story is a local US one, and the countries its entities name (context.us_story)
        self.us_story: tuple[bool, frozenset[str]] | None = None

    # -- actors and mentions ----------------------------------------------------------
    def actor_for(self, e: Entry, *, role: str | None = None, led_by: str | None = None,
                  label: str | None = None, affiliation: str | None = None) -> Actor:
        """The article's actor of entry ``e``, made on first use (later uses keep the first one's role; a
        person with no sector yet takes the sector of a later titled mention)."""
        a = self.actors.get(e.id)
        if a is None:
            a = Actor(
                id=e.id, name=e.name, country=e.country, sector=e.sector, kind=e.kind,  # type: ignore[arg-type]
                role=role or e.role, affiliation=affiliation or e.affiliation, led_by=led_by,
                media=e.media, label=label, known=e.source not in ("noun", "title", "unknown"),
            )
            self.actors[e.id] = a
            if e.kind == "person":
                family = [e.name.split()[0]] if family_first(e.name, e.country or "") else []  # "Liu" of "Liu Xiaming"
                for key in [norm(e.name), *(norm(s) for s in [*surname_forms(e.name), *family])]:
                    self.people.setdefault(key, e.id)
            elif e.kind in ("organization", "group") and e.source in _NAMED_ORG_SOURCES:
                words = norm(e.name).split()
                for k in range(1, len(words)):  # "washington post" -> "post"
                    key = " ".join(words[k:])
                    self.short_names[key] = e.id if self.short_names.get(key, e.id) == e.id else None
        elif a.kind == "person" and a.sector is None and e.sector is not None:
            # a person first named bare, later with a title ("Jane Doe ... Gov. Jane Doe"): the title's office
            a.sector, a.role = e.sector, a.role or role or e.role
            a.country = a.country or e.country
            a.affiliation = a.affiliation or affiliation or e.affiliation
        return a

    def mention(self, seg: Segment, i: int, j: int, actor_id: str, via: str, *, plural: bool = False,
                ref: bool = True, person: bool | None = None) -> None:
        """Tokens ``[i, j)`` of ``seg`` mention ``actor_id``: an article mention, a token ref (unless
        ``ref`` is False) and a coreference candidate (``person``: whether he/she may refer to it; by
        default when the actor is a person)."""
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
        self.mentions.append(TokenMention(
            seg.index, i, j, actor_id, plural, a.kind == "person" if person is None else person,
            coord_head=first.i if first.i != last.i else None,
            coordinated=last.dep_ == "conj" or any(c.dep_ == "conj" for c in last.children)))

    def remap(self, old: str, e: Entry) -> None:
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

    def move(self, seg: Segment, i: int, j: int, old: str, e: Entry) -> None:
        """Move the one mention of actor ``old`` over tokens ``[i, j)`` of ``seg`` (its article mention,
        token ref and coreference mention) to the actor of ``e``; ``old`` goes when nothing is left of it."""
        a = self.actors.get(old)
        if a is None or old == e.id:
            return
        new = self.actor_for(e)
        start, end = seg.char_span(i, j)
        moved = [mn for mn in a.mentions if mn.start == start and mn.end == end]
        a.mentions = [mn for mn in a.mentions if mn not in moved]
        for mn in moved:
            if all(x.start != mn.start or x.end != mn.end for x in new.mentions):
                new.mentions.append(mn)
        new.mentions.sort(key=lambda x: x.start)
        here = (seg.index, i, j)
        self.refs = [replace(r, ref=new.id) if r.ref == old and (r.seg, r.start_tok, r.end_tok) == here else r
                     for r in self.refs]
        for m in self.mentions:
            if m.actor == old and (m.seg, m.start, m.end) == here:
                m.actor = new.id
        if not a.mentions and all(r.ref != old for r in self.refs):
            self.drop(old)

    def drop(self, actor_id: str) -> None:
        """Remove actor ``actor_id`` with its token refs and coreference mentions."""
        self.actors.pop(actor_id, None)
        self.refs = [r for r in self.refs if r.ref != actor_id]
        self.mentions = [m for m in self.mentions if m.actor != actor_id]

    def resolve(self, tokens: list[Token]) -> tuple[Resolution | None, list[int]]:
        """What a token phrase resolves to at the article's date, and the token of each of its words."""
        words, lemmas, owner = phrase_words(tokens)
        if not words:
            return None, owner
        items = scan(words, self.lex, lemmas)
        return combine(items, self.lex, self.date, words), owner

    def register(self, seg: Segment, res: Resolution, owner: list[int], i: int, j: int, via: str,
                 *, plural: bool = False) -> str:
        """The actors of a resolved phrase over tokens ``[i, j)``: the main one (a state acts as its
        government), the further countries and the institutions in a title, each with its mention."""
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
        # "the French president": one person's office, whom he/she may refer to, though the actor is the body
        office = e.kind != "person" and not plural and res.head is not None and res.head.kind == "role" \
            and bool(res.head.agent and res.head.agent.kind == "person")
        self.mention(seg, main_start, j, e.id, via, plural=plural, person=True if office else None)
        if e.country and e.kind == "state":
            self.focus.append((seg.index, main_start, e.country))
            if e.source == "place":  # a town or territory acting ("Marseille is in uproar"): the story is there
                self.places.append((seg.index, main_start, e.country))
        self.focus.extend((seg.index, main_start, iso3) for iso3 in res.named)  # "Iraq's ... frontman X"
        return e.id

    def place(self, seg_i: int, tok_i: int, iso3: str, *, focus: bool = True) -> None:
        """A place of country ``iso3`` named at token ``tok_i`` of segment ``seg_i`` as where something
        happens (a locative, a dateline, a town): in the article's places, and in focus unless ``focus``
        is False."""
        if focus:
            self.focus.append((seg_i, tok_i, iso3))
        if iso3:
            self.places.append((seg_i, tok_i, iso3))

    # -- looking back ------------------------------------------------------------------
    def focus_country(self, seg_i: int, tok_i: int) -> str | None:
        """The country named last before token ``tok_i`` of segment ``seg_i``."""
        for s, t, iso3 in reversed(self.focus):
            if (s, t) < (seg_i, tok_i):
                return iso3
        return None

    def mention_at(self, seg_i: int, tok_i: int) -> str | None:
        """The actor of the mention covering a token, if any."""
        for m in reversed(self.mentions):
            if m.seg == seg_i and m.start <= tok_i < m.end:
                return m.actor
        return None
