"""The body diagram, split by job.

- :mod:`.geometry`: the outlines of the three views (front, back, the client's right side) and
  where a region or a node lands on them;
- :mod:`.tracks`: each step of each line as its stretch of the chart's smooth route
  (``data/chart/routes.json``), which the base and the overlay both draw;
- :mod:`.body`: the body under the lines (silhouettes, view titles, the client's sides);
- :mod:`.base`: the figure built once per atlas (every line along its route, a marker per
  node), with its fixed trace order and empty overlay slots;
- :mod:`.overlay`: what one view state adds, as a :class:`dash.Patch` of those slots;
  the page draws the figure as two stacked layers (:func:`split_layers`) and patches only
  the small upper one (:func:`upper_patch`);
- :mod:`.markers`: the overlay's marks (felt here, numbered candidates, selection, trigger
  points); :mod:`.labels`: where their labels go; :mod:`.strokes`: the trace builders.

The page hides the base's lines for the calm start (``assets/chart.css``) until "Show every
line" is on.

Colours, symbols and dash styles come from :mod:`fascialines.web.theme`.
"""

from __future__ import annotations

from fascialines.web.figure.base import (
    OVERLAY_NAMES,
    OVERLAY_SIZE,
    PATH_SLOTS,
    base_figure,
    clicked_region,
    overlay_start,
    split_layers,
)
from fascialines.web.figure.body import outline_shapes
from fascialines.web.figure.overlay import overlay_figure, overlay_patch, upper_patch

__all__ = [
    "OVERLAY_NAMES",
    "OVERLAY_SIZE",
    "PATH_SLOTS",
    "base_figure",
    "clicked_region",
    "outline_shapes",
    "overlay_figure",
    "overlay_patch",
    "overlay_start",
    "split_layers",
    "upper_patch",
]
