"""Draw every line on every view it is shown on, from the chart files, as PNG pictures.

Reads ``data/chart/routes.json``, ``data/chart/side_points.json``, ``data/chart/palette.json``
and the atlas, builds one plotly figure per (line, view) with the body outline, the route as a
smooth curve through its waypoints (both copies on the front and back views, once on the side
view, where both copies project onto the same profile) and the line's regions as dots, writes
it as a self-contained HTML page (the vendored ``assets/vendor/plotly-basic.min.js`` inlined,
no network) and screenshots it with Playwright and the system's Chromium into
``docs/screenshots/lines/<line>-<view>.png``; ``all-<view>.png`` shows every line at once.

Run from the checkout: ``PYTHONPATH=src python docs/screenshots/preview_routes.py``
(optionally with line ids to draw only those). It is a picture to look at, not app code: the
figure package draws the real chart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import plotly.graph_objects as go
from playwright.sync_api import sync_playwright

from fascialines import routes as chart
from fascialines.atlas import Atlas, Region, load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS

try:  # the figure package of the app v2 restructure
    from fascialines.web.figure.geometry import ARM_AREAS, arm_to_drawing
except ImportError:  # the web package before it
    from fascialines.web.body import ARM_AREAS, arm_to_drawing

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots" / "lines"
VIEW_TITLES = {"front": "front view", "back": "back view", "side": "side view (client's right)"}


def region_point_fn(atlas: Atlas, view: chart.View, side_points: dict[str, tuple[float, float]]):
    """The ``region_point`` callable :func:`fascialines.routes.resolve` needs for one view."""
    regions: dict[str, Region] = {r.id: r for r in atlas.regions}

    def point(region_id: str) -> tuple[float, float] | None:
        if view == "side":
            return side_points.get(region_id)
        region = regions[region_id]
        p = region.front if view == "front" else region.back
        if p is None:
            return None
        if region.body_area in ARM_AREAS:
            return arm_to_drawing(p.x, p.y)
        return p.x, p.y

    return point


def _outline_traces(view: chart.View) -> list[go.Scatter]:
    xs, ys = zip(*chart.outline_polygon(view), strict=True)
    traces = [
        go.Scatter(
            x=xs,
            y=ys,
            fill="toself",
            fillcolor="#f4eee8",
            line={"color": "#8a939c", "width": 1.3},
            mode="lines",
            hoverinfo="skip",
        )
    ]
    for detail in chart.outline_details(view):
        dx, dy = zip(*detail, strict=True)
        traces.append(
            go.Scatter(
                x=dx,
                y=dy,
                fill="toself",
                fillcolor="#a7aeb5",
                line={"color": "#a7aeb5", "width": 0.4},
                mode="lines",
                hoverinfo="skip",
            )
        )
    return traces


def _route_traces(
    route: chart.Route, colour: str, point_of, *, dots: bool, width: float = 3.5
) -> list[go.Scatter]:
    copies: tuple[chart.Copy, ...] = ("left",) if route.view == "side" else ("left", "right")
    traces = []
    for copy in copies:
        points = chart.resolve(route, copy, point_of)
        for piece in chart.pieces(route, points):
            curve = chart.catmull_rom(piece)
            cx, cy = zip(*curve, strict=True)
            traces.append(
                go.Scatter(
                    x=cx,
                    y=cy,
                    mode="lines",
                    line={
                        "color": colour,
                        "width": width * (0.75 if route.deep else 1.0),
                        "dash": "dot" if route.deep else "solid",
                    },
                    opacity=0.7 if route.deep else 1.0,
                    hoverinfo="skip",
                )
            )
        if dots:
            marks = [
                p for w, p in zip(route.waypoints, points, strict=True) if w.region is not None
            ]
            if marks:
                mx, my = zip(*marks, strict=True)
                traces.append(
                    go.Scatter(
                        x=mx,
                        y=my,
                        mode="markers",
                        marker={
                            "size": 6,
                            "color": "white",
                            "line": {"color": colour, "width": 1.6},
                        },
                        hoverinfo="skip",
                    )
                )
    return traces


def figure(title: str, view: chart.View, traces: list[go.Scatter]) -> go.Figure:
    """One view at chart size: equal axes, no axes drawn, the title on top."""
    fig = go.Figure(_outline_traces(view) + traces)
    half = 14.0 if view == "side" else 27.0
    centre = 1.5 if view == "side" else 0.0
    axis = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(
        title={"text": title, "x": 0.5, "font": {"size": 15, "color": "#333"}},
        showlegend=False,
        width=480 if view == "side" else 600,
        height=820,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        xaxis={**axis, "range": [centre - half, centre + half]},
        yaxis={**axis, "range": [-2, 102], "scaleanchor": "x", "scaleratio": 1},
    )
    return fig


def html_page(fig: go.Figure) -> str:
    """A self-contained page: the vendored plotly bundle inlined, no request leaves it."""
    bundle = (ROOT / "assets" / "vendor" / "plotly-basic.min.js").read_text(encoding="utf-8")
    spec = fig.to_json()
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<script>{bundle}</script></head><body style='margin:0'>"
        "<div id='fig'></div><script>"
        f"const spec = {spec};"
        "Plotly.newPlot('fig', spec.data, spec.layout, {staticPlot: true})"
        ".then(() => { document.body.dataset.ready = '1'; });"
        "</script></body></html>"
    )


def colours(atlas: Atlas) -> dict[str, str]:
    """Line colours: the palette file's where it has one, else the atlas's own."""
    palette_path = ROOT / "data" / "chart" / "palette.json"
    shipped = {}
    if palette_path.is_file():
        shipped = json.loads(palette_path.read_text(encoding="utf-8"))["lines"]
    return {line.id: shipped.get(line.id, line.colour) for line in atlas.lines}


def main(argv: list[str]) -> int:
    atlas = load_atlas()
    routes = chart.load_routes()
    side_points = chart.load_side_points()
    colour = colours(atlas)
    names = {line.id: f"{line.abbreviation} · {line.name}" for line in atlas.lines}
    wanted = set(argv) or {r.line for r in routes}
    pictures: list[tuple[Path, go.Figure]] = []
    for view in chart.VIEWS:
        point_of = region_point_fn(atlas, view, side_points)
        every: list[go.Scatter] = []
        for line in atlas.lines:
            drawn = [r for r in routes if r.line == line.id and r.view == view]
            for r in drawn:
                every += _route_traces(r, colour[line.id], point_of, dots=False, width=2.2)
            if drawn and line.id in wanted:
                traces = [
                    t for r in drawn for t in _route_traces(r, colour[line.id], point_of, dots=True)
                ]
                title = f"{names[line.id]}: {VIEW_TITLES[view]}"
                pictures.append((OUT / f"{line.id}-{view}.png", figure(title, view, traces)))
        if not argv:
            pictures.append(
                (OUT / f"all-{view}.png", figure(f"Every line: {VIEW_TITLES[view]}", view, every))
            )
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path, fig in pictures:
            # A fresh page per picture: no script state carries over from the last one.
            page = browser.new_page(viewport={"width": int(fig.layout.width), "height": 820})
            page.on("pageerror", lambda error: print("page error:", error, file=sys.stderr))
            page.set_content(html_page(fig))
            page.wait_for_selector("body[data-ready='1']", state="attached")
            page.screenshot(path=str(path))
            page.close()
            print(path.relative_to(ROOT))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
