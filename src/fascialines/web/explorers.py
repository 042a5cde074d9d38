"""The explorers: a whole line step by step, and every line through one region.

They are the text alternative to a highlighted line or a selected region on the diagram.
"""

from __future__ import annotations

from dataclasses import replace

from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.graph import BodyGraph
from fascialines.web.pieces import (
    evidence_badge,
    joined,
    line_chip,
    node_name,
    query_href,
    self_care,
    short_citation,
    sources_list,
    take_care,
    with_side,
)
from fascialines.web.urlstate import NodeKey, ViewState

__all__ = ["line_panel", "region_panel"]


def line_panel(atlas: Atlas, line_id: str | None, state: ViewState) -> list[Component]:
    """A line's summary, evidence summary and the table of its transitions with sources."""
    if line_id is None:
        return [html.P("Choose a line to see it on the body and its stations step by step.")]
    line = atlas.line(line_id)
    branched = len(line.branches) > 1
    # Cells carry their column in a class and an explicit role: on a phone style.css stacks each
    # row into a short block, which drops the browser's own table semantics.
    rows = [
        html.Tr(
            role="row",
            children=[
                *([_cell("track", branch.name)] if branched else []),
                _cell("from", _region_link(atlas, state, step.from_)),
                _cell("to", _region_link(atlas, state, step.to)),
                _cell("evidence", evidence_badge(step.evidence)),
                _cell(
                    "rated",
                    "this step" if step.evidence_basis == "transition" else "the line",
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
    head = [*(["Track"] if branched else []), "From", "To", "Evidence", "Rated for", "Sources"]
    children = [
        html.H3(
            [
                line_chip(atlas, line.id),
                f" {line.name}",
            ]
        ),
        html.P(line.summary),
        html.P([evidence_badge(line.evidence.grade), " ", line.evidence.summary]),
        # Open everywhere; on a phone app.js folds it (a long read there), one tap opens it.
        html.Details(
            open=True,
            className="steps-fold",
            **{"data-phone-fold": "yes"},
            children=[
                html.Summary(f"Each step, with its evidence and sources ({len(rows)} steps)"),
                _steps_table(line.name, head, rows),
            ],
        ),
    ]
    if line.midline_crossings:
        children.append(
            html.P(
                "Crosses the midline: "
                + "; ".join(crossing.description for crossing in line.midline_crossings)
            )
        )
    sources = [line.evidence.sources] + [step.sources for step in line.transitions]
    children.append(sources_list(atlas, [s for group in sources for s in group]))
    return children


def _steps_table(line_name: str, head: list[str], rows: list[Component]) -> Component:
    return html.Div(
        className="table-wrap",
        children=html.Table(
            className="stations",
            role="table",
            children=[
                html.Caption(f"{line_name}: each step, in the model's published order"),
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


def _cell(column: str, content: object, **extra: str) -> Component:
    return html.Td(content, role="cell", className=f"step-{column}", **extra)


def _region_link(atlas: Atlas, state: ViewState, region_id: str) -> Component:
    region = atlas.region(region_id)
    side = "midline" if region.laterality == "midline" else "left"
    if state.region and state.region[1] in ("left", "right") and side != "midline":
        side = state.region[1]
    return dcc.Link(region.name, href=query_href(atlas, replace(state, region=(region_id, side))))


def region_panel(
    atlas: Atlas, graph: BodyGraph, node: NodeKey | None, state: ViewState
) -> list[Component]:
    """Every line through a region and its neighbours along each, with trigger-point links."""
    if node is None:
        return [html.P("Choose a region, or click one on the body, to see the lines through it.")]
    region = atlas.region(node[0])
    name = with_side(region.name, node[1])
    neighbours: dict[str, dict[NodeKey, str]] = {}
    edges = graph.view.edges(node, data=True)
    for _, other, data in sorted(edges, key=lambda e: (e[2]["line"], e[1])):
        # Lines run foot to head or, for the arm lines, in their published order: say which
        # neighbour comes first rather than naming a direction that would be wrong for some.
        direction = "after it" if data["step"][0] == node[0] else "before it"
        neighbours.setdefault(data["line"], {})[other] = direction
    items = [
        html.Li(
            [
                dcc.Link(
                    atlas.line(line_id).name, href=query_href(atlas, replace(state, line=line_id))
                ),
                ": ",
                *joined(
                    dcc.Link(
                        f"{node_name(atlas, other)} ({direction})",
                        href=query_href(atlas, replace(state, region=other)),
                    )
                    for other, direction in others.items()
                ),
            ]
        )
        for line_id, others in neighbours.items()
    ]
    refers = [p for p in atlas.referral_patterns if p.muscle == region.id]
    receives = [p for p in atlas.referral_patterns if region.id in p.refers_to]
    children = [
        html.H3(name),
        html.P(f"In plain words: {region.plain_name}.") if region.plain_name else None,
        html.P(region.description) if region.description else None,
        html.H4("Lines through it"),
        html.Ul(items) if items else html.P("No line passes through this region."),
    ]
    if refers or receives:
        children += [
            html.H4("Trigger-point referral (a separate, contested mechanism)"),
            html.Ul(
                [html.Li(f"Refers pain: {p.description}") for p in refers]
                + [
                    html.Li(f"{atlas.region(p.muscle).name} refers pain here: {p.description}")
                    for p in receives
                ]
            ),
        ]
    children += [take_care(atlas, region.id), self_care(atlas, region)]
    return children
