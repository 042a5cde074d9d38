"""The overlay: what one view state adds to the base figure, sent as a :class:`dash.Patch`.

The base figure (:mod:`.base`) ends with empty overlay traces; :func:`overlay_patch` fills
them by index (the highlighted paths in its path slots, then the marks of :mod:`.markers`) and
sets the base layers' opacity, so an interaction never re-sends the body.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dash
import plotly.graph_objects as go

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.graph import NodeKey
from fascialines.web.figure import geometry, tracks, zones
from fascialines.web.figure.base import (
    DEEP_WIDTH,
    PATH_SLOTS,
    base_figure,
    deep_colour,
    edge_text,
    graph_of,
    line_groups,
    overlay_start,
)
from fascialines.web.figure.geometry import View
from fascialines.web.figure.labels import Board, Box, smallest_scale, text_box
from fascialines.web.figure.markers import (
    candidate_trace,
    felt_trace,
    leader_trace,
    selected_trace,
    trigger_trace,
)
from fascialines.web.figure.patches import tissue_trace
from fascialines.web.figure.strokes import Marks, Polyline
from fascialines.web.theme import (
    ARROW,
    BASE_OPACITY,
    EVIDENCE_DASH,
    MARKED_CANDIDATES,
    LineStyle,
    line_styles,
)
from fascialines.web.wording import EVIDENCE_HOVER

if TYPE_CHECKING:
    from fascialines.tracing import Candidate, LinePath, Trace

__all__ = ["annotation_boxes", "overlay_figure", "overlay_patch", "phone_scale", "upper_patch"]

#: How far a chosen deep line's colour goes towards the body's fill: a third, so it still stands
#: out while it says "deep" (the base figure's faint lines go half way).
DEEP_SHARE = 1 / 3


@dataclass(frozen=True)
class _PathGroup:
    bright: bool
    line: str
    grade: str
    #: Drawn along a deep route: paler and thinner, as on the base (base.deep_colour).
    deep: bool = False


def _steps_of_line(atlas: Atlas, line_id: str) -> list[tuple[NodeKey, NodeKey, dict[str, Any]]]:
    graph = graph_of(atlas)
    steps = []
    for u, v, edge in graph.edges(data=True):
        if edge["line"] != line_id:
            continue
        start = u if u[0] == edge["step"][0] else v
        steps.append((start, v if start == u else u, edge))
    return steps


def _path_traces(
    groups: dict[_PathGroup, Polyline], styles: dict[str, LineStyle]
) -> list[dict[str, Any]]:
    """Fill the path slots, dim groups first so the emphasised ones are drawn on top."""
    if len(groups) > PATH_SLOTS:
        # More groups than slots: draw each line's steps at its weakest grade instead.
        merged: dict[_PathGroup, Polyline] = {}
        for group, poly in sorted(groups.items(), key=lambda item: EVIDENCE_ORDER[item[0].grade]):
            key = next(
                (
                    k
                    for k in merged
                    if (k.bright, k.line, k.deep) == (group.bright, group.line, group.deep)
                ),
                group,
            )
            merged.setdefault(key, Polyline.empty()).extend(poly)
        groups = merged
    line_order = {line_id: index for index, line_id in enumerate(styles)}
    ordered = sorted(groups, key=lambda g: (g.bright, line_order[g.line], -EVIDENCE_ORDER[g.grade]))
    traces = []
    for group in ordered[:PATH_SLOTS]:
        style, poly = styles[group.line], groups[group]
        dash_style = EVIDENCE_DASH[group.grade]
        width = 3.5 if group.bright else 2
        traces.append(
            {
                "x": poly.x,
                "y": poly.y,
                "line": {
                    "color": deep_colour(style.colour, DEEP_SHARE) if group.deep else style.colour,
                    "width": width * DEEP_WIDTH if group.deep else width,
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
    groups: dict[_PathGroup, Polyline],
    arrows: Marks,
) -> None:
    line = atlas.line(path.line)
    colour = line_styles(atlas)[path.line].colour
    for step in path.steps:
        start, end = (step.start.id, step.start.side), (step.end.id, step.end.side)
        basis = " (line-level rating)" if step.evidence_basis == "line" else ""
        text = (
            f"<b>{line.abbreviation}</b> {step.start.name} → {step.end.name}<br>"
            f"{EVIDENCE_HOVER[step.evidence]}{basis}<br>"
            f"<i>sources: {', '.join(step.sources)}</i>"
        )
        # Along the line's chart route (.tracks), in the path's direction.
        edge = tracks.step_edge(atlas, path.line, start, end)
        if edge is None:
            continue  # not a step of this line in this atlas: nothing to draw
        for curve in tracks.edge_curves(atlas, edge):
            group = _PathGroup(bright, path.line, step.evidence, curve.deep)
            points = curve.points if edge.start == start else curve.points[::-1]
            groups.setdefault(group, Polyline.empty()).add_curve(points)
            a, b = tracks.middle(points)
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
    groups: dict[_PathGroup, Polyline] = {}
    arrows = Marks.empty()
    longest: dict[View, tuple[float, int]] = {}
    if line is not None:
        style = styles[atlas.line(line).id]  # KeyError for an unknown line: callers validate
        for edge in tracks.line_edges(atlas, line):
            text = edge_text(atlas, edge)
            for curve in tracks.edge_curves(atlas, edge):
                group = _PathGroup(True, line, edge.evidence.value, curve.deep)
                groups.setdefault(group, Polyline.empty()).add_curve(curve.points)
                a, b = tracks.middle(curve.points)
                length = math.dist(curve.points[0], curve.points[-1])
                if length > longest.get(curve.view, (0.0, -1))[0]:
                    longest[curve.view] = (length, len(arrows.x))
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
    lit = [(c.region.id, c.region.side) for c in candidates if c.rank == focus_rank] + (
        [region] if region is not None else []
    )
    # Marks are laid down in order (see .markers): what never moves first, then the rest.
    board = Board(phone_scale(atlas))
    shown = zones.picture(atlas, candidates, focus_rank, region, board.scale)
    board.add_all(annotation_boxes(atlas, board.scale))
    crosses = zones.cross_trace(shown, board)
    candidate_places = [
        place
        for *_, place in geometry.markers(atlas, [(c.region.id, c.region.side) for c in candidates])
    ]
    shaded = zones.zone_boxes(atlas, shown)
    felt_props = felt_trace(atlas, felt, board, avoid=candidate_places, shaded=shaded)
    candidate_props, leaders = candidate_trace(atlas, candidates, focus_rank, board)
    # A focused candidate's zones show where its trigger points refer: its links would only
    # cross them.
    linked = () if shown.shown and focus_rank is not None else candidates
    trigger_lines, trigger_arrows = trigger_trace(atlas, linked, focus_rank)
    arrows.extend(trigger_arrows)
    return [
        *_path_traces(groups, styles),
        _or_cleared(tissue_trace(atlas, list(dict.fromkeys(lit)))),
        _or_cleared(zones.spillover_trace(atlas, shown)),
        _or_cleared(zones.essential_trace(atlas, shown)),
        trigger_lines,
        arrows.props(),
        _or_cleared(leader_trace(leaders)),
        felt_props,
        candidate_props,
        selected_trace(atlas, region, board),
        _or_cleared(crosses),
    ]


def _or_cleared(props: dict[str, Any]) -> dict[str, Any]:
    # An empty trace draws nothing whatever its style: its points alone keep the patch small.
    return props if props["x"] else {"x": [], "y": []}


def _base_layout(atlas: Atlas) -> dict[str, Any]:
    """What placement reads of the base figure's layout, cached per atlas."""
    cache = atlas.__dict__
    if "_figure_placement" not in cache:
        layout = base_figure(atlas).layout
        cache["_figure_placement"] = {
            "annotations": [((a.x, a.y), a.text, a.font.size) for a in layout.annotations],
            "x_range": tuple(layout.xaxis.range),
            "y_range": tuple(layout.yaxis.range),
        }
    result: dict[str, Any] = cache["_figure_placement"]
    return result


