"""Who speaks: the kind of a quote's speaker.

Named speakers are a ``person`` or an ``organization`` (an actor of that kind, or a PERSON / ORG, GPE,
FAC entity or proper name). Unnamed ones are kept apart, as fact-checkers count them: ``anonymous``
for one person the report does not name ("a senior official", "a source close to the talks", "one
aide"), ``group`` for an unnamed or collective many ("officials", "people familiar with the plan",
"critics", "Republicans", "some"), and ``document`` for a text or a count that says something ("a poll",
"the report", "a statement"). A pronoun takes the kind of the actor it was resolved to; an unresolved
*they* is a group; an unresolved *it* or *we* has no kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ...model import Actor
from ...resources import word_list
from .lexicon import people_nouns

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

SpeakerKind = Literal["person", "organization", "group", "anonymous", "document"]
SPEAKER_KINDS: tuple[str, ...] = ("person", "organization", "group", "anonymous", "document")
#: the unnamed kinds, counted apart in the sourcing profile
UNNAMED_KINDS: frozenset[str] = frozenset({"anonymous", "group"})

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me", "you", "his", "my", "your"})
_GROUP_WORDS = frozenset({"they", "them", "their", "some", "many", "most", "few", "others", "several", "both",
                          "all", "those", "these", "dozens", "hundreds", "thousands", "millions", "anyone", "anybody",
                          "everyone", "everybody"})
_ONE_WORDS = frozenset({"one", "someone", "somebody", "another"})


def unnamed_people() -> frozenset[str]:
    return word_list("quotes", "unnamed_people")


def documents() -> frozenset[str]:
    return word_list("quotes", "documents")


def speaker_kind(head: Token, actor: Actor | None) -> SpeakerKind | None:
    """The kind of the speaker headed by ``head``; ``actor`` is the actor it was resolved to, if any."""
    low = head.lower_
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    if actor is not None and actor.label == "NOUN":
        actor = None  # an actor made from a common noun ("a senior official"): not named
    if actor is not None and actor.kind == "person":
        return "person"  # also "he", "the spokesman" resolved to a named person
    if actor is not None and head.pos_ != "NOUN":
        return "group" if plural and head.ent_type_ == "NORP" else "organization"
    if head.like_num and any(p.dep_ == "prep" and p.lower_ == "in" and any(o.like_num for o in p.children)
                             for p in head.children):
        return "group"  # "one in five say …": a share of those asked
    if head.pos_ == "PRON" or low in _GROUP_WORDS or low in _ONE_WORDS:
        if low in _PERSON_PRONOUNS:
            return "person"
        if low in _GROUP_WORDS:
            return "group"
        return "anonymous" if low in _ONE_WORDS else None
    if head.ent_type_ == "PERSON":
        return "person"
    if head.ent_type_ in ("PERCENT", "CARDINAL") or low in ("%", "percent", "majority", "minority", "plurality",
                                                            "third", "thirds", "quarter", "quarters", "fifth", "fifths"):
        return "group"  # "47% say …", "a majority said …", "a third say …": a share of people
    if head.ent_type_ == "NORP":
        return "group" if plural or low.endswith("s") else "organization"
    if head.pos_ == "PROPN" or head.ent_type_ in ("ORG", "GPE", "FAC"):
        return "organization"
    if lemma in documents() or low in documents():
        return "document"
    if plural:
        return "group"
    if lemma in unnamed_people() or lemma in people_nouns():
        return "anonymous"  # "a senior official", "the mayor" (a role title) not resolved to a name
    return "organization"  # "the campaign", "the ministry", "the committee"
