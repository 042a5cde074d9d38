"""The body diagram: trace order, sides, overlay placement, patches and click decoding."""

from __future__ import annotations

import copy
import inspect
import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import dash
import pytest

from fascialines import routes as chart
from fascialines.atlas import Atlas, Point, load_atlas
from fascialines.graph import build_graph
from fascialines.routes import load_routes, load_side_points
from fascialines.tracing import trace, trace_from
from fascialines.web import figure as figures
from fascialines.web import theme, wording
from fascialines.web.app import create_app
from fascialines.web.figure import base as base_module
from fascialines.web.figure import geometry as body
from fascialines.web.figure import patches, tracks
from fascialines.web.state import ViewState, parse_query
from fascialines.web.views import diagram, page
from web_screen import find, post_page_callback

FIXTURE = Path(__file__).parent / "fixtures" / "mini_atlas.json"
SIDE_POINTS = load_side_points()


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(FIXTURE)


@pytest.fixture(scope="module")
def graph(atlas: Atlas):
    return build_graph(atlas)


@pytest.fixture(scope="module")
def base(atlas: Atlas):
    return figures.base_figure(atlas)


def _positions(atlas: Atlas, node: tuple[str, str]) -> set[tuple[float, float]]:
    """Where a node's markers belong, from the atlas and the body mapping alone.

    On the front and back views, and on the side view, which shows the client's right side:
    right and midline nodes, at their side point.
    """
    region = atlas.region(node[0])
    places = set()
    for view in ("front", "back"):
        point = region.front if view == "front" else region.back
        if point is not None:
            x, y = body.figure_xy(point, view=view, side=node[1], body_area=region.body_area)
            places.add((round(x, 6), round(y, 6)))
    side = SIDE_POINTS.get(node[0])
    if side is not None and node[1] != "left":
        places.add((round(side[0] + body.SIDE_OFFSET, 6), round(side[1], 6)))
    return places


def _points(trace_props: Any) -> set[tuple[float, float]]:
    return {
        (round(x, 6), round(y, 6))
        for x, y in zip(trace_props["x"], trace_props["y"], strict=True)
        if x is not None
    }


def _segment_ends(trace_props: Any) -> set[frozenset[tuple[float, float]]]:
    """The segments of a path slot: groups of start, end, gap."""
    xs, ys = list(trace_props["x"]), list(trace_props["y"])
    ends = set()
    for i in range(0, len(xs), 3):
        a = (round(xs[i], 6), round(ys[i], 6))
        b = (round(xs[i + 1], 6), round(ys[i + 1], 6))
        ends.add(frozenset((a, b)))
    return ends


# -- base figure ---------------------------------------------------------------------------


def test_base_figure_takes_only_the_atlas_and_the_body_figure():
    # Nothing of a gesture: the base is built once per atlas and body figure, never per click.
    assert list(inspect.signature(figures.base_figure).parameters) == ["atlas", "figure"]


def test_base_trace_order_is_fixed_and_overlay_is_last_and_empty(atlas, base):
    start = figures.overlay_start(atlas)
    assert len(base.data) == start + figures.OVERLAY_SIZE
    assert base.layout.meta["overlay_start"] == start
    # Line traces first, one per (line, grade), in atlas order.
    line_names = [line.name for line in atlas.lines]
    seen_lines = []
    for trace_ in base.data[: len(base_module.line_groups(atlas))]:
        assert trace_.legendgroup in {line.id for line in atlas.lines}
        if trace_.legendgroup not in seen_lines:
            seen_lines.append(trace_.legendgroup)
    assert [atlas.line(line_id).name for line_id in seen_lines] == line_names
    assert base.data[start - 1].name == "regions"
    for trace_ in base.data[start:]:
        assert len(trace_.x) == 0
    # Built twice, the same figure: nothing depends on state outside the atlas.
    assert figures.base_figure(atlas).to_plotly_json() == base.to_plotly_json()


def test_every_line_grade_gets_its_dash(atlas, base):
    for trace_ in base.data[: len(base_module.line_groups(atlas))]:
        grade = next(
            g for g, label in wording.EVIDENCE_HOVER.items() if trace_.name.endswith(f"({label})")
        )
        assert trace_.line.dash == theme.EVIDENCE_DASH[grade]


def test_line_styles_are_distinct(atlas):
    styles = theme.line_styles(atlas).values()
    assert len({(s.colour, s.symbol) for s in styles}) == len(atlas.lines)
    assert len(set(theme.PALETTE)) == len(theme.PALETTE) == 12


def test_packaged_lines_use_the_checked_palette():
    atlas = load_atlas()
    assert [s.colour for s in theme.line_styles(atlas).values()] == list(theme.PALETTE)


# The colours' distances under simulated colour-vision deficiencies: tests/test_palette.py.


def test_region_markers_cover_every_node_with_a_point(atlas, graph, base):
    markers = base.data[figures.overlay_start(atlas) - 1]
    expected = set()
    for node in graph.nodes():
        for place in _positions(atlas, node):
            expected.add((node, place))
    got = {
        ((cd[0], cd[1]), (round(x, 6), round(y, 6)))
        for cd, x, y in zip(markers.customdata, markers.x, markers.y, strict=True)
    }
    assert got == expected


