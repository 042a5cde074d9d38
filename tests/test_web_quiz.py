"""The quiz view's logic without a browser: questions by seed, answers, feedback, body, summary."""

from __future__ import annotations

import html
import io
import json
import zipfile
from typing import Any

import dash
import pytest
from dash.exceptions import PreventUpdate
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching import QuestionSet, generate_quiz, summarize
from fascialines.web import core
from fascialines.web.app import create_app
from fascialines.web.callback_guard import BadCallback, CallbackGuard
from fascialines.web.state import MAX_SEED, parse_query
from fascialines.web.views import quiz
from fascialines.web.views.quiz import Ids, Progress, advance, choice_id, read_progress, render
from fascialines.web.wording import QUIZ
from web_screen import find, text

SEEDS = st.integers(min_value=0, max_value=MAX_SEED)


# Module constants, not fixtures: hypothesis prints a failing example's arguments in full.
ATLAS = load_atlas()
GRAPH = core.build(ATLAS)


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return ATLAS


@pytest.fixture(scope="module")
def graph() -> core.Graph:
    return GRAPH


def _quiz(atlas: Atlas, seed: int) -> QuestionSet:
    return generate_quiz(atlas, seed=seed, count=quiz.QUIZ_LENGTH)


def _shown(seed: int) -> str:
    return f"?view=quiz&seed={seed}"


def _wrong(question: Any) -> str:
    return next(c.key for c in question.choices if c.key != question.answer)


def _answer_all(quiz_set: QuestionSet, keys: list[str]) -> Progress:
    progress = Progress(quiz_set.seed)
    for question, key in zip(quiz_set.questions, keys, strict=True):
        progress = advance(advance(progress, quiz_set, key), quiz_set, "next")
        assert progress.answers[question.number] == key
    return progress


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS)
def test_the_same_seed_asks_the_same_ten_questions(seed: int) -> None:
    atlas, graph = ATLAS, GRAPH
    first = quiz.respond(atlas, graph, _shown(seed), None, None)
    second = quiz.respond(atlas, graph, _shown(seed), {"seed": seed}, quiz.Ids.GATE)
    assert text(first["question"]) == text(second["question"])
    assert [text(first["choices"][k]["children"]) for k in quiz.CHOICE_KEYS] == [
        text(second["choices"][k]["children"]) for k in quiz.CHOICE_KEYS
    ]
    asked = _quiz(atlas, seed).questions[0]
    assert (asked.beside_drawing or asked.text) in text(first["question"])
    assert len(_quiz(atlas, seed).questions) == quiz.QUIZ_LENGTH


