"""Draw ``assets/body/side.svg``, the lateral outline, from hand-placed profile points.

No open-licence side outline exists that the project may use, so this one is drawn here: a
closed Catmull-Rom curve through the profile points below, written as cubic Bezier segments
(``M``/``C``/``Z`` only, which ``fascialines.web`` maps into the figure exactly).

The points are in the atlas's own units (percent of standing height): ``y`` 0 at the soles and
100 at the vertex, ``x`` the signed distance in front (+) or behind (-) the body's mid-coronal
line, which runs through the ear, the shoulder joint, the greater trochanter and just in front
of the ankle (the plumb line of a standing posture). The figure faces the viewer's right, so the
near side is the client's RIGHT side; the arm hangs at the side (a detail stroke over the trunk).
Proportions follow an adult of about 175 cm (1 unit = 1.75 cm): head 11 units deep, chest 13,
waist 10, hips 13, foot 15 long.

The SVG view box is the front and back outlines' (540 x 960, vertex at y 7.4, soles at 957), so
one ``y`` system serves all three views. Run ``python data/chart/draw_side_outline.py`` to
rewrite the SVG after changing a point.
"""

from __future__ import annotations

from pathlib import Path

SVG_VERTEX_Y = 7.4
SVG_SOLE_Y = 957.0
SVG_MIDLINE_X = 269.9
PX_PER_UNIT = (SVG_SOLE_Y - SVG_VERTEX_Y) / 100.0

# Clockwise from the vertex: down the face and the front, along the sole, up the back.
PROFILE: list[tuple[float, float]] = [
    (0.0, 100.0),  # vertex
    (2.6, 99.55),
    (4.5, 98.3),  # upper forehead
    (5.6, 96.2),  # forehead
    (6.0, 94.5),  # brow ridge
    (5.75, 93.7),  # root of the nose
    (6.5, 92.6),
    (7.0, 92.0),  # tip of the nose
    (6.2, 91.55),  # under the nose
    (6.35, 90.8),  # upper lip
    (6.05, 90.2),  # mouth
    (6.2, 89.6),  # lower lip
    (5.8, 88.5),  # chin
    (5.1, 87.5),
    (3.9, 87.0),  # under the jaw
    (2.9, 86.3),
    (2.7, 85.2),  # throat
    (3.2, 83.4),
    (4.1, 81.8),  # sternal notch
    (5.8, 79.8),
    (7.1, 77.0),  # chest
    (7.3, 74.5),
    (6.7, 72.0),  # under the pectoral
    (6.0, 69.5),  # upper abdomen
    (5.6, 66.0),
    (5.7, 63.0),  # waist, front
    (6.1, 60.0),
    (6.1, 57.0),  # lower abdomen
    (5.6, 53.5),
    (5.2, 51.2),  # groin
    (5.6, 48.5),
    (5.8, 45.0),  # front of the thigh
    (5.3, 39.0),
    (4.5, 33.5),
    (3.8, 30.6),  # above the patella
    (4.1, 28.6),  # patella
    (3.5, 26.4),  # tibial tuberosity
    (3.0, 22.0),  # shin
    (2.6, 15.0),
    (2.2, 9.0),
    (2.3, 6.3),  # ankle, front
    (3.3, 5.2),
    (5.2, 3.9),  # instep
    (7.6, 2.7),
    (9.8, 1.7),
    (11.2, 1.15),  # big toe
    (11.75, 0.55),  # tip of the toes
    (11.3, 0.06),
    (10.0, 0.0),  # ball of the foot
    (7.0, 0.0),
    (4.0, 0.0),
    (1.0, 0.0),
    (-1.6, 0.0),  # under the heel
    (-2.9, 0.45),
    (-3.45, 1.6),  # back of the heel
    (-3.2, 3.3),
    (-2.3, 5.8),  # Achilles tendon
    (-2.3, 9.0),
    (-3.0, 12.5),
    (-4.1, 16.0),
    (-4.6, 19.5),  # calf, fullest
    (-4.3, 23.0),
    (-3.4, 26.6),
    (-3.1, 28.6),  # back of the knee
    (-3.6, 31.5),
    (-4.6, 36.0),
    (-5.3, 41.0),  # back of the thigh
    (-6.1, 45.5),  # gluteal fold
    (-7.3, 48.5),
    (-7.7, 51.0),  # buttock, fullest
    (-7.1, 54.0),
    (-5.7, 56.8),
    (-4.5, 59.8),  # lumbar hollow
    (-4.4, 62.5),
    (-4.9, 66.0),
    (-5.6, 70.0),
    (-6.0, 74.0),  # upper back, fullest
    (-5.7, 77.5),
    (-4.7, 80.6),
    (-3.5, 82.8),  # base of the neck
    (-2.8, 85.0),  # nape
    (-2.9, 87.4),
    (-3.9, 89.4),  # under the occiput
    (-5.0, 91.4),  # occiput
    (-5.35, 93.8),
    (-5.0, 96.3),
    (-3.9, 98.4),
    (-2.2, 99.6),
]

