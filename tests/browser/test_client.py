"""The client view in a real browser: on a tablet and a phone, its two controls, and axe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
VIEW = "/?symptom=headache&side=left&view=client"


def _shown(page: Page) -> None:
    expect(page.locator(".client-active .client-chart")).to_be_visible()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    ("name", "width", "height"),
    [("client-tablet", 1024, 768), ("client-phone", 390, 844)],
)
def test_the_client_view_at_tablet_and_phone_size(
    offline_page: Page, base_url: str, name: str, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + VIEW)
    _shown(page)
    # The explorer is out of the way; the chart, the places and the red flags are there.
    expect(page.locator(".page-grid")).to_be_hidden()
    expect(page.locator(".client-place")).to_have_count(3)
    expect(page.locator(".client-flags li").first).to_be_visible()
    chart = page.locator(".client-chart").bounding_box()
    assert chart is not None and chart["width"] >= min(width - 40, 560)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    results = Axe().run(page, options=RULES)
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_next_place_walks_the_three_and_the_side_switches(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(base_url + VIEW)
    _shown(page)
    for rank in (1, 2, 3, 1):
        page.get_by_role("button", name="Next place").click()
        expect(page).to_have_url(re.compile(rf"[?&]focus={rank}(&|$)"))
        expect(page.locator(".client-place-focused h3")).to_contain_text(str(rank))
    page.get_by_role("button", name="Right").click()
    expect(page.locator(".client-lead")).to_contain_text("(right)")
    expect(page.locator(".client-place-focused")).to_have_count(0)


def test_the_switch_opens_the_client_view_of_the_same_trace(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.goto(base_url + "/?symptom=calf-pain&side=right")
    expect(page.locator("#trace-cards .candidate").first).to_be_visible()
    page.get_by_role("button", name="Client view").click()
    _shown(page)
    assert "view=client" in page.url and "symptom=calf-pain" in page.url
    page.get_by_role("button", name="Back to the explorer").click()
    expect(page.locator(".page-grid")).to_be_visible()
    expect(page.locator(".client-active")).to_have_count(0)
