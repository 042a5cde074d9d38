"""The handout's body chart: a static SVG drawn from the same geometry as the app's diagram.

Every coordinate comes from :mod:`fascialines.web.figure.geometry` (the outlines, and where a
node lands on each view, the arm turned onto the drawn arm as the app turns it) and every curve
from :func:`fascialines.routes.catmull_rom`, so the printed chart and the screen agree. Colours
and the meaning of the dash styles are the app's (:mod:`fascialines.web.theme`). There is no
plotly here: a printed page wants a drawing that no script has to lay out (a live plotly chart
is cut or mis-sized in print, see ENGINEERING-NOTES.md).

All drawing lives in this module, so the handout changes view (a side view, the smooth routes
of ``data/chart/routes.json``) in one place: :func:`body_svg` draws :data:`VIEWS` through
:func:`fascialines.web.figure.geometry.point`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from fascialines.atlas import Atlas
from fascialines.graph import NodeKey
from fascialines.routes import catmull_rom
from fascialines.tracing import Candidate, LinePath, Trace
from fascialines.web import theme
from fascialines.web.figure import geometry

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

# Curve points per step: enough for a smooth bend at print size, few enough for a small file.
_SAMPLES = 8
_LEFT = -geometry.X_HALF_WIDTH
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


def _stroke(d: str, colour: str, width: float, grade: str, opacity: float) -> str:
    dash = DASHES.get(grade, "none")
    dash_attr = "" if dash == "none" else f' stroke-dasharray="{dash}"'
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"'
        f'{dash_attr} stroke-linecap="round" stroke-linejoin="round" opacity="{opacity}"/>'
    )


def _path_strokes(atlas: Atlas, path: LinePath, bright: bool, grades: set[str]) -> Iterable[str]:
    """One line path on every view: a smooth curve through its nodes, cut per step for its
    dash, drawn where at least one end of a step belongs to the view (as the app draws it)."""
    colour = atlas.line(path.line).colour
    width, opacity = (0.9, 1.0) if bright else (0.5, 0.35)
    regions = [atlas.region(ref.id) for ref in path.regions]
    for view in VIEWS:
        placed = [
            geometry.point(r, ref.side, view) for r, ref in zip(regions, path.regions, strict=True)
        ]
        runs: list[list[int]] = []
        for k in range(len(path.steps)):
            a, b = placed[k], placed[k + 1]
            if a is None or b is None or not (a[2] or b[2]):
                continue
            if runs and runs[-1][-1] == k - 1:
                runs[-1].append(k)
            else:
                runs.append([k])
        for run in runs:
            points = [(p[0], p[1]) for p in placed[run[0] : run[-1] + 2] if p is not None]
            curve = catmull_rom(points, samples=_SAMPLES)
            if len(curve) != (len(points) - 1) * _SAMPLES + 1:
                # Two nodes at one point: the curve has fewer pieces; draw it in one dash.
                grade = max((path.steps[k].evidence for k in run), key=_weakness)
                grades.add(grade)
                yield _stroke(_polyline(curve), colour, width, grade, opacity)
                continue
            for offset, k in enumerate(run):
                piece = curve[offset * _SAMPLES : (offset + 1) * _SAMPLES + 1]
                grade = path.steps[k].evidence
                grades.add(grade)
                yield _stroke(_polyline(piece), colour, width, grade, opacity)


def _weakness(grade: str) -> int:
    # DASHES lists the grades strongest first.
    return list(DASHES).index(grade) if grade in DASHES else len(DASHES)


def _trigger_strokes(atlas: Atlas, candidate: Candidate, bright: bool) -> Iterable[str]:
    for link in candidate.trigger_points:
        ends = [((link.muscle.id, link.muscle.side), (link.refers_to.id, link.refers_to.side))]
        for _, a, b in geometry.segments(atlas, ends):
            yield (
                f'<path d="{_polyline([a, b])}" fill="none" stroke="{theme.TRIGGER}" '
                f'stroke-width="{0.5 if bright else 0.35}" stroke-dasharray="0.5 0.9" '
                f'stroke-linecap="round" opacity="{0.9 if bright else 0.35}"/>'
            )


def _outlines() -> Iterable[str]:
    yield '<g transform="scale(1 -1)">'
    for view in VIEWS:
        outline = geometry.load_outline(view)
        yield (
            f'<path d="{outline.silhouette}" fill="#f4eee8" stroke="#8a939c" stroke-width="0.3"/>'
        )
        for detail in outline.details:
            yield f'<path d="{detail}" fill="#a7aeb5" stroke="#a7aeb5" stroke-width="0.1"/>'
    yield "</g>"


def _labels() -> Iterable[str]:
    for view, centre in zip(VIEWS, (0.0, geometry.VIEW_OFFSET), strict=True):
        x, y = _pt(centre, 101.0).split(",")
        yield (
            f'<text x="{x}" y="{y}" text-anchor="middle" font-size="3.6" font-weight="bold" '
            f'fill="{theme.INK}">{view.capitalize()}</text>'
        )
        # The client's sides as the viewer sees them: mirrored on the front view.
        viewer_left, viewer_right = ("R", "L") if view == "front" else ("L", "R")
        for sign, letter in ((-1, viewer_left), (1, viewer_right)):
            lx, ly = _pt(centre + sign * 20, 92.0).split(",")
            yield (
                f'<text x="{lx}" y="{ly}" text-anchor="middle" font-size="3.6" '
                f'font-weight="bold" fill="#5b6570">{letter}</text>'
            )


def _markers(
    atlas: Atlas, felt: Sequence[NodeKey], candidates: Sequence[Candidate], focus: int | None
) -> Iterable[str]:
    for *_, (x, y) in geometry.markers(atlas, felt):
        cx, cy = _pt(x, y).split(",")
        yield (
            f'<circle cx="{cx}" cy="{cy}" r="2.2" fill="{theme.FELT_FILL}" '
            f'stroke="{theme.FELT}" stroke-width="0.5"/>'
        )
    nodes = [(c.region.id, c.region.side) for c in candidates]
    for index, _, (x, y) in geometry.markers(atlas, nodes):
        rank = candidates[index].rank
        cx, cy = _pt(x, y).split(",")
        ring = (
            f' stroke="{theme.FOCUS_RING}" stroke-width="0.7"'
            if rank == focus
            else ' stroke="white" stroke-width="0.3"'
        )
        yield (
            f'<circle cx="{cx}" cy="{cy}" r="2.3" fill="{theme.CANDIDATE}"{ring}/>'
            f'<text x="{cx}" y="{float(cy) + 1.05:.2f}" text-anchor="middle" font-size="3" '
            f'font-weight="bold" fill="white">{rank}</text>'
        )


def body_svg(
    trace: Trace, candidates: Sequence[Candidate], focus: int | None = None, *, label: str = ""
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

    Returns
    -------
    Drawing
        ``svg`` is one ``<svg>`` element that scales to its box (``viewBox`` in figure units,
        no width or height), with no script, link or external reference.

    Notes
    -----
    Linear in the nodes of the paths drawn, times the two views.
    """
    atlas = trace.atlas
    if atlas is None:
        raise ValueError("drawing a trace needs its atlas: trace with fascialines.trace")
    grades: set[str] = set()
    dim: list[str] = []
    bright: list[str] = []
    for candidate in candidates:
        is_bright = focus is None or candidate.rank == focus
        target = bright if is_bright else dim
        for path in candidate.paths:
            target += _path_strokes(atlas, path, is_bright, grades)
        target += _trigger_strokes(atlas, candidate, is_bright)
    felt = [(ref.id, ref.side) for ref in trace.felt_at]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_LEFT} {-_TOP} {_WIDTH} {_HEIGHT}" '
        f'role="img" aria-label="{escape(label)}" class="body-chart" '
        'font-family="system-ui, Arial, sans-serif">',
        f"<title>{escape(label)}</title>",
        *_outlines(),
        *_labels(),
        *dim,
        *bright,
        *_markers(atlas, felt, candidates, focus),
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
