"""What a trace returns: frozen dataclasses, ranked and ready for display; no I/O.

Candidates, their paths, steps, links and reasons are immutable (frozen, made of tuples,
numbers and strings), which is what lets a graph share them, and whole answers, between traces
(:mod:`fascialines.tracing.memo`); a :class:`Trace` around them is made for each call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fascialines.atlas import Atlas, RedFlag, Symptom
from fascialines.graph import RegionRef
from fascialines.lookup import SymptomMatch
from fascialines.tracing.options import TraceOptions

__all__ = [
    "Candidate",
    "LinePath",
    "Reasons",
    "ScoreParts",
    "Step",
    "Trace",
    "TriggerPointLink",
]

Mechanism = Literal["fascial-line", "trigger-point"]


@dataclass(frozen=True)
class Step:
    """One step of a path, in path order (from the candidate source towards where it is felt)."""

    start: RegionRef
    end: RegionRef
    evidence: str
    evidence_basis: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class LinePath:
    """The best path along one line to one node of a candidate, ending where it is felt."""

    line: str
    regions: tuple[RegionRef, ...]
    steps: tuple[Step, ...]
    #: The weakest grade on the path: the evidence the path stands on.
    evidence: str
    hops: int


@dataclass(frozen=True)
class TriggerPointLink:
    """A trigger-point referral pattern (the second, separate mechanism)."""

    pattern: str
    muscle: RegionRef
    refers_to: RegionRef
    sources: tuple[str, ...]
    #: ``"essential"`` (drawn solid by Travell and Simons) or ``"spillover"`` (stippled).
    zone: Literal["essential", "spillover"] = "essential"


@dataclass(frozen=True)
class Reasons:
    """Why a candidate has its rank: the three parts of the ranking rule, in order.

    ``steps`` and ``evidence`` belong to the candidate's closest link (``via``): a line path
    (its steps and its weakest grade) or a trigger-point pattern (one step for an essential
    zone, two for a spillover zone, and ``not-studied`` since the atlas grades no pattern).
    ``agreeing`` counts the different lines and patterns that link it to where it is felt.
    """

    steps: int
    evidence: str
    agreeing: int
    via: Mechanism
    #: The closest link: a line id or a pattern id.
    link: str
    text: str


@dataclass(frozen=True)
class ScoreParts:
    """The best line path's ``hops`` and ``evidence`` (``0`` and ``""`` without one), and counts.

    Kept for readers of the first JSON shape; :class:`Reasons` is what the rank follows.
    """

    hops: int
    evidence: str
    lines: int
    trigger_points: int
    line_points: float = 0.0


@dataclass(frozen=True)
class Candidate:
    """A region a therapist can work on that may be a source of the symptom, with its support."""

    rank: int
    region: RegionRef
    score: float
    parts: ScoreParts
    #: ``"fascial-line"`` when any line reaches the region, else ``"trigger-point"``.
    mechanism: Mechanism
    lines: tuple[str, ...]
    paths: tuple[LinePath, ...]
    trigger_points: tuple[TriggerPointLink, ...]
    #: Every mechanism that supports it, fascial line first.
    mechanisms: tuple[Mechanism, ...] = ()
    #: The sides of the body it was found on (``("midline",)`` for a midline region).
    sides: tuple[str, ...] = ()
    reasons: Reasons | None = None


@dataclass(frozen=True)
class Trace:
    """A ranked answer: where the symptom is felt, the candidate sources and the red flags."""

    symptom: Symptom | None
    options: TraceOptions
    felt_at: tuple[RegionRef, ...]
    candidates: tuple[Candidate, ...]
    red_flags: tuple[RedFlag, ...] = field(default=())
    #: The atlas traced, for wording (plain names, line names); not part of equality.
    atlas: Atlas | None = field(default=None, repr=False, compare=False)
    #: How the symptom was found (through which alias, with its note), when it was named.
    match: SymptomMatch | None = None
    #: The bony stations the paths reached, closest first: landmarks for a student, never
    #: candidates (nobody releases a bone).
    landmarks: tuple[RegionRef, ...] = ()
