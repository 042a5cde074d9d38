"""How the app compresses what it serves: static files hard and once, answers fast each time.

Chromium asks for zstd, which flask-compress answers at level 3 by default: fast, but the first
load (plotly.js, Dash's bundles, the layout) came to about 704 KB; at level 10 about 649 KB, and
with the static files at level 19 about 36 KB less again (``benchmarks/bench_interaction.py``
measures the first load). A static file's compression is paid once per process (level 19 takes
about 0.6 s for plotly.js): the scripts and assets Dash serves carry a fingerprint in their
address (``?m=…``, ``.v4_4_1m…``), so their compressed bytes are kept, one copy per encoding.
So are the layout's and the callbacks' lists (:data:`FIXED_ANSWERS`): the app's layout is one
tree built when the app is (``web/app.py``), the same for every request, and at 464 KB the
largest thing a page loads after plotly.js (zstd 19 makes it 46.7 KB, level 10 53.3 KB, and saves
about 14 ms of compression per page load). Everything else (the page itself, which carries a
fresh value, and a callback's answer) changes with the request: it is compressed each time at
:data:`ANSWER_ZSTD_LEVEL` by :func:`compress_answers`, before flask-compress sees it, and never
kept.
"""

from __future__ import annotations

import threading

import brotli
import flask

# zstd as flask-compress finds it: the standard library's from Python 3.14, its backport before.
from flask_compress.compat import compression

__all__ = [
    "ANSWER_ZSTD_LEVEL",
    "FIXED_ANSWERS",
    "STATIC_PREFIXES",
    "ZSTD_LEVEL",
    "StaticCache",
    "compress_answers",
    "configure",
]

#: zstd's level for the static files, each compressed once per process (flask-compress).
ZSTD_LEVEL = 19
#: zstd's level for what is compressed on every request: about 8% smaller than the default 3,
#: about 6 ms per 40 KB callback answer.
ANSWER_ZSTD_LEVEL = 10
#: Brotli's level, for browsers without zstd (brotli 9 is about as fast as zstd 9 here).
BROTLI_LEVEL = 9
#: What :func:`compress_answers` compresses (flask-compress's own list, in short).
_ANSWER_TYPES = frozenset(
    {"text/html", "text/css", "text/plain", "application/json", "application/javascript"}
)
#: Answers shorter than this are sent as they are (flask-compress's default too).
_SMALLEST = 500
#: Address prefixes of files that never change under one address: safe to keep compressed.
STATIC_PREFIXES: tuple[str, ...] = ("/assets/", "/_dash-component-suites/")
#: Dash's answers that are the same for every request while the process runs.
FIXED_ANSWERS: frozenset[str] = frozenset({"/_dash-layout", "/_dash-dependencies"})


def _static_key(request: flask.Request) -> str:
    if request.method == "GET" and (
        request.path.startswith(STATIC_PREFIXES) or request.path in FIXED_ANSWERS
    ):
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


def _answer_encoding(request: flask.Request) -> str | None:
    """The encoding to answer in: zstd, else brotli, else none, as the request accepts (its
    ``Accept-Encoding`` as Werkzeug reads it: a name at ``q=0`` is refused)."""
    return next((name for name in ("zstd", "br") if request.accept_encodings[name] > 0), None)


def compress_answers(server: flask.Flask) -> None:
    """Compress every answer that is not a static file, fast (call after Dash set up
    flask-compress, so this runs first: flask-compress leaves an encoded answer alone)."""

    @server.after_request
    def _compress_answer(response: flask.Response) -> flask.Response:
        if (
            _static_key(flask.request)
            or response.direct_passthrough
            or response.is_streamed
            or "Content-Encoding" in response.headers
            or not 200 <= response.status_code < 300
            or response.mimetype not in _ANSWER_TYPES
        ):
            return response
        encoding = _answer_encoding(flask.request)
        data = response.get_data()
        if encoding is None or len(data) < _SMALLEST:
            return response
        if encoding == "zstd":
            packed = compression.zstd.compress(data, ANSWER_ZSTD_LEVEL)
        else:
            packed = brotli.compress(data, quality=BROTLI_LEVEL)
        response.set_data(packed)
        response.headers["Content-Encoding"] = encoding
        response.headers["Content-Length"] = str(len(packed))
        vary = response.headers.get("Vary", "")
        if "accept-encoding" not in vary.lower():
            response.headers["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
        return response
