"""The ranking rule: one sentence, one sort key, the same in the CLI, the JSON and the app.

Why this rule
-------------
A therapist looks near the complaint first, and every step away from where it is felt is one
more assumption of the model, so the fewest steps come first. A trigger-point pattern is one
step, muscle to the place felt: Travell and Simons's solid (essential) zones are felt by nearly
everyone with that trigger point, their stippled (spillover) zones by some, so a spillover zone
counts as one step further. Among equally close candidates, the better evidenced link comes
first: a path stands on its weakest step's grade; the atlas grades no trigger-point pattern, so
a pattern counts as ``not-studied``. Last, a candidate that several independent lines and
patterns link to the place felt comes before one that a single link reaches. Grades rate tissue
continuity found in dissection, not that pain travels, which is why they order candidates only
among equally close ones.
"""

from __future__ import annotations

from fascialines.evidence import Evidence

__all__ = ["RULE", "SPILLOVER_STEPS", "reason_text", "score", "sort_key"]

RULE = (
    "Soft tissue only, ranked by the fewest steps from where it is felt (a trigger-point "
    "pattern is one step to its solid zone and two to its stippled zone), then by the "
    "strongest evidence that closest link stands on (a path's weakest step; a pattern counts "
    "as not studied), then by the number of different lines and patterns that agree."
)

#: Steps counted for a trigger-point pattern's spillover zone (its essential zone is one).
SPILLOVER_STEPS = 2

# Above any max_hops and SPILLOVER_STEPS, so the score below stays positive.
_STEP_CEILING = 16


def sort_key(steps: int, evidence: Evidence, agreeing: int) -> tuple[int, int, int]:
    """The rule as a sort key, smallest first (ties are then broken by region id and side)."""
    return (steps, -evidence.rank, -agreeing)


def score(steps: int, evidence: Evidence, agreeing: int) -> float:
    """A number that orders candidates exactly as :func:`sort_key` does, higher first.

    ``10 * (16 - steps) + 2 * rank + agreeing / (agreeing + 1)``: the grade's part (0 to 8)
    and the agreement's (below 1) never reach the next step's 10.

    >>> closer, worse = score(1, Evidence.NOT_FOUND, 1), score(2, Evidence.STRONG, 9)
    >>> closer > worse
    True
    """
    return 10 * (_STEP_CEILING - steps) + 2 * evidence.rank + agreeing / (agreeing + 1)


def reason_text(steps: int, evidence: Evidence, agreeing: int, via: str, zone: str | None) -> str:
    """The three parts of the rule for one candidate, as a short phrase."""
    link = (
        f"trigger-point pattern, {zone} zone" if via == "trigger-point" else "along a fascial line"
    )
    agree = "no other line or pattern" if agreeing == 1 else f"{agreeing} lines and patterns agree"
    return f"{steps} step{'s' if steps != 1 else ''} ({link}); evidence {evidence.value}; {agree}"
