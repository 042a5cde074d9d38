"""The trace results beside the diagram: red flags first, the top candidates, the rest, safety.

The panel has fixed slots (:class:`Ids`), each an output of its own, so a view change sends only
the slots it changes: a new trace fills them all; a new focus sends two cards' classes
(:func:`focus_classes`) or the rows again, nothing else. The first :data:`CARDS` candidates are
compact cards; the rest are one light list of rows; what no callback touches is markup
(:mod:`fascialines.web.markup`). A card's long text (:mod:`.prose`) is fetched only when its fold
is first opened (:func:`card_details`, served by :mod:`fascialines.web.folds`): most people never
open most folds, and every byte and component of a trace response costs render time. What is
the same for every trace (the safety notes, the trigger-point caveats) is part of the page as
inert HTML, shown or hidden (:func:`fixed_blocks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

import dash
from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas, RedFlag
from fascialines.explain import DISCLAIMER
from fascialines.graph import Side
from fascialines.tracing import Candidate, LinePath, Trace
from fascialines.web.markup import block, to_markup
from fascialines.web.pieces import (
    anatomical_name,
    attrs,
    capitalised,
    evidence_badge,
    in_app_link,
    line_chip,
    places,
    route,
    set_button,
    sources_list,
)
from fascialines.web.state import ViewState, to_query
from fascialines.web.views.client import switches
from fascialines.web.views.prose import candidate_prose
from fascialines.web.wording import (
    CONTRAINDICATION_KINDS,
    CONTROL,
    HEADING,
    MESSAGE,
    SENTENCE,
    count,
)

__all__ = [
    "CANDIDATE",
    "CARDS",
    "FIXED",
    "FOLD_ATTRIBUTE",
    "FOLD_BODY",
    "FOLD_PATH",
    "Ids",
    "candidate_class",
    "card_details",
    "fixed_blocks",
    "fixed_shown",
    "fixed_templates",
    "focus_classes",
    "fold_href",
    "layout",
    "more_rows",
    "render",
    "short_action",
    "short_sign",
    "template_id",
]

#: How many candidates get a card; the rest are rows of one light list.
CARDS = 3
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
#: The blocks the same for every trace that shows them (:func:`fixed_blocks`), and their
#: attribute naming the <template> their text comes from.
FIXED: tuple[str, ...] = (Ids.CAVEATS, Ids.SAFETY)
TEMPLATE = "data-template"
#: The id type of each card and row, ``{"type": CANDIDATE, "rank": rank}``: their classes are
#: the focus (:func:`focus_classes`).
CANDIDATE = "candidate"
#: The route that answers a card's fold (:mod:`fascialines.web.folds`), the fold's attribute
#: with its address there, and the class of the element the answer goes into.
FOLD_PATH = "fold"
FOLD_ATTRIBUTE = "data-fold"
FOLD_BODY = "fold-body"


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
            # Filled from their <template> in the page (fixed_templates) when first shown.
            html.Div(id=Ids.CAVEATS, hidden=True, **attrs({TEMPLATE: template_id(Ids.CAVEATS)})),
            html.Div(id=Ids.SAFETY, hidden=True, **attrs({TEMPLATE: template_id(Ids.SAFETY)})),
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


def _path_words(atlas: Atlas, path: LinePath, candidate: Candidate) -> Component:
    """A path in words; its side and grade are said only where they differ from the card's."""
    stops = route(atlas, path.regions, candidate.region.side)
    grade: list[Any] = (
        [] if path.evidence == candidate.parts.evidence else [" ", evidence_badge(path.evidence)]
    )
    return html.Li(
        [
            line_chip(atlas, path.line),
            f" {' → '.join(stops)}, {count(path.hops, 'step')}",
            *grade,
        ],
        className="path",
    )


