"""The app's callbacks: thin glue between the URL, the controls, the core and the figures.

The URL is the single source of truth. :func:`sync_url` keeps the controls and the query
string in step (a control changed: write the URL; the URL changed, by a shared link or the back
button: set the controls). :func:`render` reads the URL and draws everything else. The pure
functions :func:`state_from_controls` and :func:`render_view` do the work, so tests call them
without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import dash
from dash import ClientsideFunction, Input, Output, ctx, html

from fascialines.atlas import Atlas
from fascialines.graph import BodyGraph
from fascialines.tracing import Trace, TraceOptions, UnknownSymptom, trace, trace_from
from fascialines.web import explorers, figures, ids, panels
from fascialines.web.urlstate import (
    LOWEST_GRADE,
    ViewState,
    format_region,
    parse_query,
    parse_region,
    to_query,
)

__all__ = ["View", "focus_clicked", "register_callbacks", "render_view", "state_from_controls"]

CONTROLS = (
    ids.TRACE_SYMPTOM,
    ids.TRACE_SIDE,
    ids.TRACE_HOPS,
    ids.TRACE_LINES,
    ids.TRACE_EVIDENCE,
    ids.LINE_PICKER,
    ids.REGION_PICKER,
)


@dataclass(frozen=True)
class View:
    """Everything :func:`render` sends for one URL."""

    patch: dash.Patch
    results: list[Any]
    safety: list[Any]
    line: list[Any]
    region: list[Any]
    caption: str
    notices: tuple[str, ...]


def state_from_controls(
    atlas: Atlas, current: ViewState, values: dict[str, Any], click: dict | None = None
) -> ViewState:
    """The view state after a control changed; ``values`` maps control ids to their values.

    Changing a trace option drops the focused candidate (the ranks change); a click on the body
    selects that region, which with no symptom chosen is "where does it hurt?".
    """
    region = values.get(ids.REGION_PICKER)
    state = replace(
        current,
        line=values.get(ids.LINE_PICKER) or None,
        region=parse_region(atlas, region) if region else None,
    )
    clicked = figures.clicked_region(click) if click else None
    if clicked is not None:
        state = replace(state, region=clicked)
    trace_options = ViewState(
        symptom=values.get(ids.TRACE_SYMPTOM) or None,
        side=values.get(ids.TRACE_SIDE) or "both",
        hops=int(values.get(ids.TRACE_HOPS) or current.hops),
        lines=tuple(
            line.id for line in atlas.lines if line.id in (values.get(ids.TRACE_LINES) or ())
        ),
        evidence=values.get(ids.TRACE_EVIDENCE) or LOWEST_GRADE,
    )
    keys = ("symptom", "side", "hops", "lines", "evidence")
    if any(getattr(trace_options, key) != getattr(current, key) for key in keys):
        state = state.with_trace_options(**{key: getattr(trace_options, key) for key in keys})
    if clicked is not None and state.symptom is None:
        state = replace(state, focus=None)
    return state


def focus_clicked(graph: BodyGraph, state: ViewState) -> ViewState:
    """With a symptom traced, a click on one of its candidates focuses that candidate."""
    if not (state.symptom and state.region):
        return state
    found, _ = _trace(graph, state)
    ranks = [
        c.rank
        for c in (found.candidates if found else ())
        if (c.region.id, c.region.side) == state.region
    ]
    return replace(state, focus=ranks[0]) if ranks else state


def _trace(graph: BodyGraph, state: ViewState) -> tuple[Trace | None, tuple[str, ...]]:
    options = TraceOptions(
        side=state.side,
        max_hops=state.hops,
        lines=frozenset(state.lines) or None,
        min_evidence=state.evidence,
    )
    try:
        if state.symptom:
            found = trace(
                graph, state.symptom, state.side, state.hops, options.lines, state.evidence
            )
            return found, ()
        if state.region:
            return trace_from(graph, [state.region], options), ()
    except (UnknownSymptom, ValueError) as error:
        return None, (f"Nothing could be traced: {error}",)
    return None, ()


def render_view(atlas: Atlas, graph: BodyGraph, search: str | None) -> View:
    """Everything on screen for a query string, as components and a figure patch."""
    state, notices = parse_query(atlas, search)
    found, problems = _trace(graph, state)
    focus = state.focus if found and state.focus and state.focus <= len(found.candidates) else None
    if state.focus and focus is None and found is not None:
        problems += (f"The link's focus “{state.focus}” was ignored: the list is shorter.",)
    state = replace(state, focus=focus)
    patch = figures.overlay_patch(
        atlas,
        trace=found,
        focus_rank=focus,
        line=state.line,
        region=state.region,
    )
    return View(
        patch=patch,
        results=panels.results_panel(atlas, found, state),
        safety=panels.safety_panel(atlas, found),
        line=explorers.line_panel(atlas, state.line, state),
        region=explorers.region_panel(atlas, graph, state.region, state),
        caption=panels.diagram_caption(atlas, found, state),
        notices=notices + problems,
    )


def register_callbacks(app: dash.Dash, atlas: Atlas, graph: BodyGraph) -> None:
    """Wire the URL, the controls, the diagram and the panels of ``app``."""

    @app.callback(
        output={
            "search": Output(ids.PAGE_URL, "search"),
            "controls": [Output(control, "value") for control in CONTROLS],
        },
        inputs={
            "search": Input(ids.PAGE_URL, "search"),
            "values": [Input(control, "value") for control in CONTROLS],
            "click": Input(ids.BODY_GRAPH, "clickData"),
        },
    )
    def sync_url(search: str | None, values: list[Any], click: dict | None) -> dict:
        current, _ = parse_query(atlas, search)
        unchanged = [dash.no_update] * len(CONTROLS)
        if ctx.triggered_id in (None, ids.PAGE_URL):
            return {"search": dash.no_update, "controls": _control_values(current)}
        clicked = click if ctx.triggered_id == ids.BODY_GRAPH else None
        state = state_from_controls(
            atlas, current, dict(zip(CONTROLS, values, strict=True)), clicked
        )
        if clicked:
            state = focus_clicked(graph, state)
        query = to_query(atlas, state)
        return {
            "search": query if query != (search or "") else dash.no_update,
            # A click selects a region: show it in the region picker too.
            "controls": _control_values(state) if clicked else unchanged,
        }

    @app.callback(
        Output(ids.BODY_GRAPH, "figure"),
        Output(ids.TRACE_RESULTS, "children"),
        Output(ids.TRACE_SAFETY, "children"),
        Output(ids.LINE_DETAILS, "children"),
        Output(ids.REGION_DETAILS, "children"),
        Output(ids.BODY_CAPTION, "children"),
        Output(ids.PAGE_NOTICE, "children"),
        Input(ids.PAGE_URL, "search"),
    )
    def render(search: str | None) -> tuple:
        view = render_view(atlas, graph, search)
        notice = [html.P(text) for text in view.notices] or None
        return (view.patch, view.results, view.safety, view.line, view.region, view.caption, notice)

    # The address is read in the browser: behind a proxy the server may not know it.
    app.clientside_callback(
        ClientsideFunction(namespace="fascialines", function_name="currentAddress"),
        Output(ids.SHARE_COPY, "content"),
        Input(ids.SHARE_COPY, "n_clicks"),
        prevent_initial_call=True,
    )


def _control_values(state: ViewState) -> list[Any]:
    return [
        state.symptom,
        state.side,
        state.hops,
        list(state.lines),
        state.evidence,
        state.line,
        format_region(state.region) if state.region else None,
    ]
