"""The trace controls: what is felt, the side, how far along a line, which lines, what evidence.

Each control shows one field of the view state; :data:`CONTROLS` says which, so reading the
controls into a state (:func:`state_from_controls`) and showing a state in them
(:func:`control_values`) are the same table read both ways.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web.markup import block
from fascialines.web.pieces import attrs, in_app_link, with_side
from fascialines.web.state import (
    DEFAULT_HOPS,
    LOWEST_GRADE,
    MAX_HOPS,
    TRACE_OPTIONS,
    ViewState,
    format_region,
    parse_region,
)
from fascialines.web.views import picker
from fascialines.web.wording import CONTROL, EVIDENCE_CHOICES, HEADING

__all__ = ["CONTROLS", "Control", "Ids", "control_values", "layout", "state_from_controls"]


class Ids:
    """The component ids of the controls (kebab-case, ``trace-`` for the tracer)."""

    SYMPTOM = "trace-symptom"
    SIDE = "trace-side"
    HOPS = "trace-hops"
    LINES = "trace-lines"
    EVIDENCE = "trace-evidence"
    LINE = "line-picker"
    REGION = "region-picker"
    SHARE = "share-copy"


@dataclass(frozen=True)
class Control:
    """One control: its id, the state field it shows, and the conversions both ways."""

    id: str
    field: str
    read: Callable[[Atlas, Any], Any]
    show: Callable[[Any], Any]


def _lines(atlas: Atlas, value: Any) -> tuple[str, ...]:
    wanted = set(value or ())
    return tuple(line.id for line in atlas.lines if line.id in wanted)


CONTROLS: tuple[Control, ...] = (
    Control(Ids.SYMPTOM, "symptom", lambda _, v: v or None, lambda v: v),
    Control(Ids.SIDE, "side", lambda _, v: v or "both", lambda v: v),
    Control(Ids.HOPS, "hops", lambda _, v: int(v or DEFAULT_HOPS), lambda v: v),
    Control(Ids.LINES, "lines", _lines, list),
    Control(Ids.EVIDENCE, "evidence", lambda _, v: v or LOWEST_GRADE, lambda v: v),
    Control(Ids.LINE, "line", lambda _, v: v or None, lambda v: v),
    Control(
        Ids.REGION,
        "region",
        lambda atlas, v: parse_region(atlas, v) if v else None,
        lambda v: format_region(v) if v else None,
    ),
)


def state_from_controls(atlas: Atlas, current: ViewState, values: dict[str, Any]) -> ViewState:
    """The view state after a control changed; ``values`` maps control ids to their values.

    Changing a trace option drops the focused candidate (the ranks change); choosing a symptom
    ends a trace from a place (one trace at a time).
    """
    read = {c.field: c.read(atlas, values.get(c.id)) for c in CONTROLS if c.id in values}
    changed = {k: v for k, v in read.items() if getattr(current, k) != v}
    if not changed:
        return current
    if any(key in TRACE_OPTIONS for key in changed):
        state = current.with_trace_options(**changed)
        return replace(state, felt=None) if "symptom" in changed else state
    return replace(current, **changed)


def control_values(state: ViewState) -> dict[str, Any]:
    """What each control shows for a state, by control id."""
    return {c.id: c.show(getattr(state, c.field)) for c in CONTROLS}


def _field(
    label: str,
    control: Component,
    control_id: str,
    hint: str | None = None,
    hint_id: str | None = None,
    search_store: str | None = None,
) -> Component:
    children = [html.Label(label, htmlFor=control_id, className="field-label"), control]
    if hint:
        extra = {"id": hint_id, **attrs({"aria-live": "polite"})} if hint_id else {}
        children.append(html.P(hint, className="field-hint", **extra))
    # A dropdown's typed words go to this store (assets/app.js copies them there).
    more = attrs({"data-search-store": search_store}) if search_store else {}
    return html.Div(className=f"field field-{control_id}", children=children, **more)


def _line_options(atlas: Atlas) -> list[dict[str, str]]:
    return [
        {"label": f"{line.name} ({line.abbreviation})", "value": line.id} for line in atlas.lines
    ]


def region_options(atlas: Atlas) -> list[dict[str, str]]:
    """One option per graph node; the search also matches the plain name and the aliases.

    Dash searches an option's label and its ``search`` text both, so the search text leaves out
    the name the label already holds (the options are part of every first load).
    """
    options = []
    for region in sorted(atlas.regions, key=lambda r: r.name.lower()):
        search = " ".join(filter(None, [region.plain_name, *region.aliases]))
        sides = ["midline"] if region.laterality == "midline" else ["left", "right"]
        for side in sides:
            label = with_side(region.name, side)
            value = format_region((region.id, side))
            options.append({"label": label, "value": value, "search": f"{search} {side}"})
    return options


def layout(atlas: Atlas) -> Component:
    """The row of trace controls, with the share button."""
    return html.Section(
        className="panel controls",
        **attrs({"aria-label": HEADING["controls"]}),
        children=[
            html.H2(HEADING["controls"], className="visually-hidden"),
            _field(
                CONTROL["symptom"],
                # Typed words are searched on the server, through the core's look-up.
                dcc.Dropdown(
                    id=Ids.SYMPTOM,
                    options=picker.all_options(atlas),
                    placeholder=CONTROL["symptom-placeholder"],
                    clearable=True,
                    optionHeight="auto",
                    search_order="original",
                ),
                Ids.SYMPTOM,
                hint=CONTROL["symptom-hint"],
                hint_id=picker.Ids.HINT,
                search_store=picker.Ids.QUERY,
            ),
            dcc.Store(id=picker.Ids.QUERY, storage_type="memory"),
            html.Fieldset(
                className=f"field field-{Ids.SIDE}",
                children=[
                    html.Legend(CONTROL["side"], className="field-label"),
                    dcc.RadioItems(
                        id=Ids.SIDE,
                        options=[
                            {"label": CONTROL[f"side-{side}"], "value": side}
                            for side in ("both", "left", "right")
                        ],
                        value="both",
                        inline=True,
                        className="radio-row",
                    ),
                ],
            ),
            # A row of radio buttons, not a slider: the same choice of 1 to MAX_HOPS, native
            # keyboard use, and no slider bundle to download (about 14 KB compressed).
            html.Fieldset(
                className=f"field field-{Ids.HOPS}",
                children=[
                    html.Legend(CONTROL["hops"], className="field-label"),
                    dcc.RadioItems(
                        id=Ids.HOPS,
                        options=[{"label": str(n), "value": n} for n in range(1, MAX_HOPS + 1)],
                        value=DEFAULT_HOPS,
                        inline=True,
                        className="radio-row radio-numbers",
                    ),
                    html.P(CONTROL["hops-hint"], className="field-hint"),
                ],
            ),
            _field(
                CONTROL["lines"],
                dcc.Dropdown(
                    id=Ids.LINES,
                    options=_line_options(atlas),
                    multi=True,
                    placeholder=CONTROL["lines-placeholder"],
                ),
                Ids.LINES,
            ),
            _field(
                CONTROL["evidence"],
                dcc.Dropdown(
                    id=Ids.EVIDENCE,
                    options=[{"label": text, "value": grade} for grade, text in EVIDENCE_CHOICES],
                    value=LOWEST_GRADE,
                    clearable=False,
                    searchable=False,
                ),
                Ids.EVIDENCE,
                hint=CONTROL["evidence-hint"],
            ),
        ],
    )


def share_layout() -> Component:
    """The copy-link button and "start again", for the page header."""
    return html.Div(
        className="share",
        children=[
            # A real button; the address is copied in the browser (views/page.py).
            html.Button(
                CONTROL["copy"],
                id=Ids.SHARE,
                type="button",
                className="button copy-link",
                title=CONTROL["copy-title"],
                # What the button says once it has copied (read by assets/app.js).
                **attrs({"data-copied": CONTROL["copied"]}),
            ),
            block(
                html.P(
                    [
                        CONTROL["nothing-stored"],
                        in_app_link(CONTROL["start-again"], "?", class_name="start-again"),
                    ],
                    className="field-hint",
                    **attrs({"aria-live": "polite"}),
                )
            ),
        ],
    )


def explore_layout(atlas: Atlas) -> Component:
    """The line and region pickers, under the diagram (after the answer on a phone)."""
    return html.Section(
        className="panel explore-pickers",
        **attrs({"aria-label": HEADING["explore-line"] + ", " + HEADING["explore-region"]}),
        children=[
            _field(
                HEADING["explore-line"],
                dcc.Dropdown(
                    id=Ids.LINE,
                    options=_line_options(atlas),
                    placeholder=CONTROL["line-placeholder"],
                ),
                Ids.LINE,
            ),
            _field(
                HEADING["explore-region"],
                dcc.Dropdown(
                    id=Ids.REGION,
                    options=region_options(atlas),
                    placeholder=CONTROL["region-placeholder"],
                ),
                Ids.REGION,
            ),
        ],
    )
