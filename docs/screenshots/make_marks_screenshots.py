"""Take the screenshots of the chart's marks: a focused trigger-point candidate and a focused
line candidate, with Debian's Chromium (no browser download).

Run from the repository root: ``.venv/bin/python docs/screenshots/make_marks_screenshots.py``.
The app is served in a thread on a free port with the packaged atlas; nothing leaves 127.0.0.1.
Each picture is the diagram panel alone, at 1440 x 900 and at 390 x 844 (``-390`` in the name).
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
# (file, query): the upper trapezius (rank 6 for a headache on the left) with its X and its
# zones; latissimus dorsi, a line candidate with no trigger-point link, lit up for low back pain.
SHOTS = [
    ("trigger-point", "?symptom=headache&side=left&focus=6"),
    ("focused-tissue", "?symptom=low-back-pain&side=left&focus=1"),
]
WIDTHS = {"": (1440, 900), "-390": (390, 844)}


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(load_atlas()).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, query in SHOTS:
            for suffix, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                local_only(page, base)
                page.goto(base + query)
                page.locator("#body-overlay-layer svg").first.wait_for(state="attached")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(800)
                path = HERE / f"{name}{suffix}.png"
                page.locator(".body-graph").screenshot(path=path)
                print(path)
                page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
