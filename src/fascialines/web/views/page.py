"""The page frame: header, notices, the controls, the diagram with the panels beside it, footer.

The side column holds, in order, the region explorer, the line explorer and the trace results;
its class (``side traced`` or ``side``) lets the stylesheet put the line explorer after the
results while a trace is shown. The browser-side handlers that need no server (the copy button,
the one callback that follows the address shown) are wired here; the address buttons of
:func:`fascialines.web.pieces.set_button` need none (one listener in ``assets/app.js``).
"""

from __future__ import annotations

import dash
import plotly.graph_objects as go
from dash import ClientsideFunction, Input, Output, State, dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web.markup import block
from fascialines.web.pieces import attrs
from fascialines.web.views import (
    client,
    compare,
    controls,
    diagram,
    evidence,
    gate,
    line,
    quiz,
    region,
    results,
)
from fascialines.web.wording import HEADING, SENTENCE

__all__ = ["Ids", "layout", "set_callbacks", "side_class"]


class Ids:
    """The frame's component ids (``page-``)."""

    #: The whole page; its class names the view shown (``page view-quiz``, :mod:`.gate`).
    ROOT = "page-root"
    URL = "page-url"
    NOTICE = "page-notice"
    SIDE = "page-side"
    SHOWN = "page-shown"
    #: The part of the address the page's browser callback follows (:func:`.gate.page_view`).
    VIEW = "page-view"


def side_class(traced: bool) -> str:
    """The side column's class: the line explorer goes after the results while traced."""
    return "side traced" if traced else "side"


def layout(atlas: Atlas, figure: go.Figure) -> Component:
    """The whole page; the panels are empty until the first callback fills them."""
    return html.Div(
        id=Ids.ROOT,
        className="page view-explore",
        children=[
            dcc.Location(id=Ids.URL, refresh=False),
            # The address last drawn, so the next gesture sends only what changed.
            dcc.Store(id=Ids.SHOWN, storage_type="memory"),
            dcc.Store(id=Ids.VIEW, storage_type="memory"),
            html.A(HEADING["skip"], href="#results", className="skip-link"),
            html.Header(
                className="site-header",
                children=[
                    # What no callback touches is one component each (web/markup.py).
                    block(
                        [
                            html.H1("fascialines"),
                            html.P(HEADING["tagline"], className="tagline"),
                            gate.nav(atlas),
                        ]
                    ),
                    controls.share_layout(),
                ],
            ),
            html.Div(id=Ids.NOTICE, role="status", **attrs({"aria-live": "polite"})),
            # view=client: its own section; assets/client.css hides the explorer meanwhile.
            client.layout(),
            html.Main(
                className="page-grid",
                children=[
                    controls.layout(atlas),
                    diagram.layout(atlas, figure),
                    controls.explore_layout(atlas),
                    html.Div(
                        id=Ids.SIDE,
                        className=side_class(False),
                        children=[
                            quiz.layout(),
                            compare.layout(),
                            region.layout(),
                            line.layout(),
                            results.layout(atlas),
                        ],
                    ),
                    evidence.layout(atlas),
                ],
            ),
            block(
                html.Footer(
                    className="site-footer",
                    children=[
                        html.P(
                            SENTENCE["atlas-counts"].format(
                                title=atlas.title,
                                lines=len(atlas.lines),
                                regions=len(atlas.regions),
                                sources=len(atlas.sources),
                            )
                            + (f" {atlas.credits}" if atlas.credits else "")
                        ),
                        html.P(HEADING["footer"]),
                    ],
                )
            ),
        ],
    )


def set_callbacks(app: dash.Dash) -> None:
    """The handlers that run in the browser alone (``assets/app.js``, ``assets/chart.js``)."""
    gate.wire_views(
        app,
        Ids.ROOT,
        diagram.Ids.CHART,
        [(view.Ids.VIEW, view.Ids.GATE) for view in (quiz, compare, evidence)],
    )
    # The address is read in the browser: behind a proxy the server may not know it.
    app.clientside_callback(
        ClientsideFunction(namespace="fascialines", function_name="copyAddress"),
        Output(controls.Ids.SHARE, "children"),
        Input(controls.Ids.SHARE, "n_clicks"),
        State(controls.Ids.SHARE, "children"),
        prevent_initial_call=True,
    )
