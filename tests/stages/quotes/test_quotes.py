"""Quotes stage: direct, partial and indirect quotes, speakers, cues, media, outlet citations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Article, Quote
from newsgraph.pipeline import Pipeline
from newsgraph.stages.quotes import QuoteStage
from newsgraph.stages.quotes.marks import find_quoted

ROOT = Path(__file__).resolve().parents[3]


def run(pipeline: Pipeline, text: str, **meta: Any) -> Article:
    """All stages by hand (segments stay available)."""
    art = Article(text=text, raw_text=text, **meta)
    for stage in pipeline.stages:
        stage(art)
    return art


def marked(art: Article) -> list[Quote]:
    return [q for q in art.quotes if q.kind != "indirect"]


def triples(quotes: list[Quote]) -> list[tuple[str | None, str | None, str]]:
    """(speaker span, cue, content) of each quote."""
    return [(q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in quotes]


@pytest.mark.parametrize(
    ("text", "kind", "speaker", "cue", "content", "via"),
    [
        ('Okafor said, "I miss the old harbour!"', "direct", "Okafor", "said", '"I miss the old harbour!"', None),
        ('"We will not back down," Prime Minister Boris Johnson told reporters on Tuesday.', "direct",
         "Boris Johnson", "told", '"We will not back down,"', None),
        ("“There is no military solution,” Guterres told a news conference in Vienna.", "direct",
         "Guterres", "told", "“There is no military solution,”", "news conference"),
        ('"It\'s over," she wrote on Facebook.', "direct", "she", "wrote", '"It\'s over,"', "Facebook"),
        ('Trump tweeted: "The deal is dead!"', "direct", "Trump", "tweeted", '"The deal is dead!"', None),
        ("Officials called the attack “an act of terrorism”.", "partial", "Officials", "called",
         "“an act of terrorism”", None),
        ('"We have no plans to withdraw," a senior official told The Washington Post.', "direct",
         "senior official", "told", '"We have no plans to withdraw,"', "Washington Post"),
        ("«Nos vamos mañana», afirmó Muñoz.", "direct", "Muñoz", "afirmó", "«Nos vamos mañana»",
         None),
        ('The ministry issued a statement saying: "We reject these claims."', "direct", "ministry", "saying",
         '"We reject these claims."', None),
        ('"The election was stolen," Trump wrote on Truth Social.', "direct", "Trump", "wrote",
         '"The election was stolen,"', "Truth Social"),
        ('"We condemn this attack," according to a statement from the ministry.', "direct", "ministry",
         "according to", '"We condemn this attack,"', None),
        ('"Why now?" asked the senator.', "direct", "senator", "asked", '"Why now?"', None),
        ('"We will respond," said the foreign ministry spokesman, Nasser Kanaani, on Monday.', "direct",
         "Nasser Kanaani", "said", '"We will respond,"', None),
        ('"The sanctions are illegal," Lavrov, who met Wang Yi in Beijing, told reporters.', "direct", "Lavrov",
         "told", '"The sanctions are illegal,"', None),
    ],
)
def test_direct_and_partial(
    pipeline: Pipeline, text: str, kind: str, speaker: str, cue: str, content: str, via: str | None
) -> None:
    art = run(pipeline, text)
    qs = marked(art)
    assert len(qs) == 1, [q.text for q in qs]
    q = qs[0]
    assert (q.kind, q.cue, q.evidence.text, q.via) == (kind, cue, content, via)
    assert q.speaker_span is not None and q.speaker_span.text == speaker
    assert q.id == f"q{art.quotes.index(q) + 1}"


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ('"I miss the old harbour!" insists Okafor. "Truly, I miss it every day."', ["Okafor", "Okafor"]),
        ('"Count the votes twice," the clerk said. "Every ballot matters."', ["clerk", "clerk"]),
        ('"This is a disaster," said John Smith, a senator. "We must act now," he added.', ["John Smith", "he"]),
        ('"The first part of a long statement.\n\n"The second part of it," she said.', ["she", "she"]),
    ],
)
def test_multi_sentence_and_continued(pipeline: Pipeline, text: str, speakers: list[str]) -> None:
    qs = marked(run(pipeline, text))
    assert [q.speaker_span.text if q.speaker_span else None for q in qs] == speakers
    assert all(q.kind == "direct" for q in qs)


def test_pronoun_resolves_to_named_person(pipeline: Pipeline) -> None:
    art = run(pipeline, 'John Smith spoke in Ohio. "We must act now," he said.')
    assert art.quotes[0].provenance[-1] == "John Smith"


def test_role_noun_resolves_to_titled_person(pipeline: Pipeline) -> None:
    art = run(pipeline, 'Police spokesperson Jane Doe met the press. "We are ready," the spokesperson said.')
    assert art.quotes[0].provenance == ["Jane Doe"]


@pytest.mark.parametrize(
    "text",
    [
        'Okafor claims that her favourite film is "The Long Night Train".',
        'Okafor thinks that the new stadium is "a beauty".',
        'The so-called "peace plan" collapsed after the vote.',
        '"Peace talks" continue in Geneva this week.',
        'The group, known as "the Wagner group", has denied involvement.',
        'The minister, asked about the "red lines", said nothing.',
        "The “experts” arrived late to the summit.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(pipeline: Pipeline, text: str) -> None:
    assert marked(run(pipeline, text)) == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The minister said the talks had failed.", "minister", "said", "the talks had failed"),
        ("Smith told CNN in an interview that the deal was dead.", "Smith", "told", "the deal was dead"),
        ("According to Pahon, the withdrawal would be slow.", "Pahon", "according to",
         "the withdrawal would be slow"),
        ("The army shelled the town, officials said, citing witnesses.", "officials", "said",
         "The army shelled the town"),
        ("The Kremlin denied that Russian troops were involved.", "Kremlin", "denied",
         "Russian troops were involved"),
    ],
)
def test_indirect(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    art = run(pipeline, text)
    ind = [q for q in art.quotes if q.kind == "indirect"]
    assert len(ind) == 1
    q = ind[0]
    assert (q.cue, q.text) == (cue, content)
    assert q.speaker_span is not None and q.speaker_span.text == speaker
    assert art.attributions == []


def test_indirect_with_partial_inside(pipeline: Pipeline) -> None:
    art = run(pipeline, 'In a statement, the ministry said it "categorically rejects" the allegations.')
    kinds = sorted((q.kind, q.text) for q in art.quotes)
    assert kinds == [("indirect", 'it "categorically rejects" the allegations'),
                     ("partial", "categorically rejects")]
    assert {q.speaker_span.text for q in art.quotes if q.speaker_span} == {"ministry"}


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("According to Reuters, the army shelled the town.", "Reuters", "according to"),
        ("The army shelled the town, AFP reported, citing local sources.", "AFP", "reported"),
        ("State media said the president had resigned.", "State media", "said"),
        ("The rebels took the city last week, Newsweek writes.", "Newsweek", "writes"),
        ("The talks collapsed on Friday, as reported by the BBC.", "BBC", "reported"),
    ],
)
def test_outlet_attributions(pipeline: Pipeline, text: str, source: str, cue: str) -> None:
    art = run(pipeline, text)
    assert [(a.source, a.cue) for a in art.attributions] == [(source, cue)]
    at = art.attributions[0]
    assert (at.scope.start, at.scope.end) == (0, len(text))
    assert [q for q in art.quotes if q.kind == "indirect"] == []


def test_paragraph_scope_when_text_says_so(pipeline: Pipeline) -> None:
    text = "Reuters reported the following:\nThe army shelled the town. Two people died.\n\nA new paragraph."
    art = run(pipeline, text)
    assert len(art.attributions) == 1
    scope = art.attributions[0].scope
    assert text[scope.start:scope.end].endswith("Two people died.")


def test_unbalanced_quote_stops_at_paragraph(pipeline: Pipeline) -> None:
    text = ('He said "this will never end.\n\nThe next paragraph is plain text about the weather.\n\n'
            '"We are fine," she said.')
    art = run(pipeline, text)
    qs = marked(art)
    assert [q.evidence.text for q in qs] == ['"this will never end.', '"We are fine,"']
    assert qs[0].flags == ["unbalanced"] and qs[1].flags == []


def test_length_cap(pipeline: Pipeline) -> None:
    text = 'He said "' + "and the war goes on " * 10 + '" then left.'
    art = run(pipeline, text)
    capped = QuoteStage(max_quote_chars=60)(art)
    q = marked(capped)[0]
    assert "capped" in q.flags and len(q.evidence.text) <= 60
    assert q.evidence.text == text[q.evidence.start:q.evidence.end]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('a "b c" d "e f" g', ['"b c"', '"e f"']),
        ("a “b c” and “d”", ["“b c”", "“d”"]),
        ("the U.S.’s role and Shi’ite militias", []),
        ('stray close" then "open and never closed', ['"open and never closed']),
        ("“one\n\ntwo”", ["“one"]),
        ("‘We will win,’ he said of the U.S.’s role.", ["‘We will win,’"]),
        ("He said “it’s ‘fine’ now”.", ["“it’s ‘fine’ now”"]),
    ],
)
def test_find_quoted(text: str, spans: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_quoted(text)] == spans


def test_triage_cues() -> None:
    cues = QuoteStage().triage_cues()
    assert {"said", "told", "according", "writes", "reports", "accused", "insists"} <= cues
    assert all(c == c.lower() for c in cues)
    assert {"thinks", "wants", "planned", "praised"} <= cues  # beliefs, intentions, stances are parsed too


def test_offsets_hold(pipeline: Pipeline, example_text: str) -> None:
    art = run(pipeline, example_text)
    for q in art.quotes:
        for sp in (q.evidence, q.speaker_span):
            if sp is not None:
                assert art.text[sp.start:sp.end] == sp.text
    for at in art.attributions:
        assert at.evidence is not None and art.text[at.evidence.start:at.evidence.end] == at.evidence.text
    ids = {a.id for a in art.actors}
    assert {q.speaker for q in art.quotes if q.speaker} <= ids
    assert {at.actor for at in art.attributions if at.actor} <= ids


# -- the example ----------------------------------------------------------------------------------
def test_example_direct_quote(example_article: Article) -> None:
    direct = [q for q in example_article.quotes if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("We are going to maintain") and q.text.endswith("plot external attacks,")
    assert (q.cue, q.via) == ("told", "AFP")
    assert q.speaker_span is not None and q.speaker_span.text.endswith("Eric Pahon")
    assert q.provenance == ["Newsweek", "AFP", "Eric Pahon"]


def test_example_indirect_and_partial(example_article: Article) -> None:
    qs = example_article.quotes
    pentagon = [q for q in qs if q.kind == "indirect" and q.cue == "claims"]
    assert len(pentagon) == 1 and pentagon[0].text.startswith("its current presence was necessary")
    assert pentagon[0].speaker_span is not None and pentagon[0].speaker_span.text.endswith("Pentagon")
    pahon = [q for q in qs if q.cue == "according to"]
    assert sorted(q.kind for q in pahon) == ["indirect", "partial"]
    assert [q.text for q in pahon if q.kind == "partial"] == ["conditions-based"]
    assert all(q.provenance[-1] == "Eric Pahon" for q in pahon)
    russia = [q for q in qs if q.cue == "accused" and q.kind == "partial"]
    assert [(q.kind, q.text) for q in russia] == [("partial", "terrorism"), ("partial", "extremist groups")]
    assert all(q.speaker_span is not None and q.speaker_span.text == "Russia" for q in russia)
    # the charge back, with no quote marks, is an indirect quote of the U.S.
    us = [q for q in qs if q.cue == "accused" and q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in us] == [
        ("U.S.", "Russia of killing large numbers of civilians in its bombing campaign")]


def test_example_attributions(example_article: Article) -> None:
    ats = example_article.attributions
    assert [(a.source, a.cue) for a in ats] == [
        ("Newsweek", "reports"), ("Newsweek", "writes"), ("Newsweek", "adds"), ("Newsweek", "notes")]
    text = example_article.text
    for at in ats:
        scoped = text[at.scope.start:at.scope.end]
        assert scoped.endswith(f"Newsweek {at.cue}.") and "\n" not in scoped


# -- benchmark floor gate ---------------------------------------------------------------------------
def _bench() -> Any:
    from benchmarks import quotes

    return quotes


def test_benchmark_floor(pipeline: Pipeline, gold_dir: Path) -> None:
    res = _bench().run(with_textacy=False, pipeline=pipeline)["newsgraph"]
    assert res["gold cases right"] >= 0.93
    assert res["gold content"] >= 0.95 and res["gold speaker"] >= 0.9
    assert res["example cases right"] == 1.0
    assert res["example expected.md items"] == 1.0


# -- bad input ------------------------------------------------------------------------------------

_PIECES = st.sampled_from(['"', "“", "”", "«", "»", "‘", "’", "'", " ", "\n", "\n\n", "said", "a", "B", ".", ","])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.integers(min_value=5, max_value=40))
def test_find_quoted_never_crosses_paragraphs_or_cap(text: str, cap: int) -> None:
    for m in find_quoted(text, max_chars=cap):
        assert 0 <= m.start < m.inner_start <= m.inner_end <= m.end <= len(text)
        assert "\n\n" not in text[m.start:m.end]
        assert m.end - m.start <= cap
        if m.closed:
            # a closing mark, or the two apostrophes that stand for one in archive text
            assert (text[m.end - 1] in '"”»“’' or text[m.end - 2:m.end] == "''") and "capped" not in m.flags
        else:
            assert text[m.end - 1] not in " \n"


def test_messy_article_does_not_swallow_text(pipeline: Pipeline) -> None:
    text = (
        '“This will never end, the minister said.\n\n'
        'Troops moved north on Monday. "Officials said nothing.\n\n'
        '"We will win," he said. ”Stray close” and ““double open” text.'
    )
    art = run(pipeline, text)
    for q in art.quotes:
        assert art.text[q.evidence.start:q.evidence.end] == q.evidence.text
        assert "\n\n" not in q.evidence.text
    won = [q for q in art.quotes if q.text == "We will win,"]
    assert len(won) == 1 and won[0].flags == [] and won[0].cue == "said"


def test_so_called_is_a_scare_quote(pipeline: Pipeline) -> None:
    art = run(pipeline, 'Analysts say the so-called "spring offensive" may be delayed.')
    assert [q.kind for q in art.quotes] == ["indirect"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The plan was described as "reckless" by the opposition.', "opposition"),
        ("The official, who said the war was over, resigned.", "official"),
    ],
)
def test_passive_and_relative_speakers(pipeline: Pipeline, text: str, speaker: str) -> None:
    art = run(pipeline, text)
    assert [q.speaker_span.text if q.speaker_span else None for q in art.quotes] == [speaker]


@pytest.mark.parametrize("text", ["The king is said to be ill.", "He was told that the war was over."])
def test_passive_speech_has_no_speaker(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


# -- beliefs, intentions and the kind of source ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Senator Jane Roe believes that the budget will pass.", "Jane Roe", "believes", "the budget will pass"),
        ("The mayor wants to close the old bridge next year.", "mayor", "wants", "to close the old bridge next year"),
        ("The governor urged lawmakers to approve the plan.", "governor", "urged", "lawmakers to approve the plan"),
        ("A new survey found that most farmers oppose the tariff.", "new survey", "found",
         "most farmers oppose the tariff"),
        ("Local unions called for a general strike.", "Local unions", "called", "a general strike"),
    ],
)
def test_beliefs_and_intentions_are_indirect(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                             content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", ["The bill is expected to pass next week.", "It seems that the rain will stop."])
def test_belief_without_a_holder_is_no_quote(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Okafor's claim that the ferry was overbooked angered the crew.", "Okafor", "claim",
         "the ferry was overbooked"),
        ("The mayor made the argument that the pier was unsafe.", "mayor", "argument",
         "the pier was unsafe"),
        ("His plan to close the mill was approved.", "His", "plan", "to close the mill"),
        ("The council issued a warning that the bridge was closed.", "council", "warning",
         "the bridge was closed"),
    ],
)
def test_report_nouns_are_indirect(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", [
    "The mayor rejected the suggestion that the budget was late.",  # the mayor does not suggest it
    "The claim that the ferry sank spread fast.",  # no holder
    "Her plan for the mill won support.",  # no complement clause
])
def test_report_noun_without_holder_or_clause_is_no_quote(pipeline: Pipeline, text: str) -> None:
    assert [q for q in run(pipeline, text).quotes if q.cue in ("suggestion", "claim", "plan")] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Maria Lopez said the vote was fair.", "person"),
        ("The ministry said the border was closed.", "organization"),
        ("A senior official said the talks had stalled.", "anonymous"),
        ("A source close to the mayor said the deal was off.", "anonymous"),
        ("Officials said the bridge would reopen in May.", "group"),
        ("People familiar with the plan said it would be delayed.", "group"),
        ("A new poll shows that voters are split.", "document"),
    ],
)
def test_speaker_kind(pipeline: Pipeline, text: str, kind: str) -> None:
    qs = run(pipeline, text).quotes
    assert [q.speaker_kind for q in qs] == [kind]


#: measured 0.783 / 0.531 / 0.327 on this subset before issue 15's third pass, 0.744 / 0.552 / 0.364 after
#: it (more indirect quotes; most of the subset's new false ones are nested sources the gold gives to the
#: outer speaker); the whole tune half's precision held at 0.85 (benchmarks/quotes.py, docs/quotes.md)
FLOOR_P, FLOOR_R, FLOOR_INDIRECT_R = 0.70, 0.52, 0.33


@pytest.mark.slow
def test_polnear_floor(pipeline: Pipeline, gold_dir: Path) -> None:
    """Speaker-attributed scores on a fixed subset (the first 8 articles of the tune half) stay at or
    above the level of the belief, intention and stance rules."""
    bench = _bench()
    if not (gold_dir / bench.POLNEAR).is_dir():
        pytest.skip("PolNeAR not in the gold folder")
    tune, _check = bench.polnear_split(bench.load_polnear(gold_dir))
    score = bench.score_polnear(tune[:8], pipeline)
    row = score.row()
    assert score.articles == 8 and row["gold"] > 80
    assert row["P"] >= FLOOR_P and row["R"] >= FLOOR_R
    assert score.row("indirect")["R"] >= FLOOR_INDIRECT_R


def test_polnear_offsets_map_across_a_cut_line() -> None:
    """An article whose cleaning cut a line is scored on the gold text's offsets, not left empty."""
    raw = "The mayor spoke.\nEnter your email address:\nShe said the ferry will run.\n"
    cleaned = "The mayor spoke.\nShe said the ferry will run.\n"
    to_raw = _bench().offset_map(cleaned, raw)
    assert to_raw is not None
    lo, hi = cleaned.index("the ferry"), cleaned.index("the ferry") + len("the ferry")
    assert raw[to_raw(lo):to_raw(hi)] == "the ferry"
    assert to_raw(0) == 0 and _bench().offset_map("Something else entirely.", raw) is None



