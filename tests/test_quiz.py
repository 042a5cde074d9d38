"""The quiz's rules beyond single questions: its range, its summary, what it asks first."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching import generate_quiz, summarize
from fascialines.teaching.quiz import MAX_COUNT


@cache
def shipped() -> Atlas:
    return load_atlas()


@pytest.mark.parametrize("count", [0, -3, MAX_COUNT + 1])
def test_a_quiz_refuses_a_count_out_of_range(mini_atlas: Atlas, count: int) -> None:
    with pytest.raises(ValueError, match="between 1 and"):
        generate_quiz(mini_atlas, seed=1, count=count)


def test_all_right_means_nothing_to_revisit() -> None:
    quiz = generate_quiz(shipped(), seed=11, count=10)
    summary = summarize(quiz, {q.number: q.answer for q in quiz.questions})
    assert (summary.score, summary.total, summary.answered) == (10, 10, 10)
    assert summary.missed == summary.revisit_lines == summary.revisit_regions == []


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(), picks=st.lists(st.integers(min_value=0, max_value=7), max_size=12))
def test_the_summary_counts_and_points_at_what_was_missed(seed: int, picks: list[int]) -> None:
    quiz = generate_quiz(shipped(), seed=seed, count=12)
    # Answer the first questions with the choice at each pick (wrapped), skip the rest.
    answers = {
        q.number: q.choices[pick % len(q.choices)].key
        for q, pick in zip(quiz.questions, picks, strict=False)
    }
    summary = summarize(quiz, answers)
    right = [q for q in quiz.questions if answers.get(q.number) == q.answer]
    assert summary.score == len(right) and summary.total == len(quiz.questions)
    assert summary.answered == len(answers)
    assert summary.missed == [q.number for q in quiz.questions if q not in right]
    missed = [q for q in quiz.questions if q.number in summary.missed]
    assert set(summary.revisit_lines) == {q.show.line for q in missed if q.show.line}
    assert set(summary.revisit_regions) == {r for q in missed for r in q.show.regions}
    assert len(set(summary.revisit_regions)) == len(summary.revisit_regions)


def test_a_question_set_round_trips_through_json() -> None:
    from fascialines.teaching import QuestionSet

    quiz = generate_quiz(shipped(), seed=2, count=6)
    assert QuestionSet.model_validate_json(quiz.model_dump_json()) == quiz


def test_grades_are_offered_as_a_scale_and_sides_left_first() -> None:
    from fascialines.teaching.grades import grades_strongest_first

    questions = generate_quiz(shipped(), seed=5, count=60).questions
    grades = [q for q in questions if q.kind == "link-evidence"]
    sides = [q for q in questions if q.kind == "side-after-crossing"]
    assert grades and sides
    assert all([c.value for c in q.choices] == grades_strongest_first() for q in grades)
    assert all([c.value for c in q.choices] == ["left", "right"] for q in sides)
    # The right answer's letter still varies: the order is the scale's, not the answer's.
    assert len({q.answer for q in grades + sides}) > 1


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest
    import importlib
    from pathlib import Path

    # The examples load the fixture by a path relative to the repository root.
    monkeypatch.chdir(Path(__file__).parents[1])
    for name in ("quiz", "sides", "evidence_page", "grades"):
        failures, tried = doctest.testmod(importlib.import_module(f"fascialines.teaching.{name}"))
        assert tried > 0 and failures == 0, name


def test_equal_atlases_give_equal_quizzes() -> None:
    # The pools are kept per atlas object; a second, equal atlas must not change the draw.
    first, second = load_atlas(), load_atlas()
    assert first is not second
    assert generate_quiz(first, 77, 15) == generate_quiz(second, 77, 15)