def test_every_region_target_has_its_dot_and_draws_nothing_itself(atlas, base):
    # The targets catch the pointer from their data alone; the dots trace draws each of them
    # as a stroke of no length (web/figure/region_marks.py), all in one path.
    start = figures.overlay_start(atlas)
    dots, targets = base.data[start - 2], base.data[start - 1]
    assert targets.mode == "none" and targets.hoveron == "points"
    assert dots.mode == "lines" and dots.hoverinfo == "skip" and dots.uid == "regiondots"
    xs, ys = list(dots.x), list(dots.y)
    assert xs[2::3] == [None] * len(targets.x) and ys[2::3] == [None] * len(targets.x)
    strokes = list(zip(xs[0::3], xs[1::3], ys[0::3], ys[1::3], strict=True))
    for (x0, x1, y0, y1), x, y in zip(strokes, targets.x, targets.y, strict=True):
        assert (x0, y0) == (x1, y1) == (round(x, 3), round(y, 3))
    css_text = (Path(__file__).parents[1] / "assets" / "chart.css").read_text(encoding="utf-8")
    assert '"traceregiondots"' in css_text and "stroke-linecap: round" in css_text


def test_front_view_puts_the_clients_right_on_the_viewers_left(atlas, base):
    markers = base.data[figures.overlay_start(atlas) - 1]
    checked = 0
    for region in atlas.regions:
        if region.laterality != "paired" or region.body_area in body.ARM_AREAS:
            continue
        for view, point in (("front", region.front), ("back", region.back)):
            if point is None or point.x == 0:
                continue
            xs = {
                side: x
                for (rid, side), x in zip(markers.customdata, markers.x, strict=True)
                if rid == region.id and body.view_of(x) == view
            }
            centre = 0.0 if view == "front" else body.VIEW_OFFSET
            if view == "front":
                assert xs["right"] - centre == pytest.approx(-point.x)
                assert xs["left"] - centre == pytest.approx(point.x)
            else:
                assert xs["left"] - centre == pytest.approx(-point.x)
                assert xs["right"] - centre == pytest.approx(point.x)
            checked += 1
    assert checked > 3


# -- overlay -------------------------------------------------------------------------------


def _overlay_traces(atlas, fig):
    """The path slots, and the other overlay traces by name."""
    start = figures.overlay_start(atlas)
    named = dict(zip(figures.OVERLAY_NAMES, fig.data[start + figures.PATH_SLOTS :], strict=True))
    return fig.data[start : start + figures.PATH_SLOTS], named


def test_overlay_marks_felt_at_candidates_and_paths_from_the_trace(atlas, graph):
    result = trace(graph, "headache", side="left")
    assert result.candidates, "the fixture's headache must have candidates"
    fig = figures.overlay_figure(atlas, trace=result)
    paths, named = _overlay_traces(atlas, fig)
    felt, candidates, selected = named["felt-at"], named["candidates"], named["selected-region"]

    expected_felt = set().union(*(_positions(atlas, (r.id, r.side)) for r in result.felt_at))
    assert _points(felt) == expected_felt

    by_node = {}
    for cd, x, y, text in zip(
        candidates.customdata, candidates.x, candidates.y, candidates.text, strict=True
    ):
        by_node.setdefault((cd[0], cd[1]), set()).add((round(x, 6), round(y, 6)))
        assert text == str(
            next(c.rank for c in result.candidates if (c.region.id, c.region.side) == tuple(cd))
        )
    marked = [c for c in result.candidates if c.rank <= theme.MARKED_CANDIDATES]
    leaders = _segment_ends(named["leaders"]) if len(named["leaders"].x) else set()
    for candidate in marked:
        node = (candidate.region.id, candidate.region.side)
        drawn_at = by_node.get(node, set())
        assert len(drawn_at) == len(_positions(atlas, node))
        # On its region, or moved where its region is crowded with a leader line back to it.
        for place in drawn_at - _positions(atlas, node):
            assert any(place in ends and ends & _positions(atlas, node) for ends in leaders)

    drawn = set().union(*(_segment_ends(p) for p in paths if len(p.x)))
    for candidate in marked:
        for path in candidate.paths:
            assert path.regions[0] == candidate.region
            assert path.regions[-1] in result.felt_at
            for step in path.steps:
                ends = [
                    (step.start.id, step.start.side),
                    (step.end.id, step.end.side),
                ]
                for view in ("front", "back"):
                    a = body.point(atlas.region(ends[0][0]), ends[0][1], view)
                    b = body.point(atlas.region(ends[1][0]), ends[1][1], view)
                    if a and b and (a[2] or b[2]):
                        segment = frozenset(
                            ((round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6)))
                        )
                        assert segment in drawn
    assert len(selected.x) == 0