# -- issue 15, third pass: findings, sides, views, speaker lines ------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # "hoping", "hoped", "hopes": the lemmatiser gives *hop*
        ("The mayor hopes the new bridge will open in May.", "mayor", "hopes", "the new bridge will open in May"),
        ("Instead, the senator kept to her message, hoping to avoid any slip.", "senator", "hoping",
         "to avoid any slip"),
        # a finding or belief verb after its clause, set off by a comma
        ("Turnout fell in rural counties, the survey found, while cities held steady.", "survey", "found",
         "Turnout fell in rural counties"),
        # verbs of taking a side: a person or people hold it
        ("In 2012, Okafor supported Brennan against Hale.", "Okafor", "supported", "Brennan"),
        ("Most rural voters favor lower fuel taxes.", "rural voters", "favor", "lower fuel taxes"),
        # findings, citing, echoing
        ("A new survey shows the governor well ahead.", "new survey", "shows", "the governor"),
        ("The senator cited low growth and rising rents.", "senator", "cited", "low growth and rising rents"),
        ("She echoed the mayor's warning.", "She", "echoed", "the mayor's warning"),
        # a view with "as"
        ("The governor sees the deal as a trap for farmers.", "governor", "sees", "the deal as a trap for farmers"),
    ],
)
def test_findings_sides_and_views_are_indirect(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                               content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", [
    "Iran supported the militias in the region.",  # a state's act, not a stance
    "Turkey backed rebel fighters in the north.",
    "He saw the car near the river.",  # no "as": no view
    "Voters trust him, a new poll shows.",  # the trailing "shows" (tagged a noun) does not report "trust"
])
def test_acts_and_sights_are_no_quotes(pipeline: Pipeline, text: str) -> None:
    assert [q for q in run(pipeline, text).quotes if q.speaker_span is not None
            and q.speaker_span.text in ("Iran", "Turkey", "He", "Voters")] == []


