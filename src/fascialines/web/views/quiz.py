"""The quiz view (``?view=quiz&seed=N``): ten questions, one at a time, answered on the body.

The questions come from :func:`fascialines.teaching.generate_quiz`, so a seed gives a whole
class the same quiz from one link. A student's answers live in the browser (a ``dcc.Store``);
the server keeps nothing and rebuilds the questions from the seed on every gesture (a few
milliseconds). Each answer is told right or wrong at once, with one sentence and its source,
and the body diagram draws what makes it right: the view state of :func:`cue_state` (a line, a
region on a side, or a trace from where pain is felt with the source in focus) goes through
the same figure patch and caption as the explorer. The end lists what to revisit, with links
to the line and region explorers, and the deck and worksheet of the seed can be downloaded
(routes of :func:`add_download_routes`).

The section is shown, and the callback woken, only on the quiz (:mod:`.gate`); the callback
runs after the page's own, so on the quiz its drawing is the last word on the diagram.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.teaching import Question, QuestionSet, summarize
from fascialines.teaching.drafting import MAX_CHOICES
from fascialines.teaching.progress import Progress, advance, read_progress
from fascialines.tracing import Trace
from fascialines.web import core, figure
from fascialines.web.pieces import attrs, node_name, query_href, short_citation, sources_list
from fascialines.web.quiz_downloads import QUIZ_LENGTH, add_download_routes, quiz_of
from fascialines.web.state import ViewState, parse_query
from fascialines.web.views import diagram, page
from fascialines.web.views.gate import gate_store, gated_query
from fascialines.web.wording import QUIZ

__all__ = [
    "CHOICE_KEYS",
    "QUIZ_LENGTH",
    "Ids",
    "Progress",
    "add_download_routes",
    "advance",
    "choice_id",
    "cue_state",
    "layout",
    "read_progress",
    "render",
    "set_callbacks",
]

#: The answer buttons: enough for the widest question (the five grades of "how well studied").
CHOICE_KEYS: tuple[str, ...] = tuple("ABCDEFGH"[: max(MAX_CHOICES, len(EVIDENCE_ORDER))])


class Ids:
    """The quiz view's component ids (``quiz-``)."""

    VIEW = "quiz-view"
    GATE = "quiz-gate"
    HEADING = "quiz-heading"
    PROGRESS = "quiz-progress"
    SCORE = "quiz-score"
    QUESTION = "quiz-question"
    FEEDBACK = "quiz-feedback"
    NEXT = "quiz-next"
    NEW = "quiz-new"
    SUMMARY = "quiz-summary"
    ANKI = "quiz-anki"
    WORKSHEET = "quiz-worksheet"


def choice_id(key: str) -> str:
    """The id of the answer button for a choice's letter (``quiz-choice-A``)."""
    return f"quiz-choice-{key}"


def _node(atlas: Atlas, region_id: str, side: str = "left") -> tuple[str, str]:
    # A paired region is drawn on one side; the line itself is drawn on both.
    region = atlas.region(region_id)
    return (region_id, "midline" if region.laterality == "midline" else side)


def cue_state(
    atlas: Atlas, graph: core.Graph, question: Question, answered: bool
) -> tuple[ViewState, Trace | None]:
    """The view state that shows a question on the body, and its trace if it traces one.

    Before the answer only a "which line is drawn" question draws something (its line);
    after it, every kind shows what makes the answer right: the line with the first region
    ringed, the line with the region ringed on the side the answer names, or for "where may
    pain come from" a trace from the place felt with the right source in focus.
    """
    cue = question.show
    if not answered:
        return (ViewState(line=cue.line) if question.kind == "drawn-line" else ViewState()), None
    if question.kind == "pain-source":
        area, source = cue.regions
        felt = _node(atlas, area)
        traced = ViewState(felt=felt, hops=1, lines=(cue.line,) if cue.line else ())
        found, _ = core.trace_view(graph, traced)
        ranks = [c.rank for c in found.candidates if c.region.id == source] if found else []
        if found is not None and ranks:
            return ViewState(felt=felt, hops=1, lines=traced.lines, focus=ranks[0]), found
        return ViewState(line=cue.line, region=_node(atlas, source)), None
    if question.kind == "side-after-crossing":
        side = question.right_choice.value
        return ViewState(line=cue.line, region=_node(atlas, cue.regions[-1], side)), None
    region = _node(atlas, cue.regions[0]) if cue.regions else None
    return ViewState(line=cue.line, region=region), None


