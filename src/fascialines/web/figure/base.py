"""The body diagram: a base figure built once per atlas, and patches for what a user chose.

The base figure holds the front, back and side views side by side (see :mod:`.geometry` for
the coordinates), every line drawn as the smooth route an anatomy chart gives it
(:mod:`.tracks`) and a marker per node that can be hovered and clicked; its key is HTML beside
it. Its traces come in a fixed order, and the overlay traces come last, empty at first, so an
interaction sends a :class:`dash.Patch` that fills them by index instead of a new figure.

Trace order
-----------
1. One trace per (line, evidence grade, deep) group present in the atlas (:func:`line_groups`):
   deep groups first, so surface lines are drawn over them; every view and both copies, curves
   separated by ``None``; no hover.
2. One undrawn trace per line of points at the middle of its steps (``mode="none"``, as the
   regions' targets, :mod:`.region_marks`), each with a hover text naming the step, its grade
   and its sources; then one trace of the lines' symbols, one per line and view, drawn on a
   step: colour is never the only cue.
3. The regions (:mod:`.region_marks`): their dots, drawn as one path, at
   :func:`overlay_start` - 2, and their undrawn hover and click targets
   (``customdata = [region_id, side]``) at :func:`overlay_start` - 1.
4. The overlay, :data:`OVERLAY_SIZE` traces from :func:`overlay_start`: :data:`PATH_SLOTS`
   path slots, then :data:`OVERLAY_NAMES` in order (the lit tissue, trigger-point zones,
   trigger-point links, step arrows, leader lines, felt-at rings, candidate markers, the
   selected-region ring, trigger-point crosses).

Every hoverable point that sits on a node carries that node's ``customdata``, so a click on a
node always reaches :func:`clicked_region`. The page shows the line traces (1 and 2) only when
"Show every line" is on (the calm start shows the body alone); while an overlay is shown they
recede.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache
from itertools import pairwise
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.graph import LineEdge, NodeKey, build_graph
from fascialines.routes import load_routes
from fascialines.web.figure import tracks
from fascialines.web.figure.body import BODY_FILL, figure_layout
from fascialines.web.figure.geometry import CHART_VIEWS, BodyFigure, View
from fascialines.web.figure.region_marks import node_label, region_dots, region_targets
from fascialines.web.figure.strokes import Marks, Polyline
from fascialines.web.theme import BASE_OPACITY, EVIDENCE_DASH, line_styles
from fascialines.web.wording import EVIDENCE_HOVER

__all__ = [
    "DEEP_WIDTH",
    "LAYERS",
    "OVERLAY_NAMES",
    "OVERLAY_SIZE",
    "PATH_SLOTS",
    "base_figure",
    "clicked_region",
    "deep_colour",
    "edge_text",
    "graph_of",
    "line_groups",
    "node_label",
    "overlay_start",
    "split_layers",
    "step_text",
]

#: Path slots in the overlay: one per (emphasis, line, grade) group of highlighted steps.
PATH_SLOTS = 24
#: The overlay traces after the path slots, in order.
OVERLAY_NAMES: tuple[str, ...] = (
    "tissue",
    "zones-spillover",
    "zones-essential",
    "trigger-points",
    "steps",
    "leaders",
    "felt-at",
    "candidates",
    "selected-region",
    "trigger-crosses",
)
OVERLAY_SIZE = PATH_SLOTS + len(OVERLAY_NAMES)

#: Width of a line at rest: thin strokes, so twelve lines read as a chart, not as static.
_BASE_WIDTH = 1.5
#: Size of the one symbol drawn per line and view.
_EMBLEM_SIZE = 7


@cache
def _deep_branches() -> frozenset[tuple[str, str]]:
    # The packaged routes, read once: every gesture asks (through overlay_start).
    return frozenset((r.line, r.branch) for r in load_routes() if r.deep)


def line_groups(atlas: Atlas) -> list[tuple[str, str, bool]]:
    """The (line id, grade, deep) groups that get a base trace, in trace order.

    Deep groups come first, so that every surface line is drawn over them; then atlas order,
    strongest grade first. Worked out once per atlas (a fresh list each call).
    """
    kept = atlas.__dict__.get("_figures_line_groups")
    if kept is None:
        kept = atlas.__dict__["_figures_line_groups"] = tuple(_line_groups(atlas))
    return list(kept)


def _line_groups(atlas: Atlas) -> list[tuple[str, str, bool]]:
    deep = _deep_branches()
    groups: list[tuple[str, str, bool]] = []
    for line in atlas.lines:
        for branch_is_deep in (True, False):
            grades = {
                t.evidence
                for branch in line.branches
                if ((line.id, branch.id) in deep) == branch_is_deep
                for t in branch.transitions
            }
            groups += [
                (line.id, g, branch_is_deep)
                for g in sorted(grades, key=EVIDENCE_ORDER.__getitem__, reverse=True)
            ]
    return sorted(groups, key=lambda group: not group[2])


def overlay_start(atlas: Atlas) -> int:
    """Index of the first overlay trace in :func:`base_figure` of this atlas."""
    return len(line_groups(atlas)) + len(atlas.lines) + 3


def step_text(atlas: Atlas, line_id: str, start: str, end: str, edge: dict[str, Any]) -> str:
    line = atlas.line(line_id)
    sources = ", ".join(edge["sources"])
    basis = " (line-level rating)" if edge["evidence_basis"] == "line" else ""
    return (
        f"<b>{line.abbreviation}</b> {line.name}<br>"
        f"{atlas.region(start).name} → {atlas.region(end).name}<br>"
        f"{EVIDENCE_HOVER[edge['evidence']]}{basis}<br>"
        f"<i>sources: {sources}</i>"
    )


def edge_text(atlas: Atlas, edge: LineEdge) -> str:
    """The hover text of one line edge: :func:`step_text` for the step it is a copy of."""
    data = {
        "sources": edge.sources,
        "evidence_basis": edge.evidence_basis,
        "evidence": edge.evidence.value,
    }
    return step_text(atlas, edge.line, edge.start[0], edge.end[0], data)


def deep_colour(colour: str, share: float = 0.5) -> str:
    """A deep line's colour: its own, seen through the translucent body.

    ``share`` of the body's fill mixed in is what a body layer of that opacity over the line
    would show, without a layer that would also veil the surface lines and the markers.

    Examples
    --------
    >>> deep_colour("#000000")
    '#7a7774'
    """
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    fr, fg, fb = (int(BODY_FILL[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(
        *(round(c + (f - c) * share) for c, f in ((r, fr), (g, fg), (b, fb)))
    )


def base_figure(atlas: Atlas, figure: BodyFigure = "male") -> go.Figure:
    """The body diagram of an atlas, with no trace shown.

    Parameters
    ----------
    atlas : Atlas
    figure : {"male", "female"}
        The body drawn under the lines (:func:`.body.outline_shapes`); only the layout's shapes
        differ, since every point, route and mark lies on both bodies.

    Returns
    -------
    plotly.graph_objects.Figure
        Front, back and side views left to right, every line drawn as its chart route
        (:mod:`.tracks`) in its colour with its evidence grade as the dash style (deep routes
        lighter and thinner, under the surface ones), a hoverable and clickable marker per
        node (``customdata = [region_id, side]``), and :data:`OVERLAY_SIZE` empty overlay
        traces at the end (from :func:`overlay_start`). The line traces carry a ``uid``
        starting ``baseline-`` and their step marks ``basestep-``, so the page can hide them
        for the calm start without redrawing (``assets/chart.css``); the step marks answer
        hover only while the lines show (``assets/chart.js`` sets their ``hoverinfo``).

    Notes
    -----
    Builds the graph and the tracks once (linear in the atlas and the routes). Build it once
    per atlas and per process; interactions use :func:`overlay_patch`.
    """
    graph = graph_of(atlas)
    styles = line_styles(atlas)
    fig = go.Figure(layout=figure_layout(figure))

    polylines: dict[tuple[str, str, bool], Polyline] = defaultdict(Polyline.empty)
    marks: dict[str, Marks] = defaultdict(Marks.empty)
    lines_at: dict[NodeKey, set[str]] = defaultdict(set)
    drawn: set[tuple[str, tuple[tuple[float, float], ...]]] = set()
    places: dict[tuple[str, View], list[tuple[float, int]]] = defaultdict(list)
    for line in atlas.lines:
        for edge in tracks.line_edges(atlas, line.id):
            lines_at[edge.start].add(line.id)
            lines_at[edge.end].add(line.id)
            text = edge_text(atlas, edge)
            style = styles[line.id]
            for curve in tracks.edge_curves(atlas, edge):
                if (line.id, curve.points) in drawn:
                    continue  # a midline step on the side view: the same for both copies
                drawn.add((line.id, curve.points))
                polylines[line.id, edge.evidence.value, curve.deep].add_curve(curve.points)
                a, b = tracks.middle(curve.points)
                places[line.id, curve.view].append((_length(curve.points), len(marks[line.id].x)))
                # Undrawn but hoverable (the step targets below): the step's grade and
                # sources are a pointer away; _show_emblems draws one per line and view.
                marks[line.id].add(
                    a, b, text, colour=style.colour, symbol=style.symbol, size=0, opacity=0.0
                )
    _show_emblems(atlas, marks, places)

    for index, (line_id, grade, deep) in enumerate(line_groups(atlas)):
        style, poly = styles[line_id], polylines[line_id, grade, deep]
        depth = " deep" if deep else ""
        fig.add_trace(
            go.Scatter(
                x=poly.x,
                y=poly.y,
                mode="lines",
                name=f"{style.label}{depth} ({EVIDENCE_HOVER[grade]})",
                legendgroup=line_id,
                showlegend=False,
                uid=f"baseline-{index}",
                line={
                    "color": deep_colour(style.colour) if deep else style.colour,
                    "width": _BASE_WIDTH * (DEEP_WIDTH if deep else 1.0),
                    "dash": EVIDENCE_DASH[grade],
                },
                opacity=BASE_OPACITY["lines"][False],
                hoverinfo="skip",
            )
        )
    symbols = Marks.empty()
    for index, line in enumerate(atlas.lines):
        line_marks = marks[line.id]
        symbols.extend(line_marks.shown())
        # Undrawn (see .region_marks): plotly finds hover points from the data.
        fig.add_trace(
            go.Scatter(
                x=line_marks.x,
                y=line_marks.y,
                text=line_marks.text,
                mode="none",
                hoveron="points",
                # None in the calm start, where the lines are hidden; assets/chart.js sets
                # "text" with them (plotly reads hoverinfo only with no hovertemplate).
                hoverinfo="skip",
                name=f"{styles[line.id].label} (steps)",
                legendgroup=line.id,
                showlegend=False,
                uid=f"basestep-{index}",
            )
        )
    fig.add_trace(
        go.Scatter(
            name="line symbols",
            showlegend=False,
            uid="basestep-symbols",
            opacity=BASE_OPACITY["steps"][False],
            **(symbols.props() | {"hoverinfo": "skip", "hovertemplate": None}),
        )
    )
    fig.add_trace(region_dots(atlas, graph.nodes))
    fig.add_trace(region_targets(atlas, graph.nodes, lines_at))
    for trace in _empty_overlay():
        fig.add_trace(trace)
    fig.layout.meta = {"overlay_start": overlay_start(atlas)}
    return fig


#: A deep line's width, relative to a surface line's.
DEEP_WIDTH = 0.7


def _length(points: tuple[tuple[float, float], ...]) -> float:
    return sum(math.dist(a, b) for a, b in pairwise(points))


#: How far apart (figure units) the symbols of two lines should be, where a line allows it.
_EMBLEM_ROOM = 6.0


def _show_emblems(
    atlas: Atlas,
    marks: dict[str, Marks],
    places: dict[tuple[str, View], list[tuple[float, int]]],
) -> None:
    """Show one symbol per line and view: on a long segment, clear of other lines' symbols.

    ``places`` holds, per line and view, each segment's length and its marker's index.
    """
    shown: dict[View, list[tuple[float, float]]] = defaultdict(list)
    for line in atlas.lines:
        for view in CHART_VIEWS:
            if not places.get((line.id, view)):
                continue
            line_marks = marks[line.id]

            def fit(place: tuple[float, int], view: View = view, m: Marks = line_marks) -> Any:
                length, index = place
                spot = (m.x[index], m.y[index])
                room = min((math.dist(spot, other) for other in shown[view]), default=math.inf)
                return (min(room, _EMBLEM_ROOM), length)

            _, index = max(places[line.id, view], key=fit)
            line_marks.size[index] = _EMBLEM_SIZE
            line_marks.opacity[index] = 1.0
            shown[view].append((line_marks.x[index], line_marks.y[index]))


def _empty_overlay() -> list[go.Scatter]:
    traces = [
        go.Scatter(x=[], y=[], mode="lines", name=f"path-{i}", showlegend=False, hoverinfo="skip")
        for i in range(PATH_SLOTS)
    ]
    traces += [
        go.Scatter(x=[], y=[], mode="markers", name=name, showlegend=False)
        for name in OVERLAY_NAMES
    ]
    return traces


def graph_of(atlas: Atlas) -> nx.MultiGraph:
    # Cached on the frozen atlas, as its own look-ups are: one graph per atlas and process.
    cache = atlas.__dict__
    if "_figures_graph" not in cache:
        cache["_figures_graph"] = build_graph(atlas).view
    return cache["_figures_graph"]


def clicked_region(click_data: dict[str, Any] | None) -> NodeKey | None:
    """The node ``(region_id, side)`` a ``dcc.Graph`` click landed on, or ``None``.

    Clicks on anything without a node (a line, the background) give ``None``.
    """
    if not click_data:
        return None
    points = click_data.get("points") or []
    if not points or not isinstance(points[0], dict):
        return None
    customdata = points[0].get("customdata")
    if (
        isinstance(customdata, list | tuple)
        and len(customdata) == 2
        and all(isinstance(part, str) for part in customdata)
    ):
        return (customdata[0], customdata[1])
    return None


#: The diagram is drawn as two stacked plotly figures: the lower one (outlines, lines, the
#: clickable region markers) is never redrawn; the upper one holds only the overlay, lets the
#: pointer through to the lower one, and is small, so an interaction redraws only it.
LAYERS = ("lower", "upper")


def split_layers(atlas: Atlas, fig: go.Figure) -> tuple[go.Figure, go.Figure]:
    """The lower and the upper layer of a whole figure (:func:`base_figure` or an overlay).

    The lower layer keeps the outlines, the annotations and every trace up to the region
    markers; the upper layer holds the overlay on a transparent background, with the same
    axes, so the two line up exactly when stacked at the same size.

    Notes
    -----
    plotly redraws every trace of a figure on any change; measured in Chromium here, the whole
    figure took about 500 ms to redraw, its upper layer alone about 20 ms.
    """
    start = overlay_start(atlas)
    lower = go.Figure(data=fig.data[:start], layout=fig.layout)
    upper_layout = go.Layout(fig.layout)
    # Assigned, not updated: plotly's update() leaves a list property alone when given an
    # empty list, and the upper layer's copy of the filled outlines would hide the lines below.
    upper_layout.shapes = ()
    upper_layout.annotations = ()
    upper_layout.update(paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)")
    upper = go.Figure(data=fig.data[start:], layout=upper_layout)
    upper.layout.meta = {"overlay_start": 0}
    return lower, upper