# Detail strokes (open centre lines), drawn as thin filled slivers like the front and back
# views' strokes: the ear, the hanging arm with its hand, the gluteal fold, the knee crease.
DETAILS: dict[str, list[tuple[float, float]]] = {
    "ear": [(0.2, 92.9), (-0.3, 93.2), (-0.9, 92.6), (-0.9, 91.3), (-0.5, 90.5), (0.0, 90.3)],
    # The hanging arm, one stroke: up its back, over the shoulder cap, down its front to the
    # fingertips and back up the hand to the wrist.
    "arm": [
        (-0.9, 47.0),
        (-1.4, 51.5),
        (-2.1, 57.0),
        (-2.6, 62.0),  # olecranon
        (-3.1, 67.0),
        (-3.4, 73.0),
        (-3.2, 77.5),
        (-2.3, 80.6),
        (-0.8, 81.9),  # shoulder cap
        (1.2, 81.6),
        (2.8, 80.0),
        (3.5, 77.0),
        (3.3, 72.0),
        (2.8, 67.0),
        (2.4, 63.0),
        (2.9, 58.0),
        (2.8, 52.0),
        (2.0, 47.0),
        (2.4, 44.6),  # ball of the thumb
        (2.1, 42.0),
        (1.3, 39.3),
        (0.6, 38.4),  # fingertips
        (0.0, 38.9),
        (-0.6, 40.5),
        (-1.0, 44.0),
        (-0.9, 47.0),
    ],
    "wrist": [(-0.9, 46.6), (0.6, 46.9), (2.0, 47.0)],
    "gluteal-fold": [(-6.0, 45.7), (-4.6, 46.1), (-3.4, 46.9)],
    "knee-crease": [(-3.1, 28.7), (-2.2, 28.5)],
}

DETAIL_HALF_WIDTH_PX = 0.9


def to_svg(x: float, y: float) -> tuple[float, float]:
    """Map atlas units to the 540 x 960 view box."""
    return SVG_MIDLINE_X + x * PX_PER_UNIT, SVG_SOLE_Y - y * PX_PER_UNIT


def _bezier(points: list[tuple[float, float]], *, closed: bool) -> str:
    # Uniform Catmull-Rom through every point: the control points of segment i -> i+1 are
    # P_i + (P_{i+1} - P_{i-1}) / 6 and P_{i+1} - (P_{i+2} - P_i) / 6.
    n = len(points)

    def at(i: int) -> tuple[float, float]:
        if closed:
            return points[i % n]
        return points[min(max(i, 0), n - 1)]

    out = [f"M {points[0][0]:.2f} {points[0][1]:.2f}"]
    last = n if closed else n - 1
    for i in range(last):
        p0, p1, p2, p3 = at(i - 1), at(i), at(i + 1), at(i + 2)
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append(f"C {c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {p2[0]:.2f} {p2[1]:.2f}")
    if closed:
        out.append("Z")
    return " ".join(out)


def _sliver(centre: list[tuple[float, float]]) -> str:
    # A stroke as a thin closed shape: out along one offset of the centre line, back along
    # the other, so the figure can fill it like the other views' strokes.
    pts = [to_svg(*p) for p in centre]
    left, right = [], []
    for i, (x, y) in enumerate(pts):
        ax, ay = pts[max(i - 1, 0)]
        bx, by = pts[min(i + 1, len(pts) - 1)]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5 or 1.0
        nx, ny = -dy / norm * DETAIL_HALF_WIDTH_PX, dx / norm * DETAIL_HALF_WIDTH_PX
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    ring = left + right[::-1]
    return "M " + " L ".join(f"{x:.2f} {y:.2f}" for x, y in ring) + " Z"


def svg_text() -> str:
    """The whole side.svg document."""
    silhouette = _bezier([to_svg(*p) for p in PROFILE], closed=True)
    details = "\n".join(
        f'  <path class="detail" fill="#5b6570" d="{_sliver(line)}"/>' for line in DETAILS.values()
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 540 960">\n'
        "  <!-- Side (lateral) view outline, drawn for fascialines (see ../ATTRIBUTION.md) by\n"
        "       data/chart/draw_side_outline.py: the client faces the viewer's right, arm hanging\n"
        "       at the side. Same 540 x 960 view box, vertex and soles as front.svg and back.svg;\n"
        "       x = 269.9 is the body's mid-coronal line. -->\n"
        f'  <path id="silhouette" fill="#f4eee8" stroke="#5b6570" stroke-width="1.5" '
        f'd="{silhouette}"/>\n'
        f"{details}\n"
        "</svg>\n"
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "assets" / "body" / "side.svg"
    target.write_text(svg_text(), encoding="utf-8")
    print(f"wrote {target}")
