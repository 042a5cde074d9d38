"""The line palette: colours that stay apart under simulated colour-vision deficiencies.

The shipped colours are the atlas's own (each line's ``colour`` in ``data/lines.json``); the
floors ``data/chart/palette.json`` states are what they must keep.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines import palette
from fascialines.atlas import load_atlas
from fascialines.palette import PAIN_RED, RED_HUES, VISIONS
from fascialines.web.theme import FELT, line_styles
from strategies import hex_colours

from .conftest import REPO

SHIPPED = palette.load_palette()
COLOURS = list(SHIPPED.lines.values())
visions = st.sampled_from(VISIONS)


def _in_red_family(hex_colour: str) -> bool:
    import numpy as np

    _, a, b = palette.to_lab([hex_colour])[0]
    hue = float(np.degrees(np.arctan2(b, a)) % 360)
    chroma = float(np.hypot(a, b))
    return chroma >= 10.0 and (hue >= RED_HUES[0] or hue <= RED_HUES[1])


def test_every_atlas_line_has_one_distinct_colour() -> None:
    atlas = json.loads((REPO / "data" / "lines.json").read_text(encoding="utf-8"))
    assert SHIPPED.lines == {line["id"]: line["colour"] for line in atlas["lines"]}
    assert len(set(c.lower() for c in COLOURS)) == len(COLOURS) == 12


def test_the_app_draws_the_atlas_colours() -> None:
    styles = line_styles(load_atlas(REPO / "data" / "lines.json"))
    assert [style.colour for style in styles.values()] == COLOURS


@pytest.mark.parametrize("vision", VISIONS)
def test_line_colours_keep_their_stated_distance(vision: palette.Vision) -> None:
    # 10 is the project's bar for "clearly different at a glance"; the file may promise more.
    assert SHIPPED.floors[vision] >= 10.0
    smallest, a, b = palette.min_pairwise(COLOURS, vision)
    assert smallest >= SHIPPED.floors[vision], f"{a} and {b} are {smallest:.1f} apart"


@pytest.mark.parametrize("vision", VISIONS)
def test_no_line_colour_comes_near_the_pain_red_or_fades_into_the_body(
    vision: palette.Vision,
) -> None:
    assert SHIPPED.pain_floor >= 15.0
    assert palette.distance_to(COLOURS, PAIN_RED, vision) >= SHIPPED.pain_floor
    # The app's own "felt here" red too, a shade darker than the chart's pain red.
    assert palette.distance_to(COLOURS, FELT, vision) >= SHIPPED.pain_floor - 1.0
    assert palette.distance_to(COLOURS, palette.BACKGROUND, vision) >= SHIPPED.background_floor


def test_no_line_colour_is_a_red() -> None:
    assert not [c for c in COLOURS if _in_red_family(c)]
    assert _in_red_family(PAIN_RED)


def test_the_simulations_remove_what_each_deficiency_cannot_see() -> None:
    # A red and a green far apart for normal vision fall together for a deuteranope, while a
    # blue and an orange (the axis dichromats keep) stay apart under every simulation.
    red, green, blue, orange = "#d62728", "#2ca02c", "#1f77b4", "#ff7f0e"
    assert palette.delta_e(red, green, "deutan") < palette.delta_e(red, green) / 5
    assert palette.delta_e(red, green, "protan") < palette.delta_e(red, green) / 2
    assert palette.delta_e(red, green, "tritan") > palette.delta_e(red, green) / 2
    assert all(palette.delta_e(blue, orange, v) > 40 for v in VISIONS)


@settings(max_examples=40, deadline=None)
@given(a=hex_colours, b=hex_colours, vision=visions)
def test_delta_e_is_a_symmetric_difference(a: str, b: str, vision: palette.Vision) -> None:
    assert palette.delta_e(a, a, vision) == pytest.approx(0.0, abs=1e-9)
    assert palette.delta_e(a, b, vision) == pytest.approx(palette.delta_e(b, a, vision))
    assert palette.delta_e(a, b, vision) >= 0.0


@settings(max_examples=40, deadline=None)
@given(colours=st.lists(hex_colours, min_size=1, max_size=8), vision=visions)
def test_simulated_colours_stay_displayable(colours: list[str], vision: palette.Vision) -> None:
    seen = palette.simulate(colours, vision)
    assert seen.shape == (len(colours), 3)
    assert ((seen >= 0.0) & (seen <= 1.0)).all()


@settings(max_examples=30, deadline=None)
@given(colours=st.lists(hex_colours, min_size=2, max_size=8), extra=hex_colours, vision=visions)
def test_the_minimum_is_over_every_pair_and_never_grows(
    colours: list[str], extra: str, vision: palette.Vision
) -> None:
    smallest, a, b = palette.min_pairwise(colours, vision)
    assert palette.delta_e(a, b, vision) == pytest.approx(smallest)
    assert all(
        palette.delta_e(x, y, vision) >= smallest - 1e-9
        for i, x in enumerate(colours)
        for y in colours[i + 1 :]
    )
    assert palette.min_pairwise([*colours, extra], vision)[0] <= smallest + 1e-9
    assert palette.distance_to([*colours, extra], extra, vision) == pytest.approx(0.0, abs=1e-9)


def test_min_pairwise_needs_a_pair() -> None:
    with pytest.raises(ValueError, match="two colours"):
        palette.min_pairwise(["#123456"])


def test_a_malformed_colour_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValueError, match="not a colour"):
        palette.delta_e("#12345", "#123456")


def test_design_keeps_its_own_rules() -> None:
    # A small search (coarse grid, few restarts) to keep the test quick: the rules it must
    # honour are the same as for the shipped palette.
    picked = palette.design(5, steps=6, restarts=3)
    assert len(set(picked)) == 5
    assert not [c for c in picked if _in_red_family(c)]
    for vision in VISIONS:
        assert palette.distance_to(picked, PAIN_RED, vision) >= 15.0
        assert palette.distance_to(picked, palette.BACKGROUND, vision) >= 25.0
    lab = palette.to_lab(picked)
    assert ((lab[:, 0] >= 25.0) & (lab[:, 0] <= 80.0)).all()


def test_design_says_when_nothing_passes() -> None:
    with pytest.raises(ValueError, match="loosen"):
        palette.design(3, steps=3, min_chroma=500.0)
