"""The body diagram: a base figure built once per atlas, and patches for what a user chose.

The base figure holds the front and back views side by side (see :mod:`fascialines.web.body`
for the coordinates), every line drawn faintly, a marker per node that can be hovered and
clicked, and legends. Its traces come in a fixed order, and the overlay traces come last, empty
at first, so an interaction sends a :class:`dash.Patch` that fills them by index instead of a
new figure.

Trace order
-----------
1. One trace per (line, evidence grade) present in the atlas, atlas order then strongest grade
   first; both views and both sides, segments separated by ``None``; no hover.
2. One trace per line of markers at the middle of its segments, each with a hover text naming
   the step, its grade and its sources. The markers are invisible (they only catch the pointer)
   except one per line and view, which shows the line's symbol: colour is never the only cue,
   and the resting diagram stays calm.
3. One legend entry per line (no data), then one per evidence grade (no data).
4. The region markers (``customdata = [region_id, side]``), at :func:`overlay_start` - 1.
5. The overlay, :data:`OVERLAY_SIZE` traces from :func:`overlay_start`: :data:`PATH_SLOTS`
   path slots, then :data:`OVERLAY_NAMES` in order (trigger-point links, step arrows, felt-at
   rings, candidate markers, the selected-region ring).

Every hoverable point that sits on a node carries that node's ``customdata``, so a click on a
node always reaches :func:`clicked_region`. While an overlay is shown the base layers recede
(their opacity is part of the patch).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dash
import networkx as nx
import plotly.graph_objects as go

from fascialines.atlas import EVIDENCE_ORDER, Atlas, Region
from fascialines.graph import NodeKey, build_graph
from fascialines.web import body
from fascialines.web.body import View

if TYPE_CHECKING:
    from fascialines.tracing import Candidate, LinePath, Trace

__all__ = [
    "EVIDENCE_DASH",
    "MARKED_CANDIDATES",
    "OVERLAY_NAMES",
    "OVERLAY_SIZE",
    "PALETTE",
    "PATH_SLOTS",
    "SYMBOLS",
    "LineStyle",
    "base_figure",
    "clicked_region",
    "line_styles",
    "overlay_figure",
    "overlay_patch",
    "overlay_start",
]

#: Twelve colours from Okabe & Ito's and Paul Tol's colour-blind-safe palettes, chosen so that
#: every pair stays apart (CIE76 distance >= 10) under simulated protanopia, deuteranopia and
#: tritanopia (Machado et al. 2009) and >= 20 with normal colour vision, none too pale for the
#: skin fill, none close to the "felt here" red. The packaged atlas gives its twelve lines these
#: colours, in this order; an atlas of your own may use them too.
PALETTE: tuple[str, ...] = (
    "#4477AA",  # Tol blue
    "#997700",  # Tol ochre
    "#009E73",  # Okabe-Ito bluish green
    "#EE6677",  # Tol red
    "#E69F00",  # Okabe-Ito orange
    "#56B4E9",  # Okabe-Ito sky blue
    "#332288",  # Tol indigo
    "#882255",  # Tol wine
    "#117733",  # Tol green
    "#999933",  # Tol olive
    "#AA4499",  # Tol purple
    "#CC79A7",  # Okabe-Ito reddish purple
)
#: A marker symbol per line, shown once per view on the line and in the legend, so colour is
#: never the only thing that tells two lines apart.
SYMBOLS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "triangle-down",
    "cross",
    "x",
    "star",
    "pentagon",
    "hexagon",
    "triangle-left",
    "triangle-right",
)
#: Line dash per evidence grade: the firmer the evidence, the more continuous the line.
EVIDENCE_DASH: dict[str, str] = {
    "strong": "solid",
    "moderate": "dash",
    "limited": "dot",
    "not-studied": "longdashdot",
    "not-found": "2px,7px",
}
#: Short names of the grades for the legend.
EVIDENCE_SHORT: dict[str, str] = {
    "strong": "strong",
    "moderate": "moderate",
    "limited": "limited",
    "not-studied": "not studied",
    "not-found": "not found",
}
EVIDENCE_LABEL: dict[str, str] = {
    "strong": "strong evidence",
    "moderate": "moderate evidence",
    "limited": "limited evidence",
    "not-studied": "not studied",
    "not-found": "studied, not found",
}

#: How many of the best candidates the diagram marks (plus the focused one, whatever its rank).
MARKED_CANDIDATES = 10
#: Path slots in the overlay: one per (emphasis, line, grade) group of highlighted steps.
PATH_SLOTS = 24
#: The overlay traces after the path slots, in order.
OVERLAY_NAMES: tuple[str, ...] = (
    "trigger-points",
    "steps",
    "felt-at",
    "candidates",
    "selected-region",
)
OVERLAY_SIZE = PATH_SLOTS + len(OVERLAY_NAMES)

_INK = "#3d4650"
_FELT = "#C0152F"
_FELT_FILL = "rgba(192, 21, 47, 0.2)"
_CANDIDATE = "#1F3A5F"
_CANDIDATE_DIM = "#66758C"
_FOCUS_RING = "#E69F00"
_SELECTED = "#111111"
_TRIGGER = "#6A3D9A"
ARROW = "triangle-up"
#: Opacity of the base layers, without and with an overlay shown: the base recedes so the
#: overlay reads first, and comes back when the overlay is cleared.
_BASE_OPACITY: dict[str, dict[bool, float]] = {
    "lines": {False: 0.6, True: 0.14},
    "steps": {False: 0.9, True: 0.15},
    "regions": {False: 0.75, True: 0.3},
}
#: Width of a line at rest: thin strokes, so twelve lines read as a chart, not as static.
_BASE_WIDTH = 1.5
#: Size of the one visible symbol per line and view, and of the invisible hover targets.
_EMBLEM_SIZE = 7
_HOVER_TARGET_SIZE = 8
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
_VIEWS: tuple[View, ...] = ("front", "back")


@dataclass(frozen=True)
class LineStyle:
    """How one line is drawn: its colour, the symbol on its segments, its legend label."""

    colour: str
    symbol: str
    label: str


def line_styles(atlas: Atlas) -> dict[str, LineStyle]:
    """Colour, symbol and label of every line, by line id, in atlas order.

    The colour is the atlas's own (``Line.colour``), so the diagram, the app's tables and any
    other view agree; the packaged atlas uses :data:`PALETTE`, which the tests hold to the
    colour-blind criteria. The symbol follows the line's place in the atlas.
    """
    return {
        line.id: LineStyle(
            line.colour, SYMBOLS[index % len(SYMBOLS)], f"{line.abbreviation} · {line.name}"
        )
        for index, line in enumerate(atlas.lines)
    }


# -- geometry ------------------------------------------------------------------------------


def _point(region: Region, side: str, view: View) -> tuple[float, float, bool] | None:
    """Where a node is drawn on a view, and whether the region really has a point there.

    A region with a point on one view only lends it to the other view for drawing lines (the
    coordinates are shared), so a line passing a deep structure stays unbroken; its marker
    appears on its own view only.
    """
    own = region.front if view == "front" else region.back
    other = region.back if view == "front" else region.front
    point = own or other
    if point is None:
        return None
    x, y = body.figure_xy(point, view=view, side=side, body_area=region.body_area)
    # A hundredth of a percent of height is far below a pixel; shorter numbers, lighter JSON.
    return round(x, 2), round(y, 2), own is not None


def _segments(
    atlas: Atlas, pairs: Iterable[tuple[NodeKey, NodeKey]]
) -> Iterator[tuple[View, tuple[float, float], tuple[float, float]]]:
    """Drawable segments of node pairs on both views: ``(view, (x0, y0), (x1, y1))``."""
    for start, end in pairs:
        a_region, b_region = atlas.region(start[0]), atlas.region(end[0])
        for view in _VIEWS:
            a = _point(a_region, start[1], view)
            b = _point(b_region, end[1], view)
            # Drawn where at least one end belongs to this view: the line passes there.
            if a is None or b is None or not (a[2] or b[2]):
                continue
            yield view, (a[0], a[1]), (b[0], b[1])


@dataclass
class _Polyline:
    """Segments for one line trace: start, end, gap. Lines carry no hover: see :class:`_Marks`."""

    x: list[float | None]
    y: list[float | None]

    @classmethod
    def empty(cls) -> _Polyline:
        return cls([], [])

    def add(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        self.x += [a[0], b[0], None]
        self.y += [a[1], b[1], None]

    def extend(self, other: _Polyline) -> None:
        self.x += other.x
        self.y += other.y


@dataclass
class _Marks:
    """A marker at the middle of each segment: the line's symbol or an arrow, with hover text.

    Kept apart from the line traces so that no hoverable point ever sits on a node: a click on
    a node must reach the node's own marker and its ``customdata``.
    """

    x: list[float]
    y: list[float]
    text: list[str]
    colour: list[str]
    symbol: list[str]
    size: list[float]
    angle: list[float]
    opacity: list[float]

    @classmethod
    def empty(cls) -> _Marks:
        return cls([], [], [], [], [], [], [], [])

    def add(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        text: str,
        *,
        colour: str,
        symbol: str,
        size: float,
        opacity: float = 1.0,
        oriented: bool = False,
    ) -> None:
        self.x.append(round((a[0] + b[0]) / 2, 2))
        self.y.append(round((a[1] + b[1]) / 2, 2))
        self.text.append(text)
        self.colour.append(colour)
        self.symbol.append(symbol)
        self.size.append(size)
        # An oriented marker points from a to b: marker angles run clockwise from "up", and the
        # equal axis scales make data angles true on screen. Line symbols stay upright.
        pointing = math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))
        self.angle.append(round(pointing, 1) if oriented else 0.0)
        self.opacity.append(opacity)

    def extend(self, other: _Marks) -> None:
        for name in ("x", "y", "text", "colour", "symbol", "size", "angle", "opacity"):
            getattr(self, name).extend(getattr(other, name))

    def props(self) -> dict[str, Any]:
        return {
            "x": self.x,
            "y": self.y,
            "text": self.text,
            "mode": "markers",
            "marker": {
                "symbol": _uniform(self.symbol),
                "size": self.size,
                "color": _uniform(self.colour),
                "angle": _uniform(self.angle),
                "opacity": self.opacity,
                "line": {"width": 0},
            },
            "hovertemplate": "%{text}<extra></extra>",
        }


def _uniform(values: list[Any]) -> Any:
    """One value for a whole trace where every point has it: a lighter figure to send."""
    return values[0] if len(values) > 1 and len(set(values)) == 1 else values


# -- the base figure -------------------------------------------------------------------------


def _line_groups(atlas: Atlas) -> list[tuple[str, str]]:
    """The (line id, grade) pairs that get a base trace, in trace order."""
    groups = []
    for line in atlas.lines:
        grades = {t.evidence for t in line.transitions}
        groups += [(line.id, g) for g in sorted(grades, key=EVIDENCE_ORDER.get, reverse=True)]
    return groups


def overlay_start(atlas: Atlas) -> int:
    """Index of the first overlay trace in :func:`base_figure` of this atlas."""
    return len(_line_groups(atlas)) + 2 * len(atlas.lines) + len(EVIDENCE_ORDER) + 1


def _step_text(atlas: Atlas, line_id: str, start: str, end: str, edge: dict[str, Any]) -> str:
    line = atlas.line(line_id)
    sources = ", ".join(edge["sources"])
    basis = " (line-level rating)" if edge["evidence_basis"] == "line" else ""
    return (
        f"<b>{line.abbreviation}</b> {line.name}<br>"
        f"{atlas.region(start).name} → {atlas.region(end).name}<br>"
        f"{EVIDENCE_LABEL[edge['evidence']]}{basis}<br>"
        f"<i>sources: {sources}</i>"
    )


def _node_label(region: Region, side: str) -> str:
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
        (``customdata = [region_id, side]``), legends for lines and evidence, and
        :data:`OVERLAY_SIZE` empty overlay traces at the end (from :func:`overlay_start`).

    Notes
    -----
    Builds the graph once (linear in the atlas) to learn each line's sides across midline
    crossings. Build it once per atlas and per process; interactions use :func:`overlay_patch`.
    """
    graph = _graph(atlas)
    styles = line_styles(atlas)
    fig = go.Figure(layout=_layout())

    polylines: dict[tuple[str, str], _Polyline] = defaultdict(_Polyline.empty)
    marks: dict[str, _Marks] = defaultdict(_Marks.empty)
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
        text = _step_text(atlas, line_id, start_id, end_id, edge)
        style = styles[line_id]
        for view, a, b in _segments(atlas, [(start, end)]):
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

    for line_id, grade in _line_groups(atlas):
        style, poly = styles[line_id], polylines[line_id, grade]
        fig.add_trace(
            go.Scatter(
                x=poly.x,
                y=poly.y,
                mode="lines",
                name=f"{style.label} ({EVIDENCE_LABEL[grade]})",
                legendgroup=line_id,
                showlegend=False,
                line={"color": style.colour, "width": _BASE_WIDTH, "dash": EVIDENCE_DASH[grade]},
                opacity=_BASE_OPACITY["lines"][False],
                hoverinfo="skip",
            )
        )
    for line in atlas.lines:
        fig.add_trace(
            go.Scatter(
                name=f"{styles[line.id].label} (steps)",
                legendgroup=line.id,
                showlegend=False,
                opacity=_BASE_OPACITY["steps"][False],
                **marks[line.id].props(),
            )
        )
    for line in atlas.lines:
        style = styles[line.id]
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name=line.abbreviation,
                legendgroup=line.id,
                legend="legend",
                line={"color": style.colour, "width": 3},
                marker={"symbol": style.symbol, "size": 8, "color": style.colour},
                hoverinfo="skip",
            )
        )
    for grade in sorted(EVIDENCE_ORDER, key=EVIDENCE_ORDER.get, reverse=True):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                name=EVIDENCE_SHORT[grade],
                legend="legend2",
                line={"color": _INK, "width": 2.2, "dash": EVIDENCE_DASH[grade]},
                hoverinfo="skip",
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
    marks: dict[str, _Marks],
    places: dict[tuple[str, View], list[tuple[float, int]]],
) -> None:
    """Show one symbol per line and view: on a long segment, clear of other lines' symbols.

    ``places`` holds, per line and view, each segment's length and its marker's index.
    """
    shown: dict[View, list[tuple[float, float]]] = defaultdict(list)
    for line in atlas.lines:
        for view in _VIEWS:
            if not places.get((line.id, view)):
                continue
            line_marks = marks[line.id]

            def fit(place: tuple[float, int], view: View = view, m: _Marks = line_marks) -> Any:
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
        for view in _VIEWS:
            placed = _point(region, node[1], view)
            if placed is None or not placed[2]:
                continue
            x.append(placed[0])
            y.append(placed[1])
            customdata.append([node[0], node[1]])
            plain = f"<br><i>{region.plain_name}</i>" if region.plain_name else ""
            text.append(f"<b>{_node_label(region, node[1])}</b>{plain}<br>lines: {through}")
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
        opacity=_BASE_OPACITY["regions"][False],
    )