def test_speaker_lines(pipeline: Pipeline) -> None:
    """A line that opens with a person's name and a colon: a headline or a transcript turn."""
    text = ("Jane Doe: The Tax Plan Is a Disaster for Farmers.\n\nJane Doe spoke on Monday.\n\n"
            "DOE: Well, the numbers are bad.\n\nNote: the figures are rounded.")
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in qs] == [
        ("indirect", "Jane Doe", ":", "The Tax Plan Is a Disaster for Farmers"),
        ("indirect", "DOE", ":", "Well, the numbers are bad"),
    ]


def test_two_apostrophes_are_double_quotes(pipeline: Pipeline) -> None:
    """''…'' typed for “…” pairs like straight double quotes; a possessive apostrophe opens nothing."""
    text = "''We will win this state,'' Ms. Okafor said. ''Nobody doubts it.'' The players' union agreed."
    assert [(m.start, m.end) for m in find_quoted(text)] == [(0, 27), (45, 66)]
    qs = marked(run(pipeline, text))
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [
        ("direct", "Okafor", "We will win this state,"), ("direct", "Okafor", "Nobody doubts it.")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("In a new poll last month, the mayor had a clear lead over her rival.", "new poll", "in",
         "the mayor had a clear lead over her rival"),
        ("While farmers back the tariff, most oppose it.", "most", "oppose", "it"),
    ],
)
def test_findings_in_a_poll_and_thing_pronouns(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                               content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect" and q.cue == cue]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in ind] == [(speaker, content)]


@pytest.mark.parametrize("text", ["The mayor trails in the polls.", "She lives in a house near the river.",
                                  "He criticized himself for the delay."])
def test_polls_in_general_and_reflexives_are_no_quotes(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_passive_stance_with_an_agent(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The ferry bill, opposed by most Republicans, never became law.").quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in qs] == [
        ("indirect", "Republicans", "opposed", "The ferry bill")]


@pytest.mark.parametrize("text", [
    "Rebels attacked the town in May.",  # an armed subject
    "Government troops attacked the base at dawn.",
    "The militants blasted the checkpoint with rockets.",  # an instrument
    "The town, attacked by rebels in May, was rebuilt.",
    "Russia attacked Ukraine.",  # a place as object
])
def test_acts_of_force_are_no_stances(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_verbal_attack_is_a_stance(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The senator attacked the new ferry tax on Monday.").quotes
    assert triples(qs) == [
        ("senator", "attacked", "the new ferry tax")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("They endorse putting speed cameras on school buses.", "They", "endorse",
         "putting speed cameras on school buses"),
        ("Most voters oppose defunding the ferry agency.", "Most voters", "oppose", "defunding the ferry agency"),
        ("A new survey of county clerks found both candidates largely unknown in the region.", "new survey",
         "found", "both candidates largely unknown in the region"),
        ("A new poll finds a county that is more divided than its neighbours.", "new poll", "finds",
         "a county that is more divided than its neighbours"),
        ("A local firm gave $5,000 to the fund in June, campaign finance records show.",
         "campaign finance records", "show", "A local firm gave $5,000 to the fund in June"),
    ],
)
def test_gerund_objects_findings_and_trailing_records(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                      content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", ["Police found the car near the river.", "She found the keys in her coat."])
def test_finding_a_thing_is_no_quote(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The mayor pointed out that the bridge was closed.", "mayor", "the bridge was closed"),
        ("The governor ruled out a run for the Senate.", "governor", "a run for the Senate"),
        ("The senator weighed in on the ferry dispute.", "senator", "the ferry dispute"),
        ("Several pastors came out against the plan.", "Several pastors", "the plan"),
    ],
)
def test_phrasal_verbs(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in ind] == [(speaker, content)]


def test_phrasal_verb_is_a_cue_of_a_direct_quote(pipeline: Pipeline) -> None:
    qs = marked(run(pipeline, '"The bridge is closed," she pointed out.'))
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue) for q in qs] == [
        ("direct", "she", "pointed")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("But as a local reporter noted, he did not even fill half the hall.", "local reporter", "noted",
         "he did not even fill half the hall"),
        ("The bridge will stay closed until May, as officials said on Monday.", "officials", "said",
         "The bridge will stay closed until May"),
        # a gerund after a preposition takes the subject of the clause it hangs on
        ("Since announcing in March that she would step down, Ms. Park has stayed busy.", "Park",
         "announcing", "she would step down"),
    ],
)
def test_as_clauses_and_gerunds_after_prepositions(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                   content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


def test_as_clause_of_time_is_no_quote(pipeline: Pipeline) -> None:
    assert run(pipeline, "As the storm grew, residents fled the coast.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Okafor offered no proof that the mayor had a role in the deal.", "Okafor", "offered",
         "no proof that the mayor had a role in the deal"),
        ("The mayor gave a blunt assessment of the budget.", "mayor", "gave", "a blunt assessment of the budget"),
        # a report noun with its clause keeps its own rule
        ("The council issued a warning that the bridge was closed.", "council", "warning",
         "the bridge was closed"),
    ],
)
def test_carried_speech_acts(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


def test_giving_a_thing_is_no_quote(pipeline: Pipeline) -> None:
    assert run(pipeline, "He gave the book to his sister.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "kind"),
    [
        ("His support for the ferry tax has not hurt him with voters.", "His", "support", "the ferry tax",
         "person"),
        ("The mayor's criticism of the budget angered the council.", "mayor", "criticism", "the budget",
         "anonymous"),
        ("Their opposition to the deal is well known.", "Their", "opposition", "the deal", "group"),
    ],
)
def test_stance_nouns(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str, kind: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.cue, q.text, q.speaker_kind) for q in ind] == [
        (speaker, cue, content, kind)]


