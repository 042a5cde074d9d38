"""The chart's marks: tissue patches, trigger points as Travell and Simons draw them, budgets."""

from __future__ import annotations

import json
import math
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.graph import build_graph
from fascialines.tracing import trace
from fascialines.web import figure as figures
from fascialines.web import theme
from fascialines.web.figure import geometry, markers, patches, zones
from strategies import atlases, trace_requests


@cache
def _atlas() -> Atlas:
    return load_atlas()


@cache
def _graph():
    return build_graph(_atlas())


def _nodes(atlas: Atlas):
    for region in atlas.regions:
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        for side in sides:
            yield region, (region.id, side)


@cache
def _upper() -> list[dict[str, Any]]:
    atlas = _atlas()
    return figures.split_layers(atlas, figures.base_figure(atlas))[1].to_plotly_json()["data"]


def _named(**state: Any) -> dict[str, dict[str, Any]]:
    """The upper layer's overlay traces by name (path slots left out), with the patch of
    :func:`upper_patch` applied, as plotly JSON."""
    traces = [dict(t) for t in _upper()]
    for op in figures.upper_patch(_atlas(), **state).to_plotly_json()["operations"]:
        _, index, key = op["location"]
        traces[index][key] = op["params"]["value"]
    return dict(zip(figures.OVERLAY_NAMES, traces[figures.PATH_SLOTS :], strict=True))


