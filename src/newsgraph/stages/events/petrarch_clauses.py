"""How the coder reads sentences for PETRARCH verb patterns (hits of other patterns are untouched).

PETRARCH codes from a constituency parse; these rules give the same readings over the dependency
parse:

- **Comma clauses** (``eliminated``): PETRARCH removes short comma-delimited clauses before coding,
  internal ones between two commas of ``INTERNAL`` words and a terminal one after the last comma of
  ``TERMINAL`` words (its default configuration, 2 to 8 words; initial clauses are kept): "X
  restored ties with Y, a government spokesman said on Friday." codes no "said" event. Only clauses
  with a verb that do not continue a list ("Mordor, the Shire and Bree welcomed") are removed.
- **Verb phrases** (``absorbed``, ``vp_targets``): a verb is coded with its whole phrase; a verb inside
  a coded verb's phrase is part of that event ("urged X to help"), and the target is the phrase's
  first actor, embedded and adverbial clauses included, pronouns and the pattern's own words not.
- **Roles** (``petrarch_roles``, ``compound_actors``, ``compound_ok``, ``skip_phrases``): a passive
  needs a "by" agent; agents distribute over compounds; ``%`` and ``^`` markers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from .args import PASS_SUBJ, SUBJ, Resolver
from .lexicon import VerbPattern, verb_forms
from .phrase import _actor_after, _generic, _seq_ends

INTERNAL = (2, 8)
TERMINAL = (2, 8)
_END = frozenset({".", "!", "?", "''", '"', "\u201d"})


def eliminated(doc: Doc) -> frozenset[int]:
    """Indices of the tokens in the comma-delimited clauses PETRARCH would remove from ``doc``."""
    commas = [t.i for t in doc if t.text == ","]
    if not commas:
        return frozenset()
    out: set[int] = set()
    end = len(doc)
    while end > 0 and doc[end - 1].text in _END:
        end -= 1
    bounds = [(commas[k] + 1, commas[k + 1], INTERNAL) for k in range(len(commas) - 1)]
    bounds.append((commas[-1] + 1, end, TERMINAL))
    for start, stop, (lo, hi) in bounds:
        words = [t for t in doc[start:stop] if not t.is_punct]
        if not lo <= len(words) <= hi or not any(t.pos_ in {"VERB", "AUX"} for t in words):
            continue
        top = next((t for t in words if t.dep_ != "cc"), words[0])  # ", and X welcomed": from X
        while start <= top.head.i < stop and top.head.i != top.i:
            top = top.head
        if top.dep_ in {"conj", "appos"} and top.head.i < start:
            continue  # "Freedonia, Sylvania and X restored ...": a list goes on, no clause
        out.update(range(start, stop))
    return frozenset(out)


def absorbed(triggers: list[Token], coded_verbs: list[Token]) -> list[bool]:
    """PETRARCH codes a verb together with its whole verb phrase: a verb inside the phrase of another
    coded verb ("urged X to help", "is said to be about to restore", "restored ties after crowds
    burned ...") is part of that event, not one of its own. Coordinated verbs ("condemned ... and
    promised ...") stay separate events, and so does a clause before the verb ("X did Y, Z said"). A verb
    phrase starts at the verb that governs a coded verb's chain ("is about to restore": "is")."""
    coded: dict[int, set[int]] = {}  # phrase head -> the coded verbs whose phrase it starts
    for v in coded_verbs:
        coded.setdefault(v.i, set()).add(v.i)
        node = v
        while node.dep_ in {"xcomp", "acomp"} and node.head.i != node.i:
            node = node.head
            coded.setdefault(node.i, set()).add(v.i)
    out: list[bool] = []
    for t in triggers:
        node, only_conj, hit = t, True, False
        for _ in range(40):
            if node.head.i == node.i:
                break
            only_conj = only_conj and node.dep_ == "conj"
            node = node.head
            if node.i in coded and coded[node.i] - {t.i} and not only_conj and node.i < t.i:  # "X did Y, Z said": Y is not in "said"'s phrase
                hit = True
                break
        out.append(hit)
    return out


@lru_cache(maxsize=4096)
def _forms(lemma: str) -> frozenset[str]:
    return frozenset(verb_forms(lemma))


def form_ok(pat: VerbPattern, verb: Token) -> bool:
    """PETRARCH matches whole words: the verb's word must be one of the pattern verb's forms (regular
    inflections, known irregular ones, or the entry itself), not just share its lemma ("departes");
    words joined to "*" by "_" must touch the verb ("RECENTLY_*": "recently allowed", not "recently
    did allow")."""
    if verb.lower_ != pat.lemma and verb.lower_ not in _forms(pat.lemma):
        return False
    doc = verb.doc
    if getattr(pat, "pre_adjacent", False) and pat.pre_context:
        alts = [a.split() for a in pat.pre_context[-1].split("|")]
        if not any([t.lower_ for t in doc[max(0, verb.i - len(a)):verb.i]] == a for a in alts):
            return False
    if getattr(pat, "post_adjacent", False) and pat.context:
        alts = [a.split() for a in pat.context[0].split("|")]
        if not any([t.lower_ for t in doc[verb.i + 1:verb.i + 1 + len(a)]] == a for a in alts):
            return False
    return True


def compound_ok(pat: object, verb: Token) -> bool:
    """A PETRARCH pattern's "%" markers hold: "%" before the verb needs a coordinated subject ("X and Y
    agree"), after it a coordinated noun phrase after the verb ("talks with X and Y")."""
    if getattr(pat, "compound_pre", False):
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj and verb.dep_ in {"xcomp", "conj"}:
            subj = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(c.dep_ == "conj" for s in subj for c in s.children):
            return False
    if getattr(pat, "compound_post", False):
        after = [t for t in verb.subtree if t.i > verb.i and t.pos_ in {"NOUN", "PROPN"}]
        if not any(c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for t in after for c in t.children):
            return False
    return True


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
        if not _generic(ref):
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
                    out += [r for r in res.np(a) if r not in out and not _generic(r)]
            for p in x.children:
                if p.dep_ == "prep" and p.lower_ in {"of", "in", "from"}:
                    for g in p.children:
                        if g.dep_ == "pobj":
                            phrase += [g, *g.conjuncts]
    for c in phrase:
        ref = res.at(c)
        if ref is None or c.pos_ != "PROPN" or _generic(ref):
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


class _Hit(Protocol):
    tokens: list[Token]
    cameo: str
    petrarch: bool


H = TypeVar("H", bound=_Hit)


def petrarch_filter(doc: Doc, hits: list[H]) -> list[H]:
    """PETRARCH patterns' hits less those in removed comma clauses, those absorbed by a coded verb's
    phrase and those of null-coded patterns (other hits pass unchanged)."""
    if not any(h.petrarch for h in hits):
        return hits
    gone = eliminated(doc)
    hits = [h for h in hits if not (h.petrarch and h.tokens[0].i in gone)]
    pv = [h for h in hits if h.petrarch]
    coded = [h.tokens[0] for h in pv if h.cameo[:2].isdigit()]
    drop = {id(h) for h, a in zip(pv, absorbed([h.tokens[0] for h in pv], coded)) if a}
    return [h for h in hits if id(h) not in drop and not (h.petrarch and not h.cameo[:2].isdigit())]


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
    ends = _seq_ends([t.lower_ for t in tok.doc[tok.i + 1:]], pat.context) or []

    def start(k: int) -> int:
        return tok.i + 1 + (ends[k - 1] if 0 < k <= len(ends) else 0)

    subject = list(hit.source)
    if pat.pre_target and hit.passive:  # "+ WAS * DEAD IN $": the passive subject is the target
        subject = [r for c in tok.children if c.dep_ in PASS_SUBJ for r in res.np(c)]
    subject = actor_before_context(tok, pat, res) or subject  # "+ HOSTING *": the actor before "hosting"
    if pat.post_source >= 0:
        found = _actor_after(tok.doc, skip_phrases(tok.doc, start(pat.post_source), getattr(pat, "source_skip", 0)),
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
        found = _actor_after(tok.doc, skip_phrases(tok.doc, start(pat.post_target), getattr(pat, "target_skip", 0)),
                             res, set(hit.source))
        if found:
            targets = found
    return targets
