"""PETRARCH dictionary semantics in the event coder (own sentences and small dictionaries written here):
comma-clause elimination, verb-phrase targets, "%" compounds, "^" skips, "_" phrases, word-form
entries, phrase absorption, passives without an agent, agents over compounds, places as actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.config import default_config
from newsgraph.model import Article
from newsgraph.nlp import load_model
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events import EventStage
from newsgraph.stages.events.lexicon import build_lexicon
from newsgraph.stages.events.petrarch import PetrarchPattern, load_petrarch_verbs
from newsgraph.stages.events.petrarch.clauses import eliminated
from newsgraph.stages.events.petrarch.roles import skip_phrases

ACTORS = """FREEDONIA [FRD]
+FREEDONIAN
SYLVANIA [SYL]
+SYLVANIAN
GRAND_FENWICK [GFW]
RUFUS_T._FIREFLY [FRDGOV]
"""

AGENTS = """OFFICIAL [~GOV]
LAWMAKER [~LEG]
AMBASSADOR [~GOV]
"""

VERBS = """&TIES_
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
- * NEW_&TIES_RELATIONS [062]
- * CALM [---]

--- REGRET [111] ---
REGRET {REGRETTED REGRETS}
- NOTED + * [115]

--- BARGAIN [031] ---
BARGAIN
- * FOR_ASYLUM [174K]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * SYLVANIAN_DOLLARS [071]

--- SAY [010] ---
SAY {SAID }

--- AGREE [081] ---
AGREE
- % * [030:030]

--- URGE [102] ---
URGE
- STRONGLY_* [103]

--- HELP [070] ---
HELP

--- CRITICIZE [121] ---
CRITICIZE

--- WARN [160] ---
WARN
- * AT ^ + [162]

--- LEAVE [012] ---
LEAVE

--- LEFT [032:033] ---
LEFT

--- ARRIVE [032] ---
ARRIVE

--- DEPART [032] ---
DEPART

--- CELEBRATE [181] ---
CELEBRATE
- + HOSTING * INDEPENDENCE_DAY $ [046]

