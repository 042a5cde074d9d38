"""Take the README's screenshots of the app with Debian's Chromium (no browser download).

Run from the repository root: ``.venv/bin/python docs/screenshots/make_screenshots.py``.
The app is served in a thread on a free port with the packaged atlas; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from werkzeug.serving import make_server

from fascialines.atlas import load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS, local_only
from fascialines.web.app import create_app

HERE = Path(__file__).parent
# (file, query, viewport width, height, how much of the page: None = the first screen)
SHOTS = [
    ("trace-1440.png", "?symptom=headache&side=left", 1440, 900, None),
    ("trace-focus-1440.png", "?symptom=plantar-fasciitis&side=left&focus=1", 1440, 900, None),
    ("line-explorer-1440.png", "?line=SPL", 1440, 900, None),
    ("region-1440.png", "?region=calf:left", 1440, 900, None),
    ("phone-390.png", "?symptom=plantar-fasciitis&side=left", 390, 844, None),
    ("phone-results-390.png", "?symptom=plantar-fasciitis&side=left", 390, 844, -1),
]


#: What the pointer rests on before a shot.
HOVER = {"line-explorer-1440.png": "#line-details tbody tr:nth-child(2)"}


def _settle(page: Page) -> None:
    page.locator("#body-graph .js-plotly-plot .main-svg").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(800)


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(load_atlas()).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, query, width, height, depth in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            local_only(page, base)
            page.goto(base + query)
            _settle(page)
            if name in HOVER:
                # Pointing at a step of the line explorer lights it up on the body.
                page.locator(HOVER[name]).hover()
                page.wait_for_timeout(500)
            path = HERE / name
            if depth is None:
                page.screenshot(path=path)
            elif depth == -1:
                # The ranked list as a phone shows it, one screen below the diagram.
                page.evaluate("document.getElementById('results').scrollIntoView()")
                page.screenshot(path=path)
            else:
                page.screenshot(
                    path=path,
                    full_page=True,
                    clip={"x": 0, "y": 0, "width": width, "height": depth},
                )
            print(path)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