def _summary_line(atlas: Atlas, candidate: Candidate) -> str | None:
    """What the badge cannot say: a grade rated for the whole line, or trigger points only."""
    if not candidate.paths:
        areas = places(atlas, (link.refers_to for link in candidate.trigger_points))
        return SENTENCE["trigger-only"].format(areas=areas)
    parts = candidate.parts
    best = next(
        (p for p in candidate.paths if (p.evidence, p.hops) == (parts.evidence, parts.hops)),
        candidate.paths[0],
    )
    notes = []
    if all(step.evidence_basis == "line" for step in best.steps):
        notes.append(SENTENCE["line-rated"])
    if candidate.trigger_points:
        notes.append(SENTENCE["also-trigger"])
    return " ".join(notes) or None


def _candidate_place(atlas: Atlas, candidate: Candidate) -> str:
    """The candidate in the client's words with every side it was found on ("both sides")."""
    sides = candidate.sides or (candidate.region.side,)
    return capitalised(
        places(atlas, [replace(candidate.region, side=cast(Side, side)) for side in sides])
    )


def _why_here(candidate: Candidate) -> str | None:
    """The ranking rule applied to this candidate, in the words the CLI and the JSON use.

    It opens the card's fold ("Why, self-care and sources"), so the first three cards still
    share the first screen with the diagram and the red flags.
    """
    return f"{HEADING['why-here']}{candidate.reasons.text}." if candidate.reasons else None


def _optional_p(text: str | None, class_name: str) -> list[Component]:
    return [html.P(text, className=class_name)] if text else []


def _take_care_short(atlas: Atlas, region_id: str) -> Component | None:
    """A card says at once when its place is one where pressure must stay light."""
    sites = [site.name for site in atlas.endangerment_sites if region_id in site.regions]
    if not sites:
        return None
    return html.P(
        className="take-care-short",
        children=[
            html.Strong(HEADING["take-care-short"]),
            SENTENCE["light-pressure"].format(sites=", ".join(sites)),
        ],
    )


def _focus_button(rank: int) -> Component:
    # Both words are there; the card's class shows one (style.css), so a new focus changes
    # two classes and no words.
    return set_button(
        [
            html.Span(CONTROL["show-on-body"], className="when-unfocused"),
            html.Span(CONTROL["show-all"], className="when-focused"),
        ],
        {"focus": str(rank)},
        toggle=True,
        class_name="button button-small candidate-actions",
        title=SENTENCE["focus-title"].format(rank=rank),
    )


def candidate_class(rank: int, focused: bool) -> str:
    """The class of the card (the first :data:`CARDS`) or the row of a rank."""
    return ("candidate" if rank <= CARDS else "candidate-row") + (
        " candidate-focused" if focused else ""
    )


def fold_href(query: str, rank: int) -> str:
    """Where a card's fold text is fetched from: ``/fold`` with the trace's address and rank."""
    return f"{FOLD_PATH}?rank={rank}" + (f"&{query.lstrip('?')}" if query.strip("?") else "")


def _card(atlas: Atlas, trace: Trace, candidate: Candidate, focused: bool, query: str) -> Component:
    """A compact card; its focus is its class alone (:func:`focus_classes`); ``query`` is the
    address of the view (its fold is fetched for that trace)."""
    rank = candidate.rank
    return html.Li(
        className=candidate_class(rank, focused),
        id={"type": CANDIDATE, "rank": rank},
        children=[
            # What no callback touches is one component (markup.block); the fold is a
            # component of its own, its opening fetches its text.
            block(
                [
                    html.Div(
                        className="candidate-head",
                        children=[
                            html.H3(
                                [
                                    html.Span(f"{rank}.", className="rank"),
                                    " " + _candidate_place(atlas, candidate),
                                    *anatomical_name(atlas, candidate.region),
                                ]
                            ),
                            evidence_badge(candidate.parts.evidence),
                        ],
                    ),
                    html.Div(
                        className="candidate-body",
                        children=[
                            html.Ul(
                                [_path_words(atlas, path, candidate) for path in candidate.paths],
                                className="paths",
                            ),
                            *_optional_p(_summary_line(atlas, candidate), "summary-line"),
                            _take_care_short(atlas, candidate.region.id),
                        ],
                    ),
                    _focus_button(rank),
                    html.Details(
                        className="candidate-details",
                        # Filled on its first opening (assets/app.js) from /fold (.folds).
                        **attrs({FOLD_ATTRIBUTE: fold_href(query, rank)}),
                        children=[html.Summary(CONTROL["details"]), html.Div(className=FOLD_BODY)],
                    ),
                ]
            ),
        ],
    )


