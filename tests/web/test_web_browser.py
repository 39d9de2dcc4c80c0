"""End-to-end: the pages in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Screenshots of every view are written to the test's temporary folder (and, with
NEWSGRAPH_WEB_SCREENSHOTS=DIR, to DIR as web-<view>.png: that is how docs/img/ is refreshed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records script errors, dialogs and every URL it requests."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.errors, pg.dialogs, pg.requested = [], [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: pg.requested.append(r.url))
    yield pg
    ctx.close()
    assert pg.errors == [], pg.errors
    assert [u for u in pg.requested if not u.startswith(server)] == []  # nothing fetched from elsewhere


def shoot(pg: Any, tmp_path: Path, name: str) -> Path:
    out = tmp_path / f"{name}.png"
    pg.screenshot(path=str(out))
    keep = os.environ.get("NEWSGRAPH_WEB_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(out, Path(keep) / f"web-{out.name}")
    return out


def test_article_page_highlights_and_shows_the_provenance_chain(
    page: Any, server: str, ids: dict[str, str], tmp_path: Path
) -> None:
    page.goto(f"{server}/articles/{ids['example']}")
    doc = page.locator("#doc")
    assert doc.locator("mark.ent-actor").count() >= 10
    assert doc.locator("mark.ent-event").count() >= 5
    assert doc.locator("mark.ent-quantity").count() >= 2
    assert doc.locator("mark.ent-place").count() >= 3
    assert doc.locator("span.quote, mark.in-quote").count() >= 3
    assert page.locator("mark.ent-actor", has_text="Pahon").first.is_visible()
    chains = page.locator("#provenance .chain").all_inner_texts()
    assert "Newsweek → AFP → Eric Pahon" in [c.strip() for c in chains]
    assert "sentences attributed" in page.locator("#sourcing").inner_text()
    # hovering an event shows its type, mode, modality, confidence and rule
    page.locator("mark.ent-event").first.hover()
    card = page.locator("#card")
    card.wait_for(state="visible")
    text = card.inner_text()
    for field in ("modality", "confidence", "rule", "mode"):
        assert field in text, text
    shoot(page, tmp_path, "article")


def test_hostile_article_runs_no_script(page: Any, server: str, ids: dict[str, str], tmp_path: Path) -> None:
    page.goto(f"{server}/articles/{ids['evil']}")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert "<script>alert('xss')</script>" in page.locator("#doc").inner_text()
    assert "<b>Bold</b>" in page.locator("h1.title").inner_text()
    assert page.locator("#doc img").count() == 0 and page.locator("#doc script").count() == 0
    page.goto(f"{server}/?q=protester")
    assert page.dialogs == [] and page.locator("#articles b").count() == 0


def test_graph_click_on_an_actor_filters_the_other_views(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/graph")
    page.wait_for_selector("#graph[data-ready]")
    box = page.locator("#graph").bounding_box()
    pos = page.evaluate("() => window.ngGraph.getElementById('RUS').renderedPosition()")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    page.wait_for_function("() => document.querySelector('#sel-title').textContent === 'Russia'")
    page.wait_for_selector("#sel-body li")
    assert "Events (" in page.locator("#sel-body").inner_text()
    assert "actor=RUS" in page.url
    assert "actor=RUS" in page.locator("a.nav", has_text="Map").get_attribute("href")
    assert page.locator("#filters [name=actor]").input_value() == "RUS"
    shoot(page, tmp_path, "graph")
    page.locator("a.nav", has_text="Timeline").click()
    page.wait_for_selector("main[data-ready]")
    assert "actor=RUS" in page.url


def test_map_shows_syria(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-ready]")
    assert page.locator("#map .land path").count() > 100
    assert "Syria" in page.locator("#map .place-label").all_text_contents()
    assert page.locator("#place-list li", has_text="Syria").first.is_visible()
    assert page.locator("#map circle.ev").count() >= 3
    shoot(page, tmp_path, "map")


def test_timeline_shows_events_and_disagreeing_claims(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/timeline")
    page.wait_for_selector("main[data-ready]")
    assert page.locator("#events-chart canvas").count() == 1
    assert page.locator("#series-chart canvas").count() == 1
    flagged = page.locator("#series-table tr.disagree")
    assert flagged.count() >= 2
    assert "2,000" in flagged.all_inner_texts()[-1] or "2,000" in " ".join(flagged.all_inner_texts())
    shoot(page, tmp_path, "timeline")


def test_articles_page_and_api_docs_work_offline(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/?country=TUR")
    rows = page.locator("#articles tbody tr")
    assert rows.count() >= 1 and "Turkey and Russia hold talks on Syria" in rows.all_inner_texts()[0]
    shoot(page, tmp_path, "articles")
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".swagger-ui .opblock-summary-path", has_text="/api/graph").count() == 1
    shoot(page, tmp_path, "api-docs")
