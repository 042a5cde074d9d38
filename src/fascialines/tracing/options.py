"""What a trace is asked: the side, the bound on steps, a line filter and the weakest grade."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from fascialines.evidence import Evidence
from fascialines.lookup import AtlasIndex, UnknownLine

__all__ = ["MAX_HOPS", "TraceOptions", "resolve_lines", "validated"]

#: The largest ``max_hops`` accepted: beyond it every region is "connected" to every other and
#: the answer stops meaning anything.
MAX_HOPS = 12

RequestedSide = Literal["left", "right", "both"]
_SIDES = ("left", "right", "both")
_GRADES = tuple(str(grade.value) for grade in Evidence.strongest_first())


@dataclass(frozen=True)
class TraceOptions:
    """What to trace: side, the bound on steps, a line filter (ids) and the weakest grade walked.

    Examples
    --------
    >>> TraceOptions(side="left", max_hops=3).sides
    ('left',)
    """

    side: RequestedSide = "both"
    max_hops: int = 4
    lines: frozenset[str] | None = None
    min_evidence: str = "not-found"

    @property
    def sides(self) -> tuple[Literal["left", "right"], ...]:
        """The sides of the body asked about: one, or both for ``"both"``."""
        if self.side == "both":
            return ("left", "right")
        return (self.side,)

    @property
    def weakest(self) -> Evidence:
        """:attr:`min_evidence` as an :class:`~fascialines.evidence.Evidence`."""
        return Evidence(self.min_evidence)


def resolve_lines(index: AtlasIndex, lines: Iterable[str] | str | None) -> frozenset[str] | None:
    """Turn line ids, abbreviations or names (any case) into line ids; ``None`` is every line.

    Raises
    ------
    ValueError
        If no line is named, or one is unknown (with the known abbreviations).
    """
    if lines is None:
        return None
    if isinstance(lines, str):
        lines = [lines]
    wanted = [name.strip() for name in lines if name.strip()]
    if not wanted:
        raise ValueError("no line given: name at least one line, or leave the filter out")
    found = []
    for name in wanted:
        try:
            found.append(index.line(name).id)
        except UnknownLine:
            choices = ", ".join(line.abbreviation for line in index.atlas.lines)
            raise ValueError(f"unknown line {name!r}: choose from {choices}") from None
    return frozenset(found)


def validated(
    index: AtlasIndex,
    side: object,
    max_hops: object,
    lines: Iterable[str] | str | None,
    min_evidence: object,
) -> TraceOptions:
    """Check every option and return them as :class:`TraceOptions`.

    Raises
    ------
    ValueError
        With one sentence saying what is allowed.
    """
    if side not in _SIDES:
        raise ValueError(f"unknown side {side!r}: choose left, right or both")
    if isinstance(max_hops, bool) or not isinstance(max_hops, int):
        raise ValueError(f"max_hops must be a whole number, not {max_hops!r}")
    if not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"max_hops must be between 1 and {MAX_HOPS}, not {max_hops}")
    if min_evidence not in _GRADES:
        raise ValueError(
            f"unknown evidence grade {min_evidence!r}: choose from {', '.join(_GRADES)}"
        )
    assert isinstance(min_evidence, str)
    chosen: RequestedSide = "left" if side == "left" else "right" if side == "right" else "both"
    return TraceOptions(chosen, max_hops, resolve_lines(index, lines), min_evidence)