def test_stance_noun_without_holder_is_no_quote(pipeline: Pipeline) -> None:
    assert run(pipeline, "Support for the plan is strong.").quotes == []


def test_title_with_a_name_in_apposition(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The head of the ferry union, Jane Roe, said the strike would end.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [
        ("Jane Roe", "the strike would end")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Many farmers believe the tariff will hurt them.", "Many farmers", "the tariff will hurt them"),
        ("Local pastors urged their members to vote.", "Local pastors", "their members to vote"),
    ],
)
def test_plural_agent_nouns_hold_views(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in ind] == [(speaker, content)]


def test_plural_thing_nouns_hold_no_views(pipeline: Pipeline) -> None:
    assert run(pipeline, "The new filters want to remove dust.").quotes == []


def test_orders_and_wishes_are_intentions(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The judge ordered the city to release the records.").quotes
    assert triples(qs) == [
        ("judge", "ordered", "the city to release the records")]
    qs = run(pipeline, "The mayor would like to reopen the bridge, and she believes voters agree.").quotes
    assert ("mayor", "like", "to reopen the bridge") in [
        (q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in qs]
    assert run(pipeline, "She directed the film in 2010.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("She will need every vote, with recent polls showing a narrowing of her lead.", "recent polls",
         "showing", "a narrowing of her lead"),
        ("The governor sees the ferry board as ruled by a narrow clique.", "governor", "sees",
         "the ferry board as ruled by a narrow clique"),
    ],
)
def test_participle_holders_and_as_clauses(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                           content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


def test_statement_saying_keeps_its_issuer(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The ministry issued a statement saying the border was closed.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [
        ("ministry", "the border was closed")]


def test_transcript_labels(pipeline: Pipeline) -> None:
    """An upper-case label that opens two lines or more is a transcript speaker; the turn runs to the end
    of its line; a label used once ("NOTE:") names no one."""
    text = ("SMYTHE: Thanks for joining us. Do you think the plan will work?\n\nOKAFOR: I think it will, yes.\n\n"
            "SMYTHE: Why?\n\nNOTE: All figures are rounded here.\n")
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        ("SMYTHE", ":", "Thanks for joining us. Do you think the plan will work"),
        ("I", "think", "it will"),
    ]


def test_pronoun_object_with_a_complement(pipeline: Pipeline) -> None:
    qs = run(pipeline, "They called him a careless steward who has ignored the harbour.").quotes
    assert triples(qs) == [
        ("They", "called", "him a careless steward who has ignored the harbour")]
    assert run(pipeline, "The senator praised him on Monday.").quotes == []


@pytest.mark.parametrize(
    ("text", "kind", "cue", "content"),
    [
        ("The mayor said on Monday:\n\nThe bridge will stay closed until May, and the ferry will run every hour.\n",
         "indirect", "said", "The bridge will stay closed until May, and the ferry will run every hour"),
        ('The mayor told reporters:\n\n"We will rebuild it."\n', "direct", "told", '"We will rebuild it."'),
    ],
)
def test_speech_verb_and_colon_before_the_words(pipeline: Pipeline, text: str, kind: str, cue: str,
                                                content: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue, q.evidence.text) for q in qs] == [
        (kind, "mayor", cue, content)]


