"""axe-core (WCAG 2.2 A and AA rules) over the app's main views at desktop and phone width.

axe-core comes bundled in axe-playwright-python (PyPI); nothing is fetched from a CDN.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from fascialines.atlas import Atlas

RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
AXE = Axe()


def _views(atlas: Atlas) -> dict[str, str]:
    symptom = max(atlas.symptoms, key=lambda s: len(s.red_flags))
    line = max(atlas.lines, key=lambda line: len(line.transitions))
    return {
        "empty": "",
        "trace": f"?symptom={symptom.id}&side=left",
        "focused": f"?symptom={symptom.id}&side=left&focus=2",
        "line": f"?line={line.abbreviation}",
    }


def _serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("view", ["empty", "trace", "focused", "line"])
@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_no_serious_accessibility_violation(
    offline_page: Page, base_url: str, atlas: Atlas, view: str, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(base_url + "/" + _views(atlas)[view])
    expect(page.locator("#body-graph .js-plotly-plot .main-svg").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#trace-head h2, #line-details h2").first).to_be_visible()
    assert _serious(AXE.run(page, options=RULES)) == []
