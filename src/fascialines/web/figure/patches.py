"""Soft patches for the tissue a region stands for, so a mark lights up a muscle, not a dot.

The atlas gives each region one point per view (the side view's come from
``data/chart/side_points.json``, for the right and midline regions it shows) and no outline, so
a patch is an **approximate** extent, derived from what the atlas does say and never read as an
anatomical boundary:

- a **bony station** (``kind == "station"``) gets no patch: it is a small landmark on the chart
  (as a referral zone, a station felt there gets a small round patch);
- a **track or muscle on a line** is an ellipse along the line through it: its long axis runs
  from its previous to its next neighbour on the line (as drawn on that view), and it reaches
  halfway to each of them, so neighbouring tissues of a line meet and do not pile up; its
  half-width is the body part's (:data:`HALF_AXES`);
- **any other region** (an area where pain is felt, a muscle off the lines) is an ellipse of
  its body part's size (:data:`HALF_AXES`), upright on the head and trunk, along the limb on a
  limb;
- :data:`REGION_HALF_AXES` sets the size of the few regions for which both rules are plainly
  wrong (the broad sheets of the back, the small eye); a line still sets their direction.

Every ellipse is then shrunk about its point until it lies wholly inside its view's outline:
a patch never spills off the drawn body. Sizes are in percent of standing height, the atlas's
own unit.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from fascialines.atlas import Atlas, Point, Region
from fascialines.graph import NodeKey
from fascialines.web.figure import geometry
from fascialines.web.figure.base import graph_of
from fascialines.web.figure.geometry import BodyFigure, View

__all__ = [
    "HALF_AXES",
    "REGION_HALF_AXES",
    "TISSUE_EDGE",
    "TISSUE_FILL",
    "Patch",
    "fits_outline",
    "patch_polygons",
    "region_patch",
    "tissue_trace",
]

#: (half-length, half-width) of a patch by body part, percent of height: about a third of the
#: part's drawn width across, so a patch reads as one tissue of the part, not the whole part.
HALF_AXES: dict[str, tuple[float, float]] = {
    "head": (1.7, 1.5),
    "neck": (1.6, 1.3),
    "trunk": (3.6, 2.6),
    "pelvis": (2.6, 2.6),
    "upper-limb": (3.6, 1.2),
    "hand": (1.6, 1.1),
    "lower-limb": (5.0, 1.6),
    "foot": (1.3, 1.0),
}
#: Regions whose body part's size is plainly wrong for them (a whole back, a small eye).
REGION_HALF_AXES: dict[str, tuple[float, float]] = {
    # The head's areas as Travell and Simons shade them: the temple, the back of the head and
    # the forehead cover much of their side of the head; the eye, the teeth and the ear little.
    "temple": (2.4, 1.7),
    "forehead": (1.3, 3.0),
    "back-of-head": (2.4, 2.6),
    "vertex": (1.1, 2.6),
    "jaw": (1.1, 1.9),
    "cheek": (1.4, 1.4),
    "neck-back": (2.4, 1.7),
    "eye": (0.8, 1.0),
    "teeth": (0.7, 1.2),
    "ear": (1.2, 0.7),
    "between-shoulder-blades": (4.0, 2.2),
    "lower-back": (2.6, 3.4),
    "mid-back": (2.8, 2.8),
    "chest": (2.6, 3.2),
    "calf": (5.5, 1.8),
    "back-of-thigh": (6.0, 2.0),
    "front-of-thigh": (6.0, 2.0),
    "buttock": (3.0, 3.0),
    # The broad sheets of the back, far wider than the stretch of line through them.
    "latissimus-dorsi": (5.0, 3.2),
    "thoracolumbar-fascia": (3.2, 3.6),
    "erector-spinae": (9.0, 1.4),
}

#: Points sampled round an ellipse: enough for a smooth patch at any of the app's widths.
_SAMPLES = 20
#: Each shrink keeps this share of the axes.
_SHRINK = 0.85
#: How far a patch's centre may move off its region's point to fit the outline (figure units,
#: percent of height: 1.2 is about 2 cm on an adult).
_NUDGE = 1.2


@dataclass(frozen=True)
class Patch:
    """An ellipse in figure coordinates: its centre, half-axes and the long axis's direction.

    ``angle`` is in radians from the figure's ``+x`` axis.
    """

    view: View
    centre: tuple[float, float]
    half_length: float
    half_width: float
    angle: float

    def polygon(self) -> list[tuple[float, float]]:
        """The ellipse as a closed polygon (first point repeated last), rounded for JSON."""
        cos_a, sin_a = math.cos(self.angle), math.sin(self.angle)
        points = []
        for k in range(_SAMPLES + 1):
            t = 2 * math.pi * k / _SAMPLES
            u, v = self.half_length * math.cos(t), self.half_width * math.sin(t)
            points.append(
                (
                    round(self.centre[0] + u * cos_a - v * sin_a, 2),
                    round(self.centre[1] + u * sin_a + v * cos_a, 2),
                )
            )
        return points

    def scaled(self, factor: float, shift: tuple[float, float] = (0.0, 0.0)) -> Patch:
        """The patch with both half-axes times ``factor``, its centre moved by ``shift``."""
        return Patch(
            self.view,
            (round(self.centre[0] + shift[0], 2), round(self.centre[1] + shift[1], 2)),
            self.half_length * factor,
            self.half_width * factor,
            self.angle,
        )


# -- inside the outline, fast ----------------------------------------------------------------

#: Height of one band of outline edges: a point is tested against its band's edges only.
_BAND = 1.0


@cache
def _bands(
    view: View, figure: BodyFigure = "male"
) -> dict[int, tuple[tuple[float, float, float, float], ...]]:
    polygon = geometry.silhouette_polygon(view, figure)
    bands: dict[int, list[tuple[float, float, float, float]]] = defaultdict(list)
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if y0 == y1:
            continue  # a horizontal edge never crosses a horizontal ray
        for band in range(math.floor(min(y0, y1) / _BAND), math.floor(max(y0, y1) / _BAND) + 1):
            bands[band].append((x0, y0, x1, y1))
    return {band: tuple(edges) for band, edges in bands.items()}


def _on_body(view: View, x: float, y: float, figure: BodyFigure = "male") -> bool:
    """:func:`geometry.on_body`, testing only the outline edges near ``y`` (same answer).

    The even-odd ray cast of :func:`geometry.on_body` counts the edges a horizontal ray from
    the point crosses; only edges whose height range holds ``y`` can cross it, and those all
    lie in ``y``'s band, so a few dozen edges are tested instead of about 2,000.
    """
    inside = False
    for x0, y0, x1, y1 in _bands(view, figure).get(math.floor(y / _BAND), ()):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def fits_outline(patch: Patch) -> bool:
    """Whether every sampled point of a patch lies on its view's drawn body, for each figure.

    A patch is built once, whichever body is drawn (the male or the female figure), so it
    must fit both outlines.
    """
    points = patch.polygon()
    return all(_on_body(patch.view, x, y, figure) for figure in geometry.FIGURES for x, y in points)


# -- extents -----------------------------------------------------------------------------


def _own_point(region: Region, view: View) -> Point | None:
    return region.front if view == "front" else region.back


def _limb_angle(region: Region, point: Point, view: View, side: str) -> float:
    """The direction of the limb at a point, as drawn: the arm is turned, the leg hangs."""
    above = Point(x=point.x, y=min(point.y + 1.0, 100.0))
    below = Point(x=point.x, y=max(point.y - 1.0, 0.0))
    kwargs: dict[str, Any] = {"view": view, "side": side, "body_area": region.body_area}
    (x0, y0), (x1, y1) = geometry.figure_xy(below, **kwargs), geometry.figure_xy(above, **kwargs)
    return math.atan2(y1 - y0, x1 - x0)


def _line_neighbours(atlas: Atlas, node: NodeKey) -> list[NodeKey]:
    """The node's neighbours on the first line through it (atlas order), at most two."""
    graph = graph_of(atlas)
    if node not in graph:
        return []
    order = {line.id: index for index, line in enumerate(atlas.lines)}
    by_line: dict[str, list[NodeKey]] = defaultdict(list)
    for _, other, edge in graph.edges(node, data=True):
        if other != node and other not in by_line[edge["line"]]:
            by_line[edge["line"]].append(other)
    if not by_line:
        return []
    first = min(by_line, key=order.__getitem__)
    return sorted(by_line[first])[:2]


