"""The body diagram's view: the figure, its HTML key and the sentence that says what it shows.

The figure itself is built in :mod:`fascialines.web.figure`; this module places it on the page
and words it for people who cannot see it.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.tracing import Trace
from fascialines.web.figure import split_layers
from fascialines.web.pieces import attrs, node_name, places
from fascialines.web.state import ViewState
from fascialines.web.theme import (
    EVIDENCE_DASH,
    MARKED_CANDIDATES,
    SYMBOL_GLYPHS,
    dash_background,
    line_styles,
)
from fascialines.web.wording import EVIDENCE_SHORT, HEADING

__all__ = ["Ids", "caption", "diagram_key", "layout", "lower_class"]


class Ids:
    """The component ids of the diagram (``body-``)."""

    #: The lower, clickable figure: outlines, lines, region markers (drawn once).
    GRAPH = "body-graph"
    #: The upper figure: the overlay, patched on every interaction.
    OVERLAY = "body-overlay"
    LOWER_LAYER = "body-lower-layer"
    CAPTION = "body-caption"


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
            html.Ul(evidence, className="key-list key-evidences"),
        ],
    )


def layout(atlas: Atlas, figure: go.Figure) -> Component:
    """The diagram panel: the figure (as two layers), its key and its caption."""
    lower, upper = split_layers(atlas, figure)
    panel = html.Section(
        className="panel diagram",
        **attrs({"aria-label": HEADING["diagram"]}),
        children=[
            # Two stacked figures of the same size and axes: the lower one (outlines, every
            # line, the clickable regions) is drawn once; the upper one (the overlay) is the
            # only one an interaction redraws, and lets the pointer through to the lower one
            # (style.css). Each responsive dcc.Graph fills the frame.
            html.Div(
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
            html.P(id=Ids.CAPTION, className="caption"),
        ],
    )
    # The cell spans the whole row, so the sticky panel inside never slides over what follows.
    return html.Div(className="diagram-cell", children=panel)


def caption(atlas: Atlas, trace: Trace | None, state: ViewState) -> str:
    """One sentence saying what the diagram shows, for people who cannot see it."""
    parts = [
        "Front view on the left (the client's right side on your left), back view on the right."
    ]
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
