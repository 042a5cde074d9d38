"""Chart routes: how each myofascial line is drawn over the body, view by view.

A line in the atlas is a chain of regions; a chart draws it as a smooth path over the body, the
way an anatomy chart does (Myers' colour-coded charts). ``data/chart/routes.json`` says, for
each line and each view where the line is visible (``front``, ``back``, ``side``), which
waypoints a smooth curve passes through, branch by branch::

    {"lines": {"superficial-back-line": {"views": {"back": {"branches": [
        {"branch": "sbl-main", "waypoints": [
            {"region": "plantar-fascia"},
            {"x": 4.6, "y": 0.6, "why": "round the heel"},
            ...]}]}}}}}

A waypoint is either a region (drawn at the region's own point on that view) or an extra bend
point with ``x``, ``y`` and a ``why``. Optional keys:

``side`` (``"own"`` or ``"opposite"``, default ``"own"``)
    Which copy of a paired region the waypoint means, relative to the drawn copy of the line:
    the Spiral and the functional lines cross the midline, so part of their left copy runs over
    right-side regions. On the side view it also says whether a bend point is on the client's
    near (right) or far side of the body for the *left* copy.
``pen_up`` (on a waypoint, ``true``)
    No stroke from the previous waypoint to this one: the Superficial Front Line's break
    between the AIIS and the pubic tubercle is a mechanical link through the pelvic bone only.
``deep`` (on a branch, ``true``)
    The branch runs deep (the Deep Front Line's core, the deep calf): a chart draws it in a style
    that says so.
``strand`` (on a branch)
    A branch may appear more than once on a view, each entry a named strand: the Lateral
    Line's two crossing strands on the flank (the weave), or the Spiral Line's two visible
    pieces on the back view.

Coordinates follow the atlas (percent of standing height, ``y`` 0 at the soles, 100 at the
vertex). On the front and back views a bend point's ``x`` is measured from the midline towards
the drawn copy's own side (negative: across the midline), on the drawing as it is (the arm as
drawn, not turned); on the side view ``x`` is the signed distance in front (+) or behind (-) the
mid-coronal line, as in ``data/chart/side_points.json``, and the client faces the viewer's
right, so the near side is the client's right.

Routes are given for the client's LEFT copy of a paired line; the right copy mirrors it. On the
side view mirroring changes no coordinate, only which parts lie on the near side (see
:func:`near_side`).

This module is pure: it loads and checks the files, resolves waypoints to coordinates with a
function the caller gives for region points, and smooths a route with a Catmull-Rom spline. It
knows nothing of plotly or Dash. The outlines it is drawn on are :mod:`fascialines.outlines`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fascialines.outlines import VIEWS, View

__all__ = [
    "VIEWS",
    "Copy",
    "Route",
    "View",
    "Waypoint",
    "catmull_rom",
    "chart_dir",
    "curve_through",
    "load_routes",
    "load_side_points",
    "near_side",
    "pieces",
    "region_ids",
    "resolve",
]

Copy = Literal["left", "right"]


def chart_dir() -> Path:
    """The checkout's ``data/chart`` folder (or the packaged copy beside the atlas, if any)."""
    packaged = Path(__file__).resolve().parent / "data" / "chart"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "chart"


@dataclass(frozen=True)
class Waypoint:
    """One waypoint of a route: a region's point, or a bend point ``(x, y)`` with its reason."""

    region: str | None
    x: float | None
    y: float | None
    why: str | None
    side: Literal["own", "opposite"]
    pen_up: bool = False


@dataclass(frozen=True)
class Route:
    """The drawn route of one branch of a line on one view."""

    line: str
    view: View
    branch: str
    waypoints: tuple[Waypoint, ...]
    deep: bool
    strand: str | None = None


def _waypoint(raw: dict[str, Any]) -> Waypoint:
    side = raw.get("side", "own")
    if side not in ("own", "opposite"):
        raise ValueError(f"waypoint side must be 'own' or 'opposite', not {side!r}")
    pen_up = bool(raw.get("pen_up", False))
    if "region" in raw:
        return Waypoint(raw["region"], None, None, raw.get("why"), side, pen_up)
    if "why" not in raw:
        raise ValueError(f"bend point {raw} needs a 'why'")
    return Waypoint(None, float(raw["x"]), float(raw["y"]), raw["why"], side, pen_up)