def _body(atlas: Atlas, graph: core.Graph, question: Question | None, answered: bool) -> dict:
    if question is None:
        state, found = ViewState(), None
    else:
        state, found = cue_state(atlas, graph, question, answered)
    active = found is not None or state.line is not None or state.region is not None
    return {
        "drawn": _drawn(atlas, state, found),
        "overlay": figure.upper_patch(
            atlas, trace=found, focus_rank=state.focus, line=state.line, region=state.region
        ),
        "caption": diagram.caption(atlas, found, state),
        "lower": diagram.lower_class(active),
    }


def _drawn(atlas: Atlas, state: ViewState, found: Trace | None) -> str:
    """What the body shows for the answer, in words (the caption says it for the whole view)."""
    parts = []
    if found is not None and state.felt and state.focus:
        source = next(c for c in found.candidates if c.rank == state.focus)
        parts.append(
            QUIZ["drawn-trace"].format(
                felt=node_name(atlas, state.felt),
                source=node_name(atlas, (source.region.id, source.region.side)),
                rank=state.focus,
            )
        )
    if state.line:
        parts.append(QUIZ["drawn-line"].format(line=atlas.line(state.line).name))
    if state.region:
        parts.append(QUIZ["drawn-region"].format(region=node_name(atlas, state.region)))
    return "; ".join(parts) + "." if parts else ""


def _feedback(atlas: Atlas, question: Question, chosen: str, drawn: str) -> list[Component]:
    right = question.right_choice
    verdict = (
        QUIZ["right"]
        if chosen == question.answer
        else QUIZ["wrong"].format(key=right.key, text=right.text)
    )
    sources = [atlas.source(s) for s in question.sources]
    children: list[Component] = [
        html.P(verdict, className="quiz-verdict"),
        html.P(question.explanation),
    ]
    if sources:
        children.append(
            html.P(
                [QUIZ["source"], "; ".join(short_citation(s) for s in sources)],
                className="quiz-source",
            )
        )
        children.append(sources_list(atlas, question.sources))
    if drawn:
        children.append(html.P([QUIZ["on-body"], drawn], className="quiz-on-body"))
    if question.detail:
        children.append(
            html.Details(
                className="quiz-detail", children=[html.Summary(QUIZ["more"]), question.detail]
            )
        )
    return children


def _choice_class(question: Question, key: str, chosen: str | None) -> str:
    if chosen is None:
        return "quiz-choice"
    if key == question.answer:
        return "quiz-choice quiz-choice-right"
    return "quiz-choice quiz-choice-wrong" if key == chosen else "quiz-choice quiz-choice-other"


def _summary(atlas: Atlas, quiz: QuestionSet, progress: Progress) -> list[Component]:
    result = summarize(quiz, progress.answers)
    children: list[Component] = [
        html.H3(QUIZ["summary"].format(score=result.score, total=result.total))
    ]
    if not result.missed:
        children.append(html.P(QUIZ["all-right"]))
    else:
        numbers = ", ".join(str(n) for n in result.missed)
        children.append(html.P(QUIZ["missed"].format(numbers=numbers)))
        children.append(html.P(QUIZ["revisit"]))
        links = [
            (QUIZ["revisit-lines"], atlas.line(line_id).name, ViewState(line=line_id))
            for line_id in result.revisit_lines
        ] + [
            (QUIZ["revisit-regions"], atlas.region(r).name, ViewState(region=_node(atlas, r)))
            for r in result.revisit_regions
        ]
        for group in (QUIZ["revisit-lines"], QUIZ["revisit-regions"]):
            items = [
                html.Li(html.A(name, href=query_href(atlas, state)))
                for kind, name, state in links
                if kind == group
            ]
            if items:
                children += [html.H4(group), html.Ul(items, className="quiz-revisit")]
    again = ViewState(view="quiz", seed=quiz.seed)
    children.append(html.P(html.A(QUIZ["again"], href=query_href(atlas, again))))
    return children