def _row(atlas: Atlas, candidate: Candidate, focused: bool) -> Component:
    """One light row of the list after the cards: the name is the focus button."""
    label = f"{candidate.rank}. {_candidate_place(atlas, candidate)}"
    return html.Li(
        className=candidate_class(candidate.rank, focused),
        children=[
            set_button(label, {"focus": str(candidate.rank)}, toggle=True, class_name="row-button"),
            " ",
            evidence_badge(candidate.parts.evidence),
        ],
    )


def more_rows(atlas: Atlas, trace: Trace | None, focus: int | None) -> list[Component]:
    """The children of the :attr:`Ids.MORE` slot: the candidates after the cards, one block.

    A focus moving to or from a row sends the block again (one component, a few hundred
    bytes a row): cheaper than one component per row for every trace.
    """
    more = trace.candidates[CARDS:] if trace else []
    if not more:
        return []
    return [
        block(
            [
                html.H3(
                    f"{count(len(more), 'more place')}, {HEADING['more']}", className="more-head"
                ),
                html.Ol(
                    [_row(atlas, c, c.rank == focus) for c in more],
                    className="candidate-rows",
                    start=str(CARDS + 1),
                ),
            ]
        )
    ]


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


def card_details(atlas: Atlas, trace: Trace | None, rank: int) -> list[Component]:
    """The long text of a card's fold: why it ranks there, the explanation, safety, self-care,
    sources.

    Empty when the trace has no candidate of that rank (a stale click after the list changed).
    """
    candidate = next((c for c in trace.candidates if c.rank == rank), None) if trace else None
    if trace is None or candidate is None:
        return []
    return [
        *_optional_p(_why_here(candidate), "why-here"),
        *candidate_prose(atlas, trace, candidate),
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

    Their text is the same for every trace: it is part of the first page, as inert HTML
    (:func:`fixed_templates`), which ``assets/app.js`` puts in a block the first time it shows.
    So no trace answer carries it, and the page holds two components for it, not forty.
    """
    return {
        slot: dash.no_update if before is not None and before[slot] == shown else not shown
        for slot, shown in fixed_shown(atlas, trace).items()
    }


def template_id(slot: str) -> str:
    """The id of the ``<template>`` that holds a fixed block's text."""
    return f"{slot}-text"


def fixed_templates(atlas: Atlas) -> str:
    """The fixed blocks' text as ``<template>`` elements for the page's HTML (escaped markup:
    :func:`fascialines.web.markup.to_markup`)."""
    drawn = {Ids.CAVEATS: _caveats(atlas), Ids.SAFETY: _safety(atlas)}
    return "".join(
        f'<template id="{template_id(slot)}">{to_markup(children)}</template>'
        for slot, children in drawn.items()
    )


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
            _card(atlas, trace, c, c.rank == state.focus, query) for c in candidates[:CARDS]
        ],
        Ids.MORE: more_rows(atlas, trace, state.focus),
    }


def focus_classes(ranks: Sequence[int], before: int | None, after: int | None) -> list[Any]:
    """The new class of each card on the page (``ranks``, in page order) for a new focus: only
    the one that loses it and the one that gains it change; ``no_update`` for the rest (the
    rows after the cards are one block, :func:`more_rows`).

    The page's one callback sends these as the ``className`` of every ``{"type": CANDIDATE}``
    component: two classes, not the cards again (a card sent again is rendered anew, and each
    component rendered costs Dash a pass over every component on the page).
    """
    return [
        candidate_class(rank, rank == after) if rank in (before, after) else dash.no_update
        for rank in ranks
    ]
