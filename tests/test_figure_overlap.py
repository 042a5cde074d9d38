"""Nothing on the body diagram hides anything else, at the app's three widths.

Each mark's box is computed from the figure alone, the way plotly draws it: data coordinates
to pixels with the figure's axis ranges and the plot area's size at each width (equal axis
scales, the tighter fit, as ``constrain="domain"`` does), a marker's box from its pixel size
and outline, a text's from its font size times its characters, beside its marker the way
plotly offsets it. This file computes them on its own, not with the placement code's helpers.

Covered: the numbered candidate markers and their numbers, the "felt here" discs and label,
the L and R labels, the trigger-point crosses and their key (X, swatches, words), for every
symptom and side and for every muscle explored with its trigger points. The discs of one
felt area may touch each other (they are translucent and merge into one marked area by
design), and an X may lie on one (a trigger point inside the felt area, as Travell and Simons
draw it).

The figure sizes are those of the upper layer's ``_fullLayout`` measured in Chromium
(Playwright, the app at each viewport, 2026-12-01): 746 x 570 at 1440 x 900, 530 x 460 at
1024 x 768, 364 x 328 at 390 x 844.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from fascialines.atlas import load_atlas
from fascialines.graph import build_graph
from fascialines.tracing import trace
from fascialines.web import figure as figures

#: The figure's size in pixels at each viewport the app is checked at.
FIGURE_PX = {"1440x900": (746.0, 570.0), "1024x768": (530.0, 460.0), "390x844": (364.0, 328.2)}
#: Width of a character in ems: the app's sans-serif fonts, bold digits and lower case.
EM = 0.6


@dataclass(frozen=True)
class Mark:
    kind: str
    owner: int  # marks of one owner (a marker and its own text) may touch
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Mark) -> bool:
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )


def _scale(layout: dict[str, Any], width: float, height: float) -> float:
    margin = layout["margin"]
    x0, x1 = layout["xaxis"]["range"]
    y0, y1 = layout["yaxis"]["range"]
    return min(
        (width - margin["l"] - margin["r"]) / (x1 - x0),
        (height - margin["t"] - margin["b"]) / (y1 - y0),
    )


def _square(kind: str, owner: int, x: float, y: float, size: float, scale: float) -> Mark:
    half = size / 2
    return Mark(kind, owner, x * scale - half, y * scale - half, x * scale + half, y * scale + half)


def _text(
    kind: str,
    owner: int,
    anchor: tuple[float, float],
    text: str,
    font: float,
    position: str,
    scale: float,
    marker: float = 0.0,
) -> Mark:
    width, height = len(re.sub(r"<[^>]+>", "", text)) * EM * font, font
    r = marker / 2 / 0.8 + 1 if marker else 0.0  # plotly's offset of a text from its marker
    cx, cy = anchor[0] * scale, anchor[1] * scale
    vertical, _, horizontal = position.partition(" ")
    left = {"right": cx + r, "left": cx - r - width}.get(horizontal, cx - width / 2)
    bottom = {"top": cy + r, "bottom": cy - r - height}.get(vertical, cy - height / 2)
    return Mark(kind, owner, left, bottom, left + width, bottom + height)


def _per_point(value: Any, count: int) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value] * count


def marks(layout: dict[str, Any], overlay: list[dict[str, Any]], scale: float) -> list[Mark]:
    """Every mark the overlap rule covers, in pixels at ``scale``.

    ``layout`` is the base figure's (its L and R labels are the one-letter annotations);
    ``overlay`` the upper layer's traces after the path slots, in ``OVERLAY_NAMES`` order.
    """
    named = dict(zip(figures.OVERLAY_NAMES, overlay, strict=True))
    found: list[Mark] = []
    owner = 0
    for note in layout["annotations"]:
        if len(re.sub(r"<[^>]+>", "", note["text"])) != 1:
            continue  # the view titles are not among the marks this rule covers
        owner += 1
        place = (note["x"], note["y"])
        found.append(_text("side", owner, place, note["text"], note["font"]["size"], "", scale))
    kinds = (("felt-at", "felt"), ("candidates", "candidate"), ("trigger-crosses", "cross"))
    for name, kind in kinds:
        trace_ = named[name]
        count = len(trace_["x"])
        if not count:
            continue
        sizes = _per_point(trace_["marker"]["size"], count)
        outline = trace_["marker"].get("line", {}).get("width", 0.0)
        texts = _per_point(trace_.get("text", ""), count)
        positions = _per_point(trace_.get("textposition", "middle center"), count)
        font = trace_["textfont"]["size"]
        for i in range(count):
            owner += 1
            place, size = (trace_["x"][i], trace_["y"][i]), sizes[i] or 0.0
            if size:
                found.append(_square(kind, owner, *place, size + outline, scale))
            if not texts[i]:
                continue
            box = _text(f"{kind}-text", owner, place, texts[i], font, positions[i], scale, size)
            if kind == "candidate" and positions[i] == "middle center":
                # A number inside its marker must fit in it.
                assert box.x1 - box.x0 <= size + outline
                assert box.y1 - box.y0 <= size + outline
            found.append(box)
    # The key's two swatches: the last polygon of each zone trace while crosses are shown.
    if any(named["trigger-crosses"]["x"]):
        for name in ("zones-essential", "zones-spillover"):
            xs, ys = named[name]["x"], named[name]["y"]
            gaps = [i for i, x in enumerate(xs) if x is None]
            start = gaps[-2] + 1 if len(gaps) > 1 else 0
            corners = list(zip(xs[start:-1], ys[start:-1], strict=True))
            owner += 1
            found.append(
                Mark(
                    "swatch",
                    owner,
                    min(x for x, _ in corners) * scale,
                    min(y for _, y in corners) * scale,
                    max(x for x, _ in corners) * scale,
                    max(y for _, y in corners) * scale,
                )
            )
    return found


def overlaps(found: list[Mark]) -> list[tuple[Mark, Mark]]:
    bad = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.owner == b.owner or not a.overlaps(b):
                continue
            if {a.kind, b.kind} in ({"felt"}, {"felt", "cross"}):
                # The discs of one felt area merge into one mark; an X on a disc is a trigger
                # point inside the area, drawn over it as Travell and Simons draw it.
                continue
            bad.append((a, b))
    return bad


@cache
def _setting() -> tuple[Any, Any, dict[str, Any], list[dict[str, Any]]]:
    atlas = load_atlas()
    base = figures.base_figure(atlas)
    upper = figures.split_layers(atlas, base)[1].to_plotly_json()
    return atlas, build_graph(atlas), base.to_plotly_json()["layout"], upper["data"]


def _overlay(**state: Any) -> list[dict[str, Any]]:
    """The upper layer's traces after the path slots, with ``upper_patch`` applied."""
    atlas, _, _, data = _setting()
    traces = [dict(t) for t in data]
    for op in figures.upper_patch(atlas, **state).to_plotly_json()["operations"]:
        _, index, key = op["location"]
        traces[index][key] = op["params"]["value"]
    return traces[figures.PATH_SLOTS :]


