"""The overlay's marks: where it is felt, the numbered candidates, the selected region and the
trigger-point links. Each function returns the plotly properties of one overlay trace.

Marks are placed on a :class:`.labels.Board` in a fixed order, so none hides another: what
cannot move first (the discs where it is felt), then the "felt here" label, then the
candidates best first (moved off their place, with a leader line, where their place is taken),
then the selected region's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from fascialines.atlas import Atlas
from fascialines.graph import NodeKey
from fascialines.web import theme
from fascialines.web.figure import geometry
from fascialines.web.figure.base import node_label
from fascialines.web.figure.labels import Board, Box, marker_box, text_box
from fascialines.web.figure.strokes import Marks, Polyline

if TYPE_CHECKING:
    from fascialines.tracing import Candidate

__all__ = [
    "CANDIDATE_FONT",
    "FELT_FONT",
    "FELT_SIZE",
    "candidate_size",
    "candidate_trace",
    "felt_trace",
    "leader_trace",
    "selected_trace",
    "trigger_trace",
]

#: A "felt here" disc's diameter and its outline, in pixels; the label's font size.
FELT_SIZE = 15.0
_FELT_OUTLINE = 1.5
FELT_FONT = 12.0
#: The candidates' numbers, in pixels; their markers' outline.
CANDIDATE_FONT = 11.0
_CANDIDATE_OUTLINE = 2.0
_FELT_LABEL = "<b>felt here</b>"
#: Where a label may sit beside its marker, in order of preference.
_POSITIONS = ("middle right", "middle left", "top center", "bottom center")


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
    atlas: Atlas,
    felt: Sequence[NodeKey],
    board: Board,
    avoid: Sequence[tuple[float, float]] = (),
    shaded: Sequence[Box] = (),
) -> dict[str, Any]:
    """Soft red discs where the symptom is felt, and one "felt here" label per view.

    The discs are translucent: where several felt-at nodes crowd together (a headache covers
    much of the head) they merge into one marked area instead of a pile of rings, and the
    candidate numbers drawn over them stay readable. They are laid on the ``board`` as they are
    (they mark a place and never move); the label goes beside one disc of each view, outward
    first, on the first free spot that also keeps clear of the candidates' own places
    (``avoid``), else on the first free spot. The label also keeps off the ``shaded``
    referral zones where it can (red words on a red zone would not read), and while zones are
    shown the discs lose their fill, so the zones under them read as Travell and Simons draw
    them.
    """
    x, y, hover, customdata = [], [], [], []
    for _, node, (px, py) in geometry.markers(atlas, felt):
        x.append(px)
        y.append(py)
        customdata.append(list(node))
        hover.append(f"<b>felt here</b>: {node_label(atlas.region(node[0]), node[1])}")
    size = FELT_SIZE + _FELT_OUTLINE
    board.add_all(marker_box(place, size, board.scale) for place in zip(x, y, strict=True))
    text, positions = [""] * len(x), ["middle right"] * len(x)
    candidates = [marker_box(place, 22.0, board.scale) for place in avoid]
    # Best: clear of the candidates' places and the zones; then of the zones; then of neither.
    wishes: list[Sequence[Box]] = [[*candidates, *shaded], shaded, candidates, []]
    views = sorted({geometry.view_centre(px) for px in x})
    for centre in views:
        discs = [i for i, px in enumerate(x) if geometry.view_centre(px) == centre]
        # Outermost discs first: a label beside them reaches into the empty margin.
        discs.sort(key=lambda i: -abs(x[i] - centre))
        choice = next(
            (spot for wish in wishes if (spot := _label_spot(board, discs, x, y, wish))), None
        )
        if choice is not None:
            index, position, box = choice
            text[index], positions[index] = _FELT_LABEL, position
            board.add(box)
    return {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": hover,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": positions,
        "textfont": {"color": theme.FELT, "size": FELT_FONT},
        "marker": {
            "symbol": "circle",
            "size": FELT_SIZE,
            "color": "rgba(0, 0, 0, 0)" if shaded else theme.FELT_FILL,
            "line": {"width": _FELT_OUTLINE, "color": theme.FELT},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _label_spot(
    board: Board,
    discs: Sequence[int],
    x: Sequence[float],
    y: Sequence[float],
    extra: Sequence[Box] = (),
) -> tuple[int, str, Box] | None:
    for index in discs:
        outward = "middle right" if x[index] >= geometry.view_centre(x[index]) else "middle left"
        for position in (outward, *(p for p in _POSITIONS if p != outward)):
            box = text_box(
                (x[index], y[index]), _FELT_LABEL, FELT_FONT, position, board.scale, FELT_SIZE
            )
            if board.free(box) and not any(box.overlaps(other) for other in extra):
                return index, position, box
    return None


def candidate_size(rank: int) -> float:
    """A candidate marker's diameter in pixels: the first is the biggest, then by rank down to
    the size where two digits still fit."""
    return max(14.0, 20.0 - 1.5 * (rank - 1))


def candidate_trace(
    atlas: Atlas, candidates: Sequence[Candidate], focus_rank: int | None, board: Board
) -> tuple[dict[str, Any], list[tuple[tuple[float, float], tuple[float, float]]]]:
    """Numbered markers for the candidate sources, best first, sized by rank.

    Each marker takes the free spot of the ``board`` nearest its region (the region itself
    when free), its number inside it. Returns the trace's properties and, for every marker
    moved off its region, the (region, marker) pair a leader line joins.
    """
    x: list[float] = []
    y: list[float] = []
    sizes: list[float] = []
    opacity: list[float] = []
    text: list[str] = []
    hover: list[str] = []
    symbols: list[str] = []
    ring: list[str] = []
    colours: list[str] = []
    customdata: list[list[str]] = []
    leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
    nodes = [(c.region.id, c.region.side) for c in candidates]
    for index, _, here in geometry.markers(atlas, nodes):
        candidate = candidates[index]
        focused = focus_rank is None or candidate.rank == focus_rank
        lines = ", ".join(atlas.line(line_id).abbreviation for line_id in candidate.lines)
        how = f"along {lines}" if lines else "by trigger-point referral only"
        label = node_label(atlas.region(candidate.region.id), candidate.region.side)
        size = candidate_size(candidate.rank) + (4 if candidate.rank == focus_rank else 0)
        outer = size + _CANDIDATE_OUTLINE

        def box_at(spot: tuple[float, float], outer: float = outer) -> Box:
            return marker_box(spot, outer, board.scale)

        spot = board.spot(here, box_at)
        board.add(box_at(spot))
        if spot != here:
            leaders.append((here, spot))
        x.append(spot[0])
        y.append(spot[1])
        text.append(str(candidate.rank))
        customdata.append([candidate.region.id, candidate.region.side])
        hover.append(f"<b>#{candidate.rank} {label}</b><br>linked by the model {how}")
        sizes.append(size)
        symbols.append("circle" if candidate.mechanism == "fascial-line" else "diamond")
        opacity.append(1.0 if focused else 0.9)
        ring.append(theme.FOCUS_RING if candidate.rank == focus_rank else "white")
        # Dimmed by a lighter colour, not by transparency alone: a "felt here" disc under a
        # dimmed candidate must not show through its number.
        colours.append(theme.CANDIDATE if focused else theme.CANDIDATE_DIM)
    props = {
        "x": x,
        "y": y,
        "text": text,
        "hovertext": hover,
        "customdata": customdata,
        "mode": "markers+text",
        "textposition": "middle center",
        "textfont": {"color": "white", "size": CANDIDATE_FONT},
        "marker": {
            "symbol": symbols,
            "size": sizes,
            "color": colours,
            "opacity": opacity,
            "line": {"width": _CANDIDATE_OUTLINE, "color": ring},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }
    return props, leaders


def leader_trace(
    leaders: Sequence[tuple[tuple[float, float], tuple[float, float]]],
) -> dict[str, Any]:
    """Thin lines from a region to its candidate's marker where the marker had to move, with a
    small dot on the region itself."""
    x: list[float | None] = []
    y: list[float | None] = []
    for (x0, y0), (x1, y1) in leaders:
        x += [x0, x1, None]
        y += [y0, y1, None]
    return {
        "x": x,
        "y": y,
        "mode": "lines+markers",
        "line": {"color": theme.CANDIDATE, "width": 1},
        "marker": {"size": 4, "color": theme.CANDIDATE},
        "hoverinfo": "skip",
    }


def selected_trace(atlas: Atlas, region: NodeKey | None, board: Board) -> dict[str, Any]:
    """A square around the selected node, named beside it where the other marks leave room."""
    nodes = [region] if region is not None else []
    x, y, text, customdata, positions = [], [], [], [], []
    for _, node, (px, py) in geometry.markers(atlas, nodes):
        label = node_label(atlas.region(node[0]), node[1])
        outward = "middle right" if px >= geometry.view_centre(px) else "middle left"
        order = (outward, *(p for p in _POSITIONS if p != outward))
        boxes = {p: text_box((px, py), label, 12.0, p, board.scale, _SELECTED_SIZE) for p in order}
        # The first free spot; on a crowded phone-sized board, the one that hides least.
        position = next(
            (p for p in order if board.free(boxes[p])),
            min(order, key=lambda p: sum(boxes[p].overlaps(b) for b in board.boxes)),
        )
        board.add(boxes[position])
        x.append(px)
        y.append(py)
        text.append(label)
        customdata.append(list(node))
        positions.append(position)
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
            "size": _SELECTED_SIZE,
            "color": theme.SELECTED,
            "line": {"width": 2.5, "color": theme.SELECTED},
        },
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


_SELECTED_SIZE = 18
