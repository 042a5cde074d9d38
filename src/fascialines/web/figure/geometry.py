"""The body outlines and where an atlas point, a node or a step lands on them.

The outlines are SVG paths (``assets/body/front.svg`` and ``back.svg``, derived from the
public-domain gganatogram silhouettes by way of anatomapa; see ``assets/ATTRIBUTION.md``) in a
540 x 960 view box. This module maps them into the figure's data coordinates, which are the
atlas's own: percent of standing height, ``y`` 0 at the soles and 100 at the vertex, ``x`` the
signed distance from the midline as the viewer sees it (negative = the viewer's left).

Three views sit side by side in one figure: the front view, the back view shifted right by
:data:`VIEW_OFFSET` and the side view (``assets/body/side.svg``, drawn for this project) shifted
by :data:`SIDE_OFFSET`. In the front view the client faces the viewer, so the client's right
side is on the viewer's left; in the back view the client's left is on the viewer's left; the
side view shows the client's right side, facing the viewer's right, its ``x`` measured forward
from the mid-coronal line (``data/chart/side_points.json`` gives each region's point there).

A female figure can be drawn instead (``figure="female"``: ``front-female.svg`` and
``back-female.svg``, anatomapa's female silhouette warped onto the drawn figure's proportions and
pose by ``data/chart/derive_female_outline.py``), so every point, route and mark placed for the
drawing lies on either body; the side view has one outline for both.

The drawn figure holds its arms slightly away from the body (about 30 degrees), while the atlas
places the upper limb as in anatomical position with the arms hanging at the sides. Points of
the upper limb and hand are therefore turned about the shoulder onto the drawn arm
(:func:`arm_to_drawing`); every other point is used as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from fascialines.atlas import Atlas, Point, Region
from fascialines.graph import NodeKey
from fascialines.outlines import (
    FIGURES,
    BodyFigure,
    View,
    assets_dir,
    inside_polygon,
    outline_file,
    outline_paths,
    outline_polygon,
    transform_path,
)
from fascialines.routes import load_side_points

__all__ = [
    "ARM_AREAS",
    "BASE_X_RANGE",
    "CHART_VIEWS",
    "FIGURES",
    "LANDMARKS",
    "SIDE_OFFSET",
    "VIEWS",
    "VIEW_CENTRES",
    "VIEW_OFFSET",
    "X_HALF_WIDTH",
    "X_RANGE",
    "Y_RANGE",
    "BodyFigure",
    "Outline",
    "View",
    "arm_to_drawing",
    "assets_dir",
    "figure_xy",
    "load_outline",
    "markers",
    "on_body",
    "outline_file",
    "point",
    "segments",
    "side_point",
    "silhouette_polygon",
    "transform_path",
    "view_centre",
    "view_of",
]

Side = Literal["left", "right", "midline"]

#: Where the back view's midline sits in figure ``x``; the front view's midline is at 0.
VIEW_OFFSET = 62.0
#: Where the side view's mid-coronal line sits in figure ``x``: the profile reaches from about
#: 7.7 behind it (the buttocks) to 11.8 in front (the toes), clear of the back view's hand.
SIDE_OFFSET = 100.0
#: Half the width of one view in figure units: the hands reach about 27 from the midline.
X_HALF_WIDTH = 30.0
#: Figure ``x`` range of the three views, with a margin for the R and L labels: the chart's
#: home view in the browser (``assets/chart.js`` widens the figure to it on a wide screen).
X_RANGE = (-29.0, SIDE_OFFSET + 18.0)
#: The ``x`` range the figure is sent with: the front and back views, the proportions the
#: overlay's labels are placed for (``labels.smallest_scale``); a phone opens on one view.
BASE_X_RANGE = (-X_HALF_WIDTH, VIEW_OFFSET + X_HALF_WIDTH)
#: Each view's centre line in figure ``x``.
VIEW_CENTRES: dict[View, float] = {"front": 0.0, "back": VIEW_OFFSET, "side": SIDE_OFFSET}
#: Figure ``y`` range: a margin under the soles and above the vertex for the view titles.
Y_RANGE = (-3.0, 104.0)

#: Body areas drawn on the arm: their points are turned onto the drawn (abducted) arm.
ARM_AREAS = frozenset({"upper-limb", "hand"})

# The arm's joints in anatomical position (atlas, arms hanging, client's left arm at +x) and
# where the drawing has them (measured on the outline): shoulder, elbow, wrist, fingertips.
# Each segment between two joints is turned and scaled onto the drawn segment.
_ATLAS_ARM = ((12.5, 80.0), (16.0, 62.0), (17.0, 46.0), (19.0, 38.0))
_DRAWN_ARM = ((11.0, 79.5), (14.2, 65.8), (20.2, 53.5), (25.3, 45.5))

#: Landmarks measured on the drawn outline, in atlas coordinates (x >= 0 towards the region's
#: own side), for whoever places regions: where the drawing has them. The arm is given as the
#: atlas places it (hanging); :func:`arm_to_drawing` turns it onto the drawn arm.
LANDMARKS: dict[str, tuple[float, float]] = {
    "vertex": (0.0, 100.0),
    "head, widest (half width at the temples)": (4.8, 91.0),
    "neck, narrowest": (3.1, 88.0),
    "chin": (0.0, 87.0),
    "acromion": (12.0, 81.0),
    "armpit": (8.0, 69.5),
    "navel": (0.0, 62.3),
    "waist (half width)": (8.1, 62.0),
    "hip (half width at the greater trochanter)": (9.3, 50.0),
    "crotch": (0.0, 48.9),
    "knee (centre of the leg)": (5.6, 28.0),
    "ankle (centre of the leg)": (4.3, 7.0),
    "sole": (4.5, 0.0),
}


@dataclass(frozen=True)
class Outline:
    """One view's drawing in figure coordinates: the silhouette and its detail strokes."""

    view: View
    silhouette: str
    details: tuple[str, ...]