def _requests() -> list[tuple[str, str]]:
    return [(s.id, side) for s in load_atlas().symptoms for side in ("left", "right", "both")]


@pytest.mark.parametrize(("symptom", "side"), _requests())
def test_no_two_marks_overlap_at_any_width(symptom, side):
    _, graph, layout, _ = _setting()
    result = trace(graph, symptom, side=side)
    # Unfocused, and each of the first three focused (a focused marker is bigger, and a
    # trigger-point candidate brings its crosses and key).
    for focus in [None, *(c.rank for c in result.candidates[:3])]:
        overlay = _overlay(trace=result, focus_rank=focus)
        for viewport, (width, height) in FIGURE_PX.items():
            bad = overlaps(marks(layout, overlay, _scale(layout, width, height)))
            assert not bad, f"{viewport} focus={focus}: " + "; ".join(
                f"{a.kind} over {b.kind} at ({a.x0:.0f},{a.y0:.0f})" for a, b in bad[:5]
            )


def test_the_rule_sees_an_overlap_when_one_is_made():
    # Guard against a test that cannot fail: two candidates on one spot must be caught.
    _, graph, layout, _ = _setting()
    overlay = _overlay(trace=trace(graph, "headache", side="left"))
    candidates = overlay[figures.OVERLAY_NAMES.index("candidates")]
    candidates["x"], candidates["y"] = list(candidates["x"]), list(candidates["y"])
    candidates["x"][1], candidates["y"][1] = candidates["x"][0], candidates["y"][0]
    scale = _scale(layout, *FIGURE_PX["390x844"])
    assert overlaps(marks(layout, overlay, scale))


def _muscles() -> list[tuple[str, str]]:
    atlas = load_atlas()
    found = []
    for muscle in sorted({p.muscle for p in atlas.referral_patterns}):
        region = atlas.region(muscle)
        sides = ("midline",) if region.laterality == "midline" else ("left", "right")
        found += [(muscle, side) for side in sides]
    return found


@pytest.mark.parametrize(("muscle", "side"), _muscles())
def test_a_muscles_trigger_points_and_key_keep_apart_at_any_width(muscle, side):
    _, _, layout, _ = _setting()
    overlay = _overlay(region=(muscle, side))
    assert overlay[figures.OVERLAY_NAMES.index("trigger-crosses")]["x"], "the key at least"
    for viewport, (width, height) in FIGURE_PX.items():
        bad = overlaps(marks(layout, overlay, _scale(layout, width, height)))
        assert not bad, f"{viewport}: " + "; ".join(f"{a.kind} over {b.kind}" for a, b in bad[:5])
