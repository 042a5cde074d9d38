"""The body diagram's view: the figure, its tools, its HTML key (:mod:`.key`) and the sentence
that says what it shows.

The figure itself is built in :mod:`fascialines.web.figure`; this module places it on the page
and words it for people who cannot see it. Above it sit the chart's tools, real buttons that
the keyboard reaches: "Show every line" (the ``all_lines`` URL field; without it the chart
starts calm, the body with no line but the chosen one), a choice of one view (front, back or
side), zoom in and out, pan, "Reset" (all three views, the whole body) and "Save picture" (a
PNG of both layers drawn from plotly's own ``toImage``). The tools run in the browser
(``assets/chart.js``): zooming never asks the server for anything. The "Figure: male / female"
choice edits the ``figure`` URL field; the server then swaps the body's outlines alone (a patch
of the lower figure's shapes, :func:`figure_outputs`), never the lines or the marks, which lie on
both bodies.
"""

from __future__ import annotations

import json
from typing import Any

import dash
import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder

from fascialines.atlas import Atlas
from fascialines.tracing import Trace
from fascialines.web.figure import geometry, outline_shapes, split_layers
from fascialines.web.markup import block
from fascialines.web.pieces import attrs, node_name, places, set_button
from fascialines.web.state import FIGURES, ViewState
from fascialines.web.theme import (
    MARKED_CANDIDATES,
)
from fascialines.web.views.key import diagram_key
from fascialines.web.wording import CHART, CHART_TOOLS, HEADING

__all__ = [
    "FIGURE_ATTRIBUTE",
    "FIGURE_OUTPUTS",
    "HOVER_ONLY",
    "OVERLAY_PROP",
    "PANEL_CLASS",
    "TOOLS",
    "TOOL_ATTRIBUTE",
    "Ids",
    "caption",
    "figure_choice",
    "figure_outputs",
    "layout",
    "lower_class",
    "overlay_output",
    "overlay_value",
    "tools",
]


class Ids:
    """The component ids of the diagram (``body-``)."""

    #: The lower, clickable figure: outlines, lines, region markers (drawn once).
    GRAPH = "body-graph"
    #: Where the browser draws the overlay's traces, over the lower figure; its
    #: :data:`OVERLAY_PROP` is what a view changes in them (:func:`overlay_value`).
    OVERLAY_LAYER = "body-overlay-layer"
    LOWER_LAYER = "body-lower-layer"
    CAPTION = "body-caption"
    #: The diagram panel; its class has ``every-line`` while every line is shown.
    CHART = "body-panel"
    #: The figure's frame; ``view-front``, ``view-back`` or ``view-side`` while one view is shown.
    FRAME = "body-frame"
    TOOLS = "body-tools"
    #: The group of the "Figure: male / female" buttons.
    FIGURE_CHOICE = "body-figure-choice"


#: The diagram panel's class; the browser adds ``every-line`` for "Show every line".
PANEL_CLASS = "panel diagram"
#: A tool button's action (one of :data:`TOOLS`), read by ``assets/chart.js``.
TOOL_ATTRIBUTE = "data-tool"
#: A figure button's value of the ``figure`` field ("" for the default).
FIGURE_ATTRIBUTE = "data-figure"


#: The chart's tools: (action, visible label, the name said to screen readers and on hover).
TOOLS = CHART_TOOLS


#: The lower layer's class; ``dimmed`` while an overlay is shown (style.css fades its lines).
def lower_class(active: bool) -> str:
    """The lower layer recedes while something is traced, explored or highlighted."""
    return "body-layer body-lower" + (" dimmed" if active else "")


def tools() -> Component:
    """The chart's tools: the "Show every line" switch, then view, zoom, pan, reset and save.

    One markup block (no callback touches it): plain buttons, each tool's action in its
    ``data-tool``, the home ranges and each view's ranges in the toolbar's data attributes,
    so the browser script (``assets/chart.js``, one listener for the toolbar) knows them
    without asking the server. The switches say whether they are on (``aria-pressed``, set
    by the browser from the address: :func:`.gate.page_view`).
    """
    views = {
        view: [geometry.VIEW_CENTRES[view] + low, geometry.VIEW_CENTRES[view] + high]
        for view, (low, high) in _VIEW_SPANS.items()
    }
    buttons = [
        html.Button(
            label,
            type="button",
            className="button button-small chart-tool chart-" + action,
            title=name,
            **attrs({TOOL_ATTRIBUTE: action} | ({"aria-label": name} if label != name else {})),
        )
        for action, label, name in TOOLS
    ]
    switch = set_button(
        CHART["every-line"],
        {"all_lines": "1"},
        toggle=True,
        class_name="button button-small chart-every-line",
        title=CHART["every-line-title"],
    )
    setattr(switch, "aria-pressed", "false")
    return block(
        html.Div(
            id=Ids.TOOLS,
            className="chart-tools",
            role="toolbar",
            **attrs(
                {
                    "aria-label": CHART["tools"],
                    "data-home": json.dumps(
                        {"x": list(geometry.X_RANGE), "y": list(geometry.Y_RANGE)}
                    ),
                    "data-views": json.dumps(views),
                }
            ),
            children=[switch, figure_choice(), *buttons],
        )
    )


