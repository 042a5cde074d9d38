"""Where one step of a line lies on the diagram, for the line explorer's hover highlight.

The line explorer's table (``views/line.py``) carries each step's segments in its row; hovering
or focusing the row draws them over the body in the browser (``assets/app.js``), with no
round-trip: the highlight is one extra line on the overlay layer, added with plotly's public
``Plotly.react`` and removed when the pointer or the focus leaves the row.
"""

from __future__ import annotations

from fascialines.atlas import Atlas
from fascialines.web.figure import geometry
from fascialines.web.figure.base import graph_of

__all__ = ["step_segments"]


def step_segments(
    atlas: Atlas, line_id: str, start: str, end: str
) -> tuple[list[float | None], list[float | None]]:
    """The step ``start`` → ``end`` of a line as plotly line coordinates, on every side and view.

    Parameters
    ----------
    atlas : Atlas
        The atlas the diagram is drawn from.
    line_id : str
        The line the step belongs to.
    start, end : str
        The step's region ids, in the line's order.

    Returns
    -------
    tuple of (list, list)
        ``x`` and ``y``: each drawn segment's two ends, segments separated by ``None`` (a gap
        for plotly). Empty when the step is drawn nowhere.

    Notes
    -----
    Linear in the number of edges of the graph (a few hundred); called once per row when the
    explorer is drawn.
    """
    pairs = [
        (u, v)
        for u, v, edge in graph_of(atlas).edges(data=True)
        if edge["line"] == line_id and set(edge["step"]) == {start, end}
    ]
    xs: list[float | None] = []
    ys: list[float | None] = []
    for _, a, b in geometry.segments(atlas, pairs):
        xs += [a[0], b[0], None]
        ys += [a[1], b[1], None]
    return xs[:-1], ys[:-1]
