"""Lines side by side (``?lines=SBL,SPL`` with nothing traced): where the lines meet.

The panel lists the regions the lines share (from :func:`fascialines.teaching.compare_lines`)
with each line's steps there, and the body draws every compared line at once with the shared
regions ringed. The figure's own patch draws one line; this view composes several from
:func:`fascialines.web.figure.upper_patch`, one line at a time, into the overlay's slots.
Links add or remove a line; any two lines of the atlas can be compared.
"""

from __future__ import annotations

from typing import Any

import dash
from dash import Input, Output, dcc, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate

from fascialines.atlas import Atlas
from fascialines.teaching.compare import LineComparison, MeetingPlace, compare_lines
from fascialines.web import core, figure
from fascialines.web.pieces import attrs, evidence_badge, line_chip, query_href, short_citation
from fascialines.web.state import ViewState, parse_query
from fascialines.web.views import diagram
from fascialines.web.views.gate import gate_store, gated_query
from fascialines.web.wording import COMPARE

__all__ = ["MAX_DRAWN", "Ids", "compare_patch", "layout", "render", "set_callbacks"]

#: The most lines drawn at once: each takes a path slot per grade it has.
MAX_DRAWN = 4


class Ids:
    """The comparison's component ids (``compare-``)."""

    VIEW = "compare-view"
    GATE = "compare-gate"
    BODY = "compare-body"