def _figure_change(figure: str) -> dict[str, str]:
    # The default (male) clears the field, so an address names only what differs.
    return {"figure": "" if figure == FIGURES[0] else figure}


def _figure_button(figure: str) -> Component:
    change = _figure_change(figure)
    button = set_button(
        CHART[f"figure-{figure}"],
        change,
        class_name="button button-small chart-figure",
        title=CHART["figure-title"].format(figure=CHART[f"figure-{figure}"].lower()),
    )
    # The browser presses the button whose value the address has (assets/chart.js).
    setattr(button, FIGURE_ATTRIBUTE, change["figure"])
    setattr(button, "aria-pressed", "true" if figure == FIGURES[0] else "false")
    return button


def figure_choice() -> Component:
    """The "Figure: male / female" buttons: address buttons that set the ``figure`` field.

    Each says whether it is the figure drawn (``aria-pressed``): the browser sets it from the
    address drawn (``assets/chart.js``, from :func:`.gate.page_view`).
    """
    return html.Span(
        id=Ids.FIGURE_CHOICE,
        className="chart-figure-choice",
        role="group",
        **attrs({"aria-label": CHART["figure-group"]}),
        children=[
            html.Span(
                CHART["figure"], className="chart-figure-label", **attrs({"aria-hidden": "true"})
            ),
            *(_figure_button(figure) for figure in FIGURES),
        ],
    )


# Each view's x range around its centre line when shown alone (the side view is narrower).
_VIEW_SPANS: dict[geometry.View, tuple[float, float]] = {
    "front": (-29.0, 29.0),
    "back": (-29.0, 29.0),
    "side": (-10.5, 18.0),
}


#: The outputs of :func:`figure_outputs` in the page's one callback: key -> (id, property).
FIGURE_OUTPUTS: dict[str, tuple[str | dict[str, Any], str]] = {
    f"{Ids.GRAPH}.figure": (Ids.GRAPH, "figure"),
}


def figure_outputs(state: ViewState, shown: ViewState | None) -> dict[str, Any]:
    """The body figure's part of a gesture, by :data:`FIGURE_OUTPUTS` key.

    Only the outlines change with the figure, so the lower layer gets a patch of its shapes
    (about 30 kB of JSON), and only when the figure itself changed (``shown`` is the state on
    screen; ``None``: the page as first drawn, with the default figure). Never the lines or the
    marks, which lie on both bodies.
    """
    drawn = shown.figure if shown is not None else FIGURES[0]
    if state.figure == drawn:
        return dict.fromkeys(FIGURE_OUTPUTS, dash.no_update)
    patch = dash.Patch()
    patch["layout"]["shapes"] = outline_shapes(state.figure)  # type: ignore[arg-type]
    return {f"{Ids.GRAPH}.figure": patch}


#: The overlay layer's attribute with its traces as first drawn, a JSON list (only the first page
#: has it), and the one with what the view changes in them: a JSON object of trace index to the
#: properties that replace that trace's (``assets/overlay.js`` merges them into a copy of the
#: first traces, so every view's value stands alone).
OVERLAY_BASE = "data-base"
OVERLAY_PROP = "data-patch"
#: What the overlay never shows: it is a picture (no hover), so these draw nothing there.
HOVER_ONLY = frozenset({"hovertext", "hovertemplate", "hoverinfo", "customdata"})


