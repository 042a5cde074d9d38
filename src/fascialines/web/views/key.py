"""The diagram's key, in HTML under the chart at every width: the lines and the evidence grades.

Each line has its colour, its marker symbol and its abbreviation (its full name for screen
readers and on hover), so colour is never the only cue; each evidence grade its dash style and
its name; and a sample of the paler, thinner stroke of a deep line. plotly's own legend would
take the body's room on a phone.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.web.markup import block
from fascialines.web.pieces import attrs
from fascialines.web.theme import EVIDENCE_DASH, SYMBOL_GLYPHS, dash_background, line_styles
from fascialines.web.wording import CHART, EVIDENCE_SHORT, HEADING

__all__ = ["DEEP_NOTE", "diagram_key"]

#: What the key's deep-line sample means, in full (its hover text).
DEEP_NOTE = CHART["deep-title"]


def diagram_key(atlas: Atlas) -> Component:
    """The diagram's key in HTML, at every width (plotly's legends would take the body's room).

    Each line has its colour, its marker symbol and its abbreviation (full name for screen
    readers and on hover), so colour is never the only cue; each evidence grade its dash style
    and its name. The symbol and the dash sample are drawn by ``style.css`` from the entry's
    ``data-symbol`` and its ``--key-colour`` / ``--key-dash``.
    """
    styles = line_styles(atlas)
    # Two components a line, one a grade: the key is drawn once, but every component on the
    # page costs each later update of the page (the symbol and the dash are drawn by the
    # stylesheet from the entry's attributes, hidden from screen readers).
    lines = [
        html.Li(
            className="key-line",
            title=line.name,
            style={"--key-colour": styles[line.id].colour},
            **attrs({"data-symbol": SYMBOL_GLYPHS.get(styles[line.id].symbol, "\u25cf")}),
            children=[
                line.abbreviation,
                html.Span(f", {line.name}", className="visually-hidden"),
            ],
        )
        for line in atlas.lines
    ]
    grades = sorted(EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__, reverse=True)
    evidence = [
        html.Li(
            EVIDENCE_SHORT[grade],
            className=f"key-evidence key-evidence-{grade}",
            style={"--key-dash": dash_background(EVIDENCE_DASH[grade])},
        )
        for grade in grades
    ]
    # No callback touches the key: one markup block (the page's every component costs each
    # later update).
    return block(
        html.Div(
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
                                html.Span(CHART["deep"], title=DEEP_NOTE),
                            ],
                        ),
                    ],
                    className="key-list key-evidences",
                ),
            ],
        )
    )
