"""The actors stage: find actor mentions in the parsed sentences, resolve them, link coreference."""

from __future__ import annotations

from typing import ClassVar

from ...config import Config
from ...model import Article
from ..common import ACTOR_MENTIONS, add_refs
from .context import armed_setting, article_country
from .coreference import (
    namesake_bodies,
    people_by_nationality,
    possessed_offices,
    pronouns,
    role_nouns,
    spokespeople,
)
from .dictionaries import build_lexicon
from .entities import entities
from .gazetteer import gazetteer
from .lexicon import Lexicon
from .nominals import noun_phrases
from .resolver import Resolver
from .state import ArticleState


def find_actors(article: Article, lexicon: Lexicon) -> ArticleState:
    """One article's pass: per sentence, titles and nationalities that refer back ("the senator", "the Mexican"),
    actor noun phrases, entities, names the NER missed, a country's titles ("Chile's president"), spokespeople for an actor, then what
    refers back; at the end, organisations named after a person of the article, security forces facing an armed
    group (the military) and the one-country rule."""
    state = ArticleState(article, lexicon)
    for seg in article.segments:
        claimed = [False] * len(seg.doc)
        role_nouns(state, seg, claimed)
        people_by_nationality(state, seg, claimed)
        noun_phrases(state, seg, claimed)
        entities(state, seg, claimed)
        gazetteer(state, seg, claimed)
        possessed_offices(state, seg, claimed)
        spokespeople(state, seg, claimed)
        pronouns(state, seg, claimed)
    namesake_bodies(state)
    armed_setting(state)
    article_country(state)
    return state


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

    def triage_cues(self) -> frozenset[str]:
        """Reads tags and entities, and a parse only where another stage asked for one."""
        return frozenset()

    def __call__(self, article: Article) -> Article:
        state = find_actors(article, self.lexicon)
        article.actors = list(state.actors.values())
        add_refs(article, ACTOR_MENTIONS, state.refs)
        undated = undated_roles(state)
        if undated:
            article.stats["actors"] = {"roles_undated": undated}
        return article


def undated_roles(state: ArticleState) -> list[str]:
    """With no publication date (or one not understood) roles cannot be checked against the time of
    writing: the who's-who people of the article, whose role and sector are their latest recorded ones
    (or the title the text gives). Empty when the article has a date."""
    if state.date is not None:
        return []
    return sorted(a.id for a in state.actors.values() if a.kind == "person" and a.known)