def load_routes(path: Path | None = None) -> tuple[Route, ...]:
    """Read ``routes.json`` into routes, in file order (line, view, branch).

    Raises
    ------
    ValueError
        If a view is not one of :data:`VIEWS` or a waypoint is malformed.
    """
    data = json.loads((path or chart_dir() / "routes.json").read_text(encoding="utf-8"))
    routes: list[Route] = []
    for line_id, line in data["lines"].items():
        for view, drawing in line["views"].items():
            if view not in VIEWS:
                raise ValueError(f"{line_id}: unknown view {view!r}")
            for branch in drawing["branches"]:
                routes.append(
                    Route(
                        line=line_id,
                        view=view,
                        branch=branch["branch"],
                        waypoints=tuple(_waypoint(w) for w in branch["waypoints"]),
                        deep=bool(branch.get("deep", False)),
                        strand=branch.get("strand"),
                    )
                )
    return tuple(routes)


def load_side_points(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """Read ``side_points.json``: region id -> ``(x, y)`` on the side view."""
    data = json.loads((path or chart_dir() / "side_points.json").read_text(encoding="utf-8"))
    return {region: (float(p["x"]), float(p["y"])) for region, p in data.items()}


def near_side(waypoint: Waypoint, copy: Copy, *, midline: bool = False) -> bool:
    """Whether a side-view waypoint of one copy lies on the near side (the client's right).

    The left copy's own side is the far side; ``side: "opposite"`` flips it; a midline region
    (``midline=True``) sits on the profile's edge and is always seen.
    """
    if midline:
        return True
    on_right = (copy == "right") == (waypoint.side == "own")
    return on_right


def catmull_rom(
    points: Sequence[tuple[float, float]], samples: int = 12
) -> list[tuple[float, float]]:
    """A smooth curve through ``points``: a centripetal Catmull-Rom spline, sampled.

    The curve passes through every point in order; the centripetal form (alpha 1/2) never
    loops or overshoots between close points, which a chart's tight bends (round the heel,
    under the arch) need. The ends are extended by reflecting the neighbouring point.

    Parameters
    ----------
    points : sequence of (x, y)
        At least two points; consecutive duplicates are dropped.
    samples : int
        Curve points per segment, the segment's end included.

    Returns
    -------
    list of (x, y)
        Starting at ``points[0]`` and ending at ``points[-1]``.

    Examples
    --------
    >>> catmull_rom([(0.0, 0.0), (1.0, 1.0)], samples=2)
    [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)]
    """
    pts = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(pts) < 2:
        return list(pts)
    ext = [
        (2 * pts[0][0] - pts[1][0], 2 * pts[0][1] - pts[1][1]),
        *pts,
        (2 * pts[-1][0] - pts[-2][0], 2 * pts[-1][1] - pts[-2][1]),
    ]
    out = [pts[0]]
    for i in range(1, len(ext) - 2):
        out += _segment(ext[i - 1], ext[i], ext[i + 1], ext[i + 2], samples)
    return out


def curve_through(
    points: Sequence[tuple[float, float]], spacing: float = 0.8
) -> tuple[list[tuple[float, float]], list[int]]:
    """The :func:`catmull_rom` curve through ``points``, sampled by length, and where each
    point falls on it.

    A fixed number of samples per segment wastes points on short bends and leaves long
    stretches coarse; here each segment gets about one sample per ``spacing`` units of its
    chord (at least two, so a short bend stays round), so a whole line stays light to send and
    evenly smooth.

    Parameters
    ----------
    points : sequence of (x, y)
        At least one point.
    spacing : float
        The wanted distance between curve samples, in the points' units.

    Returns
    -------
    curve : list of (x, y)
        Starts at ``points[0]`` and ends at ``points[-1]``.
    marks : list of int
        ``curve[marks[k]] == points[k]`` for every ``k``; a point repeating the one before
        it gets the same index.

    Examples
    --------
    >>> curve, marks = curve_through([(0.0, 0.0), (2.0, 0.0), (2.0, 0.5)], spacing=1.0)
    >>> marks, curve[marks[1]]
    ([0, 2, 4], (2.0, 0.0))
    """
    if not points:
        return [], []
    curve = [points[0]]
    marks = [0]
    for i in range(1, len(points)):
        a, b = points[i - 1], points[i]
        if b == a:
            marks.append(len(curve) - 1)
            continue
        before = points[i - 2] if i >= 2 else (2 * a[0] - b[0], 2 * a[1] - b[1])
        after = points[i + 1] if i + 1 < len(points) else (2 * b[0] - a[0], 2 * b[1] - a[1])
        # A repeated neighbour would give a zero-length knot interval: reflect instead.
        if before == a:
            before = (2 * a[0] - b[0], 2 * a[1] - b[1])
        if after == b:
            after = (2 * b[0] - a[0], 2 * b[1] - a[1])
        samples = max(2, math.ceil(math.dist(a, b) / spacing))
        curve += _segment(before, a, b, after, samples)
        marks.append(len(curve) - 1)
    return curve, marks


def _segment(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
    samples: int,
) -> list[tuple[float, float]]:
    # Barry and Goldman's pyramidal form of the centripetal Catmull-Rom segment p1 -> p2.
    def knot(t: float, a: tuple[float, float], b: tuple[float, float]) -> float:
        distance = math.hypot(b[0] - a[0], b[1] - a[1])
        return t + max(math.sqrt(distance), 1e-9)

    t0 = 0.0
    t1 = knot(t0, p0, p1)
    t2 = knot(t1, p1, p2)
    t3 = knot(t2, p2, p3)

    def lerp(
        a: tuple[float, float], b: tuple[float, float], ta: float, tb: float, t: float
    ) -> tuple[float, float]:
        wa, wb = (tb - t) / (tb - ta), (t - ta) / (tb - ta)
        return (wa * a[0] + wb * b[0], wa * a[1] + wb * b[1])

    out: list[tuple[float, float]] = []
    for k in range(1, samples + 1):
        t = t1 + (t2 - t1) * k / samples
        a1, a2, a3 = lerp(p0, p1, t0, t1, t), lerp(p1, p2, t1, t2, t), lerp(p2, p3, t2, t3, t)
        b1, b2 = lerp(a1, a2, t0, t2, t), lerp(a2, a3, t1, t3, t)
        out.append(lerp(b1, b2, t1, t2, t))
    out[-1] = p2
    return out


def resolve(
    route: Route,
    copy: Copy,
    region_point: Callable[[str], tuple[float, float] | None],
) -> list[tuple[float, float]]:
    """The waypoints of a route as coordinates on the view, as the viewer sees them.

    Parameters
    ----------
    route : Route
    copy : {"left", "right"}
        The drawn copy of the line. Routes are written for the left copy; the right mirrors.
    region_point : callable
        ``region_point(region_id)`` -> the region's point on ``route.view``, or ``None`` if it
        has none there. Front and back: the atlas point of the region's own-side copy (``x``
        >= 0), already placed on the drawing (an arm point turned onto the drawn arm). Side:
        the point of ``side_points.json``.

    Returns
    -------
    list of (x, y)
        Front and back: ``x`` signed as the viewer sees it (positive = the viewer's right),
        without any offset between views; the front view shows the client's left at ``+x``,
        the back view at ``-x``. Side: ``x`` positive in front of the body.

    Raises
    ------
    KeyError
        If a region waypoint has no point on the route's view.

    Examples
    --------
    >>> from fascialines.routes import Route, Waypoint
    >>> route = Route("l", "front", "b", (Waypoint(None, 2.0, 5.0, "bend", "own"),), False)
    >>> resolve(route, "left", lambda region: None), resolve(route, "right", lambda r: None)
    ([(2.0, 5.0)], [(-2.0, 5.0)])
    """
    out: list[tuple[float, float]] = []
    for waypoint in route.waypoints:
        if waypoint.region is not None:
            point = region_point(waypoint.region)
            if point is None:
                raise KeyError(f"{route.line}/{route.view}: {waypoint.region} has no point")
            x, y = point
            if route.view != "side" and waypoint.side == "opposite":
                x = -x
        else:
            assert waypoint.x is not None and waypoint.y is not None
            x, y = waypoint.x, waypoint.y
        if route.view != "side":
            # x is now measured towards the drawn copy's own side; turn it to the viewer's.
            towards_viewer_right = (copy == "left") == (route.view == "front")
            x = x if towards_viewer_right else -x
        out.append((x, y))
    return out


def pieces(route: Route, points: Sequence[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Split a route's resolved points where a waypoint lifts the pen (``pen_up``)."""
    out: list[list[tuple[float, float]]] = [[]]
    for waypoint, point in zip(route.waypoints, points, strict=True):
        if waypoint.pen_up and out[-1]:
            out.append([])
        out[-1].append(point)
    return out


def region_ids(routes: Iterable[Route]) -> set[str]:
    """Every region named by a waypoint of ``routes``."""
    return {w.region for r in routes for w in r.waypoints if w.region is not None}
