"""Trigger points as Travell and Simons draw them: an X where the trigger point lies, and its
referral zone shaded, solid red where essential and stippled red where spillover.

Shown for the focused candidate of a trace when trigger-point referral links it to where it is
felt (every pattern that links it, whole: all of each pattern's zones, not only the felt ones),
and for a selected muscle that has patterns (the region explorer). A zone is the soft patch of
its area (:mod:`.patches`) on each view where the area has its own point (the side view too,
for the right and midline areas it shows), on the muscle's side
(a midline muscle refers to both sides, as :func:`fascialines.graph.build_graph` has it); a
zone essential in one pattern and spillover in another is drawn essential. The X sits at the
pattern's :class:`~fascialines.atlas.TriggerPointSite`, on the views where the site is given
(the front and the back)
(trigger points of several patterns closer together than an X is wide merge into one X).

Red is the colour of pain on the chart, and only of pain; the X is ink. A small key between the
two views' legs says what X, solid and dots mean, whenever they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from fascialines.atlas import Atlas, ReferralPattern
from fascialines.graph import NodeKey
from fascialines.web import theme
from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import Side
from fascialines.web.figure.labels import (
    MARGIN_PX,
    Board,
    Box,
    marker_box,
    smallest_scale,
    text_box,
)
from fascialines.web.figure.patches import patch_polygons

if TYPE_CHECKING:
    from fascialines.tracing import Candidate

__all__ = [
    "CROSS_SIZE",
    "ESSENTIAL_FILL",
    "KEY_FONT",
    "KEY_LABELS",
    "SPILLOVER_PATTERN",
    "TriggerPicture",
    "cross_trace",
    "essential_trace",
    "picture",
    "spillover_trace",
    "zone_boxes",
]

#: Solid red, as Travell and Simons fill an essential zone; translucent enough that the body's
#: outline and the line drawn under it still show.
ESSENTIAL_FILL = "rgba(192, 21, 47, 0.62)"
#: Red dots, as they stipple a spillover zone (plotly's scatter ``fillpattern``).
SPILLOVER_PATTERN: dict[str, Any] = {
    "shape": ".",
    "fgcolor": theme.FELT,
    "bgcolor": "rgba(192, 21, 47, 0.06)",
    "size": 5,
    "solidity": 0.5,
}
#: The X's size in pixels, outline included.
CROSS_SIZE = 11.0
_CROSS_OUTLINE = 1.0
KEY_FONT = 11.0
#: The key's three entries, top to bottom.
KEY_LABELS = ("trigger point", "essential zone", "spillover zone")
# Where the key sits: between the two views, beside the legs and under the hands, where no
# region lies (figure units).
_KEY_X = 14.0
_KEY_TOP = 14.0
_KEY_STEP = 4.2
_KEY_SWATCH = 1.3


@dataclass(frozen=True)
class TriggerPicture:
    """What the chart draws of trigger points for one view state."""

    #: Where each X goes, in figure coordinates (close ones merged).
    crosses: tuple[tuple[float, float], ...]
    essential: tuple[NodeKey, ...]
    spillover: tuple[NodeKey, ...]

    @property
    def shown(self) -> bool:
        return bool(self.crosses or self.essential or self.spillover)


def _patterns(
    atlas: Atlas,
    candidates: Sequence[Candidate],
    focus_rank: int | None,
    region: NodeKey | None,
) -> list[tuple[ReferralPattern, NodeKey]]:
    """The patterns to draw, each with the muscle node it is drawn for."""
    by_id = {pattern.id: pattern for pattern in atlas.referral_patterns}
    chosen: dict[tuple[str, NodeKey], ReferralPattern] = {}
    if focus_rank is not None:
        for candidate in candidates:
            if candidate.rank != focus_rank:
                continue
            for link in candidate.trigger_points:
                muscle = (link.muscle.id, link.muscle.side)
                chosen.setdefault((link.pattern, muscle), by_id[link.pattern])
    if not chosen and region is not None:
        for pattern in atlas.referral_patterns:
            if pattern.muscle == region[0]:
                chosen[pattern.id, region] = pattern
    return [(pattern, muscle) for (_, muscle), pattern in chosen.items()]


def picture(
    atlas: Atlas,
    candidates: Sequence[Candidate],
    focus_rank: int | None,
    region: NodeKey | None,
    scale: float | None = None,
) -> TriggerPicture:
    """The crosses and zones for a focused candidate, else for a selected muscle, else none.

    ``scale`` (pixels per figure unit, :func:`.labels.smallest_scale` by default) sets how
    close two crosses may be before they merge.
    """
    crosses: list[tuple[float, float]] = []
    essential: dict[NodeKey, None] = {}
    spillover: dict[NodeKey, None] = {}
    for pattern, muscle in _patterns(atlas, candidates, focus_rank, region):
        muscle_region = atlas.region(muscle[0])
        site = pattern.trigger_point
        for view in geometry.VIEWS:
            point = None
            if site is not None:
                point = site.front if view == "front" else site.back
            if point is None:
                continue
            place = geometry.figure_xy(
                point, view=view, side=cast(Side, muscle[1]), body_area=muscle_region.body_area
            )
            crosses.append(place)
        sides = ("left", "right") if muscle[1] == "midline" else (muscle[1],)
        for zone, target in (("essential", essential), ("spillover", spillover)):
            for area_id in getattr(pattern, zone):
                area = atlas.region(area_id)
                for side in sides:
                    target[(area.id, "midline" if area.laterality == "midline" else side)] = None
    return TriggerPicture(
        crosses=_merged(
            crosses,
            (CROSS_SIZE + 2 * _CROSS_OUTLINE + 2 * MARGIN_PX) / (scale or smallest_scale()),
        ),
        essential=tuple(essential),
        spillover=tuple(node for node in spillover if node not in essential),
    )


def _merged(places: Sequence[tuple[float, float]], reach: float) -> tuple[tuple[float, float], ...]:
    """Crosses closer than ``reach`` merged into one at their mean, so no two X overlap.

    Two patterns of one muscle often have their trigger points a finger's width apart (the
    two heads of sternocleidomastoid); on a phone their X would be drawn on top of each other.
    """
    groups = [[place] for place in places]
    merged = True
    while merged:  # until no two groups' means are closer than ``reach``: at most n rounds
        merged = False
        means = [_mean(group) for group in groups]
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                (xi, yi), (xj, yj) = means[i], means[j]
                if abs(xi - xj) < reach and abs(yi - yj) < reach:
                    groups[i] += groups.pop(j)
                    merged = True
                    break
            if merged:
                break
    return tuple(_mean(group) for group in groups)


def _mean(group: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(sum(p[0] for p in group) / len(group), 2),
        round(sum(p[1] for p in group) / len(group), 2),
    )


def _swatch(centre: tuple[float, float]) -> list[tuple[float, float]]:
    x, y, h = centre[0], centre[1], _KEY_SWATCH
    return [(x - h, y - h), (x + h, y - h), (x + h, y + h), (x - h, y + h), (x - h, y - h)]


def _key_rows() -> list[tuple[float, float]]:
    return [(_KEY_X, _KEY_TOP - row * _KEY_STEP) for row in range(len(KEY_LABELS))]


def _zone_trace(
    atlas: Atlas, nodes: Sequence[NodeKey], key_row: tuple[float, float] | None
) -> tuple[list[float | None], list[float | None]]:
    xs, ys = patch_polygons(atlas, list(nodes), zone=True)
    if key_row is not None:
        for x, y in _swatch(key_row):
            xs.append(x)
            ys.append(y)
        xs.append(None)
        ys.append(None)
    return xs, ys


def essential_trace(atlas: Atlas, shown: TriggerPicture) -> dict[str, Any]:
    """The essential zones, solid red (and the key's solid swatch)."""
    key = _key_rows()[1] if shown.shown else None
    xs, ys = _zone_trace(atlas, shown.essential, key)
    return {
        "x": xs,
        "y": ys,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": ESSENTIAL_FILL,
        "line": {"color": theme.FELT, "width": 0.8},
        "hoverinfo": "skip",
    }


def spillover_trace(atlas: Atlas, shown: TriggerPicture) -> dict[str, Any]:
    """The spillover zones, stippled red (and the key's stippled swatch)."""
    key = _key_rows()[2] if shown.shown else None
    xs, ys = _zone_trace(atlas, shown.spillover, key)
    return {
        "x": xs,
        "y": ys,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": SPILLOVER_PATTERN["bgcolor"],
        "fillpattern": SPILLOVER_PATTERN,
        "line": {"color": "rgba(192, 21, 47, 0.45)", "width": 0.6},
        "hoverinfo": "skip",
    }


def cross_trace(shown: TriggerPicture, board: Board) -> dict[str, Any]:
    """The X at each trigger point, the key's X and the key's words; laid on the ``board``.

    The key's words are text on invisible markers to the right of the swatches.
    """
    x: list[float] = []
    y: list[float] = []
    sizes: list[float] = []
    text: list[str] = []
    for place in shown.crosses:
        x.append(place[0])
        y.append(place[1])
        sizes.append(CROSS_SIZE)
        text.append("")
        board.add(marker_box(place, CROSS_SIZE + _CROSS_OUTLINE, board.scale))
    if shown.shown:
        rows = _key_rows()
        x.append(rows[0][0])
        y.append(rows[0][1])
        sizes.append(CROSS_SIZE)
        text.append("")
        board.add(marker_box(rows[0], CROSS_SIZE + _CROSS_OUTLINE, board.scale))
        for row, label in zip(rows, KEY_LABELS, strict=True):
            anchor = (row[0] + 2 * _KEY_SWATCH, row[1])
            x.append(anchor[0])
            y.append(anchor[1])
            sizes.append(0.0)
            text.append(label)
            board.add(text_box(anchor, label, KEY_FONT, "middle right", board.scale))
            board.add(_swatch_box(row))
    return {
        "x": x,
        "y": y,
        "text": text,
        "mode": "markers+text",
        "textposition": "middle right",
        "textfont": {"color": theme.INK, "size": KEY_FONT},
        "marker": {
            "symbol": "x",
            "size": sizes,
            "color": theme.SELECTED,
            "line": {"width": _CROSS_OUTLINE, "color": "white"},
        },
        "hoverinfo": "skip",
    }


def zone_boxes(atlas: Atlas, shown: TriggerPicture) -> list[Box]:
    """The bounding box of every zone patch drawn, for labels to keep off."""
    boxes = []
    for nodes in (shown.essential, shown.spillover):
        xs, ys = patch_polygons(atlas, list(nodes), zone=True)
        polygon: list[tuple[float, float]] = []
        for x, y in [*zip(xs, ys, strict=True), (None, None)]:
            if x is None or y is None:
                if polygon:
                    boxes.append(
                        Box(
                            min(p[0] for p in polygon),
                            min(p[1] for p in polygon),
                            max(p[0] for p in polygon),
                            max(p[1] for p in polygon),
                        )
                    )
                polygon = []
            else:
                polygon.append((x, y))
    return boxes


def _swatch_box(centre: tuple[float, float]) -> Box:
    h = _KEY_SWATCH
    return Box(centre[0] - h, centre[1] - h, centre[0] + h, centre[1] + h)
