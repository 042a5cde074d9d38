"""The journeys a person makes in the app, in a real browser, with no network but the app's."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from fascialines.atlas import Atlas, Symptom
from fascialines.web.figure import geometry
from fascialines.web.pieces import with_side
from fascialines.web.views import controls
from fascialines.web.views import line as line_view
from fascialines.web.views import page as page_view
from fascialines.web.views import region as region_view

# Marks drawn on the overlay layer (felt-at, candidates, paths, a highlighted line), which is
# the whole upper layer of the diagram (assets/overlay.js draws it as one SVG).
OVERLAY_POINTS = """() => document.querySelectorAll('#body-overlay-layer svg g > *').length"""

# Where a region's marker is on screen, from plotly's own axis mapping.
MARKER_POSITION = """([regionId, side]) => {
    const gd = document.querySelector('#body-graph .js-plotly-plot');
    const box = gd.getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    // The regions' hover and click targets (web/figure/region_marks.py).
    const t = gd.data.find((t) => t.name === 'regions');
    const i = t.customdata.findIndex(d => d && d[0] === regionId && d[1] === side);
    return i >= 0
        ? [box.left + xa._offset + xa.l2p(t.x[i]), box.top + ya._offset + ya.l2p(t.y[i])]
        : null;
}"""


def _alone(atlas: Atlas, region_id: str, room: float = 2.0) -> bool:
    """Whether the left copy of a region is ``room`` figure units from every other region in
    every view it is drawn in."""
    spots = {
        (region.id, side, view): placed[:2]
        for region in atlas.regions
        for side in ("left", "right", "midline")
        for view in geometry.CHART_VIEWS
        if (placed := geometry.point(region, side, view)) is not None and placed[2]
    }
    own = [
        (view, spot)
        for (rid, side, view), spot in spots.items()
        if (rid, side) == (region_id, "left")
    ]
    return bool(own) and all(
        math.dist(spot, other) >= room
        for view, spot in own
        for (rid, side, other_view), other in spots.items()
        if other_view == view and (rid, side) != (region_id, "left")
    )


def _symptom(atlas: Atlas) -> Symptom:
    """A symptom that people also call by another name, so the search by alias is exercised."""
    return next(s for s in atlas.symptoms if s.aliases and s.aliases[0] != s.name)


def _unique_alias(atlas: Atlas) -> tuple[Symptom, str]:
    """A symptom and an alias that the search finds in no other symptom."""
    texts = {s.id: " ".join([s.name, *s.aliases]).lower() for s in atlas.symptoms}
    for symptom in atlas.symptoms:
        for alias in symptom.aliases:
            if [i for i, text in texts.items() if alias.lower() in text] == [symptom.id]:
                return symptom, alias
    raise AssertionError("every alias also matches another symptom")


def _ready(page: Page) -> None:
    expect(page.locator("#body-graph .js-plotly-plot .main-svg").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def _overlay_points(page: Page, atlas: Atlas) -> int:
    return page.evaluate(OVERLAY_POINTS)


def _choose(page: Page, dropdown_id: str, typed: str, option: str) -> None:
    page.locator(f"#{dropdown_id}").click()
    expect(page.locator(".dash-dropdown-search")).to_be_focused()
    page.keyboard.type(typed)
    page.locator(".dash-dropdown-option", has_text=option).first.click()


def test_choosing_a_symptom_by_alias_fills_the_list_and_the_diagram(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page, symptom = offline_page, _symptom(atlas)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url.split("?")[0]))
    page.goto(base_url)
    _ready(page)
    assert _overlay_points(page, atlas) == 0
    # The small plotly bundle in the assets stands in for the full one.
    assert not [url for url in scripts if url.endswith("/plotly.min.js")]
    _choose(page, controls.Ids.SYMPTOM, symptom.aliases[0], symptom.name)
    expect(page.locator("#trace-head h2")).to_have_text(symptom.name)
    expect(page.locator(".candidate").first).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(f"symptom={symptom.id}")))
    page.wait_for_function(f"({OVERLAY_POINTS})() > 0")
    expect(page.locator("#safety")).to_contain_text("not diagnosis")


def test_a_shared_link_opens_the_same_view_and_back_returns_to_it(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page, symptom, line = offline_page, _symptom(atlas), atlas.lines[0]
    shared = f"{base_url}/?symptom={symptom.id}&side=left&line={line.abbreviation}&focus=1"
    page.goto(shared)
    _ready(page)
    expect(page.locator(f"#{controls.Ids.SYMPTOM}")).to_contain_text(symptom.name)
    expect(page.locator(f"#{controls.Ids.SIDE} input[value=left]")).to_be_checked()
    expect(page.locator(".candidate-focused")).to_have_count(1)
    expect(page.locator(f"#{line_view.Ids.DETAILS} h2")).to_contain_text(line.name)

    page.locator(f"#{controls.Ids.SIDE} label", has_text="Right").click()
    expect(page).to_have_url(
        f"{base_url}/?symptom={symptom.id}&side=right&line={line.abbreviation}"
    )
    expect(page.locator(".candidate-focused")).to_have_count(0)
    page.go_back()
    expect(page).to_have_url(shared)
    expect(page.locator(f"#{controls.Ids.SIDE} input[value=left]")).to_be_checked()
    expect(page.locator(".candidate-focused")).to_have_count(1)

    page.get_by_role("link", name="Start again").click()
    expect(page.locator("#trace-head h2")).to_have_text("Where does it hurt?")
    expect(page.locator(f"#{controls.Ids.SIDE} input[value=both]")).to_be_checked()
    assert "?" not in page.url.rstrip("?")


def test_the_welcomes_links_open_their_view_in_the_page_and_back_returns(
    offline_page: Page, base_url: str
) -> None:
    # In-app links are plain links in markup (pieces.in_app_link): a click is followed with
    # no page load (assets/app.js), and the browser's history keeps each view.
    page = offline_page
    page.goto(base_url)
    _ready(page)
    page.evaluate("window.__samePage = true")
    example = page.locator(".chips a[data-in-app]").first
    name = example.inner_text()
    example.click()
    expect(page.locator("#trace-head h2")).to_have_text(name)
    expect(page).to_have_url(re.compile(r"\?symptom="))
    assert page.evaluate("window.__samePage === true"), "no page load"
    page.go_back()
    expect(page.locator("#trace-head h2")).to_have_text("Where does it hurt?")
    page.get_by_role("link", name="Evidence").click()
    expect(page).to_have_url(f"{base_url}/?view=evidence")
    assert page.evaluate("window.__samePage === true"), "no page load"


def test_exploring_a_line_shows_every_step_with_its_evidence(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    line = max(atlas.lines, key=lambda line: len(line.transitions))
    page.goto(base_url)
    _ready(page)
    _choose(page, controls.Ids.LINE, line.abbreviation, line.name)
    rows = page.locator(f"#{line_view.Ids.DETAILS} tbody tr")
    expect(rows).to_have_count(len(line.transitions))
    expect(rows.first.locator(".badge")).to_have_count(1)
    expect(page).to_have_url(re.compile(re.escape(f"line={line.abbreviation}")))
    page.wait_for_function(f"({OVERLAY_POINTS})() > 0")


def test_hovering_or_tabbing_to_a_step_shows_it_on_the_body(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    line = max(atlas.lines, key=lambda line: len(line.transitions))
    page.goto(base_url + f"?line={line.abbreviation}")
    _ready(page)
    # The step is drawn in the row's amber (assets/app.js), over the overlay.
    highlight = """() => document.querySelectorAll(
        '#body-overlay-layer svg path[stroke="#d99a00"]').length"""
    rows = page.locator(f"#{line_view.Ids.DETAILS} tbody tr")
    expect(rows).to_have_count(len(line.transitions))
    rows.nth(1).hover()
    page.wait_for_function(f"({highlight})() > 0")
    expect(rows.nth(1)).to_have_class(re.compile("step-shown"))
    page.locator("h1").hover()
    page.wait_for_function(f"({highlight})() === 0")
    # The keyboard reaches the same highlight: a row's region button takes the focus.
    rows.nth(0).get_by_role("button").first.focus()
    page.wait_for_function(f"({highlight})() > 0")
    expect(page.locator(f"#{line_view.Ids.DETAILS}")).to_be_visible()
    expect(page.locator("#trace-head")).not_to_contain_text("Where does it hurt?")


def test_the_picker_finds_a_sentence_and_says_did_you_mean(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    heel = next(s for s in atlas.symptoms if s.id == "plantar-fasciitis")
    page.goto(base_url)
    _ready(page)
    page.locator(f"#{controls.Ids.SYMPTOM}").click()
    expect(page.locator(".dash-dropdown-search")).to_be_focused()
    page.keyboard.type("xyzzy")
    expect(page.locator("#trace-symptom-hint")).to_contain_text("Nothing matches")
    page.keyboard.press("Escape")
    _choose(page, controls.Ids.SYMPTOM, "my heel hurts", heel.name)
    expect(page.locator("#trace-head h2")).to_have_text(heel.name)
    # The chosen symptom keeps its full name in the picker.
    expect(page.locator(f"#{controls.Ids.SYMPTOM}")).to_contain_text(heel.name)


def test_clicking_a_region_explores_it_beside_the_diagram_and_traces_on_request(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    # plotly answers the point nearest the pointer: a region with no other close by, so a
    # pointer a pixel off still lands on it.
    region_ = next(
        r
        for line_ in atlas.lines
        for r in map(atlas.region, line_.stations)
        if r.laterality == "paired" and (r.front or r.back) and _alone(atlas, r.id)
    )
    # Tall enough that the whole body, soles included, is on screen to be clicked.
    page.set_viewport_size({"width": 1440, "height": 1100})
    page.goto(base_url)
    _ready(page)
    position: Any = page.evaluate(MARKER_POSITION, [region_.id, "left"])
    assert position is not None, f"no marker for {region_.id} (left) on the diagram"
    page.mouse.click(*position)
    panel = page.locator(f"#{region_view.Ids.DETAILS}")
    expect(panel.locator("h2")).to_contain_text(region_.name)
    expect(page).to_have_url(re.compile(re.escape(f"region={region_.id}:left")))
    # Exploring is not tracing: the welcome stays until the reader asks for a trace.
    expect(page.locator("#trace-head h2")).to_have_text("Where does it hurt?")
    graph_box, panel_box = page.locator("#body-graph").bounding_box(), panel.bounding_box()
    assert graph_box and panel_box and panel_box["x"] >= graph_box["x"] + graph_box["width"]
    panel.get_by_role("button", name="Trace pain felt here").click()
    expect(page.locator("#trace-head h2")).to_contain_text("Traced from")
    expect(page).to_have_url(re.compile(re.escape(f"felt={region_.id}:left")))


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (1024, 768), (390, 844)])
def test_the_layout_fits_desktop_tablet_and_phone(
    offline_page: Page, base_url: str, atlas: Atlas, tmp_path: Path, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/?symptom={_symptom(atlas).id}")
    _ready(page)
    expect(page.locator(".candidate").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scroll"
    diagram = page.locator("#body-graph").bounding_box()
    assert diagram is not None and diagram["width"] >= min(width - 40, 500)
    # Wide enough screens put the list beside the diagram; a phone puts it below.
    results = page.locator("#results").bounding_box()
    assert results is not None
    beside = results["x"] >= diagram["x"] + diagram["width"]
    assert beside == (width > 760)
    shot = tmp_path / f"view-{width}.png"
    page.screenshot(path=str(shot), full_page=width < 500)
    assert shot.stat().st_size > 10_000


def test_a_malformed_link_shows_a_message_not_an_error_page(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.goto(f"{base_url}/?symptom=no-such-thing&hops=many")
    _ready(page)
    notice = page.locator(f"#{page_view.Ids.NOTICE}")
    expect(notice).to_contain_text("no-such-thing")
    expect(notice).to_contain_text("many")
    expect(page.locator("#trace-head h2")).to_have_text("Where does it hurt?")


def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"!!document.activeElement.closest({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_keyboard_alone_chooses_a_symptom_and_copies_the_link(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page, (symptom, alias) = offline_page, _unique_alias(atlas)
    page.goto(base_url)
    _ready(page)
    # Every control has an accessible name, each radio group by its legend.
    expect(page.get_by_role("radiogroup", name="How far along a line")).to_be_visible()
    expect(page.get_by_role("radio", name="Left")).to_be_visible()
    _tab_to(page, f"#{controls.Ids.SYMPTOM}")
    page.keyboard.press("Enter")
    expect(page.locator(".dash-dropdown-search")).to_be_focused()
    page.keyboard.type(alias)
    expect(page.locator(".dash-dropdown-option").first).to_contain_text(symptom.name)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#trace-head h2")).to_have_text(symptom.name)
    # The copy button is in the header: Tab from the top of the page.
    page.focus(".skip-link")
    _tab_to(page, ".copy-link")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "keyboard focus is visible"
    page.keyboard.press("Enter")
    expect(page.locator(".copy-link")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == page.url


def test_choosing_a_candidate_in_the_list_focuses_it_without_reloading(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    page.goto(base_url)
    _ready(page)
    page.evaluate("window.notReloaded = true")
    page.locator(".chips a").first.click()
    expect(page.locator(".candidate").nth(1)).to_be_visible()
    page.locator(".candidate").nth(1).get_by_role("button", name="Show on the body").click()
    expect(page.locator(".candidate-focused h3")).to_contain_text("2.")
    expect(page).to_have_url(re.compile(re.escape("focus=2")))
    assert page.evaluate("window.notReloaded") is True, "links navigate inside the app"
    # The same button gives the focus back.
    page.locator(".candidate-focused").get_by_role("button", name="Show all").click()
    expect(page.locator(".candidate-focused")).to_have_count(0)
    assert "focus" not in page.url


def test_a_cards_fold_fetches_its_text_once_and_keeps_it(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "/fold?" in r.url else None)
    page.goto(f"{base_url}?symptom=headache&side=left")
    _ready(page)
    card = page.locator(".candidate").nth(1)
    card.locator("summary", has_text="Why, self-care and sources").click()
    body = card.locator(".fold-body")
    expect(body).to_contain_text("Ranked here for:")
    expect(body).to_contain_text("Sources (")
    assert len(requests) == 1 and "rank=2" in requests[0]
    # Its "why it is contested" leads to the caveats, put in from the page's own template.
    expect(page.locator("#trigger-point-caveats")).to_contain_text("About trigger points")
    # Closed and opened again, and after a new focus: the same text, no new request.
    card.locator("summary").click()
    card.locator("summary").click()
    page.locator(".candidate").nth(0).get_by_role("button", name="Show on the body").click()
    expect(page.locator(".candidate-focused h3")).to_contain_text("1.")
    expect(body).to_contain_text("Ranked here for:")
    assert len(requests) == 1


def test_a_region_is_found_by_its_plain_name_and_shows_its_lines(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    region = next(
        r
        for line in atlas.lines
        for r in map(atlas.region, line.stations)
        if r.laterality == "paired" and r.plain_name and r.plain_name.lower() not in r.name.lower()
    )
    page.goto(base_url)
    _ready(page)
    _choose(page, controls.Ids.REGION, region.plain_name, with_side(region.name, "right"))
    expect(page.locator(f"#{region_view.Ids.DETAILS} h2")).to_have_text(
        with_side(region.name, "right")
    )
    expect(page.locator(f"#{region_view.Ids.DETAILS} li").first).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(f"region={region.id}:right")))


def test_the_red_flags_and_the_not_a_diagnosis_note_are_on_the_first_screen(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    symptom = max(atlas.symptoms, key=lambda s: len(s.red_flags))
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{base_url}/?symptom={symptom.id}")
    _ready(page)
    note = page.locator(".not-diagnosis")
    expect(note).to_be_in_viewport(ratio=1)
    flags = page.locator(".red-flags li")
    expect(flags).to_have_count(len(symptom.red_flags))
    flags_box = page.locator(".red-flags").bounding_box()
    first = page.locator(".candidate").first.bounding_box()
    assert flags_box is not None and first is not None
    assert flags_box["y"] + flags_box["height"] <= first["y"], "red flags before any candidate"
    # The note's link leads to the full disclaimer and the contraindications below the list.
    note.get_by_role("link").click()
    expect(page.locator("#safety")).to_be_in_viewport()


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_key_is_html_under_the_diagram_at_every_width(
    offline_page: Page, base_url: str, atlas: Atlas, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/?symptom={_symptom(atlas).id}&side=left")
    _ready(page)
    key = page.locator(".diagram-key")
    expect(key).to_be_visible()
    for line_ in atlas.lines:
        expect(key.get_by_title(line_.name, exact=True)).to_contain_text(line_.abbreviation)
    expect(key).to_contain_text("not studied")
    # plotly draws no legend: the body has the whole figure.
    assert page.locator("#body-graph .infolayer > g[class^=legend]").count() == 0
    diagram_box, key_box = page.locator("#body-graph").bounding_box(), key.bounding_box()
    assert diagram_box is not None and key_box is not None
    assert 0 <= key_box["y"] - (diagram_box["y"] + diagram_box["height"]) < 20


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (1920, 1080)])
def test_the_diagram_and_the_first_three_candidates_share_the_first_screen(
    offline_page: Page, base_url: str, atlas: Atlas, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    symptom = max(atlas.symptoms, key=lambda s: len(s.red_flags))
    page.goto(f"{base_url}/?symptom={symptom.id}&side=left")
    _ready(page)
    expect(page.locator(".red-flags")).to_be_in_viewport(ratio=1)
    for index in range(3):
        expect(page.locator(".candidate h3").nth(index)).to_be_in_viewport(ratio=1)
    # The whole body, from the top of the head to the soles (where heel pain is marked).
    vertex, soles = page.evaluate(
        """() => {
          const gd = document.querySelector('#body-graph .js-plotly-plot');
          const top = gd.getBoundingClientRect().top, ya = gd._fullLayout.yaxis;
          return [100, 0].map((y) => top + ya._offset + ya.l2p(y));
        }"""
    )
    assert 0 <= vertex < soles <= height


def test_on_a_phone_the_first_candidate_follows_the_diagram_within_one_screen(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    symptom = max(atlas.symptoms, key=lambda s: len(s.red_flags))
    page.goto(f"{base_url}/?symptom={symptom.id}&side=left")
    _ready(page)
    graph_box = page.locator("#body-graph").bounding_box()
    first = page.locator(".candidate h3").first.bounding_box()
    assert graph_box is not None and first is not None
    assert first["y"] + first["height"] - (graph_box["y"] + graph_box["height"]) <= 844


def test_focusing_a_candidate_does_not_move_the_page(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{base_url}/?symptom={_symptom(atlas).id}")
    _ready(page)
    row = page.locator(".candidate-row").nth(3)
    row.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 0, "the row is below the first screen"
    row.get_by_role("button").click()
    expect(page.locator(".candidate-row.candidate-focused")).to_have_count(1)
    expect(page).to_have_url(re.compile("focus="))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.scrollY") == before


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_a_slow_answer_shows_the_busy_indicator_until_it_arrives(
    offline_page: Page, base_url: str, atlas: Atlas, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{base_url}/?symptom={_symptom(atlas).id}")
    _ready(page)
    # Every answer of the page's callbacks arrives 1.5 s late from now on.
    page.evaluate(
        """() => {
            const plain = window.fetch;
            window.fetch = (...args) => {
                const url = String((args[0] && args[0].url) || args[0]);
                const answer = plain(...args);
                return url.includes('_dash-update-component')
                    ? answer.then((r) => new Promise((done) => setTimeout(() => done(r), 1500)))
                    : answer;
            };
        }"""
    )
    busy = """() => {
        const caption = document.getElementById('body-caption');
        const mark = getComputedStyle(caption, '::before');
        const shown = document.elementFromPoint(innerWidth / 2, 12);
        return caption.dataset.dashIsLoading === 'true' && mark.visibility === 'visible'
            && mark.content.includes('Working') && shown === caption;
    }"""
    page.locator(f"#{controls.Ids.SIDE} label", has_text="Right").click()
    page.wait_for_function(busy, timeout=5000)
    expect(page).to_have_url(re.compile("side=right"))
    page.wait_for_function(
        "() => !document.getElementById('body-caption').dataset.dashIsLoading", timeout=10000
    )
    assert not page.evaluate(busy)
