"""Events stage on short sentences: voice, coordination, clauses, modality, nouns, lexicon, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DictionaryError
from newsgraph.model import Article, Event
from newsgraph.nlp import NlpStage
from newsgraph.pipeline import Pipeline
from newsgraph.stages.events import EventStage
from newsgraph.stages.events.cameo import cameo_info, cameo_table, plover_of
from newsgraph.stages.events.inflection import verb_forms
from newsgraph.stages.events.lexicon import build_lexicon, parse_verb_pattern
from newsgraph.stages.events.petrarch import load_petrarch_verbs


def run(pipeline: Pipeline, text: str, events: EventStage | None = None) -> Article:
    """Every stage; ``events`` replaces the pipeline's events stage when given."""
    art = Article(text=text, raw_text=text)
    for stage in pipeline.stages:
        if stage.name == "events" and events is not None:
            events(art)
        elif stage.name == "nlp" and events is not None:  # the other lexicon's cues: parse everything
            NlpStage(pipeline.config.nlp.model, triage=False)(art)
        else:
            stage(art)
    return art


def codes(art: Article) -> list[tuple[str | None, list[str], list[str], str]]:
    return [(e.plover, e.source, e.target, e.modality) for e in art.events]


def one(art: Article, plover: str) -> Event:
    evs = [e for e in art.events if e.plover == plover]
    assert len(evs) == 1, codes(art)
    return evs[0]


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        ("Russia attacked Ukraine on Monday.", "ASSAULT", ["RUS"], ["UKR"]),
        ("Ukraine was attacked by Russia.", "ASSAULT", ["RUS"], ["UKR"]),  # passive with agent
        ("Ukraine was bombed on Monday.", "ASSAULT", [], ["UKR"]),  # passive: unknown source allowed
        ("A roadside bomb killed two Iraqi soldiers.", "ASSAULT", [], ["IRQ.MIL"]),  # instrument subject
        ("Russia and Iran criticized Turkey.", "ACCUSE", ["RUS", "IRN"], ["TUR"]),  # coordination
        ("France condemned Russia and China.", "ACCUSE", ["FRA"], ["RUS", "CHN"]),
        ("Japan met with China in Tokyo.", "CONSULT", ["JPN", "CHN"], []),  # reciprocal: all parties act
        ("Japan complained to China.", "ACCUSE", ["JPN"], ["CHN"]),  # prepositional target
        ("Germany imposed sanctions on Iran.", "SANCTION", ["DEU"], ["IRN"]),  # light verb + object
        ("Egypt expelled Israeli diplomats.", "SANCTION", ["EGY"], ["ISR.GOV"]),
        ("Iran, which supported Syria, met with Turkey.", "SUPPORT", ["IRN"], ["SYR"]),  # relative clause
    ],
)
def test_who_did_what_to_whom(pipeline: Pipeline, text: str, plover: str, source: list[str],
                              target: list[str]) -> None:
    e = one(run(pipeline, text), plover)
    assert e.source == source
    assert e.target == target


@pytest.mark.parametrize(
    ("text", "plover", "modality"),
    [
        ("Russia attacked Ukraine.", "ASSAULT", "asserted"),
        ("Russia did not attack Ukraine.", "ASSAULT", "negated"),
        ("Russia would attack Ukraine if the talks failed.", "ASSAULT", "hypothetical"),
        ("Russia intends to deploy troops in Syria.", "MOBILIZE", "intended"),
        ("Iran urged Russia to withdraw from Syria.", "RETREAT", "demanded"),
        ("Russia announced that Iran would attack Iraq.", "ASSAULT", "announced"),
        ("Russia accused Turkey of attacking Syria.", "ASSAULT", "alleged"),
        ("Turkey denied attacking Syria.", "ASSAULT", "negated"),
        ("Russia attacked Ukraine, Newsweek reports.", "ASSAULT", "asserted"),  # outlet: transparent
    ],
)
def test_modality(everything: Pipeline, text: str, plover: str, modality: str) -> None:
    event = one(run(everything, text), plover)
    assert event.modality == modality
    # acts not done, only supposed or only asked for are no events at the default threshold
    assert ((event.confidence or 0) < 0.5) == (modality in {"negated", "hypothetical", "demanded"})


@pytest.mark.parametrize(
    ("text", "plover", "modality"),
    [
        # an open question or a condition on the act outweighs the verb that governs it
        ("Reporters asked whether Chile will withdraw its troops from Peru.", "RETREAT", "hypothetical"),
        ("The minister said that if Peru attacks, Chile will respond.", "ASSAULT", "hypothetical"),
        # a wish for another's act is a demand, a wish for one's own act an intention
        ("Some aides would like to see Norway withdraw its troops from Mali.", "RETREAT", "demanded"),
        ("Norway hopes it will deploy troops in Mali soon.", "MOBILIZE", "intended"),
    ],
)
def test_modality_of_wishes_and_questions(everything: Pipeline, text: str, plover: str, modality: str) -> None:
    assert one(run(everything, text), plover).modality == modality


