"""The body outlines the chart is drawn on: read from their SVG files, in atlas units.

Each view has an outline in ``assets/body/``: ``front.svg`` and ``back.svg`` (and a female
figure's ``front-female.svg`` and ``back-female.svg``), and ``side.svg``, drawn for this project,
for both figures. An outline is a 540 x 960 view box holding one path with ``id="silhouette"``
(the body's edge) and any number with ``class="detail"`` (thin closed shapes: the navel, the
knee caps), in absolute ``M``, ``L``, ``C`` and ``Z`` commands only.

Atlas units are percent of standing height, ``y`` 0 at the soles and 100 at the vertex, ``x``
from the midline (the mid-coronal line on the side view): see :mod:`fascialines.atlas.models`.
On the front and back views ``x`` is as the viewer sees it (positive = the viewer's right); on
the side view, positive in front of the body.

Pure and cached: the files never change while the process runs. The chart's routes, the
figure's geometry and the handout's drawing all read the outlines from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

__all__ = [
    "FIGURES",
    "VIEWS",
    "BodyFigure",
    "Polygon",
    "View",
    "assets_dir",
    "flatten_path",
    "inside",
    "inside_polygon",
    "outline_details",
    "outline_file",
    "outline_paths",
    "outline_polygon",
    "svg_to_units",
    "transform_path",
]

View = Literal["front", "back", "side"]
VIEWS: tuple[View, ...] = ("front", "back", "side")
BodyFigure = Literal["male", "female"]
#: The body figures the chart can draw (the ``figure`` field of the app's address).
FIGURES: tuple[BodyFigure, ...] = ("male", "female")

Polygon = tuple[tuple[float, float], ...]

# The silhouette in its SVG view box, measured on the front outline's curve itself (not its
# control points): the vertex (top of the head), the soles (lowest point of the feet) and the
# midline (centre of the symmetric figure). The side outline is drawn to the same heights, its
# mid-coronal line at the same x.
_SVG_VERTEX_Y = 7.4
_SVG_SOLE_Y = 957.0
_SVG_MIDLINE_X = 269.9
_SVG_SCALE = 100.0 / (_SVG_SOLE_Y - _SVG_VERTEX_Y)

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_SILHOUETTE = re.compile(r'<path\b[^>]*?\bid="silhouette"[^>]*?\bd="([^"]+)"')
_DETAIL = re.compile(r'<path\b[^>]*?\bclass="detail"[^>]*?\bd="([^"]+)"')


def assets_dir() -> Path:
    """The Dash assets folder: inside the installed package, else the checkout's ``assets/``."""
    here = Path(__file__).resolve()
    packaged = here.parent / "assets"  # fascialines/assets in a wheel
    if packaged.is_dir():
        return packaged
    return here.parents[2] / "assets"


def svg_to_units(x: float, y: float) -> tuple[float, float]:
    """Map a point of the 540 x 960 outline view box to atlas units.

    Examples
    --------
    >>> svg_to_units(269.9, 957.0)  # the midline, at the soles
    (0.0, 0.0)
    """
    return (x - _SVG_MIDLINE_X) * _SVG_SCALE, (_SVG_SOLE_Y - y) * _SVG_SCALE


def flatten_path(d: str, samples: int = 8) -> list[tuple[float, float]]:
    """The points of an SVG path of absolute ``M``/``L``/``C`` commands, each cubic sampled
    ``samples`` times (in the path's own coordinates).

    Examples
    --------
    >>> flatten_path("M 0 0 L 10 0 Z")
    [(0.0, 0.0), (10.0, 0.0)]
    """
    points: list[tuple[float, float]] = []
    for command, body in re.findall(r"([MLCZ])([^MLCZ]*)", d):
        numbers = [float(n) for n in _NUMBER.findall(body)]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))
        if command in "ML":
            points += pairs
        elif command == "C":
            for i in range(0, len(pairs) - 2, 3):
                p0, (c1, c2, p3) = points[-1], pairs[i : i + 3]
                for k in range(1, samples + 1):
                    t = k / samples
                    u = 1 - t
                    points.append(
                        (
                            u**3 * p0[0]
                            + 3 * u * u * t * c1[0]
                            + 3 * u * t * t * c2[0]
                            + t**3 * p3[0],
                            u**3 * p0[1]
                            + 3 * u * u * t * c1[1]
                            + 3 * u * t * t * c2[1]
                            + t**3 * p3[1],
                        )
                    )
    return points