def test_colon_without_a_speech_verb_is_no_quote(pipeline: Pipeline) -> None:
    assert run(pipeline, 'The plan has three parts:\n\n"Build, repair, reopen."\n').quotes == []
    text = "Reuters reported the following:\n\nThe bridge will stay closed until May.\n"
    art = run(pipeline, text)
    assert art.quotes == [] and [(a.source, a.cue) for a in art.attributions] == [("Reuters", "reported")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The senator called again for releasing the tax records.", "senator",
         "releasing the tax records"),
        ("Demonstrators have called for the footage to be released.", "Demonstrators", "the footage to be released"),
    ],
)
def test_calls_for(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, "called", content)]


# -- issue 15, fourth pass: relative and unmarked clauses, polls named by outlets, records, participles ----
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # a relative pronoun that is the reported clause's subject
        ("The ferry fare, which she said would double next year, angered commuters.", "she", "said",
         "would double next year"),
        # an unmarked finite clause the parse hangs on the verb as an adverbial clause
        ("Okafor said after the vote he would not run again.", "Okafor", "said", "after the vote he would not run again"),
        # a parenthetical in the middle reports the clause after it when the clause's verb follows
        ("Most weeks, friends of the mayor said, the mere sight of the pier could make her furious.", "friends",
         "said", "the mere sight of the pier could make her furious"),
        # a poll fielded by an outlet is the poll's finding, not an outlet's citation
        ("Half of the farmers back the tariff, according to a CNN poll taken in May.", "CNN poll", "according to",
         "Half of the farmers back the tariff"),
        # records and pictures show things
        ("Footage of the crash shows the driver leaving the van.", "Footage", "shows", "the driver leaving the van"),
        ("The polling average shows the senator leading by three points.", "polling average", "shows",
         "the senator leading by three points"),
        # a participle of taking a side on a body that holds views
        ("A super PAC backing the governor spent two million dollars.", "PAC", "backing", "the governor"),
        # a view with "as" that the parse hangs inside the object
        ("Experts see the vote held on Sunday as a test of the new rules.", "Experts", "see",
         "the vote held on Sunday as a test of the new rules"),
    ],
)
def test_fourth_pass_indirect(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", [
    "The mayor left the hall when the vote ended.",  # an adverbial clause with a subordinator: no report
    "Iran supported the militias in the region.",  # a state's act: still no stance
    "According to Reuters, the bridge is closed.",  # an outlet: an attribution, not a quote
])
def test_fourth_pass_no_quotes(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_poll_by_an_outlet_is_a_document(pipeline: Pipeline) -> None:
    qs = run(pipeline, "A Bloomberg survey shows that rural voters have left the party.").quotes
    assert [(q.speaker_kind, q.text) for q in qs] == [("document", "rural voters have left the party")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # adjectives of feeling, readiness and judgement after a copula
        ("The mayor is concerned about the rising cost of the bridge.", "mayor", "concerned",
         "the rising cost of the bridge"),
        ("Many farmers remain skeptical of the new tariff.", "Many farmers", "skeptical", "the new tariff"),
        ("She is willing to run again next year.", "She", "willing", "to run again next year"),
        ("He is convinced that the budget will pass.", "He", "convinced", "the budget will pass"),
        # nouns for one who takes a side
        ("Jane Roe, a longtime critic of the mayor, spoke on Monday.", "Jane Roe", "critic", "the mayor"),
        ("Okafor has been a supporter of the ferry plan.", "Okafor", "supporter", "the ferry plan"),
        # verbs of liking and trusting
        ("Most residents trust the harbour council.", "Most residents", "trust", "the harbour council"),
    ],
)
def test_stance_adjectives_agents_and_feelings(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                              content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", [
    "It is clear that the bridge is closed.",  # no holder
    "The road is open to traffic.",  # a road holds no view
    "The critic of the film left early.",  # no name or copula gives the holder
])
def test_stance_adjectives_and_agents_need_a_holder(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_quotation_signed_with_a_dash(pipeline: Pipeline) -> None:
    """A quotation followed by a dash and a person's name is that person's (reader comments, tweets)."""
    text = "“We can build a bridge over the river.” ― Maria Okafor\n\n“The ferry was better.” ― Tomas Brandt\n"
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [
        ("direct", "Maria Okafor", "We can build a bridge over the river."),
        ("direct", "Tomas Brandt", "The ferry was better."),
    ]
    assert run(pipeline, '"It was a hard year" - and the town knows it.').quotes == []


def test_question_and_answer_labels_and_document_headlines(pipeline: Pipeline) -> None:
    """One-letter labels that open two lines or more (Q:, A:) are transcript turns; a headline opening with
    a document noun and a colon is that document's finding."""
    text = ("Q: Where did you grow up after the flood?\n\nA: In a small town near the river, with my aunt.\n\n"
            "Q: Why did you leave?\n\nA: I left at fifteen and worked on the boats.\n\n"
            "Survey: Rural Voters Turn Against the Ferry Tax\n")
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        ("Q", ":", "Where did you grow up after the flood"),
        ("A", ":", "In a small town near the river, with my aunt"),
        ("Q", ":", "Why did you leave"),
        ("A", ":", "I left at fifteen and worked on the boats"),
        ("Survey", ":", "Rural Voters Turn Against the Ferry Tax"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ('As the harbour master put it, "The tide decides, not us."', "direct", "The tide decides, not us."),
        ("As the mayor put it, the bridge is simply too old.", "indirect", "the bridge is simply too old"),
    ],
)
def test_put_it_is_a_verb_of_saying(pipeline: Pipeline, text: str, kind: str, content: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.cue, q.text) for q in qs] == [(kind, "put", content)]
    assert run(pipeline, 'He put it on the table, "for now".').quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "content"),
    [
        ("Those who preferred a new bridge outnumbered the rest.", "Those", "group", "a new bridge"),
        ("Anyone who believes the ferry tax will fall is mistaken.", "Anyone", "group", "the ferry tax will fall"),
    ],
)
def test_pronouns_with_a_who_clause_hold_views(pipeline: Pipeline, text: str, speaker: str, kind: str,
                                               content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.speaker_kind, q.text) for q in ind] == [
        (speaker, kind, content)]


def test_a_share_is_named_by_its_number(pipeline: Pipeline) -> None:
    qs = run(pipeline, "On crime, 47% say the city should hire more officers.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.speaker_kind, q.text) for q in qs] == [
        ("47%", "group", "the city should hire more officers")]


