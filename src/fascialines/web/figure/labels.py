"""Label placement on the body diagram: every mark gets a box, and no two boxes overlap.

Markers and text have a fixed size in pixels while the figure scales with the screen: one
figure unit (a percent of height) is about 5 px wide on a wide screen and under 3 px on a
phone. So placement works with boxes measured at the smallest scale the app draws the figure
(:func:`smallest_scale`): what is clear of everything there is clear at every larger width,
where the figure grows and the marks do not.

The rule is one: marks that must stay where they are (the view titles and L/R labels, the
"felt here" discs, trigger-point crosses, a key) are laid down first; then each movable mark,
best first, takes the free spot nearest its own place, searched on rings round it (the first
spot outward from the body's midline on a tie). A mark moved off its place is joined to it by a
leader line (:mod:`.markers`), so it still points where it belongs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import view_centre

__all__ = [
    "MARGIN_PX",
    "PHONE_PLOT_PX",
    "TEXT_EM",
    "Board",
    "Box",
    "marker_box",
    "smallest_scale",
    "text_box",
    "view_bounds",
]

#: The plot area, in pixels, of the diagram on a 390 x 844 phone (measured in Chromium:
#: ``_fullLayout`` of the upper figure is 364 x 328 with 4 px margins), the smallest the app
#: draws it: ``.body-graph`` keeps the drawing's proportions on phones (style.css).
PHONE_PLOT_PX = (356.0, 320.0)
#: Width of one character in ems, generous for bold digits and lower-case letters in the
#: app's sans-serif fonts.
TEXT_EM = 0.62
#: Room kept round every box, in pixels: two marks never touch.
MARGIN_PX = 1.0

#: Search rings round a mark's own place: step and farthest reach, in figure units.
_RING_STEP = 0.8
_RING_REACH = 40.0
_RING_DIRECTIONS = 12


def smallest_scale(
    x_range: tuple[float, float] | None = None, y_range: tuple[float, float] | None = None
) -> float:
    """Pixels per figure unit on the phone: equal axis scales, the tighter of the two fits.

    ``x_range`` and ``y_range`` are the figure's axis ranges (the base figure's layout);
    by default the two views of :mod:`.geometry`.
    """
    x0, x1 = x_range or (-geometry.X_HALF_WIDTH, geometry.VIEW_OFFSET + geometry.X_HALF_WIDTH)
    y0, y1 = y_range or geometry.Y_RANGE
    return min(PHONE_PLOT_PX[0] / (x1 - x0), PHONE_PLOT_PX[1] / (y1 - y0))


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in figure units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def within(self, other: Box) -> bool:
        return (
            other.x0 <= self.x0
            and self.x1 <= other.x1
            and other.y0 <= self.y0
            and self.y1 <= other.y1
        )


def marker_box(centre: tuple[float, float], size_px: float, scale: float) -> Box:
    """The box of a plotly marker of ``size_px`` (its diameter, outline included) at a scale."""
    half = (size_px / 2 + MARGIN_PX) / scale
    return Box(centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half)


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def text_box(
    anchor: tuple[float, float],
    text: str,
    font_px: float,
    position: str,
    scale: float,
    marker_px: float = 0.0,
) -> Box:
    """The box of a text beside (or on) a marker, as plotly places it.

    plotly sets a text ``r = radius / 0.8 + 1`` pixels from the marker's centre on the side
    its ``textposition`` names (none for ``"middle center"`` or a marker of size 0); the box is
    the text's characters times :data:`TEXT_EM` wide and one font size high.
    """
    width = len(_plain(text)) * TEXT_EM * font_px
    height = font_px
    r = marker_px / 2 / 0.8 + 1 if marker_px else 0.0
    vertical, _, horizontal = position.partition(" ")
    cx, cy = anchor[0] * scale, anchor[1] * scale  # pixels, y up
    if horizontal == "right":
        left = cx + r
    elif horizontal == "left":
        left = cx - r - width
    else:
        left = cx - width / 2
    if vertical == "top":
        bottom = cy + r
    elif vertical == "bottom":
        bottom = cy - r - height
    else:
        bottom = cy - height / 2
    m = MARGIN_PX
    return Box(
        (left - m) / scale,
        (bottom - m) / scale,
        (left + width + m) / scale,
        (bottom + height + m) / scale,
    )


def view_bounds(x: float) -> Box:
    """The part of the figure that belongs to the view at figure ``x``."""
    centre = view_centre(x)
    return Box(
        centre - geometry.X_HALF_WIDTH,
        geometry.Y_RANGE[0],
        centre + geometry.X_HALF_WIDTH,
        geometry.Y_RANGE[1],
    )


class Board:
    """The boxes laid down so far, and the search for a free spot for the next mark.

    Parameters
    ----------
    scale : float
        Pixels per figure unit to measure marks at; :func:`smallest_scale` by default.
    """

    def __init__(self, scale: float | None = None) -> None:
        self.scale = smallest_scale() if scale is None else scale
        self.boxes: list[Box] = []

    def add(self, box: Box) -> None:
        self.boxes.append(box)

    def add_all(self, boxes: Iterable[Box]) -> None:
        self.boxes.extend(boxes)

    def free(self, box: Box) -> bool:
        """Whether a box lies in its view and clear of every box laid down."""
        return box.within(view_bounds((box.x0 + box.x1) / 2)) and not any(
            box.overlaps(other) for other in self.boxes
        )

    def spot(
        self, here: tuple[float, float], box_at: Callable[[tuple[float, float]], Box]
    ) -> tuple[float, float]:
        """The free spot nearest ``here`` for a mark whose box at a spot is ``box_at(spot)``.

        Rings of :data:`_RING_DIRECTIONS` spots every :data:`_RING_STEP` units (twice that
        beyond eight rings), outward from the midline first, within ``here``'s own view;
        ``here`` itself if nothing is free within :data:`_RING_REACH` (the overlap test then
        says so). O(r * d * n) box tests for r rings, d directions and the n boxes laid down
        on that view; measured over every symptom and side, an interaction's whole overlay
        took 13.5 ms at the median (2.1 ms before the boxes; 2 busy cores).
        """
        bounds = view_bounds(here[0])
        first = box_at(here)
        # The box keeps its shape as it moves: test offsets from the spot, not new boxes.
        ox0, oy0 = first.x0 - here[0], first.y0 - here[1]
        ox1, oy1 = first.x1 - here[0], first.y1 - here[1]
        near = [
            (b.x0, b.y0, b.x1, b.y1)
            for b in self.boxes
            if b.x1 > bounds.x0 and b.x0 < bounds.x1  # marks of the other view never collide
        ]

        def clear(x: float, y: float) -> bool:
            x0, y0, x1, y1 = x + ox0, y + oy0, x + ox1, y + oy1
            if x0 < bounds.x0 or x1 > bounds.x1 or y0 < bounds.y0 or y1 > bounds.y1:
                return False
            # A plain loop: it runs a few thousand times a gesture, and a generator in any()
            # costs about twice as much per box.
            for a, b, c, d in near:  # noqa: SIM110 (the loop is the point)
                if x0 < c and a < x1 and y0 < d and b < y1:
                    return False
            return True

        if clear(*here):
            return here
        outward = 0.0 if here[0] >= view_centre(here[0]) else math.pi
        # 0, +1, -1, +2, -2...: alternate round both ways from the outward direction.
        turns = [(k + 1) // 2 * (1 if k % 2 else -1) for k in range(_RING_DIRECTIONS)]
        directions = [
            (
                math.cos(outward + t * 2 * math.pi / _RING_DIRECTIONS),
                math.sin(outward + t * 2 * math.pi / _RING_DIRECTIONS),
            )
            for t in turns
        ]
        for reach in _reaches():
            for cos_a, sin_a in directions:
                spot = (round(here[0] + reach * cos_a, 2), round(here[1] + reach * sin_a, 2))
                if clear(*spot):
                    return spot
        return here


def _reaches() -> list[float]:
    """The rings' radii: fine near a mark's place, where most marks land, coarser beyond."""
    near = [_RING_STEP * k for k in range(1, 9)]
    far = near[-1] + 2 * _RING_STEP
    while far <= _RING_REACH:
        near.append(far)
        far += 2 * _RING_STEP
    return near
