"""Line colours that stay apart for readers with colour-vision deficiencies, red kept for pain.

Twelve myofascial lines share one chart, so their colours must stay distinct for everyone: for
normal vision and under the three dichromacies (protan, deutan, tritan), simulated with the
model of Machado, Oliveira and Fernandes (2009) at full severity. Distances are CIEDE2000
(:math:`\\Delta E_{00}`), where about 1 is a just-noticeable difference and 10 or more reads as
clearly different colours at a glance. Red belongs to pain: the "felt here" marks are drawn in
the ``#D62728`` family, so no line colour may come near it.

The atlas (``data/lines.json``) holds the line colours and ``data/chart/palette.json`` the floors
they reach (worst pair 13.4 normal, 10.1 protan, 11.0 deutan, 10.5 tritan); this module
computes the distances (:func:`min_pairwise`, :func:`distance_to`) and can search for a palette
(:func:`design`). It needs ``colour-science`` (the ``test`` extra), imported only when a function
runs, so importing this module costs nothing.

Examples
--------
>>> from fascialines.palette import delta_e
>>> round(delta_e("#000000", "#000000"), 6)
0.0
"""

from __future__ import annotations

import itertools
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

__all__ = [
    "BACKGROUND",
    "PAIN_RED",
    "RED_HUES",
    "VISIONS",
    "Palette",
    "Vision",
    "delta_e",
    "design",
    "distance_to",
    "load_palette",
    "min_pairwise",
    "palette_path",
    "simulate",
    "to_lab",
]

Vision = Literal["normal", "protan", "deutan", "tritan"]
VISIONS: tuple[Vision, ...] = ("normal", "protan", "deutan", "tritan")

#: The "felt here" red of the chart's pain marks.
PAIN_RED = "#D62728"
#: The body's fill on the chart: a line colour must stand out against it.
BACKGROUND = "#f4eee8"

_MACHADO = {"protan": "Protanomaly", "deutan": "Deuteranomaly", "tritan": "Tritanomaly"}


@cache
def _colour() -> ModuleType:
    # colour-science warns at import that matplotlib (plotting only) is missing; the warning
    # says nothing about what this module uses.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import colour
    return colour