def test_an_agency_alone_is_no_outlet(pipeline: Pipeline) -> None:
    """"the agency" is a government agency as often as a news agency: a speaker; "the news agency" an outlet."""
    art = run(pipeline, "Renters paid 9 percent more, the agency told lawmakers in a memo.")
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in art.quotes] == [
        ("agency", "Renters paid 9 percent more")]
    art = run(pipeline, "The state news agency said the talks had ended.")
    assert art.quotes == [] and [a.cue for a in art.attributions] == ["said"]


def test_capitalised_poll_named_by_an_outlet_is_no_outlet(pipeline: Pipeline) -> None:
    art = run(pipeline, "According to an AP-NORC Poll published Tuesday, most tenants oppose the new levy.")
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in art.quotes] == [
        ("AP-NORC Poll", "most tenants oppose the new levy")]
    assert art.attributions == []


def test_clause_after_the_verb_comes_first(pipeline: Pipeline) -> None:
    """A verb of saying with a clause on each side reports the one after it; the clause before it, here
    closed by a colon, is the writer's."""
    text = "The tactic is paying off for the mayor: she said she has raised $90,000 since the vote."
    qs = [q for q in run(pipeline, text).quotes if q.cue == "said"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [
        ("she", "she has raised $90,000 since the vote")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # the topic after the addressee or the object ("spoke": irregular forms are triage cues too)
        ("The mayor spoke to reporters about the bridge repairs.", "mayor", "spoke", "the bridge repairs"),
        ("Okafor asked the governor about the ferry fares.", "Okafor", "asked", "the ferry fares"),
    ],
)
def test_topic_after_an_addressee_or_object(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                            content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


def test_irregular_forms_are_triage_cues() -> None:
    assert {"spoke", "spoken", "sought", "laid", "referred", "begged"} <= QuoteStage().triage_cues()


def test_it_says_has_an_unresolved_speaker(pipeline: Pipeline) -> None:
    """"It says that …" reports what a text or a body said; the speaker is the pronoun, of no kind."""
    qs = run(pipeline, "The port posted a new rule. It says that foreign ships can be barred.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.speaker_kind, q.text) for q in qs] == [
        ("It", None, "foreign ships can be barred")]
    assert run(pipeline, "It seems that the rain will stop.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Just 38 percent of Democrats say the same of the council.", "Democrats", "the same of the council"),
        ("After the vote, half of the farmers said so.", "farmers", "so"),
    ],
)
def test_short_answers_are_reports(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in ind] == [(speaker, content)]


# -- issue 15, fifth pass ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The senator said nothing about the ferry tax.", "senator", "said", "nothing about the ferry tax"),
        ("The mayor fears the worst.", "mayor", "fears", "the worst"),
        ("The governor lambasted the new ferry tax.", "governor", "lambasted", "the new ferry tax"),
        ("Two union leaders rebutted the claim on Monday.", "union leaders", "rebutted", "the claim"),
        ("The council member introduced a bill to cut bus fares.", "council member", "introduced",
         "a bill to cut bus fares"),
    ],
)
def test_more_stance_verbs_with_an_object(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                          content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The mayor's proposal for a new ferry line drew praise.", "mayor", "proposal", "a new ferry line"),
        ("The mayor's aversion to new taxes is well known.", "mayor", "aversion", "new taxes"),
        ("A call from the farmers for delay was heard.", "farmers", "call", "delay"),
    ],
)
def test_more_stance_nouns(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("A third of the voters say the ferry should stay public.", "third", "the ferry should stay public"),
        ("Two-thirds of the voters support the new tariff.", "voters", "the new tariff"),
        ("One in five say they will not vote.", "One in five", "they will not vote"),
    ],
)
def test_fractions_of_people_hold_views(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in ind] == [(speaker, content)]
    assert ind[0].speaker_kind == "group"


def test_passive_stance_verb_with_an_agent(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The ferry plan was praised by the mayor on Monday.").quotes
    assert triples(qs) == [
        ("mayor", "praised", "The ferry plan")]


@pytest.mark.parametrize("text", ["The ferry plan was praised on Monday.", "The town was attacked by rebels."])
def test_passive_without_a_holding_agent_is_no_quote(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Everything the senator proposed was rejected.", "senator", "proposed", "Everything"),
        ("The plan the mayor praised will cost a lot.", "mayor", "praised", "The plan"),
    ],
)
def test_relative_clause_object_is_the_noun(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                            content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", ["I remember the day the mayor spoke.", "That is the way she described it."])
def test_relative_clause_of_time_or_manner_is_no_object(pipeline: Pipeline, text: str) -> None:
    assert all(q.text not in ("the day", "the way") for q in run(pipeline, text).quotes)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Harbour officials expect a busy summer.", "Harbour officials", "expect", "a busy summer"),
        ("The mayor declined an invitation to the debate.", "mayor", "declined", "an invitation to the debate"),
        ("The senator offered a compromise on the budget.", "senator", "offered", "a compromise on the budget"),
        ("The farmers believe in the old ferry line.", "farmers", "believe", "the old ferry line"),
        ("The governor hinted at a new tax.", "governor", "hinted", "a new tax"),
    ],
)
def test_verbs_of_expecting_offering_and_hinting(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                 content: str) -> None:
    ind = [q for q in run(pipeline, text).quotes if q.kind == "indirect"]
    assert triples(ind) == [
        (speaker, cue, content)]


