"""A small synthetic corpus with hand-built records (for tests, demos and the docs).

Three outlets report the same U.S. troop numbers and strikes in Syria on nearby days, with one
disagreement on the troop count; every record's evidence is a real span of its text.
"""

from __future__ import annotations

from ..model import Actor, Article, Attribution, DateRef, Event, Mention, Place, Quantity, Quote, Scope

_STORIES = (
    (
        "2017-12-06",
        "Daily Planet",
        "https://dailyplanet.example/syria-1",
        "U.S. forces struck ISIS near Raqqa on Monday. The Pentagon said about 2,000 troops remain in Syria. "
        '"We will stay," said Eric Pahon.',
        2000.0,
    ),
    (
        "2017-12-07",
        None,
        "https://www.gazette.example/world/syria",
        "U.S. forces struck ISIS near Raqqa again. Officials said 1,720 troops are in Syria. "
        "Russia accused the United States of bombing civilians.",
        1720.0,
    ),
    (
        "2017-12-20",
        "Wire Service",
        None,
        "U.S. forces struck ISIS near Raqqa. About 2,000 troops are deployed in Syria, the Pentagon said.",
        2000.0,
    ),
)


def _find(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def sample_articles() -> list[Article]:
    """Three short articles with actors, events, quotes, quantities, places and dates."""
    out: list[Article] = []
    for n, (published, source, url, text, troops) in enumerate(_STORIES):
        art = Article(
            text=text,
            raw_text=text,
            published=published,
            source=source,
            url=url,
            title=f"Syria story {n + 1}",
            input=f"sample-{n + 1}.txt",
        )
        _add_strike(art)
        _add_troop_count(art, troops)
        if "Monday" in text:
            _add_monday(art)
        if "Eric Pahon" in text:
            _add_spokesman_quote(art)
        if "Russia" in text:
            _add_accusation(art)
        if source:
            art.attributions = [Attribution(source=source, cue="reported", scope=Scope(start=0, end=len(text)))]
        out.append(art)
    return out


def _mention(art: Article, part: str, via: str) -> list[Mention]:
    return [art.mention(*_find(art.text, part), via)]


def _add_strike(art: Article) -> None:
    """U.S. forces (USA.MIL) struck ISIS near Raqqa, in Syria: two actors, two places, one event."""
    text = art.text
    art.actors = [
        Actor(
            id="USA.MIL",
            name="U.S. forces",
            country="USA",
            sector="MIL",
            kind="state",
            known=True,
            mentions=_mention(art, "U.S. forces", "noun"),
        ),
        Actor(id="ISIS", name="ISIS", kind="group", sector="INS", known=True, mentions=_mention(art, "ISIS", "ner")),
    ]
    art.places = [
        Place(
            id="p.163345",
            name="Raqqa",
            country="SYR",
            lat=35.95,
            lon=39.01,
            geonameid=163345,
            feature="city",
            mentions=_mention(art, "Raqqa", "ner"),
        ),
        Place(
            id="p.163843",
            name="Syria",
            country="SYR",
            lat=35.0,
            lon=38.0,
            geonameid=163843,
            feature="country",
            mentions=_mention(art, "Syria", "ner"),
        ),
    ]
    first = text.index(". ", text.index("Raqqa")) + 1
    art.events = [
        Event(
            id="e1",
            plover="ASSAULT",
            mode="aerial",
            cameo="195",
            source=["USA.MIL"],
            target=["ISIS"],
            place="p.163345",
            evidence=art.span(0, first),
            rule="sample",
            trigger=art.span(*_find(text, "struck")),
            goldstein=-10.0,
            quad_class=4,
            sentence=0,
        )
    ]


def _add_troop_count(art: Article, troops: float) -> None:
    """The number of U.S. troops in Syria the article gives."""
    s, e = _find(art.text, f"{int(troops):,} troops")
    art.quantities = [
        Quantity(
            id="n1",
            value=troops,
            unit="troops",
            approximate="bout" in art.text[s - 6 : s],
            holder="USA.MIL",
            place="p.163843",
            evidence=art.span(s, e),
        )
    ]


def _add_monday(art: Article) -> None:
    """'Monday' resolved against the publication date; the strike happened then."""
    s, e = _find(art.text, "Monday")
    art.dates = [
        DateRef(
            id="d1",
            text="Monday",
            value="2017-12-04",
            start="2017-12-04",
            end="2017-12-04",
            precision="day",
            evidence=art.span(s, e),
        )
    ]
    art.events[0].date = "2017-12-04"


def _add_spokesman_quote(art: Article) -> None:
    """A direct quote of a named spokesperson."""
    s, e = _find(art.text, "Eric Pahon")
    art.actors.append(
        Actor(
            id="PER.eric_pahon",
            name="Eric Pahon",
            country="USA",
            sector="MIL",
            kind="person",
            role="spokesperson",
            mentions=[art.mention(s, e, "ner")],
        )
    )
    qs, qe = _find(art.text, '"We will stay,"')
    art.quotes = [
        Quote(
            id="q1",
            text="We will stay,",
            kind="direct",
            speaker="PER.eric_pahon",
            cue="said",
            via="ner",
            evidence=art.span(qs, qe),
            speaker_span=art.span(s, e),
        )
    ]


def _add_accusation(art: Article) -> None:
    """Russia (RUS) accuses the United States (USA): two state actors and an ACCUSE event."""
    text = art.text
    art.actors += [
        Actor(
            id="RUS",
            name="Russia",
            country="RUS",
            sector="GOV",
            kind="state",
            known=True,
            mentions=_mention(art, "Russia", "ner"),
        ),
        Actor(
            id="USA",
            name="United States",
            country="USA",
            sector="GOV",
            kind="state",
            known=True,
            mentions=_mention(art, "the United States", "ner"),
        ),
    ]
    es = text.index("Russia accused")
    art.events.append(
        Event(
            id="e2",
            plover="ACCUSE",
            cameo="112",
            source=["RUS"],
            target=["USA"],
            evidence=art.span(es, len(text)),
            rule="sample",
            quad_class=3,
            goldstein=-2.0,
            sentence=2,
        )
    )