def outline_file(view: View, figure: BodyFigure = "male") -> Path:
    """The SVG file of a view's outline for a body figure.

    The male figure is ``assets/body/{view}.svg``, the female ``{view}-female.svg``; the side
    view has one outline (``side.svg``) for both figures.

    Raises
    ------
    ValueError
        If ``figure`` is not one of :data:`FIGURES`.
    """
    if figure not in FIGURES:
        raise ValueError(f"unknown body figure {figure!r}: use one of {', '.join(FIGURES)}")
    name = view if figure == "male" or view == "side" else f"{view}-{figure}"
    return assets_dir() / "body" / f"{name}.svg"


_COMMAND = re.compile(r"[A-Za-z]")


def transform_path(d: str, *, dx: float = 0.0) -> str:
    """Rewrite an absolute SVG path (``M``, ``L``, ``C``, ``Z``) into atlas units.

    Every number pair is a point in these commands, so an affine map of the pairs maps the
    curves exactly. ``dx`` shifts the result sideways (the chart puts the views side by side).

    Raises
    ------
    ValueError
        If the path uses a command whose numbers are not all point pairs (``H``, ``A``, any
        relative command), which this mapping would silently distort.
    """
    commands = set(_COMMAND.findall(d))
    if not commands <= {"M", "L", "C", "Z"}:
        raise ValueError(f"unsupported path commands {sorted(commands - {'M', 'L', 'C', 'Z'})}")
    out: list[str] = []
    for token in re.findall(r"[MLCZ]|[^MLCZ]+", d):
        if token in "MLCZ":
            out.append(token)
            continue
        numbers = [float(n) for n in _NUMBER.findall(token)]
        pairs = []
        for x, y in zip(numbers[0::2], numbers[1::2], strict=True):
            fx, fy = svg_to_units(x, y)
            pairs.append(f"{fx + dx:.2f},{fy:.2f}")
        out.append(" ".join(pairs))
    return " ".join(out)


@cache
def outline_paths(view: View, figure: BodyFigure = "male") -> tuple[str, tuple[str, ...]]:
    """A view's silhouette path and its detail paths, as the SVG file writes them.

    Raises
    ------
    ValueError
        If the file has no path with ``id="silhouette"``.
    """
    text = outline_file(view, figure).read_text(encoding="utf-8")
    match = _SILHOUETTE.search(text)
    if match is None:
        raise ValueError(f"{outline_file(view, figure).name} has no path with id 'silhouette'")
    return match.group(1), tuple(_DETAIL.findall(text))


def _to_units(points: Iterable[tuple[float, float]]) -> Polygon:
    return tuple(svg_to_units(x, y) for x, y in points)


@cache
def outline_polygon(view: View, figure: BodyFigure = "male") -> Polygon:
    """A view's silhouette as a polygon in atlas units (curves sampled)."""
    return _to_units(flatten_path(outline_paths(view, figure)[0]))


@cache
def outline_details(view: View, figure: BodyFigure = "male") -> tuple[Polygon, ...]:
    """A view's detail strokes as polygons, like :func:`outline_polygon`."""
    return tuple(_to_units(flatten_path(d)) for d in outline_paths(view, figure)[1])


def inside_polygon(polygon: Sequence[tuple[float, float]], x: float, y: float) -> bool:
    """Whether ``(x, y)`` lies inside ``polygon`` (closed: the last point joins the first).

    Notes
    -----
    Even-odd ray casting, O(n) for n points.

    Examples
    --------
    >>> square = ((0, 0), (2, 0), (2, 2), (0, 2))
    >>> inside_polygon(square, 1, 1), inside_polygon(square, 3, 1)
    (True, False)
    """
    hit = False
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def inside(view: View, x: float, y: float, figure: BodyFigure = "male") -> bool:
    """Whether ``(x, y)``, in atlas units, lies inside a view's silhouette."""
    return inside_polygon(outline_polygon(view, figure), x, y)