def test_allegation_is_never_asserted(pipeline: Pipeline) -> None:
    art = run(pipeline, "Russia accused Turkey of supporting Iran.")
    acc = one(art, "ACCUSE")
    assert (acc.source, acc.target, acc.modality) == (["RUS"], ["TUR"], "asserted")
    sup = one(art, "SUPPORT")
    assert (sup.source, sup.target) == (["TUR"], ["IRN"])
    assert sup.modality == "alleged" and sup.alleged_by == "RUS"


def test_demand_gives_request_and_demanded_action(pipeline: Pipeline, everything: Pipeline) -> None:
    art = run(everything, "Iran urged Russia to withdraw from Syria.")
    req = one(art, "REQUEST")
    assert (req.source, req.target, req.modality) == (["IRN"], ["RUS"], "asserted")
    assert one(art, "RETREAT").source == ["RUS"]
    # the demand is the event; the withdrawal only asked for is left out at the default threshold
    assert [e.plover for e in run(pipeline, "Iran urged Russia to withdraw from Syria.").events] == ["REQUEST"]


def test_intent_to_cooperate_is_agree(pipeline: Pipeline) -> None:
    e = one(run(pipeline, "Japan intends to aid Kenya."), "AGREE")
    assert (e.source, e.target, e.modality, e.cameo) == (["JPN"], ["KEN"], "intended", "033")


@pytest.mark.parametrize(
    ("text", "plover", "cameo", "modality"),
    [
        ("Russia intends to attack Ukraine.", "THREATEN", "138", "intended"),  # intent to harm = threat
        ("Syria said it will not accept Turkey's proposal.", "REJECT", "120", "asserted"),  # accepting = AGREE
        ("Syria said it will not accept Turkey's demands.", "REJECT", "124", "asserted"),  # accepting = CONCEDE
        ("Iran refused to meet Iraq.", "REJECT", "125", "asserted"),
        ("Russia said it would release the Ukrainian prisoners.", "AGREE", "035", "intended"),
        ("Nigeria said it will withdraw its troops from Chad unless Chad signs the treaty.", "THREATEN", "130",
         "intended"),  # a conditional plan is a threat
    ],
)
def test_intent_threat_refusal(pipeline: Pipeline, text: str, plover: str, cameo: str, modality: str) -> None:
    art = run(pipeline, text)
    assert (plover, cameo, modality) in {(x.plover, x.cameo, x.modality) for x in art.events}, codes(art)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("Syria said Israel attacked Lebanon.", "SYR"), ("Israel claimed that Hamas attacked Egypt.", "ISR")],
)
def test_reported_action_of_another_is_alleged(pipeline: Pipeline, text: str, speaker: str) -> None:
    e = one(run(pipeline, text), "ASSAULT")
    assert (e.modality, e.alleged_by) == ("alleged", speaker)


def test_backed_modifier(pipeline: Pipeline) -> None:
    art = run(pipeline, "Iran-backed Hezbollah attacked Israel.")
    sup = one(art, "SUPPORT")
    assert sup.source == ["IRN"] and sup.target and sup.rule.startswith("modifier:")
    assert one(art, "ASSAULT").target == ["ISR"]


@pytest.mark.parametrize("text", ["Russia was believed to have attacked Ukraine.", "Russia reportedly attacked Ukraine."])
def test_hedge(pipeline: Pipeline, text: str) -> None:
    e = one(run(pipeline, text), "ASSAULT")
    assert e.hedged is True and e.source == ["RUS"] and e.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "plover", "source", "target", "mode"),
    [
        ("Russia's airstrikes against Syria killed dozens.", "ASSAULT", ["RUS"], ["SYR"], "aerial"),
        ("Iran condemned the offensive by Turkey against Syria.", "ASSAULT", ["TUR"], ["SYR"], None),
        ("Israel held peace talks with Egypt.", "CONSULT", ["ISR", "EGY"], [], None),  # reciprocal
    ],
)
def test_noun_events(pipeline: Pipeline, text: str, plover: str, source: list[str], target: list[str],
                     mode: str | None) -> None:
    e = [x for x in run(pipeline, text).events if x.plover == plover][0]
    assert (e.source, e.target, e.mode) == (source, target, mode)


def test_reporting_outlet_is_not_an_event(pipeline: Pipeline) -> None:
    art = run(pipeline, "Russia attacked Ukraine, Newsweek reports.")
    assert [e.plover for e in art.events] == ["ASSAULT"]


