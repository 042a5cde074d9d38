"""Lines side by side: which regions two or more lines share and what the atlas says there.

A student comparing the Superficial Back Line with the Spiral Line wants to see where they
meet. :func:`compare_lines` answers from the atlas alone: the regions every compared line
passes (the intersection of their stations), the regions only some of them pass (with three
lines or more), and at each such region every compared line's own steps there (with their
grade, its basis, the sources and the atlas's note), the steps two lines list alike and the
midline crossings that happen there. It reads reader texts only, never an ``editor_notes`` field.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fascialines.atlas import Atlas, Line

__all__ = ["LineComparison", "LineStep", "MeetingPlace", "compare_lines"]


@dataclass(frozen=True)
class LineStep:
    """One step of one line that starts or ends at a meeting place."""

    line: str
    start: str
    end: str
    evidence: str
    #: ``transition``: a source rated this step; ``line``: the line's rating stands for it.
    evidence_basis: str
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class MeetingPlace:
    """A region that two or more of the compared lines pass, and what each says there."""

    region: str
    name: str
    #: The compared lines that pass it, in atlas order.
    lines: tuple[str, ...]
    #: Those lines' steps into or out of the region, line by line in atlas order.
    steps: tuple[LineStep, ...]
    #: Neighbours reached from here in one step by two or more of these lines alike.
    common_neighbours: tuple[str, ...]
    #: ``(line id, description)`` of each midline crossing of these lines at this region.
    crossings: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LineComparison:
    #: The compared lines, in atlas order, each once.
    lines: tuple[str, ...]
    #: Regions every compared line passes, in atlas order of regions.
    shared: tuple[MeetingPlace, ...]
    #: Regions two or more, but not all, of the compared lines pass (only with three lines or
    #: more), in atlas order of regions.
    partly_shared: tuple[MeetingPlace, ...]

    @property
    def shared_ids(self) -> tuple[str, ...]:
        return tuple(place.region for place in self.shared)


def _place(atlas: Atlas, region_id: str, lines: list[Line]) -> MeetingPlace:
    here = [line for line in lines if region_id in line.stations]
    steps = tuple(
        LineStep(
            line=line.id,
            start=t.from_,
            end=t.to,
            evidence=t.evidence,
            evidence_basis=t.evidence_basis,
            sources=tuple(t.sources),
            note=t.note,
        )
        for line in here
        for t in line.transitions
        if region_id in (t.from_, t.to)
    )
    neighbours: dict[str, set[str]] = {}
    for step in steps:
        other = step.end if step.start == region_id else step.start
        neighbours.setdefault(other, set()).add(step.line)
    region_order = {region.id: index for index, region in enumerate(atlas.regions)}
    common = sorted(
        (other for other, on in neighbours.items() if len(on) >= 2), key=region_order.__getitem__
    )
    crossings = tuple(
        (line.id, crossing.description)
        for line in here
        for crossing in line.midline_crossings
        if region_id in (crossing.from_, crossing.to)
    )
    return MeetingPlace(
        region=region_id,
        name=atlas.region(region_id).name,
        lines=tuple(line.id for line in here),
        steps=steps,
        common_neighbours=tuple(common),
        crossings=crossings,
    )


def compare_lines(atlas: Atlas, line_ids: Iterable[str]) -> LineComparison:
    """Where the given lines meet, and what the atlas says happens there.

    Parameters
    ----------
    atlas : Atlas
    line_ids : iterable of str
        Line ids, in any order; repeats count once.

    Returns
    -------
    LineComparison
        The same for any order of the same lines.

    Raises
    ------
    KeyError
        If a line id is not in the atlas.

    Notes
    -----
    Linear in the compared lines' steps times their meeting places, a few hundred operations
    on the shipped atlas.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> ids = [line.id for line in atlas.lines]
    >>> compare_lines(atlas, ids) == compare_lines(atlas, reversed(ids))
    True
    """
    wanted = set(line_ids)
    for line_id in wanted:
        atlas.line(line_id)  # a KeyError names the unknown line
    lines = [line for line in atlas.lines if line.id in wanted]
    passes = {
        region.id: [line for line in lines if region.id in line.stations]
        for region in atlas.regions
    }
    every = [region for region, on in passes.items() if lines and len(on) == len(lines)]
    some = [region for region, on in passes.items() if 2 <= len(on) < len(lines)]
    return LineComparison(
        lines=tuple(line.id for line in lines),
        shared=tuple(_place(atlas, region, lines) for region in every),
        partly_shared=tuple(_place(atlas, region, lines) for region in some),
    )
