"""The ranked candidates: the first :data:`CARDS` as compact cards, the rest as light rows.

A card shows where the place is, the paths that lead there and their evidence, and a button that
shows it on the body; its long text (why it ranks there, the explanation, safety, self-care and
sources: :func:`card_details`) is fetched when its fold first opens (:mod:`fascialines.web.folds`).
A focus is a class (:func:`focus_classes`): moving it changes two classes, not the cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

import dash
from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.graph import Side
from fascialines.tracing import Candidate, LinePath, Trace
from fascialines.web.markup import block
from fascialines.web.pieces import (
    anatomical_name,
    attrs,
    capitalised,
    evidence_badge,
    line_chip,
    places,
    route,
    set_button,
)
from fascialines.web.views.prose import candidate_prose
from fascialines.web.wording import CONTROL, HEADING, SENTENCE, count

__all__ = [
    "CANDIDATE",
    "CARDS",
    "FOLD_ATTRIBUTE",
    "FOLD_BODY",
    "FOLD_PATH",
    "candidate_class",
    "card",
    "card_details",
    "focus_classes",
    "fold_href",
    "more_rows",
]

#: How many candidates get a card; the rest are rows of one light list.
CARDS = 3
#: The id type of each card and row, ``{"type": CANDIDATE, "rank": rank}``: their classes are
#: the focus (:func:`focus_classes`).
CANDIDATE = "candidate"
#: The route that answers a card's fold (:mod:`fascialines.web.folds`), the fold's attribute
#: with its address there, and the class of the element the answer goes into.
FOLD_PATH = "fold"
FOLD_ATTRIBUTE = "data-fold"
FOLD_BODY = "fold-body"


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
    sites = [site.name for site in atlas.endangerment_sites_at(region_id)]
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


def card(atlas: Atlas, trace: Trace, candidate: Candidate, focused: bool, query: str) -> Component:
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