def test_event_record(pipeline: Pipeline) -> None:
    art = run(pipeline, "Russia attacked Ukraine on Monday.")
    e = one(art, "ASSAULT")
    assert e.trigger is not None and e.trigger.text == "attacked"
    assert art.text[e.evidence.start:e.evidence.end] == e.evidence.text
    assert e.goldstein is not None and e.goldstein < -5 and e.quad_class == 4
    assert e.rule.startswith("verbs.yaml:")
    assert e.id == "e1" and e.sentence == 0


@pytest.mark.parametrize(
    "text",
    [
        "Russia released two critical reports on Monday.",  # release =actor: a report is not released prisoners
        "Google launched an advertising campaign in France.",  # campaign =target
        "Critics called the plan a failure.",  # "call" is a request only with for/on
    ],
)
def test_ambiguous_triggers_need_their_arguments(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).events == []


def test_coordinated_passive(pipeline: Pipeline) -> None:
    art = run(pipeline, "Russia was condemned and sanctioned by France.")
    assert {(e.plover, tuple(e.source), tuple(e.target)) for e in art.events} >= {
        ("ACCUSE", ("FRA",), ("RUS",)), ("SANCTION", ("FRA",), ("RUS",))}


def test_no_event_without_trigger_or_actors(pipeline: Pipeline) -> None:
    assert run(pipeline, "The weather was fine and everybody went home.").events == []
    art = run(pipeline, "They killed two Iraqi soldiers.")  # active voice, unknown agent: dropped, counted
    assert art.events == [] and art.stats["events_dropped_no_source"] == 1


def test_long_sentence_is_skipped_and_counted(pipeline: Pipeline) -> None:
    stage = EventStage(max_sentence_chars=20)
    art = run(pipeline, "Russia attacked Ukraine on Monday morning.", events=stage)
    assert art.events == []
    assert art.stats["events_skipped_long_sentences"] == 1


def test_user_patterns(pipeline: Pipeline, tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text('version: "1"\nverbs:\n  "0874": [outwit]\nnouns:\n  "141": [sit-in +against]\n')
    stage = EventStage(build_lexicon([str(f)]))
    e = one(run(pipeline, "Russia outwitted Ukraine.", events=stage), "RETREAT")
    assert e.cameo == "0874" and (e.source, e.target) == (["RUS"], ["UKR"]) and "mine.yaml" in e.rule
    assert "outwitted" in stage.triage_cues() and "sit-ins" in stage.triage_cues()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('verbs:\n  "999": [zap]\n', "unknown CAMEO code"),
        ("verbs:\n  '190': [zap *x]\n", "unknown pattern part"),
        ("nouns: [1, 2\n", "not valid YAML"),
        ("actions: {}\n", "unknown key"),
    ],
)
def test_bad_pattern_file(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content)
    with pytest.raises(DictionaryError, match=message):
        build_lexicon([str(f)])


def test_petrarch_verbs(tmp_path: Path) -> None:
    f = tmp_path / "verbs.txt"
    f.write_text(
        "&TIES\n+RELATIONS\n+TIES\n\n"
        "--- RESTORE  [064] ---\nRESTORE\n+REESTABLISH\n- * DIPLOMATIC &TIES [051]\n"
        "- WERE * TO  [0642]\n\n--- SNUB [---] ---\nSNUB\n- * HIS_HOST [111]\n"
    )
    pats = load_petrarch_verbs(str(f))
    got = {(p.lemma, p.cameo, p.context, p.pre_context) for p in pats}
    assert ("restore", "064", (), ()) in got and ("reestablish", "064", (), ()) in got
    assert ("restore", "051", ("diplomatic", "relations|ties"), ()) in got  # a synset: alternatives
    assert ("restore", "0642", ("to",), ("were",)) in got
    # "_" joins a phrase: one context element of consecutive words (older loaders split it in two)
    assert ("snub", "111", ("his host",), ()) in got or ("snub", "111", ("his", "host"), ()) in got
    assert not any(p.lemma == "snub" and not p.context for p in pats)  # [---]: no bare code


