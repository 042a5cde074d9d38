"""How the app compresses what it serves: harder than flask-compress's default, once per file.

Chromium asks for zstd, which flask-compress answers at level 3 by default: fast, but the first
load (plotly.js, Dash's bundles, the layout) came to about 704 KB; at level 10 the same bytes
are about 649 KB (``benchmarks/bench_interaction.py`` measures the first load). A file's
compression is paid once per process: the scripts and assets Dash serves carry a fingerprint
in their address (``?m=…``, ``.v4_4_1m…``), so their compressed bytes are kept, one copy per
encoding; a callback's answer is compressed each time and never kept.
"""

from __future__ import annotations

import threading

import flask

__all__ = ["STATIC_PREFIXES", "ZSTD_LEVEL", "StaticCache", "configure"]

#: zstd's level: about 8% smaller than the default 3, about 6 ms per 40 KB callback answer.
ZSTD_LEVEL = 10
#: Brotli's level, for browsers without zstd (brotli 9 is about as fast as zstd 9 here).
BROTLI_LEVEL = 9
#: Address prefixes of files that never change under one address: safe to keep compressed.
STATIC_PREFIXES: tuple[str, ...] = ("/assets/", "/_dash-component-suites/")


def _static_key(request: flask.Request) -> str:
    if request.method == "GET" and request.path.startswith(STATIC_PREFIXES):
        return "static:" + request.full_path
    return ""


class StaticCache:
    """flask-compress's cache backend, keeping only the static files (keys of :func:`_static_key`).

    Bounded by the number of files the app serves times the encodings asked for; everything
    else (an empty key) is neither looked up nor kept.
    """

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The compressed bytes kept for ``key``, if any."""
        if not key.partition(";")[2]:
            return None
        with self._lock:
            return self._kept.get(key)

    def set(self, key: str, value: bytes) -> None:
        """Keep ``value`` when ``key`` names a static file."""
        if key.partition(";")[2]:
            with self._lock:
                self._kept[key] = value


def configure(server: flask.Flask) -> flask.Flask:
    """Set the compression of ``server``; call before Dash sets up flask-compress on it."""
    server.config.update(
        COMPRESS_ZSTD_LEVEL=ZSTD_LEVEL,
        COMPRESS_BR_LEVEL=BROTLI_LEVEL,
        COMPRESS_CACHE_BACKEND=StaticCache,
        COMPRESS_CACHE_KEY=_static_key,
    )
    return server
