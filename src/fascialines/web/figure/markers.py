"""The overlay's marks: where it is felt, the numbered candidates, the selected region and the
trigger-point links. Each function returns the plotly properties of one overlay trace.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from fascialines.atlas import Atlas
from fascialines.graph import NodeKey
from fascialines.web import theme
from fascialines.web.figure import geometry
from fascialines.web.figure.base import node_label
from fascialines.web.figure.labels import (
    BESIDE,
    CROWDED,
    beside,
    felt_label_spots,
    name_offsets,
)
from fascialines.web.figure.strokes import Marks, Polyline

if TYPE_CHECKING:
    from fascialines.tracing import Candidate

__all__ = ["candidate_trace", "felt_trace", "selected_trace", "trigger_trace"]


def trigger_trace(
    atlas: Atlas, candidates: Sequence[Candidate], focus_rank: int | None
) -> tuple[dict[str, Any], Marks]:
    """Dotted links from a muscle to where its trigger points refer, with their arrows."""
    poly, arrows = Polyline.empty(), Marks.empty()
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
            for _, a, b in geometry.segments(atlas, ends):
                poly.add(a, b)
                # Without a focus many links converge on the felt-at area: faint arrows there,
                # so the candidates' numbers stay readable.
                arrows.add(
                    a,
                    b,
                    text,
                    colour=theme.TRIGGER,
                    symbol=theme.ARROW,
                    size=8 if focus_rank is not None else 6,
                    opacity=1.0 if focus_rank is not None else 0.5,
                    oriented=True,
                )
    props = {
        "x": poly.x,
        "y": poly.y,
        "mode": "lines",
        "line": {
            "color": theme.TRIGGER,
            "width": 1.5 if focus_rank is not None else 1.0,
            "dash": "dot",
        },
        "hoverinfo": "skip",
    }
    return props, arrows


def felt_trace(
    atlas: Atlas, felt: Sequence[NodeKey], avoid: Sequence[tuple[float, float]] = ()
) -> dict[str, Any]:
    """Soft red discs where the symptom is felt, and one "felt here" label per view.

    The discs are translucent: where several felt-at nodes crowd together (a headache covers
    much of the head) they merge into one marked area instead of a pile of rings, and the
    candidate numbers drawn over them stay readable. The label goes beside the disc where it
    is farthest from the candidates (``avoid``) and the other discs; outward on a tie.
    """
    x, y, hover, customdata = [], [], [], []
    for _, node, (px, py) in geometry.markers(atlas, felt):
        x.append(px)
        y.append(py)
        customdata.append(list(node))
        hover.append(f"<b>felt here</b>: {node_label(atlas.region(node[0]), node[1])}")
    text, positions = [""] * len(x), ["middle right"] * len(x)
    for index, position in felt_label_spots(list(zip(x, y, strict=True)), avoid).items():
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
        "textfont": {"color": theme.FELT, "size": 12},
        "marker": {
            "symbol": "circle",
            "size": 15,
            "color": theme.FELT_FILL,
            "line": {"width": 1.5, "color": theme.FELT},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _candidate_size(rank: int) -> float:
    # The first source is the biggest; sizes shrink by rank and stop where two digits still fit.
    return max(14.0, 22.0 - 1.5 * (rank - 1))


def candidate_trace(
    atlas: Atlas, candidates: Sequence[Candidate], focus_rank: int | None
) -> dict[str, Any]:
    """Numbered markers for the candidate sources, best first, sized by rank.

    A candidate crowded by a better-ranked one gets a small marker with its number beside it,
    where it has the most room, so no number hides under another marker.
    """
    x: list[float] = []
    y: list[float] = []
    sizes: list[float] = []
    opacity: list[float] = []
    text: list[str] = []
    hover: list[str] = []
    symbols: list[str] = []
    ring: list[str] = []
    positions: list[str] = []
    text_colours: list[str] = []
    colours: list[str] = []
    customdata: list[list[str]] = []
    taken: list[tuple[float, float]] = []
    nodes = [(c.region.id, c.region.side) for c in candidates]
    for index, _, (px, py) in geometry.markers(atlas, nodes):
        candidate = candidates[index]
        focused = focus_rank is None or candidate.rank == focus_rank
        lines = ", ".join(atlas.line(line_id).abbreviation for line_id in candidate.lines)
        how = f"along {lines}" if lines else "by trigger-point referral only"
        label = node_label(atlas.region(candidate.region.id), candidate.region.side)
        neighbour = min(
            ((qx, qy) for qx, qy in zip(x, y, strict=True)),
            key=lambda q: math.dist(q, (px, py)),
            default=None,
        )
        crowded = neighbour is not None and math.dist(neighbour, (px, py)) < CROWDED
        size = 9.0 if crowded else _candidate_size(candidate.rank)
        x.append(px)
        y.append(py)
        text.append(str(candidate.rank))
        customdata.append([candidate.region.id, candidate.region.side])
        hover.append(f"<b>#{candidate.rank} {label}</b><br>linked by the model {how}")
        sizes.append(size + (4 if candidate.rank == focus_rank else 0))
        symbols.append("circle" if candidate.mechanism == "fascial-line" else "diamond")
        opacity.append(1.0 if focused else 0.9)
        ring.append(theme.FOCUS_RING if candidate.rank == focus_rank else "white")
        position = beside((px, py), taken) if crowded else "middle center"
        positions.append(position)
        taken.append((px, py))
        if crowded:
            dx, dy = BESIDE[position]
            taken.append((px + dx, py + dy))
        text_colours.append(theme.CANDIDATE if crowded else "white")
        # Dimmed by a lighter colour, not by transparency alone: a "felt here" disc under a
        # dimmed candidate must not show through its number.
        colours.append(theme.CANDIDATE if focused else theme.CANDIDATE_DIM)
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


def selected_trace(
    atlas: Atlas, region: NodeKey | None, avoid: Sequence[tuple[float, float]] = ()
) -> dict[str, Any]:
    """A square around the selected node, named beside it where the other marks leave room."""
    nodes = [region] if region is not None else []
    x, y, text, customdata, positions = [], [], [], [], []
    for _, node, (px, py) in geometry.markers(atlas, nodes):
        label = node_label(atlas.region(node[0]), node[1])
        offsets = name_offsets(label, px)
        x.append(px)
        y.append(py)
        text.append(label)
        customdata.append(list(node))
        positions.append(beside((px, py), avoid, offsets) if avoid else "bottom center")
    return {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": text,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": positions,
        "textfont": {"color": theme.SELECTED, "size": 12},
        "marker": {
            "symbol": "square-open",
            "size": 18,
            "color": theme.SELECTED,
            "line": {"width": 2.5, "color": theme.SELECTED},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
