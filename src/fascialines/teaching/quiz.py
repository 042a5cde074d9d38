"""Quizzes generated from the atlas: the same seed gives a whole class the same questions.

A question set is drawn with :class:`random.Random` seeded by the caller, cycling through the
question kinds of :mod:`fascialines.teaching.kinds` in a seeded order so a short quiz mixes
them. Each :class:`Question` carries its lettered choices, the one right answer, one sentence
of explanation with its source ids, and what the body should draw with the feedback
(:class:`BodyCue`). :func:`summarize` scores a set of answers and lists what to revisit.
"""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict

from fascialines.atlas import Atlas
from fascialines.teaching.drafting import Draft, Facts
from fascialines.teaching.kinds import KINDS

__all__ = [
    "MAX_COUNT",
    "BodyCue",
    "Choice",
    "Question",
    "QuestionKind",
    "QuestionSet",
    "QuizSummary",
    "generate_quiz",
    "summarize",
]

QuestionKind = Literal[
    "line-joins",
    "pain-source",
    "station-order",
    "drawn-line",
    "side-after-crossing",
    "link-evidence",
]

#: The most questions one set holds: enough for an exam, few enough for a page.
MAX_COUNT = 200

_LETTERS = "ABCDEFGH"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Frozen):
    """One option: its letter, the words shown, and the atlas id it stands for."""

    key: str
    text: str
    #: A line id, a region id, a grade, a side, or region ids joined by commas (an order).
    value: str


class BodyCue(_Frozen):
    """What the body diagram draws with the feedback: a line, regions, a pattern, a side."""

    line: str | None = None
    regions: list[str] = []
    pattern: str | None = None
    #: The side a line instance starts on, for the midline-crossing questions.
    side: Literal["left", "right"] | None = None


class Question(_Frozen):
    number: int
    kind: QuestionKind
    text: str
    choices: list[Choice]
    #: The key of the one right choice.
    answer: str
    #: One sentence on why the answer is right; cite it with ``sources``.
    explanation: str
    sources: list[str]
    show: BodyCue
    #: The atlas's own reader text on the topic (a line summary, a step's note, a pattern's
    #: description), for a student who wants more than the sentence.
    detail: str | None = None
    #: The question as the app asks it beside the body diagram that draws ``show`` (set where
    #: ``text`` spells out in words what the drawing shows, so a deck or a worksheet, which
    #: have no drawing, ask ``text``).
    beside_drawing: str | None = None

    @property
    def right_choice(self) -> Choice:
        return next(choice for choice in self.choices if choice.key == self.answer)


class QuestionSet(_Frozen):
    seed: int
    #: The number of questions asked for; ``questions`` is shorter only when the atlas has
    #: fewer distinct questions to ask.
    count: int
    atlas_title: str
    questions: list[Question]


class QuizSummary(_Frozen):
    score: int
    total: int
    answered: int
    #: Numbers of the questions answered wrongly or left unanswered.
    missed: list[int]
    #: Line and region ids of the missed questions, to open in the explorers.
    revisit_lines: list[str]
    revisit_regions: list[str]