def _layout() -> go.Layout:
    annotations = []
    for view, centre in (("front", 0.0), ("back", body.VIEW_OFFSET)):
        annotations.append(
            {
                "x": centre,
                "y": 102.6,
                "text": f"<b>{view.capitalize()} view</b>",
                "hovertext": "the client facing you" if view == "front" else "seen from behind",
                "showarrow": False,
                "font": {"size": 15, "color": _INK},
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
    for view in _VIEWS:
        outline = body.load_outline(view)
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
        xaxis={**axis, "range": [-body.X_HALF_WIDTH, body.VIEW_OFFSET + body.X_HALF_WIDTH]},
        yaxis={**axis, "range": list(body.Y_RANGE), "scaleanchor": "x", "scaleratio": 1},
        shapes=shapes,
        annotations=annotations,
        plot_bgcolor="white",
        paper_bgcolor="white",
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        dragmode=False,
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"size": 13, "family": _FONT}},
        font={"family": _FONT, "color": _INK},
        # Horizontal legends above and under the drawing wrap with the width of any screen.
        legend={
            # Titles above their entries. Not "top left": plotly then indents the entries by the
            # title's width but wraps them as if it did not, and the last ones overflow.
            "title": {"text": "Lines", "side": "top"},
            "orientation": "h",
            "x": 0.0,
            "xanchor": "left",
            "xref": "container",
            "y": 0.0,
            "yanchor": "bottom",
            "yref": "container",
            "font": {"size": 10},
            # Not grouped: plotly wraps grouped horizontal legends past the figure's width.
            "traceorder": "normal",
            "itemclick": "toggle",
            "itemdoubleclick": "toggleothers",
        },
        legend2={
            "title": {"text": "Evidence", "side": "top"},
            "orientation": "h",
            "x": 0.0,
            "xanchor": "left",
            "xref": "container",
            "y": 1.0,
            "yanchor": "top",
            "yref": "container",
            "font": {"size": 10},
            "itemclick": False,
            "itemdoubleclick": False,
        },
        uirevision="body",
    )