def _raw_patch(atlas: Atlas, node: NodeKey, view: View, zone: bool) -> Patch | None:
    region = atlas.region(node[0])
    placed = geometry.point(region, node[1], view)
    # The side view has a point of its own for every right or midline node it shows.
    point = _own_point(region, view) if view != "side" else None
    if (region.kind == "station" and not zone) or placed is None or not placed[2]:
        return None
    centre = (placed[0], placed[1])
    sized = REGION_HALF_AXES.get(region.id)
    if sized is None and region.kind == "station":
        # A bony station felt as a zone (the thumb, the coccyx): the small spot around it.
        sized = (HALF_AXES[region.body_area][1], HALF_AXES[region.body_area][1])
    half_length, half_width = sized or HALF_AXES[region.body_area]
    angle = math.pi / 2  # upright; on the side view the limbs hang, so upright there too
    if point is not None and region.body_area in ("upper-limb", "lower-limb", "hand"):
        angle = _limb_angle(region, point, view, node[1])
    ends = []
    for other in _line_neighbours(atlas, node):
        there = geometry.point(atlas.region(other[0]), other[1], view)
        if there is not None:
            ends.append((there[0], there[1]))
    if ends and region.kind in ("track", "muscle"):
        a, b = (ends[0], ends[-1]) if len(ends) == 2 else (centre, ends[0])
        if math.dist(a, b) > 0.5:
            angle = math.atan2(b[1] - a[1], b[0] - a[0])
            reach = sum(math.dist(centre, end) for end in ends) / len(ends) / 2
            if sized is None:
                # Halfway to the neighbours, within reason: never a sliver, never a whole limb.
                half_length = min(max(reach, half_width), 2 * half_length)
    return Patch(view, centre, half_length, half_width, angle)


