"""Benchmark: interaction-to-paint of the app's gestures beside Dash's own floor, in Chromium.

Run: ``.venv/bin/python benchmarks/bench_interaction.py --repeat 30`` (``make bench``).

Both apps are served in-process on free ports; Debian's Chromium (``/usr/bin/chromium``) drives
them headless through Playwright, with no network but 127.0.0.1. A gesture's time runs from its
``pointerdown`` to the first animation frame after the last change to the page that its
callbacks caused (every Dash request answered, then the DOM quiet for 150 ms; a last change that
needs no repaint ends it by itself): what a person waits before the answer is painted. The
floor is a minimal Dash app, one ``dcc.Dropdown`` whose callback sets one ``html.Div``'s text,
measured the same way in the same run.

Also measured: the decoded size of a trace response (the JSON the server sends for choosing a
symptom, after another trace and as the first trace of a page) and the compressed size of the
first load (every byte the browser fetched for the empty view). Results go to
``benchmarks/results/bench_interaction.json`` as records
``{"benchmark", "figure", "value", "unit", "spread", "floor"}`` (``spread``: the interquartile
range; ``floor``: the floor's median beside it, or null).
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import statistics
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dash
from dash import Input, Output, dcc, html
from playwright.sync_api import Page, sync_playwright
from werkzeug.serving import make_server

from fascialines import __version__
from fascialines.atlas import Atlas, load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS
from fascialines.web.app import create_app

RESULTS = Path(__file__).parent / "results" / "bench_interaction.json"

# Counts Dash's requests and notes the first frame after each change of the page. Installed in
# the benchmark's browser only; the app itself runs unchanged.
PROBE = """
(() => {
  const probe = { inflight: 0, started: 0, mark: 0, t0: 0, painted: 0, changed: 0 };
  window.__probe = probe;
  const fetch0 = window.fetch;
  window.fetch = function (...args) {
    const url = String((args[0] && args[0].url) || args[0]);
    const counted = url.includes('_dash-update-component');
    if (counted) { probe.inflight++; probe.started++; }
    return fetch0.apply(this, args).finally(() => { if (counted) probe.inflight--; });
  };
  document.addEventListener('pointerdown', (e) => {
    probe.t0 = e.timeStamp; probe.mark = probe.started;
  }, true);
  new MutationObserver(() => {
    probe.changed = performance.now();
    requestAnimationFrame((t) => { probe.painted = Math.max(probe.painted, t); });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
"""

# Resolves with the milliseconds from the gesture's pointerdown to the paint after its last
# change, once its requests are answered and the page has been quiet for 150 ms.
SETTLED = """
() => new Promise((resolve, reject) => {
  const probe = window.__probe;
  const check = () => {
    const now = performance.now();
    if (now - probe.t0 > 20000) {
      reject(new Error('no settled page 20 s after the gesture: ' + JSON.stringify(probe)));
      return;
    }
    if (probe.started > probe.mark && probe.inflight === 0 && now - probe.changed > 150) {
      // A last change that needed no repaint gets no frame: it ends the gesture itself.
      resolve(Math.max(probe.painted, probe.changed) - probe.t0);
    } else {
      setTimeout(check, 10);
    }
  };
  check();
})
"""


def floor_app() -> dash.Dash:
    """The floor: one dropdown whose callback sets one text."""
    # No assets: the floor is Dash alone (the default folder would be this checkout's).
    app = dash.Dash(__name__, serve_locally=True, compress=True, include_assets_files=False)
    app.layout = html.Div(
        [
            dcc.Dropdown(id="choice", options=[f"option {i}" for i in range(20)], value=None),
            html.Div(id="shown"),
        ]
    )

    @app.callback(Output("shown", "children"), Input("choice", "value"))
    def show(value: str | None) -> str:
        return f"chosen: {value}"

    return app


@contextmanager
def served(app: dash.Dash) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def _timed(page: Page, gesture: Callable[[], None]) -> float:
    gesture()
    return float(page.evaluate(SETTLED))


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("#body-graph .js-plotly-plot .main-svg, #choice").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def _pick(page: Page, dropdown: str, option: str) -> Callable[[], None]:
    def gesture() -> None:
        page.locator(f"#{dropdown}").click()
        page.locator(".dash-dropdown-option", has_text=option).first.click()

    return gesture


def measure_floor(page: Page, url: str, repeat: int) -> list[float]:
    _open(page, url)
    page.locator("#choice").click()
    page.locator(".dash-dropdown-option").first.click()
    page.evaluate(SETTLED)
    return [_timed(page, _pick(page, "choice", f"option {i % 20}")) for i in range(1, repeat + 1)]


def _marker(page: Page, region: str, side: str) -> tuple[float, float]:
    # Where plotly draws a region's marker, from its own axis mapping (test code only).
    return tuple(
        page.evaluate(
            """([id, side]) => {
              const gd = document.querySelector('#body-graph .js-plotly-plot');
              const box = gd.getBoundingClientRect();
              const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
              const t = gd.data.find((t) => t.name === 'regions');
              const i = t.customdata.findIndex((d) => d[0] === id && d[1] === side);
              const x = box.left + xa._offset + xa.l2p(t.x[i]);
              return [x, box.top + ya._offset + ya.l2p(t.y[i])];
            }""",
            [region, side],
        )
    )


def measure_app(page: Page, url: str, atlas: Atlas, repeat: int) -> dict[str, list[float]]:
    """The four gestures of the issue, each ``repeat`` times, alternating two choices."""
    symptoms = ["Heel pain (plantar fasciitis)", "Band-like or pressing headache"]
    times: dict[str, list[float]] = {"symptom": [], "control": [], "focus": [], "region": []}
    _open(page, url)
    for i in range(repeat):
        times["symptom"].append(_timed(page, _pick(page, "trace-symptom", symptoms[i % 2])))
    _open(page, url + "?symptom=plantar-fasciitis")
    for i in range(repeat):
        side = ("Left", "Right")[i % 2]
        label = page.locator("#trace-side label", has_text=side)
        times["control"].append(_timed(page, label.click))
    _open(page, url + "?symptom=plantar-fasciitis&side=left")
    for i in range(repeat):
        button = page.locator("button.candidate-actions").nth(i % 3)
        times["focus"].append(_timed(page, button.click))
    page.set_viewport_size({"width": 1440, "height": 1100})
    _open(page, url + "?symptom=plantar-fasciitis&side=left")
    regions = [("calf", "left"), ("calf", "right")]
    for i in range(repeat):
        x, y = _marker(page, *regions[i % 2])
        times["region"].append(_timed(page, lambda x=x, y=y: page.mouse.click(x, y)))
    return times


def first_load_bytes(page: Page, url: str) -> int:
    """Compressed bytes of the empty view's first load: the page and every resource it fetched."""
    _open(page, url)
    page.wait_for_timeout(500)
    return int(
        page.evaluate(
            """() => performance.getEntriesByType('navigation')
                 .concat(performance.getEntriesByType('resource'))
                 .reduce((n, e) => n + (e.encodedBodySize || 0), 0)"""
        )
    )


def _request_outputs(spec: str) -> list[Any]:
    """A request's ``outputs`` for a callback's output spec; a wildcard (ALL) matches nothing on
    the empty view."""
    outputs: list[Any] = []
    for part in spec.strip(".").split("..."):
        ident, prop = part.rsplit(".", 1)
        parsed = json.loads(ident) if ident.startswith("{") else ident
        if isinstance(parsed, dict) and ["ALL"] in parsed.values():
            outputs.append([])
        else:
            outputs.append({"id": parsed, "property": prop})
    return outputs


def trace_response_bytes(app: dash.Dash, symptom: str, shown: str | None) -> int:
    """Decoded bytes of the response that draws a trace over the view at address ``shown``
    (``""``: the empty view; ``None``: a page with nothing drawn yet, a shared link)."""
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    callback = next(d for d in dependencies if "page-shown.data" in d["output"])
    values = {"trace-side": "both", "trace-hops": 4, "trace-evidence": "not-found"}
    body = {
        "output": callback["output"],
        "outputs": _request_outputs(callback["output"]),
        "inputs": [
            {
                "id": i["id"],
                "property": i["property"],
                "value": {"page-url": f"?symptom={symptom}"}.get(i["id"], values.get(i["id"])),
            }
            for i in callback["inputs"]
        ],
        "state": [
            {"id": s["id"], "property": s["property"], "value": shown} for s in callback["state"]
        ],
        "changedPropIds": ["page-url.search"],
    }
    response = client.post("/_dash-update-component", json=body)
    if response.status_code != 200:
        raise RuntimeError(f"the trace request was answered {response.status_code}")
    return len(response.get_data())


def _summary(values: list[float]) -> tuple[float, float]:
    quartiles = statistics.quantiles(values, n=4)
    return statistics.median(values), quartiles[2] - quartiles[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    atlas = load_atlas()
    app = create_app(atlas)
    records: list[dict[str, Any]] = []
    with served(app) as app_url, served(floor_app()) as floor_url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.add_init_script(PROBE)
        floor = _summary(measure_floor(page, floor_url, args.repeat))
        times = measure_app(page, app_url, atlas, args.repeat)
        fresh = browser.new_page(viewport={"width": 1440, "height": 900})
        loaded = first_load_bytes(fresh, app_url)
        browser.close()
    words = {
        "symptom": "choosing a symptom",
        "control": "changing a control (side)",
        "focus": "focusing a candidate",
        "region": "clicking a region",
    }
    floor_record = {"name": "minimal Dash app: one dropdown updates one text", "value": floor[0]}
    for key, values in times.items():
        median, spread = _summary(values)
        records.append(
            {
                "benchmark": "bench_interaction",
                "figure": f"interaction to paint: {words[key]} (median of {len(values)})",
                "value": round(median, 1),
                "unit": "ms",
                "spread": round(spread, 1),
                "floor": {**floor_record, "value": round(floor[0], 1)},
            }
        )
    # The safety notes and the trigger-point caveats come with the first trace a page draws
    # (results.fixed_blocks), so a trace after a trace is the common case, the first one apart.
    for words, shown in (
        ("after another trace", "?symptom=headache"),
        ("the first, from the empty view", ""),
    ):
        records.append(
            {
                "benchmark": "bench_interaction",
                "figure": f"trace response, decoded (choosing plantar-fasciitis, {words})",
                "value": round(trace_response_bytes(app, "plantar-fasciitis", shown) / 1000, 1),
                "unit": "KB",
                "spread": None,
                "floor": None,
            }
        )
    records.append(
        {
            "benchmark": "bench_interaction",
            "figure": "first load, compressed (empty view)",
            "value": round(loaded / 1000, 1),
            "unit": "KB",
            "spread": None,
            "floor": None,
        }
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    print(f"fascialines {__version__}, dash {dash.__version__}, {platform.python_version()}, ")
    print(f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores")
    for record in records:
        floor_text = f" (floor {record['floor']['value']} ms)" if record["floor"] else ""
        spread = f" ± IQR {record['spread']}" if record["spread"] is not None else ""
        print(f"{record['figure']}: {record['value']} {record['unit']}{spread}{floor_text}")


if __name__ == "__main__":
    main()