def _polygons(trace_: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The closed polygons of a ``fill="toself"`` trace, split at its gaps."""
    found: list[list[tuple[float, float]]] = [[]]
    for x, y in zip(trace_["x"], trace_["y"], strict=True):
        if x is None:
            found.append([])
        else:
            found[-1].append((x, y))
    return [polygon for polygon in found if polygon]


# -- patches -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    view=st.sampled_from(geometry.CHART_VIEWS),
    x=st.floats(*geometry.X_RANGE),
    y=st.floats(*geometry.Y_RANGE),
)
def test_the_fast_outline_test_agrees_with_the_plain_one(view, x, y):
    assert patches._on_body(view, x, y) == geometry.on_body(view, x, y)


def test_every_soft_region_gets_a_patch_inside_its_views_outline_beside_its_point():
    atlas = _atlas()
    checked = 0
    for region, node in _nodes(atlas):
        for view in geometry.CHART_VIEWS:
            patch = patches.region_patch(atlas, node, view)
            # The side view: a right or midline node's point of its own (side_points.json).
            own = (
                geometry.point(region, node[1], view)
                if view == "side"
                else (region.front if view == "front" else region.back)
            )
            if region.kind == "station" or own is None:
                assert patch is None, (node, view)
                continue
            assert patch is not None, (node, view)
            # Checked with the plain outline test, not the one the patches were fitted with.
            assert all(geometry.on_body(view, x, y) for x, y in patch.polygon()[::4]), node
            place = geometry.point(region, node[1], view)
            assert place is not None
            # Near its region's point (centres are rounded to hundredths).
            assert math.dist(patch.centre, place[:2]) <= patches._NUDGE + 0.01
            # Never a sliver: at least 1.2 units (3.5 px on a phone) across either way.
            assert min(patch.half_width, patch.half_length) >= 0.6, node
            checked += 1
    assert checked > 200


def test_a_track_between_two_line_neighbours_runs_along_the_line():
    atlas = _atlas()
    checked = 0
    for region, node in _nodes(atlas):
        if region.kind not in ("track", "muscle"):
            continue
        neighbours = patches._line_neighbours(atlas, node)
        if len(neighbours) != 2:
            continue
        for view in geometry.CHART_VIEWS:
            patch = patches.region_patch(atlas, node, view)
            ends = [geometry.point(atlas.region(n[0]), n[1], view) for n in neighbours]
            if patch is None or None in ends or math.dist(ends[0][:2], ends[1][:2]) <= 0.5:
                continue
            chord = math.atan2(ends[1][1] - ends[0][1], ends[1][0] - ends[0][0])
            # Parallel to the chord between its neighbours (an axis has no direction).
            turn = (patch.angle - chord) % math.pi
            assert min(turn, math.pi - turn) < 1e-6, (node, view)
            checked += 1
    assert checked > 50


def test_a_bony_station_lights_up_as_a_landmark_not_a_patch():
    atlas = _atlas()
    station = next(r for r in atlas.regions if r.kind == "station" and r.front is not None)
    node = (station.id, "midline" if station.laterality == "midline" else "left")
    props = patches.tissue_trace(atlas, [node])
    xs = [x for x in props["x"] if x is not None]
    ys = [y for y in props["y"] if y is not None]
    where = [place for *_, place in geometry.markers(atlas, [node])]
    # One small diamond per view the station is drawn on, centred on its marker.
    assert len(xs) == 5 * len(where)
    for k, (px, py) in enumerate(where):
        corners = list(zip(xs[5 * k : 5 * k + 4], ys[5 * k : 5 * k + 4], strict=True))
        assert sum(c[0] for c in corners) / 4 == pytest.approx(px, abs=0.02)
        assert sum(c[1] for c in corners) / 4 == pytest.approx(py, abs=0.02)
        assert max(math.dist(c, (px, py)) for c in corners) < 2


def test_a_focused_candidate_and_a_selected_region_light_up_their_tissue_only():
    atlas = _atlas()
    result = trace(_graph(), "low-back-pain", side="left")
    focus = result.candidates[0]
    node = (focus.region.id, focus.region.side)
    lit = _polygons(_named(trace=result, focus_rank=focus.rank)["tissue"])
    expected = [
        patches.region_patch(atlas, node, view)
        for view in geometry.VIEWS
        if patches.region_patch(atlas, node, view) is not None
    ]
    assert lit == [p.polygon() for p in expected if p is not None]
    assert not _named(trace=result)["tissue"]["x"], "nothing is lit up before a focus"
    calf = _polygons(_named(region=("calf", "left"))["tissue"])
    assert calf == [
        p.polygon()
        for view in geometry.VIEWS
        if (p := patches.region_patch(atlas, ("calf", "left"), view)) is not None
    ]


# -- trigger points ------------------------------------------------------------------------


def _trigger_point_foci() -> list[tuple[str, int]]:
    found = []
    for symptom in _atlas().symptoms:
        result = trace(_graph(), symptom.id, side="left")
        found += [(symptom.id, c.rank) for c in result.candidates[:4] if c.trigger_points]
    return found


def _seen(atlas, node, view):
    """Whether a node has a point of its own on a view (the side view shows the right side)."""
    region = atlas.region(node[0])
    if view == "side":
        return geometry.point(region, node[1], view) is not None
    return (region.front if view == "front" else region.back) is not None


@pytest.mark.parametrize(("symptom", "rank"), _trigger_point_foci())
def test_a_focused_trigger_point_candidate_shows_its_patterns_whole(symptom, rank):
    atlas = _atlas()
    result = trace(_graph(), symptom, side="left")
    candidate = next(c for c in result.candidates if c.rank == rank)
    shown = zones.picture(atlas, result.candidates, rank, None)
    # Expected from the graph's own referral records, not from the drawing code.
    patterns = {link.pattern for link in candidate.trigger_points}
    muscles = {(link.muscle.id, link.muscle.side) for link in candidate.trigger_points}
    referrals = [r for m in muscles for r in _graph().referrals_from(m) if r.pattern in patterns]
    essential = {r.area for r in referrals if r.zone == "essential"}
    assert set(shown.essential) == essential
    assert set(shown.spillover) == {r.area for r in referrals if r.zone == "spillover"} - essential
    # Every felt zone of the candidate's links is among the zones drawn.
    assert {(link.refers_to.id, link.refers_to.side) for link in candidate.trigger_points} <= (
        essential | set(shown.spillover)
    )
    named = _named(trace=result, focus_rank=rank)
    views_of = {
        node: [v for v in geometry.CHART_VIEWS if _seen(atlas, node, v)]
        for node in (*shown.essential, *shown.spillover)
    }
    # One patch per zone and view where the area is seen, and the key's swatch.
    assert len(_polygons(named["zones-essential"])) == (
        sum(len(views_of[n]) for n in shown.essential) + 1
    )
    assert len(_polygons(named["zones-spillover"])) == (
        sum(len(views_of[n]) for n in shown.spillover) + 1
    )
    sites = [p for p in atlas.referral_patterns if p.id in patterns and p.trigger_point]
    if any(s.trigger_point.front or s.trigger_point.back for s in sites):
        assert shown.crosses
    assert [t for t in named["trigger-crosses"]["text"] if t] == list(zones.KEY_LABELS)


def test_trigger_point_marks_look_as_in_travell_and_simons_and_red_is_for_pain():
    result = trace(_graph(), "headache", side="left")
    rank = next(c.rank for c in result.candidates if c.trigger_points)
    named = _named(trace=result, focus_rank=rank)
    assert named["zones-spillover"]["fillpattern"]["shape"] == "."
    assert named["zones-spillover"]["fillpattern"]["fgcolor"] == theme.FELT
    assert named["zones-essential"]["fill"] == "toself"
    assert named["zones-essential"]["fillcolor"].startswith("rgba(192, 21, 47")  # theme.FELT
    assert named["trigger-crosses"]["marker"]["symbol"] == "x"
    tissue, leaders = patches.tissue_trace(_atlas(), []), markers.leader_trace([])
    not_pain = [
        named["trigger-crosses"]["marker"]["color"],
        tissue["line"]["color"],
        tissue["fillcolor"],
        leaders["line"]["color"],
        leaders["marker"]["color"],
    ]
    assert all("192, 21, 47" not in str(c) and c != theme.FELT for c in not_pain)


def test_every_trigger_point_site_lies_on_the_drawn_body():
    atlas = _atlas()
    for pattern in atlas.referral_patterns:
        muscle = atlas.region(pattern.muscle)
        site = pattern.trigger_point
        for view in geometry.VIEWS:
            point = None if site is None else (site.front if view == "front" else site.back)
            if point is None:
                continue
            for side in ("left", "right"):
                x, y = geometry.figure_xy(point, view=view, side=side, body_area=muscle.body_area)
                assert geometry.on_body(view, x, y), (pattern.id, view, side)


def test_the_region_explorer_of_a_muscle_shows_all_its_patterns():
    atlas = _atlas()
    for muscle_id in sorted({p.muscle for p in atlas.referral_patterns}):
        region = atlas.region(muscle_id)
        node = (muscle_id, "midline" if region.laterality == "midline" else "right")
        shown = zones.picture(atlas, [], None, node)
        own = [p for p in atlas.referral_patterns if p.muscle == muscle_id]
        areas = {a for p in own for a in p.refers_to}
        assert {n[0] for n in (*shown.essential, *shown.spillover)} == areas
    plain = next(
        r for r in atlas.regions if r.id not in {p.muscle for p in atlas.referral_patterns}
    )
    assert not zones.picture(atlas, [], None, (plain.id, "left")).shown


def test_nothing_of_trigger_points_is_drawn_without_a_focus_or_a_muscle():
    result = trace(_graph(), "headache", side="left")
    named = _named(trace=result)
    for name in ("zones-essential", "zones-spillover", "trigger-crosses", "tissue"):
        assert not named[name]["x"], name


def test_close_trigger_points_merge_into_one_cross():
    places = [(0.0, 50.0), (0.5, 50.2), (10.0, 50.0)]
    merged = zones._merged(places, 1.0)
    assert len(merged) == 2
    assert (0.25, 50.1) in merged and (10.0, 50.0) in merged


# -- budgets -------------------------------------------------------------------------------

#: The largest upper-layer patch allowed, in bytes of JSON: 42.5 KB measured at most over every
#: symptom x side x (no focus, first three focused) on 2026-12-01 (35.4 KB before the marks),
#: 48.2 KB once the felt-here and candidate marks were drawn on the side view too.
PATCH_BUDGET = 52_000


@pytest.mark.parametrize("symptom", [s.id for s in load_atlas().symptoms])
def test_an_interaction_patch_stays_small(symptom):
    atlas = _atlas()
    result = trace(_graph(), symptom, side="both")
    for focus in [None, *(c.rank for c in result.candidates[:3])]:
        patch = figures.upper_patch(atlas, trace=result, focus_rank=focus).to_plotly_json()
        assert {op["location"][0] for op in patch["operations"]} == {"data"}
        assert len(json.dumps(patch)) <= PATCH_BUDGET


# -- any atlas -----------------------------------------------------------------------------


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_marks_of_any_atlas_piled_on_one_spot_keep_apart_or_point_back(data):
    # The shared strategy puts every region at one or two points: the hardest crowd there is.
    graph = build_graph(data.draw(atlases()))
    atlas = graph.atlas
    result = trace(graph, **data.draw(trace_requests(atlas)))
    focus = data.draw(st.none() | st.sampled_from([c.rank for c in result.candidates] or [1]))
    fig = figures.overlay_figure(atlas, trace=result, focus_rank=focus)
    start = figures.overlay_start(atlas) + figures.PATH_SLOTS
    named = dict(zip(figures.OVERLAY_NAMES, fig.data[start:], strict=True))
    candidates, leaders = named["candidates"], named["leaders"]
    ends = {
        (leaders.x[i + 1], leaders.y[i + 1]): (leaders.x[i], leaders.y[i])
        for i in range(0, len(leaders.x or ()), 3)
    }
    for (region_id, side), x, y in zip(
        candidates.customdata or (), candidates.x or (), candidates.y or (), strict=True
    ):
        homes = {
            place[:2]
            for view in geometry.VIEWS
            if (place := geometry.point(atlas.region(region_id), side, view)) and place[2]
        }
        # On its own place, or moved with a leader from its own place to it.
        assert (x, y) in homes or ends.get((x, y)) in homes
    shown = zones.picture(atlas, result.candidates, focus, None)
    assert not set(shown.essential) & set(shown.spillover)
    for polygon in _polygons(
        {"x": list(named["zones-essential"].x or ()), "y": list(named["zones-essential"].y or ())}
    )[:-1]:  # the last one is the key's swatch
        assert all(geometry.on_body(_view(x), x, y) for x, y in polygon[::5])


def _view(x: float) -> str:
    return "front" if x < geometry.VIEW_OFFSET / 2 else "back"
