"""Harden the app's Flask server: limits, clean 4xx answers, headers, and logs without values.

:func:`harden` is called once by :func:`fascialines.web.app.create_app`. What it installs:

- **A request-size limit**: a body over :data:`MAX_BODY_BYTES` is answered 413 before it is
  read. Callback bodies are 1 to 2 KB; without a limit four 20 MB bodies took 1.8 GB.
- **Callback checks at the door**: a ``POST /_dash-update-component`` body must be readable JSON
  (UTF-8, nested at most 64 deep, no lone surrogates, no ``NaN``) and pass the
  :class:`~fascialines.web.callback_guard.CallbackGuard` built from the page; else 400.
- **Link limits**: a page address whose query string breaks the limits of
  :func:`~fascialines.web.callback_guard.search_problem` is answered 400 with a sentence.
- **Error handlers**: Werkzeug's errors keep their 4xx code with a one-sentence plain-text body;
  Dash's unknown-resource error is a 404 that does not repeat the path; an exception inside a
  callback (the last line of defence, after the checks) is a 400. Nothing a client sends is
  answered 500.
- **Headers**: ``X-Frame-Options``, ``Permissions-Policy``, ``Cross-Origin-Opener-Policy`` and
  ``Cross-Origin-Resource-Policy`` beside the app's Content-Security-Policy.
- **Logs without personal data**: a refused or failed request is logged with its path (never the
  query string), the callback's name and the kind of problem, never a value that was sent.
"""

from __future__ import annotations

import logging

import dash
import flask
from dash.exceptions import InvalidResourceError
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from fascialines.atlas_json import UnreadableJSON, read_json
from fascialines.web.callback_guard import BadCallback, CallbackGuard, search_problem
from fascialines.web.wording import REFUSAL

__all__ = ["MAX_BODY_BYTES", "SECURITY_HEADERS", "harden"]

#: The largest request body: a callback body is 1 to 2 KB, the region picker's biggest is ~10 KB.
MAX_BODY_BYTES = 64 * 1024

#: Sent with every response (the Content-Security-Policy comes from the app factory).
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    # The app uses none of these browser features; a page that cannot ask cannot be tricked to.
    "Permissions-Policy": ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "camera",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "payment",
            "usb",
            "browsing-topics",
        )
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

# The one sentence each refusal gets. Never the sent value: it may be what a therapist typed.
_SENTENCES = {
    code: REFUSAL[str(code)].format(kilobytes=MAX_BODY_BYTES // 1024)
    for code in (400, 404, 405, 413, 415)
}

log = logging.getLogger("fascialines.web")


def _plain(code: int, sentence: str | None = None) -> flask.Response:
    text = sentence or _SENTENCES.get(code) or REFUSAL["other"]
    return flask.Response(text + "\n", status=code, mimetype="text/plain")


def harden(app: dash.Dash) -> dash.Dash:
    """Install the limits, checks, error handlers and headers on ``app`` and return it.

    Parameters
    ----------
    app : dash.Dash
        The app, with its layout and callbacks registered (the callback checks are built from
        them at the first callback request, so a layout set later is still seen).

    Returns
    -------
    dash.Dash
        The same app.
    """
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    callback_path = app.config.routes_pathname_prefix + "_dash-update-component"
    suites_path = app.config.routes_pathname_prefix + "_dash-component-suites/"
    guards: list[CallbackGuard] = []

    def guard() -> CallbackGuard:
        if not guards:
            guards.append(CallbackGuard(app.callback_map, app.layout))
        return guards[0]

    @server.before_request
    def _check_request() -> flask.Response | None:
        request = flask.request
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            raise RequestEntityTooLarge()
        if request.method == "GET" and request.query_string:
            problem = search_problem(request.query_string.decode("latin-1"))
            if problem is not None:
                log.info("refused a page address: %s", problem)
                return _plain(
                    400,
                    REFUSAL["link"].format(problem=problem),
                )
        if request.path != callback_path or request.method != "POST":
            return None
        if not request.is_json:
            return _plain(415)
        try:
            # get_data reads at most MAX_BODY_BYTES (413 past it) and keeps the bytes for Dash.
            body = read_json(request.get_data(cache=True))
            guard().check(body)
        except UnreadableJSON:
            log.info("refused a callback request: its body is not readable JSON")
            return _plain(400)
        except BadCallback as why:
            log.info("refused a callback request: %s", why)
            return _plain(400)
        return None

    @server.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> flask.Response | HTTPException:
        if error.code is None or error.code < 400:
            return error  # a redirect raised by routing is not an error
        if error.code >= 500:
            log.error("%s %s answered %s", flask.request.method, flask.request.path, error.code)
        return _plain(error.code)

    @server.errorhandler(InvalidResourceError)
    def _unknown_resource(error: InvalidResourceError) -> flask.Response:
        # Dash's own handler repeats the requested path in an HTML body.
        return _plain(404)

    @server.errorhandler(Exception)
    def _unexpected(error: Exception) -> flask.Response:
        request = flask.request
        if request.path == callback_path:
            # The checks at the door let this through; the callback still must not answer 500.
            # The exception's message may hold the sent value: only its kind is logged.
            body = request.get_json(silent=True)
            output = body.get("output") if isinstance(body, dict) else None
            log.warning(
                "callback %s failed with %s; answered 400",
                output if isinstance(output, str) and output in app.callback_map else "?",
                type(error).__name__,
            )
            return _plain(400)
        if request.path.startswith(suites_path):
            # Dash raises DependencyException (or an OSError) for a file it does not serve.
            return _plain(404)
        log.error("%s %s failed with %s", request.method, request.path, type(error).__name__)
        return _plain(500, REFUSAL["500"])

    @server.after_request
    def _headers(response: flask.Response) -> flask.Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