def _rgb(hexes: Sequence[str]) -> Any:
    import numpy as np

    out = []
    for h in hexes:
        value = h.lstrip("#")
        if len(value) != 6:
            raise ValueError(f"{h!r} is not a colour like #1f77b4")
        out.append([int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.asarray(out, dtype=float)


def simulate(hexes: Sequence[str], vision: Vision) -> Any:
    """How colours look under a vision: linear-light sRGB, shape ``(n, 3)``, in ``[0, 1]``.

    ``normal`` returns the colours themselves; the dichromacies apply Machado et al.'s
    (2009) matrix at severity 1 to linear RGB and clip to the displayable range.
    """
    import numpy as np

    colour = _colour()
    linear = colour.models.eotf_sRGB(_rgb(hexes))
    if vision == "normal":
        return linear
    if vision not in _MACHADO:
        raise ValueError(f"unknown vision {vision!r}; expected one of {VISIONS}")
    with warnings.catch_warnings():
        # colour-science reminds that its tritan matrices approximate tritanopia by a shift;
        # that is the published model this module states it uses.
        warnings.simplefilter("ignore")
        matrix = colour.blindness.matrix_cvd_Machado2009(_MACHADO[vision], 1.0)
    return np.clip(linear @ matrix.T, 0.0, 1.0)


def to_lab(hexes: Sequence[str], vision: Vision = "normal") -> Any:
    """CIELAB (D65) of colours as seen under a vision, shape ``(n, 3)``."""
    colour = _colour()
    xyz = colour.RGB_to_XYZ(
        simulate(hexes, vision), colour.RGB_COLOURSPACES["sRGB"], apply_cctf_decoding=False
    )
    return colour.XYZ_to_Lab(xyz)


def delta_e(a: str, b: str, vision: Vision = "normal") -> float:
    """CIEDE2000 difference between two colours as seen under a vision."""
    lab = to_lab([a, b], vision)
    return float(_colour().delta_E(lab[0], lab[1], method="CIE 2000"))


def min_pairwise(hexes: Sequence[str], vision: Vision = "normal") -> tuple[float, str, str]:
    """The smallest CIEDE2000 between any two of ``hexes`` under a vision, and that pair.

    Raises
    ------
    ValueError
        With fewer than two colours there is no pair.
    """
    if len(hexes) < 2:
        raise ValueError("need at least two colours to compare")
    lab = to_lab(hexes, vision)
    pairs = list(itertools.combinations(range(len(hexes)), 2))
    first, second = zip(*pairs, strict=True)
    distances = _colour().delta_E(lab[list(first)], lab[list(second)], method="CIE 2000")
    k = int(distances.argmin())
    return float(distances[k]), hexes[pairs[k][0]], hexes[pairs[k][1]]


def distance_to(hexes: Sequence[str], target: str, vision: Vision = "normal") -> float:
    """The smallest CIEDE2000 from any of ``hexes`` to ``target``, both seen under a vision."""
    lab = to_lab([*hexes, target], vision)
    return float(_colour().delta_E(lab[:-1], lab[-1], method="CIE 2000").min())


@dataclass(frozen=True)
class Palette:
    """The shipped palette: the atlas's colour per line id and the floors it keeps."""

    lines: dict[str, str]
    floors: dict[str, float]
    pain_floor: float
    background_floor: float


def palette_path() -> Path:
    """The checkout's ``data/chart/palette.json``."""
    return Path(__file__).resolve().parents[2] / "data" / "chart" / "palette.json"


def load_palette(path: Path | None = None, atlas_path: Path | None = None) -> Palette:
    """The atlas's line colours and the floors ``palette.json`` says they keep.

    Parameters
    ----------
    path : Path, optional
        The floors file (default :func:`palette_path`).
    atlas_path : Path, optional
        The atlas whose ``colour`` fields are the palette (default: the packaged atlas).
    """
    from fascialines.atlas import load_atlas

    data = json.loads((path or palette_path()).read_text(encoding="utf-8"))
    atlas = load_atlas(atlas_path) if atlas_path is not None else load_atlas()
    return Palette(
        lines={line.id: line.colour for line in atlas.lines},
        floors={v: float(data["min_pairwise_ciede2000"][v]) for v in VISIONS},
        pain_floor=float(data["min_to_pain_red_ciede2000"]),
        background_floor=float(data["min_to_background_ciede2000"]),
    )


#: CIELAB hue angles (degrees) of the red family, kept for pain: from crimson through red to
#: red-orange. ``PAIN_RED`` sits at about 34 degrees.
RED_HUES = (340.0, 55.0)


def design(
    n: int = 12,
    *,
    steps: int = 16,
    lightness: tuple[float, float] = (25.0, 80.0),
    min_chroma: float = 22.0,
    pain_floor: float = 15.0,
    background_floor: float = 25.0,
    normal_weight: float = 1.3,
    restarts: int = 40,
    seed: int = 1,
) -> list[str]:
    """Search for ``n`` colours whose worst pairwise CIEDE2000 over all visions is large.

    Candidates are an sRGB grid of ``steps`` levels a channel, kept only if their CIELAB
    lightness lies in ``lightness`` (visible as a line on the light body, not black), their
    chroma is at least ``min_chroma`` (a colour, not a grey), their hue is outside
    :data:`RED_HUES` (red is for pain), and they stay ``pain_floor`` from :data:`PAIN_RED` and
    ``background_floor`` from :data:`BACKGROUND` under every vision. The distance between two
    candidates is their smallest CIEDE2000 over :data:`VISIONS`, the normal-vision one divided
    by ``normal_weight``: most readers see normally, so with a weight above 1 the search asks
    them for that much more difference (1.3 buys about 2 units for normal vision for a few
    tenths under the simulations). Each restart picks greedily
    (farthest point, among the five farthest at random), then swaps one colour at a time while
    that raises the worst pair; the best restart wins. ``seed`` makes it reproducible.

    Notes
    -----
    O(m^2) memory and time for m candidates (about 1,300 with the defaults): seconds, so it
    runs when the palette is redesigned, never in the app.
    """
    import numpy as np

    colour = _colour()
    levels = np.linspace(0, 255, steps).round().astype(int)
    grid = [f"#{r:02x}{g:02x}{b:02x}" for r in levels for g in levels for b in levels]
    lab = {v: to_lab([*grid, PAIN_RED, BACKGROUND], v) for v in VISIONS}
    normal = lab["normal"][:-2]
    chroma = np.hypot(normal[:, 1], normal[:, 2])
    hue = np.degrees(np.arctan2(normal[:, 2], normal[:, 1])) % 360
    reddish = ((hue >= RED_HUES[0]) | (hue <= RED_HUES[1])) & (chroma >= 10.0)
    keep = (normal[:, 0] >= lightness[0]) & (normal[:, 0] <= lightness[1])
    keep &= (chroma >= min_chroma) & ~reddish
    for v in VISIONS:
        keep &= colour.delta_E(lab[v][:-2], lab[v][-2], method="CIE 2000") >= pain_floor
        keep &= colour.delta_E(lab[v][:-2], lab[v][-1], method="CIE 2000") >= background_floor
    index = np.flatnonzero(keep)
    m = len(index)
    if m < n:
        raise ValueError(f"only {m} candidate colours pass the filters; loosen them")
    worst = np.full((m, m), np.inf)
    for v in VISIONS:
        pts = lab[v][index]
        scale = normal_weight if v == "normal" else 1.0
        for i in range(m):
            distances = colour.delta_E(pts[i], pts, method="CIE 2000") / scale
            worst[i] = np.minimum(worst[i], distances)
    np.fill_diagonal(worst, np.inf)

    def score(chosen: list[int]) -> float:
        return min(
            (float(worst[a, b]) for a, b in itertools.combinations(chosen, 2)), default=np.inf
        )

    rng = np.random.default_rng(seed)
    best: tuple[float, list[int]] = (-1.0, [])
    for _ in range(restarts):
        chosen = [int(rng.integers(m))]
        while len(chosen) < n:
            gain = worst[:, chosen].min(axis=1)
            gain[chosen] = -1.0
            chosen.append(int(rng.choice(np.argsort(gain)[-5:])))
        current = score(chosen)
        improved = True
        while improved:
            improved = False
            for slot in range(n):
                rest = chosen[:slot] + chosen[slot + 1 :]
                gain = worst[:, rest].min(axis=1)
                gain[rest] = -1.0
                pick = int(gain.argmax())
                new = min(float(gain[pick]), score(rest))
                if new > current + 1e-9:
                    chosen[slot], current, improved = pick, new, True
        if current > best[0]:
            best = (current, chosen)
    return [grid[index[i]] for i in best[1]]