def test_negated_intention_noun(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The council regretted the mayor's decision not to seek a third term.").quotes
    assert triples(qs) == [
        ("mayor", "decision", "not to seek a third term")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ('The senator hailed the vote as "a victory for the harbour."', "senator", "hailed",
         'the vote as "a victory for the harbour."'),
        ('The mayor endorsed the "ferry first" plan.', "mayor", "endorsed", 'the "ferry first" plan'),
    ],
)
def test_stance_object_holding_quoted_words(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                            content: str) -> None:
    """A stance verb that is no verb of saying leaves no partial quote: its object, quote marks and all, is
    the indirect quote ('called the attack "an act of terrorism"' stays a partial quote of "called")."""
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in qs] == [
        ("indirect", speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The senators face a hard task in defending the ferry tax.", "senators", "defending", "the ferry tax"),
        ("Farmers spent the week in protest, denouncing the tariff.", "Farmers", "denouncing", "the tariff"),
    ],
)
def test_stance_of_a_non_finite_verb_takes_the_clause_subject(pipeline: Pipeline, text: str, speaker: str,
                                                              cue: str, content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


def test_object_control_gives_no_holder_to_the_subject(pipeline: Pipeline) -> None:
    """"urged the mayor to stop attacking …": the mayor would attack, not the council."""
    qs = run(pipeline, "The council urged the mayor to stop attacking the plan.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.cue) for q in qs] == [("council", "urged")]


def test_relative_pronoun_subject_keeps_its_words_and_the_named_speaker(pipeline: Pipeline) -> None:
    """"Jane Roe, who said …": the span is the pronoun (as for "he"), the speaker the person it stands for;
    an unnamed antecedent keeps its own words ("farmers who oppose …")."""
    art = run(pipeline, "The mayor met Jane Roe, who said the ferry would stay.")
    (q,) = art.quotes
    actor = art.actor(q.speaker) if q.speaker else None
    assert (q.speaker_span.text if q.speaker_span else None, actor.name if actor else None, q.text) == (
        "who", "Jane Roe", "the ferry would stay")
    qs = run(pipeline, "Farmers who oppose the tariff met on Monday.").quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [("Farmers", "the tariff")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("A handful of listeners have asked about the ferry tax.", "listeners", "the ferry tax"),
        ("Hundreds of farmers oppose the new tariff.", "farmers", "the new tariff"),
        ("The couple feared that the ferry would close.", "couple", "the ferry would close"),
    ],
)
def test_counts_of_people_and_more_nouns_of_people_hold_views(pipeline: Pipeline, text: str, speaker: str,
                                                             content: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [(speaker, content)]


@pytest.mark.parametrize(
    "text",
    [
        'The hearing grew tense. Rep. Jane Roe (D-Ore.): "I have never heard that figure before."',
        'The council heard from Jane Roe: "I have never heard that figure before."',
    ],
)
def test_name_and_colon_before_a_quotation(pipeline: Pipeline, text: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None, q.cue, q.text) for q in qs] == [
        ("direct", "Jane Roe", ":", "I have never heard that figure before.")]


def test_a_colon_after_no_name_gives_no_speaker(pipeline: Pipeline) -> None:
    assert run(pipeline, 'The plan had one message: "Save the ferry."').quotes == []


def test_quoted_paragraph_signed_on_the_line_below(pipeline: Pipeline) -> None:
    text = ("Mayor Jane Roe spoke at length on Monday.\n\n\"The harbour is the heart of this city. We will keep "
            "it.\"\n\n- Jane Roe.\n\nThe claim is mostly true.\n")
    art = run(pipeline, text)
    qs = [q for q in art.quotes if q.kind == "direct"]
    assert [(a.name if (a := art.actor(q.speaker or "")) else None, q.cue) for q in qs] == [("Jane Roe", "-")]
    assert qs[0].text == "The harbour is the heart of this city. We will keep it."


def test_dash_list_item_after_a_quote_in_running_text_is_no_signature(pipeline: Pipeline) -> None:
    text = 'Voters chose the "harbour first" plan.\n- Jane Roe won the race in May by a wide margin over two rivals.\n'
    assert all(q.speaker_span is None or q.speaker_span.text != "Jane Roe" for q in run(pipeline, text).quotes)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("He's said he will sell the ferry.", "He", "he will sell the ferry"),
        ("She's called for a recount in the county.", "She", "a recount in the county"),
    ],
)
def test_contracted_has_is_no_passive(pipeline: Pipeline, text: str, speaker: str, content: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.text) for q in qs] == [(speaker, content)]


@pytest.mark.parametrize("text", ["He's expected to win the race.", "It's said that the mayor will resign."])
def test_contracted_is_stays_passive(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Farmers are sick of the new tariff.", "Farmers", "sick", "the new tariff"),
        ("The senator has been outspoken about the ferry tax.", "senator", "outspoken", "the ferry tax"),
    ],
)
def test_more_stance_adjectives(pipeline: Pipeline, text: str, speaker: str, cue: str, content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The mayor described what happened at the harbour on Friday.", "mayor", "described",
         "what happened at the harbour on Friday"),
        ("Farmers resent that the tariff was raised without a vote.", "Farmers", "resent",
         "the tariff was raised without a vote"),
    ],
)
def test_clause_as_the_object_of_a_stance_verb(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                               content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


def test_title_with_a_name_beside_it_holds_a_view(pipeline: Pipeline) -> None:
    art = run(pipeline, "The party's treasurer, Jane Roe, has called for a new audit of the accounts.")
    assert [((a.name if (a := art.actor(q.speaker or "")) else None), q.cue, q.text) for q in art.quotes] == [
        ("Jane Roe", "called", "a new audit of the accounts")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("The ferry tax, which the mayor proposed in March, failed in the council.", "mayor", "proposed",
         "The ferry tax, which"),
        ("The bridge plan, which Mr. Okafor backed, was dropped.", "Okafor", "backed", "The bridge plan, which"),
    ],
)
def test_relative_pronoun_as_the_object_of_a_stance_verb(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                          content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


def test_dateline_place_is_no_subject(pipeline: Pipeline) -> None:
    qs = run(pipeline, "TORONTO — Facing a hostile crowd, the mayor praised the new budget.").quotes
    assert triples(qs) == [
        ("mayor", "praised", "the new budget")]


def test_a_speaker_inside_the_quotation_is_not_its_speaker(pipeline: Pipeline) -> None:
    text = 'Jane Roe spoke on Monday. "The port must stay open," she said. "Critics say the ferry should close. They are wrong."'
    art = run(pipeline, text)
    qs = [q for q in art.quotes if q.kind == "direct"]
    assert [(q.speaker_span.text if q.speaker_span else None, (a.name if (a := art.actor(q.speaker or "")) else None))
            for q in qs] == [("she", "Jane Roe"), ("she", "Jane Roe")]
    assert qs[1].text == "Critics say the ferry should close. They are wrong."


@pytest.mark.parametrize(
    "text",
    [
        'Protesters marched through the town. Chanting in the streets: "What curfew?"',
        'The band posted the update last week, writing "So glad to back the mayor."',
    ],
)
def test_a_time_or_place_near_the_cue_is_no_speaker(pipeline: Pipeline, text: str) -> None:
    """Without a subject in the parse the speaker is the nearest name, pronoun or noun of a speaker, never
    "streets" or "week"."""
    assert all(q.speaker_span is None or q.speaker_span.text not in ("streets", "week")
               for q in run(pipeline, text).quotes)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Asked whether she would run again, the mayor said she would decide in May.", "she would decide in May"),
        ("When asked about the ferry, Jane Roe said the port would stay open.", "the port would stay open"),
    ],
)
def test_the_one_asked_holds_no_question(pipeline: Pipeline, text: str, content: str) -> None:
    """A bare participle ("Asked whether …", "when asked about …") is passive in sense: only what the one asked
    said is a quote."""
    assert [(q.cue, q.text) for q in run(pipeline, text).quotes] == [("said", content)]


def test_condition_of_anonymity_is_no_topic(pipeline: Pipeline) -> None:
    qs = run(pipeline, "A city official, who spoke on condition of anonymity, said the ferry would run again.").quotes
    assert [(q.cue, q.text) for q in qs] == [("said", "the ferry would run again")]


