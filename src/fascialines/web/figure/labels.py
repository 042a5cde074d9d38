"""Label placement on the body diagram: where a number or a name goes so that nothing hides it.

The rule is one: of a few spots around a marker, take the one farthest from everything already
drawn (markers and labels), in figure units. It is O(k * n) for k spots and n drawn things, a
few hundred distance computations per view, so it runs on every interaction.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fascialines.web.figure.geometry import view_centre

__all__ = [
    "BESIDE",
    "CROWDED",
    "FELT_LABEL_REACH",
    "beside",
    "felt_label_spots",
    "name_offsets",
]

#: How far the middle of a "felt here" label sits from its disc, in figure units.
FELT_LABEL_REACH = 5.5

#: Candidates closer than this (figure units, percent of height) to a better-ranked one on the
#: same view are crowded: a small marker with the number beside it, not under its neighbour.
CROWDED = 2.8

#: Where a number beside its marker sits, as an offset in figure units, by text position.
BESIDE: dict[str, tuple[float, float]] = {
    "middle right": (1.8, 0.0),
    "middle left": (-1.8, 0.0),
    "top center": (0.0, 1.6),
    "bottom center": (0.0, -1.6),
}


def beside(
    here: tuple[float, float],
    taken: Sequence[tuple[float, float]],
    offsets: dict[str, tuple[float, float]] = BESIDE,
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


def felt_label_spots(
    discs: Sequence[tuple[float, float]], avoid: Sequence[tuple[float, float]] = ()
) -> dict[int, str]:
    """Which disc of each view carries the one "felt here" label, and on which side.

    Parameters
    ----------
    discs : sequence of (x, y)
        The "felt here" discs, both views together.
    avoid : sequence of (x, y)
        What the label should keep clear of (the candidates' markers).

    Returns
    -------
    dict of int to str
        The index of the labelled disc of each view, mapped to its text position (``"middle
        left"`` or ``"middle right"``): the spot farthest from ``avoid`` and the other discs,
        outward on a tie.
    """
    others = [*avoid, *discs]
    best: dict[float, tuple[tuple[float, float], int, str]] = {}
    for index, (px, py) in enumerate(discs):
        centre = view_centre(px)
        for direction, position in ((-1, "middle left"), (1, "middle right")):
            spot = (px + direction * FELT_LABEL_REACH, py)
            clearance = min(math.dist(spot, other) for other in others)
            outward = direction * (px - centre)
            score = (round(clearance, 1), outward)
            if centre not in best or score > best[centre][0]:
                best[centre] = (score, index, position)
    return {index: position for _, index, position in best.values()}


def name_offsets(label: str, x: float) -> dict[str, tuple[float, float]]:
    """The spots for a region's name beside its marker at figure ``x``, outward first.

    The middle of the label is about a third of a figure unit per character at 12 px.
    """
    reach = 2.0 + 0.36 * len(label)
    outward = 1.0 if x >= view_centre(x) else -1.0
    return {
        "middle right" if outward > 0 else "middle left": (outward * reach, 0.0),
        "middle left" if outward > 0 else "middle right": (-outward * reach, 0.0),
        "bottom center": (0.0, -2.6),
        "top center": (0.0, 2.6),
    }
