"""Strokes and marks collected into plotly scatter properties: the builders both layers share.

:class:`Polyline` gathers segments and curves for one ``mode="lines"`` trace; :class:`Marks`
gathers one marker per segment (a line's symbol or an arrow) with its hover text.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Marks", "Polyline", "uniform"]


@dataclass
class Polyline:
    """Segments for one line trace: start, end, gap. Lines carry no hover: see :class:`Marks`."""

    x: list[float | None]
    y: list[float | None]

    @classmethod
    def empty(cls) -> Polyline:
        return cls([], [])

    def add(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        self.x += [a[0], b[0], None]
        self.y += [a[1], b[1], None]

    def add_curve(self, points: Sequence[tuple[float, float]]) -> None:
        """Add a curve (a step's stretch of its route, :mod:`.tracks`), then a gap."""
        self.x += [p[0] for p in points] + [None]
        self.y += [p[1] for p in points] + [None]

    def extend(self, other: Polyline) -> None:
        self.x += other.x
        self.y += other.y


@dataclass
class Marks:
    """A marker at the middle of each segment: the line's symbol or an arrow, with hover text.

    Kept apart from the line traces so that no hoverable point ever sits on a node: a click on
    a node must reach the node's own marker and its ``customdata``.
    """

    x: list[float]
    y: list[float]
    text: list[str]
    colour: list[str]
    symbol: list[str]
    size: list[float]
    angle: list[float]
    opacity: list[float]

    @classmethod
    def empty(cls) -> Marks:
        return cls([], [], [], [], [], [], [], [])

    def add(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        text: str,
        *,
        colour: str,
        symbol: str,
        size: float,
        opacity: float = 1.0,
        oriented: bool = False,
    ) -> None:
        self.x.append(round((a[0] + b[0]) / 2, 2))
        self.y.append(round((a[1] + b[1]) / 2, 2))
        self.text.append(text)
        self.colour.append(colour)
        self.symbol.append(symbol)
        self.size.append(size)
        # An oriented marker points from a to b: marker angles run clockwise from "up", and the
        # equal axis scales make data angles true on screen. Line symbols stay upright.
        pointing = math.degrees(math.atan2(b[0] - a[0], b[1] - a[1]))
        self.angle.append(round(pointing, 1) if oriented else 0.0)
        self.opacity.append(opacity)

    def extend(self, other: Marks) -> None:
        for name in ("x", "y", "text", "colour", "symbol", "size", "angle", "opacity"):
            getattr(self, name).extend(getattr(other, name))

    def shown(self) -> Marks:
        """The marks that are drawn (opacity above 0), in order."""
        kept = Marks.empty()
        for i, opacity in enumerate(self.opacity):
            if opacity > 0:
                for name in ("x", "y", "text", "colour", "symbol", "size", "angle", "opacity"):
                    getattr(kept, name).append(getattr(self, name)[i])
        return kept

    def props(self) -> dict[str, Any]:
        return {
            "x": self.x,
            "y": self.y,
            "text": self.text,
            "mode": "markers",
            "marker": {
                "symbol": uniform(self.symbol),
                "size": self.size,
                "color": uniform(self.colour),
                "angle": uniform(self.angle),
                "opacity": self.opacity,
                "line": {"width": 0},
            },
            "hovertemplate": "%{text}<extra></extra>",
        }


def uniform(values: list[Any]) -> Any:
    """One value for a whole trace where every point has it: a lighter figure to send."""
    return values[0] if len(values) > 1 and len(set(values)) == 1 else values
