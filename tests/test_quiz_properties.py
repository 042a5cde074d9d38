"""Properties of every quiz: one right answer, really right, reproducible, never editors' text.

The right answer of each question is recomputed here from the atlas (and, for the sides after a
midline crossing, from the body graph's edges), without the generator's own indexes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.graph import build_graph, edge_key
from fascialines.teaching import Question, generate_quiz
from quiz_strategies import NOTE_MARK, teaching_atlases, with_editor_notes

SEEDS = st.integers(min_value=-(2**63), max_value=2**63)


@cache
def shipped() -> Atlas:
    # The shipped atlas with a marked editor's note on every record: the quiz must never
    # show one, whatever the editors write there.
    return with_editor_notes(load_atlas())


def steps_of(atlas: Atlas, line_id: str) -> set[frozenset[str]]:
    return {frozenset((t.from_, t.to)) for t in atlas.line(line_id).transitions}


def right_joins(atlas: Atlas, q: Question) -> set[str]:
    pair = frozenset(q.show.regions)
    return {line.id for line in atlas.lines if pair in steps_of(atlas, line.id)}


def right_sources(atlas: Atlas, q: Question) -> set[str]:
    area = q.show.regions[0]
    neighbours = {
        other
        for line in atlas.lines
        for t in line.transitions
        for other in ({t.from_, t.to} - {area})
        if area in (t.from_, t.to)
    }
    referring = {p.muscle for p in atlas.referral_patterns if area in p.refers_to}
    return (neighbours | referring) - {area}


def near_sources(atlas: Atlas, q: Question) -> set[str]:
    """Anything a student could defend as a source: on a line through the area, or referring."""
    area = q.show.regions[0]
    on_lines = {s for line in atlas.lines if area in line.stations for s in line.stations}
    return on_lines | right_sources(atlas, q) | {area}


def right_order(atlas: Atlas, q: Question) -> set[str]:
    size = len(q.show.regions)
    windows = {
        tuple(branch.stations[i : i + size])
        for branch in atlas.line(q.show.line).branches
        for i in range(len(branch.stations) - size + 1)
    }
    return {",".join(w) for w in windows} | {",".join(reversed(w)) for w in windows}


def right_drawn(atlas: Atlas, q: Question) -> set[str]:
    drawn = steps_of(atlas, q.show.line)
    return {line.id for line in atlas.lines if steps_of(atlas, line.id) == drawn}


_GRAPHS: dict[int, tuple[Atlas, object]] = {}


def sides_on_graph(atlas: Atlas, line_id: str, start: str) -> set[tuple[str, str]]:
    """The (region, side) nodes the body graph gives one copy of a line: the engine's view.

    Reads the networkx multigraph of today's graph.py, or the typed BodyGraph that replaces it.
    """
    if id(atlas) not in _GRAPHS:
        _GRAPHS.clear()  # keyed by identity, holding the atlas so its id is not reused
        _GRAPHS[id(atlas)] = (atlas, build_graph(atlas))
    graph = _GRAPHS[id(atlas)][1]
    key = edge_key(line_id, start)
    if isinstance(graph, nx.Graph):
        return {n for u, v, k in graph.edges(keys=True) if k == key for n in (u, v)}
    return {n for e in graph.edges(line_id) if e.key == key for n in (e.start, e.end)}  # type: ignore[attr-defined]


def right_side(atlas: Atlas, q: Question) -> set[str]:
    assert q.show.line is not None and q.show.side is not None
    region = q.show.regions[-1]
    return {
        side for name, side in sides_on_graph(atlas, q.show.line, q.show.side) if name == region
    }


def right_grade(atlas: Atlas, q: Question) -> set[str]:
    line = atlas.line(q.show.line)
    if not q.show.regions:
        return {line.evidence.grade}
    step = tuple(q.show.regions)
    listed = [t for t in line.transitions if (t.from_, t.to) == step]
    assert listed and all(t.evidence_basis == "transition" for t in listed)
    return {t.evidence for t in listed}


RIGHT: dict[str, Callable[[Atlas, Question], set[str]]] = {
    "line-joins": right_joins,
    "pain-source": right_sources,
    "station-order": right_order,
    "drawn-line": right_drawn,
    "side-after-crossing": right_side,
    "link-evidence": right_grade,
}


def check_question(atlas: Atlas, q: Question) -> None:
    keys = [c.key for c in q.choices]
    assert len(q.choices) >= 2
    assert len(set(keys)) == len(keys)
    assert len({c.text for c in q.choices}) == len(keys)
    assert len({c.value for c in q.choices}) == len(keys)
    assert keys.count(q.answer) == 1
    # Everything the question points at is in the atlas.
    if q.show.line is not None:
        atlas.line(q.show.line)
    for region in q.show.regions:
        atlas.region(region)
    for source in q.sources:
        atlas.source(source)
    assert q.sources and q.explanation.endswith(".")
    # Only a question whose drawing carries what its words spell out is asked differently
    # beside the body; it must still name the line it draws.
    assert (q.beside_drawing is not None) == (q.kind == "drawn-line")
    if q.beside_drawing is not None:
        assert q.show.line is not None and q.show.regions

    right = q.right_choice.value
    truth = RIGHT[q.kind](atlas, q)
    wrong = {c.value for c in q.choices} - {right}
    assert right in truth
    if q.kind == "station-order":
        # The right order is one the line lists, in the listed direction.
        assert right == ",".join(q.show.regions)
        assert any(
            tuple(q.show.regions) == tuple(b.stations[i : i + len(q.show.regions)])
            for b in atlas.line(q.show.line).branches
            for i in range(len(b.stations))
        )
    if q.kind in ("line-joins", "drawn-line", "side-after-crossing", "link-evidence"):
        assert truth == {right}
    if q.kind == "pain-source":
        assert not wrong & near_sources(atlas, q)
        named = q.right_choice.text
        if q.show.pattern is not None:
            pattern = next(p for p in atlas.referral_patterns if p.id == q.show.pattern)
            assert pattern.muscle == right and q.show.regions[0] in pattern.refers_to
            assert "trigger-point" in named
        else:
            assert frozenset((q.show.regions[0], right)) in steps_of(atlas, q.show.line)
            assert f"along the {atlas.line(q.show.line).abbreviation}" in named
    else:
        assert not wrong & truth


def check_quiz(atlas: Atlas, seed: int, count: int) -> None:
    quiz = generate_quiz(atlas, seed, count)
    assert (quiz.seed, quiz.count) == (seed, count)
    assert 1 <= len(quiz.questions) <= count
    assert [q.number for q in quiz.questions] == list(range(1, len(quiz.questions) + 1))
    seen = set()
    for q in quiz.questions:
        check_question(atlas, q)
        asked = (q.kind, q.text)
        assert asked not in seen
        seen.add(asked)
    assert NOTE_MARK not in quiz.model_dump_json()
    assert generate_quiz(atlas, seed, count) == quiz


@settings(max_examples=2000, deadline=None)
@given(seed=SEEDS, count=st.integers(min_value=1, max_value=20))
def test_every_question_on_the_shipped_atlas_has_one_right_answer(seed: int, count: int) -> None:
    check_quiz(shipped(), seed, count)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    atlas=teaching_atlases(),
    seeds=st.lists(SEEDS, min_size=1, max_size=8, unique=True),
    count=st.integers(min_value=1, max_value=30),
)
def test_every_question_on_a_generated_atlas_has_one_right_answer(
    atlas: Atlas, seeds: list[int], count: int
) -> None:
    # Several seeds per atlas: drawing an atlas costs more than a quiz.
    for seed in seeds:
        check_quiz(atlas, seed, count)


def test_a_ten_question_quiz_on_the_shipped_atlas_mixes_every_kind() -> None:
    kinds = {q.kind for q in generate_quiz(load_atlas(), seed=14, count=10).questions}
    assert kinds == set(RIGHT)


def test_a_long_quiz_asks_until_the_atlas_runs_out_without_repeating(mini_atlas: Atlas) -> None:
    quiz = generate_quiz(mini_atlas, seed=3, count=200)
    assert 10 < len(quiz.questions) < 200
    assert len({(q.kind, q.text) for q in quiz.questions}) == len(quiz.questions)


def test_the_seed_changes_the_questions() -> None:
    atlas = load_atlas()
    quizzes = {generate_quiz(atlas, seed, 10).model_dump_json() for seed in range(20)}
    assert len(quizzes) == 20


def test_the_side_rule_agrees_with_the_graph_on_every_line() -> None:
    from fascialines.teaching.sides import line_visits

    atlas = load_atlas()
    for line in atlas.lines:
        for start in ("left", "right"):
            visited = {(v.region, v.side) for v in line_visits(atlas, line, start)}
            assert visited == sides_on_graph(atlas, line.id, start)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(atlas=teaching_atlases())
def test_the_side_rule_agrees_with_the_graph_on_generated_atlases(atlas: Atlas) -> None:
    from fascialines.teaching.sides import line_visits

    for line in atlas.lines:
        for start in ("left", "right"):
            visited = {(v.region, v.side) for v in line_visits(atlas, line, start)}
            assert visited == sides_on_graph(atlas, line.id, start)
