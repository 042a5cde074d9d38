"""The body chart's tools in a real browser: the calm start's switch, zoom, reset, Save picture.

Every tool is a real button, so each journey uses the keyboard (focus, then Enter), as a person
without a mouse would.
"""

from __future__ import annotations

import json

from dash import html
from playwright.sync_api import Page, expect

from fascialines.web.figure.geometry import X_RANGE, Y_RANGE
from fascialines.web.views import diagram
from web_screen import find

# The axis ranges of both layers, lower first: as plotly holds them, and as the overlay was
# last drawn on (assets/overlay.js records them on its layer).
RANGES = """() => {
    const gd = document.querySelector('#body-graph .js-plotly-plot');
    const layer = document.getElementById('body-overlay-layer');
    return [
        [gd._fullLayout.xaxis.range.slice(), gd._fullLayout.yaxis.range.slice()],
        JSON.parse(layer.dataset.ranges || '[[0, 0], [0, 0]]'),
    ];
}"""

# How many of the lower layer's base line traces the page shows.
SHOWN_LINES = """() => Array.from(document.querySelectorAll(
    '#body-graph .scatterlayer g.trace')).filter((g) =>
        /tracebase(line|step)-/.test(g.getAttribute('class')) &&
        getComputedStyle(g).display !== 'none').length"""


def _ready(page: Page) -> None:
    expect(page.locator("#body-graph .js-plotly-plot .main-svg").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def _wait_home(page: Page, home: list[list[float]]) -> None:
    """Wait until both layers show the home ranges (all three views, the whole body)."""
    wanted = json.dumps(home[0] + home[1])
    page.wait_for_function(
        f"""() => ({RANGES})().every(([x, y]) =>
            [...x, ...y].every((v, i) => Math.abs(v - {wanted}[i]) < 1e-9))"""
    )


def _press(page: Page, action: str) -> None:
    button = page.locator(f"button.chart-{action}")
    button.focus()
    page.keyboard.press("Enter")


def test_the_chart_starts_calm_and_the_switch_shows_every_line(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.goto(base_url + "/")
    _ready(page)
    switch = page.locator("button.chart-every-line")
    expect(switch).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(SHOWN_LINES) == 0
    switch.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/?all_lines=1")
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(SHOWN_LINES) > 12
    page.keyboard.press("Enter")
    expect(switch).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(SHOWN_LINES) == 0


# Where the lower figure puts the first step mark of a line, in page pixels.
STEP_MARK = """() => {
    const gd = document.querySelector('#body-graph .js-plotly-plot');
    const box = gd.getBoundingClientRect();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const t = gd.data.find((t) => t.uid === 'basestep-0');
    return [box.left + xa._offset + xa.l2p(t.x[0]), box.top + ya._offset + ya.l2p(t.y[0])];
}"""


def _hover_text(page: Page, at: list[float]) -> str:
    page.mouse.move(0, 0)
    page.mouse.move(*at)
    page.wait_for_timeout(200)
    return page.evaluate("() => document.querySelector('#body-graph .hoverlayer').textContent")


def test_a_lines_steps_answer_hover_only_while_the_lines_show(
    offline_page: Page, base_url: str
) -> None:
    # plotly finds hover points from the data, hidden or not: assets/chart.js turns the step
    # marks' hover on with the lines. A step's text names its two ends with an arrow.
    page = offline_page
    page.set_viewport_size({"width": 1440, "height": 1100})
    page.goto(base_url + "/")
    _ready(page)
    at = page.evaluate(STEP_MARK)
    assert "\u2192" not in _hover_text(page, at)
    _press(page, "every-line")
    expect(page).to_have_url(f"{base_url}/?all_lines=1")
    page.wait_for_function(
        "() => document.querySelector('#body-graph .js-plotly-plot').data"
        ".find((t) => t.uid === 'basestep-0').hoverinfo === 'text'"
    )
    assert "\u2192" in _hover_text(page, at)
    _press(page, "every-line")
    expect(page).to_have_url(f"{base_url}/")
    page.wait_for_function(
        "() => document.querySelector('#body-graph .js-plotly-plot').data"
        ".find((t) => t.uid === 'basestep-0').hoverinfo === 'skip'"
    )
    assert "\u2192" not in _hover_text(page, at)


def test_zoom_moves_both_layers_together_and_reset_brings_the_whole_body_back(
    offline_page: Page, base_url: str
) -> None:
    page = offline_page
    page.goto(base_url + "/?line=SPL")
    _ready(page)
    home = [list(X_RANGE), list(Y_RANGE)]
    # Sent with the front and back views, the figure opens on all three on a wide screen.
    _wait_home(page, home)
    _press(page, "zoom-in")
    page.wait_for_function(
        f"() => ({RANGES})()[0][0][1] - ({RANGES})()[0][0][0] < {X_RANGE[1] - X_RANGE[0]}"
    )
    # The overlay follows the lower layer (it redraws on the lower figure's afterplot).
    page.wait_for_function(
        f"() => JSON.stringify(({RANGES})()[0]) === JSON.stringify(({RANGES})()[1])"
    )
    lower, upper = page.evaluate(RANGES)
    assert lower == upper
    assert lower[0][1] - lower[0][0] < X_RANGE[1] - X_RANGE[0]
    _press(page, "pan-left")
    page.wait_for_function(f"() => ({RANGES})()[0][0][0] < {lower[0][0]}")
    _press(page, "view-side")
    page.wait_for_function(f"() => ({RANGES})()[0][0][0] > {X_RANGE[1] - 30}")
    expect(page.locator("#body-frame")).to_have_class("body-graph view-side")
    _press(page, "reset")
    _wait_home(page, home)
    expect(page.locator("#body-frame")).to_have_class("body-graph")


def test_save_picture_downloads_a_png_of_the_chart(offline_page: Page, base_url: str) -> None:
    page = offline_page
    page.goto(base_url + "/?line=LL")
    _ready(page)
    with page.expect_download() as download_info:
        _press(page, "save")
    download = download_info.value
    assert download.suggested_filename == "fascialines-chart.png"
    with open(download.path(), "rb") as picture:
        assert picture.read(8) == b"\x89PNG\r\n\x1a\n"


def test_every_tool_is_a_named_button() -> None:
    # Named for screen readers where the label is a symbol (+, the arrows); its action in its
    # data-tool, which assets/chart.js reads.
    buttons = [b for b in find(diagram.tools(), html.Button) if hasattr(b, diagram.TOOL_ATTRIBUTE)]
    assert [getattr(b, diagram.TOOL_ATTRIBUTE) for b in buttons] == [a for a, *_ in diagram.TOOLS]
    for button, (_, label, name) in zip(buttons, diagram.TOOLS, strict=True):
        assert button.type == "button" and button.title == name
        if label != name:
            assert getattr(button, "aria-label") == name


def test_the_figure_buttons_say_which_body_is_drawn(offline_page: Page, base_url: str) -> None:
    page = offline_page
    page.goto(base_url + "/?figure=female&all_lines=1")
    _ready(page)
    male, female = page.locator("button.chart-figure").all()
    expect(female).to_have_attribute("aria-pressed", "true")
    expect(male).to_have_attribute("aria-pressed", "false")
    expect(page.locator("button.chart-every-line")).to_have_attribute("aria-pressed", "true")
    male.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/?all_lines=1")
    expect(male).to_have_attribute("aria-pressed", "true")
    expect(female).to_have_attribute("aria-pressed", "false")
