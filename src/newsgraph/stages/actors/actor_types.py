"""Shared types of the actors stage: the items a phrase is cut into, what a phrase resolves to, and a
mention in token positions that coreference looks back over."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Agent, Entry


@dataclass
class Item:
    """One recognised stretch of words ``[start, end)`` of a phrase."""

    kind: str  # entry | demonym | role | agent | place | former | pro | led | joiner | possessive | prep | word
    start: int
    end: int
    entries: list[Entry] = field(default_factory=list)
    country: str | None = None
    agent: Agent | None = None
    plural_people: bool = False
    text: str = ""


@dataclass
class Resolution:
    """What a phrase resolves to, plus the parts that name other actors (coordinated countries)."""

    entry: Entry
    role: str | None = None
    led_by: str | None = None
    former: bool = False
    head: Item | None = None
    extra: list[tuple[Item, Entry]] = field(default_factory=list)  # further actors named in it
    modifiers: list[tuple[Item, Entry]] = field(default_factory=list)  # institutions in titles
    named: list[str] = field(default_factory=list)  # countries named by name in a person's title ("Iraq's")


@dataclass
class TokenMention:
    """An actor mention of one article in token positions (segment, ``[start, end)``), in the order the
    pass found them: what pronouns and noun phrases look back over."""

    seg: int
    start: int
    end: int
    actor: str
    plural: bool
    person: bool
    coord_head: int | None = None  # token of the first conjunct when this mention is a later conjunct
    coordinated: bool = False  # head token has or is a conjunct ("Russia and Iran")