def test_petrarch_verb_entries(tmp_path: Path) -> None:
    """Verb lines of a group: "+" marks the verb of a phrase, {...} lists irregular forms, an own
    [code] overrides the group's; "[032:033]" gives the reverse direction's code; "+++" codes nothing."""
    f = tmp_path / "verbs.txt"
    f.write_text(
        "&MONEY\n+DOLLARS\n+SWISS_FRANCS\n&CASH\n+&MONEY\n+GOLD\n\n"
        "--- VISIT  [042:043] [---] ---\nVISIT\nCALL_ON [040]\n\n"
        "--- TAP  [171] ---\nWIRE_+TAP {WIRE_+TAPPED}\n- * PHONES [+++]\n\n"
        "--- GIVE [070] ---\nGIVE {GAVE}\n- * &CASH [071]\n"
    )
    got = {(p.lemma, p.cameo, p.reverse, p.context, p.pre_context) for p in load_petrarch_verbs(str(f))}
    assert ("visit", "042", "043", (), ()) in got
    assert ("call", "040", None, ("on",), ()) in got
    assert ("tap", "171", None, (), ("wire",)) in got and ("tapped", "171", None, (), ("wire",)) in got
    assert not any(c == "+++" for _v, c, *_r in got)
    assert ("gave", "071", None, ("dollars|swiss francs|gold",), ()) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia gave two million swiss francs to Ukraine.", ("RUS", "UKR", "071")),
        ("Russia gave two million euros to Ukraine.", ("RUS", "UKR", "070")),
        ("Russia gave two million francs to Ukraine.", ("RUS", "UKR", "070")),  # the whole phrase
    ],
)
def test_petrarch_synset_phrases(pipeline: Pipeline, tmp_path: Path, text: str,
                                 expected: tuple[str, str, str]) -> None:
    f = tmp_path / "verbs.txt"
    f.write_text("&CASH\n+DOLLARS\n+SWISS_FRANCS\n\n--- GIVE [070] ---\nGIVE {GAVE}\n- * &CASH [071]\n")
    stage = EventStage(build_lexicon(petrarch_verbs=[str(f)], builtin=False))
    art = run(pipeline, text, events=stage)
    assert [(e.source, e.target, e.cameo) for e in art.events] == [([expected[0]], [expected[1]], expected[2])]


def test_petrarch_reverse_code_and_phrase_target(pipeline: Pipeline, tmp_path: Path) -> None:
    """"[032:033]" codes both directions; the target is the first actor of the verb phrase."""
    f = tmp_path / "verbs.txt"
    f.write_text("--- ARRIVE  [032:033] ---\nARRIVE\n")
    stage = EventStage(build_lexicon(petrarch_verbs=[str(f)], builtin=False))
    art = run(pipeline, "A Russian delegation arrived in Iran for talks with Iranian officials.", events=stage)
    got = sorted((e.source, e.target, e.cameo) for e in art.events)
    assert got == [(["IRN.GOV"], ["RUS.GOV"], "033"), (["RUS.GOV"], ["IRN.GOV"], "032")]


def test_petrarch_malformed(tmp_path: Path) -> None:
    f = tmp_path / "verbs.txt"
    f.write_text("- * TIES [051]\n")
    with pytest.raises(DictionaryError, match="outside a verb group"):
        load_petrarch_verbs(str(f))


def test_petrarch_patterns_code(pipeline: Pipeline, tmp_path: Path) -> None:
    f = tmp_path / "verbs.txt"
    f.write_text("--- RESTORE  [064] ---\nRESTORE\n- * DIPLOMATIC TIES [051]\n")
    stage = EventStage(build_lexicon(petrarch_verbs=[str(f)], builtin=False))
    e = one(run(pipeline, "Russia restored diplomatic ties with Iran.", events=stage), "SUPPORT")
    assert e.cameo == "051" and e.source == ["RUS"]


def test_cameo_table() -> None:
    table = cameo_table()
    assert plover_of("195") == "ASSAULT" and cameo_info("195").mode == "aerial"  # type: ignore[union-attr]
    assert plover_of("0874") == "RETREAT" and plover_of("083") == "CONCEDE"
    assert plover_of("163") == "SANCTION"  # the manual's SANCTION `discontinue', not the table's COERCE
    assert plover_of("02") == "REQUEST" and plover_of("999") is None
    assert all(-10 <= r.goldstein <= 10 for r in table.values())


def test_every_shipped_pattern_codes_a_plover_type() -> None:
    lex = build_lexicon()
    for pats in lex.verbs.values():
        for p in pats:
            assert plover_of(p.cameo), p.rule
    for npats in lex.nouns.values():
        for n in npats:
            assert plover_of(n.cameo), n.rule


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [("attack", {"attacks", "attacked", "attacking"}), ("seize", {"seizes", "seized", "seizing"}),
     ("ally", {"allies", "allied"}), ("fight", {"fought"}), ("ban", {"banned", "banning"})],
)
def test_verb_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= verb_forms(lemma)


def test_parse_pattern() -> None:
    p = parse_verb_pattern("keep >troop|force +in @troops", "154", "t")
    assert (p.lemma, p.objects, p.preps, p.mode) == ("keep", frozenset({"troop", "force"}), ("in",), "troops")


