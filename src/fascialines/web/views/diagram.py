"""The body diagram's view: the figure, its tools, its HTML key and the sentence that says what
it shows.

The figure itself is built in :mod:`fascialines.web.figure`; this module places it on the page
and words it for people who cannot see it. Above it sit the chart's tools, real buttons that
the keyboard reaches: "Show every line" (the ``all_lines`` URL field; without it the chart
starts calm, the body with no line but the chosen one), a choice of one view (front, back or
side), zoom in and out, pan, "Reset" (all three views, the whole body) and "Save picture" (a
PNG of both layers drawn from plotly's own ``toImage``). The tools run in the browser
(``assets/chart.js``): zooming never asks the server for anything. The "Figure: male / female"
choice edits the ``figure`` URL field; the server then swaps the body's outlines alone (a patch
of the lower figure's shapes, :func:`set_callbacks`), never the lines or the marks, which lie on
both bodies.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import dash
import plotly.graph_objects as go
from dash import ALL, ClientsideFunction, Input, Output, State, dcc, html
from dash.development.base_component import Component

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.tracing import Trace
from fascialines.web.figure import geometry, outline_shapes, split_layers
from fascialines.web.pieces import SET_BUTTON, attrs, node_name, places, set_button
from fascialines.web.state import FIGURES, ViewState
from fascialines.web.theme import (
    EVIDENCE_DASH,
    MARKED_CANDIDATES,
    SYMBOL_GLYPHS,
    dash_background,
    line_styles,
)
from fascialines.web.wording import EVIDENCE_SHORT, HEADING

__all__ = [
    "EVERY_LINE_ID",
    "PANEL_CLASS",
    "TOOLS",
    "Ids",
    "caption",
    "diagram_key",
    "drawn_figure",
    "figure_choice",
    "layout",
    "lower_class",
    "set_callbacks",
    "tools",
]


class Ids:
    """The component ids of the diagram (``body-``)."""

    #: The lower, clickable figure: outlines, lines, region markers (drawn once).
    GRAPH = "body-graph"
    #: The upper figure: the overlay, patched on every interaction.
    OVERLAY = "body-overlay"
    LOWER_LAYER = "body-lower-layer"
    CAPTION = "body-caption"
    #: The diagram panel; its class has ``every-line`` while every line is shown.
    CHART = "body-panel"
    #: The figure's frame; ``view-front``, ``view-back`` or ``view-side`` while one view is shown.
    FRAME = "body-frame"
    TOOLS = "body-tools"
    #: A tool button's id is ``{"type": TOOL, "action": <one of TOOLS>}``.
    TOOL = "body-tool"
    #: The body figure the lower layer draws now (a store: "male" or "female").
    DRAWN_FIGURE = "body-drawn-figure"
    #: The group of the "Figure: male / female" buttons.
    FIGURE_CHOICE = "body-figure-choice"


#: What the key's deep-line sample means, in full (its hover text).
DEEP_NOTE = (
    "A deep line (the Deep Front Line) runs under the surface: the chart draws it paler and "
    "thinner, as if seen through the body."
)

#: The diagram panel's class; the browser adds ``every-line`` for "Show every line".
PANEL_CLASS = "panel diagram"

#: The "Show every line" switch: an address button that toggles ``all_lines=1``.
EVERY_LINE_ID = {"type": SET_BUTTON, "set": "all_lines=1", "drop": "", "toggle": True}

#: The chart's tools: (action, visible label, the name said to screen readers and on hover).
TOOLS: tuple[tuple[str, str, str], ...] = (
    ("view-front", "Front", "Show the front view only"),
    ("view-back", "Back", "Show the back view only"),
    ("view-side", "Side", "Show the side view only"),
    ("zoom-in", "+", "Zoom in"),
    ("zoom-out", "−", "Zoom out"),
    ("pan-left", "←", "Pan left"),
    ("pan-right", "→", "Pan right"),
    ("pan-up", "↑", "Pan up"),
    ("pan-down", "↓", "Pan down"),
    ("reset", "Reset", "Reset the zoom: all three views, the whole body"),
    ("save", "Save picture", "Save the chart as it is now as a PNG picture"),
)


#: The lower layer's class; ``dimmed`` while an overlay is shown (style.css fades its lines).
def lower_class(active: bool) -> str:
    """The lower layer recedes while something is traced, explored or highlighted."""
    return "body-layer body-lower" + (" dimmed" if active else "")


def diagram_key(atlas: Atlas) -> Component:
    """The diagram's key in HTML, at every width (plotly's legends would take the body's room).

    Each line has its colour, its marker symbol and its abbreviation (full name for screen
    readers and on hover), so colour is never the only cue; each evidence grade its dash style
    and its name.
    """
    styles = line_styles(atlas)
    lines = [
        html.Li(
            className="key-line",
            title=line.name,
            children=[
                html.Span(
                    SYMBOL_GLYPHS.get(styles[line.id].symbol, "\u25cf"),
                    className="key-symbol",
                    style={"color": styles[line.id].colour},
                    **attrs({"aria-hidden": "true"}),
                ),
                html.Span(
                    line.abbreviation, className="key-abbr", **attrs({"aria-hidden": "true"})
                ),
                html.Span(f"{line.abbreviation}, {line.name}", className="visually-hidden"),
            ],
        )
        for line in atlas.lines
    ]
    grades = sorted(EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__, reverse=True)
    evidence = [
        html.Li(
            className=f"key-evidence key-evidence-{grade}",
            children=[
                html.Span(
                    className="key-dash",
                    style={"backgroundImage": dash_background(EVIDENCE_DASH[grade])},
                    **attrs({"aria-hidden": "true"}),
                ),
                EVIDENCE_SHORT[grade],
            ],
        )
        for grade in grades
    ]
    return html.Div(
        className="diagram-key",
        children=[
            html.H3(HEADING["key"], className="visually-hidden"),
            html.P(HEADING["key-lines"], className="key-title"),
            html.Ul(lines, className="key-list key-lines"),
            html.P(HEADING["key-evidence"], className="key-title"),
            html.Ul(
                [
                    *evidence,
                    # In the evidence row, where it has room, so a phone's first candidate
                    # still follows the diagram within one screen.
                    html.Li(
                        className="key-deep",
                        children=[
                            html.Span(
                                className="key-deep-sample", **attrs({"aria-hidden": "true"})
                            ),
                            html.Span("deep (paler)", title=DEEP_NOTE),
                        ],
                    ),
                ],
                className="key-list key-evidences",
            ),
        ],
    )


def tools() -> Component:
    """The chart's tools: the "Show every line" switch, then view, zoom, pan, reset and save.

    The home ranges and each view's ranges ride along as data attributes, so the browser
    script knows them without asking the server.
    """
    views = {
        view: [geometry.VIEW_CENTRES[view] + low, geometry.VIEW_CENTRES[view] + high]
        for view, (low, high) in _VIEW_SPANS.items()
    }
    buttons = [
        html.Button(
            label,
            id={"type": Ids.TOOL, "action": action},
            type="button",
            className="button button-small chart-tool chart-" + action,
            title=name,
            **attrs({"aria-label": name} if label != name else {}),
        )
        for action, label, name in TOOLS
    ]
    switch = set_button(
        "Show every line",
        {"all_lines": "1"},
        toggle=True,
        class_name="button button-small chart-every-line",
        title="Draw all twelve lines faintly behind the view",
    )
    return html.Div(
        id=Ids.TOOLS,
        className="chart-tools",
        role="toolbar",
        **attrs(
            {
                "aria-label": "Chart tools",
                "data-home": json.dumps({"x": list(geometry.X_RANGE), "y": list(geometry.Y_RANGE)}),
                "data-views": json.dumps(views),
            }
        ),
        children=[switch, figure_choice(), *buttons],
    )


def _figure_change(figure: str) -> dict[str, str]:
    # The default (male) clears the field, so an address names only what differs.
    return {"figure": "" if figure == FIGURES[0] else figure}


def _figure_button_id(figure: str) -> dict[str, Any]:
    """The id :func:`set_button` gives a figure button (an output of :func:`set_callbacks`)."""
    edit = "&".join(f"{key}={value}" for key, value in _figure_change(figure).items())
    return {"type": SET_BUTTON, "set": edit, "drop": "", "toggle": False}


def _figure_button(figure: str) -> Component:
    button = set_button(
        figure.capitalize(),
        _figure_change(figure),
        class_name="button button-small chart-figure",
        title=f"Draw the {figure} body under the lines",
    )
    setattr(button, "aria-pressed", "true" if figure == FIGURES[0] else "false")
    return button


def figure_choice() -> Component:
    """The "Figure: male / female" buttons: address buttons that set the ``figure`` field.

    Each says whether it is the figure drawn (``aria-pressed``, kept by :func:`set_callbacks`).
    """
    return html.Span(
        id=Ids.FIGURE_CHOICE,
        className="chart-figure-choice",
        role="group",
        **attrs({"aria-label": "Body figure"}),
        children=[
            html.Span("Figure:", className="chart-figure-label", **attrs({"aria-hidden": "true"})),
            *(_figure_button(figure) for figure in FIGURES),
        ],
    )


def drawn_figure(search: str | None) -> str:
    """The body figure an address asks for: its ``figure`` field, else the default (male).

    A value that is not a figure counts as the default; the page's address parser
    (:func:`fascialines.web.state.parse_query`) tells the person so.
    """
    values = parse_qs((search or "").lstrip("?")).get("figure", [])
    return values[-1] if values and values[-1] in FIGURES else FIGURES[0]


# Each view's x range around its centre line when shown alone (the side view is narrower).
_VIEW_SPANS: dict[geometry.View, tuple[float, float]] = {
    "front": (-29.0, 29.0),
    "back": (-29.0, 29.0),
    "side": (-10.5, 18.0),
}


def set_callbacks(app: dash.Dash, url_id: str) -> None:
    """The chart's browser-side handlers (``assets/chart.js``): the calm start and the tools.

    ``url_id`` is the page's ``dcc.Location``, whose query string holds ``all_lines``.
    """
    # The chart's class and the switch's pressed state follow the address, whatever changed
    # it (the script sets aria-pressed on the switch itself).
    app.clientside_callback(
        ClientsideFunction(namespace="fascialinesChart", function_name="everyLine"),
        Output(Ids.CHART, "className"),
        Input(url_id, "search"),
    )

    # The figure choice: only the outlines change, so the lower layer gets a patch of its
    # shapes (about 30 kB of JSON), and only when the figure itself changed, not on every gesture.
    figure_buttons = [Output(_figure_button_id(figure), "aria-pressed") for figure in FIGURES]

    @app.callback(
        Output(Ids.GRAPH, "figure"),
        Output(Ids.DRAWN_FIGURE, "data"),
        *figure_buttons,
        Input(url_id, "search"),
        State(Ids.DRAWN_FIGURE, "data"),
    )
    def swap_figure(search: str | None, drawn: str | None) -> tuple[Any, ...]:
        wanted = drawn_figure(search)
        if wanted == (drawn or FIGURES[0]):
            raise dash.exceptions.PreventUpdate
        patch = dash.Patch()
        patch["layout"]["shapes"] = outline_shapes(wanted)  # type: ignore[arg-type]
        pressed = tuple("true" if figure == wanted else "false" for figure in FIGURES)
        return (patch, wanted, *pressed)

    app.clientside_callback(
        ClientsideFunction(namespace="fascialinesChart", function_name="tool"),
        Output(Ids.TOOLS, "data-done"),
        Input({"type": Ids.TOOL, "action": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )


def layout(atlas: Atlas, figure: go.Figure) -> Component:
    """The diagram panel: the figure (as two layers), its key and its caption."""
    lower, upper = split_layers(atlas, figure)
    panel = html.Section(
        id=Ids.CHART,
        className=PANEL_CLASS,
        **attrs({"aria-label": HEADING["diagram"]}),
        children=[
            tools(),
            # Two stacked figures of the same size and axes: the lower one (outlines, every
            # line, the clickable regions) is drawn once; the upper one (the overlay) is the
            # only one an interaction redraws, and lets the pointer through to the lower one
            # (style.css). Each responsive dcc.Graph fills the frame.
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
                    html.Div(
                        className="body-layer body-upper",
                        **attrs({"aria-hidden": "true"}),
                        children=dcc.Graph(
                            id=Ids.OVERLAY,
                            figure=upper,
                            style={"height": "100%"},
                            config={"staticPlot": True, "responsive": True},
                        ),
                    ),
                ],
            ),
            diagram_key(atlas),
            dcc.Store(id=Ids.DRAWN_FIGURE, data=FIGURES[0]),
            html.P(id=Ids.CAPTION, className="caption"),
        ],
    )
    # The cell spans the whole row, so the sticky panel inside never slides over what follows.
    return html.Div(className="diagram-cell", children=panel)


def caption(atlas: Atlas, trace: Trace | None, state: ViewState) -> str:
    """One sentence saying what the diagram shows, for people who cannot see it."""
    parts = [
        "Three views: the front (the client's right side on your left), the back, and the "
        "client's right side in profile."
    ]
    if state.figure == "female":
        parts.append("A female body is drawn on the front and back; the profile is shared.")
    if trace is not None:
        felt = places(atlas, trace.felt_at)
        count = len(trace.candidates)
        shown = f"the first {MARKED_CANDIDATES} of {count}" if count > MARKED_CANDIDATES else count
        parts.append(f"Marked: {shown} linked places, numbered, and where it is felt: {felt}.")
        if state.focus:
            parts.append(f"The paths of number {state.focus} stand out; the rest are dimmed.")
    if state.line:
        parts.append(f"Highlighted: the {atlas.line(state.line).name}.")
    if state.region:
        parts.append(f"Selected: {node_name(atlas, state.region)}.")
    return " ".join(parts)
