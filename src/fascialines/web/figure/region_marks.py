"""The regions on the body: a grey dot at each, and an undrawn trace that catches the pointer.

Each region (each side, each view it is seen in) is a place a student hovers to read its name
and clicks to open it. plotly draws every marker of a ``markers`` trace as its own SVG path
with its own ``transform``, and the browser works over each of them again on every frame
that changes anything on the page: measured in Chromium here, the ~700 region markers were
30 ms of "layerize" work per gesture (of ~170 ms), the rest of the page about 5 ms.

So the two jobs are two traces. :func:`region_dots` draws every dot as one SVG path: a
stroke of no length per region, which the browser draws as its round ends alone (the round
ends come from ``assets/chart.css``; a picture saved through ``toImage``, which does not see
the stylesheet, gets the dots as markers, ``assets/chart.js``). :func:`region_targets` draws
nothing (``mode="none"``) but keeps each point's place, ``customdata = [region_id, side]``
and hover text: plotly finds the point nearest the pointer from the data, not from what it
drew, so hover and click work as before.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from fascialines.atlas import Atlas, Region
from fascialines.graph import NodeKey
from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import CHART_VIEWS
from fascialines.web.theme import BASE_OPACITY
from fascialines.web.wording import CHART

__all__ = ["DOTS_UID", "DOT_COLOUR", "DOT_SIZE", "node_label", "region_dots", "region_targets"]

#: The dots' colour and diameter (pixels): small and quiet, the lines and the overlay read
#: first. plotly picks the nearest point within 20 px, so a small dot is still easy to hit.
DOT_COLOUR = "#8a939c"
DOT_SIZE = 3.5
#: The dots trace's ``uid``: the stylesheet finds its group by it (plotly names the group
#: ``trace<uid>``).
DOTS_UID = "regiondots"


def node_label(region: Region, side: str) -> str:
    return region.name if side == "midline" else f"{region.name} ({side})"


def _places(atlas: Atlas, nodes: Iterable[NodeKey]) -> list[tuple[NodeKey, float, float]]:
    places = []
    for node in sorted(nodes):
        region = atlas.region(node[0])
        for view in CHART_VIEWS:
            placed = geometry.point(region, node[1], view)
            if placed is not None and placed[2]:
                # Thousandths: the atlas's own precision, without float noise in the page.
                places.append((node, round(placed[0], 3), round(placed[1], 3)))
    return places


def region_targets(
    atlas: Atlas, nodes: Iterable[NodeKey], lines_at: dict[NodeKey, set[str]]
) -> go.Scatter:
    """The hover and click targets: one undrawn point per node and view it is seen in."""
    x, y, customdata, text = [], [], [], []
    for node, px, py in _places(atlas, nodes):
        region = atlas.region(node[0])
        names = sorted(atlas.line(line_id).abbreviation for line_id in lines_at.get(node, ()))
        through = ", ".join(names) if names else CHART["no-line"]
        x.append(px)
        y.append(py)
        customdata.append([node[0], node[1]])
        plain = f"<br><i>{region.plain_name}</i>" if region.plain_name else ""
        lines = CHART["region-lines"].format(lines=through)
        text.append(f"<b>{node_label(region, node[1])}</b>{plain}<br>{lines}")
    return go.Scatter(
        x=x,
        y=y,
        mode="none",
        hoveron="points",
        name="regions",
        showlegend=False,
        customdata=customdata,
        text=text,
        hovertemplate="%{text}<extra></extra>",
    )


def region_dots(atlas: Atlas, nodes: Iterable[NodeKey]) -> go.Scatter:
    """One dot per node and view, all of them one path: each a stroke of no length."""
    x: list[float | None] = []
    y: list[float | None] = []
    for _, px, py in _places(atlas, nodes):
        x += [px, px, None]
        y += [py, py, None]
    return go.Scatter(
        x=x,
        y=y,
        mode="lines",
        name="region dots",
        uid=DOTS_UID,
        showlegend=False,
        hoverinfo="skip",
        connectgaps=False,
        line={"color": DOT_COLOUR, "width": DOT_SIZE, "simplify": False},
        opacity=BASE_OPACITY["regions"][False],
    )