def test_triage_cues(pipeline: Pipeline) -> None:
    cues = pipeline.stage("events").triage_cues()  # type: ignore[attr-defined]
    assert {"attacked", "airstrikes", "accused", "talks", "deployed"} <= cues
    assert "the" not in cues and all(c == c.lower() for c in cues)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine received money from Russia.", (["RUS"], ["UKR"], "071")),  # "+ * MONEY FROM $": roles swap
        ("The Ukrainian government received help from the Russian government.",
         (["UKR.GOV"], ["RUS.GOV"], "030")),  # the bare verb: subject is the source
    ],
)
def test_petrarch_role_markers(pipeline: Pipeline, tmp_path: Path, text: str,
                               expected: tuple[list[str], list[str], str]) -> None:
    f = tmp_path / "verbs.txt"
    f.write_text("--- RECEIVE  [030] ---\nRECEIVE\n- + * MONEY FROM $ [071]\n")
    stage = EventStage(build_lexicon(petrarch_verbs=[str(f)], builtin=False))
    art = run(pipeline, text, events=stage)
    assert [(e.source, e.target, e.cameo) for e in art.events] == [expected]


@pytest.mark.parametrize(
    ("text", "n_events"),
    [
        ("Russia attacked Ukraine after the baseball game.", 0),  # a discarded topic in the sentence
        ("Russia attacked Ukraine after the World Cup.", 0),  # "+World_Cup": a multi-word discard
        ("Russia attacked Ukraine after the talks.", 1),
    ],
)
def test_petrarch_discards(pipeline: Pipeline, tmp_path: Path, text: str, n_events: int) -> None:
    verbs, discards = tmp_path / "verbs.txt", tmp_path / "discards.txt"
    verbs.write_text("--- ATTACK  [190] ---\nATTACK\n")
    discards.write_text("BASEBALL  # sports\n+WORLD_CUP\n")
    stage = EventStage(build_lexicon(petrarch_verbs=[str(verbs)], builtin=False, petrarch_discards=[str(discards)]))
    assert len(run(pipeline, text, events=stage).events) == n_events


@pytest.mark.parametrize(
    ("text", "plover", "source", "target"),
    [
        ("The French president arrived in Berlin for talks.", "CONSULT", ["FRA.GOV"], ["DEU"]),  # Place.country
        ("Chancellor Merkel visited Moscow on Monday.", "CONSULT", ["PER.angela_merkel"], ["RUS"]),  # country actor
        ("Japan sent aid to Haiti.", "AID", ["JPN"], ["HTI"]),
        ("Turkey deployed troops in Iraq and Syria.", "MOBILIZE", ["TUR.MIL"], ["IRQ", "SYR"]),  # coordination
        ("Russian troops withdrew from Georgia.", "RETREAT", ["RUS.MIL"], ["GEO"]),
        ("Britain lifted the curfew in Basra.", "CONCEDE", ["GBR"], ["IRQ"]),  # the clause's place
        ("Thousands of Egyptian students protested in Cairo on Friday.", "PROTEST", ["EGY.EDU"], ["EGY"]),
        ("Thousands of Egyptian students protested on Friday.", "PROTEST", ["EGY.EDU"], ["EGY"]),  # domestic
        ("On Monday, Israeli jets struck in southern Lebanon.", "ASSAULT", ["ISR.MIL"], ["LBN"]),
    ],
)
def test_place_country_is_the_target(pipeline: Pipeline, text: str, plover: str, source: list[str],
                                     target: list[str]) -> None:
    art = run(pipeline, text)
    ev = next(e for e in art.events if e.plover == plover)
    assert (ev.source, ev.target) == (source, target)
    assert all(art.actor(t) is not None for t in ev.target)  # no dangling ids: a state actor is added