@settings(max_examples=25, deadline=None)
@given(seed=SEEDS, rights=st.lists(st.booleans(), min_size=10, max_size=10))
def test_the_score_counts_the_right_answers(seed: int, rights: list[bool]) -> None:
    atlas, graph = ATLAS, GRAPH
    quiz_set = _quiz(atlas, seed)
    keys = [
        q.answer if right else _wrong(q)
        for q, right in zip(quiz_set.questions, rights, strict=True)
    ]
    progress = _answer_all(quiz_set, keys)
    out = render(atlas, graph, quiz_set, progress)
    total = len(quiz_set.questions)
    assert out["score"] == QUIZ["score"].format(score=sum(rights), answered=total, total=total)
    assert QUIZ["summary"].format(score=sum(rights), total=total) in text(out["summary"])
    # Finished: no question, no buttons, no "next".
    assert out["question"] == [] and out["next"] is True
    assert all(choice["hidden"] for choice in out["choices"].values())


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, index=st.integers(min_value=0, max_value=9), right=st.booleans())
def test_feedback_says_right_or_gives_the_answer_with_its_source(
    seed: int, index: int, right: bool
) -> None:
    atlas, graph = ATLAS, GRAPH
    quiz_set = _quiz(atlas, seed)
    question = quiz_set.questions[index]
    progress = Progress(seed, at=index + 1)
    assert render(atlas, graph, quiz_set, progress)["feedback"] == []
    chosen = question.answer if right else _wrong(question)
    out = render(atlas, graph, quiz_set, advance(progress, quiz_set, chosen))
    said = text(out["feedback"])
    right_choice = question.right_choice
    if right:
        assert said.startswith(QUIZ["right"])
    else:
        assert QUIZ["wrong"].format(key=right_choice.key, text=right_choice.text) in said
    assert question.explanation in said
    for source in question.sources:
        assert atlas.source(source).citation in said
    # The buttons mark the right answer and, if wrong, the one chosen; none can be clicked.
    classes = {key: out["choices"][key]["className"] for key in quiz.CHOICE_KEYS}
    assert "quiz-choice-right" in classes[question.answer]
    assert ("quiz-choice-wrong" in classes[chosen]) is (not right)
    assert all(choice["disabled"] for choice in out["choices"].values())


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, index=st.integers(min_value=0, max_value=9))
def test_the_body_shows_the_answer_after_it_is_given(seed: int, index: int) -> None:
    atlas, graph = ATLAS, GRAPH
    question = _quiz(atlas, seed).questions[index]
    before, _ = quiz.cue_state(atlas, graph, question, answered=False)
    # Before the answer only the drawing a question is about is shown.
    assert before.line == (question.show.line if question.kind == "drawn-line" else None)
    assert before.region is None and not before.traced
    after, found = quiz.cue_state(atlas, graph, question, answered=True)
    if after.traced:
        # Where pain may come from: traced from the place felt, the right source in focus.
        area, source = question.show.regions
        assert found is not None and after.felt[0] == area
        assert next(c for c in found.candidates if c.rank == after.focus).region.id == source
    else:
        assert after.line == question.show.line
        if question.show.regions:
            assert after.region is not None and after.region[0] in question.show.regions
    if question.kind == "side-after-crossing":
        assert after.region[1] == question.right_choice.value


def test_an_answer_is_final_and_next_waits_for_one(atlas: Atlas) -> None:
    quiz_set = _quiz(atlas, 3)
    first = quiz_set.questions[0]
    start = Progress(3)
    assert advance(start, quiz_set, "next") == start
    answered = advance(start, quiz_set, _wrong(first))
    assert advance(answered, quiz_set, first.answer) == answered
    assert advance(answered, quiz_set, "next").at == 2
    assert advance(start, quiz_set, "Z") == start


@settings(max_examples=60, deadline=None)
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=12,
    )
)
def test_progress_from_the_browser_is_checked(data: Any) -> None:
    atlas = ATLAS
    quiz_set = _quiz(atlas, 11)
    for stored in (data, {"seed": 11, "answers": data, "at": data}):
        progress = read_progress(stored, 11, quiz_set)
        keys = {q.number: {c.key for c in q.choices} for q in quiz_set.questions}
        assert all(key in keys[number] for number, key in progress.answers.items())
        assert 1 <= progress.at <= len(quiz_set.questions) + 1


def test_progress_of_another_seed_starts_afresh(atlas: Atlas) -> None:
    quiz_set = _quiz(atlas, 4)
    kept = Progress(4, {1: quiz_set.questions[0].answer}, 2).to_store()
    assert read_progress(kept, 4, quiz_set) == Progress(4, {1: quiz_set.questions[0].answer}, 2)
    assert read_progress(kept, 5, _quiz(atlas, 5)) == Progress(5)


@settings(max_examples=20, deadline=None)
@given(seed=SEEDS)
def test_the_summary_links_open_the_lines_and_regions_to_revisit(seed: int) -> None:
    atlas, graph = ATLAS, GRAPH
    quiz_set = _quiz(atlas, seed)
    progress = _answer_all(quiz_set, [_wrong(q) for q in quiz_set.questions])
    summary = summarize(quiz_set, progress.answers)
    links = find(render(atlas, graph, quiz_set, progress)["summary"], dash.html.A)
    opened_lines, opened_regions = [], []
    for link in links:
        state, problems = parse_query(atlas, link.href)
        assert problems == ()
        opened_lines += [state.line] if state.line else []
        opened_regions += [state.region[0]] if state.region else []
    assert opened_lines == summary.revisit_lines
    assert opened_regions == summary.revisit_regions
    # The last link takes the same quiz again.
    assert parse_query(atlas, links[-1].href)[0].seed == seed


