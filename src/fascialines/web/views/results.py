"""The trace results beside the diagram: red flags first, the ranked candidates, safety.

The panel has fixed slots (:class:`Ids`), each an output of its own, so a view change sends only
the slots it changes: a new trace fills them all; a new focus sends two cards' classes or the
rows again (:mod:`.cards`), nothing else. What no callback touches is markup
(:mod:`fascialines.web.markup`). What is the same for every trace (the safety notes, the
trigger-point caveats) is part of the page as inert HTML, shown or hidden (:func:`fixed_blocks`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash
from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas, RedFlag
from fascialines.explain import DISCLAIMER
from fascialines.tracing import Trace
from fascialines.web.markup import block
from fascialines.web.pieces import (
    attrs,
    capitalised,
    in_app_link,
    line_chip,
    places,
    sources_list,
)
from fascialines.web.state import ViewState, to_query
from fascialines.web.views import cards
from fascialines.web.views.client import switches
from fascialines.web.wording import (
    CONTRAINDICATION_KINDS,
    HEADING,
    MESSAGE,
    SENTENCE,
    count,
)

__all__ = [
    "FIXED",
    "Ids",
    "fixed_blocks",
    "fixed_shown",
    "layout",
    "render",
    "short_action",
    "short_sign",
]

#: Complaints the article behind this project starts from, offered as first examples.
EXAMPLE_SYMPTOMS = ("headache", "low-back-pain", "plantar-fasciitis", "menstrual-pain", "hip-pain")


class Ids:
    """The slots of the results panel (``trace-``)."""

    HEAD = "trace-head"
    FLAGS = "trace-flags"
    CARDS = "trace-cards"
    MORE = "trace-more"
    CAVEATS = "trace-caveats"
    SAFETY = "trace-safety"


#: The slots whose children a trace fills.
SLOTS: tuple[str, ...] = (Ids.HEAD, Ids.FLAGS, Ids.CARDS, Ids.MORE)
#: The blocks the same for every trace that shows them (:func:`fixed_blocks`).
FIXED: tuple[str, ...] = (Ids.CAVEATS, Ids.SAFETY)


def layout(atlas: Atlas) -> Component:
    """The empty slots, filled by :func:`render`, and the fixed blocks, hidden until a trace."""
    return html.Section(
        id="results",
        className="results",
        **attrs({"aria-label": HEADING["results"]}),
        children=[
            html.Div(id=Ids.HEAD, **attrs({"aria-live": "polite"})),
            html.Div(id=Ids.FLAGS),
            html.Ol(id=Ids.CARDS, className="candidates"),
            html.Div(id=Ids.MORE),
            # The same for every trace: part of the page, shown or hidden (fixed_blocks).
            html.Div(id=Ids.CAVEATS, hidden=True, children=[block(_caveats(atlas))]),
            html.Div(id=Ids.SAFETY, hidden=True, children=[block(_safety(atlas))]),
        ],
    )


def short_sign(text: str) -> str:
    """The first clause of a red flag's text: the sign, short enough for one line.

    ``"A sudden, severe 'thunderclap' headache that peaks within a minute, or headache with
    confusion…"`` gives ``"A sudden, severe 'thunderclap' headache that peaks within a
    minute"``; the full wording stays one click away.
    """
    return _first_clause(text, ("; ", ", or ", " or ", ", with ", ": ", ". ", " ("), 60)


def short_action(text: str) -> str:
    """The first clause of a red flag's action: ``"Emergency: call an ambulance"``.

    Cut before an alternative (`` or …``) or an aside (`` (…)``); the full wording is one
    click away and says the rest.
    """
    return _first_clause(text, (" or ", " (", "; ", ". "), 50)


def _first_clause(text: str, marks: tuple[str, ...], longest: int) -> str:
    cut = len(text)
    for mark in marks:
        at = text.find(mark, 12)
        if at != -1:
            cut = min(cut, at)
    short = text[:cut].rstrip(" ,.;:")
    if len(short) > longest:
        short = short[:longest].rsplit(" ", 1)[0] + "…"
    return short


def _red_flag(flag: RedFlag) -> Component:
    return html.Li(
        html.Details(
            [
                html.Summary(
                    [f"{short_sign(flag.text)}: ", html.Strong(short_action(flag.action))]
                ),
                html.P([flag.text, " ", html.Strong(flag.action)], className="flag-full"),
            ]
        )
    )


def _flags(trace: Trace) -> list[Component]:
    notice = html.P(
        className="not-diagnosis",
        children=[
            html.Strong(HEADING["not-diagnosis"]),
            HEADING["not-diagnosis-text"],
            html.A(HEADING["safety-link"], href="#safety"),
            ".",
        ],
    )
    if not trace.red_flags:
        return [notice]
    flags = html.Div(
        className="red-flags",
        role="note",
        **attrs({"aria-labelledby": "red-flags-heading"}),
        children=[
            html.H3(
                [
                    html.Span("!", className="warning-sign", **attrs({"aria-hidden": "true"})),
                    " " + HEADING["red-flags"],
                ],
                id="red-flags-heading",
            ),
            html.Ul([_red_flag(flag) for flag in trace.red_flags]),
        ],
    )
    return [flags, notice]


def _welcome(atlas: Atlas, state: ViewState) -> list[Component]:
    if state.line:
        # The line's own panel answers; the prompt stays one quiet line.
        return [html.P(SENTENCE["line-open"], className="hint")]
    known = {symptom.id for symptom in atlas.symptoms}
    examples = [i for i in EXAMPLE_SYMPTOMS if i in known] or sorted(known)[:5]
    # One markup block: the page's first screen, which the first choice of a symptom replaces.
    return [
        block(
            [
                html.H2(HEADING["welcome"]),
                html.P(HEADING["welcome-text"]),
                html.P(HEADING["examples"]),
                html.Ul(
                    className="chips",
                    children=[
                        html.Li(in_app_link(atlas.symptom_by_id(i).name, f"?symptom={i}"))
                        for i in examples
                    ],
                ),
                html.P(HEADING["follow-line"]),
                html.Ul(
                    className="chips",
                    children=[
                        html.Li(
                            in_app_link(
                                [line_chip(atlas, line.id), f" {line.name}"],
                                f"?line={line.abbreviation}",
                            )
                        )
                        for line in atlas.lines
                    ],
                ),
                html.P(DISCLAIMER, className="disclaimer"),
            ]
        )
    ]


def _head(atlas: Atlas, trace: Trace) -> list[Component]:
    felt = places(atlas, trace.felt_at)
    title = trace.symptom.name if trace.symptom else SENTENCE["traced-from"].format(felt=felt)
    total = len(trace.candidates)
    if not total:
        return [
            html.H2(title),
            html.P(SENTENCE["felt-at"].format(felt=felt)),
            html.P(MESSAGE["no-candidates"]),
        ]
    return [
        html.H2(title),
        html.P(
            SENTENCE["felt-at"].format(felt=felt)
            + " "
            + SENTENCE["ranked"].format(places=capitalised(count(total, "linked place"))),
            className="felt-at",
        ),
    ]


def _has_caveats(atlas: Atlas, trace: Trace | None) -> bool:
    return bool(
        trace and atlas.trigger_point_caveats and any(c.trigger_points for c in trace.candidates)
    )


def _caveats(atlas: Atlas) -> list[Component]:
    caveats = atlas.trigger_point_caveats
    if not caveats:
        return []
    return [
        html.Div(
            id="trigger-point-caveats",
            className="trigger-points",
            children=[
                html.H3(HEADING["trigger-points"]),
                html.Ul([html.Li(caveat.text) for caveat in caveats]),
                sources_list(atlas, [s for caveat in caveats for s in caveat.sources]),
            ],
        )
    ]


def _safety(atlas: Atlas) -> list[Component]:
    children: list[Component] = [html.H2(HEADING["safety"]), html.P(DISCLAIMER)]
    groups = [
        (heading, [item.text for item in atlas.contraindications if item.kind == kind])
        for kind, heading in CONTRAINDICATION_KINDS.items()
    ]
    if atlas.contraindications:
        children.append(
            html.Details(
                className="contraindications",
                children=[
                    html.Summary(HEADING["contraindications"]),
                    *[
                        item
                        for heading, texts in groups
                        if texts
                        for item in (html.H4(heading), html.Ul([html.Li(t) for t in texts]))
                    ],
                ],
            )
        )
    return [
        html.Aside(
            id="safety",
            className="safety",
            children=children,
            **attrs({"aria-label": HEADING["safety-label"]}),
        )
    ]


def fixed_shown(atlas: Atlas, trace: Trace | None) -> dict[str, bool]:
    """Whether each fixed block (:data:`FIXED`) shows in a view, by id."""
    return {Ids.SAFETY: trace is not None, Ids.CAVEATS: _has_caveats(atlas, trace)}


def fixed_blocks(
    atlas: Atlas, trace: Trace | None, before: dict[str, bool] | None
) -> dict[str, Any]:
    """The ``hidden`` property of each fixed block for a view, given which showed before
    (``None``: the page is new); ``no_update`` for one that stays as it is.

    Their text is the same for every trace: it is part of the page's layout, one markup block
    each (:mod:`fascialines.web.markup`), so no trace answer carries it and the page holds two
    components for it, not forty.
    """
    return {
        slot: dash.no_update if before is not None and before[slot] == shown else not shown
        for slot, shown in fixed_shown(atlas, trace).items()
    }


def render(atlas: Atlas, trace: Trace | None, state: ViewState) -> dict[str, Any]:
    """Every slot's children for a view, by slot id."""
    if trace is None:
        return {slot: [] for slot in SLOTS} | {Ids.HEAD: _welcome(atlas, state)}
    candidates = trace.candidates
    query = to_query(atlas, replace(state, focus=None))
    return {
        # One grid (client.css) puts the therapist's doors on the heading's row.
        Ids.HEAD: [
            block(
                html.Div(
                    className="head-with-switches",
                    children=[*_head(atlas, trace), switches(atlas, state)],
                )
            )
        ],
        Ids.FLAGS: [block(_flags(trace))],
        Ids.CARDS: [
            cards.card(atlas, trace, c, c.rank == state.focus, query)
            for c in candidates[: cards.CARDS]
        ],
        Ids.MORE: cards.more_rows(atlas, trace, state.focus),
    }