def test_a_date_near_the_cue_is_no_speaker(pipeline: Pipeline) -> None:
    qs = run(pipeline, 'Tweeted Sunday: "The ferry will run again."').quotes
    assert all(q.speaker_span is None or q.speaker_span.text != "Sunday" for q in qs)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # verbs of saying with a clause (indirect_speech_verbs v4)
        ("The treasurer speculated that the harbour fund would run dry by spring.", "treasurer", "speculated",
         "the harbour fund would run dry by spring"),
        ("The councillor joked that the budget was thinner than the soup.", "councillor", "joked",
         "the budget was thinner than the soup"),
        ("The governor rebutted that the audit had been rushed.", "governor", "rebutted", "the audit had been rushed"),
        ("The mayor reminded residents that the ferry tax ends in June.", "mayor", "reminded",
         "the ferry tax ends in June"),
        # verbs of judging and deciding with a clause (belief_verbs v2)
        ("The judge ruled that the ferry contract was void.", "judge", "ruled", "the ferry contract was void"),
        ("Harbour officials are considering whether the pier can reopen.", "Harbour officials", "considering",
         "whether the pier can reopen"),
        # verbs of choosing and claiming with a to-infinitive (intention_verbs v3)
        ("The coalition chose to back the smaller party.", "coalition", "chose", "to back the smaller party"),
        ("The mayor claims to have read every page of the report.", "mayor", "claims",
         "to have read every page of the report"),
        ("Farmers lobbied to keep the subsidy.", "Farmers", "lobbied", "to keep the subsidy"),
        # verbs with an object (object_verbs v9) or a prepositional object (prepositional_verbs v4)
        ("The senator shared her doubts about the tunnel.", "senator", "shared", "her doubts about the tunnel"),
        ("The council will tackle the housing shortage next.", "council", "tackle", "the housing shortage"),
        ("The bishop reflected on the meaning of the harbour festival.", "bishop", "reflected",
         "the meaning of the harbour festival"),
        ("Most residents approve of the new bus lanes.", "Most residents", "approve", "the new bus lanes"),
        # nouns (report_nouns v2, stance_nouns v3) and adjectives (stance_adjectives v3)
        ("The governor made the case that the tax would pay for schools.", "governor", "case",
         "the tax would pay for schools"),
        ("Her determination to finish the tunnel surprised the council.", "Her", "determination",
         "to finish the tunnel"),
        ("The union's request for a longer break was refused.", "union", "request", "a longer break"),
        ("The mayor's comment on the ferry fares drew laughter.", "mayor", "comment", "the ferry fares"),
        ("The fishermen are glad that the quota was raised.", "fishermen", "glad", "the quota was raised"),
    ],
)
def test_cue_inventory_entries_kept_on_tune_precision(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                      content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


def test_a_rule_is_no_holder_of_a_requirement(pipeline: Pipeline) -> None:
    assert run(pipeline, "The rule requires that every driver carry a permit.").quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "cue", "content"),
    [
        ("In the view of the council, the ferry should close.", "council", "organization", "In the view of the council",
         "the ferry should close"),
        ("In the eyes of many farmers, the tariff is a betrayal.", "many farmers", "group",
         "In the eyes of many farmers", "the tariff is a betrayal"),
        ("In her words, the tax is unfair.", "her", "person", "In her words", "the tax is unfair"),
        ("By his own account, the mayor never read the report.", "his", "person", "By his own account",
         "the mayor never read the report"),
    ],
)
def test_view_phrase_opening_a_clause(pipeline: Pipeline, text: str, speaker: str, kind: str, cue: str,
                                      content: str) -> None:
    qs = run(pipeline, text).quotes
    assert [(q.speaker_span.text if q.speaker_span else None, q.speaker_kind, q.cue, q.text, q.kind)
            for q in qs] == [(speaker, kind, cue, content, "indirect")]


@pytest.mark.parametrize(
    "text",
    [
        "In other words, the plan failed.",  # no holder
        "In our judgment, the plan is sound.",  # the writer's own view
        "The tax, in the view of the council, is unfair.",  # inside its clause: left alone
    ],
)
def test_view_phrase_without_a_holder_or_inside_its_clause_gives_nothing(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_view_phrase_inside_a_quotation_is_the_quoted_speakers(pipeline: Pipeline) -> None:
    qs = run(pipeline, 'The mayor said: "In my view, the tax is unfair."').quotes
    assert [(q.kind, q.speaker_span.text if q.speaker_span else None) for q in qs] == [("direct", "mayor")]


def test_cue_lemmas_map_inflected_forms_to_their_verb() -> None:
    from newsgraph.stages.quotes.lexicon import cue_lemmas

    lemmas = cue_lemmas()
    assert (lemmas["warned"], lemmas["speculates"], lemmas["pointed"], lemmas["told"]) == (
        "warn", "speculate", "point", "tell")


@pytest.mark.parametrize(
    "text",
    [
        "The mayor celebrated the opening of the bridge.",  # celebrate: 2 of 10 tune quotes right
        "The council is ready for the storm.",  # ready: 3 of 11
        "The senator responded to the audit on Tuesday.",  # respond to: 12 of 39
        "The mayor invited residents to visit the new library.",  # invite: 2 of 6
        "The governor heard that the bridge had closed.",  # hear: 3 of 8
    ],
)
def test_cues_below_their_tune_precision_are_no_cues(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Her argument is that the tax hurts farmers.", "Her", "argument", "the tax hurts farmers"),
        ("The senator's plan is to sell the pier.", "senator", "plan", "to sell the pier"),
    ],
)
def test_report_noun_with_its_complement_after_a_copula(pipeline: Pipeline, text: str, speaker: str, cue: str,
                                                        content: str) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == [
        (speaker, cue, content)]


@pytest.mark.parametrize("text", ["The problem is that the ferry is late.", "The plan is to sell the pier."])
def test_copula_complement_without_a_report_noun_or_holder_gives_nothing(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council has fought what the mayor calls waste in the budget.",
         [("mayor", "calls", "waste in the budget")]),
        ("Farmers protested against what they described as an unfair tax.",
         [("they", "described", "an unfair tax")]),
        # the free relative's own naming stays beside the stance of the clause around it
        ("The senator attacked what she sees as a reckless plan.",
         [("senator", "attacked", "what she sees as a reckless plan"), ("she", "sees", "a reckless plan")]),
        ("The minister said the town chose what she thinks is the cheapest bridge.",
         [("minister", "said", "the town chose what she thinks is the cheapest bridge"),
          ("she", "thinks", "is the cheapest bridge")]),
    ],
)
def test_free_relative_names_the_thing_in_its_speakers_words(pipeline: Pipeline, text: str,
                                                             expected: list[tuple[str, str, str]]) -> None:
    qs = run(pipeline, text).quotes
    assert triples(qs) == expected
    assert all(q.kind == "indirect" for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody knows what happened at the meeting.",  # "what" is the clause's own subject
        "She read what he wrote in the letter.",  # nothing named after the verb
        "What the council wants is a new ferry.",  # opens the sentence; no name given
    ],
)
def test_free_relative_without_a_name_gives_nothing(pipeline: Pipeline, text: str) -> None:
    assert run(pipeline, text).quotes == []


def test_self_described_gives_the_named_person_her_own_label(pipeline: Pipeline) -> None:
    art = run(pipeline, "Jane Roe, a former teacher and self-described fiscal hawk, voted against the tax.")
    q = art.quotes[0]
    speaker = art.actor(q.speaker) if q.speaker else None
    assert (q.kind, q.cue, q.text, q.speaker_span.text if q.speaker_span else None) == (
        "indirect", "self-described", "fiscal hawk", "self")
    assert speaker is not None and speaker.name == "Jane Roe"


def test_self_described_people_noun_holds_the_words_before_it(pipeline: Pipeline) -> None:
    qs = run(pipeline, "Many self-described moderate voters said the tax was too high.").quotes
    assert [(q.cue, q.text, q.speaker_kind) for q in qs][0] == ("self-described", "moderate", "group")


def test_self_proclaimed_name_is_no_holder_of_itself(pipeline: Pipeline) -> None:
    qs = run(pipeline, "The self-proclaimed Northern Republic said the road was closed.").quotes
    assert [q.cue for q in qs] == ["said"]
