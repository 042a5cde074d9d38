"""Where each step of a line is drawn: the chart's routes placed on the figure, step by step.

A line's route (``data/chart/routes.json``, read by :mod:`fascialines.routes`) is a smooth curve
per branch and view through some of the branch's stations and a few bend points. The graph's
edges are steps between two stations. This module cuts each route's curve at its stations, so
every step (of each copy of a line) gets the stretch of curve between its two stations:

- a step between two stations the route passes is the curve between their waypoints;
- stations a route skips on a view (an atlas point that would flatten the drawing) share the
  curve between the stations around them, cut into equal lengths, one per step, in order;
- the bend points before a route's first station (or after its last) belong to the step that
  leads into it (or out of it): the Superficial Back Line's front view starts over the crown;
- where the pen lifts (``pen_up``, the Superficial Front Line's break at the pelvis), the step
  across the gap has no curve on that view;
- a branch the chart has no route for is drawn as before: a straight stroke between its
  stations on the front and back views.

The side view shows the client's right side, so a step with a node on the client's left has no
curve there (it lies behind the body); both copies of a line run along the one profile. A step
left with no curve on any view it can be seen on is drawn straight on the front and back.

Both the base figure (every line) and the overlay (a chosen line, a candidate's paths) draw from
:func:`edge_curves`, so a path always follows the line as the chart draws it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from fascialines import routes as chart
from fascialines.atlas import Atlas
from fascialines.graph import LineEdge, NodeKey
from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import View

__all__ = [
    "SPACING",
    "StepCurve",
    "edge_curves",
    "line_edges",
    "middle",
    "region_point",
    "step_edge",
]

#: Distance between curve samples in figure units (percent of height, about 20 px on a laptop;
#: every stretch between two waypoints gets at least two, so tight bends stay round): smooth to
#: the eye, and light enough that a traced path's patch stays in the overlay's budget
#: (tests/test_web_marks.py).
SPACING = 3.0

Point = tuple[float, float]
#: A step of one copy of a line as the atlas writes it: line, branch, copy, start, end region.
StepKey = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class StepCurve:
    """The drawn stretch of one step on one view, in figure coordinates, start to end."""

    view: View
    points: tuple[Point, ...]
    #: The route runs deep (the Deep Front Line): drawn in a style that says so.
    deep: bool


def region_point(atlas: Atlas, view: View) -> Callable[[str], Point | None]:
    """The ``region_point`` that :func:`fascialines.routes.resolve` needs for one view.

    Front and back: the region's own point on that view (``x`` >= 0 towards its own side), an
    arm point turned onto the drawn arm; ``None`` where the region has no point on the view.
    Side: the region's ``side_points.json`` point.
    """
    side_points = chart.load_side_points()

    def place(region_id: str) -> Point | None:
        if view == "side":
            return side_points.get(region_id)
        region = atlas.region(region_id)
        where = region.front if view == "front" else region.back
        if where is None:
            return None
        if region.body_area in geometry.ARM_AREAS:
            return geometry.arm_to_drawing(where.x, where.y)
        return where.x, where.y

    return place


def _station_indices(stations: Sequence[str], regions: Sequence[str]) -> list[int]:
    # Matched in order, so a station the branch visits twice (the Spiral Line starts and ends
    # at the occiput) takes the visit that follows the route's previous station.
    found, at = [], 0
    for region in regions:
        at = stations.index(region, at)
        found.append(at)
    return found


def _cut(points: Sequence[Point], parts: int) -> list[tuple[Point, ...]]:
    """Cut a polyline into ``parts`` pieces of equal length (the cut points are shared)."""
    if parts == 1:
        return [tuple(points)]
    lengths = [0.0]
    for a, b in pairwise(points):
        lengths.append(lengths[-1] + math.dist(a, b))
    total = lengths[-1]
    out: list[tuple[Point, ...]] = []
    for k in range(parts):
        low, high = total * k / parts, total * (k + 1) / parts
        piece = [_at(points, lengths, low)]
        piece += [p for p, s in zip(points, lengths, strict=True) if low < s < high]
        piece.append(_at(points, lengths, high))
        out.append(tuple(piece))
    return out


def _at(points: Sequence[Point], lengths: Sequence[float], s: float) -> Point:
    for i in range(1, len(points)):
        if lengths[i] >= s:
            span = lengths[i] - lengths[i - 1]
            t = 0.0 if span == 0 else (s - lengths[i - 1]) / span
            (x0, y0), (x1, y1) = points[i - 1], points[i]
            return (round(x0 + t * (x1 - x0), 2), round(y0 + t * (y1 - y0), 2))
    return points[-1]


def _route_steps(
    route: chart.Route, copy: chart.Copy, stations: Sequence[str], place: Callable[[str], Any]
) -> Iterator[tuple[int, tuple[Point, ...]]]:
    """``(step index, curve)`` for the steps of a branch one route draws, for one copy."""
    points = chart.resolve(route, copy, place)
    shift = geometry.VIEW_CENTRES[route.view]
    placed = [(round(x + shift, 2), round(y, 2)) for x, y in points]
    last_step = len(stations) - 2
    regions = [w.region for w in route.waypoints if w.region is not None]
    station_of = iter(_station_indices(stations, regions))
    start = 0
    for piece in chart.pieces(route, placed):
        waypoints = route.waypoints[start : start + len(piece)]
        start += len(piece)
        curve, marks = chart.curve_through(piece, spacing=SPACING)
        # Between waypoints a tenth of a percent of height (under a pixel) is exact enough, and
        # a third lighter to send; the waypoints keep their own coordinates.
        keep = set(marks)
        curve = [p if i in keep else (round(p[0], 1), round(p[1], 1)) for i, p in enumerate(curve)]
        present = [
            (next(station_of), mark)
            for waypoint, mark in zip(waypoints, marks, strict=True)
            if waypoint.region is not None
        ]
        if not present:
            continue
        first_station, first_mark = present[0]
        if first_mark > 0 and first_station > 0:
            yield first_station - 1, tuple(curve[: first_mark + 1])
        for (s0, m0), (s1, m1) in pairwise(present):
            if s1 > s0:
                for k, part in enumerate(_cut(curve[m0 : m1 + 1], s1 - s0)):
                    yield s0 + k, part
        last_station, last_mark = present[-1]
        if last_mark < len(curve) - 1 and last_station <= last_step:
            yield last_station, tuple(curve[last_mark:])


def _build(atlas: Atlas) -> dict[StepKey, tuple[StepCurve, ...]]:
    found: dict[StepKey, list[StepCurve]] = defaultdict(list)
    routed: set[tuple[str, str]] = set()
    branches = {(line.id, b.id): b.stations for line in atlas.lines for b in line.branches}
    for route in chart.load_routes():
        stations = branches.get((route.line, route.branch))
        if stations is None:
            continue  # an atlas of one's own without this line: its steps are drawn straight
        place = region_point(atlas, route.view)
        try:
            steps = {
                copy: list(_route_steps(route, copy, stations, place)) for copy in ("left", "right")
            }
        except (KeyError, ValueError):
            # A region the route names is missing, has no point there or is out of order in
            # this atlas: the route is not this atlas's drawing.
            continue
        routed.add((route.line, route.branch))
        for copy, drawn in steps.items():
            for index, curve in drawn:
                key = (route.line, route.branch, copy, stations[index], stations[index + 1])
                found[key].append(StepCurve(route.view, curve, route.deep))
    for line in atlas.lines:
        for branch in line.branches:
            if (line.id, branch.id) not in routed:
                _straight(atlas, line.id, branch.id, found)
    return {key: tuple(curves) for key, curves in found.items()}


def _straight(
    atlas: Atlas, line_id: str, branch_id: str, found: dict[StepKey, list[StepCurve]]
) -> None:
    for edge in line_edges(atlas, line_id):
        if edge.branch != branch_id:
            continue
        key = (line_id, branch_id, edge.copy, edge.start[0], edge.end[0])
        for view, a, b in geometry.segments(atlas, [(edge.start, edge.end)]):
            if view != "side":
                found[key].append(StepCurve(view, (a, b), False))


def _curves(atlas: Atlas) -> dict[StepKey, tuple[StepCurve, ...]]:
    # Cached on the frozen atlas, as its own look-ups are: built once per atlas and process.
    cache = atlas.__dict__
    if "_figure_tracks" not in cache:
        cache["_figure_tracks"] = _build(atlas)
    built: dict[StepKey, tuple[StepCurve, ...]] = cache["_figure_tracks"]
    return built


def line_edges(atlas: Atlas, line_id: str) -> list[LineEdge]:
    """Every edge of one line (both copies), in the graph's order."""
    from fascialines.web.figure.base import graph_of

    seen: dict[str, LineEdge] = {}
    for _, _, data in graph_of(atlas).edges(data=True):
        edge: LineEdge = data["edge"]
        if edge.line == line_id:
            seen.setdefault(f"{edge.key}/{edge.branch}/{edge.start}/{edge.end}", edge)
    return list(seen.values())


