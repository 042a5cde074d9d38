"""The line explorer: a whole line on the body and step by step, with evidence and sources.

It sits beside the diagram; each region in its table is a button that explores that region.
Each row of the table carries its step's place on the diagram
(:func:`fascialines.web.figure.step_highlight.step_segments`) in ``data-`` attributes, so
pointing at the row or tabbing into it highlights that step on the body in the browser
(``assets/app.js``), with no round-trip.
"""

from __future__ import annotations

import json
from typing import Any

from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas, Transition
from fascialines.web.figure.step_highlight import step_segments
from fascialines.web.markup import block
from fascialines.web.pieces import (
    attrs,
    evidence_badge,
    line_chip,
    set_button,
    short_citation,
    sources_list,
)
from fascialines.web.state import format_region
from fascialines.web.wording import HEADING, LINE, count

__all__ = ["Ids", "layout", "render"]


class Ids:
    """The component ids of the line explorer (``line-``)."""

    DETAILS = "line-details"


def layout() -> Component:
    """The explorer's slot beside the diagram, filled by :func:`render`."""
    return html.Section(
        id=Ids.DETAILS,
        className="line-explorer",
        **attrs({"aria-label": HEADING["explore-line"]}),
    )


def _region_button(atlas: Atlas, region_id: str) -> Component:
    region = atlas.region(region_id)
    # A paired region opens on the left; the region panel offers the other side.
    side = "midline" if region.laterality == "midline" else "left"
    return set_button(
        region.name,
        {"region": format_region((region_id, side))},
        class_name="link-button",
        title=LINE["explore-title"].format(name=region.name),
    )


def _cell(column: str, content: Any, **extra: Any) -> Component:
    return html.Td(content, role="cell", className=f"step-{column}", **extra)


def _on_body(atlas: Atlas, line_id: str, step: Transition) -> dict[str, Any]:
    """The row's step on the diagram, as the ``data-`` attributes assets/app.js reads."""
    xs, ys = step_segments(atlas, line_id, step.from_, step.to)
    if not xs:
        return {}
    return attrs(
        {
            "data-step-x": json.dumps(xs, separators=(",", ":")),
            "data-step-y": json.dumps(ys, separators=(",", ":")),
        }
    )


def render(atlas: Atlas, line_id: str | None) -> list[Component]:
    """A line's summary, its evidence, and the table of its transitions with sources."""
    if line_id is None:
        return []
    line = atlas.line(line_id)
    branched = len(line.branches) > 1
    # Cells carry their column in a class and an explicit role: on a phone style.css stacks each
    # row into a short block, which drops the browser's own table semantics.
    rows: list[Component] = [
        html.Tr(
            role="row",
            className="step-row",
            **_on_body(atlas, line.id, step),
            children=[
                *([_cell("track", branch.name)] if branched else []),
                _cell("from", _region_button(atlas, step.from_)),
                _cell("to", _region_button(atlas, step.to)),
                _cell(
                    "evidence",
                    [
                        evidence_badge(step.evidence),
                        html.Span(
                            LINE["rated-step"]
                            if step.evidence_basis == "transition"
                            else LINE["rated-line"],
                            className="step-rated",
                        ),
                    ],
                ),
                _cell(
                    "sources",
                    "; ".join(short_citation(atlas.source(s)) for s in step.sources),
                    title="; ".join(atlas.source(s).citation for s in step.sources),
                ),
            ],
        )
        for branch in line.branches
        for step in branch.transitions
    ]
    head = [
        LINE[column]
        for column in (*(["track"] if branched else []), "from", "to", "evidence", "sources")
    ]
    children = [
        html.Div(
            className="explorer-head",
            children=[
                html.H2([line_chip(atlas, line.id), f" {line.name}"], id="line-heading"),
                set_button(
                    LINE["close"], {"line": ""}, title=LINE["close-title"].format(name=line.name)
                ),
            ],
        ),
        html.P(line.summary),
        html.P([evidence_badge(line.evidence.grade), " ", line.evidence.summary]),
        html.Details(
            open=True,
            className="steps-fold",
            children=[
                html.Summary(LINE["steps"].format(steps=count(len(rows), "step"))),
                html.P(LINE["hover"], className="field-hint"),
                _steps_table(line.name, head, rows),
            ],
        ),
    ]
    if line.midline_crossings:
        children.append(
            html.P(
                LINE["crosses"]
                + "; ".join(crossing.description for crossing in line.midline_crossings)
            )
        )
    sources = [line.evidence.sources] + [step.sources for step in line.transitions]
    children.append(sources_list(atlas, [s for group in sources for s in group]))
    # No callback reads or sets anything inside: one component (markup.block), not ~150.
    return [block(children)]


def _steps_table(line_name: str, head: list[str], rows: list[Component]) -> Component:
    return html.Div(
        className="table-wrap",
        children=html.Table(
            className="stations",
            role="table",
            children=[
                html.Caption(LINE["caption"].format(name=line_name)),
                html.Thead(
                    html.Tr(
                        [html.Th(text, scope="col", role="columnheader") for text in head],
                        role="row",
                    ),
                    role="rowgroup",
                ),
                html.Tbody(rows, role="rowgroup"),
            ],
        ),
    )