def phone_scale(atlas: Atlas) -> float:
    """Pixels per figure unit of this atlas's figure on a phone, from its axis ranges."""
    layout = _base_layout(atlas)
    return smallest_scale(layout["x_range"], layout["y_range"])


def annotation_boxes(atlas: Atlas, scale: float) -> list[Box]:
    """The boxes of the base figure's fixed words (view titles, L and R) at a scale.

    Read from the base figure itself, so they follow wherever it puts them.
    """
    return [
        text_box(place, text, size, "middle center", scale)
        for place, text, size in _base_layout(atlas)["annotations"]
    ]


def _base_opacity(atlas: Atlas, active: bool) -> dict[int, dict[str, Any]]:
    """Opacity of every base layer the overlay dims, by trace index."""
    groups, lines = len(line_groups(atlas)), len(atlas.lines)
    updates = {i: {"opacity": BASE_OPACITY["lines"][active]} for i in range(groups)}
    for i in range(groups, groups + lines + 1):  # the step targets, then the symbols
        updates[i] = {"opacity": BASE_OPACITY["steps"][active]}
    # The regions' dots (.region_marks); their targets draw nothing.
    updates[overlay_start(atlas) - 2] = {"opacity": BASE_OPACITY["regions"][active]}
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


def upper_patch(
    atlas: Atlas,
    *,
    trace: Trace | None = None,
    focus_rank: int | None = None,
    line: str | None = None,
    region: NodeKey | None = None,
) -> dash.Patch:
    """The :func:`overlay_patch` of the upper layer alone (see :func:`.base.split_layers`).

    The lower layer is never patched: while an overlay is shown it recedes by a CSS class
    (``views/diagram.py``), so plotly never redraws it.
    """
    offset = overlay_start(atlas)
    patch = dash.Patch()
    updates = _updates(atlas, trace=trace, focus_rank=focus_rank, line=line, region=region)
    for index, values in updates.items():
        if index < offset:
            continue
        for key, value in values.items():
            patch["data"][index - offset][key] = value
    return patch