def render(
    atlas: Atlas, graph: core.Graph, quiz: QuestionSet, progress: Progress
) -> dict[str, Any]:
    """Every output of the quiz view for a progress: pure, so tests call it directly.

    Returns
    -------
    dict
        ``score``, ``question``, ``feedback``, ``summary`` (children), ``next`` and
        ``next_label``, ``choices`` (letter to ``children``, ``className``, ``disabled``,
        ``hidden``), ``anki`` and ``worksheet`` (hrefs), ``progress`` (the store),
        and the body's ``overlay``, ``caption`` and ``lower`` class.
    """
    total = len(quiz.questions)
    finished = progress.at > total
    question = None if finished or not total else quiz.questions[progress.at - 1]
    chosen = progress.answers.get(question.number) if question else None
    body = _body(atlas, graph, question, chosen is not None)
    drawn = body.pop("drawn")
    answered = sum(1 for q in quiz.questions if q.number in progress.answers)
    score = sum(1 for q in quiz.questions if progress.answers.get(q.number) == q.answer)
    choices = {}
    for index, key in enumerate(CHOICE_KEYS):
        choice = question.choices[index] if question and index < len(question.choices) else None
        choices[key] = {
            "children": [html.Span(f"{key}.", className="quiz-key"), " ", choice.text]
            if choice
            else "",
            "className": _choice_class(question, key, chosen) if question else "quiz-choice",
            "disabled": chosen is not None,
            "hidden": choice is None,
        }
    if question is not None:
        asked = [
            html.P(f"Question {question.number} of {total}", className="quiz-count"),
            html.P(question.beside_drawing or question.text, className="quiz-text"),
        ]
    else:
        asked = [] if total else [html.P(QUIZ["no-questions"])]
    return {
        "score": QUIZ["score"].format(score=score, answered=answered, total=total),
        "question": asked,
        "feedback": _feedback(atlas, question, chosen, drawn) if question and chosen else [],
        "summary": _summary(atlas, quiz, progress) if finished and total else [],
        "next": question is None or chosen is None,
        "next_label": QUIZ["results"] if progress.at == total else QUIZ["next"],
        "choices": choices,
        "anki": f"quiz/{quiz.seed}/deck.apkg",
        "worksheet": f"quiz/{quiz.seed}/worksheet.html",
        "progress": progress.to_store(),
        **body,
    }


def layout() -> Component:
    """The quiz panel, hidden until the address asks for ``view=quiz``."""
    return html.Section(
        id=Ids.VIEW,
        className="quiz-view",
        hidden=True,
        **attrs({"aria-labelledby": Ids.HEADING}),
        children=[
            gate_store(Ids.GATE),
            dcc.Store(id=Ids.PROGRESS, storage_type="memory"),
            html.H2(QUIZ["heading"], id=Ids.HEADING),
            html.P(QUIZ["intro"], className="quiz-intro"),
            html.P(id=Ids.SCORE, role="status", className="quiz-score"),
            html.Div(id=Ids.QUESTION, className="quiz-question"),
            html.Div(
                className="quiz-choices",
                role="group",
                **attrs({"aria-labelledby": Ids.QUESTION}),
                children=[
                    html.Button(id=choice_id(key), className="quiz-choice", n_clicks=0, hidden=True)
                    for key in CHOICE_KEYS
                ],
            ),
            html.Div(id=Ids.FEEDBACK, className="quiz-feedback", **attrs({"aria-live": "polite"})),
            html.Div(id=Ids.SUMMARY, className="quiz-summary"),
            html.Div(
                className="quiz-actions",
                children=[
                    html.Button(
                        QUIZ["next"], id=Ids.NEXT, className="button", n_clicks=0, hidden=True
                    ),
                    html.Button(
                        QUIZ["new"], id=Ids.NEW, className="button button-quiet", n_clicks=0
                    ),
                ],
            ),
            html.P(
                className="quiz-exports",
                children=[
                    QUIZ["take-home"],
                    html.A(QUIZ["anki"], id=Ids.ANKI, href="quiz/0/deck.apkg", download=""),
                    " · ",
                    html.A(QUIZ["worksheet"], id=Ids.WORKSHEET, href="quiz/0/worksheet.html"),
                ],
            ),
        ],
    )


