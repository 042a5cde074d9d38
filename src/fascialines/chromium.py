"""Debian's Chromium as every headless run of the project starts it.

The browser tests, the interaction benchmark and the screenshot scripts drive the system's
``chromium`` package through Playwright (never a browser download), all with these flags.
"""

from __future__ import annotations

import shutil
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "local_only"]

#: The system's Chromium: Debian's ``chromium`` package.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

#: Without the background-networking flags Chromium keeps calling home on a closed network.
CHROMIUM_ARGS: list[str] = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def local_only(page: Any, base: str) -> None:
    """Let a Playwright page load only what ``base`` serves: the app works with no internet,
    and a screenshot or a test must show that, not a fetch that happened to succeed."""
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