@cache
def load_outline(view: View, figure: BodyFigure = "male") -> Outline:
    """Read a view's outline (:func:`outline_file`) and map it into the figure.

    Each view is shifted right by its :data:`VIEW_CENTRES` entry. The result is cached per view
    and figure: the outlines never change while the process runs.
    """
    silhouette, details = outline_paths(view, figure)
    dx = VIEW_CENTRES[view]
    return Outline(
        view=view,
        silhouette=transform_path(silhouette, dx=dx),
        details=tuple(transform_path(d, dx=dx) for d in details),
    )


@cache
def silhouette_polygon(view: View, figure: BodyFigure = "male") -> tuple[tuple[float, float], ...]:
    """The silhouette of a view as a polygon in figure coordinates (curves sampled): the
    outline's own polygon (:func:`fascialines.outlines.outline_polygon`) shifted to its view."""
    dx = VIEW_CENTRES[view]
    return tuple((x + dx, y) for x, y in outline_polygon(view, figure))


def on_body(view: View, x: float, y: float, figure: BodyFigure = "male") -> bool:
    """Whether a figure point lies on the drawn body of a view (inside its silhouette).

    Notes
    -----
    Even-odd ray casting over the sampled silhouette: O(n) for n polygon points (about 2,000).
    """
    return inside_polygon(silhouette_polygon(view, figure), x, y)


def _similarity(
    source: tuple[tuple[float, float], tuple[float, float]],
    target: tuple[tuple[float, float], tuple[float, float]],
) -> tuple[complex, complex]:
    # A rotation + uniform scale + shift is one complex multiply-add: z -> a * z + b.
    s0, s1 = (complex(*p) for p in source)
    t0, t1 = (complex(*p) for p in target)
    a = (t1 - t0) / (s1 - s0)
    return a, t0 - a * s0


# (lowest atlas y of the segment, its map), from the shoulder down.
_ARM_SEGMENTS = tuple(
    (
        _ATLAS_ARM[i + 1][1],
        _similarity((_ATLAS_ARM[i], _ATLAS_ARM[i + 1]), (_DRAWN_ARM[i], _DRAWN_ARM[i + 1])),
    )
    for i in range(len(_ATLAS_ARM) - 1)
)


def arm_to_drawing(x: float, y: float) -> tuple[float, float]:
    """Turn a point of the hanging arm (atlas, ``x >= 0``) onto the drawn, abducted arm.

    The arm is split at the elbow and wrist; each part is turned and scaled about its upper
    joint onto the drawing, so the joints themselves land exactly on the drawn joints.
    """
    a, b = next(
        (segment for lowest_y, segment in _ARM_SEGMENTS if y >= lowest_y), _ARM_SEGMENTS[-1][1]
    )
    z = a * complex(x, y) + b
    return z.real, z.imag


