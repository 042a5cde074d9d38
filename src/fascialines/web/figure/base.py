"""The body diagram: a base figure built once per atlas, and patches for what a user chose.

The base figure holds the front and back views side by side (see :mod:`.geometry` for the
coordinates), every line drawn faintly and a marker per node that can be hovered and clicked;
its key is HTML beside it. Its traces come in a fixed order, and the overlay traces come last,
empty at first, so an interaction sends a :class:`dash.Patch` that fills them by index instead
of a new figure.

Trace order
-----------
1. One trace per (line, evidence grade) present in the atlas, atlas order then strongest grade
   first; both views and both sides, segments separated by ``None``; no hover.
2. One trace per line of markers at the middle of its segments, each with a hover text naming
   the step, its grade and its sources. The markers are invisible (they only catch the pointer)
   except one per line and view, which shows the line's symbol: colour is never the only cue,
   and the resting diagram stays calm.
3. The region markers (``customdata = [region_id, side]``), at :func:`overlay_start` - 1.
4. The overlay, :data:`OVERLAY_SIZE` traces from :func:`overlay_start`: :data:`PATH_SLOTS`
   path slots, then :data:`OVERLAY_NAMES` in order (the lit tissue, trigger-point zones,
   trigger-point links, step arrows, leader lines, felt-at rings, candidate markers, the
   selected-region ring, trigger-point crosses).

Every hoverable point that sits on a node carries that node's ``customdata``, so a click on a
node always reaches :func:`clicked_region`. While an overlay is shown the base layers recede
(their opacity is part of the patch).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from fascialines.atlas import EVIDENCE_ORDER, Atlas, Region
from fascialines.graph import NodeKey, build_graph
from fascialines.web import theme
from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import VIEWS, View
from fascialines.web.figure.strokes import Marks, Polyline
from fascialines.web.theme import BASE_OPACITY, EVIDENCE_DASH, line_styles
from fascialines.web.wording import EVIDENCE_HOVER

__all__ = [
    "LAYERS",
    "OVERLAY_NAMES",
    "OVERLAY_SIZE",
    "PATH_SLOTS",
    "base_figure",
    "clicked_region",
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
#: Size of the one visible symbol per line and view, and of the invisible hover targets.
_EMBLEM_SIZE = 7
_HOVER_TARGET_SIZE = 8


def line_groups(atlas: Atlas) -> list[tuple[str, str]]:
    """The (line id, grade) pairs that get a base trace, in trace order."""
    groups: list[tuple[str, str]] = []
    for line in atlas.lines:
        grades = {t.evidence for t in line.transitions}
        groups += [
            (line.id, g) for g in sorted(grades, key=EVIDENCE_ORDER.__getitem__, reverse=True)
        ]
    return groups


def overlay_start(atlas: Atlas) -> int:
    """Index of the first overlay trace in :func:`base_figure` of this atlas."""
    return len(line_groups(atlas)) + len(atlas.lines) + 1


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


def node_label(region: Region, side: str) -> str:
    return region.name if side == "midline" else f"{region.name} ({side})"


def base_figure(atlas: Atlas) -> go.Figure:
    """The body diagram of an atlas, with no trace shown.

    Parameters
    ----------
    atlas : Atlas

    Returns
    -------
    plotly.graph_objects.Figure
        Front view on the left, back view on the right, every line drawn faintly in its colour
        with its evidence grade as the dash style, a hoverable and clickable marker per node
        (``customdata = [region_id, side]``), and
        :data:`OVERLAY_SIZE` empty overlay traces at the end (from :func:`overlay_start`).

    Notes
    -----
    Builds the graph once (linear in the atlas) to learn each line's sides across midline
    crossings. Build it once per atlas and per process; interactions use :func:`overlay_patch`.
    """
    graph = graph_of(atlas)
    styles = line_styles(atlas)
    fig = go.Figure(layout=_layout())

    polylines: dict[tuple[str, str], Polyline] = defaultdict(Polyline.empty)
    marks: dict[str, Marks] = defaultdict(Marks.empty)
    lines_at: dict[NodeKey, set[str]] = defaultdict(set)
    drawn: set[tuple[str, frozenset[NodeKey]]] = set()
    places: dict[tuple[str, View], list[tuple[float, int]]] = defaultdict(list)
    for u, v, edge in sorted(graph.edges(data=True), key=lambda e: (e[2]["line"], e[0], e[1])):
        line_id = edge["line"]
        lines_at[u].add(line_id)
        lines_at[v].add(line_id)
        if (line_id, frozenset((u, v))) in drawn:
            continue  # a midline-only step is the same for both instances of the line
        drawn.add((line_id, frozenset((u, v))))
        start_id, end_id = edge["step"]
        start, end = (u, v) if u[0] == start_id else (v, u)
        text = step_text(atlas, line_id, start_id, end_id, edge)
        style = styles[line_id]
        for view, a, b in geometry.segments(atlas, [(start, end)]):
            polylines[line_id, edge["evidence"]].add(a, b)
            places[line_id, view].append((math.dist(a, b), len(marks[line_id].x)))
            # Invisible, but hoverable: the step's grade and sources are a pointer away.
            marks[line_id].add(
                a,
                b,
                text,
                colour=style.colour,
                symbol=style.symbol,
                size=_HOVER_TARGET_SIZE,
                opacity=0.0,
            )
    _show_emblems(atlas, marks, places)

    for line_id, grade in line_groups(atlas):
        style, poly = styles[line_id], polylines[line_id, grade]
        fig.add_trace(
            go.Scatter(
                x=poly.x,
                y=poly.y,
                mode="lines",
                name=f"{style.label} ({EVIDENCE_HOVER[grade]})",
                legendgroup=line_id,
                showlegend=False,
                line={"color": style.colour, "width": _BASE_WIDTH, "dash": EVIDENCE_DASH[grade]},
                opacity=BASE_OPACITY["lines"][False],
                hoverinfo="skip",
            )
        )
    for line in atlas.lines:
        fig.add_trace(
            go.Scatter(
                name=f"{styles[line.id].label} (steps)",
                legendgroup=line.id,
                showlegend=False,
                opacity=BASE_OPACITY["steps"][False],
                **marks[line.id].props(),
            )
        )
    fig.add_trace(_region_markers(atlas, graph.nodes, lines_at))
    for trace in _empty_overlay():
        fig.add_trace(trace)
    fig.layout.meta = {"overlay_start": overlay_start(atlas)}
    return fig


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
        for view in VIEWS:
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


def _region_markers(
    atlas: Atlas, nodes: Iterable[NodeKey], lines_at: dict[NodeKey, set[str]]
) -> go.Scatter:
    x, y, customdata, text = [], [], [], []
    for node in sorted(nodes):
        region = atlas.region(node[0])
        names = sorted(atlas.line(line_id).abbreviation for line_id in lines_at.get(node, ()))
        through = ", ".join(names) if names else "no line (trigger-point or symptom area)"
        for view in VIEWS:
            placed = geometry.point(region, node[1], view)
            if placed is None or not placed[2]:
                continue
            x.append(placed[0])
            y.append(placed[1])
            customdata.append([node[0], node[1]])
            plain = f"<br><i>{region.plain_name}</i>" if region.plain_name else ""
            text.append(f"<b>{node_label(region, node[1])}</b>{plain}<br>lines: {through}")
    return go.Scatter(
        x=x,
        y=y,
        mode="markers",
        name="regions",
        showlegend=False,
        customdata=customdata,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        # Small and quiet: plotly picks the nearest point within 20 px, so a small dot is
        # still easy to hover and click.
        marker={"size": 3.5, "color": "#8a939c", "line": {"width": 0}},
        opacity=BASE_OPACITY["regions"][False],
    )


def _layout() -> go.Layout:
    annotations = []
    for view, centre in (("front", 0.0), ("back", geometry.VIEW_OFFSET)):
        annotations.append(
            {
                "x": centre,
                "y": 102.6,
                "text": f"<b>{view.capitalize()} view</b>",
                "hovertext": "the client facing you" if view == "front" else "seen from behind",
                "showarrow": False,
                "font": {"size": 15, "color": theme.INK},
            }
        )
        # The client's sides as the viewer sees them (mirrored on the front view), as anatomy
        # charts mark them: a bold R and L beside the shoulders.
        viewer_left, viewer_right = ("right", "left") if view == "front" else ("left", "right")
        for sign, side in ((-1, viewer_left), (1, viewer_right)):
            annotations.append(
                {
                    "x": centre + sign * 22,
                    "y": 92,
                    "text": f"<b>{side[0].upper()}</b>",
                    "hovertext": f"the client's {side} side",
                    "showarrow": False,
                    "font": {"size": 16, "color": "#5b6570"},
                }
            )
    shapes = []
    for view in VIEWS:
        outline = geometry.load_outline(view)
        shapes.append(
            {
                "type": "path",
                "path": outline.silhouette,
                "fillcolor": "#f4eee8",
                "line": {"color": "#8a939c", "width": 1.3},
                "layer": "below",
            }
        )
        shapes += [
            {
                "type": "path",
                "path": detail,
                "fillcolor": "#a7aeb5",
                "line": {"color": "#a7aeb5", "width": 0.4},
                "layer": "below",
            }
            for detail in outline.details
        ]
    # constrain="domain": equal aspect shrinks the drawing area, never crops the views.
    axis = {
        "visible": False,
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "constrain": "domain",
    }
    return go.Layout(
        xaxis={
            **axis,
            "range": [-geometry.X_HALF_WIDTH, geometry.VIEW_OFFSET + geometry.X_HALF_WIDTH],
        },
        yaxis={**axis, "range": list(geometry.Y_RANGE), "scaleanchor": "x", "scaleratio": 1},
        shapes=shapes,
        annotations=annotations,
        plot_bgcolor="white",
        paper_bgcolor="white",
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        dragmode=False,
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"size": 13, "family": theme.FONT}},
        font={"family": theme.FONT, "color": theme.INK},
        # The key is HTML under the diagram at every width (views/diagram.py): plotly's
        # legends would take the body's room on a phone.
        showlegend=False,
        uirevision="body",
    )


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
    upper_layout.update(
        shapes=[], annotations=[], paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)"
    )
    upper = go.Figure(data=fig.data[start:], layout=upper_layout)
    upper.layout.meta = {"overlay_start": 0}
    return lower, upper
