"""The chart's drawing data: routes per line and view, side-view points, the side outline.

Checks ``data/chart/routes.json`` and ``data/chart/side_points.json`` against the atlas: each
route follows its branch's station order, sits on the body of its view, and each view is one the
chart has; and the pure helpers of :mod:`fascialines.routes` (the spline, the mirroring).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines import outlines
from fascialines import routes as chart
from fascialines.atlas import Atlas, Line, load_atlas
from strategies import chart_points

try:  # the figure package of the app v2 restructure
    from fascialines.web.figure.geometry import ARM_AREAS, arm_to_drawing
except ImportError:  # the web package before it
    from fascialines.web.body import ARM_AREAS, arm_to_drawing

from .conftest import REPO

ROUTES = chart.load_routes()
SIDE_POINTS = chart.load_side_points()


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(REPO / "data" / "lines.json")


def _line(atlas: Atlas, line_id: str) -> Line:
    return next(line for line in atlas.lines if line.id == line_id)


def _stations(atlas: Atlas, route: chart.Route) -> list[str]:
    branch = next(b for b in _line(atlas, route.line).branches if b.id == route.branch)
    return [branch.transitions[0].from_] + [t.to for t in branch.transitions]


def _region_point(atlas: Atlas, view: chart.View) -> Callable[[str], tuple[float, float] | None]:
    # As the figure places a region: its own view point, an arm point turned onto the drawn arm.
    regions = {r.id: r for r in atlas.regions}

    def point(region_id: str) -> tuple[float, float] | None:
        if view == "side":
            return SIDE_POINTS.get(region_id)
        region = regions[region_id]
        p = region.front if view == "front" else region.back
        if p is None:
            return None
        return arm_to_drawing(p.x, p.y) if region.body_area in ARM_AREAS else (p.x, p.y)

    return point


def _is_subsequence(items: list[str], sequence: list[str]) -> bool:
    rest = iter(sequence)
    return all(item in rest for item in items)


def _copies(route: chart.Route) -> tuple[chart.Copy, ...]:
    return ("left",) if route.view == "side" else ("left", "right")


def _name(route: chart.Route) -> str:
    return f"{route.line}/{route.view}/{route.branch}" + (
        f"/{route.strand}" if route.strand else ""
    )


@pytest.mark.parametrize("route", ROUTES, ids=_name)
def test_a_route_meets_its_regions_in_station_order(atlas: Atlas, route: chart.Route) -> None:
    regions = [w.region for w in route.waypoints if w.region is not None]
    assert regions, "a route passes at least one of its regions"
    assert _is_subsequence(regions, _stations(atlas, route))


@pytest.mark.parametrize("route", ROUTES, ids=_name)
def test_every_waypoint_lies_on_the_body(atlas: Atlas, route: chart.Route) -> None:
    for copy in _copies(route):
        points = chart.resolve(route, copy, _region_point(atlas, route.view))
        outside = [
            (w.region or w.why, p)
            for w, p in zip(route.waypoints, points, strict=True)
            if not outlines.inside(route.view, *p)
        ]
        assert not outside, f"{copy} copy: {outside}"


#: How far a drawn curve may graze past the outline: about half a line's width at chart size
#: (a station such as the mastoid sits on the outline's very edge).
GRAZE = 0.2


def _on_or_near(view: chart.View, x: float, y: float) -> bool:
    steps = ((0.0, 0.0), (GRAZE, 0.0), (-GRAZE, 0.0), (0.0, GRAZE), (0.0, -GRAZE))
    return any(outlines.inside(view, x + dx, y + dy) for dx, dy in steps)


@pytest.mark.parametrize("route", ROUTES, ids=_name)
def test_the_drawn_curve_stays_on_the_body(atlas: Atlas, route: chart.Route) -> None:
    # The spline bulges between waypoints; the bulge must not leave the silhouette either.
    for copy in _copies(route):
        points = chart.resolve(route, copy, _region_point(atlas, route.view))
        for piece in chart.pieces(route, points):
            off = [p for p in chart.catmull_rom(piece) if not _on_or_near(route.view, *p)]
            assert not off, f"{copy} copy leaves the body at {off[:3]}"


def test_routes_name_real_lines_branches_and_views(atlas: Atlas) -> None:
    lines = {line.id: line for line in atlas.lines}
    for route in ROUTES:
        assert route.view in chart.VIEWS
        assert route.branch in {b.id for b in lines[route.line].branches}, _name(route)
    assert {r.line for r in ROUTES} == set(lines), "every line is drawn on some view"


def test_only_lines_that_cross_the_midline_take_the_opposite_copy(atlas: Atlas) -> None:
    crossing = {line.id for line in atlas.lines if line.midline_crossings}
    opposite = {r.line for r in ROUTES if any(w.side == "opposite" for w in r.waypoints)}
    assert opposite <= crossing
    assert "spiral-line" in opposite


def test_the_deep_front_line_is_drawn_deep_everywhere() -> None:
    dfl = [r for r in ROUTES if r.line == "deep-front-line"]
    assert dfl and all(r.deep for r in dfl)
    assert not [r for r in ROUTES if r.deep and r.line != "deep-front-line"]


def test_the_pen_lifts_only_inside_a_route() -> None:
    for route in ROUTES:
        assert not route.waypoints[0].pen_up, _name(route)


def test_every_region_has_a_side_point_inside_the_side_outline(atlas: Atlas) -> None:
    assert set(SIDE_POINTS) == {r.id for r in atlas.regions}
    outside = {r: p for r, p in SIDE_POINTS.items() if not outlines.inside("side", *p)}
    assert not outside


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("linea-alba", "sacrum"),
        ("patella", "femoral-condyles"),
        ("sternalis", "upper-thoracic-spines"),
        ("tibialis-anterior", "gastrocnemius"),
        ("dorsal-toes", "calcaneus"),
        ("frontal-bone", "occipital-ridge"),
    ],
)
def test_side_points_put_the_front_in_front_of_the_back(front: str, back: str) -> None:
    # The side view's x is front (+) / back (-): front structures sit ahead of their back pair.
    assert SIDE_POINTS[front][0] > 0 > SIDE_POINTS[back][0]


def test_the_sole_is_under_the_foot() -> None:
    for region in ("plantar-fascia", "plantar-toes", "plantar-tarsals", "heel"):
        assert SIDE_POINTS[region][1] < 1.0
    assert SIDE_POINTS["dorsal-toes"][1] > SIDE_POINTS["plantar-toes"][1]


def test_the_side_outline_shares_the_front_views_heights() -> None:
    for view in chart.VIEWS:
        ys = [y for _, y in outlines.outline_polygon(view)]
        assert min(ys) == pytest.approx(0.0, abs=0.1)
        assert max(ys) == pytest.approx(100.0, abs=0.1)
    xs = [x for x, _ in outlines.outline_polygon("side")]
    # It faces the viewer's right: the toes and the nose reach further forward than the heel
    # and the buttocks reach back.
    assert max(xs) > -min(xs)


def test_a_bend_point_must_say_why(tmp_path: Path) -> None:
    bad = {"lines": {"x": {"views": {"side": {"branches": [
        {"branch": "b", "waypoints": [{"x": 1.0, "y": 2.0}]}
    ]}}}}}  # fmt: skip
    path = tmp_path / "routes.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="needs a 'why'"):
        chart.load_routes(path)


def test_an_unknown_view_is_refused(tmp_path: Path) -> None:
    bad = {"lines": {"x": {"views": {"top": {"branches": []}}}}}
    path = tmp_path / "routes.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown view"):
        chart.load_routes(path)


@pytest.mark.parametrize("route", [r for r in ROUTES if r.view != "side"], ids=_name)
def test_the_right_copy_mirrors_the_left(atlas: Atlas, route: chart.Route) -> None:
    point = _region_point(atlas, route.view)
    left = chart.resolve(route, "left", point)
    right = chart.resolve(route, "right", point)
    assert right == [(-x, y) for x, y in left]


def test_the_left_copy_is_on_the_viewers_right_in_front_and_left_from_behind() -> None:
    bend = chart.Waypoint(None, 3.0, 50.0, "test", "own")
    front = chart.Route("l", "front", "b", (bend,), False)
    back = chart.Route("l", "back", "b", (bend,), False)
    assert chart.resolve(front, "left", lambda r: None) == [(3.0, 50.0)]
    assert chart.resolve(back, "left", lambda r: None) == [(-3.0, 50.0)]


def test_the_near_side_of_the_side_view_is_the_clients_right() -> None:
    own = chart.Waypoint("r", None, None, None, "own")
    opposite = chart.Waypoint("r", None, None, None, "opposite")
    assert not chart.near_side(own, "left")
    assert chart.near_side(own, "right")
    assert chart.near_side(opposite, "left")
    assert chart.near_side(own, "left", midline=True)


@settings(max_examples=60, deadline=None)
@given(
    points=st.lists(chart_points, min_size=2, max_size=9, unique=True),
    samples=st.integers(1, 16),
)
def test_the_spline_passes_every_waypoint_in_order(
    points: list[tuple[float, float]], samples: int
) -> None:
    curve = chart.catmull_rom(points, samples)
    assert curve[0] == points[0] and curve[-1] == points[-1]
    assert len(curve) == 1 + (len(points) - 1) * samples
    # Each waypoint is a sample of the curve, at the end of its segment.
    assert [curve[k * samples] for k in range(len(points))] == points


@settings(max_examples=40, deadline=None)
@given(points=st.lists(chart_points, min_size=2, max_size=6, unique=True))
def test_the_spline_stays_near_its_waypoints(points: list[tuple[float, float]]) -> None:
    # Centripetal Catmull-Rom never swings far: each sample lies within the bounding box of
    # the waypoints grown by the longest segment.
    longest = max(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for a, b in pairwise(points))
    xs, ys = zip(*points, strict=True)
    for x, y in chart.catmull_rom(points):
        assert min(xs) - longest <= x <= max(xs) + longest
        assert min(ys) - longest <= y <= max(ys) + longest


def test_pieces_split_where_the_pen_lifts() -> None:
    route = chart.Route(
        "l",
        "front",
        "b",
        (
            chart.Waypoint("a", None, None, None, "own"),
            chart.Waypoint("b", None, None, None, "own"),
            chart.Waypoint("c", None, None, None, "own", pen_up=True),
            chart.Waypoint("d", None, None, None, "own"),
        ),
        False,
    )
    assert chart.pieces(route, [(0, 0), (1, 1), (2, 2), (3, 3)]) == [
        [(0, 0), (1, 1)],
        [(2, 2), (3, 3)],
    ]
