"""Where one step of a line lies on the diagram, for the line explorer's hover highlight.

The line explorer's table (``views/line.py``) carries each step's curves in its row; hovering
or focusing the row draws them over the body in the browser (``assets/app.js``), with no
round-trip: the highlight is one extra line over the overlay (``assets/overlay.js``), removed
when the pointer or the focus leaves the row. It follows the same chart routes as the line
itself (:func:`.tracks.edge_curves`), so the step lights up along the drawn line.
"""

from __future__ import annotations

from fascialines.atlas import Atlas
from fascialines.web.figure import tracks

__all__ = ["step_segments"]


def step_segments(
    atlas: Atlas, line_id: str, start: str, end: str
) -> tuple[list[float | None], list[float | None]]:
    """The step ``start`` → ``end`` of a line as plotly line coordinates, on every side and view,
    along the line's chart routes.

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
        ``x`` and ``y``: each drawn curve's points (to a tenth of a unit), curves separated by
        ``None`` (a gap). Empty when the step is drawn nowhere.

    Notes
    -----
    Linear in the number of the line's edges; called once per row when the explorer is drawn.
    """
    xs: list[float | None] = []
    ys: list[float | None] = []
    for edge in tracks.line_edges(atlas, line_id):
        if {edge.start[0], edge.end[0]} != {start, end}:
            continue
        for curve in tracks.edge_curves(atlas, edge):
            xs += [round(x, 1) for x, _ in curve.points] + [None]
            ys += [round(y, 1) for _, y in curve.points] + [None]
    return xs[:-1], ys[:-1]