--- WELCOME [041] ---
WELCOME
"""

Coding = tuple[str, str, str]


@pytest.fixture(scope="module")
def petr(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pipeline, EventStage]:
    d: Path = tmp_path_factory.mktemp("petr")
    for name, text in (("actors.txt", ACTORS), ("agents.txt", AGENTS), ("verbs.txt", VERBS)):
        (d / name).write_text(text, "utf-8")
    cfg = default_config().with_overrides(actors__petrarch_actors=[str(d / "actors.txt")],
                                          actors__petrarch_agents=[str(d / "agents.txt")],
                                          events__petrarch_verbs=[str(d / "verbs.txt")])
    stage = EventStage(build_lexicon(petrarch_verbs=[str(d / "verbs.txt")], builtin=False))
    return Pipeline.from_config(cfg), stage


def _codings(petr: tuple[Pipeline, EventStage], text: str) -> set[Coding]:
    pipe, stage = petr
    art = Article(text=text)
    for s in pipe.stages:  # by hand, so that the parsed segments stay on the article
        if s.name == "events":
            break
        s(art)
    out: set[Coding] = set()
    for seg in art.segments:
        if seg.parsed:
            for h in stage.coder.hits(art, seg):
                # PETRARCH reads a compound source without a target as its members acting on each other
                targets = h.target or (h.source if len(h.source) > 1 else ["---"])
                out |= {(s, t, h.cameo) for s in h.source for t in targets if s != t}
                if h.reverse:
                    out |= {(t, s, h.reverse) for s in h.source for t in h.target}
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a terminal comma clause of 2-8 words is removed: no "said" event
        ("Freedonia restored diplomatic ties with Sylvania, a senior official said on Monday.",
         {("FRD", "SYL", "064")}),
        # "_" joins consecutive words: "new economic relations" matches, "new global economic relations" not
        ("Freedonia restored new economic relations with Sylvania.", {("FRD", "SYL", "062")}),
        ("Freedonia restored new global economic relations with Sylvania.", {("FRD", "SYL", "064")}),
        # "%": a compound subject selects the pattern; its members code each other
        ("Freedonia and Sylvania agree that the dispute should end.",
         {("FRD", "SYL", "030"), ("SYL", "FRD", "030")}),
        # a verb inside a coded verb's phrase is part of that event ("urged X to help")
        ("Freedonia urged Sylvania to help Grand Fenwick.", {("FRD", "SYL", "102")}),
        # a passive without a "by" agent keeps its subject as the source
        ("Freedonia was criticized over its dispute with Sylvania.", {("FRD", "SYL", "121")}),
        # "^" skips a noun phrase before the target
        ("Freedonia warned at the Sylvanian border of Grand Fenwick.", {("FRD", "GFW", "162")}),
        # a word-form entry ("LEFT") beats the lemma's entry ("LEAVE"), with its reverse code
        ("Rufus T. Firefly left for Sylvania on Monday.", {("FRDGOV", "SYL", "032"), ("SYL", "FRDGOV", "033")}),
        # a country named as a place is an actor for PETRARCH
        ("Rufus T. Firefly arrived in Sylvania on Monday.", {("FRDGOV", "SYL", "032")}),
        # an agent distributes over a compound ("lawmakers in A and B")
        ("Lawmakers in Freedonia and Sylvania welcomed the talks with Grand Fenwick.",
         {("FRDLEG", "GFW", "041"), ("SYLLEG", "GFW", "041")}),
        # "STRONGLY_*": the word must touch the verb
        ("Freedonia strongly urged Sylvania to reconsider.", {("FRD", "SYL", "103")}),
        ("Freedonia strongly and publicly urged Sylvania to reconsider.", {("FRD", "SYL", "102")}),
        # whole words: "departes" is no form of DEPART, whatever its lemma
        ("Freedonia departed from Sylvania on Monday.", {("FRD", "SYL", "032")}),
        ("Freedonia departes from Sylvania on Monday.", set()),
        # "+" before the words before the verb: the actor before "hosting" is the target, "$" the source
        ("Freedonia will be hosting Sylvania to celebrate Independence Day with Grand Fenwick next week.",
         {("GFW", "FRD", "046")}),
        # words joined by "_" in the text name a dictionary actor ("Grand_Fenwick")
        ("Freedonia restored diplomatic ties with Grand_Fenwick.", {("FRD", "GFW", "064")}),
        # a null-coded pattern matches and codes nothing (the verb's own code does not apply)
        ("Freedonia restored calm in Sylvania.", set()),
        # "+" before the verb: the reported clause's subject is the target, the reporter the source
        ("Rufus T. Firefly noted that Sylvania regretted the decision.", {("FRDGOV", "SYL", "115")}),
        # a dictionary's variant code ("174K": CAMEO 174)
        ("Rufus T. Firefly will bargain for asylum in Sylvania.", {("FRDGOV", "SYL", "174K")}),
        # words the pattern matched name no actor: the target is Grand Fenwick, not Sylvania
        ("Freedonia will contribute a million Sylvanian dollars to Grand Fenwick.", {("FRD", "GFW", "071")}),
        # a list the parser reads as an apposition ("A, the B, C and D") is a compound
        ("Freedonia, the Sylvanians, and Grand Fenwick welcomed the talks.",
         {("FRD", "SYL", "041"), ("FRD", "GFW", "041"), ("SYL", "FRD", "041"), ("SYL", "GFW", "041"),
          ("GFW", "FRD", "041"), ("GFW", "SYL", "041")}),
        # the verb phrase's first actor is the target, embedded clauses included
        ("Freedonia signed an accord on Monday to restore ties with Sylvania.", {("FRD", "SYL", "064")}),
    ],
)
def test_petrarch_semantics(petr: tuple[Pipeline, EventStage], text: str, expected: set[Coding]) -> None:
    assert _codings(petr, text) == expected


def test_loader_markers(tmp_path: Path) -> None:
    p = tmp_path / "verbs.txt"
    p.write_text(VERBS, "utf-8")
    pats = {(x.lemma, x.rule.rsplit(":", 1)[1]): x for x in load_petrarch_verbs(str(p))}
    agree = next(x for (lemma, _), x in pats.items() if lemma == "agree" and x.cameo == "030")
    assert isinstance(agree, PetrarchPattern) and agree.compound_pre and agree.reverse == "030"
    warn = next(x for (lemma, _), x in pats.items() if lemma == "warn" and x.cameo == "162")
    assert warn.context == ("at",) and warn.post_target == 1 and warn.target_skip == 1
    new = next(x for (lemma, _), x in pats.items() if lemma == "restore" and x.cameo == "062")
    assert new.context == ("new military relations|new economic relations",)
    assert new.specificity == 3  # words a match needs: longer patterns are tried first


def test_comma_clauses_and_skips() -> None:
    doc = load_model()("Freedonia restored ties with Sylvania, five years after the war ended, "
                       "a senior official said on Monday.")
    gone = {doc[i].text for i in eliminated(doc)}
    assert {"five", "war", "ended", "official", "said", "Monday"} <= gone
    assert not {"Freedonia", "restored", "Sylvania"} & gone
    at = next(t.i for t in doc if t.text == "with")
    assert doc[skip_phrases(doc, at, 1) - 1].text == "Sylvania"


@pytest.mark.parametrize("text", ["Freedonia, Sylvania and Grand Fenwick restored ties with Marxonia.",
                                  "Freedonia, the Sylvanians, and Grand Fenwick welcomed the talks.",
                                  "Freedonia restored ties with Sylvania, the long-time foe of Grand Fenwick."])
def test_noun_phrase_commas_are_kept(text: str) -> None:
    doc = load_model()(text)
    assert not eliminated(doc)  # no verb between the commas: a list or an apposition, not a clause