def test_the_quiz_stays_out_of_other_views(atlas: Atlas, graph: core.Graph) -> None:
    for shown in (None, "", "?line=SBL", "?view=evidence"):
        with pytest.raises(PreventUpdate):
            quiz.respond(atlas, graph, shown, None, quiz.Ids.GATE)


def test_a_quiz_address_without_a_seed_leads_to_one(
    app: dash.Dash, atlas: Atlas, graph: core.Graph
) -> None:
    out = quiz.respond(atlas, graph, "?view=quiz", None, Ids.GATE)
    (start,) = find(out["question"], dash.html.A)
    assert start.href == "?view=quiz"
    # The server answers that address with a seed in it, keeping the rest of the address.
    response = app.server.test_client().get("/?view=quiz&figure=female")
    assert response.status_code == 302
    state, problems = parse_query(atlas, response.location.partition("?")[2])
    assert problems == () and state.view == "quiz" and state.seed is not None
    assert state.figure == "female"
    assert app.server.test_client().get("/?view=quiz&seed=5").status_code == 200


def test_every_question_fits_the_answer_buttons(atlas: Atlas) -> None:
    widest = max(len(q.choices) for seed in range(200) for q in _quiz(atlas, seed).questions)
    assert widest <= len(quiz.CHOICE_KEYS)


# The app: the guard, the downloads ----------------------------------------------------------


@pytest.fixture(scope="module")
def app(atlas: Atlas) -> dash.Dash:
    return create_app(atlas)


def _quiz_body(app: dash.Dash, clicks: Any) -> dict[str, Any]:
    output = next(key for key in app.callback_map if "quiz-progress.data" in key)
    callback = app.callback_map[output]
    inputs = [
        {"id": dep["id"], "property": dep["property"], "value": None} for dep in callback["inputs"]
    ]
    for item in inputs:
        if item["id"] == choice_id("A"):
            item["value"] = clicks
    return {
        "output": output,
        "outputs": [{"id": "x", "property": "y"}] * len(callback["output"]),
        "inputs": inputs,
        "state": [
            {"id": dep["id"], "property": dep["property"], "value": None}
            for dep in callback["state"]
        ],
        "changedPropIds": [f"{choice_id('A')}.n_clicks"],
    }


def test_the_guard_knows_the_quiz_buttons(app: dash.Dash) -> None:
    guard = CallbackGuard(app.callback_map, app.layout)
    body = _quiz_body(app, 1)
    guard.check(body)
    with pytest.raises(BadCallback):
        guard.check({**body, "inputs": _quiz_body(app, "many")["inputs"]})
    with pytest.raises(BadCallback):
        guard.check({**body, "inputs": _quiz_body(app, -1)["inputs"]})


def test_the_deck_and_worksheet_download_for_a_seed(app: dash.Dash, atlas: Atlas) -> None:
    client = app.server.test_client()
    deck = client.get("/quiz/42/deck.apkg")
    assert deck.status_code == 200
    with zipfile.ZipFile(io.BytesIO(deck.data)) as package:
        assert "collection.anki2" in package.namelist()
    sheet = client.get("/quiz/42/worksheet.html")
    assert sheet.status_code == 200
    body = sheet.get_data(as_text=True)
    assert all(html.escape(q.text, quote=False) in body for q in _quiz(atlas, 42).questions)
    assert client.get(f"/quiz/{MAX_SEED + 1}/deck.apkg").status_code == 404
    # The view links to them for its seed.
    out = quiz.render(atlas, core.build(atlas), _quiz(atlas, 42), Progress(42))
    assert (out["anki"], out["worksheet"]) == ("quiz/42/deck.apkg", "quiz/42/worksheet.html")
    assert json.loads(json.dumps(out["progress"])) == Progress(42).to_store()
