"""Real-browser journeys: Debian's Chromium driven by Playwright, the app served in a thread.

Never ``playwright install``: the browser is the system's ``/usr/bin/chromium``. Without it the
journeys skip with the reason, except under ``CI=true``, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import waitress
from playwright.sync_api import expect

from fascialines.atlas import Atlas, load_atlas
from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS
from fascialines.serving import ServerOptions
from fascialines.web.app import create_app

# A busy two-core CI machine can take several seconds to draw the diagram the first time.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).is_file():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI=true but no Chromium at {CHROMIUM}: install it with apt")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The copy-link journey reads back what was copied.
    return {**browser_context_args, "permissions": ["clipboard-read", "clipboard-write"]}


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    """The packaged atlas, so the journeys check what ships; ``FASCIALINES_DATA`` picks another."""
    return load_atlas(os.environ.get("FASCIALINES_DATA") or None)


@pytest.fixture(scope="session")
def base_url(atlas: Atlas) -> Iterator[str]:
    # waitress, what ships. werkzeug's development server skipped closing a response when the
    # browser reset the connection (a favicon read as a page closed), and the open file failed
    # the run as an unraisable ResourceWarning.
    settings = ServerOptions().waitress_settings()
    server = waitress.create_server(create_app(atlas).server, host="127.0.0.1", port=0, **settings)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture
def offline_page(page: Any, base_url: str) -> Iterator[Any]:
    """A page that may only talk to the test server; any other request is aborted and recorded."""
    elsewhere: list[str] = []

    def guard(route: Any) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A Content-Security-Policy violation is only a console error: catch those too.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    assert elsewhere == [], f"requests left 127.0.0.1: {elsewhere}"
    assert errors == [], f"errors in the page: {errors}"
