"""Shared wiring of the students' views: show a section, and wake its callback, on its view.

Each of the quiz, compare and evidence views has a section (``<name>-view``) and a gate store
(``<name>-gate``). One browser-side callback for all of them (:func:`wire_views`,
``assets/students.js``) reads ``page-view`` (:func:`page_view` of the address the page's own
callback has just drawn and checked): a section is hidden unless that address is its view's, and
its gate passes the address on
only then, from a fresh browser task (``dash_clientside.set_props``: Dash holds back callbacks set
off during the first load and runs none twice in one chain). A view's server callback listens to its
gate, so the explorer sends no request for these views, and on its own view it runs after the page's
callback, so its drawing on the body is the last.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash
from dash import Input, Output, State, dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web.pieces import attrs, in_app_link
from fascialines.web.state import FIGURES, ViewState
from fascialines.web.wording import CONTROL, HEADING

__all__ = [
    "STUDENT_VIEWS",
    "gate_store",
    "gated_query",
    "nav",
    "page_view",
    "view_name",
    "wire_views",
]

#: The views with a section and a gate of their own.
STUDENT_VIEWS = ("quiz", "compare", "evidence")


def gate_store(gate_id: str) -> dcc.Store:
    """The store a view's server callback listens to."""
    return dcc.Store(id=gate_id, storage_type="memory")


def gated_query(data: Any) -> str | None:
    """The address a gate passed on (its store comes from the browser: anything else is None)."""
    shown = data.get("shown") if isinstance(data, dict) else None
    return shown if isinstance(shown, str) else None


def view_name(state: ViewState) -> str:
    """The view a state shows: its ``view``, or ``compare`` for two lines or more and nothing
    traced or explored (as ``viewOf`` in ``assets/students.js`` reads an address)."""
    traced = any((state.symptom, state.felt, state.line, state.region))
    if state.view == "explore" and len(state.lines) >= 2 and not traced:
        return "compare"
    return state.view


def page_view(state: ViewState, query: str) -> str:
    """The ``page-view`` the page's callback sets for a state drawn at address ``query``.

    On a students' view, the whole address: every new one wakes the view's gate. Elsewhere,
    only what the browser callback reads there (the view, and for the chart's switches the
    ``all_lines`` field and a figure other than the default), so an explorer's gesture leaves it
    as it is and Dash runs no browser callback at all.
    """
    if view_name(state) in STUDENT_VIEWS:
        return query
    figure = f"&figure={state.figure}" if state.figure != FIGURES[0] else ""
    return f"?view={state.view}" + ("&all_lines=1" if state.all_lines else "") + figure


def wire_views(
    app: dash.Dash,
    root_id: str,
    panel_id: str,
    views: Sequence[tuple[str, str]],
) -> None:
    """Register the one browser-side callback that follows ``page-view`` (no request).

    ``views`` holds each gated view's section and gate ids (``<name>-view``, ``<name>-gate``).
    The callback (``students.shown`` in ``assets/students.js``) sets the page's class
    (``page view-<name>``: the stylesheets hide what a view replaces), the chart panel's class
    (``every-line`` with ``all_lines=1``), shows the section of the view shown and hides the
    others, leaving alone what is already right (setting a property re-renders what it holds),
    and opens the gate of the view shown. One callback, not two per view: each callback Dash
    runs costs it about ten store updates, and each update visits every component on the page;
    and it runs only when ``page-view`` changes (:func:`page_view`).
    """
    # Here, not at the top: the page imports the views' layouts, and they import this module.
    from fascialines.web.views import page

    app.clientside_callback(
        dash.ClientsideFunction(namespace="students", function_name="shown"),
        Output(root_id, "className"),
        Output(panel_id, "className"),
        *(Output(section, "hidden") for section, _ in views),
        Input(page.Ids.VIEW, "data"),
        State(root_id, "className"),
        State(panel_id, "className"),
        *(State(section, "hidden") for section, _ in views),
    )


def nav(atlas: Atlas) -> Component:
    """The header's ways into the students' views: a quiz, two lines side by side, the evidence."""
    first_two = ",".join(line.abbreviation for line in atlas.lines[:2])
    return html.Nav(
        className="students-nav",
        **attrs({"aria-label": HEADING["students"]}),
        children=[
            # A whole page load: the server gives the new quiz its seed (quiz_downloads).
            html.A(CONTROL["students-quiz"], href="?view=quiz"),
            in_app_link(CONTROL["students-compare"], f"?lines={first_two}"),
            in_app_link(CONTROL["students-evidence"], "?view=evidence"),
        ],
    )
