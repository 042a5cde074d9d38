"""Take ``docs/screenshots/female-figure.png``: the chart with the female figure and a line.

Run from the repository root: ``PYTHONPATH=src .venv/bin/python docs/screenshots/female_figure.py``.
The app is served in a thread on a free port with the packaged atlas; nothing leaves 127.0.0.1.
The page opens on ``figure=female``, so the shot also shows that the address alone swaps the body.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from fascialines.atlas import load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS, local_only
from fascialines.web.app import create_app

HERE = Path(__file__).parent
QUERY = "?line=SPL&figure=female"


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(load_atlas()).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        local_only(page, base)
        page.goto(base + QUERY)
        page.locator("#body-graph .js-plotly-plot .main-svg").first.wait_for()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)
        path = HERE / "female-figure.png"
        page.locator("#body-panel").screenshot(path=path)
        print(path)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
