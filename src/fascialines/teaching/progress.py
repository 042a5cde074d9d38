"""A student's way through a quiz: the answers given and the question shown.

The web app keeps a :class:`Progress` in the browser (a ``dcc.Store``), so nothing about a
student is stored on the server; :func:`read_progress` therefore trusts nothing in it, and
:func:`advance` applies one gesture. Pure functions of a :class:`QuestionSet`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fascialines.teaching.quiz import QuestionSet

__all__ = ["Progress", "advance", "read_progress"]


@dataclass(frozen=True)
class Progress:
    """Where a student is in a quiz: its seed, the answers given, the question shown."""

    seed: int
    #: Question number to the letter chosen; an answer is final.
    answers: dict[int, str] = field(default_factory=dict)
    #: The question shown (1-based); past the last question, the summary.
    at: int = 1

    def to_store(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "answers": {str(n): key for n, key in self.answers.items()},
            "at": self.at,
        }


def read_progress(data: Any, seed: int, quiz: QuestionSet) -> Progress:
    """The progress kept in the browser for this seed, or a fresh start.

    The store comes from the browser, so anything in it that this quiz could not have produced
    (another seed, an unknown question or letter, a position out of range) is dropped.
    """
    if not isinstance(data, dict) or data.get("seed") != seed:
        return Progress(seed)
    keys = {q.number: {c.key for c in q.choices} for q in quiz.questions}
    answers: dict[int, str] = {}
    raw = data.get("answers")
    for number, key in raw.items() if isinstance(raw, dict) else ():
        whole = int(number) if isinstance(number, str) and number.isdecimal() else None
        if whole in keys and isinstance(key, str) and key in keys[whole]:
            answers[whole] = key
    at = data.get("at")
    last = len(quiz.questions) + 1
    at = at if isinstance(at, int) and not isinstance(at, bool) and 1 <= at <= last else 1
    return Progress(seed, answers, at)


def advance(progress: Progress, quiz: QuestionSet, gesture: str | None) -> Progress:
    """The progress after a gesture: ``"next"``, a choice's letter, or ``None`` (just show).

    A question is answered once; "next" moves on only from an answered question.
    """
    if progress.at > len(quiz.questions):
        return progress
    question = quiz.questions[progress.at - 1]
    if gesture == "next":
        if question.number in progress.answers:
            return Progress(progress.seed, progress.answers, progress.at + 1)
        return progress
    keys = {choice.key for choice in question.choices}
    if gesture in keys and question.number not in progress.answers:
        return Progress(progress.seed, {**progress.answers, question.number: gesture}, progress.at)
    return progress
