"""Take the README's screenshots of the students' views with Debian's Chromium.

Run from the repository root: ``.venv/bin/python docs/screenshots/make_student_screenshots.py``.
It writes ``quiz.png`` (a question answered, its answer drawn on the body), ``compare.png``
(two lines side by side) and ``evidence.png`` (the top of the evidence page), at 1440 × 900.
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
from fascialines.teaching import generate_quiz
from fascialines.web.app import create_app
from fascialines.web.quiz_downloads import QUIZ_LENGTH
from fascialines.web.views.quiz import choice_id

HERE = Path(__file__).parent
#: A seed whose first question is "which line joins two regions": its answer draws a line.
SEED = 3


def _settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(800)


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    atlas = load_atlas()
    server = make_server("127.0.0.1", 0, create_app(atlas).server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    first = generate_quiz(atlas, seed=SEED, count=QUIZ_LENGTH).questions[0]
    wrong = next(c.key for c in first.choices if c.key != first.answer)
    abbreviations = ",".join(
        line.abbreviation
        for line in atlas.lines
        if line.id in ("superficial-back-line", "spiral-line")
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, query in (
            ("quiz.png", f"?view=quiz&seed={SEED}"),
            ("compare.png", f"?lines={abbreviations}"),
            ("evidence.png", "?view=evidence"),
        ):
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            local_only(page, base)
            page.goto(base + query)
            _settle(page)
            if name != "quiz.png":
                page.locator(f"#{name.removesuffix('.png')}-body h3").first.wait_for()
                _settle(page)
            if name == "quiz.png":
                page.locator(f"#{choice_id(wrong)}").click()
                page.locator("#quiz-feedback p").first.wait_for()
                _settle(page)
            page.screenshot(path=HERE / name)
            page.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
