"""The page frame: functions that return the app's static components.

What fills the frame after each interaction (the ranked list, the explorers) is built in
:mod:`fascialines.web.panels`; the body diagram in :mod:`fascialines.web.figures`.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web import ids
from fascialines.web.pieces import with_side
from fascialines.web.urlstate import DEFAULT_HOPS, LOWEST_GRADE, MAX_HOPS, format_region

__all__ = ["EVIDENCE_CHOICES", "page"]

#: The minimum-evidence choices, strictest last, worded for people rather than as grades.
EVIDENCE_CHOICES: tuple[tuple[str, str], ...] = (
    ("not-found", "Any grade"),
    ("not-studied", "Not studied or better"),
    ("limited", "Limited or better"),
    ("moderate", "Moderate or better"),
    ("strong", "Strong only"),
)


def page(atlas: Atlas, figure: go.Figure) -> Component:
    """The whole page: header, controls, body diagram, results, explorers, footer."""
    return html.Div(
        className="page",
        children=[
            dcc.Location(id=ids.PAGE_URL, refresh=False),
            html.A("Skip to the results", href="#results", className="skip-link"),
            _header(),
            html.Div(id=ids.PAGE_NOTICE, role="status", **{"aria-live": "polite"}),
            html.Main(
                className="page-grid",
                children=[
                    _controls(atlas),
                    _diagram(figure),
                    html.Section(
                        id="results",
                        className="panel results",
                        **{"aria-label": "Results"},
                        children=[
                            html.Div(id=ids.TRACE_RESULTS, **{"aria-live": "polite"}),
                            html.Div(id=ids.TRACE_SAFETY),
                        ],
                    ),
                    _explorers(atlas),
                ],
            ),
            _footer(atlas),
        ],
    )


def _header() -> Component:
    return html.Header(
        className="site-header",
        children=[
            html.H1("fascialines"),
            html.P(
                "Myofascial lines (Anatomy Trains) and referred pain, with the evidence behind "
                "every link. Education, not a diagnosis.",
                className="tagline",
            ),
        ],
    )


def _field(label: str, control: Component, control_id: str, hint: str | None = None) -> Component:
    children = [html.Label(label, htmlFor=control_id, className="field-label"), control]
    if hint:
        children.append(html.P(hint, className="field-hint"))
    return html.Div(className=f"field field-{control_id}", children=children)


def _controls(atlas: Atlas) -> Component:
    symptom_options = [
        {
            "label": symptom.name,
            "value": symptom.id,
            # Dash searches this text, so typing an alias ("sore heel") finds the symptom.
            "search": " ".join([symptom.name, *symptom.aliases]),
        }
        for symptom in sorted(atlas.symptoms, key=lambda s: s.name.lower())
    ]
    line_options = [
        {"label": f"{line.name} ({line.abbreviation})", "value": line.id} for line in atlas.lines
    ]
    return html.Section(
        className="panel controls",
        **{"aria-label": "Trace a symptom"},
        children=[
            html.H2("Trace a symptom", className="visually-hidden"),
            _field(
                "Where is it felt?",
                dcc.Dropdown(
                    id=ids.TRACE_SYMPTOM,
                    options=symptom_options,
                    placeholder="Type a complaint, e.g. sore heel",
                    clearable=True,
                ),
                ids.TRACE_SYMPTOM,
                hint="Or click a point on the body to trace from it.",
            ),
            html.Fieldset(
                className=f"field field-{ids.TRACE_SIDE}",
                children=[
                    html.Legend("Side", className="field-label"),
                    dcc.RadioItems(
                        id=ids.TRACE_SIDE,
                        options=[
                            {"label": "Both", "value": "both"},
                            {"label": "Left", "value": "left"},
                            {"label": "Right", "value": "right"},
                        ],
                        value="both",
                        inline=True,
                        className="radio-row",
                    ),
                ],
            ),
            _field(
                "Steps, at most",
                dcc.Slider(
                    id=ids.TRACE_HOPS,
                    min=1,
                    max=MAX_HOPS,
                    step=1,
                    value=DEFAULT_HOPS,
                    marks={n: str(n) for n in range(1, MAX_HOPS + 1)},
                ),
                ids.TRACE_HOPS,
            ),
            _field(
                "Lines",
                dcc.Dropdown(
                    id=ids.TRACE_LINES,
                    options=line_options,
                    multi=True,
                    placeholder="All lines",
                ),
                ids.TRACE_LINES,
            ),
            _field(
                "Weakest evidence",
                dcc.Dropdown(
                    id=ids.TRACE_EVIDENCE,
                    options=[{"label": text, "value": grade} for grade, text in EVIDENCE_CHOICES],
                    value=LOWEST_GRADE,
                    clearable=False,
                    searchable=False,
                ),
                ids.TRACE_EVIDENCE,
            ),
            html.Div(
                className="share",
                children=[
                    # dcc.Clipboard renders a bare div; the wrapper makes it a keyboard button
                    # (assets/app.js turns Enter and Space on it into a click).
                    html.Div(
                        role="button",
                        tabIndex=0,
                        className="button copy-link",
                        title="Copy a link to this view",
                        children=dcc.Clipboard(
                            id=ids.SHARE_COPY,
                            children="Copy link to this view",
                            copied_children="Link copied",
                        ),
                    ),
                    html.P(
                        [
                            "Nothing about you is stored. ",
                            dcc.Link("Start again", href="?", className="start-again"),
                        ],
                        className="field-hint",
                    ),
                ],
            ),
        ],
    )


def _diagram(figure: go.Figure) -> Component:
    # The cell spans the whole row, so the sticky panel inside never slides over the explorers.
    return html.Div(className="diagram-cell", children=_diagram_panel(figure))


def _diagram_panel(figure: go.Figure) -> Component:
    return html.Section(
        className="panel diagram",
        **{"aria-label": "Body diagram"},
        children=[
            # The frame sets the height; a responsive dcc.Graph fills its parent.
            html.Div(
                className="body-graph",
                role="group",
                **{
                    "aria-label": "Body diagram, front and back",
                    "aria-describedby": ids.BODY_CAPTION,
                },
                children=dcc.Graph(
                    id=ids.BODY_GRAPH,
                    figure=figure,
                    style={"height": "100%"},
                    config={
                        "displayModeBar": False,
                        "scrollZoom": False,
                        "doubleClick": False,
                        "responsive": True,
                    },
                ),
            ),
            html.P(id=ids.BODY_CAPTION, className="caption"),
        ],
    )


def _explorers(atlas: Atlas) -> Component:
    return html.Section(
        className="explorers",
        children=[
            html.Div(
                className="panel explorer",
                children=[
                    html.H2("Explore a line", id="line-heading"),
                    _field(
                        "Line",
                        dcc.Dropdown(
                            id=ids.LINE_PICKER,
                            options=[
                                {"label": f"{line.name} ({line.abbreviation})", "value": line.id}
                                for line in atlas.lines
                            ],
                            placeholder="Choose a line",
                        ),
                        ids.LINE_PICKER,
                    ),
                    html.Div(id=ids.LINE_DETAILS),
                ],
            ),
            html.Div(
                className="panel explorer",
                children=[
                    html.H2("Explore a region"),
                    _field(
                        "Region",
                        dcc.Dropdown(
                            id=ids.REGION_PICKER,
                            options=_region_options(atlas),
                            placeholder="Choose a region, or click one on the body",
                        ),
                        ids.REGION_PICKER,
                    ),
                    html.Div(id=ids.REGION_DETAILS),
                ],
            ),
        ],
    )


def _region_options(atlas: Atlas) -> list[dict[str, str]]:
    """One option per graph node; the search also matches the plain name and the aliases."""
    options = []
    for region in sorted(atlas.regions, key=lambda r: r.name.lower()):
        search = " ".join([region.name, region.plain_name or "", *region.aliases])
        sides = ["midline"] if region.laterality == "midline" else ["left", "right"]
        for side in sides:
            label = with_side(region.name, side)
            value = format_region((region.id, side))
            options.append({"label": label, "value": value, "search": f"{search} {side}"})
    return options


def _footer(atlas: Atlas) -> Component:
    return html.Footer(
        className="site-footer",
        children=[
            html.P(
                f"{atlas.title}: {len(atlas.lines)} lines, {len(atlas.regions)} regions, "
                f"{len(atlas.sources)} sources. {atlas.credits or ''}".strip()
            ),
            html.P(
                "For learning about the body. It does not diagnose or treat anything; see a "
                "qualified professional about pain, and a doctor at once about any warning sign."
            ),
        ],
    )