def test_the_diagram_marks_the_best_candidates_and_the_focused_one():
    atlas = load_atlas()
    result = trace(build_graph(atlas), "headache", side="left")
    assert len(result.candidates) > theme.MARKED_CANDIDATES + 1
    last = result.candidates[-1]
    for focus, expected in (
        (None, set(range(1, theme.MARKED_CANDIDATES + 1))),
        (last.rank, {*range(1, theme.MARKED_CANDIDATES + 1), last.rank}),
    ):
        fig = figures.overlay_figure(atlas, trace=result, focus_rank=focus)
        candidates = _overlay_traces(atlas, fig)[1]["candidates"]
        assert {int(text) for text in candidates.text} == expected


def test_paths_run_from_source_to_felt_at(atlas, graph):
    result = trace(graph, "headache", side="left")
    fig = figures.overlay_figure(atlas, trace=result)
    paths, _ = _overlay_traces(atlas, fig)
    starts = {(round(p.x[i], 6), round(p.y[i], 6)) for p in paths for i in range(0, len(p.x), 3)}
    felt_places = set().union(*(_positions(atlas, (r.id, r.side)) for r in result.felt_at))
    # A segment never starts where the symptom is felt: every step points towards it.
    assert not starts & felt_places


def test_arrows_point_along_each_step_towards_where_it_is_felt(atlas, graph):
    result = trace(graph, "headache", side="left")
    arrows = _overlay_traces(atlas, figures.overlay_figure(atlas, trace=result))[1]["steps"]
    angle_at = {
        (round(x, 6), round(y, 6)): angle
        for x, y, angle in zip(arrows.x, arrows.y, arrows.marker.angle, strict=True)
    }
    checked = 0
    for candidate in result.candidates:
        for path in candidate.paths:
            for step in path.steps:
                ends = [(step.start.id, step.start.side), (step.end.id, step.end.side)]
                for view, a, b in body.segments(atlas, [tuple(ends)]):
                    if view == "side":
                        continue  # the fixture's lines have no chart route: no side stroke
                    middle = (round((a[0] + b[0]) / 2, 6), round((a[1] + b[1]) / 2, 6))
                    expected = math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))
                    assert angle_at[middle] == pytest.approx(expected, abs=0.05)
                    checked += 1
    assert checked


def test_focus_rank_emphasises_one_candidate(atlas, graph):
    result = trace(graph, "heel-pain", side="right")
    assert len(result.candidates) >= 2
    focus = result.candidates[1]
    fig = figures.overlay_figure(atlas, trace=result, focus_rank=focus.rank)
    paths, named = _overlay_traces(atlas, fig)
    candidates, arrows = named["candidates"], named["steps"]
    bright = [p for p in paths if len(p.x) and p.opacity == 1.0]
    dim = [p for p in paths if len(p.x) and p.opacity < 1.0]
    assert bright and dim
    focus_texts = {f"{s.start.name} → {s.end.name}" for path in focus.paths for s in path.steps}
    bright_texts = {
        re.sub(r"<[^>]+>", "", text)
        for text, opacity in zip(arrows.text, arrows.marker.opacity, strict=True)
        if opacity == 1.0
    }
    assert all(any(ft in t for t in bright_texts) for ft in focus_texts)
    opacities = dict(zip(candidates.text, candidates.marker.opacity, strict=True))
    assert opacities[str(focus.rank)] == 1.0
    assert all(o < 1.0 for rank, o in opacities.items() if rank != str(focus.rank))


def test_line_highlight_covers_the_whole_line_on_both_sides(atlas, graph):
    line = atlas.lines[0]
    fig = figures.overlay_figure(atlas, line=line.id)
    paths, _ = _overlay_traces(atlas, fig)
    drawn = set().union(*(_segment_ends(p) for p in paths if len(p.x)))
    expected = set()
    for u, v, edge in graph.view.edges(data=True):
        if edge["line"] == line.id:
            for view, a, b in body.segments(atlas, [(u, v)]):
                if view == "side":
                    continue  # the fixture's lines have no chart route: no side stroke
                expected.add(
                    frozenset(((round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))))
                )
    assert drawn == expected
    sides = {u[1] for u, v, e in graph.view.edges(data=True) if e["line"] == line.id}
    assert {"left", "right"} <= sides


def test_selected_region_is_ringed(atlas):
    fig = figures.overlay_figure(atlas, region=("calf", "left"))
    selected = _overlay_traces(atlas, fig)[1]["selected-region"]
    assert _points(selected) == _positions(atlas, ("calf", "left"))
    assert [tuple(cd) for cd in selected.customdata] == [("calf", "left")] * len(selected.x)


