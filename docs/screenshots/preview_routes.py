"""Picture every line on every view it is drawn on, from the app's own figure, as PNG files.

Builds the app's diagram (:func:`fascialines.web.figure.overlay_figure` with the line chosen,
as the line explorer shows it on the calm start: no other line drawn), crops it to one view
and screenshots it with Playwright and the system's Chromium into
``docs/screenshots/lines/<line>-<view>.png``; ``all-<view>.png`` is the "Show every line"
view. The page is self-contained (the vendored ``assets/vendor/plotly-basic.min.js`` inlined,
no network). ``app-spiral-line.png`` (the README's picture) is the app itself, served on
127.0.0.1 in a thread, its diagram panel exploring the Spiral Line at 1440 x 900.

Run from the checkout: ``PYTHONPATH=src python docs/screenshots/preview_routes.py``
(optionally with line ids to draw only those).
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import plotly.graph_objects as go
from playwright.sync_api import Browser, sync_playwright
from plotly.utils import PlotlyJSONEncoder
from werkzeug.serving import make_server

from fascialines.atlas import Atlas, load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS
from fascialines.web.app import create_app
from fascialines.web.figure import base_figure, overlay_figure, overlay_start, tracks
from fascialines.web.figure.body import VIEW_TITLES
from fascialines.web.figure.geometry import CHART_VIEWS, VIEW_CENTRES, View

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots" / "lines"
#: Each view's x range around its centre line (the side view is narrower).
SPAN: dict[View, tuple[float, float]] = {
    "front": (-28.0, 28.0),
    "back": (-28.0, 28.0),
    "side": (-10.5, 16.0),
}


def views_of(atlas: Atlas, line_id: str) -> list[View]:
    """The views the app draws a line on."""
    drawn = {
        c.view for e in tracks.line_edges(atlas, line_id) for c in tracks.edge_curves(atlas, e)
    }
    return [view for view in CHART_VIEWS if view in drawn]


def calm(atlas: Atlas, fig: go.Figure) -> go.Figure:
    """Hide every base line and its step marks, as the page does without "Show every line"
    (``assets/chart.css`` hides the traces whose uid starts so)."""
    for trace in fig.data:
        if str(trace.uid or "").startswith(("baseline-", "basestep-")):
            trace.visible = False
    return fig


def cropped(fig: go.Figure, view: View, title: str) -> go.Figure:
    low, high = SPAN[view]
    centre = VIEW_CENTRES[view]
    fig.update_layout(
        title={"text": title, "x": 0.5, "y": 0.985, "font": {"size": 15}},
        width=480 if view == "side" else 600,
        height=820,
        margin={"l": 6, "r": 6, "t": 40, "b": 6},
        xaxis={"range": [centre + low, centre + high]},
        yaxis={"range": [-2, 104]},
    )
    return fig


def _spec(fig: go.Figure) -> str:
    # Trace by trace, as the app sends it: Figure.to_json() drops each trace's uid, which names
    # the trace's group for the stylesheet (the regions' dots).
    data = [trace.to_plotly_json() for trace in fig.data]
    return json.dumps({"data": data, "layout": fig.layout.to_plotly_json()}, cls=PlotlyJSONEncoder)


def html_page(fig: go.Figure) -> str:
    """A self-contained page: the vendored plotly bundle inlined, no request leaves it."""
    bundle = (ROOT / "assets" / "vendor" / "plotly-basic.min.js").read_text(encoding="utf-8")
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        # The regions' dots are strokes of no length: round ends draw them (assets/chart.css).
        "<style>g[class*='traceregiondots'] path.js-line {stroke-linecap: round}</style>"
        f"<script>{bundle}</script></head><body style='margin:0'>"
        "<div id='fig'></div><script>"
        f"const spec = {_spec(fig)};"
        "Plotly.newPlot('fig', spec.data, spec.layout, {staticPlot: true})"
        ".then(() => { document.body.dataset.ready = '1'; });"
        "</script></body></html>"
    )


def pictures(atlas: Atlas, wanted: set[str]) -> list[tuple[Path, go.Figure]]:
    out = []
    for line in atlas.lines:
        if line.id not in wanted:
            continue
        for view in views_of(atlas, line.id):
            fig = calm(atlas, overlay_figure(atlas, line=line.id))
            title = f"{line.abbreviation} · {line.name}: {VIEW_TITLES[view][0].lower()}"
            out.append((OUT / f"{line.id}-{view}.png", cropped(fig, view, title)))
    if wanted == {line.id for line in atlas.lines}:
        for view in CHART_VIEWS:
            fig = base_figure(atlas)
            fig.data = fig.data[: overlay_start(atlas)]
            title = f"Every line: {VIEW_TITLES[view][0].lower()}"
            out.append((OUT / f"all-{view}.png", cropped(fig, view, title)))
    return out


def app_picture(browser: Browser, atlas: Atlas, path: Path) -> None:
    """The app's diagram panel exploring the Spiral Line, as a person sees it at 1440 x 900."""
    server = make_server("127.0.0.1", 0, create_app(atlas).server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"http://127.0.0.1:{server.server_port}/?line=SPL")
        page.wait_for_selector("#body-overlay-layer svg path", state="attached")
        page.wait_for_load_state("networkidle")
        page.locator("#body-panel").screenshot(path=str(path))
        page.close()
    finally:
        server.shutdown()
        thread.join(timeout=5)


def main(argv: list[str]) -> int:
    atlas = load_atlas()
    wanted = set(argv) or {line.id for line in atlas.lines}
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path, fig in pictures(atlas, wanted):
            # A fresh page per picture: no script state carries over from the last one.
            page = browser.new_page(viewport={"width": int(fig.layout.width), "height": 820})
            page.on("pageerror", lambda error: print("page error:", error, file=sys.stderr))
            page.set_content(html_page(fig))
            page.wait_for_selector("body[data-ready='1']", state="attached")
            page.screenshot(path=str(path))
            page.close()
            print(path.relative_to(ROOT))
        if not argv:
            app_picture(browser, atlas, OUT / "app-spiral-line.png")
            print((OUT / "app-spiral-line.png").relative_to(ROOT))
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