@pytest.mark.parametrize(
    "text",
    [
        "The French president met Merkel in Berlin.",  # CONSULT other than a visit: the place is no target
        "Google launched an advertising campaign in France.",  # =target noun: a place does not satisfy it
    ],
)
def test_place_is_no_target_outside_the_rule(pipeline: Pipeline, text: str) -> None:
    art = run(pipeline, text)
    assert all("DEU" not in e.target and "FRA" not in e.target for e in art.events)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Russia ruled out talks with Ukraine.", "REJECT"),
        ("Iran opened fire on Iraqi border guards.", "ASSAULT"),
        ("Egypt reopened the border crossing with Gaza.", "CONCEDE"),
        ("The Ukrainian army called up reservists.", "MOBILIZE"),
        ("France expelled two Russian diplomats.", "SANCTION"),
        ("China expressed support for Pakistan.", "SUPPORT"),
        ("Germany lashed out at Turkey.", "ACCUSE"),
        ("India issued an ultimatum to Pakistan.", "THREATEN"),
    ],
)
def test_widened_lexicon(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in {e.plover for e in run(pipeline, text).events}


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("China protested to Japan.", "114"),  # the pattern whose preposition is present wins
        ("Egyptian students protested against the government.", "141"),
        ("Egyptian students protested in Cairo.", "141"),  # no pattern preposition present: the bare lemma
    ],
)
def test_present_preposition_picks_the_pattern(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert [e.cameo for e in run(pipeline, text).events][:1] == [cameo]


@pytest.mark.parametrize(
    "text", ["Iran threatened to withdraw from the nuclear treaty.", "Iran warned it would pull out of the talks."]
)
def test_threatened_action_is_a_threat(pipeline: Pipeline, text: str) -> None:
    art = run(pipeline, text)
    assert {e.plover for e in art.events} == {"THREATEN"}


def test_threat_targets_the_party_of_its_condition(pipeline: Pipeline) -> None:
    art = run(pipeline, "Iran threatened retaliation if the United States imposed sanctions.")
    assert [(e.source, e.target) for e in art.events if e.plover == "THREATEN"] == [(["IRN"], ["USA"])]


def _countries(art: Article, refs: list[str]) -> list[str | None]:
    from newsgraph.stages.events.args import country_of

    return sorted({country_of(art, r) for r in refs}, key=str)


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo", "source", "target"),
    [
        # recipients and owners: "to X" after an owned object; a dative "to"
        ("Syria offered its troops to the president of Lebanon.", "offered", "AGREE", "030", ["SYR"], ["LBN"]),
        ("The United States has been providing satellite images to Ukraine.", "providing", "AID", "070", ["USA"], ["UKR"]),
        ("Belgium is prepared to contribute soldiers to a peacekeeping mission in Mali.", "contribute", "AGREE",
         "033", ["BEL"], ["MLI"]),
        # a cooperative act aimed at the source's own state has no target
        ("The Serbian president promised to democratize Serbia.", "promised", "AGREE", "030", ["SRB"], []),
        ("Kenyan rebels surrendered in Nairobi.", "surrendered", "RETREAT", "087", ["KEN"], []),
        # conditions: "if" with a cooperative plan is an offer, a reported hostile one a threat
        ("Norway said it will meet Sweden if Sweden apologizes.", "meet", "AGREE", "036", ["NOR"], ["SWE"]),
        ("Germany may halt aid to Serbia if the fighting continues, a German minister said.", "halt",
         "THREATEN", "131", ["DEU"], ["SRB"]),
        ("Germany may halt aid to Serbia if the fighting continues.", "halt", "SANCTION", "162", ["DEU"], ["SRB"]),
        ("China threatened to cancel the trade deal if Japan sends warships.", "threatened", "THREATEN", "130",
         ["CHN"], ["JPN"]),
        ("Hezbollah threatened to launch attacks in Israel.", "threatened", "THREATEN", "130", ["LBN"], ["ISR"]),
        # sources: purpose clause, issuer of a statement, pronoun in a report, stance participles
        ("The United Nations sent investigators to Bosnia to investigate the killings.", "investigate", "ACCUSE",
         "090", [None], []),
        ("Iran issued a statement demanding that Iraq release the prisoners.", "demanding", "REQUEST", "100",
         ["IRN"], ["IRQ"]),
        ("Armenia said its troops had completed the pullout from Azerbaijan.", "completed", "RETREAT", "087",
         ["ARM"], ["AZE"]),
        ("Kenya is committed to opening its markets.", "committed", "AGREE", "030", ["KEN"], []),
        ("An attempt to assassinate the Iraqi president was thwarted.", "assassinate", "ASSAULT", "186", [],
         ["IRQ"]),
        ("A Belgian banker was put under investigation in Spain.", "put", "ACCUSE", "090", [], ["BEL"]),
        # targets: what is demanded of whom, what a complaint is about, "in protest against"
        ("The EU demanded the withdrawal of Russian forces from Georgia.", "demanded", "REQUEST", "025", [None],
         ["RUS"]),
        ("Jordan complained to the Arab League about Syrian shelling.", "complained", "ACCUSE", "114", ["JOR"],
         ["SYR"]),
        ("Moroccan nurses began a hunger strike to protest against the policies of the Moroccan government.",
         "hunger strike", "PROTEST", "142", ["MAR"], ["MAR"]),
        ("Some 5,000 Syrians sought refuge in Turkey.", "sought", "REQUEST", "023", ["SYR"], ["TUR"]),
        ("The WFP urged Sudan to open its borders.", "urged", "REQUEST", "020", [None], ["SDN"]),  # WFP: no country; urging is an appeal (020)
        ("Britain mobilized reservists for a war against Iraq.", "mobilized", "MOBILIZE", "154", ["GBR"], ["IRQ"]),
        ("Serbia launched an investigation into crimes committed by Croatian forces.", "launched", "ACCUSE", "090",
         ["SRB"], ["HRV"]),
        ("APEC agreed to build a research centre in Tokyo.", "agreed", "AGREE", "031", [None], ["JPN"]),
        ("Israel will evacuate all settlements in southern Lebanon.", "evacuate", "AGREE", "035", ["ISR"], ["LBN"]),
        ("The Red Cross suspended aid in Mosul.", "suspended", "SANCTION", "162", [None], ["IRQ"]),
        ("Albanian rebels have sworn to fight the Macedonian army.", "fight", "THREATEN", "138", ["ALB"], ["MKD"]),
        ("Libyan protesters blocked a highway to show their opposition to French policies.", "blocked",
         "PROTEST", "144", ["LBY"], ["FRA"]),  # purpose clause target
        ("Iraqi demonstrators blocked a road.", "blocked", "PROTEST", "144", ["IRQ"], ["IRQ"]),  # domestic rule
        # noun events: "for talks" after a verb of going; an intended noun event
        ("American and Chinese negotiators returned to Geneva for talks.", "talks", "CONSULT", "046",
         ["CHN", "USA"], []),
        ("Qatar said it was willing to host a meeting between Egypt and Ethiopia.", "meeting", "AGREE", "036",
         ["QAT"], ["EGY", "ETH"]),
        # lexicon and codes
        ("Indian and Japanese warships held war games in the Pacific.", "war games", "COOPERATE", "062",
         ["IND", "JPN"], []),
        ("Afghan guerillas blew up a bridge.", "blew", "COERCE", "1712", ["AFG"], ["AFG"]),
        ("Chile accepted the proposal.", "accepted", "AGREE", "030", ["CHL"], []),
        ("The Kenyan opposition recognized the election results.", "recognized", "CONCEDE", "080", ["KEN"], []),
        ("Chile and Peru agreed to a ceasefire.", "agreed", "AGREE", "030", ["CHL", "PER"], []),
        ("Iranian police prevented the march.", "prevented", "COERCE", "172", ["IRN"], ["IRN"]),
        ("Egypt decided to allow the convoy to cross.", "allow", "CONCEDE", "080", ["EGY"], []),
        # shared recipient of coordinated verbs; a "to" the parser left without object; stance passive
        ("Swiss charities donated and delivered medicine to Kenyan hospitals.", "donated", "AID", "071", ["CHE"],
         ["KEN"]),
        ("Ecuador has granted political asylum to three Colombian army officers.", "granted",
         "AID", "075", ["ECU"], ["COL"]),
        ("Armenian forces were engaged in heavy fighting against Azerbaijani troops.", "engaged", "ASSAULT", "190",
         ["ARM"], ["AZE"]),
        # a that-clause about the sources themselves gives the agreement no target
        ("Thai and Malaysian officials agreed that their governments should work together to help Burmese "
         "refugees go home.", "agreed", "AGREE", "031", ["MYS", "THA"], []),
    ],
)
def test_arguments_and_codes_round2(everything: Pipeline, text: str, trigger: str, plover: str, cameo: str,
                                    source: list[str | None], target: list[str]) -> None:
    art = run(everything, text)
    evs = [e for e in art.events if e.trigger is not None and e.trigger.text == trigger and e.plover == plover]
    assert len(evs) == 1, codes(art)
    ev = evs[0]
    assert ev.cameo == cameo
    assert _countries(art, ev.source) == sorted(source, key=str)
    assert _countries(art, ev.target) == sorted(target, key=str)


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "source", "target"),
    [
        # reciprocal events (PLOVER manual): every party is an actor, no recipient
        ("The French president telephoned the Russian president.", "telephoned", "CONSULT", ["FRA", "RUS"], []),
        ("Indian troops clashed with Pakistani forces.", "clashed", "ASSAULT", ["IND", "PAK"], []),
        # a visit keeps visitor -> host
        ("The French president visited Germany.", "visited", "CONSULT", ["FRA"], ["DEU"]),
        # the theme is no recipient; the place of the recipient gives the target
        ("Belgium is prepared to contribute soldiers to a peace-keeping mission in Mali.", "contribute", "AGREE",
         ["BEL"], ["MLI"]),
        # a generic group located by a place in its own phrase
        ("The United Nations will provide food aid to families fleeing the fighting in Yemen.", "provide",
         "AGREE", [None], ["YEM"]),
        # demonyms protesting at home: the domestic rule
        ("Thousands of Kenyans protested in Nairobi.", "protested", "PROTEST", ["KEN"], ["KEN"]),
        # a demand noun whose that-clause the parser attached to the verb
        ("Egypt renewed its demand on Tuesday that Israel lift the blockade.", "demand", "REQUEST", ["EGY"], ["ISR"]),
        # an object that is no actor stands for the people it is for
        ("Gunmen attacked a camp for Sudanese refugees.", "attacked", "ASSAULT", [None], ["SDN"]),
        # a reduced passive relative: the agent acts on the noun
        ("Rebels armed by Iran attacked Saudi Arabia.", "armed", "AID", ["IRN"], [None]),
        # a region whose country the places data names
        ("Israel withdrew from the Gaza Strip.", "withdrew", "RETREAT", ["ISR"], ["PSE"]),
        # the source's own phrase ("his commitment") gives way to the actor further in the phrase
        ("The Italian premier reneged on his pledge to Austria.", "reneged", "REJECT", ["ITA"], ["AUT"]),
        # a refused deployment: the troops moved are no target, the place is
        ("Pakistan has refused to deploy troops in Iraq.", "refused", "REJECT", ["PAK"], ["IRQ"]),
    ],
)
def test_roles_round3(pipeline: Pipeline, text: str, trigger: str, plover: str, source: list[str | None],
                      target: list[str | None]) -> None:
    art = run(pipeline, text)
    evs = [e for e in art.events if e.trigger is not None and e.trigger.text == trigger and e.plover == plover]
    assert len(evs) == 1, codes(art)
    assert _countries(art, evs[0].source) == sorted(source, key=str)
    assert _countries(art, evs[0].target) == sorted(target, key=str)