def _merge(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two traces of the same builder as one: per-point lists joined, other values kept."""
    merged = dict(first)
    for key, value in second.items():
        if isinstance(value, list | tuple) and isinstance(first.get(key), list | tuple):
            merged[key] = [*first[key], *value]
        elif isinstance(value, dict) and isinstance(first.get(key), dict):
            merged[key] = _merge(first[key], value)
        elif key not in first:
            merged[key] = value
    return merged


def _assigned(patch: dash.Patch) -> dict[int, dict[str, Any]]:
    """The properties a patch of the upper layer assigns, by trace index."""
    traces: dict[int, dict[str, Any]] = {}
    for operation in patch.to_plotly_json()["operations"]:
        _, index, key = operation["location"]
        traces.setdefault(index, {})[key] = operation["params"]["value"]
    return traces


def compare_patch(
    atlas: Atlas, line_ids: tuple[str, ...], shared: tuple[tuple[str, str], ...]
) -> dash.Patch:
    """The upper layer's patch drawing several lines and ringing the shared nodes.

    Each line is drawn as :func:`~fascialines.web.figure.upper_patch` draws it alone (its path
    slots and its symbol), the lines' slots are put one after another, and the selected-region
    ring is repeated at every shared node.
    """
    slots = figure.PATH_SLOTS
    paths: list[dict[str, Any]] = []
    steps: dict[str, Any] = {}
    for line_id in line_ids[:MAX_DRAWN]:
        over = _assigned(figure.upper_patch(atlas, line=line_id))
        paths += [over[index] for index in range(slots) if over[index].get("x")]
        line_steps = over[slots + figure.OVERLAY_NAMES.index("steps")]
        steps = _merge(steps, line_steps) if steps else line_steps
    selected = slots + figure.OVERLAY_NAMES.index("selected-region")
    ring: dict[str, Any] = {}
    for number, node in enumerate(shared, start=1):
        # Numbered as in the panel's list: names would crowd where the lines meet.
        one = _assigned(figure.upper_patch(atlas, region=node))[selected]
        one["text"] = [str(number)] * len(one["x"])  # a point per view the region shows in
        ring = _merge(ring, one) if ring else one
    cleared: dict[str, Any] = {"x": [], "y": []}
    props = [*paths[:slots], *[cleared] * (slots - min(len(paths), slots))]
    for name in figure.OVERLAY_NAMES:
        props.append({"steps": steps, "selected-region": ring}.get(name) or cleared)
    patch = dash.Patch()
    for index, values in enumerate(props):
        for key, value in values.items():
            if key != "type":
                patch["data"][index][key] = value
    return patch


def _node(atlas: Atlas, region_id: str) -> tuple[str, str]:
    region = atlas.region(region_id)
    return (region_id, "midline" if region.laterality == "midline" else "left")


def _place(atlas: Atlas, place: MeetingPlace) -> Component:
    abbreviation = {line.id: line.abbreviation for line in atlas.lines}
    steps = [
        html.Li(
            [
                line_chip(atlas, step.line),
                f" {atlas.region(step.start).name} → {atlas.region(step.end).name} ",
                *(
                    [
                        evidence_badge(step.evidence),
                        " ",
                        html.Span(COMPARE["rated"], className="quiet"),
                    ]
                    if step.evidence_basis == "transition"
                    else [html.Span(COMPARE["line-rating"], className="quiet")]
                ),
                f" ({'; '.join(short_citation(atlas.source(s)) for s in step.sources)})"
                if step.sources
                else "",
                html.Br() if step.note else None,
                html.Span(step.note, className="quiet") if step.note else None,
            ]
        )
        for step in place.steps
    ]
    extra: list[Component] = []
    if place.common_neighbours:
        names = ", ".join(atlas.region(r).name for r in place.common_neighbours)
        extra.append(html.P(COMPARE["runs-on"] + names))
    for line_id, description in place.crossings:
        extra.append(
            html.P(COMPARE["crossing"].format(abbreviation=abbreviation[line_id]) + description)
        )
    region_link = html.A(
        place.name, href=query_href(atlas, ViewState(region=_node(atlas, place.region)))
    )
    return html.Li(
        className="compare-place",
        children=[html.H4(region_link), html.Ul(steps, className="compare-steps"), *extra],
    )


def render(atlas: Atlas, comparison: LineComparison) -> list[Component]:
    """The panel's content: the lines (with links to drop or add one) and where they meet."""
    chosen = list(comparison.lines)

    def lines_href(line_ids: list[str]) -> str:
        wanted = tuple(line.id for line in atlas.lines if line.id in line_ids)
        return query_href(atlas, ViewState(lines=wanted))

    children: list[Component] = [
        html.P(COMPARE["intro"]),
        html.Ul(
            className="compare-lines",
            children=[
                html.Li(
                    [
                        line_chip(atlas, line_id),
                        f" {atlas.line(line_id).name} ",
                        evidence_badge(atlas.line(line_id).evidence.grade),
                        " ",
                        html.A(
                            "×",
                            href=lines_href([i for i in chosen if i != line_id]),
                            title=COMPARE["remove"].format(
                                abbreviation=atlas.line(line_id).abbreviation
                            ),
                            **attrs(
                                {
                                    "aria-label": COMPARE["remove"].format(
                                        abbreviation=atlas.line(line_id).abbreviation
                                    )
                                }
                            ),
                        )
                        if len(chosen) > 2
                        else None,
                    ]
                )
                for line_id in chosen
            ],
        ),
        html.P(
            [
                COMPARE["add"],
                *[
                    part
                    for line in atlas.lines
                    if line.id not in chosen
                    for part in (
                        dcc.Link(
                            line.abbreviation,
                            href=lines_href([*chosen, line.id]),
                            title=line.name,
                            className="compare-add",
                        ),
                        " ",
                    )
                ],
            ]
        ),
    ]
    if len(chosen) > MAX_DRAWN:
        children.append(html.P(COMPARE["too-many"].format(count=MAX_DRAWN), className="quiet"))
    children.append(html.H3(COMPARE["shared"].format(count=len(comparison.shared))))
    if comparison.shared:
        children.append(html.Ol([_place(atlas, p) for p in comparison.shared]))
    else:
        children.append(html.P(COMPARE["none"]))
    if comparison.partly_shared:
        children.append(html.H3(COMPARE["partly"].format(count=len(comparison.partly_shared))))
        children.append(html.Ol([_place(atlas, p) for p in comparison.partly_shared]))
    children.append(html.P(dcc.Link(COMPARE["close"], href="?")))
    return children


def layout() -> Component:
    """The comparison panel, hidden unless two or more lines are named and nothing traced."""
    return html.Section(
        id=Ids.VIEW,
        className="compare-view",
        hidden=True,
        **attrs({"aria-labelledby": "compare-heading"}),
        children=[
            gate_store(Ids.GATE),
            html.H2(COMPARE["heading"], id="compare-heading"),
            html.Div(id=Ids.BODY),
        ],
    )


def respond(atlas: Atlas, shown: str | None) -> dict[str, Any]:
    """The panel and the body for the address drawn (:class:`PreventUpdate` if no comparison)."""
    state, _ = parse_query(atlas, shown)
    if (
        len(state.lines) < 2
        or state.traced
        or state.line
        or state.region
        or state.view != "explore"
    ):
        raise PreventUpdate
    comparison = compare_lines(atlas, state.lines)
    shared = tuple(_node(atlas, p.region) for p in comparison.shared)
    names = ", ".join(atlas.line(i).name for i in comparison.lines[:MAX_DRAWN])
    return {
        "body": render(atlas, comparison),
        "overlay": compare_patch(atlas, comparison.lines, shared),
        "caption": COMPARE["caption"].format(names=names, count=len(shared)),
        "lower": diagram.lower_class(True),
    }


def set_callbacks(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Draw a comparison in its panel and on the body (the page shows the panel, :mod:`.gate`)."""

    @app.callback(
        output={
            "body": Output(Ids.BODY, "children"),
            "overlay": Output(
                diagram.Ids.OVERLAY_LAYER, diagram.OVERLAY_PROP, allow_duplicate=True
            ),
            "caption": Output(diagram.Ids.CAPTION, "children", allow_duplicate=True),
            "lower": Output(diagram.Ids.LOWER_LAYER, "className", allow_duplicate=True),
        },
        inputs={"gate": Input(Ids.GATE, "data")},
        # It runs when its gate opens (set_props in assets/students.js), never on the first load.
        prevent_initial_call=True,
    )
    def update(gate: Any) -> dict[str, Any]:
        out = respond(atlas, gated_query(gate))
        return out | {"overlay": diagram.overlay_output(out["overlay"])}
