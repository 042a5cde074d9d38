"""The body diagram, split by job.

- :mod:`.geometry`: the outlines and where a region, a node or a step lands on them;
- :mod:`.base`: the figure built once per atlas (every line faintly, a marker per node), with
  its fixed trace order and empty overlay slots;
- :mod:`.overlay`: what one view state adds, as a :class:`dash.Patch` of those slots;
  the page draws the figure as two stacked layers (:func:`split_layers`) and patches only
  the small upper one (:func:`upper_patch`);
- :mod:`.markers`: the overlay's marks (felt here, numbered candidates, selection, trigger
  points); :mod:`.labels`: where their labels go; :mod:`.strokes`: the trace builders.

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
from fascialines.web.figure.overlay import overlay_figure, overlay_patch, upper_patch

__all__ = [
    "OVERLAY_NAMES",
    "OVERLAY_SIZE",
    "PATH_SLOTS",
    "base_figure",
    "clicked_region",
    "overlay_figure",
    "overlay_patch",
    "overlay_start",
    "split_layers",
    "upper_patch",
]
