"""The client view (``?view=client``): one complaint on a large body, for a client to look at.

A therapist prepares a trace in the explorer and turns the screen (a tablet, a monitor) to the
client. This view shows the same URL state simply: the complaint, the body chart with where it
is felt and the top three places, each place in plain words (the client wording of
:mod:`fascialines.explain`), the red flags, and only two controls: the side, and "Next place",
which focuses the next of the three. Large type, nothing to fiddle with.

The chart is the handout's (:mod:`fascialines.handout.drawing`), drawn from the app's geometry
as a static SVG image: a client looks, nobody clicks, and it is crisp at any size.

The view lives in its own section of the page (:func:`layout`), filled by the page's one callback
(:func:`outputs`); the stylesheet ``assets/client.css`` hides the explorer
while it is active.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

import dash
from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.handout.content import PLACES, Handout, handout_content, shown_candidates
from fascialines.handout.drawing import body_svg
from fascialines.tracing import Trace
from fascialines.web import core
from fascialines.web.pieces import attrs, set_button
from fascialines.web.state import ViewState, to_query
from fascialines.web.wording import CLIENT

__all__ = ["Ids", "layout", "next_focus", "outputs", "render", "switches"]

#: The class of the client view's section; ``client-active`` is added while it is shown.
ROOT_CLASS = "client-view"


class Ids:
    """The client view's component ids (``client-``)."""

    ROOT = "client-view"


#: The key of the section's class among :func:`outputs` (its children are under ``Ids.ROOT``).
CLASS_OUTPUT = Ids.ROOT + ".className"


def layout() -> Component:
    """The empty section, filled by :func:`render` when the address asks for the view."""
    return html.Section(
        id=Ids.ROOT,
        className=ROOT_CLASS,
        **attrs({"aria-label": "Client view"}),
    )


def next_focus(focus: int | None, places: int) -> int:
    """The place "Next place" shows: 1, 2, … then back to 1 (``places`` is how many there are).

    Examples
    --------
    >>> [next_focus(f, 3) for f in (None, 1, 2, 3, 7)]
    [1, 2, 3, 1, 1]
    """
    if focus is None or not 1 <= focus < places:
        return 1
    return focus + 1


def switches(atlas: Atlas, state: ViewState) -> Component:
    """The therapist's two doors from a trace: the printable handout and the client view.

    The handout link carries the view's address; ``assets/handout.js`` brings it up to date
    with the address at the moment of the click (the focus may have changed since).
    """
    query = to_query(atlas, replace(state, view="explore"))
    return html.Div(
        className="therapist-switches",
        children=[
            html.A(
                CLIENT["handout"],
                href=f"handout{query}",
                className="button button-small handout-link",
                target="_blank",
                rel="noopener",
                title=CLIENT["handout-title"],
            ),
            set_button(CLIENT["title"], {"view": "client"}, title=CLIENT["title-title"]),
        ],
    )


def _chart(trace: Trace, content: Handout, focus: int | None) -> Component:
    label = CLIENT["chart-label"].format(complaint=content.complaint.lower())
    drawing = body_svg(trace, shown_candidates(trace, focus), focus, label=label)
    data = base64.b64encode(drawing.svg.encode("utf-8")).decode("ascii")
    return html.Img(src=f"data:image/svg+xml;base64,{data}", alt=label, className="client-chart")


def _side_buttons(state: ViewState) -> list[Component]:
    return [
        set_button(
            label,
            {"side": side, "focus": ""},
            class_name="button client-button" + (" client-on" if state.side == side else ""),
        )
        for side, label in (
            ("left", CLIENT["side-left"]),
            ("right", CLIENT["side-right"]),
            ("both", CLIENT["side-both"]),
        )
    ]


def _empty(message: str) -> list[Component]:
    return [
        html.H1(CLIENT["title"], className="client-title"),
        html.P(message, className="client-lead"),
        set_button(CLIENT["back"], {"view": ""}, class_name="button client-button"),
    ]


def render(atlas: Atlas, graph: core.Graph, state: ViewState) -> list[Component]:
    """The client view's content for a view state (a sentence when nothing is traced).

    Notes
    -----
    One trace (tens of milliseconds) and one SVG drawing (linear in the paths drawn).
    """
    found, problems = core.trace_view(graph, state)
    if found is None:
        return _empty(problems[0] if problems else CLIENT["nothing-traced"])
    if not found.candidates:
        return _empty(CLIENT["no-places"])
    places = min(PLACES, len(found.candidates))
    focus = state.focus if state.focus and state.focus <= places else None
    content = handout_content(found, focus)
    shown = content.places[:places]
    cards = [
        html.Li(
            className="client-place" + (" client-place-focused" if p.rank == focus else ""),
            children=[
                html.H3([html.Span(f"{p.rank}", className="client-rank"), f" {p.name}"]),
                html.P(p.sentence),
            ],
        )
        for p in shown
    ]
    flags = [html.Li([flag.sign, " ", html.Strong(flag.action)]) for flag in content.red_flags]
    return [
        html.H1(content.complaint, className="client-title"),
        html.P(CLIENT["felt"].format(felt=content.felt_at), className="client-lead"),
        html.Div(
            className="client-controls",
            children=[
                html.Div(
                    _side_buttons(state),
                    role="group",
                    className="client-sides",
                    **attrs({"aria-label": CLIENT["sides"]}),
                ),
                set_button(
                    CLIENT["next"],
                    {"focus": str(next_focus(focus, places))},
                    class_name="button client-button client-next",
                ),
            ],
        ),
        html.Div(
            className="client-main",
            children=[
                _chart(found, content, focus),
                html.Div(
                    className="client-text",
                    children=[
                        html.H2(CLIENT["places"]),
                        html.P(CLIENT["places-note"]),
                        html.Ol(cards, className="client-places"),
                    ],
                ),
            ],
        ),
        html.Div(
            className="client-flags",
            role="note",
            **attrs({"aria-labelledby": "client-flags-heading"}),
            children=[
                html.H2(CLIENT["doctor"], id="client-flags-heading"),
                html.P(content.see_a_doctor),
                html.Ul(flags) if flags else None,
            ],
        ),
        html.P(content.disclaimer, className="client-disclaimer"),
        set_button(CLIENT["back"], {"view": ""}, class_name="link-button client-exit"),
    ]


def outputs(
    atlas: Atlas, graph: core.Graph, state: ViewState, shown: ViewState | None
) -> dict[str, Any]:
    """The client view's section for a view state, given the state on screen (``None``: none).

    Filled on its own view, emptied when the page leaves it, untouched otherwise: the page's one
    callback (:mod:`fascialines.web.callbacks`) sends these with everything else, so the
    explorer's gestures cost no second request for a view they do not show.
    """
    if state.view == "client":
        return {Ids.ROOT: render(atlas, graph, state), CLASS_OUTPUT: f"{ROOT_CLASS} client-active"}
    if shown is None or shown.view == "client":
        return {Ids.ROOT: [], CLASS_OUTPUT: ROOT_CLASS}
    return {Ids.ROOT: dash.no_update, CLASS_OUTPUT: dash.no_update}