def set_callbacks(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Answer the quiz's buttons and add the download routes (the page shows it, :mod:`.gate`)."""
    add_download_routes(app, atlas)
    # A new seed is drawn in the browser: the address it writes starts a new round of
    # callbacks (the page's, then this view's), which a server callback writing it would not.
    app.clientside_callback(
        dash.ClientsideFunction(namespace="students", function_name="newQuiz"),
        Output(page.Ids.URL, "search", allow_duplicate=True),
        Input(Ids.NEW, "n_clicks"),
        State(page.Ids.URL, "search"),
        prevent_initial_call=True,
    )
    outputs: dict[str, Any] = {
        "progress": Output(Ids.PROGRESS, "data"),
        "score": Output(Ids.SCORE, "children"),
        "question": Output(Ids.QUESTION, "children"),
        "feedback": Output(Ids.FEEDBACK, "children"),
        "summary": Output(Ids.SUMMARY, "children"),
        "next": Output(Ids.NEXT, "hidden"),
        "next_label": Output(Ids.NEXT, "children"),
        "anki": Output(Ids.ANKI, "href"),
        "worksheet": Output(Ids.WORKSHEET, "href"),
        "choices": {
            key: {
                prop: Output(choice_id(key), prop)
                for prop in ("children", "className", "disabled", "hidden")
            }
            for key in CHOICE_KEYS
        },
        "overlay": Output(diagram.Ids.OVERLAY_LAYER, diagram.OVERLAY_PROP, allow_duplicate=True),
        "caption": Output(diagram.Ids.CAPTION, "children", allow_duplicate=True),
        "lower": Output(diagram.Ids.LOWER_LAYER, "className", allow_duplicate=True),
    }

    @app.callback(
        output=outputs,
        inputs={
            "gate": Input(Ids.GATE, "data"),
            "clicks": {key: Input(choice_id(key), "n_clicks") for key in CHOICE_KEYS},
            "next": Input(Ids.NEXT, "n_clicks"),
            "progress": State(Ids.PROGRESS, "data"),
        },
        # It runs when its gate opens (set_props in assets/students.js), never on the first load.
        prevent_initial_call=True,
    )
    def update(gate: Any, clicks: dict, next: int, progress: Any) -> dict[str, Any]:
        out = respond(atlas, graph, gated_query(gate), progress, ctx.triggered_id)
        return out | {"overlay": diagram.overlay_output(out["overlay"])}


def respond(
    atlas: Atlas, graph: core.Graph, shown: str | None, stored: Any, trigger: str | None
) -> dict[str, Any]:
    """One gesture on the quiz: the outputs of :func:`render`, and the address to write.

    Raises
    ------
    PreventUpdate
        When the page is not on the quiz: the explorer's drawing stays.
    """
    state, _ = parse_query(atlas, shown)
    if state.view != "quiz":
        raise PreventUpdate
    if state.seed is None:
        # The server adds a seed to a page address without one (quiz_downloads); an address
        # changed in the page itself may still lack it: offer the way to a quiz of its own.
        out: dict[str, Any] = dict.fromkeys(_OUTPUT_NAMES, dash.no_update)
        out["choices"] = {
            key: dict.fromkeys(("children", "className", "disabled", "hidden"), dash.no_update)
            for key in CHOICE_KEYS
        }
        out["question"] = [html.P([QUIZ["no-seed"], html.A(QUIZ["start"], href="?view=quiz")])]
        return out
    quiz = quiz_of(atlas, state.seed)
    progress = read_progress(stored, state.seed, quiz)
    gesture = None
    if trigger == Ids.NEXT:
        gesture = "next"
    elif isinstance(trigger, str) and trigger.startswith(choice_id("")):
        gesture = trigger.removeprefix(choice_id(""))
    progress = advance(progress, quiz, gesture)
    return render(atlas, graph, quiz, progress)


_OUTPUT_NAMES = (
    "progress",
    "score",
    "question",
    "feedback",
    "summary",
    "next",
    "next_label",
    "anki",
    "worksheet",
    "overlay",
    "caption",
    "lower",
)
