"""The app's look in one place: line colours and symbols, evidence dash styles, mark colours.

Plain values only, no plotly import: the figure package, the HTML key and the panels all read
them here, so the diagram, the key and the text always agree. Words shown to people live in
:mod:`fascialines.web.wording`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fascialines.atlas import Atlas

__all__ = [
    "ARROW",
    "BASE_OPACITY",
    "CANDIDATE",
    "CANDIDATE_DIM",
    "EVIDENCE_DASH",
    "FELT",
    "FELT_FILL",
    "FOCUS_RING",
    "FONT",
    "INK",
    "MARKED_CANDIDATES",
    "PALETTE",
    "SELECTED",
    "SYMBOLS",
    "SYMBOL_GLYPHS",
    "TRIGGER",
    "LineStyle",
    "dash_background",
    "line_styles",
]

#: Twelve line colours that stay apart (CIEDE2000 >= 10) under simulated protanopia,
#: deuteranopia and tritanopia (Machado et al. 2009) and >= 13 with normal colour vision, none
#: too pale for the skin fill, none near the "felt here" red (``fascialines.palette``,
#: ``data/chart/palette.json``). The packaged atlas gives its twelve lines these colours, in
#: this order; an atlas of your own may use them too.
PALETTE: tuple[str, ...] = (
    "#3377CC",  # blue
    "#EEAA00",  # amber
    "#337766",  # teal green
    "#7722AA",  # violet
    "#885588",  # plum
    "#AABBFF",  # pale periwinkle
    "#0022FF",  # ultramarine
    "#443366",  # dark indigo
    "#779977",  # sage
    "#005555",  # dark teal
    "#AA88AA",  # mauve
    "#9988FF",  # lavender
)
#: A marker symbol per line, shown once per view on the line and in the legend, so colour is
#: never the only thing that tells two lines apart.
SYMBOLS: tuple[str, ...] = (
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "triangle-down",
    "cross",
    "x",
    "star",
    "pentagon",
    "hexagon",
    "triangle-left",
    "triangle-right",
)
#: Line dash per evidence grade: the firmer the evidence, the more continuous the line.
EVIDENCE_DASH: dict[str, str] = {
    "strong": "solid",
    "moderate": "dash",
    "limited": "dot",
    "not-studied": "longdashdot",
    "not-found": "2px,7px",
}

#: How many of the best candidates the diagram marks (plus the focused one, whatever its rank).
MARKED_CANDIDATES = 10

INK = "#3d4650"
FELT = "#C0152F"
FELT_FILL = "rgba(192, 21, 47, 0.2)"
CANDIDATE = "#1F3A5F"
CANDIDATE_DIM = "#66758C"
FOCUS_RING = "#E69F00"
SELECTED = "#111111"
TRIGGER = "#6A3D9A"
ARROW = "triangle-up"
#: Opacity of the base layers, without and with an overlay shown: the base recedes so the
#: overlay reads first, and comes back when the overlay is cleared.
BASE_OPACITY: dict[str, dict[bool, float]] = {
    "lines": {False: 0.6, True: 0.14},
    "steps": {False: 0.9, True: 0.15},
    "regions": {False: 0.75, True: 0.3},
}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"


@dataclass(frozen=True)
class LineStyle:
    """How one line is drawn: its colour, the symbol on its segments, its legend label."""

    colour: str
    symbol: str
    label: str


def line_styles(atlas: Atlas) -> dict[str, LineStyle]:
    """Colour, symbol and label of every line, by line id, in atlas order.

    The colour is the atlas's own (``Line.colour``), so the diagram, the app's tables and any
    other view agree; the packaged atlas uses :data:`PALETTE`, which the tests hold to the
    colour-blind criteria. The symbol follows the line's place in the atlas.
    """
    return {
        line.id: LineStyle(
            line.colour, SYMBOLS[index % len(SYMBOLS)], f"{line.abbreviation} · {line.name}"
        )
        for index, line in enumerate(atlas.lines)
    }


#: The text glyph for each plotly marker symbol the diagram uses, for the HTML key.
SYMBOL_GLYPHS: dict[str, str] = {
    "circle": "\u25cf",
    "square": "\u25a0",
    "diamond": "\u25c6",
    "triangle-up": "\u25b2",
    "triangle-down": "\u25bc",
    "cross": "\u271a",
    "x": "\u2716",
    "star": "\u2605",
    "pentagon": "\u2b1f",
    "hexagon": "\u2b22",
    "triangle-left": "\u25c0",
    "triangle-right": "\u25b6",
}
#: Plotly's dash patterns in pixels at the key's stroke width (plotly scales its named dashes
#: by max(width, 3)); a custom pattern such as "2px,7px" is already in pixels.
_NAMED_DASH: dict[str, tuple[int, ...]] = {
    "solid": (),
    "dot": (3, 3),
    "dash": (9, 9),
    "longdash": (15, 15),
    "dashdot": (9, 3, 3, 3),
    "longdashdot": (15, 6, 3, 6),
}


def _dash_pattern(dash: str) -> tuple[int, ...]:
    if dash in _NAMED_DASH:
        return _NAMED_DASH[dash]
    return tuple(int(float(part.strip().removesuffix("px"))) for part in dash.split(","))


def dash_background(dash: str) -> str:
    """A CSS gradient that draws the same dashes as the diagram, so the key matches it."""
    pattern = _dash_pattern(dash)
    if not pattern:
        return "linear-gradient(to right, currentColor, currentColor)"
    stops, at = [], 0
    for index, length in enumerate(pattern):
        colour = "currentColor" if index % 2 == 0 else "transparent"
        stops.append(f"{colour} {at}px {at + length}px")
        at += length
    return f"repeating-linear-gradient(to right, {', '.join(stops)})"
