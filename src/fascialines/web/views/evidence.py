"""The evidence page (``?view=evidence``): what the grades mean and what stands behind each line.

It lays out :func:`fascialines.teaching.evidence_page.build_evidence_page`: each grade in plain
words (``#grade-strong``…, the target of every evidence badge), the two bases of a step's
grade, per line what was studied and found and which steps a source rated on their own, the
caveats about trigger points (``#trigger-points``), each claim of the article the project
started from beside the evidence (``#claims``), and every source with its full citation and what
the atlas cites it for (``#source-<id>``). The page is built on the server only when the address
asks for it, so the explorer's first load does not carry it.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, dcc, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

from fascialines.atlas import Atlas
from fascialines.teaching.evidence_page import EvidencePage, LineEntry, build_evidence_page
from fascialines.web import core
from fascialines.web.pieces import attrs, evidence_badge, short_citation
from fascialines.web.state import parse_query
from fascialines.web.views.gate import gate_store, gated_query
from fascialines.web.wording import CITED_KINDS, EVIDENCE_PAGE

__all__ = ["Ids", "fill_for", "layout", "render", "set_callbacks"]


class Ids:
    """The evidence page's component ids (``evidence-``)."""

    VIEW = "evidence-view"
    GATE = "evidence-gate"
    BODY = "evidence-body"


def _names(atlas: Atlas, line_ids: tuple[str, ...]) -> str:
    return ", ".join(atlas.line(line_id).name for line_id in line_ids) or EVIDENCE_PAGE["none"]


def _cite(atlas: Atlas, source_ids: tuple[str, ...]) -> list[Component | str]:
    out: list[Component | str] = []
    for index, source_id in enumerate(source_ids):
        if index:
            out.append("; ")
        out.append(html.A(short_citation(atlas.source(source_id)), href=f"#source-{source_id}"))
    return out


def _line(atlas: Atlas, entry: LineEntry) -> Component:
    rated: list[Component] = (
        [
            html.Table(
                className="evidence-steps",
                children=[
                    html.Caption(EVIDENCE_PAGE["steps-rated"]),
                    html.Thead(
                        html.Tr(
                            [html.Th("From"), html.Th("To"), html.Th("Grade"), html.Th("Sources")]
                        )
                    ),
                    html.Tbody(
                        [
                            html.Tr(
                                [
                                    html.Td(step.start_name),
                                    html.Td(step.end_name),
                                    html.Td(evidence_badge(step.grade)),
                                    html.Td(_cite(atlas, step.sources)),
                                ]
                            )
                            for step in entry.rated_steps
                        ]
                    ),
                ],
            )
        ]
        if entry.rated_steps
        else [html.P(EVIDENCE_PAGE["no-rated-steps"])]
    )
    return html.Article(
        className="evidence-line",
        id=f"line-{entry.id}",
        children=[
            html.H4(f"{entry.name} ({entry.abbreviation})"),
            html.P([evidence_badge(entry.grade), " ", entry.summary]),
            html.P(
                [EVIDENCE_PAGE["line-sources"], *_cite(atlas, entry.sources)], className="quiet"
            ),
            *rated,
            html.P(
                EVIDENCE_PAGE["steps-on-line"].format(count=entry.steps_on_line_rating),
                className="quiet",
            )
            if entry.steps_on_line_rating
            else None,
        ],
    )


