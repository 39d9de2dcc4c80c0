"""Names read from their words (org_names.py, gazetteer.py): organisations of a country, peoples, titled names the NER missed."""

from __future__ import annotations

import pytest
from tests.stages.actors.actor_probes import phrase_actor, run_actors

from newsgraph.pipeline import Pipeline


@pytest.mark.parametrize(("text", "phrase", "country", "sector"), [
    # a country's possessive before an institution's generic name: that country's institution
    ("Ghana's Supreme Court ruled on Monday that the vote was valid.", "Ghana's Supreme Court", "GHA", "JUD"),
    ("South Africa's Supreme Court upheld the sentence.", "South Africa's Supreme Court", "ZAF", "JUD"),
    ("The Supreme Court ruled against the president.", "Supreme Court", "USA", "JUD"),
    # organisations named after their country, unknown to the lexicon
    ("The Ghanaian Union of Nurses called off the strike.", "Ghanaian Union of Nurses", "GHA", "LAB"),
    ("The Kenya Anti-Corruption Commission questioned the minister.", "Kenya Anti-Corruption Commission",
     "KEN", "GOV"),
    # misspelt agent nouns
    ("Afghan guerillas attacked a convoy.", "Afghan guerillas", "AFG", "REB"),
    # a people living in another country
    ("Bosnian Serbs shelled the town.", "Bosnian Serbs", "BIH", "ETH"),
    ("Turkish Cypriots voted for the plan.", "Turkish Cypriots", "CYP", "CVL"),
    ("The Hungarians of northern Serbia want more autonomy.", "Hungarians", "SRB", "ETH"),
    ("Ethnic Albanians in Macedonia fought the army.", "Ethnic Albanians", "MKD", "ETH"),
    ("Americans in Iraq were kidnapped.", "Americans", "USA", None),
    # the plural possessive inside a name
    ("The banned Kurdistan Workers' Party denied the report.", "Kurdistan Workers' Party", "TUR", "REB"),
])
def test_names_shaped_by_their_words(pipeline: Pipeline, text: str, phrase: str, country: str,
                                     sector: str | None) -> None:
    a = phrase_actor(run_actors(pipeline, text), phrase)
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "phrase", "actor_id"),
    [
        # regression: the NER missed the titled name, so the known office holder was lost
        ("Premier Li Qiang met Chancellor Scholz in Beijing.", "Chancellor Scholz", "PER.olaf_scholz"),
        # regression: "Premier League" was a premier called League
        ("The striker won three Premier League titles.", "Premier League", "ORG.premier_league"),
    ],
)
def test_titles_the_ner_missed_and_bodies_named_like_titles(pipeline: Pipeline, text: str, phrase: str,
                                                            actor_id: str) -> None:
    art = run_actors(pipeline, text, published="2024-05-01")
    got = {m.text: a.id for a in art.actors for m in a.mentions}
    assert got.get(phrase) == actor_id, got