@pytest.mark.parametrize("text", ["Gunmen armed with rifles attacked the convoy.",
                                  "Soldiers equipped with rifles attacked the convoy."])
def test_descriptive_participle_is_no_event(pipeline: Pipeline, text: str) -> None:
    art = run(pipeline, text)
    assert not [e for e in art.events if e.trigger is not None and e.trigger.text in {"armed", "equipped"}]


def test_place_of_a_when_clause(pipeline: Pipeline) -> None:
    art = run(pipeline, "Three gunmen killed nine people when they stormed a market in Kabul.")
    [e] = [e for e in art.events if e.trigger is not None and e.trigger.text == "killed"]
    assert [p.country for p in art.places if p.id == e.place] == ["AFG"]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "target"),
    [
        # the speaker of a trailing report the parser read as a second object is no target
        ("Greek coast guards beat Afghan migrants at sea, a refugee charity alleged "
         "on Friday.", "beat", "ASSAULT", ["AFG"]),
        ("Egyptian prison guards abused Sudanese detainees in custody, a rights group alleged "
         "on Saturday.", "abused", "ASSAULT", ["SDN"]),
        # a pronoun mention of the source state does not make it a group acting at home
        ("Austria intends to impose restrictions on its housing market.", "impose", "THREATEN", []),
    ],
)
def test_spurious_targets(pipeline: Pipeline, text: str, trigger: str, plover: str, target: list[str]) -> None:
    art = run(pipeline, text)
    [e] = [e for e in art.events if e.trigger is not None and e.trigger.text == trigger and e.plover == plover]
    assert _countries(art, e.target) == target


