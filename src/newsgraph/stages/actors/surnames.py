"""Which who's-who person a written name names: a lone surname, a surname after a given name, a full
name with a middle name the who's-who lacks, a misspelt surname (within a letter or two, or with the same
consonants); and the id of a person the who's-who does not hold."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...resources import word_list
from .lexicon import Entry, Lexicon, norm, slug
from .tenure import pick

#: roles of heads of state and government: a lone surname shared by several office holders names the head
HEAD_ROLES = word_list("actors", "head_roles")
#: English words, days and months that are also family names ("He Lifeng"): never a lone surname
NOT_SURNAMES = word_list("actors", "not_surnames")


def surname_person(lex: Lexicon, key: str, date: str | None, given: str | None = None) -> tuple[Entry | None, bool]:
    """The one who's-who person a lone surname names (at ``date``), if only one fits; ``given``: the
    first name written before it ("Omar ... al-Bashir"), which must start the person's name."""
    people = lex.surnames.get(key, [])
    if given:
        people = [e for e in people if norm(e.name).startswith(given)]
    if date:  # a bare surname names someone in office then or before, never a later office-holder
        people = [e for e in people if not (e.start and date < e.start)]
    if not people:
        return None, False
    ids = {e.id for e in people}
    if len(ids) > 1:
        holding = [e for e in people if e.holds(date)] if date else []
        heads = [e for e in holding if (e.role or "").casefold() in HEAD_ROLES]
        if len({e.id for e in holding}) > 1 and len({e.id for e in heads}) == 1:
            holding = [e for e in holding if e.id == heads[0].id]  # "Abbas": the president, not a namesake minister
        if len({e.id for e in holding}) == 1:
            people = holding
        elif date is None:
            latest = max(people, key=lambda e: e.start or "")
            people = [e for e in people if e.id == latest.id]
        else:
            return None, False
    return pick(people, date)


def fuzzy_person(lex: Lexicon, name: list[str], date: str | None) -> tuple[Entry | None, bool]:
    """A misspelt name of a who's-who person ("Francois Mitterand", "Abdelaziz Bouteflicka"): the given
    name written in full and a surname within one or two letters of the person's, who must hold a role
    at ``date`` (any of their roles when there is no date); only when exactly one person fits."""
    if len(name) < 2:
        return None, False
    given, sur = norm(name[0]), norm(name[-1])
    if len(sur) < 5 or len(given) < 3:
        return None, False
    found: dict[str, list[Entry]] = {}
    for key, people in lex.surnames.items():
        if key[0] != sur[0] or abs(len(key) - len(sur)) > 2 or " " in key or key == sur \
                or SequenceMatcher(None, key, sur).ratio() < 0.88:
            continue
        for e in people:
            if norm(e.name).startswith(given + " ") and e.holds(date):
                found.setdefault(e.id, []).append(e)
    if len(found) != 1:
        return None, False
    return pick(next(iter(found.values())), date)


def skeleton(word: str) -> str:
    """A name's consonant skeleton: the first letter, then its consonants with no doubles ("sentos",
    "santos" -> "snts"): vowels are what misspelt transcribed names get wrong most."""
    rest = re.sub(r"[aeiouy\W]", "", word[1:])
    return word[:1] + re.sub(r"(.)\1+", r"\1", rest)


def skeleton_person(lex: Lexicon, name: list[str], date: str | None, role: str | None) -> tuple[Entry | None, bool]:
    """A titled who's-who person whose surname has the consonants of the written one and whose full name
    holds every other written word ("President Dos Sentos"); a lone written surname must also carry the
    person's own title. Only when exactly one person fits."""
    if not name:
        return None, False
    sur = norm(name[-1])
    others = [norm(w) for w in name[:-1]]
    if len(sur) < 4 or " " in sur or (not others and not role):
        return None, False
    sk = skeleton(sur)
    found: dict[str, list[Entry]] = {}
    for key, people in lex.surnames.items():
        if key[:1] != sur[:1] or " " in key or key == sur or abs(len(key) - len(sur)) > 1 or skeleton(key) != sk:
            continue
        for e in people:
            full = norm(e.name).split()
            if any(w not in full for w in others) or (date is not None and not e.holds(date)):
                continue
            if not others and (e.role or "").casefold() != (role or "").casefold():
                continue
            found.setdefault(e.id, []).append(e)
    if len(found) > 1 and role:  # several namesakes: the one who held the title written
        titled = {k: v for k, v in found.items() if any((e.role or "").casefold() == role.casefold() for e in v)}
        found = titled or found
    if len(found) != 1:
        return None, False
    return pick(next(iter(found.values())), date)


def middle_name_person(lex: Lexicon, name: list[str], date: str | None) -> tuple[Entry | None, bool]:
    """A who's-who person written with a middle name or initial their who's-who name lacks ("Hillary
    Rodham Clinton", "Barack H. Obama") or spells out ("George Walker Bush" for "George W. Bush"): the
    first and last words are theirs and every word of their name is written, in order (an initial of
    theirs stands for a written word with that letter). Only when exactly one person fits; their role is
    the one at ``date``."""
    words = [w for w in (norm(x) for x in name) if w]
    if len(words) < 3:
        return None, False
    found: dict[str, list[Entry]] = {}
    for e in lex.surnames.get(words[-1], []):
        full = norm(e.name).split()
        if 2 <= len(full) <= len(words) and full[0] == words[0] and full[-1] == words[-1] \
                and _in_order(full, words):
            found.setdefault(e.id, []).append(e)
    if len(found) != 1:
        return None, False
    return pick(next(iter(found.values())), date)


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Every word of ``part`` occurs in ``whole``, in the same order; a one-letter word of ``part`` (an
    initial) matches a word with that first letter."""
    rest = iter(whole)
    return all(any(x == w or (len(w) == 1 and x.startswith(w)) for x in rest) for w in part)


def person_id(name: str) -> str:
    """The id of a person the who's-who does not hold: ``PER.<slug>`` of the name without middle
    initials, so that "Zorblat K. Quenterby" and "Zorblat Quenterby" are one person across articles. Full
    middle names stay ("Gabriel Garcia Marquez": the middle word may be a surname), and so do initials
    after an initial ("J. K. Rowling")."""
    words = name.split()
    if len(words) >= 3 and len(words[0].rstrip(".")) > 1:
        name = " ".join([words[0], *(w for w in words[1:-1] if len(w.rstrip(".")) > 1), words[-1]])
    return f"PER.{slug(name)}"
