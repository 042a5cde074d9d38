"""The handout in a real browser: three clicks from a complaint to print, typed text that never
leaves the page, a download that keeps it, one printed page at A4 and at Letter.

Every request of the browser context is recorded with its body, so "never sent" is checked on
what the browser actually sent, not on what the code means to send.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from fascialines.atlas import Atlas
from fascialines.graph import build_graph
from fascialines.tracing import trace

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
HEADING, NOTE = "Alexandra Quist", "Try the calf routine twice this week"
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
# window.print opens a dialog a headless browser cannot show: count the calls instead.
COUNT_PRINTS = "window.print = () => { window.__prints = (window.__prints || 0) + 1; };"


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _record(page: Page) -> list[str]:
    """Every request of the page's context: its URL, headers and body, as one text each."""
    sent: list[str] = []

    def keep(request: Any) -> None:
        body = request.post_data or ""
        sent.append(f"{request.url} {request.headers} {body}")

    page.context.on("request", keep)
    return sent


def test_three_clicks_from_a_complaint_to_print(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    page.context.add_init_script(COUNT_PRINTS)
    page.goto(base_url + "/")
    expect(page.locator("#trace-head h2")).to_be_visible()
    symptom = atlas.symptom_by_id("headache")
    # 1. A complaint from the welcome's examples.
    page.locator("#trace-head a", has_text=symptom.name).click()
    expect(page.locator("#trace-head h2")).to_have_text(symptom.name)
    # 2. Handout: the print-ready page opens beside the app.
    with page.context.expect_page() as opened:
        page.locator("a.handout-link").click()
    handout = opened.value
    handout.wait_for_load_state()
    expect(handout.locator("h1")).to_have_text(symptom.name)
    # 3. Print.
    handout.locator("#handout-print").click()
    assert handout.evaluate("window.__prints") == 1


def test_typed_text_stays_in_the_page_and_in_its_download(
    offline_page: Page, base_url: str, tmp_path: Path
) -> None:
    page = offline_page
    sent = _record(page)
    page.goto(base_url + "/handout?symptom=plantar-fasciitis&side=left&focus=2")
    page.locator("#handout-heading").click()
    page.keyboard.type(HEADING)
    page.locator("#handout-note").click()
    page.keyboard.type(NOTE)
    expect(page.locator("#handout-heading")).to_have_text(HEADING)
    with page.expect_download() as download:
        page.locator("#handout-download").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    page.wait_for_timeout(300)
    assert sent, "the page's own request was recorded"
    assert not [r for r in sent if HEADING.split()[0] in r or "calf routine" in r]
    text = saved.read_text(encoding="utf-8")
    assert saved.name == "handout-heel-pain-plantar-fasciitis.html"
    assert HEADING in text and NOTE in text
    # The saved file works offline: it opens from disk (in a tab of its own: the app's tab
    # may only reach the test server) with the text typed, its script running under its own
    # policy, and sends nothing.
    saved_page = page.context.new_page()
    errors: list[str] = []
    saved_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    saved_page.add_init_script(COUNT_PRINTS)
    saved_page.goto(saved.as_uri())
    expect(saved_page.locator("#handout-heading")).to_have_text(HEADING)
    saved_page.locator("#handout-print").click()
    assert saved_page.evaluate("window.__prints") == 1
    assert errors == []
    assert not [r for r in sent if HEADING.split()[0] in r]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(
    ("symptom", "side", "focus_last"),
    [
        # Among the longest handouts: seven red flags and long self-care, the same with a
        # fourth place (the focus on the last-ranked place), a long list of sources.
        ("low-back-pain", "both", False),
        ("low-back-pain", "both", True),
        ("occipital-headache", "right", False),
        ("calf-pain", "left", False),
    ],
)
def test_the_handout_prints_on_one_page(
    offline_page: Page,
    base_url: str,
    atlas: Atlas,
    paper: str,
    symptom: str,
    side: str,
    focus_last: bool,
) -> None:
    page = offline_page
    query = f"symptom={symptom}&side={side}"
    if focus_last:
        last = trace(build_graph(atlas), symptom, side=side).candidates[-1].rank
        assert last > 3
        query += f"&focus={last}"
    page.goto(f"{base_url}/handout?{query}")
    if focus_last:
        expect(page.locator(".places > li")).to_have_count(4)
    page.locator("#handout-heading").click()
    page.keyboard.type(HEADING)
    assert _pages(page.pdf(format=paper)) == 1


def test_the_handout_screenshot_and_accessibility(offline_page: Page, base_url: str) -> None:
    page = offline_page
    page.set_viewport_size({"width": 900, "height": 1300})
    page.goto(base_url + "/handout?symptom=plantar-fasciitis&side=left")
    page.locator("#handout-heading").click()
    page.keyboard.type("Sam")
    page.mouse.click(5, 5)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "handout.png"), full_page=True)
    results = Axe().run(page, options=RULES)
    serious = [
        f"{v['id']} ({v['impact']})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_printing_the_app_shows_the_answer_not_the_controls(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.goto(base_url + "/?symptom=headache&side=left")
    expect(page.locator("#trace-cards .candidate").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    for hidden in (".controls", ".explore-pickers", ".share", "#trace-more", ".therapist-switches"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("#body-graph")).to_be_visible()
    expect(page.locator(".red-flags")).to_be_visible()
    expect(page.locator("#trace-cards .candidate")).to_have_count(3)