def _apply(figure_json: dict[str, Any], patch_json: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(figure_json)
    for op in patch_json["operations"]:
        assert op["operation"] == "Assign"
        *where, key = op["location"]
        target = result
        for part in where:
            target = target[part]
        target[key] = op["params"]["value"]
    return result


def test_patch_fills_the_overlay_dims_the_base_and_matches_overlay_figure(atlas, graph, base):
    result = trace(graph, "heel-pain", side="right")
    kwargs = {
        "trace": result,
        "focus_rank": 1,
        "line": atlas.lines[1].id,
        "region": ("calf", "right"),
    }
    patch = figures.overlay_patch(atlas, **kwargs).to_plotly_json()
    start = figures.overlay_start(atlas)
    assert {op["location"][0] for op in patch["operations"]} == {"data"}
    overlay = set(range(start, start + figures.OVERLAY_SIZE))
    touched = {op["location"][1] for op in patch["operations"]}
    assert overlay <= touched
    # Below the overlay only the opacity changes: the base recedes, its data stays.
    assert {
        op["location"][2] for op in patch["operations"] if op["location"][1] not in overlay
    } == {"opacity"}
    patched = _apply(base.to_plotly_json(), patch)
    expected = figures.overlay_figure(atlas, **kwargs).to_plotly_json()
    assert len(patched["data"]) == len(expected["data"])
    for index in range(len(expected["data"])):
        for key in ("x", "y", "text", "customdata", "opacity"):
            assert _plain(patched["data"][index].get(key)) == _plain(
                expected["data"][index].get(key)
            )
    lines = patched["data"][0]["opacity"]
    cleared = _apply(patched, figures.overlay_patch(atlas).to_plotly_json())
    assert cleared["data"][0]["opacity"] > lines


def _plain(value: Any) -> Any:
    return list(value) if value is not None and not isinstance(value, float | str) else value


def test_an_empty_patch_clears_the_overlay(atlas, graph, base):
    full = figures.overlay_figure(
        atlas, trace=trace(graph, "headache"), region=("calf", "left")
    ).to_plotly_json()
    cleared = _apply(full, figures.overlay_patch(atlas).to_plotly_json())
    start = figures.overlay_start(atlas)
    for index in range(start, start + figures.OVERLAY_SIZE):
        assert list(cleared["data"][index]["x"]) == []


# -- clicks --------------------------------------------------------------------------------


def test_clicked_region_round_trips_customdata(atlas, base):
    markers = base.data[figures.overlay_start(atlas) - 1]
    for customdata in markers.customdata:
        click = {"points": [{"x": 0, "y": 0, "customdata": list(customdata)}]}
        assert figures.clicked_region(click) == (customdata[0], customdata[1])


@pytest.mark.parametrize(
    "click",
    [None, {}, {"points": []}, {"points": [{"x": 1}]}, {"points": [{"customdata": "calf"}]}],
)
def test_clicks_off_a_region_give_none(click):
    assert figures.clicked_region(click) is None


# -- body mapping --------------------------------------------------------------------------


@pytest.mark.parametrize("figure", body.FIGURES)
def test_outline_spans_soles_to_vertex_on_the_midline(figure):
    polygon = body.silhouette_polygon("front", figure)
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    assert min(ys) == pytest.approx(0.0, abs=0.1)
    assert max(ys) == pytest.approx(100.0, abs=0.1)
    assert (min(xs) + max(xs)) / 2 == pytest.approx(0.0, abs=0.3)
    assert max(xs) < body.X_HALF_WIDTH


@pytest.mark.parametrize("figure", body.FIGURES)
def test_back_outline_is_shifted_to_its_view(figure):
    xs = [p[0] for p in body.silhouette_polygon("back", figure)]
    assert (min(xs) + max(xs)) / 2 == pytest.approx(body.VIEW_OFFSET, abs=0.3)


@pytest.mark.parametrize("figure", body.FIGURES)
def test_on_body_tells_the_body_from_the_background(figure):
    assert body.on_body("front", 0.0, 60.0, figure)  # the belly
    assert body.on_body("back", body.VIEW_OFFSET, 60.0, figure)
    assert not body.on_body("front", 0.0, 45.0, figure)  # between the thighs
    assert not body.on_body("front", 15.0, 40.0, figure)  # beside the thigh, under the hand
    assert not body.on_body("front", 0.0, 101.0, figure)


@pytest.mark.parametrize("figure", body.FIGURES)
def test_landmarks_lie_on_the_drawing(figure):
    for name, (x, y) in body.LANDMARKS.items():
        if y in (0.0, 100.0) or "crotch" in name:
            continue  # on the outline itself
        if figure == "female" and "waist" in name:
            continue  # the male drawing's waist: hers is narrower (the test below)
        assert body.on_body("front", x - 0.3 if x else 0.0, y, figure), name


def test_the_female_figure_has_its_own_outline_and_the_side_view_is_shared():
    for view in ("front", "back"):
        male, female = body.load_outline(view, "male"), body.load_outline(view, "female")
        assert male.silhouette != female.silhouette, view
        assert male.details == female.details, "the back view's detail strokes are the same"
    assert body.load_outline("side", "female") == body.load_outline("side", "male")
    with pytest.raises(ValueError, match="female"):
        body.outline_file("front", "child")  # type: ignore[arg-type]


def test_the_female_outline_keeps_her_wider_hips_and_narrower_waist():
    # The warp moves her landmarks onto the drawing but keeps her shape between them, and her
    # waist and hip landmarks go a little in and out: at the hips (y 50 to 54) her outline is
    # the wider one, at the waist the narrower.
    def half_width(figure: str, y: float) -> float:
        # From the midline outwards to the trunk's edge (the arm beyond it is not counted).
        x = 0.0
        while body.on_body("front", x + 0.05, y, figure):
            x += 0.05
        return x

    assert any(half_width("female", y) > half_width("male", y) + 0.2 for y in (50, 52, 54))
    # And her narrower waist.
    assert half_width("female", 60) < half_width("male", 60) - 0.2


@pytest.mark.parametrize("figure", body.FIGURES)
def test_every_region_of_the_packaged_atlas_lands_on_the_body(figure):
    atlas = load_atlas()
    off_body = []
    for region in atlas.regions:
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        for view, point in (("front", region.front), ("back", region.back)):
            if point is None:
                continue
            for side in sides:
                x, y = body.figure_xy(point, view=view, side=side, body_area=region.body_area)
                if not body.on_body(view, x, y, figure):
                    off_body.append(f"{region.id} {side} ({view}: x={point.x}, y={point.y})")
    assert not off_body, "regions drawn off the body: " + "; ".join(off_body)


def test_relative_path_commands_are_refused():
    with pytest.raises(ValueError, match="unsupported"):
        body.transform_path("M 0 0 l 10 10 Z")


def test_arm_joints_land_on_the_drawn_joints():
    for atlas_joint, drawn_joint in zip(body._ATLAS_ARM, body._DRAWN_ARM, strict=True):
        assert body.arm_to_drawing(*atlas_joint) == pytest.approx(drawn_joint)


def test_midline_points_stay_on_the_midline():
    point = Point(x=0.0, y=50.0)
    assert body.figure_xy(point, view="front", side="midline", body_area="trunk") == (0.0, 50.0)
    assert body.figure_xy(point, view="back", side="midline", body_area="trunk") == (
        body.VIEW_OFFSET,
        50.0,
    )


# -- legibility ----------------------------------------------------------------------------


def _view_of(x: float) -> str:
    return body.view_of(x)


def test_line_symbols_show_once_per_line_and_view_and_every_step_keeps_its_hover(atlas, base):
    first = len(base_module.line_groups(atlas))
    steps = base.data[first : first + len(atlas.lines)]
    symbols = base.data[first + len(atlas.lines)]
    styles = theme.line_styles(atlas)
    assert symbols.uid == "basestep-symbols" and symbols.hoverinfo == "skip"
    drawn = list(
        zip(symbols.x, symbols.y, symbols.marker.symbol, symbols.marker.color, strict=True)
    )
    for line, marks in zip(atlas.lines, steps, strict=True):
        assert marks.legendgroup == line.id and marks.mode == "none"
        # Off in the calm start; assets/chart.js turns it on with the lines.
        # (plotly reads hoverinfo only where there is no hovertemplate)
        assert marks.hoverinfo == "skip" and marks.hovertemplate is None
        assert all(f"<b>{line.abbreviation}</b>" in text for text in marks.text)
        assert len(marks.text) == len(marks.x) > 0
        style = styles[line.id]
        own = [
            (x, y)
            for x, y, symbol, colour in drawn
            if (symbol, colour) == (style.symbol, style.colour)
        ]
        # One symbol a view, each on one of the line's own steps.
        assert sorted(_view_of(x) for x, _ in own) == sorted({_view_of(x) for x in marks.x})
        assert set(own) <= set(zip(marks.x, marks.y, strict=True))
    assert len(drawn) == sum(len({_view_of(x) for x in marks.x}) for marks in steps)


def test_every_region_marker_has_a_hover_label_naming_it(atlas, base):
    markers = base.data[figures.overlay_start(atlas) - 1]
    assert len(markers.customdata) == len(markers.text) == len(markers.x) > 0
    for (region_id, _), text in zip(markers.customdata, markers.text, strict=True):
        assert atlas.region(region_id).name in text
        assert "lines:" in text


def test_one_felt_here_label_per_view():
    atlas = load_atlas()
    result = trace(build_graph(atlas), "headache", side="left")
    felt = _overlay_traces(atlas, figures.overlay_figure(atlas, trace=result))[1]["felt-at"]
    labelled = [_view_of(x) for x, text in zip(felt.x, felt.text, strict=True) if text]
    assert sorted(labelled) == sorted({_view_of(x) for x in felt.x})
    assert len(felt.x) > len(labelled), "headache is felt at several places per view"


# No mark hiding another, at every width and for every symptom and side: test_figure_overlap.py.


def test_the_figure_draws_no_legend_the_html_key_stands_in(base):
    # plotly's legends took a third of the body's room on a phone; the key is HTML instead.
    assert base.layout.showlegend is False
    assert not any(trace_.showlegend for trace_ in base.data)


def test_a_selected_region_is_named_clear_of_the_felt_here_label():
    # Clicking a region with no symptom traces from it: it is both selected and felt there.
    atlas = load_atlas()
    node = ("calf", "left")
    result = trace_from(build_graph(atlas), [node])
    fig = figures.overlay_figure(atlas, trace=result, region=node)
    named = _overlay_traces(atlas, fig)[1]
    felt, selected = named["felt-at"], named["selected-region"]
    felt_labels = {
        (round(x, 6), round(y, 6), position)
        for x, y, text, position in zip(felt.x, felt.y, felt.text, felt.textposition, strict=True)
        if text
    }
    assert felt_labels
    for x, y, position in zip(selected.x, selected.y, selected.textposition, strict=True):
        assert (round(x, 6), round(y, 6), position) not in felt_labels


def test_the_upper_layer_draws_no_outline_over_the_lines_below(atlas, base):
    # The upper layer lies on top of the lower one: a copy of the filled outlines there would
    # hide every line and marker of the lower layer.
    lower, upper = figures.split_layers(atlas, base)
    assert len(lower.layout.shapes) > 0 and lower.layout.annotations
    assert not upper.layout.shapes and not upper.layout.annotations
    assert upper.layout.paper_bgcolor == upper.layout.plot_bgcolor == "rgba(0,0,0,0)"


# -- chart routes (the packaged atlas) -----------------------------------------------------

ROUTES = load_routes()


@pytest.fixture(scope="module")
def packaged() -> Atlas:
    return load_atlas()


@pytest.fixture(scope="module")
def packaged_base(packaged: Atlas):
    return figures.base_figure(packaged)


Place = tuple[float, float]


def _strokes(xs: Any, ys: Any) -> list[tuple[Place, ...]]:
    """The strokes of a line trace: its runs of points between gaps."""
    out: list[tuple[Place, ...]] = []
    run: list[Place] = []
    for x, y in zip(list(xs), list(ys), strict=True):
        if x is None:
            if run:
                out.append(tuple(run))
            run = []
        else:
            run.append((round(x, 2), round(y, 2)))
    if run:
        out.append(tuple(run))
    return out


def _line_strokes(atlas: Atlas, fig: Any, line_id: str) -> list[tuple[Place, ...]]:
    groups = base_module.line_groups(atlas)
    return [
        stroke
        for trace_, (group_line, _, _) in zip(fig.data, groups, strict=False)
        if group_line == line_id
        for stroke in _strokes(trace_.x, trace_.y)
    ]


def _reaches(strokes: list[tuple[Place, ...]], start: Place, end: Place) -> bool:
    """Whether strokes drawn start to end lead from ``start`` to ``end`` (a step after a step)."""
    following: dict[Place, set[Place]] = {}
    for stroke in strokes:
        following.setdefault(stroke[0], set()).add(stroke[-1])
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        if here == end:
            return True
        for there in following.get(here, set()) - seen:
            seen.add(there)
            todo.append(there)
    return False


def _node_side(atlas: Atlas, waypoint: chart.Waypoint, copy: str) -> str:
    assert waypoint.region is not None
    if atlas.region(waypoint.region).laterality == "midline":
        return "midline"
    if waypoint.side == "own":
        return copy
    return "right" if copy == "left" else "left"


def _route_id(route: chart.Route) -> str:
    return f"{route.line}/{route.view}/{route.branch}" + (
        f"/{route.strand}" if route.strand else ""
    )


@pytest.mark.parametrize("route", ROUTES, ids=_route_id)
def test_each_line_is_drawn_through_its_regions_in_order(packaged, packaged_base, route):
    # From the figure's own line traces: each region the route names, on each copy, is where
    # the region's node is drawn, and a stroke (or a chain of strokes, where the route skips a
    # station) leads from it to the next one, in the order the line runs. The side view shows
    # the client's right side, so there only the near nodes are checked.
    strokes = _line_strokes(packaged, packaged_base, route.line)
    starts = {stroke[0] for stroke in strokes} | {stroke[-1] for stroke in strokes}
    checked = 0
    for copy_ in ("left", "right"):
        stations: list[tuple[Place | None, bool]] = []
        lifted = False
        for waypoint in route.waypoints:
            lifted = lifted or waypoint.pen_up
            if waypoint.region is None:
                continue
            side = _node_side(packaged, waypoint, copy_)
            placed = body.point(packaged.region(waypoint.region), side, route.view)
            stations.append((None if placed is None else (placed[0], placed[1]), lifted))
            lifted = False
        for (a, _), (b, pen_up) in itertools.pairwise(stations):
            if a is None or b is None or pen_up:
                continue
            assert a in starts and b in starts, f"{copy_} copy: a station is not on the line"
            assert _reaches(strokes, a, b), f"{copy_} copy: no stroke from {a} to {b}"
            checked += 1
    assert checked or len(stations) < 2


@pytest.mark.parametrize("figure", body.FIGURES)
def test_every_region_lies_inside_its_views_outline(packaged, figure):
    # The side view too: each region's side point, placed on the figure, is on the body.
    off = []
    for region in packaged.regions:
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        for view in body.CHART_VIEWS:
            for side in sides:
                placed = body.point(region, side, view)
                if placed is not None and placed[2] and not body.on_body(view, *placed[:2], figure):
                    off.append(f"{region.id} {side} on the {view} view")
    assert not off


@pytest.mark.parametrize("figure", body.FIGURES)
def test_every_drawn_route_lies_on_the_body(packaged, figure):
    # Each line's curves, point by point, on the body of whichever figure is drawn.
    off = []
    for line in packaged.lines:
        for edge in tracks.line_edges(packaged, line.id):
            for curve in tracks.edge_curves(packaged, edge):
                off += [
                    f"{line.id} {curve.view} {p}"
                    for p in curve.points
                    if not body.on_body(curve.view, *p, figure)
                ]
    assert not off


def test_the_base_figure_draws_the_chosen_body_and_the_same_traces(packaged, packaged_base):
    female = figures.base_figure(packaged, "female")
    paths = [shape.path for shape in female.layout.shapes]
    assert body.load_outline("front", "female").silhouette in paths
    assert body.load_outline("front", "male").silhouette not in paths
    assert [s.path for s in packaged_base.layout.shapes] == [
        s["path"] for s in figures.outline_shapes("male")
    ]
    assert female.to_plotly_json()["data"] == packaged_base.to_plotly_json()["data"]


def test_the_side_view_shows_the_clients_right_side(packaged, packaged_base):
    markers = packaged_base.data[figures.overlay_start(packaged) - 1]
    sides = {cd[1] for cd, x in zip(markers.customdata, markers.x, strict=True) if x > 80}
    assert sides == {"right", "midline"}
    title = next(a.text for a in packaged_base.layout.annotations if "side" in a.text.lower())
    assert "right" in title.lower()


def test_a_traced_path_follows_the_drawn_routes(packaged, packaged_base):
    # Every stroke of a candidate's path in the overlay is a stroke of its line in the base
    # figure, drawn the way the path runs (from the source towards where it is felt).
    result = trace(build_graph(packaged), "heel-pain", side="right")
    fig = figures.overlay_figure(packaged, trace=result)
    drawn = {
        stroke
        for line in packaged.lines
        for stroke in _line_strokes(packaged, packaged_base, line.id)
    }
    paths, _ = _overlay_traces(packaged, fig)
    overlay = [stroke for p in paths if len(p.x) for stroke in _strokes(p.x, p.y)]
    assert overlay
    assert all(stroke in drawn or stroke[::-1] in drawn for stroke in overlay)
    assert any(len(stroke) > 2 for stroke in overlay), "curves, not straight segments"


def test_deep_routes_are_drawn_paler_and_thinner(packaged, packaged_base):
    groups = base_module.line_groups(packaged)
    deep = [t for t, g in zip(packaged_base.data, groups, strict=False) if g[2]]
    surface = [t for t, g in zip(packaged_base.data, groups, strict=False) if not g[2]]
    assert deep and surface
    # Deep first: every surface line is drawn over them.
    assert [g[2] for g in groups] == sorted((g[2] for g in groups), reverse=True)
    styles = theme.line_styles(packaged)
    for trace_ in deep:
        own = styles[trace_.legendgroup].colour
        assert trace_.line.color == base_module.deep_colour(own) != own
        assert trace_.line.width < surface[0].line.width


def test_the_calm_start_can_hide_every_base_line_by_its_uid(packaged, packaged_base):
    # assets/chart.css hides the traces whose uid starts "baseline-" or "basestep-" unless
    # "Show every line" is on: they must be exactly the line traces and their step marks.
    start = figures.overlay_start(packaged)
    hidden = [t for t in packaged_base.data if re.match(r"base(line|step)-", t.uid or "")]
    assert hidden == list(packaged_base.data[: start - 2])
    css_text = (Path(__file__).parents[1] / "assets" / "chart.css").read_text(encoding="utf-8")
    assert 'tracebaseline-"' in css_text and 'tracebasestep-"' in css_text


def test_the_base_figure_is_built_once_per_process(packaged):
    # The app builds it once at start (app.py); the tracks under it are cached on the atlas.
    first = base_module.tracks._curves(packaged)
    assert base_module.tracks._curves(packaged) is first


def test_a_chosen_deep_line_keeps_its_deep_style_in_the_overlay(packaged):
    dfl = next(line for line in packaged.lines if line.id == "deep-front-line")
    paths, _ = _overlay_traces(packaged, figures.overlay_figure(packaged, line=dfl.id))
    colours = {p.line.color for p in paths if len(p.x)}
    own = theme.line_styles(packaged)[dfl.id].colour
    assert base_module.deep_colour(own, 1 / 3) in colours


#: The bound on a traced path's share of the overlay patch (its path slots), in bytes of JSON:
#: the routes' curves cost more than the straight segments they replaced (9.5 kB at worst
#: for the packaged atlas, measured over every symptom, side and focus; 6.8 kB before).
PATH_PATCH_BOUND = 12_000


def test_a_traced_paths_curves_stay_a_small_patch(packaged):
    graph = build_graph(packaged)
    for symptom in packaged.symptoms:
        result = trace(graph, symptom.id, side="both")
        ops = figures.upper_patch(packaged, trace=result, focus_rank=1).to_plotly_json()
        paths = [op for op in ops["operations"] if op["location"][1] < figures.PATH_SLOTS]
        assert len(json.dumps(paths, separators=(",", ":"))) <= PATH_PATCH_BOUND, symptom.id


def test_every_drawn_point_is_read_back_on_its_own_view() -> None:
    # Markers, labels and the handout sort points into views by their x alone; the shipped
    # atlas has the hands, the widest points of the front and back views.
    for region in load_atlas().regions:
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        for side in sides:
            for view in body.CHART_VIEWS:
                placed = body.point(region, side, view)
                if placed is not None:
                    assert body.view_of(placed[0]) == view, (region.id, side, view)
    for view in body.CHART_VIEWS:
        for x in _outline_xs(body.load_outline(view).silhouette):
            assert body.view_of(x) == view, (view, x)


def _outline_xs(path: str) -> list[float]:
    return [float(x) for x in re.findall(r"(-?\d+(?:\.\d+)?),", path)]


# -- the figure choice (male / female) -----------------------------------------------------


@pytest.mark.parametrize(
    ("search", "expected"),
    [("", "male"), ("?figure=female", "female"), ("?symptom=x&figure=male", "male")],
)
def test_the_address_names_the_body_figure(mini_atlas, search, expected):
    assert parse_query(mini_atlas, search)[0].figure == expected


def test_an_unknown_figure_in_the_address_draws_the_default(mini_atlas):
    state, notices = parse_query(mini_atlas, "?figure=child")
    assert state.figure == "male" and notices


def test_the_chart_tools_offer_both_figures_as_address_buttons():
    choice = diagram.figure_choice()
    buttons = [c for c in choice.children if isinstance(c, dash.html.Button)]
    assert [getattr(b, "data-set") for b in buttons] == ["figure=", "figure=female"]
    # Pressed as the address says (assets/chart.js), the default as first drawn.
    assert [getattr(b, diagram.FIGURE_ATTRIBUTE) for b in buttons] == ["", "female"]
    assert [getattr(b, "aria-pressed") for b in buttons] == ["true", "false"]
    ids = [getattr(c, "id", None) for c in find(diagram.tools(), dash.html.Span)]
    assert diagram.Ids.FIGURE_CHOICE in ids


def _swap(app: dash.Dash, search: str, drawn: str) -> Any:
    """The page's one callback for ``search`` while the page draws the figure ``drawn``."""
    drawn_query = "" if drawn == "male" else f"?figure={drawn}"
    return post_page_callback(
        app, {page.Ids.URL: search}, f"{page.Ids.URL}.search", shown=drawn_query
    )


@pytest.fixture(scope="module")
def mini_app(mini_atlas: Atlas) -> dash.Dash:
    return create_app(mini_atlas)


@pytest.mark.parametrize(
    ("search", "drawn", "wanted"), [("?figure=female", "male", "female"), ("", "female", "male")]
)
def test_choosing_a_figure_patches_only_the_outlines(mini_app, search, drawn, wanted):
    response = _swap(mini_app, search, drawn)
    assert response.status_code == 200
    answer = json.loads(response.data)["response"]
    patch = json.dumps(answer[diagram.Ids.GRAPH]["figure"])
    assert "__dash_patch_update" in patch
    assert body.load_outline("front", wanted).silhouette in patch
    assert body.load_outline("front", drawn).silhouette not in patch
    assert '"data"' not in patch, "the lines and markers are never re-sent"
    # The browser presses the figure's button from the view it follows (assets/chart.js).
    followed = answer[page.Ids.VIEW]["data"]
    assert ("figure=female" in followed) is (wanted == "female")


@pytest.mark.parametrize(("search", "drawn"), [("?figure=female", "female"), ("", "male")])
def test_a_gesture_that_keeps_the_figure_sends_no_outline(mini_app, search, drawn):
    response = _swap(mini_app, search + "&line=x", drawn)
    assert response.status_code == 200
    answer = json.loads(response.data)["response"]
    assert diagram.Ids.GRAPH not in answer, "the lower figure is left alone"


def test_the_caption_says_a_female_body_is_drawn_and_the_profile_is_shared(mini_atlas):
    female = diagram.caption(mini_atlas, None, ViewState(figure="female"))
    assert "female" in female and "profile is shared" in female
    assert "female" not in diagram.caption(mini_atlas, None, ViewState())


@pytest.mark.parametrize("figure", body.FIGURES)
def test_every_tissue_patch_fits_the_body_of_either_figure(packaged, figure):
    # The patches are built once, whichever body is drawn: each must fit this one too.
    off = []
    for region in packaged.regions:
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        for side, view in itertools.product(sides, body.CHART_VIEWS):
            patch = patches.region_patch(packaged, (region.id, side), view)
            if patch is not None and not all(
                body.on_body(view, x, y, figure) for x, y in patch.polygon()[::4]
            ):
                off.append(f"{region.id} {side} {view}")
    assert not off


@pytest.mark.parametrize("figure", body.FIGURES)
def test_every_trigger_point_x_lies_on_the_body_of_either_figure(packaged, figure):
    off = []
    for pattern in packaged.referral_patterns:
        site, area = pattern.trigger_point, packaged.region(pattern.muscle).body_area
        for view, side in itertools.product(body.VIEWS, ("left", "right")):
            point = None if site is None else (site.front if view == "front" else site.back)
            if point is not None:
                x, y = body.figure_xy(point, view=view, side=side, body_area=area)
                if not body.on_body(view, x, y, figure):
                    off.append(f"{pattern.id} {view} {side}")
    assert not off
