"""The app's one server callback: a gesture in, everything that changed out, one round-trip.

The URL is the single source of truth. A gesture is a control changed, a click on the body, or a new
address (a shared link, the back button, an address button of
:func:`fascialines.web.pieces.set_button`, which the browser applies itself). :func:`respond` turns
the address into a view state, and :func:`render_view` compares it with the view last drawn (kept in
the page, ``page-shown``) and sends only what changed: the overlay's traces always, a panel
only when its own part of the state changed, for a new focus two cards' classes, the body's outlines
only for a new figure, the client view only on it. Both are pure, so tests call them without a
browser. A card's fold is filled by a plain route (:mod:`fascialines.web.folds`), not a callback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import dash
from dash import ALL, Input, Output, State, ctx, html

from fascialines.atlas import Atlas
from fascialines.lookup import AtlasIndex
from fascialines.tracing import Trace
from fascialines.web import core, figure
from fascialines.web.state import TRACE_OPTIONS, ViewState, parse_query, to_query
from fascialines.web.views import (
    cards,
    client,
    controls,
    diagram,
    gate,
    line,
    page,
    picker,
    region,
    results,
)
from fascialines.web.wording import MESSAGE

__all__ = [
    "View",
    "focus_clicked",
    "register_callbacks",
    "render_view",
    "respond",
]

CONTROL_IDS: tuple[str, ...] = tuple(control.id for control in controls.CONTROLS)


@dataclass(frozen=True)
class View:
    """What one gesture sends: the state drawn and every output (``dash.no_update`` if same)."""

    state: ViewState
    outputs: dict[str, Any]


def focus_clicked(trace: Trace | None, state: ViewState) -> ViewState:
    """With a trace shown, a click on one of its candidates focuses that candidate too."""
    if trace is None or state.region is None:
        return state
    ranks = [c.rank for c in trace.candidates if (c.region.id, c.region.side) == state.region]
    return replace(state, focus=ranks[0]) if ranks else state


def _changed(before: ViewState | None, after: ViewState, names: tuple[str, ...]) -> bool:
    return before is None or any(getattr(before, n) != getattr(after, n) for n in names)


def _wrapper_classes(found: Trace | None, state: ViewState) -> dict[str, str]:
    """The classes of the lower layer and the side column for a view (see :func:`render_view`)."""
    active = found is not None or state.line is not None or state.region is not None
    return {
        diagram.Ids.LOWER_LAYER: diagram.lower_class(active),
        page.Ids.SIDE: page.side_class(found is not None),
    }


def render_view(
    atlas: Atlas,
    graph: core.Graph,
    state: ViewState,
    shown: ViewState | None = None,
    *,
    clicked: bool = False,
    ranks: Sequence[int] = (),
) -> View:
    """Everything to send for a view state, given the state last drawn (``None``: draw all).

    Parameters
    ----------
    state : ViewState
        The state to show, already checked against the atlas (:func:`parse_query`).
    shown : ViewState, optional
        The state on screen; panels whose part of the state is unchanged get ``no_update``.
    clicked : bool
        The gesture was a click on the body: focus the candidate clicked, if it is one.
    ranks : sequence of int
        The ranks of the cards and rows on the page, in page order (the ``className`` output
        of every ``{"type": cards.CANDIDATE}``, under the key ``cards.CANDIDATE``).

    Notes
    -----
    Cost: one trace when the state traces something (tens of milliseconds, see
    ``benchmarks/bench_trace.py``), then linear in what is sent.
    """
    found, problems = core.trace_view(graph, state)
    if clicked:
        state = focus_clicked(found, state)
    total = len(found.candidates) if found else 0
    if state.focus and not (found and state.focus <= total):
        if found is not None:
            problems += (MESSAGE["focus-ignored"].format(focus=state.focus),)
        state = replace(state, focus=None)
    out: dict[str, Any] = {
        diagram.Ids.OVERLAY_LAYER: diagram.overlay_value(
            figure.upper_patch(
                atlas, trace=found, focus_rank=state.focus, line=state.line, region=state.region
            )
        ),
        diagram.Ids.CAPTION: diagram.caption(atlas, found, state),
        page.Ids.NOTICE: [html.P(text) for text in problems] or None,
        line.Ids.DETAILS: line.render(atlas, state.line)
        if _changed(shown, state, ("line",))
        else dash.no_update,
        region.Ids.DETAILS: region.render(atlas, graph, state.region)
        if _changed(shown, state, ("region",))
        else dash.no_update,
    }
    # The lower layer and the side column wrap large parts of the page: setting their class,
    # even to the same value, has Dash re-render all inside. Each is sent only when it differs
    # from the class the state on screen gave it.
    classes = _wrapper_classes(found, state)
    shown_trace = core.trace_view(graph, shown)[0] if shown else None
    on_screen = _wrapper_classes(shown_trace, shown) if shown else None
    for key, value in classes.items():
        out[key] = value if on_screen is None or on_screen[key] != value else dash.no_update
    out |= results.fixed_blocks(
        atlas, found, results.fixed_shown(atlas, shown_trace) if shown else None
    )
    unchanged: list[Any] = [dash.no_update] * len(ranks)
    if _changed(shown, state, TRACE_OPTIONS) or (
        found is None and _changed(shown, state, ("line",))
    ):
        out |= results.render(atlas, found, state)
        out[cards.CANDIDATE] = unchanged  # the cards and rows are sent anew
    else:
        out |= dict.fromkeys(results.SLOTS, dash.no_update)
        before = shown.focus if shown is not None else None
        out[cards.CANDIDATE] = (
            cards.focus_classes(ranks, before, state.focus) if before != state.focus else unchanged
        )
        if before != state.focus and any(
            rank is not None and rank > cards.CARDS for rank in (before, state.focus)
        ):
            out[results.Ids.MORE] = cards.more_rows(atlas, found, state.focus)
    out |= client.outputs(atlas, graph, state, shown)
    out |= diagram.figure_outputs(state, shown)
    # Unchanged, it is not sent: the browser callback that follows it does not run.
    page_view = gate.page_view(state, to_query(atlas, state))
    out[page.Ids.VIEW] = (
        page_view
        if shown is None or gate.page_view(shown, to_query(atlas, shown)) != page_view
        else dash.no_update
    )
    return View(state, out)


def respond(
    atlas: Atlas,
    graph: core.Graph,
    search: str | None,
    values: dict[str, Any],
    click: dict[str, Any] | None,
    shown_query: str | None,
    trigger: str | None,
    ranks: Sequence[int] = (),
) -> tuple[str | Any, dict[str, Any], View]:
    """One gesture: the address to write, the control values to set, and the view to send.

    ``trigger`` is the id of what changed (``None`` on the first load); ``ranks`` as for
    :func:`render_view`.
    """
    current, notices = parse_query(atlas, search)
    shown = parse_query(atlas, shown_query)[0] if shown_query is not None else None
    clicked = trigger == diagram.Ids.GRAPH
    if trigger in (None, page.Ids.URL):
        state = current
    elif clicked:
        node = figure.clicked_region(click)
        state = replace(current, region=node) if node else current
    else:
        state = controls.state_from_controls(atlas, current, values)
    view = render_view(atlas, graph, state, shown, clicked=clicked, ranks=ranks)
    if notices:
        view.outputs[page.Ids.NOTICE] = [html.P(text) for text in notices]
    query = to_query(atlas, view.state)
    new_search = query if query != (search or "") else dash.no_update
    wanted = controls.control_values(view.state)
    # Only controls that show something else are set: setting one re-renders it.
    set_controls = {
        key: value if values.get(key) != value else dash.no_update for key, value in wanted.items()
    }
    return new_search, set_controls, view


def register_callbacks(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Wire the page of ``app``: the one server callback, then each view's browser handlers."""
    view_outputs = (
        diagram.Ids.OVERLAY_LAYER,
        diagram.Ids.LOWER_LAYER,
        diagram.Ids.CAPTION,
        page.Ids.SIDE,
        page.Ids.NOTICE,
        line.Ids.DETAILS,
        region.Ids.DETAILS,
        *results.SLOTS,
        *results.FIXED,
    )
    prop = {
        diagram.Ids.OVERLAY_LAYER: diagram.OVERLAY_PROP,
        **dict.fromkeys(results.FIXED, "hidden"),
        diagram.Ids.LOWER_LAYER: "className",
        page.Ids.SIDE: "className",
    }
    targets: dict[str, tuple[Any, str]] = {
        key: (key, prop.get(key, "children")) for key in view_outputs
    }
    targets |= {
        client.Ids.ROOT: (client.Ids.ROOT, "children"),
        client.CLASS_OUTPUT: (client.Ids.ROOT, "className"),
    } | diagram.FIGURE_OUTPUTS

    @app.callback(
        output={
            "search": Output(page.Ids.URL, "search"),
            "shown": Output(page.Ids.SHOWN, "data"),
            "page_view": Output(page.Ids.VIEW, "data"),
            "controls": {key: Output(key, "value") for key in CONTROL_IDS},
            "view": {key: Output(*target) for key, target in targets.items()},
            "candidates": Output({"type": cards.CANDIDATE, "rank": ALL}, "className"),
        },
        inputs={
            "search": Input(page.Ids.URL, "search"),
            "values": {key: Input(key, "value") for key in CONTROL_IDS},
            "click": Input(diagram.Ids.GRAPH, "clickData"),
            "shown": State(page.Ids.SHOWN, "data"),
        },
    )
    def update(
        search: str | None, values: dict[str, Any], click: dict | None, shown: str | None
    ) -> dict[str, Any]:
        ranks = [output["id"]["rank"] for output in ctx.outputs_grouping["candidates"]]
        new_search, set_controls, view = respond(
            atlas, graph, search, values, click, shown, ctx.triggered_id, ranks
        )
        outputs = dict(view.outputs)
        return {
            "search": new_search,
            "shown": to_query(atlas, view.state),
            "page_view": outputs.pop(page.Ids.VIEW),
            "controls": set_controls,
            "candidates": outputs.pop(cards.CANDIDATE),
            "view": outputs,
        }

    index = AtlasIndex(atlas)

    # The dropdown clears its search on every opening, choice and closing: a listener in the
    # browser (assets/app.js) passes on only a search with a word in it, and the server answers.
    @app.callback(
        Output(controls.Ids.SYMPTOM, "options"),
        Output(picker.Ids.HINT, "children"),
        Input(picker.Ids.QUERY, "data"),
        prevent_initial_call=True,
    )
    def search_symptoms(text: str | None) -> tuple[Any, Any]:
        # A search cleared leaves every option in place; a value no browser sends, too.
        if not isinstance(text, str) or not text.strip():
            raise dash.exceptions.PreventUpdate
        found = picker.search(atlas, index, text.strip())
        return found.options, found.hint

    page.set_callbacks(app)
