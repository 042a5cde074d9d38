"""Lines side by side in the web app: the panel, its links, and the lines drawn on the body."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from dash import dcc, html
from dash.exceptions import PreventUpdate
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import load_atlas
from fascialines.teaching.compare import compare_lines
from fascialines.web import figure
from fascialines.web.figure.base import deep_colour
from fascialines.web.figure.overlay import DEEP_SHARE
from fascialines.web.state import ViewState, parse_query, to_query
from fascialines.web.theme import line_styles
from fascialines.web.views import compare
from fascialines.web.wording import COMPARE
from web_screen import find, text

ATLAS = load_atlas()
LINE_IDS = [line.id for line in ATLAS.lines]
SOME_LINES = st.lists(st.sampled_from(LINE_IDS), min_size=2, max_size=5, unique=True)


def _shown(line_ids: list[str], **more: Any) -> str:
    ordered = tuple(i for i in LINE_IDS if i in line_ids)
    return to_query(ATLAS, ViewState(lines=ordered, **more))


def _upper(patch: Any) -> dict[int, dict[str, Any]]:
    """The upper layer's traces as the patch leaves them (index to assigned properties)."""
    traces: dict[int, dict[str, Any]] = {}
    for op in patch.to_plotly_json()["operations"]:
        assert op["operation"] == "Assign" and op["location"][0] == "data"
        traces.setdefault(op["location"][1], {})[op["location"][2]] = op["params"]["value"]
    return traces


@settings(max_examples=15, deadline=None)
@given(chosen=SOME_LINES)
def test_the_panel_lists_every_meeting_place_with_each_lines_steps(chosen: list[str]) -> None:
    out = compare.respond(ATLAS, _shown(chosen))
    comparison = compare_lines(ATLAS, chosen)
    shown = text(out["body"])
    for place in (*comparison.shared, *comparison.partly_shared):
        assert place.name in shown
    assert (COMPARE["none"] in shown) is (not comparison.shared)
    # Every link opens a view the app reads without complaint; the add and remove links
    # change the compared lines by exactly one.
    for link in find(out["body"], dcc.Link) + find(out["body"], html.A):
        state, problems = parse_query(ATLAS, urlsplit(link.href).query)
        assert problems == ()
        if len(state.lines) >= 2:
            assert len(set(state.lines) ^ set(chosen)) == 1


@settings(max_examples=15, deadline=None)
@given(chosen=SOME_LINES)
def test_the_body_draws_each_line_and_rings_the_shared_regions(chosen: list[str]) -> None:
    comparison = compare_lines(ATLAS, chosen)
    out = compare.respond(ATLAS, _shown(chosen))
    traces = _upper(out["overlay"])
    assert set(traces) == set(range(figure.OVERLAY_SIZE))
    slots = [traces[i] for i in range(figure.PATH_SLOTS)]
    colours = {slot["line"]["color"] for slot in slots if slot["x"]}
    styles = line_styles(ATLAS)
    drawn = comparison.lines[: compare.MAX_DRAWN]
    # A deep line (the Deep Front Line's core) is drawn in its colour seen through the body.
    line_of = {styles[i].colour: i for i in drawn} | {
        deep_colour(styles[i].colour, DEEP_SHARE): i for i in drawn
    }
    assert colours <= set(line_of)
    assert {line_of[colour] for colour in colours} == set(drawn)
    ring = traces[figure.PATH_SLOTS + figure.OVERLAY_NAMES.index("selected-region")]
    # A ring per view a shared region shows in, numbered as the panel lists it.
    ringed = [c[0] for c in ring.get("customdata", [])]
    assert list(dict.fromkeys(ringed)) == list(comparison.shared_ids)
    numbers = {comparison.shared_ids[int(n) - 1] for n in ring.get("text", [])}
    assert len(ring.get("text", [])) == len(ringed) and numbers == set(ringed)
    assert all(
        comparison.shared_ids[int(n) - 1] == r
        for n, r in zip(ring.get("text", []), ringed, strict=True)
    )
    assert "dimmed" in out["lower"]


@pytest.mark.parametrize(
    "shown",
    [
        None,
        "",
        "?lines=SBL",
        "?lines=SBL,SPL&symptom=headache",
        "?lines=SBL,SPL&line=SBL",
        "?lines=SBL,SPL&region=sacrum",
        "?lines=SBL,SPL&view=quiz",
    ],
)
def test_no_comparison_unless_two_lines_and_nothing_else(shown: str | None) -> None:
    with pytest.raises(PreventUpdate):
        compare.respond(ATLAS, shown)
