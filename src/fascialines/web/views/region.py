"""The region explorer: what a clicked or chosen region is, and the lines through it.

It opens beside the diagram. Exploring and tracing are two acts: "Trace pain felt here" starts a
trace from the region; a click on the body only explores.
"""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.graph import BodyGraph, NodeKey
from fascialines.web.markup import block
from fascialines.web.pieces import (
    attrs,
    joined,
    node_name,
    self_care,
    set_button,
    take_care,
    with_side,
)
from fascialines.web.state import format_region
from fascialines.web.wording import CONTROL, HEADING, SENTENCE

__all__ = ["Ids", "layout", "render"]


class Ids:
    """The component ids of the region explorer (``region-``)."""

    DETAILS = "region-details"


def layout() -> Component:
    """The explorer's slot beside the diagram, filled by :func:`render`."""
    return html.Section(
        id=Ids.DETAILS,
        className="region-explorer",
        **attrs({"aria-label": HEADING["explore-region"]}),
    )


def _neighbours(graph: BodyGraph, node: NodeKey) -> dict[str, dict[NodeKey, str]]:
    found: dict[str, dict[NodeKey, str]] = {}
    edges = graph.view.edges(node, data=True)
    for _, other, data in sorted(edges, key=lambda e: (e[2]["line"], e[1])):
        # Lines run foot to head or, for the arm lines, in their published order: say which
        # neighbour comes first rather than naming a direction that would be wrong for some.
        direction = SENTENCE[
            "neighbour-after" if data["step"][0] == node[0] else "neighbour-before"
        ]
        found.setdefault(data["line"], {})[other] = direction
    return found


def render(atlas: Atlas, graph: BodyGraph, node: NodeKey | None) -> list[Component]:
    """The region's names and description, a trace action, its lines and its neighbours."""
    if node is None:
        return []
    region = atlas.region(node[0])
    name = with_side(region.name, node[1])
    items = [
        html.Li(
            [
                set_button(atlas.line(line_id).name, {"line": line_id}, class_name="link-button"),
                ": ",
                *joined(
                    set_button(
                        f"{node_name(atlas, other)} ({direction})",
                        {"region": format_region(other)},
                        class_name="link-button",
                    )
                    for other, direction in others.items()
                ),
            ]
        )
        for line_id, others in _neighbours(graph, node).items()
    ]
    refers = [p for p in atlas.referral_patterns if p.muscle == region.id]
    receives = [p for p in atlas.referral_patterns if region.id in p.refers_to]
    children: list[Component | None] = [
        html.Div(
            className="explorer-head",
            children=[
                html.H2(name, id="region-heading"),
                set_button(
                    CONTROL["close-region"],
                    {"region": ""},
                    title=SENTENCE["close-title"].format(name=name),
                ),
            ],
        ),
        html.P(SENTENCE["plain-words"].format(name=region.plain_name))
        if region.plain_name
        else None,
        html.P(region.description) if region.description else None,
        set_button(
            CONTROL["trace-here"],
            {"felt": format_region(node), "symptom": "", "focus": "", "region": ""},
            class_name="button trace-here",
        ),
        html.H3(HEADING["lines-through"]),
        html.Ul(items) if items else html.P(HEADING["no-line-through"]),
    ]
    if refers or receives:
        children += [
            html.H3(HEADING["region-trigger"]),
            html.Ul(
                [html.Li(SENTENCE["refers"].format(pattern=p.description)) for p in refers]
                + [
                    html.Li(
                        SENTENCE["refers-here"].format(
                            muscle=atlas.region(p.muscle).name, pattern=p.description
                        )
                    )
                    for p in receives
                ]
            ),
        ]
    children += [take_care(atlas, region.id), self_care(atlas, region)]
    # No callback reads or sets anything inside: one component (markup.block).
    return [block([child for child in children if child is not None])]