def _fitted(patch: Patch) -> Patch | None:
    """The largest scaled copy of a patch inside its outline, nudged inwards if need be.

    A region's point near the outline's edge (the ear, the heel, the jaw) would leave only a
    sliver if the ellipse only shrank about it, so each size also tries the centre moved up to
    :data:`_NUDGE` in eight directions (nearest first). ``None`` if no copy of a tenth of a
    unit's size fits: the point is off the drawn body, which the atlas tests forbid.
    """
    shifts = [(0.0, 0.0)] + [
        (d * math.cos(k * math.pi / 4), d * math.sin(k * math.pi / 4))
        for d in (_NUDGE / 3, 2 * _NUDGE / 3, _NUDGE)
        for k in range(8)
    ]
    factor = 1.0
    while factor * patch.half_width > 0.1:
        for shift in shifts:
            candidate = patch.scaled(factor, shift)
            if fits_outline(candidate):
                return candidate
        factor *= _SHRINK
    return None


def region_patch(atlas: Atlas, node: NodeKey, view: View, *, zone: bool = False) -> Patch | None:
    """The soft patch of a node on a view, or ``None`` for a bony station or another view.

    Parameters
    ----------
    atlas : Atlas
    node : NodeKey
        ``(region_id, side)``.
    view : {"front", "back", "side"}
        Only a view where the region has its own point gets a patch (the side view: a right
        or midline node, from its point in ``side_points.json``).
    zone : bool, default False
        For a referral zone: a bony station felt as one (the thumb) gets a small round patch
        too, instead of none.

    Returns
    -------
    Patch or None
        The approximate extent described in the module docstring, shrunk until it lies inside
        the view's outline. Cached per atlas: a patch costs a few hundred point tests once.
    """
    cache_ = atlas.__dict__.setdefault("_figure_patches", {})
    key = (node, view, zone)
    if key not in cache_:
        patch = _raw_patch(atlas, node, view, zone)
        cache_[key] = None if patch is None else _fitted(patch)
    result: Patch | None = cache_[key]
    return result


def patch_polygons(
    atlas: Atlas, nodes: list[NodeKey], *, zone: bool = False
) -> tuple[list[float | None], list[float | None]]:
    """The patches of nodes on every view as one ``fill="toself"`` trace's ``x`` and ``y``.

    Polygons are separated by ``None``, which plotly fills one by one; ``zone`` as in
    :func:`region_patch`.
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for node in nodes:
        for view in geometry.CHART_VIEWS:
            patch = region_patch(atlas, node, view, zone=zone)
            if patch is None:
                continue
            for x, y in patch.polygon():
                xs.append(x)
                ys.append(y)
            xs.append(None)
            ys.append(None)
    return xs, ys


#: Half the diagonal of a bony station's landmark diamond, in figure units.
_LANDMARK = 1.1


def tissue_trace(atlas: Atlas, nodes: list[NodeKey]) -> dict[str, Any]:
    """The tissue of the focused or selected regions lit up: a soft patch for soft tissue, a
    small diamond landmark for a bony station (on the views where each has its own point)."""
    soft = [node for node in nodes if atlas.region(node[0]).kind != "station"]
    xs, ys = patch_polygons(atlas, soft)
    for _, _, (x, y) in geometry.markers(atlas, [n for n in nodes if n not in soft]):
        h = _LANDMARK
        for px, py in ((x, y - h), (x + h, y), (x, y + h), (x - h, y), (x, y - h)):
            xs.append(round(px, 2))
            ys.append(round(py, 2))
        xs.append(None)
        ys.append(None)
    return {
        "x": xs,
        "y": ys,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": TISSUE_FILL,
        "line": {"color": TISSUE_EDGE, "width": 1.2},
        "hoverinfo": "skip",
    }


#: The lit tissue: the focused candidate's ring colour (theme.FOCUS_RING, #E69F00), soft, so
#: the ring and its tissue read as one and the lines over the tissue still show.
TISSUE_FILL = "rgba(230, 159, 0, 0.32)"
TISSUE_EDGE = "rgba(230, 159, 0, 0.95)"
