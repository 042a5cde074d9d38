"""The page frame: functions that return the app's static components.

What fills the frame after each interaction (the ranked list, the explorers) is built in
:mod:`fascialines.web.panels`; the body diagram in :mod:`fascialines.web.figures`.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.web import ids
from fascialines.web.figures import EVIDENCE_DASH, EVIDENCE_SHORT, line_styles
from fascialines.web.pieces import with_side
from fascialines.web.urlstate import DEFAULT_HOPS, LOWEST_GRADE, MAX_HOPS, format_region

__all__ = ["EVIDENCE_CHOICES", "SYMBOL_GLYPHS", "diagram_key", "page"]

#: The minimum-evidence choices, strictest last, worded for people rather than as grades.
EVIDENCE_CHOICES: tuple[tuple[str, str], ...] = (
    ("not-found", "Any grade"),
    ("not-studied", "Not studied or better"),
    ("limited", "Limited or better"),
    ("moderate", "Moderate or better"),
    ("strong", "Strong only"),
)

#: The text glyph for each plotly marker symbol the diagram uses, for the HTML key.
SYMBOL_GLYPHS: dict[str, str] = {
    "circle": "\u25cf",
    "square": "\u25a0",
    "diamond": "\u25c6",
    "triangle-up": "\u25b2",
    "triangle-down": "\u25bc",
    "cross": "\u271a",
    "x": "\u2716",
    "star": "\u2605",
    "pentagon": "\u2b1f",
    "hexagon": "\u2b22",
    "triangle-left": "\u25c0",
    "triangle-right": "\u25b6",
}
#: Plotly's dash patterns in pixels at the key's stroke width (plotly scales its named dashes
#: by max(width, 3)); a custom pattern such as "2px,7px" is already in pixels.
_NAMED_DASH: dict[str, tuple[int, ...]] = {
    "solid": (),
    "dot": (3, 3),
    "dash": (9, 9),
    "longdash": (15, 15),
    "dashdot": (9, 3, 3, 3),
    "longdashdot": (15, 6, 3, 6),
}


def _dash_pattern(dash: str) -> tuple[int, ...]:
    if dash in _NAMED_DASH:
        return _NAMED_DASH[dash]
    return tuple(int(float(part.strip().removesuffix("px"))) for part in dash.split(","))


def _dash_background(dash: str) -> str:
    """A CSS gradient that draws the same dashes as the diagram, so the key matches it."""
    pattern = _dash_pattern(dash)
    if not pattern:
        return "linear-gradient(to right, currentColor, currentColor)"
    stops, at = [], 0
    for index, length in enumerate(pattern):
        colour = "currentColor" if index % 2 == 0 else "transparent"
        stops.append(f"{colour} {at}px {at + length}px")
        at += length
    return f"repeating-linear-gradient(to right, {', '.join(stops)})"


def diagram_key(atlas: Atlas) -> Component:
    """The diagram's key in HTML, for narrow screens where plotly's legends take the body's room.

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
                    **{"aria-hidden": "true"},
                ),
                html.Span(line.abbreviation, className="key-abbr", **{"aria-hidden": "true"}),
                html.Span(f"{line.abbreviation}, {line.name}", className="visually-hidden"),
            ],
        )
        for line in atlas.lines
    ]
    grades = sorted(EVIDENCE_ORDER, key=EVIDENCE_ORDER.get, reverse=True)
    evidence = [
        html.Li(
            className=f"key-evidence key-evidence-{grade}",
            children=[
                html.Span(
                    className="key-dash",
                    style={"backgroundImage": _dash_background(EVIDENCE_DASH[grade])},
                    **{"aria-hidden": "true"},
                ),
                EVIDENCE_SHORT[grade],
            ],
        )
        for grade in grades
    ]
    return html.Div(
        className="diagram-key",
        children=[
            html.H3("Key", className="visually-hidden"),
            html.P("Lines", className="key-title"),
            html.Ul(lines, className="key-list key-lines"),
            html.P("Evidence (line style)", className="key-title"),
            html.Ul(evidence, className="key-list key-evidences"),
        ],
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
                    _diagram(atlas, figure),
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


def _diagram(atlas: Atlas, figure: go.Figure) -> Component:
    # The cell spans the whole row, so the sticky panel inside never slides over the explorers.
    return html.Div(className="diagram-cell", children=_diagram_panel(atlas, figure))


def _diagram_panel(atlas: Atlas, figure: go.Figure) -> Component:
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
            # Shown instead of plotly's legends on narrow screens (style.css, app.js).
            diagram_key(atlas),
            html.P(id=ids.BODY_CAPTION, className="caption"),
        ],
    )


def _explorers(atlas: Atlas) -> Component:
    return html.Section(
        className="explorers",
        children=[
            # Open everywhere; on a phone app.js folds the ones the address does not use, so
            # the page stays short and each still opens with one tap.
            html.Details(
                open=True,
                className="panel explorer",
                **{"data-state-key": "line"},
                children=[
                    html.Summary(html.H2("Explore a line", id="line-heading")),
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
            html.Details(
                open=True,
                className="panel explorer",
                **{"data-state-key": "region"},
                children=[
                    html.Summary(html.H2("Explore a region")),
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
