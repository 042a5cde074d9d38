"""Derive ``assets/body/front-female.svg`` and ``back-female.svg`` from anatomapa's female outline.

The chart's region points, routes and marks are placed for the drawn (male) figure. Rather than
place them all again, this script *warps* the female silhouette onto that figure: her outline
keeps its own shape (chest, waist, hips, thighs, a slimmer neck and arm) between landmarks,
while the landmarks (vertex, jaw, neck, shoulder, elbow, wrist, thumb, fingertips, armpit,
waist, hip, knee, ankle, heel, sole, crotch; on the hand the thumb and
the fingertips) land where the drawn figure has them. So her arms
take the drawn figure's pose (about 30 degrees out), her legs stand a little apart as his do,
and every point placed for the drawing stays on the body.

The warp is piecewise: between two consecutive landmarks along the outline, every point (the
curve ends and their control points alike) is moved by the one rotation + uniform scale + shift
that carries the first landmark onto its target and the second onto its own. A similarity keeps
the curve's shape between them, only turned and resized, and maps Bezier curves exactly, so
the result is again an ``M``/``C``/``L``/``Z`` path that :mod:`fascialines.web.figure.geometry`
maps into the figure exactly.

The landmarks are given for the viewer's left half of the body (the client's right in the
front view); the right half uses the same ones mirrored about the midline, each snapped to the
nearest point of the female outline. The targets were read off the drawn outline
(``assets/body/front.svg``); a few are nudged inwards or outwards where a region point near the
edge would otherwise fall off her body (``tests/test_web_figures.py`` checks every one).

The back view uses the same warped silhouette (as the male back view uses the front one, so
both views share one set of proportions) with the back view's detail strokes of
``assets/body/back.svg`` (spine, scapulae, gluteal folds, knee creases, calves, Achilles
tendons), which the warp has put in the same places.

Usage
-----
The source SVG is not bundled: download the wheel, unpack it and point the script at it::

    pip download anatomapa==0.4.5 --no-deps -d /tmp/anatomapa
    cd /tmp/anatomapa && unzip -o anatomapa-0.4.5-*.whl
    python data/chart/derive_female_outline.py \
        /tmp/anatomapa/anatomapa/assets/body_female_anterior.svg

See ``assets/ATTRIBUTION.md`` for the licences (anatomapa MIT, gganatogram CC0).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BODY = Path(__file__).resolve().parents[2] / "assets" / "body"
#: The drawn figure's midline in the 540 x 960 view box (as in ``geometry.py``).
MALE_MIDLINE_X = 269.9
#: The female outline's midline (its vertex and crotch), measured on the curve.
FEMALE_MIDLINE_X = 269.5

Pair = tuple[float, float]

#: (a point of the female outline, where it goes on the drawn figure), viewer's left half, in
#: the order they come along the outline (from the shoulder down the outer arm to the hand, up
#: the inner arm, down the side and the outer leg, along the sole and up the inner leg).
LANDMARKS: list[tuple[Pair, Pair]] = [
    ((269.0, 7.0), (269.9, 7.4)),  # vertex
    ((228.0, 55.0), (228.4, 53.8)),  # temple
    ((230.0, 63.0), (227.0, 63.0)),  # above the ear: the temple point of the SFL stays on
    ((230.0, 90.0), (226.0, 97.0)),  # angle of the jaw
    ((244.0, 116.0), (237.5, 116.6)),  # neck, narrowest
    ((242.0, 141.0), (239.0, 136.0)),  # root of the neck
    ((186.0, 161.0), (186.0, 162.5)),  # shoulder
    ((157.0, 191.0), (151.0, 190.0)),  # top of the deltoid
    ((148.0, 225.0), (146.0, 232.0)),  # deltoid, outer edge
    ((117.0, 291.0), (129.4, 318.7)),  # elbow, outer
    ((56.0, 404.0), (73.1, 415.6)),  # wrist, outer
    ((18.0, 446.0), (27.5, 465.0)),  # tip of the thumb
    ((26.0, 457.0), (36.5, 468.5)),  # between the thumb and the fingers
    ((14.0, 494.0), (26.0, 527.5)),  # fingertips
    ((67.0, 466.0), (78.9, 487.3)),  # edge of the hand, little-finger side
    ((81.0, 418.0), (95.5, 449.2)),  # wrist, inner
    ((145.0, 310.0), (165.9, 346.7)),  # elbow, inner
    ((189.0, 238.0), (192.5, 293.8)),  # armpit
    ((206.0, 336.0), (201.0, 346.0)),  # waist: 6 inside his, her own narrower waist
    ((176.0, 461.0), (174.0, 465.0)),  # hip, widest: 7 outside his, her wider hips
    ((208.0, 667.0), (188.5, 662.0)),  # thigh above the knee
    ((201.0, 771.0), (184.5, 768.0)),  # below the knee
    ((219.0, 857.0), (205.0, 853.0)),  # calf, lower
    ((220.0, 911.0), (208.0, 913.0)),  # ankle, outer
    ((196.0, 940.0), (182.0, 944.0)),  # heel
    ((231.0, 952.0), (230.0, 954.5)),  # sole
    ((249.0, 942.0), (240.0, 945.0)),  # inner foot
    ((257.0, 918.0), (248.0, 921.0)),  # ankle, inner
    ((253.0, 862.0), (243.0, 870.0)),  # calf, inner
    ((258.0, 722.0), (244.0, 721.0)),  # knee, inner
    ((264.0, 677.0), (247.0, 669.0)),  # thigh, inner, above the knee
    ((267.0, 516.0), (265.5, 516.0)),  # thigh, inner, high
    ((265.0, 490.0), (267.5, 500.0)),  # crotch
]

_OUTLINE = re.compile(r'<path id="body-outline"[^>]*?\bd="([^"]+)"')
_SILHOUETTE_TAG = re.compile(r'(<path id="silhouette"[^>]*?\bd=")([^"]+)(")')


def segments(d: str) -> list[tuple[str, list[Pair]]]:
    """Split an absolute path into one command per curve piece: ``("C", [c1, c2, end])``..."""
    out: list[tuple[str, list[Pair]]] = []
    for command, body in re.findall(r"([MLCZ])([^MLCZ]*)", d):
        numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", body)]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=True))
        if command == "C":
            out += [("C", pairs[k : k + 3]) for k in range(0, len(pairs), 3)]
        elif command == "M":
            out.append(("M", pairs[:1]))
            out += [("L", [p]) for p in pairs[1:]]
        elif command == "L":
            out += [("L", [p]) for p in pairs]
        else:
            out.append((command, pairs))
    return out


def outer_contour(svg: str) -> list[tuple[str, list[Pair]]]:
    """The widest subpath of anatomapa's ``body-outline``: the body's outer contour.

    (The outline is drawn as a ring: its inner edge is a longer path just inside the outer.)
    """
    match = _OUTLINE.search(svg)
    if match is None:
        raise SystemExit("no path with id 'body-outline' in the source SVG")
    subpaths = [s for s in re.split(r"(?=M)", match.group(1)) if s.strip()]

    def width(subpath: str) -> float:
        xs = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", subpath)[0::2]]
        return max(xs) - min(xs)

    return segments(max(subpaths, key=width))


def _similarity(source: tuple[Pair, Pair], target: tuple[Pair, Pair]) -> tuple[complex, complex]:
    # A rotation + uniform scale + shift is one complex multiply-add: z -> a * z + b.
    s0, s1 = (complex(*p) for p in source)
    t0, t1 = (complex(*p) for p in target)
    a = (t1 - t0) / (s1 - s0)
    return a, t0 - a * s0


def anchors(contour: list[tuple[str, list[Pair]]]) -> list[tuple[int, Pair]]:
    """Each landmark (both halves) as (index of its curve piece, target), in outline order."""
    ends = [(i, pts[-1]) for i, (_, pts) in enumerate(contour) if pts]

    def nearest(p: Pair) -> int:
        return min(ends, key=lambda e: (e[1][0] - p[0]) ** 2 + (e[1][1] - p[1]) ** 2)[0]

    found: dict[int, Pair] = {}
    for (fx, fy), (tx, ty) in LANDMARKS:
        found[nearest((fx, fy))] = (tx, ty)
        if abs(fx - FEMALE_MIDLINE_X) < 1.0:
            continue  # on the midline (the vertex): one landmark, not two
        mirrored = (2 * FEMALE_MIDLINE_X - fx, fy)
        found[nearest(mirrored)] = (2 * MALE_MIDLINE_X - tx, ty)
    if len(found) != 2 * len(LANDMARKS) - 1:
        raise SystemExit("two landmarks snapped to the same point of the outline")
    return sorted(found.items())


def warp(contour: list[tuple[str, list[Pair]]]) -> str:
    """The contour warped piece by piece onto the drawn figure, as an absolute SVG path."""
    marks = anchors(contour)
    n = len(contour)
    maps: list[tuple[complex, complex] | None] = [None] * n
    # Piece k lies between the landmark before it (exclusive) and the one at or after it.
    for (i, target_i), (j, target_j) in zip(marks, marks[1:] + marks[:1], strict=True):
        source = (contour[i][1][-1], contour[j][1][-1])
        similarity = _similarity(source, (target_i, target_j))
        k = (i + 1) % n
        while True:
            maps[k] = similarity
            if k == j:
                break
            k = (k + 1) % n
    out: list[str] = []
    for (command, pts), similarity in zip(contour, maps, strict=True):
        if command == "Z":
            out.append("Z")
            continue
        assert similarity is not None
        a, b = similarity
        moved = [a * complex(*p) + b for p in pts]
        out.append(command + " " + " ".join(f"{z.real:.2f} {z.imag:.2f}" for z in moved))
    if out[-1] != "Z":
        out.append("Z")
    return " ".join(out)


_HEADER = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 540 960">\n'
    "  <!-- {view} outline, female. Derived from anatomapa's body_female_anterior.svg (MIT),\n"
    "       whose silhouettes come from gganatogram (CC0), warped onto the drawn figure's\n"
    "       proportions and pose by data/chart/derive_female_outline.py; see ../ATTRIBUTION.md.\n"
    "       Coordinates are the original 540 x 960 view box. -->\n"
)


def main(source: Path) -> None:
    path = warp(outer_contour(source.read_text(encoding="utf-8")))
    front = (BODY / "front.svg").read_text(encoding="utf-8")
    back = (BODY / "back.svg").read_text(encoding="utf-8")
    for view, male in (("front", front), ("back", back)):
        # The male file's body after its comment: the silhouette tag (given her path) and, on
        # the back view, the detail strokes.
        body = male[male.index("-->") + len("-->") :].lstrip("\n")
        body = _SILHOUETTE_TAG.sub(lambda m: m.group(1) + path + m.group(3), body, count=1)
        text = _HEADER.format(view=view.capitalize() + " view") + body
        (BODY / f"{view}-female.svg").write_text(text, encoding="utf-8")
        print(f"wrote {BODY / f'{view}-female.svg'}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(Path(sys.argv[1]))