def overlay_value(patch: dash.Patch) -> str:
    """The :data:`OVERLAY_PROP` of the layer for an overlay patch of
    :func:`fascialines.web.figure.upper_patch` (or one built like it).

    The same picture, lighter: one entry per trace (a patch repeats its operation and place
    for each property), nothing that only a hover would show, no text on a trace that draws
    none, coordinates to a tenth of a unit (about half a pixel at the widest chart).
    """
    merged: dict[int, dict[str, Any]] = {}
    for operation in patch.to_plotly_json()["operations"]:
        location = operation["location"]
        if operation["operation"] != "Assign" or len(location) != 3 or location[0] != "data":
            raise ValueError(f"an overlay patch assigns trace properties only, not {operation}")
        merged.setdefault(location[1], {})[location[2]] = operation["params"]["value"]
    return _compact(dict(zip(merged, _lean(list(merged.values())), strict=True)))


def overlay_output(value: Any) -> Any:
    """:func:`overlay_value` of a patch; anything else (``no_update``) as it is."""
    return overlay_value(value) if isinstance(value, dash.Patch) else value


def _lean(traces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lean = []
    for values in traces:
        shown = {key: value for key, value in values.items() if key not in HOVER_ONLY}
        for axis in ("x", "y"):
            if isinstance(shown.get(axis), list | tuple):
                shown[axis] = [_tenth(value) for value in shown[axis]]
        if "text" in shown and "mode" in shown and "text" not in str(shown["mode"]):
            del shown["text"]
        lean.append(shown)
    return lean


def _tenth(value: Any) -> Any:
    return round(value, 1) if isinstance(value, float) else value


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), cls=PlotlyJSONEncoder)


def layout(atlas: Atlas, figure: go.Figure) -> Component:
    """The diagram panel: the figure (the lower figure and the overlay's layer), its key
    and its caption."""
    lower, upper = split_layers(atlas, figure)
    panel = html.Section(
        id=Ids.CHART,
        className=PANEL_CLASS,
        **attrs({"aria-label": HEADING["diagram"]}),
        children=[
            tools(),
            # Two stacked layers of the same size: the lower figure (outlines, every line, the
            # clickable regions) is drawn once; the upper layer (the overlay, an SVG on the
            # lower figure's axes) is the only one an interaction redraws, and lets the pointer
            # through to the lower one (style.css). The responsive dcc.Graph fills the frame.
            html.Div(
                id=Ids.FRAME,
                className="body-graph",
                role="group",
                **attrs({"aria-label": HEADING["diagram-group"], "aria-describedby": Ids.CAPTION}),
                children=[
                    html.Div(
                        id=Ids.LOWER_LAYER,
                        className=lower_class(False),
                        children=dcc.Graph(
                            id=Ids.GRAPH,
                            figure=lower,
                            style={"height": "100%"},
                            config={
                                "displayModeBar": False,
                                "scrollZoom": False,
                                "doubleClick": False,
                                "responsive": True,
                            },
                        ),
                    ),
                    # The overlay: its traces as first drawn and what the view changes in them
                    # (the server sets it), drawn as one SVG over the lower figure by
                    # assets/overlay.js when that attribute changes: no callback in the browser.
                    html.Div(
                        id=Ids.OVERLAY_LAYER,
                        className="body-layer body-upper",
                        **attrs(
                            {
                                "aria-hidden": "true",
                                OVERLAY_BASE: _compact(_lean(upper.to_plotly_json()["data"])),
                                OVERLAY_PROP: "{}",
                            }
                        ),
                    ),
                ],
            ),
            diagram_key(atlas),
            # Its data-busy words show while the page's callback is out for more than 300 ms
            # (style.css): the caption is one of its outputs, so Dash marks it loading.
            html.P(id=Ids.CAPTION, className="caption", **attrs({"data-busy": HEADING["busy"]})),
        ],
    )
    # The cell spans the whole row, so the sticky panel inside never slides over what follows.
    return html.Div(className="diagram-cell", children=panel)


def caption(atlas: Atlas, trace: Trace | None, state: ViewState) -> str:
    """One sentence saying what the diagram shows, for people who cannot see it."""
    parts = [CHART["caption-views"]]
    if state.figure == "female":
        parts.append(CHART["caption-female"])
    if trace is not None:
        felt = places(atlas, trace.felt_at)
        count = len(trace.candidates)
        shown = (
            CHART["caption-first"].format(marked=MARKED_CANDIDATES, count=count)
            if count > MARKED_CANDIDATES
            else str(count)
        )
        parts.append(CHART["caption-marked"].format(shown=shown, felt=felt))
        if state.focus:
            parts.append(CHART["caption-focus"].format(rank=state.focus))
    if state.line:
        parts.append(CHART["caption-line"].format(line=atlas.line(state.line).name))
    if state.region:
        parts.append(CHART["caption-region"].format(region=node_name(atlas, state.region)))
    return " ".join(parts)