def render(atlas: Atlas, content: EvidencePage) -> list[Component]:
    """The page's sections, in the order a student reads them."""
    grades = html.Section(
        id="grades",
        **attrs({"aria-labelledby": "grades-heading"}),
        children=[
            html.H3(EVIDENCE_PAGE["grades"], id="grades-heading"),
            html.Dl(
                className="evidence-grades",
                children=[
                    part
                    for entry in content.grades
                    for part in (
                        html.Dt(
                            id=f"grade-{entry.grade}",
                            children=[evidence_badge(entry.grade), " ", entry.label],
                        ),
                        html.Dd(
                            [
                                html.P(entry.meaning),
                                html.P(
                                    EVIDENCE_PAGE["rated-as-whole"]
                                    + _names(atlas, entry.lines)
                                    + ". "
                                    + EVIDENCE_PAGE["rated-steps"].format(count=entry.rated_steps),
                                    className="quiet",
                                ),
                            ]
                        ),
                    )
                ],
            ),
            html.H4(EVIDENCE_PAGE["bases"]),
            html.Ul([html.Li(basis.meaning) for basis in content.bases]),
        ],
    )
    lines = html.Section(
        id="lines",
        **attrs({"aria-labelledby": "lines-heading"}),
        children=[
            html.H3(EVIDENCE_PAGE["lines"], id="lines-heading"),
            *(_line(atlas, entry) for entry in content.lines),
        ],
    )
    caveats = html.Section(
        id="trigger-points",
        **attrs({"aria-labelledby": "trigger-heading"}),
        children=[
            html.H3(EVIDENCE_PAGE["trigger-points"], id="trigger-heading"),
            html.Ul(
                [
                    html.Li([caveat.text, " (", *_cite(atlas, caveat.sources), ")"])
                    for caveat in content.trigger_point_caveats
                ]
            ),
        ],
    )
    claims = html.Section(
        id="claims",
        **attrs({"aria-labelledby": "claims-heading"}),
        children=[
            html.H3(EVIDENCE_PAGE["claims"], id="claims-heading"),
            html.Table(
                className="evidence-claims",
                children=[
                    html.Thead(
                        html.Tr(
                            [
                                html.Th(EVIDENCE_PAGE["claim"]),
                                html.Th(EVIDENCE_PAGE["verdict"]),
                                html.Th(EVIDENCE_PAGE["evidence"]),
                            ]
                        )
                    ),
                    html.Tbody(
                        [
                            html.Tr(
                                id=f"claim-{claim.id}",
                                children=[
                                    html.Td(claim.claim),
                                    html.Td(html.Strong(claim.verdict)),
                                    html.Td(
                                        [claim.evidence, " (", *_cite(atlas, claim.sources), ")"]
                                    ),
                                ],
                            )
                            for claim in content.claims
                        ]
                    ),
                ],
            ),
        ],
    )
    sources = html.Section(
        id="sources",
        **attrs({"aria-labelledby": "sources-heading"}),
        children=[
            html.H3(EVIDENCE_PAGE["sources"], id="sources-heading"),
            html.Ol(
                className="evidence-sources",
                children=[
                    html.Li(
                        id=f"source-{source.id}",
                        children=[
                            html.Cite(source.citation),
                            f" doi:{source.doi}" if source.doi else None,
                            html.Br(),
                            html.Span(
                                EVIDENCE_PAGE["cited-for"]
                                + "; ".join(
                                    " ".join(
                                        filter(None, (CITED_KINDS.get(c.kind, c.kind), c.name))
                                    )
                                    for c in source.cited_for
                                ),
                                className="quiet",
                            )
                            if source.cited_for
                            else None,
                        ],
                    )
                    for source in content.sources
                ],
            ),
        ],
    )
    return [
        html.P(content.intro),
        html.P(dcc.Link(EVIDENCE_PAGE["back"], href="?")),
        grades,
        lines,
        caveats,
        claims,
        sources,
    ]


def layout(atlas: Atlas) -> Component:
    """The page's frame, hidden until the address asks for ``view=evidence``."""
    title = build_evidence_page(atlas).title
    return html.Section(
        id=Ids.VIEW,
        className="evidence-view panel",
        hidden=True,
        **attrs({"aria-labelledby": "evidence-heading"}),
        children=[
            gate_store(Ids.GATE),
            html.H2(title, id="evidence-heading"),
            html.Div(id=Ids.BODY),
        ],
    )


def set_callbacks(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Fill the page for ``view=evidence`` when its gate opens (the page shows it, :mod:`.gate`)."""

    @app.callback(Output(Ids.BODY, "children"), Input(Ids.GATE, "data"), prevent_initial_call=True)
    def fill(gate: Any) -> list[Component]:
        return fill_for(atlas, gated_query(gate))


def fill_for(atlas: Atlas, shown: str | None) -> list[Component]:
    """The page for the address drawn; :class:`PreventUpdate` unless it is ``view=evidence``."""
    if parse_query(atlas, shown)[0].view != "evidence":
        raise PreventUpdate
    return render(atlas, build_evidence_page(atlas))
