"""The evidence grades in a student's words: a short label for a choice, a meaning for the page.

Kept beside the quiz rather than borrowed from ``explain.py``, whose wording is for the trace's
candidates; both say the same thing about each grade.
"""

from __future__ import annotations

from fascialines.atlas import EVIDENCE_ORDER

__all__ = [
    "BASIS_MEANINGS",
    "GRADE_LABELS",
    "GRADE_MEANINGS",
    "grade_phrase",
    "grades_strongest_first",
]

#: A few words per grade, short enough for a multiple-choice option.
GRADE_LABELS: dict[str, str] = {
    "strong": "strong: studied and found in several studies",
    "moderate": "moderate: studied and found, with some gaps",
    "limited": "limited: studied, with little support found",
    "not-studied": "not studied: the model's claim only",
    "not-found": "not found: studied, and not seen",
}

#: What each grade means, in plain words, for the evidence page. A grade rates the tissue
#: continuity that studies found, never that pain travels along it.
GRADE_MEANINGS: dict[str, str] = {
    "strong": "Several studies looked for this tissue continuity (in dissection, or by "
    "measuring force passed along it) and found it, and they agree. It is the best the "
    "evidence here gets, and it still says nothing about the cause of anyone's pain.",
    "moderate": "Studies looked for this continuity and found it, with gaps: fewer or smaller "
    "studies, or only some parts of the line confirmed.",
    "limited": "Someone has looked, and what they found is thin: one small study, or results "
    "that point both ways.",
    "not-studied": "Nobody has tested this connection yet. It is the teaching model's claim "
    "only: not shown wrong, not shown right.",
    "not-found": "Studies looked for this continuity and did not find it. That is weaker than "
    "a claim nobody has tested, because someone looked.",
}

#: What the two bases of a transition's grade mean (``Transition.evidence_basis``).
BASIS_MEANINGS: dict[str, str] = {
    "transition": "A source rated this very step of the line; its grade is that rating.",
    "line": "No source rated this step on its own. The step counts as not studied, and what "
    "may be said about it is the rating of the line as a whole.",
}

assert set(GRADE_LABELS) == set(GRADE_MEANINGS) == set(EVIDENCE_ORDER)


def grades_strongest_first() -> list[str]:
    """The grades from ``strong`` down to ``not-found``, in :data:`EVIDENCE_ORDER`'s ranking."""
    return sorted(EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__, reverse=True)


def grade_phrase(grade: str) -> str:
    """A grade as a sentence says it, e.g. ``"strong (studied and found in several studies)"``.

    Examples
    --------
    >>> grade_phrase("not-found")
    'not found (studied, and not seen)'
    """
    name, words = GRADE_LABELS[grade].split(": ", 1)
    return f"{name} ({words})"
