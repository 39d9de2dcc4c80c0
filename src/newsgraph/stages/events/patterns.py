"""Pattern types: what one lexicon entry matches (a verb with its particle, objects, context words
and role markers; an event noun; a pattern read from a PETRARCH dictionary).

Both loaders build these: :mod:`.lexicon` (the shipped YAML/TSV files and user YAML files) and
:mod:`.petrarch` (PETRARCH verb dictionaries). See docs/events.md for the pattern format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VerbPattern:
    """One verb pattern: ``lemma`` (+ particle, object lemmas, target prepositions) -> CAMEO."""

    lemma: str
    cameo: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    mode: str | None = None
    notarget: bool = False
    rule: str = ""
    priority: int = 0
    needs_object: bool = False
    #: the direct object must be an actor ("released the prisoners", not "released a report")
    needs_actor_object: bool = False  # higher wins among equally specific patterns (user > seed > wordnet)
    #: PETRARCH-style context words that must follow the verb in the clause (lower-case lemmas/words)
    context: tuple[str, ...] = ()
    #: ... and words that must precede it
    pre_context: tuple[str, ...] = ()
    #: PETRARCH-style target: the first actor of the verb phrase after the verb (object, its
    #: prepositional phrases, infinitive complements), never the subject of a reported clause
    vp_target: bool = False
    #: CAMEO code of the reverse direction (target -> source), PETRARCH's ``[032:033]``
    reverse: str | None = None
    #: PETRARCH role markers after the verb: the source ("$") / target ("+") is the first actor after
    #: the n-th context element (0: right after the verb); -1: not marked
    post_source: int = -1
    post_target: int = -1
    #: "+" before the verb: the subject is the target ("+ * MONEY FROM $": X received money from Y)
    pre_target: bool = False

    @property
    def preps_required(self) -> bool:
        return bool(self.preps) and bool(self.objects)

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0) + len(self.context) + len(self.pre_context)


@dataclass(frozen=True)
class NounPattern:
    """One event noun ("airstrikes against X"): head lemma (+ compound), target prepositions."""

    noun: str
    cameo: str
    compound: str | None = None
    preps: tuple[str, ...] = ()
    mode: str | None = None
    rule: str = ""
    #: emitted only with a target ("campaign +against =target": not an advertising campaign)
    needs_target: bool = False


@dataclass(frozen=True)
class PetrarchPattern(VerbPattern):
    """A verb pattern read from a PETRARCH dictionary, with the markers our base pattern lacks:
    ``%`` (a compound, coordinated actor: "% * [030:030]" is "X and Y agree") before or after the
    verb, and ``^`` (skip one noun phrase) before the ``$``/``+`` role markers."""

    #: "%" before the verb: the subject is coordinated ("X and Y"); after it: an actor after the verb is
    compound_pre: bool = False
    compound_post: bool = False
    #: noun phrases skipped ("^") before the source / target marker after the verb
    source_skip: int = 0
    target_skip: int = 0
    #: "RECENTLY_*" / "*_TALKS": the words next to "*" must touch the verb ("recently did allow" is no match)
    pre_adjacent: bool = False
    post_adjacent: bool = False
    #: "+ HOSTING *": "+" opens the words before the verb, so the target is the actor right before them
    pre_target_first: bool = False

    @property
    def specificity(self) -> int:
        """PETRARCH tries longer patterns first: the number of words a match needs, plus the "%" markers."""
        words = sum(min(len(a.split()) for a in el.split("|")) for el in (*self.context, *self.pre_context))
        return words + int(self.compound_pre) + int(self.compound_post)
