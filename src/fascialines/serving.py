"""Run the web app with a production WSGI server: waitress, on every operating system.

Why waitress
------------
A therapist runs fascialines on Windows, macOS or Linux; a school on a Linux server. waitress is
pure Python and runs on all of them (gunicorn does not run on Windows). Its main thread reads
every request whole in an asyncore loop before a worker thread sees it, so a client that trickles
its headers or its body (a phone on a poor network, or a slowloris attack) holds a socket, not a
thread: with 4 slow-header sockets open, normal requests are still answered at once (see
``tests/test_serving_slow_clients.py``). gunicorn's sync workers behind no proxy were taken down
by 4 such clients.

On Unix, ``workers`` above 1 starts that many waitress processes sharing one listening socket,
so two cores answer two callbacks at a time (a callback is CPU-bound Python: threads share one
core). The app keeps no per-user state, so any process can answer any request.

What is logged
--------------
By default nothing per request: no access log, so no shared link (whose query string says what
hurts) and no client address is written anywhere. ``access_log=True`` logs method, path without
the query string, status, size and time, for an operator.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["ServerOptions", "access_logged", "atlas_path_from", "is_loopback", "serve"]

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

access_log = logging.getLogger("fascialines.access")


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``127.0.0.1``, ``::1``, ``localhost``).

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to a public address


@dataclass(frozen=True)
class ServerOptions:
    """How to serve: where, with how many processes and threads, and what to log.

    Attributes
    ----------
    host, port : str, int
        Where to listen; ``127.0.0.1`` serves this machine only.
    workers : int
        Processes (Unix only); each answers requests on its own core.
    threads : int
        Threads per process that run the app; waitress's main thread does the reading.
    access_log : bool
        Log one line per request, without the query string or the client's address.
    """

    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 1
    threads: int = 4
    access_log: bool = False

    def waitress_settings(self) -> dict[str, Any]:
        """The waitress adjustments: limits that match the app's own, and no version header."""
        return {
            "threads": self.threads,
            # No "Server: waitress": the version of what runs is nobody's business.
            "ident": "",
            # The app refuses bodies over 64 KB; waitress stops reading them sooner.
            "max_request_body_size": 1024 * 1024,
            "max_request_header_size": 64 * 1024,
            # A client that sends nothing for this long is let go.
            "channel_timeout": 60,
            "connection_limit": 1000,
            "asyncore_use_poll": True,
            "expose_tracebacks": False,
            "log_socket_errors": False,
        }


def access_logged(app: WSGIApp) -> WSGIApp:
    """Wrap a WSGI app to log ``GET /path 200 1234 B 12 ms`` per request.

    The query string and the client's address are left out: a link to the app says what hurts
    and where, which is health information.
    """

    def logged(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        status: list[str] = []

        def start(code: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            status.append(code.split(" ", 1)[0])
            return start_response(code, headers, *rest)

        body = app(environ, start)
        size = 0
        try:
            for chunk in body:
                size += len(chunk)
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
            access_log.info(
                "%s %s %s %d B %.0f ms",
                environ.get("REQUEST_METHOD", "-"),
                environ.get("PATH_INFO", "-"),
                status[0] if status else "-",
                size,
                (time.perf_counter() - started) * 1000,
            )

    return logged


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        # Not on Windows, where SO_REUSEADDR lets a second server steal a port in use.
        if sys.platform != "win32":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(1024)
    except OSError:
        sock.close()
        raise
    return sock


def _run_waitress(app: WSGIApp, sock: socket.socket, options: ServerOptions) -> None:
    import waitress  # type: ignore[import-untyped]

    # Ctrl+C reaches every process of the group: each stops quietly, without a traceback.
    with contextlib.suppress(KeyboardInterrupt):
        waitress.serve(app, sockets=[sock], _quiet=True, **options.waitress_settings())


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def serve(app: WSGIApp, options: ServerOptions) -> None:
    """Serve ``app`` until interrupted (Ctrl+C or SIGTERM).

    Parameters
    ----------
    app : WSGI application
        Usually ``create_app(atlas).server``.
    options : ServerOptions

    Raises
    ------
    OSError
        If the address cannot be listened on (in use, or not this machine's).
    ValueError
        For ``workers`` above 1 where processes cannot be forked (Windows).
    """
    if options.workers > 1 and sys.platform == "win32":
        raise ValueError("several worker processes need Unix; on Windows use --threads")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if options.access_log:
        app = access_logged(app)
    sock = _listen(options.host, options.port)
    shown = f"[{options.host}]" if ":" in options.host else options.host
    print(
        f"fascialines is serving on http://{shown}:{sock.getsockname()[1]}/ "
        f"({options.workers} process{'es' if options.workers > 1 else ''}, "
        f"{options.threads} threads each); press Ctrl+C to stop",
        file=sys.stderr,
        flush=True,
    )
    if options.workers == 1:
        _run_waitress(app, sock, options)
        return
    # The app is built once, before the fork, so the processes share its memory pages.
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=_run_waitress, args=(app, sock, options), daemon=True)
        for _ in range(options.workers)
    ]
    for worker in workers:
        worker.start()
    # SIGTERM (a service manager stopping us) ends the processes as Ctrl+C does.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        for worker in workers:
            worker.join()
    except KeyboardInterrupt:
        pass
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(timeout=5)
        sock.close()


def atlas_path_from(data: os.PathLike[str] | str | None) -> str | None:
    """The atlas to serve: ``data`` if given, else ``FASCIALINES_DATA``, else the packaged one.

    ``fascialines serve --data`` and the WSGI module read it the same way.
    """
    if data is not None:
        return os.fspath(data)
    return os.environ.get("FASCIALINES_DATA") or None
