"""Which side of the body a line is on at each of its regions, for one starting side.

The quiz asks "after the midline crossing, which side is the line on?". The answer follows from
the atlas alone: a line instance starts on one side, and every transition listed in
``Line.midline_crossings`` flips the side for its ``to`` end and onwards along that branch. A
later branch starts with the side its first region had when the line first reached it. This is
the rule :func:`fascialines.graph.build_graph` applies; it is restated here over the atlas
models, so the quiz does not depend on the graph's representation, and the tests check the two
against each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fascialines.atlas import Atlas, Line

__all__ = ["OTHER_SIDE", "SideVisit", "StartSide", "line_visits"]

StartSide = Literal["left", "right"]

OTHER_SIDE: dict[str, str] = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class SideVisit:
    """One region reached by a line instance: where, on which side, after how many crossings.

    ``side`` is ``"midline"`` for a midline region; ``crossings`` counts the midline crossings
    walked before this region was reached (the crossing step itself counts for its ``to`` end).
    """

    region: str
    side: str
    crossings: int
    branch: str


def line_visits(atlas: Atlas, line: Line, start: StartSide) -> list[SideVisit]:
    """Every region a line instance reaches, in walking order, with the side it is on there.

    Parameters
    ----------
    atlas : Atlas
        The atlas the line belongs to (for each region's laterality).
    line : Line
    start : {"left", "right"}
        The side the instance starts on.

    Returns
    -------
    list of SideVisit
        One visit per transition end, branch by branch, the first station of each branch
        included. A region the line passes twice appears twice, possibly on two sides.

    Notes
    -----
    Linear in the number of transitions.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> visits = line_visits(atlas, atlas.line("spiral-line"), "left")
    >>> [(v.region, v.side, v.crossings) for v in visits][2:]
    [('spinous-processes', 'midline', 0), ('rhomboids', 'right', 1)]
    """
    crossings = {(crossing.from_, crossing.to) for crossing in line.midline_crossings}
    reached: dict[str, tuple[str, int]] = {}
    visits: list[SideVisit] = []

    def visit(region_id: str, side: str, crossed: int, branch: str) -> None:
        midline = atlas.region(region_id).laterality == "midline"
        reached.setdefault(region_id, (side, crossed))
        visits.append(SideVisit(region_id, "midline" if midline else side, crossed, branch))

    for branch in line.branches:
        first = branch.transitions[0].from_
        side, crossed = reached.get(first, (start, 0))
        visit(first, side, crossed, branch.id)
        for step in branch.transitions:
            if (step.from_, step.to) in crossings:
                side, crossed = OTHER_SIDE[side], crossed + 1
            visit(step.to, side, crossed, branch.id)
    return visits