def generate_quiz(atlas: Atlas, seed: int, count: int = 10) -> QuestionSet:
    """Draw a reproducible set of questions from an atlas.

    Parameters
    ----------
    atlas : Atlas
    seed : int
        Any integer; the same seed and atlas always give the same questions.
    count : int, default 10
        How many questions to ask, from 1 to :data:`MAX_COUNT`.

    Returns
    -------
    QuestionSet
        At most ``count`` questions, never the same one twice.

    Raises
    ------
    ValueError
        If ``count`` is out of range.

    Notes
    -----
    Building the pools of askable facts is linear in the size of the atlas (plus a walk of
    each crossing line per side); they are kept for the last few atlases, so a second quiz of
    the same atlas only copies them. On the shipped atlas a ten-question quiz takes a few
    milliseconds (``benchmarks/bench_quiz.py``).

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> quiz = generate_quiz(atlas, seed=7, count=3)
    >>> quiz == generate_quiz(atlas, seed=7, count=3), len(quiz.questions)
    (True, 3)
    """
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"a quiz has between 1 and {MAX_COUNT} questions, not {count}")
    rng = random.Random(seed)
    facts, pools = _askable(atlas)
    order = [name for name in KINDS if pools[name]]
    rng.shuffle(order)
    questions: list[Question] = []
    turn = 0
    while len(questions) < count and order:
        name = order[turn % len(order)]
        pool = pools[name]
        key = pool.pop(rng.randrange(len(pool)))
        draft = KINDS[name].ask(facts, key, rng)
        if draft is not None:
            questions.append(_letter(draft, len(questions) + 1, rng))
            turn += 1
        if not pool:
            order.remove(name)
    return QuestionSet(seed=seed, count=count, atlas_title=atlas.title, questions=questions)


# The pools depend on the atlas alone, and an app asks many quizzes of one atlas: keep the last
# few, keyed by identity and holding the atlas so that its id cannot be reused meanwhile.
_POOLS: OrderedDict[int, tuple[Atlas, Facts, dict[str, list[Hashable]]]] = OrderedDict()
_POOLS_KEPT = 8


def _askable(atlas: Atlas) -> tuple[Facts, dict[str, list[Hashable]]]:
    """The atlas's facts and a fresh copy of each kind's pool (the caller pops from it)."""
    kept = _POOLS.get(id(atlas))
    if kept is None or kept[0] is not atlas:
        facts = Facts.of(atlas)
        kept = (atlas, facts, {name: kind.pool(facts) for name, kind in KINDS.items()})
        _POOLS[id(atlas)] = kept
        while len(_POOLS) > _POOLS_KEPT:
            _POOLS.popitem(last=False)
    _POOLS.move_to_end(id(atlas))
    return kept[1], {name: list(pool) for name, pool in kept[2].items()}


def _letter(draft: Draft, number: int, rng: random.Random) -> Question:
    options = [draft.right, *draft.wrong]
    if draft.order:
        options.sort(key=lambda option: draft.order.index(option[1]))
    else:
        rng.shuffle(options)
    choices = [
        Choice(key=letter, text=text, value=value)
        for letter, (text, value) in zip(_LETTERS, options, strict=False)
    ]
    answer = next(choice.key for choice in choices if choice.value == draft.right[1])
    return Question(
        number=number,
        kind=draft.kind,  # type: ignore[arg-type]
        text=draft.text,
        choices=choices,
        answer=answer,
        explanation=draft.explanation,
        sources=list(draft.sources),
        show=BodyCue(
            line=draft.line,
            regions=list(draft.regions),
            pattern=draft.pattern,
            side=draft.side,  # type: ignore[arg-type]
        ),
        detail=draft.detail,
        beside_drawing=draft.beside_drawing,
    )


def summarize(quiz: QuestionSet, answers: Mapping[int, str]) -> QuizSummary:
    """Score answers to a quiz and say what to revisit.

    Parameters
    ----------
    quiz : QuestionSet
    answers : mapping of int to str
        Question number to the chosen key (``"A"``...); unanswered questions may be absent.

    Returns
    -------
    QuizSummary
        The score, and the lines and regions of every question missed, in question order.
    """
    missed = [q for q in quiz.questions if answers.get(q.number) != q.answer]
    lines = [q.show.line for q in missed if q.show.line is not None]
    regions = [region for q in missed for region in q.show.regions]
    return QuizSummary(
        score=len(quiz.questions) - len(missed),
        total=len(quiz.questions),
        answered=sum(1 for q in quiz.questions if q.number in answers),
        missed=[q.number for q in missed],
        revisit_lines=list(dict.fromkeys(lines)),
        revisit_regions=list(dict.fromkeys(regions)),
    )
