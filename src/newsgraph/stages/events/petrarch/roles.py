"""Roles of a PETRARCH pattern's hit: the verb-phrase target, compound actors, the ``$``/``+``/``^``
role markers and passives (PETRARCH's readings over the dependency parse):

- **Target** (``vp_targets``): the first actor of the verb phrase, embedded and adverbial clauses
  included, pronouns and the pattern's own words not.
- **Roles** (``petrarch_roles``, ``compound_actors``, ``marked_roles``, ``skip_phrases``): a passive
  needs a "by" agent; agents distribute over compounds; ``%`` and ``^`` markers.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from ..args import PASS_SUBJ, SUBJ, Resolver
from ..patterns import VerbPattern
from ..phrase import actor_after, generic_ref, seq_ends
from .clauses import eliminated


def skip_phrases(doc: Doc, start: int, n: int) -> int:
    """The token index after the ``n`` noun phrases that begin at or after ``start`` (PETRARCH's "^")."""
    for _ in range(n):
        chunk = next((c for c in doc.noun_chunks if c.start >= start), None)
        if chunk is None:
            return start
        start = chunk.end
    return start


def vp_targets(verb: Token, res: Resolver, sources: set[str], matched: frozenset[int] = frozenset()) -> list[str]:
    """PETRARCH's target: the first actor of the verb phrase, i.e. of everything the verb governs
    after it, embedded and adverbial clauses included ("signed an accord to supply X", "postponed
    the meeting after Y was reported ..."); coordinated verbs are events of their own and the comma
    clauses PETRARCH removes are left out, and so are the words the pattern matched (``matched``). A
    coded actor beats a generic noun ("crowds")."""
    gone = eliminated(verb.doc)
    region: list[Token] = []
    chain = [verb]  # "is about to restore ... after X did": the phrase of "is" holds the "after" clause
    while chain[-1].dep_ in {"xcomp", "acomp"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    skip = {t.i for t in chain}
    stack = [c for h in chain for c in h.children
             if c.i > verb.i and c.i not in skip and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]
    while stack:
        t = stack.pop()
        if t.i in gone:
            continue
        region.append(t)
        stack += [c for c in t.children if not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and t.i == verb.i)]
    found: list[str] = []
    for t in sorted(region, key=lambda x: x.i):
        ref = res.at(t)
        if ref is None or ref in sources or t.pos_ == "PRON" or t.i in matched:  # no pronouns ("its embassy")
            continue
        head = t
        while head.dep_ in {"compound", "flat"} and head.head.i > head.i:  # "Minas Tirith and X": the name's head
            head = head.head
        here = [r for r in res.np(head) if r not in sources] if t.pos_ in {"NOUN", "PROPN"} else []
        here = here or [ref]
        if not generic_ref(ref):
            return here
        found = found or here
    return found


def compound_actors(heads: list[Token], refs: list[str], res: Resolver) -> list[str]:
    """PETRARCH distributes an agent over a compound: "the ambassadors of A, B and C" are A's, B's and
    C's ambassadors, "lawmakers in A and B" are A's and B's lawmakers. Composed ids the article lacks
    are added as actors (named by the country's token)."""
    out = list(refs)
    phrase: list[Token] = []
    for h in heads:
        for x in [h, *h.conjuncts]:
            phrase.append(x)
            for a in x.children:  # "A, the B, C and D": a list the parser read as an apposition
                if a.dep_ == "appos" and (x.conjuncts or a.conjuncts) and a.left_edge.i > 0 \
                        and a.doc[a.left_edge.i - 1].text == ",":
                    out += [r for r in res.np(a) if r not in out and not generic_ref(r)]
            for p in x.children:
                if p.dep_ == "prep" and p.lower_ in {"of", "in", "from"}:
                    for g in p.children:
                        if g.dep_ == "pobj":
                            phrase += [g, *g.conjuncts]
    for c in phrase:
        ref = res.at(c)
        if ref is None or c.pos_ != "PROPN" or generic_ref(ref):
            continue
        bare = len(ref) == 3 and ref.isupper()
        if c.dep_ == "conj" and c.head.dep_ in {"pobj", "conj"}:  # "of A, B and C": B and C
            first = c.head
            while first.dep_ == "conj":
                first = first.head
            agent, country = res.at(first.head.head), res.at(first)
            if bare and agent and country and len(country) == 3 and agent.startswith(country) and agent != country:
                ref = _composed(res, c, ref, agent, agent[3:])
            if ref not in out:
                out.append(ref)
            continue
        if not bare:
            continue
        k = c.i - 1
        while k >= 0 and c.doc[k].lower_ in {"and", ",", "or"}:
            k -= 1
        prev = res.at(c.doc[k]) if 0 <= k < c.i - 1 else None
        if prev is None or len(prev) != 3:
            continue
        suffixes = [r[3:] for r in out if r.startswith(prev) and len(r) > 3 and r[3:].isalnum() and r[3:].isupper()]
        made = [_composed(res, c, ref, prev + s, s) for s in suffixes]
        if made and ref in out:  # "lawmakers in Freedonia and Sylvania": Sylvania's lawmakers, not Sylvania
            at = out.index(ref)
            out[at:at + 1] = [m for m in made if m not in out]
    return out


def _composed(res: Resolver, tok: Token, country: str, model: str, suffix: str) -> str:
    """The id ``country + suffix``, adding that actor (like ``model``, named by ``tok``) when missing."""
    new = country + suffix
    art = res.article
    base = art.actor(model)
    if art.actor(new) is None and base is not None:
        seg = next(x for x in art.segments if x.index == res.seg)
        start, end = seg.char_span(tok.i, tok.i + 1)
        owner = art.actor(country)
        art.actors.append(base.model_copy(update={
            "id": new, "country": owner.country if owner is not None else country,
            "name": f"{owner.name if owner is not None else country} {base.sector or suffix}",
            "mentions": [art.mention(start, end, via="compound")]}))
    return new


def context_tokens(verb: Token, context: tuple[str, ...]) -> set[int]:
    """Indices of the tokens after ``verb`` that its pattern's context words matched (PETRARCH: words a
    pattern matched name no actor, "donate a million euros to X": X, not Austria)."""
    doc = verb.doc
    words = [t.lower_ for t in doc[verb.i + 1:]]
    out: set[int] = set()
    pos = 0
    for el in context:
        best: tuple[int, int] | None = None
        for alt in el.split("|"):
            seq = alt.split()
            for k in range(pos, len(words) - len(seq) + 1):
                if words[k:k + len(seq)] == seq:
                    if best is None or k + len(seq) < best[1]:
                        best = (k, k + len(seq))
                    break
        if best is None:
            return out
        out.update(verb.i + 1 + k for k in range(*best))
        pos = best[1]
    return out


def petrarch_roles(verb: Token, pat: VerbPattern, res: Resolver, sources: list[str], objs: list[Token],
                   passive: bool) -> tuple[list[str], list[str]]:
    """Source and target of a PETRARCH pattern's verb: a passive without a "by" agent is no passive (its
    subject acts); agents distribute over compounds; the target is the passive subject, else the first
    actor of the verb phrase, none for "% HAVE *" (the compound's members act on each other)."""
    children = list(verb.children)
    if passive and not sources:
        subj = [c for c in children if c.dep_ in PASS_SUBJ | SUBJ]
        subj = subj or [g for c in children if c.dep_ in {"aux", "auxpass"} for g in c.children if g.dep_ in SUBJ]
        sources = [r for c in subj for r in res.np(c)]
        passive = False
    if sources:
        sources = compound_actors([c for c in children if c.dep_ in SUBJ | PASS_SUBJ], sources, res)
    if pat.notarget or (getattr(pat, "compound_pre", False) and pat.post_target < 0):
        return sources, []
    targets = [r for o in objs for r in res.np(o)] if passive else []
    return sources, targets or vp_targets(verb, res, set(sources), frozenset(context_tokens(verb, pat.context)))


def actor_before_context(verb: Token, pat: VerbPattern, res: Resolver) -> list[str]:
    """For "+ HOSTING *" (``pre_target_first``): the last actor before the pattern's first word before
    the verb ("Mordor will be hosting X to celebrate ...": Mordor)."""
    if not getattr(pat, "pre_target_first", False) or not pat.pre_context:
        return []
    doc = verb.doc
    words = [t.lower_ for t in doc[:verb.i]]
    first: int | None = None
    for alt in pat.pre_context[0].split("|"):
        seq = alt.split()
        k = next((k for k in range(len(words) - len(seq) + 1) if words[k:k + len(seq)] == seq), None)
        if k is not None and (first is None or k < first):
            first = k
    for t in reversed(doc[:first or 0]):
        ref = res.at(t)
        if ref is not None and t.pos_ != "PRON":
            return [r for r in res.np(t)] if t.pos_ in {"NOUN", "PROPN"} and res.np(t) else [ref]
    return []


class _RoleHit(Protocol):
    source: list[str]
    passive: bool


def marked_roles(tok: Token, pat: VerbPattern, res: Resolver, hit: _RoleHit, targets: list[str]) -> list[str]:
    """PETRARCH "$"/"+" markers: the source or target is the first actor after the marked position;
    "+" before the verb makes the subject the target. Sets ``hit.source``; returns the targets."""
    ends = seq_ends([t.lower_ for t in tok.doc[tok.i + 1:]], pat.context) or []

    def start(k: int) -> int:
        return tok.i + 1 + (ends[k - 1] if 0 < k <= len(ends) else 0)

    subject = list(hit.source)
    if pat.pre_target and hit.passive:  # "+ WAS * DEAD IN $": the passive subject is the target
        subject = [r for c in tok.children if c.dep_ in PASS_SUBJ for r in res.np(c)]
    subject = actor_before_context(tok, pat, res) or subject  # "+ HOSTING *": the actor before "hosting"
    if pat.post_source >= 0:
        found = actor_after(tok.doc, skip_phrases(tok.doc, start(pat.post_source), getattr(pat, "source_skip", 0)),
                             res, set())
        if found:
            hit.source = found
            targets = subject if pat.pre_target else [t for t in targets if t not in found]
    elif pat.pre_target:  # "NOTED + *": X noted that [target] regretted ...: the governing clause's subject acts
        targets = subject
        gov = tok.head if tok.dep_ in {"ccomp", "xcomp", "advcl"} else tok
        hit.source = [r for c in gov.children if c.dep_ in SUBJ for r in res.np(c) if r not in targets] \
            if gov is not tok else []
    if pat.post_target >= 0:
        found = actor_after(tok.doc, skip_phrases(tok.doc, start(pat.post_target), getattr(pat, "target_skip", 0)),
                             res, set(hit.source))
        if found:
            targets = found
    return targets
