"""The handout's body chart: a static SVG drawn from the same geometry as the app's diagram.

Every coordinate comes from :mod:`fascialines.web.figure.geometry` (the outlines, and where a
node lands on each view, the arm turned onto the drawn arm as the app turns it) and every path
follows the line's chart route step by step (:func:`fascialines.web.figure.tracks.edge_curves`,
which the app's overlay draws from too), so the printed chart and the screen agree. Colours
and the meaning of the dash styles are the app's (:mod:`fascialines.web.theme`). There is no
plotly here: a printed page wants a drawing that no script has to lay out (a live plotly chart
is cut or mis-sized in print, see ENGINEERING-NOTES.md).

All drawing lives in this module: :func:`body_svg` draws :data:`VIEWS` (the front and the
back; the app's side view is not printed, to keep the page to one sheet).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from fascialines.atlas import Atlas
from fascialines.graph import NodeKey
from fascialines.tracing import Candidate, LinePath, Trace
from fascialines.web import theme
from fascialines.web.figure import geometry, tracks

__all__ = ["DASHES", "VIEWS", "Drawing", "body_svg", "key_swatch"]

#: The views drawn, left to right, at the app's offsets.
VIEWS: tuple[geometry.View, ...] = geometry.VIEWS

#: SVG dash arrays (figure units) for each grade: the app's dash styles
#: (:data:`fascialines.web.theme.EVIDENCE_DASH`), the firmer the evidence the more continuous.
DASHES: dict[str, str] = {
    "strong": "none",
    "moderate": "2.4 1.6",
    "limited": "0.6 1.0",
    "not-studied": "3.2 1.2 0.7 1.2",
    "not-found": "0.5 2.2",
}

_WIDTH = geometry.VIEW_OFFSET + 2 * geometry.X_HALF_WIDTH
_TOP = geometry.Y_RANGE[1]
_HEIGHT = geometry.Y_RANGE[1] - geometry.Y_RANGE[0]


@dataclass(frozen=True)
class Drawing:
    """The chart as an ``<svg>`` element, and what its key must explain."""

    svg: str
    #: Line ids drawn, in atlas order.
    lines: tuple[str, ...]
    #: Evidence grades of the drawn steps, strongest first.
    grades: tuple[str, ...]
    #: Whether a trigger-point link is drawn.
    trigger_points: bool


def _pt(x: float, y: float) -> str:
    # SVG's y grows downwards; the figure's grows upwards from the soles.
    return f"{x:.2f},{-y:.2f}"


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    return "M" + " L".join(_pt(x, y) for x, y in points)


def _dash(grade: str, scale: float) -> str:
    dash = DASHES.get(grade, "none")
    if dash == "none":
        return ""
    return ' stroke-dasharray="' + " ".join(f"{float(n) * scale:.2f}" for n in dash.split()) + '"'


def _stroke(d: str, colour: str, width: float, grade: str, opacity: float) -> str:
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width:.2f}"'
        f'{_dash(grade, width / 0.9)} stroke-linecap="round" stroke-linejoin="round" '
        f'opacity="{opacity}"/>'
    )


@dataclass
class _Sketch:
    """What one view draws, in figure units, before it is written at a scale."""

    dim: list[tuple[str, list[tuple[float, float]], str, str]]
    bright: list[tuple[str, list[tuple[float, float]], str, str]]
    dots: list[tuple[float, float, str]]  # x, y, "felt" or a rank

    def points(self) -> list[tuple[float, float]]:
        strokes = [pt for _, points, _, _ in (*self.dim, *self.bright) for pt in points]
        return strokes + [(x, y) for x, y, _ in self.dots]


def _path_pieces(
    atlas: Atlas, path: LinePath, view: geometry.View
) -> Iterable[tuple[list[tuple[float, float]], str]]:
    """One line path on one view, step by step along the line's chart route, as the app
    draws it (:func:`fascialines.web.figure.tracks.edge_curves`), each step in its dash."""
    for step in path.steps:
        start, end = (step.start.id, step.start.side), (step.end.id, step.end.side)
        edge = tracks.step_edge(atlas, path.line, start, end)
        if edge is None:
            continue
        for curve in tracks.edge_curves(atlas, edge, VIEWS):
            if curve.view == view:
                points = curve.points if edge.start == start else curve.points[::-1]
                yield list(points), step.evidence


def _sketch(
    atlas: Atlas,
    view: geometry.View,
    felt: Sequence[NodeKey],
    candidates: Sequence[Candidate],
    focus: int | None,
    grades: set[str],
) -> _Sketch:
    sketch = _Sketch([], [], [])
    for candidate in candidates:
        target = sketch.bright if focus is None or candidate.rank == focus else sketch.dim
        for path in candidate.paths:
            colour = atlas.line(path.line).colour
            for points, grade in _path_pieces(atlas, path, view):
                grades.add(grade)
                target.append(("line", points, colour, grade))
        for link in candidate.trigger_points:
            ends = [((link.muscle.id, link.muscle.side), (link.refers_to.id, link.refers_to.side))]
            for drawn_on, a, b in geometry.segments(atlas, ends):
                if drawn_on == view:
                    target.append(("trigger", [a, b], theme.TRIGGER, "limited"))
    for *_, (x, y) in geometry.markers(atlas, felt):
        if geometry.view_centre(x) == _centre(view):
            sketch.dots.append((x, y, "felt"))
    nodes = [(c.region.id, c.region.side) for c in candidates]
    for index, _, (x, y) in geometry.markers(atlas, nodes):
        if geometry.view_centre(x) == _centre(view):
            sketch.dots.append((x, y, str(candidates[index].rank)))
    return sketch


def _centre(view: geometry.View) -> float:
    return geometry.VIEW_OFFSET if view == "back" else 0.0


#: The smallest part of a view's height a chart zooms to: enough of the body to see where.
_MIN_CROP = 42.0
_MARGIN = 7.0
_HALF = _WIDTH / len(VIEWS)


def _crop(view: geometry.View, points: Sequence[tuple[float, float]]) -> tuple[float, ...]:
    """The part of a view to show: what is drawn, with a margin, at the view's aspect ratio;
    the whole view when the drawing spreads over most of it. ``(x, y_top, width, height)``."""
    centre = _centre(view)
    full = (centre - _HALF / 2, _TOP, _HALF, _HEIGHT)
    if not points:
        return full
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    height = max(
        max(ys) - min(ys) + 2 * _MARGIN,
        (max(xs) - min(xs) + 2 * _MARGIN) * _HEIGHT / _HALF,
        _MIN_CROP,
    )
    if height >= 0.8 * _HEIGHT:
        return full
    width = height * _HALF / _HEIGHT
    mid_x = min(max((max(xs) + min(xs)) / 2, full[0] + width / 2), full[0] + _HALF - width / 2)
    mid_y = min(max((max(ys) + min(ys)) / 2, _TOP - _HEIGHT + height / 2), _TOP - height / 2)
    return (mid_x - width / 2, mid_y + height / 2, width, height)


def _view_svg(
    view: geometry.View,
    sketch: _Sketch,
    focus: int | None,
    index: int,
    figure: geometry.BodyFigure = "male",
) -> str:
    x, top, width, height = _crop(view, sketch.points())
    scale = height / _HEIGHT  # sizes below are for the whole view; a zoomed view keeps them
    outline = geometry.load_outline(view, figure)
    parts = [
        f'<svg x="{index * _HALF:.2f}" y="0" width="{_HALF:.2f}" height="{_HEIGHT:.2f}" '
        f'viewBox="{x:.2f} {-top:.2f} {width:.2f} {height:.2f}">',
        '<g transform="scale(1 -1)">',
        f'<path d="{outline.silhouette}" fill="#f4eee8" stroke="#8a939c" '
        f'stroke-width="{0.3 * scale:.2f}"/>',
        *(
            f'<path d="{detail}" fill="#a7aeb5" stroke="#a7aeb5" stroke-width="{0.1 * scale:.2f}"/>'
            for detail in outline.details
        ),
        "</g>",
    ]
    for layer, (width_px, opacity) in ((sketch.dim, (0.5, 0.35)), (sketch.bright, (0.9, 1.0))):
        for kind, points, colour, grade in layer:
            line_width = (width_px * 0.6 if kind == "trigger" else width_px) * scale
            parts.append(_stroke(_polyline(points), colour, line_width, grade, opacity))
    for cx, cy, what in sketch.dots:
        px, py = _pt(cx, cy).split(",")
        if what == "felt":
            parts.append(
                f'<circle cx="{px}" cy="{py}" r="{2.2 * scale:.2f}" fill="{theme.FELT_FILL}" '
                f'stroke="{theme.FELT}" stroke-width="{0.5 * scale:.2f}"/>'
            )
    for cx, cy, what in sketch.dots:
        if what == "felt":
            continue
        px, py = _pt(cx, cy).split(",")
        ring = theme.FOCUS_RING if what == str(focus) else "white"
        ring_width = (0.7 if what == str(focus) else 0.3) * scale
        parts.append(
            f'<circle cx="{px}" cy="{py}" r="{2.3 * scale:.2f}" fill="{theme.CANDIDATE}" '
            f'stroke="{ring}" stroke-width="{ring_width:.2f}"/>'
            f'<text x="{px}" y="{float(py) + 1.05 * scale:.2f}" text-anchor="middle" '
            f'font-size="{3 * scale:.2f}" font-weight="bold" fill="white">{what}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _labels() -> Iterable[str]:
    for index, view in enumerate(VIEWS):
        centre = (index + 0.5) * _HALF
        yield (
            f'<text x="{centre:.2f}" y="-1.5" text-anchor="middle" font-size="3.6" '
            f'font-weight="bold" fill="{theme.INK}">{view.capitalize()}</text>'
        )
        # The client's sides as the viewer sees them: mirrored on the front view.
        viewer_left, viewer_right = ("R", "L") if view == "front" else ("L", "R")
        for sign, letter in ((-1, viewer_left), (1, viewer_right)):
            yield (
                f'<text x="{centre + sign * 24:.2f}" y="-1.5" text-anchor="middle" '
                f'font-size="3.6" font-weight="bold" fill="#5b6570">{letter}</text>'
            )


def body_svg(
    trace: Trace,
    candidates: Sequence[Candidate],
    focus: int | None = None,
    *,
    label: str = "",
    figure: geometry.BodyFigure = "male",
) -> Drawing:
    """Draw where a complaint is felt and the paths of some candidates, front and back.

    Parameters
    ----------
    trace : Trace
        The trace (``trace.atlas`` set); where it is felt is marked in red.
    candidates : sequence of Candidate
        The candidates drawn, each numbered by its rank with its line paths and trigger-point
        links.
    focus : int, optional
        A rank drawn bright while the others recede, as the app's "Show on the body" does.
    label : str
        The drawing's accessible name (its ``<title>``).
    figure : {"male", "female"}
        The body drawn, as the app's figure choice.

    Returns
    -------
    Drawing
        ``svg`` is one ``<svg>`` element that scales to its box (``viewBox``, no width or
        height), with no script, link or external reference. Each view is zoomed on what it
        draws (a headache's paths fill the head and neck, not a speck of the whole body),
        never to less than 42 percent of standing height, so where on the body
        stays clear.

    Notes
    -----
    Linear in the nodes of the paths drawn, times the two views.
    """
    atlas = trace.atlas
    if atlas is None:
        raise ValueError("drawing a trace needs its atlas: trace with fascialines.trace")
    grades: set[str] = set()
    felt = [(ref.id, ref.side) for ref in trace.felt_at]
    views = [
        _view_svg(view, _sketch(atlas, view, felt, candidates, focus, grades), focus, index, figure)
        for index, view in enumerate(VIEWS)
    ]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -6 {_WIDTH:.2f} {_HEIGHT + 6:.2f}" '
        f'role="img" aria-label="{escape(label)}" class="body-chart" '
        'font-family="system-ui, Arial, sans-serif">',
        f"<title>{escape(label)}</title>",
        *views,
        *_labels(),
        "</svg>",
    ]
    drawn = {path.line for c in candidates for path in c.paths}
    return Drawing(
        svg="".join(parts),
        lines=tuple(line.id for line in atlas.lines if line.id in drawn),
        grades=tuple(g for g in DASHES if g in grades),
        trigger_points=any(c.trigger_points for c in candidates),
    )


def key_swatch(colour: str, grade: str = "strong") -> str:
    """A short stroke in a line's colour and a grade's dash, for the chart's key."""
    dash = DASHES.get(grade, "none")
    dash_attr = "" if dash == "none" else f' stroke-dasharray="{dash}"'
    return (
        '<svg class="swatch" viewBox="0 0 12 2" aria-hidden="true">'
        f'<path d="M1,1 L11,1" stroke="{colour}" stroke-width="0.9"{dash_attr} '
        'stroke-linecap="round"/></svg>'
    )
