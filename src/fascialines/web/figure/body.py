"""The body under the lines: each view's silhouette and details, its title and its sides.

The outlines are read by :mod:`fascialines.outlines` (open-licence silhouettes for the front and
back, a drawn profile for the side) and set side by side by :mod:`.geometry`; this module turns
them into the figure's layout: plotly path shapes below every trace, and the annotations that
name each view and the client's sides on it.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from fascialines.web import theme
from fascialines.web.figure import geometry
from fascialines.web.figure.geometry import CHART_VIEWS, BodyFigure, View
from fascialines.web.wording import CHART

__all__ = ["BODY_FILL", "VIEW_TITLES", "figure_layout", "outline_shapes"]

#: The body's fill in every view.
BODY_FILL = "#f4eee8"

#: Each view's title and its hover text.
VIEW_TITLES: dict[View, tuple[str, str]] = {
    view: (CHART[f"view-{view}"], CHART[f"view-{view}-hover"]) for view in CHART_VIEWS
}


def outline_shapes(figure: BodyFigure = "male") -> list[dict[str, Any]]:
    """The layout shapes that draw the body of a figure: each view's silhouette and details.

    Parameters
    ----------
    figure : {"male", "female"}
        The body figure (:data:`.geometry.FIGURES`); the side view has one outline for both.

    Returns
    -------
    list of dict
        Plotly path shapes, below the traces: per view its filled silhouette, then its detail
        strokes. The diagram swaps the figure by patching ``layout.shapes`` with these.
    """
    shapes: list[dict[str, Any]] = []
    for view in CHART_VIEWS:
        outline = geometry.load_outline(view, figure)
        shapes.append(
            {
                "type": "path",
                "path": outline.silhouette,
                "fillcolor": BODY_FILL,
                "line": {"color": "#8a939c", "width": 1.3},
                "layer": "below",
            }
        )
        shapes += [
            {
                "type": "path",
                "path": detail,
                "fillcolor": "#a7aeb5",
                "line": {"color": "#a7aeb5", "width": 0.4},
                "layer": "below",
            }
            for detail in outline.details
        ]
    return shapes


def figure_layout(figure: BodyFigure) -> go.Layout:
    """The figure's layout: the body's shapes, the views' titles and sides, fixed axes."""
    annotations = []
    for view in CHART_VIEWS:
        centre = geometry.VIEW_CENTRES[view]
        title, hover = VIEW_TITLES[view]
        annotations.append(
            {
                "x": centre + (2.0 if view == "side" else 0.0),
                "y": 102.6,
                "text": f"<b>{title}</b>",
                "hovertext": hover,
                "showarrow": False,
                "font": {"size": 15, "color": theme.INK},
            }
        )
        if view == "side":
            # Which way the profile faces, where the R and L stand on the other views.
            for sign, word in ((-1, CHART["profile-back"]), (1, CHART["profile-front"])):
                annotations.append(
                    {
                        "x": centre + 2.0 + sign * 11.5,
                        "y": 97,
                        "text": word,
                        "hovertext": CHART["profile-hover"].format(word=word),
                        "showarrow": False,
                        "font": {"size": 12, "color": "#5b6570"},
                    }
                )
            continue
        # The client's sides as the viewer sees them (mirrored on the front view), as anatomy
        # charts mark them: a bold R and L beside the shoulders.
        viewer_left, viewer_right = ("right", "left") if view == "front" else ("left", "right")
        for sign, side in ((-1, viewer_left), (1, viewer_right)):
            annotations.append(
                {
                    "x": centre + sign * 22,
                    "y": 92,
                    "text": f"<b>{side[0].upper()}</b>",
                    "hovertext": CHART["side-hover"].format(side=side),
                    "showarrow": False,
                    "font": {"size": 16, "color": "#5b6570"},
                }
            )
    shapes = outline_shapes(figure)
    # constrain="domain": equal aspect shrinks the drawing area, never crops the views.
    axis = {
        "visible": False,
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "constrain": "domain",
    }
    return go.Layout(
        xaxis={
            **axis,
            # The browser widens it to all three views on a wide screen (assets/chart.js).
            "range": list(geometry.BASE_X_RANGE),
        },
        yaxis={**axis, "range": list(geometry.Y_RANGE), "scaleanchor": "x", "scaleratio": 1},
        shapes=shapes,
        annotations=annotations,
        plot_bgcolor="white",
        paper_bgcolor="white",
        margin={"l": 4, "r": 4, "t": 4, "b": 4},
        dragmode=False,
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"size": 13, "family": theme.FONT}},
        font={"family": theme.FONT, "color": theme.INK},
        # The key is HTML under the diagram at every width (views/diagram.py): plotly's
        # legends would take the body's room on a phone.
        showlegend=False,
        uirevision="body",
    )