def figure_xy(point: Point, *, view: View, side: Side, body_area: str) -> tuple[float, float]:
    """Where an atlas point of one node lands in the figure.

    Parameters
    ----------
    point : Point
        The region's point on this view (``x`` >= 0 towards the region's own side).
    view : {"front", "back"}
        The side view places regions by :func:`side_point` instead.
    side : {"left", "right", "midline"}
        The node's side; a midline node stays on the midline.
    body_area : str
        The region's body area; ``upper-limb`` and ``hand`` are turned onto the drawn arm.

    Returns
    -------
    tuple of float
        Figure ``(x, y)``. Front view: the client's left at ``+x`` (the viewer's right), the
        client's right at ``-x``; back view: the client's left at ``-x``, shifted by
        :data:`VIEW_OFFSET`.
    """
    x, y = point.x, point.y
    if body_area in ARM_AREAS:
        x, y = arm_to_drawing(x, y)
    if side == "midline":
        x = 0.0
    towards_viewer_right = (side == "left") == (view == "front")
    signed = x if towards_viewer_right else -x
    return signed + (VIEW_OFFSET if view == "back" else 0.0), y


#: The views of the atlas's own points, where the overlay's marks go (felt here, candidates).
VIEWS: tuple[View, ...] = ("front", "back")
#: Every view the chart draws: the lines and the clickable region markers are on all three.
CHART_VIEWS: tuple[View, ...] = ("front", "back", "side")


@cache
def _side_points() -> dict[str, tuple[float, float]]:
    return load_side_points()


def side_point(region_id: str) -> tuple[float, float] | None:
    """A region's point on the side view in figure coordinates (:data:`SIDE_OFFSET` added)."""
    found = _side_points().get(region_id)
    return None if found is None else (round(found[0] + SIDE_OFFSET, 2), found[1])


def point(region: Region, side: str, view: View) -> tuple[float, float, bool] | None:
    """Where a node is drawn on a view, and whether the region really has a point there.

    A region with a point on one of the front and back views only lends it to the other for
    drawing lines (the coordinates are shared), so a line passing a deep structure stays
    unbroken; its marker appears on its own view only. The side view shows the client's right
    side: a right or midline node has its ``side_points.json`` point there, a left node none
    (it is hidden behind the body).
    """
    if view == "side":
        placed = side_point(region.id) if side != "left" else None
        return None if placed is None else (placed[0], placed[1], True)
    own = region.front if view == "front" else region.back
    other = region.back if view == "front" else region.front
    where = own or other
    if where is None:
        return None
    x, y = figure_xy(where, view=view, side=cast(Side, side), body_area=region.body_area)
    # A hundredth of a percent of height is far below a pixel; shorter numbers, lighter JSON.
    return round(x, 2), round(y, 2), own is not None


def segments(
    atlas: Atlas, pairs: Iterable[tuple[NodeKey, NodeKey]]
) -> Iterator[tuple[View, tuple[float, float], tuple[float, float]]]:
    """Drawable segments of node pairs on both views: ``(view, (x0, y0), (x1, y1))``."""
    for start, end in pairs:
        a_region, b_region = atlas.region(start[0]), atlas.region(end[0])
        for view in VIEWS:
            a = point(a_region, start[1], view)
            b = point(b_region, end[1], view)
            # Drawn where at least one end belongs to this view: the line passes there.
            if a is None or b is None or not (a[2] or b[2]):
                continue
            yield view, (a[0], a[1]), (b[0], b[1])


def markers(
    atlas: Atlas, nodes: Sequence[NodeKey]
) -> Iterable[tuple[int, NodeKey, tuple[float, float]]]:
    """Each node's marker positions (own views only, the side view included), with the node's
    index in ``nodes``."""
    for index, node in enumerate(nodes):
        region = atlas.region(node[0])
        for view in CHART_VIEWS:
            placed = point(region, node[1], view)
            if placed is not None and placed[2]:
                yield index, node, (placed[0], placed[1])


#: Where the side view begins in figure ``x``: between the back view's hand (its outline reaches
#: about 88.8) and the side view's buttocks (about 92.3). The side view sits closer to the back
#: view than the back sits to the front, so the nearest centre line would give the back view's
#: right hand to the side view.
SIDE_FROM = SIDE_OFFSET - 9.5


def view_of(x: float) -> View:
    """The view a figure ``x`` lies on."""
    if x >= SIDE_FROM:
        return "side"
    return "back" if x >= VIEW_OFFSET / 2 else "front"


def view_centre(x: float) -> float:
    """The midline (the side view: the mid-coronal line) of the view a figure ``x`` lies on."""
    return VIEW_CENTRES[view_of(x)]