def test_compound_modifier_of_an_actor_is_no_event(pipeline: Pipeline) -> None:
    art = run(pipeline, "Spanish border patrol officers detained Moroccan migrants.")
    assert not [e for e in art.events if e.trigger is not None and e.trigger.text == "patrol"]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # regression: "used tear gas" was coded 204 (weapons of mass destruction)
        ("Police used tear gas against protesters in Nairobi on Monday.", "175"),
        ("Syrian government forces used chemical weapons against civilians in Douma.", "204"),
    ],
)
def test_riot_control_is_not_mass_destruction(pipeline: Pipeline, text: str, cameo: str) -> None:
    assert [e.cameo for e in run(pipeline, text).events] == [cameo]


def test_backer_of_an_offensive_is_not_its_fighter(everything: Pipeline) -> None:
    """Regression (issue 14, roles inverted): "X-backed campaign" made X the fighter."""
    art = run(everything, "Kenya sent troops to Somalia. The Kenya-backed offensive against the militants began in May.")
    offensive = [e for e in art.events if e.trigger is not None and e.trigger.text == "offensive"]
    assert offensive and all("KEN" not in e.source for e in offensive)


@pytest.mark.parametrize(
    ("text", "plover", "cameo"),
    [
        # PLOVER manual: a court sentence with imprisonment is COERCE 'arrest'
        ("A court in Lima sentenced the union leader to six years in prison on Monday.", "COERCE", "173"),
        # a conviction alone is CAMEO 116, PLOVER SANCTION mode convict (the manual, not the crosswalk's ACCUSE)
        ("A court in Lima convicted the union leader of fraud on Monday.", "SANCTION", "116"),
    ],
)
def test_court_sentences(everything: Pipeline, text: str, plover: str, cameo: str) -> None:
    assert one(run(everything, text), plover).cameo == cameo


def test_shipped_lexicon_version_is_the_verb_file_s() -> None:
    assert build_lexicon().version == "1.24"