# -- the overlay -------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class _PathGroup:
    bright: bool
    line: str
    grade: str


def _graph(atlas: Atlas) -> nx.MultiGraph:
    # Cached on the frozen atlas, as its own look-ups are: one graph per atlas and process.
    cache = atlas.__dict__
    if "_figures_graph" not in cache:
        cache["_figures_graph"] = build_graph(atlas).view
    return cache["_figures_graph"]


def _steps_of_line(atlas: Atlas, line_id: str) -> list[tuple[NodeKey, NodeKey, dict[str, Any]]]:
    graph = _graph(atlas)
    steps = []
    for u, v, edge in graph.edges(data=True):
        if edge["line"] != line_id:
            continue
        start = u if u[0] == edge["step"][0] else v
        steps.append((start, v if start == u else u, edge))
    return steps


def _path_traces(
    groups: dict[_PathGroup, _Polyline], styles: dict[str, LineStyle]
) -> list[dict[str, Any]]:
    """Fill the path slots, dim groups first so the emphasised ones are drawn on top."""
    if len(groups) > PATH_SLOTS:
        # More groups than slots: draw each line's steps at its weakest grade instead.
        merged: dict[_PathGroup, _Polyline] = {}
        for group, poly in sorted(groups.items(), key=lambda item: EVIDENCE_ORDER[item[0].grade]):
            key = next(
                (k for k in merged if (k.bright, k.line) == (group.bright, group.line)), group
            )
            merged.setdefault(key, _Polyline.empty()).extend(poly)
        groups = merged
    line_order = {line_id: index for index, line_id in enumerate(styles)}
    ordered = sorted(groups, key=lambda g: (g.bright, line_order[g.line], -EVIDENCE_ORDER[g.grade]))
    traces = []
    for group in ordered[:PATH_SLOTS]:
        style, poly = styles[group.line], groups[group]
        dash_style = EVIDENCE_DASH[group.grade]
        traces.append(
            {
                "x": poly.x,
                "y": poly.y,
                "line": {
                    "color": style.colour,
                    "width": 3.5 if group.bright else 2,
                    "dash": dash_style,
                },
                "opacity": 1.0 if group.bright else 0.35,
            }
        )
    # An empty slot draws nothing whatever its style, and a filled one sets its whole style:
    # emptying the points is enough, and keeps the patch small.
    cleared: dict[str, Any] = {"x": [], "y": []}
    return traces + [cleared] * (PATH_SLOTS - len(traces))