def edge_curves(
    atlas: Atlas, edge: LineEdge, views: Sequence[View] = geometry.CHART_VIEWS
) -> tuple[StepCurve, ...]:
    """The drawn stretches of one edge, one per view (and strand) where the chart shows it.

    Each runs from the edge's ``start`` to its ``end`` as the atlas writes the step. On the
    side view a step with a node on the client's left has none: it lies behind the body.
    ``views`` are the views a drawing has (the handout prints no side view); a step the
    routes draw on none of them is drawn straight on its front and back.
    """
    key = (edge.line, edge.branch, edge.copy, edge.start[0], edge.end[0])
    far = "left" in (edge.start[1], edge.end[1])
    drawn = tuple(
        c for c in _curves(atlas).get(key, ()) if c.view in views and not (c.view == "side" and far)
    )
    if drawn:
        return drawn
    # A step the routes draw on no view this copy is seen on (the left sole's step to the
    # toes is on the side view only, behind the body): straight, so a traced path never
    # loses a step.
    return tuple(
        StepCurve(view, (a, b), False)
        for view, a, b in geometry.segments(atlas, [(edge.start, edge.end)])
        if view != "side" and view in views
    )


def step_edge(atlas: Atlas, line_id: str, start: NodeKey, end: NodeKey) -> LineEdge | None:
    """The edge of a line between two nodes (either way round), or ``None`` if it has none."""
    from fascialines.web.figure.base import graph_of

    graph = graph_of(atlas)
    if not graph.has_edge(start, end):
        return None
    for data in graph.get_edge_data(start, end).values():
        if data["line"] == line_id:
            found: LineEdge = data["edge"]
            return found
    return None


def middle(points: Sequence[Point]) -> tuple[Point, Point]:
    """Two points either side of a curve's middle (by length): where a mark on it goes, and
    which way it points (see :meth:`.strokes.Marks.add`)."""
    if len(points) < 3:
        return points[0], points[-1]
    lengths = [0.0]
    for a, b in pairwise(points):
        lengths.append(lengths[-1] + math.dist(a, b))
    half = lengths[-1] / 2
    i = next(i for i in range(1, len(points)) if lengths[i] >= half)
    return points[i - 1], points[i]