def _add_path(
    atlas: Atlas,
    path: LinePath,
    bright: bool,
    groups: dict[_PathGroup, _Polyline],
    arrows: _Marks,
) -> None:
    line = atlas.line(path.line)
    colour = line_styles(atlas)[path.line].colour
    for step in path.steps:
        start, end = (step.start.id, step.start.side), (step.end.id, step.end.side)
        basis = " (line-level rating)" if step.evidence_basis == "line" else ""
        text = (
            f"<b>{line.abbreviation}</b> {step.start.name} → {step.end.name}<br>"
            f"{EVIDENCE_LABEL[step.evidence]}{basis}<br>"
            f"<i>sources: {', '.join(step.sources)}</i>"
        )
        poly = groups.setdefault(_PathGroup(bright, path.line, step.evidence), _Polyline.empty())
        for _, a, b in _segments(atlas, [(start, end)]):
            poly.add(a, b)
            arrows.add(
                a,
                b,
                text,
                colour=colour,
                symbol=ARROW,
                size=9 if bright else 6,
                opacity=1.0 if bright else 0.35,
                oriented=True,
            )


def _trigger_trace(
    atlas: Atlas, candidates: Sequence[Candidate], focus_rank: int | None
) -> tuple[dict[str, Any], _Marks]:
    """Dotted links from a muscle to where its trigger points refer, with their arrows."""
    poly, arrows = _Polyline.empty(), _Marks.empty()
    for candidate in candidates:
        if focus_rank is not None and candidate.rank != focus_rank:
            continue
        for link in candidate.trigger_points:
            text = (
                f"<b>trigger-point referral</b> (a separate, contested mechanism)<br>"
                f"{link.muscle.name} → {link.refers_to.name}<br>"
                f"<i>sources: {', '.join(link.sources)}</i>"
            )
            ends = [((link.muscle.id, link.muscle.side), (link.refers_to.id, link.refers_to.side))]
            for _, a, b in _segments(atlas, ends):
                poly.add(a, b)
                # Without a focus many links converge on the felt-at area: faint arrows there,
                # so the candidates' numbers stay readable.
                arrows.add(
                    a,
                    b,
                    text,
                    colour=_TRIGGER,
                    symbol=ARROW,
                    size=8 if focus_rank is not None else 6,
                    opacity=1.0 if focus_rank is not None else 0.5,
                    oriented=True,
                )
    props = {
        "x": poly.x,
        "y": poly.y,
        "mode": "lines",
        "line": {"color": _TRIGGER, "width": 1.5 if focus_rank is not None else 1.0, "dash": "dot"},
        "hoverinfo": "skip",
    }
    return props, arrows


def _markers(
    atlas: Atlas, nodes: Sequence[NodeKey]
) -> Iterable[tuple[int, NodeKey, tuple[float, float]]]:
    """Each node's marker positions (own views only), with the node's index in ``nodes``."""
    for index, node in enumerate(nodes):
        region = atlas.region(node[0])
        for view in _VIEWS:
            placed = _point(region, node[1], view)
            if placed is not None and placed[2]:
                yield index, node, (placed[0], placed[1])


def _view_centre(x: float) -> float:
    """The midline of the view a figure ``x`` lies on."""
    return 0.0 if x < body.VIEW_OFFSET / 2 else body.VIEW_OFFSET


#: How far the middle of a "felt here" label sits from its disc, in figure units.
_FELT_LABEL_REACH = 5.5


def _felt_trace(
    atlas: Atlas, felt: Sequence[NodeKey], avoid: Sequence[tuple[float, float]] = ()
) -> dict[str, Any]:
    """Soft red discs where the symptom is felt, and one "felt here" label per view.

    The discs are translucent: where several felt-at nodes crowd together (a headache covers
    much of the head) they merge into one marked area instead of a pile of rings, and the
    candidate numbers drawn over them stay readable. The label goes beside the disc where it
    is farthest from the candidates (``avoid``) and the other discs; outward on a tie.
    """
    x, y, hover, customdata = [], [], [], []
    for _, node, (px, py) in _markers(atlas, felt):
        x.append(px)
        y.append(py)
        customdata.append(list(node))
        hover.append(f"<b>felt here</b>: {_node_label(atlas.region(node[0]), node[1])}")
    text, positions = [""] * len(x), ["middle right"] * len(x)
    others = [*avoid, *zip(x, y, strict=True)]
    best: dict[float, tuple[tuple[float, float], int, str]] = {}
    for index, (px, py) in enumerate(zip(x, y, strict=True)):
        centre = _view_centre(px)
        for direction, position in ((-1, "middle left"), (1, "middle right")):
            spot = (px + direction * _FELT_LABEL_REACH, py)
            clearance = min(math.dist(spot, other) for other in others)
            outward = direction * (px - centre)
            score = (round(clearance, 1), outward)
            if centre not in best or score > best[centre][0]:
                best[centre] = (score, index, position)
    for _, index, position in best.values():
        text[index] = "<b>felt here</b>"
        positions[index] = position
    return {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": hover,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": positions,
        "textfont": {"color": _FELT, "size": 12},
        "marker": {
            "symbol": "circle",
            "size": 15,
            "color": _FELT_FILL,
            "line": {"width": 1.5, "color": _FELT},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


#: Candidates closer than this (figure units, percent of height) to a better-ranked one on the
#: same view are crowded: a small marker with the number beside it, not under its neighbour.
_CROWDED = 2.8


def _candidate_size(rank: int) -> float:
    # The first source is the biggest; sizes shrink by rank and stop where two digits still fit.
    return max(14.0, 22.0 - 1.5 * (rank - 1))


#: Where a number beside its marker sits, as an offset in figure units, by text position.
_BESIDE: dict[str, tuple[float, float]] = {
    "middle right": (1.8, 0.0),
    "middle left": (-1.8, 0.0),
    "top center": (0.0, 1.6),
    "bottom center": (0.0, -1.6),
}


def _beside(
    here: tuple[float, float],
    taken: Sequence[tuple[float, float]],
    offsets: dict[str, tuple[float, float]] = _BESIDE,
) -> str:
    """Where a label beside a marker goes: the side farthest from what is already drawn.

    ``taken`` holds the markers and labels placed so far; ``offsets`` the middle of the label
    relative to its marker, by text position (the first wins a tie).
    """

    def room(position: str) -> float:
        dx, dy = offsets[position]
        spot = (here[0] + dx, here[1] + dy)
        return min((math.dist(spot, other) for other in taken), default=math.inf)

    return max(offsets, key=room)


def _candidate_trace(
    atlas: Atlas, candidates: Sequence[Candidate], focus_rank: int | None
) -> dict[str, Any]:
    """Numbered markers for the candidate sources, best first, sized by rank.

    A candidate crowded by a better-ranked one gets a small marker with its number beside it,
    where it has the most room, so no number hides under another marker.
    """
    x, y, text, hover, customdata, sizes, symbols, opacity, ring = ([] for _ in range(9))
    positions, text_colours, colours = [], [], []
    taken: list[tuple[float, float]] = []
    nodes = [(c.region.id, c.region.side) for c in candidates]
    for index, _, (px, py) in _markers(atlas, nodes):
        candidate = candidates[index]
        focused = focus_rank is None or candidate.rank == focus_rank
        lines = ", ".join(atlas.line(line_id).abbreviation for line_id in candidate.lines)
        how = f"along {lines}" if lines else "by trigger-point referral only"
        label = _node_label(atlas.region(candidate.region.id), candidate.region.side)
        neighbour = min(
            ((qx, qy) for qx, qy in zip(x, y, strict=True)),
            key=lambda q: math.dist(q, (px, py)),
            default=None,
        )
        crowded = neighbour is not None and math.dist(neighbour, (px, py)) < _CROWDED
        size = 9.0 if crowded else _candidate_size(candidate.rank)
        x.append(px)
        y.append(py)
        text.append(str(candidate.rank))
        customdata.append([candidate.region.id, candidate.region.side])
        hover.append(f"<b>#{candidate.rank} {label}</b><br>linked by the model {how}")
        sizes.append(size + (4 if candidate.rank == focus_rank else 0))
        symbols.append("circle" if candidate.mechanism == "fascial-line" else "diamond")
        opacity.append(1.0 if focused else 0.9)
        ring.append(_FOCUS_RING if candidate.rank == focus_rank else "white")
        position = _beside((px, py), taken) if crowded else "middle center"
        positions.append(position)
        taken.append((px, py))
        if crowded:
            dx, dy = _BESIDE[position]
            taken.append((px + dx, py + dy))
        text_colours.append(_CANDIDATE if crowded else "white")
        # Dimmed by a lighter colour, not by transparency alone: a "felt here" disc under a
        # dimmed candidate must not show through its number.
        colours.append(_CANDIDATE if focused else _CANDIDATE_DIM)
    return {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": hover,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": positions,
        "textfont": {"color": text_colours, "size": 11},
        "marker": {
            "symbol": symbols,
            "size": sizes,
            "color": colours,
            "opacity": opacity,
            "line": {"width": 2, "color": ring},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _selected_trace(
    atlas: Atlas, region: NodeKey | None, avoid: Sequence[tuple[float, float]] = ()
) -> dict[str, Any]:
    """A square around the selected node, named beside it where the other marks leave room."""
    nodes = [region] if region is not None else []
    x, y, text, customdata, positions = [], [], [], [], []
    for _, node, (px, py) in _markers(atlas, nodes):
        label = _node_label(atlas.region(node[0]), node[1])
        # The middle of the label: about a third of a figure unit per character at 12 px.
        reach = 2.0 + 0.36 * len(label)
        outward = 1.0 if px >= _view_centre(px) else -1.0
        offsets = {
            "middle right" if outward > 0 else "middle left": (outward * reach, 0.0),
            "middle left" if outward > 0 else "middle right": (-outward * reach, 0.0),
            "bottom center": (0.0, -2.6),
            "top center": (0.0, 2.6),
        }
        x.append(px)
        y.append(py)
        text.append(label)
        customdata.append(list(node))
        positions.append(_beside((px, py), avoid, offsets) if avoid else "bottom center")
    return {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": text,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": positions,
        "textfont": {"color": _SELECTED, "size": 12},
        "marker": {
            "symbol": "square-open",
            "size": 18,
            "color": _SELECTED,
            "line": {"width": 2.5, "color": _SELECTED},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _overlay(
    atlas: Atlas,
    *,
    trace: Trace | None,
    focus_rank: int | None,
    line: str | None,
    region: NodeKey | None,
) -> list[dict[str, Any]]:
    """The properties of every overlay trace, in overlay order, for one state of the view."""
    styles = line_styles(atlas)
    groups: dict[_PathGroup, _Polyline] = {}
    arrows = _Marks.empty()
    longest: dict[View, tuple[float, int]] = {}
    if line is not None:
        style = styles[atlas.line(line).id]  # KeyError for an unknown line: callers validate
        for start, end, edge in _steps_of_line(atlas, line):
            text = _step_text(atlas, line, edge["step"][0], edge["step"][1], edge)
            poly = groups.setdefault(_PathGroup(True, line, edge["evidence"]), _Polyline.empty())
            for view, a, b in _segments(atlas, [(start, end)]):
                poly.add(a, b)
                length = math.dist(a, b)
                if length > longest.get(view, (0.0, -1))[0]:
                    longest[view] = (length, len(arrows.x))
                # Hover targets; the line's symbol shows once per view, as on the base, so it
                # is not mistaken for arrows (a line has no direction).
                arrows.add(
                    a, b, text, colour=style.colour, symbol=style.symbol, size=9, opacity=0.0
                )
        for _, index in longest.values():
            arrows.opacity[index] = 1.0
    felt: list[NodeKey] = []
    candidates: Sequence[Candidate] = ()
    if trace is not None:
        felt = [(ref.id, ref.side) for ref in trace.felt_at]
        # The diagram marks the first few; the ranked list beside it holds them all.
        candidates = [
            c for c in trace.candidates if c.rank <= MARKED_CANDIDATES or c.rank == focus_rank
        ]
        for candidate in candidates:
            bright = focus_rank is None or candidate.rank == focus_rank
            for path in candidate.paths:
                _add_path(atlas, path, bright, groups, arrows)
    candidate_nodes = [(c.region.id, c.region.side) for c in candidates]
    candidate_places = [place for *_, place in _markers(atlas, candidate_nodes)]
    felt_places = [place for *_, place in _markers(atlas, felt)]
    felt_props = _felt_trace(atlas, felt, avoid=candidate_places)
    felt_labels = [
        (x + (_FELT_LABEL_REACH if position == "middle right" else -_FELT_LABEL_REACH), y)
        for x, y, text, position in zip(
            felt_props["x"],
            felt_props["y"],
            felt_props["text"],
            felt_props["textposition"],
            strict=True,
        )
        if text
    ]
    trigger_lines, trigger_arrows = _trigger_trace(atlas, candidates, focus_rank)
    arrows.extend(trigger_arrows)
    return [
        *_path_traces(groups, styles),
        trigger_lines,
        arrows.props(),
        felt_props,
        _candidate_trace(atlas, candidates, focus_rank),
        _selected_trace(atlas, region, avoid=[*candidate_places, *felt_places, *felt_labels]),
    ]


def _base_opacity(atlas: Atlas, active: bool) -> dict[int, dict[str, Any]]:
    """Opacity of every base layer the overlay dims, by trace index."""
    groups, lines = len(_line_groups(atlas)), len(atlas.lines)
    updates = {i: {"opacity": _BASE_OPACITY["lines"][active]} for i in range(groups)}
    for i in range(groups, groups + lines):
        updates[i] = {"opacity": _BASE_OPACITY["steps"][active]}
    updates[overlay_start(atlas) - 1] = {"opacity": _BASE_OPACITY["regions"][active]}
    return updates


def _updates(
    atlas: Atlas,
    *,
    trace: Trace | None,
    focus_rank: int | None,
    line: str | None,
    region: NodeKey | None,
) -> dict[int, dict[str, Any]]:
    """Every trace property that depends on the view's state, by trace index."""
    active = trace is not None or line is not None or region is not None
    updates = _base_opacity(atlas, active)
    start = overlay_start(atlas)
    props = _overlay(atlas, trace=trace, focus_rank=focus_rank, line=line, region=region)
    updates.update({start + offset: values for offset, values in enumerate(props)})
    return updates


def overlay_patch(
    atlas: Atlas,
    *,
    trace: Trace | None = None,
    focus_rank: int | None = None,
    line: str | None = None,
    region: NodeKey | None = None,
) -> dash.Patch:
    """A patch of the overlay traces of :func:`base_figure` for one state of the view.

    Parameters
    ----------
    atlas : Atlas
        The atlas the base figure was built from.
    trace : Trace, optional
        Marks where the symptom is felt, the candidate sources (sized by rank, numbered) and
        the best path of each along its line, from the source to where it is felt.
    focus_rank : int, optional
        Emphasises this candidate's paths and marker and dims the others.
    line : str, optional
        A line id: the whole line, both sides, highlighted.
    region : NodeKey, optional
        A node ``(region_id, side)`` marked as selected.

    Returns
    -------
    dash.Patch
        Assigns every overlay trace (so all ``None`` clears the overlay) and the opacity of the
        base layers, which recede while an overlay is shown; nothing else of the figure.
    """
    patch = dash.Patch()
    updates = _updates(atlas, trace=trace, focus_rank=focus_rank, line=line, region=region)
    for index, values in updates.items():
        for key, value in values.items():
            patch["data"][index][key] = value
    return patch


def overlay_figure(
    atlas: Atlas,
    *,
    trace: Trace | None = None,
    focus_rank: int | None = None,
    line: str | None = None,
    region: NodeKey | None = None,
) -> go.Figure:
    """The base figure with the overlay of :func:`overlay_patch` applied: for tests and print."""
    fig = base_figure(atlas)
    updates = _updates(atlas, trace=trace, focus_rank=focus_rank, line=line, region=region)
    for index, values in updates.items():
        fig.data[index].update(values)
    return fig


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
