"""The therapist's pages on the app's server: the printable handout and the client view.

``GET /handout?<the view's query string>`` answers the handout of that view
(:func:`fascialines.handout.build_handout`), read from the URL exactly as the app reads it
(:func:`fascialines.web.state.parse_query`, :func:`fascialines.web.core.trace_view`). The page
is self-contained and carries its own, stricter Content-Security-Policy (no connection at all:
what a therapist types in it cannot be sent), and ``Cache-Control: no-store``, because its
address says what hurts. Its QR code opens the client view of the same trace.

:func:`register` adds the route to the app's server; the client view itself is a section of the
page (:mod:`fascialines.web.views.client`), filled by the page's one callback.
"""

from __future__ import annotations

from dataclasses import replace

import dash
import flask

from fascialines.atlas import Atlas
from fascialines.handout import build_handout, content_security_policy
from fascialines.web import core
from fascialines.web.state import parse_query, to_query
from fascialines.web.wording import MESSAGE

__all__ = ["HANDOUT_PATH", "handout_response", "register"]

HANDOUT_PATH = "handout"

NOTHING_TRACED = MESSAGE["no-handout"]


def _plain(text: str, status: int) -> flask.Response:
    return flask.Response(text + "\n", status=status, mimetype="text/plain")


def handout_response(atlas: Atlas, graph: core.Graph, search: str, app_url: str) -> flask.Response:
    """The handout page for a query string, or a plain sentence when it traces nothing.

    Parameters
    ----------
    search : str
        The query string, with or without its ``?``.
    app_url : str
        The app's own address (``http://host:port/``), for the QR code and the printed link.
    """
    state, ignored = parse_query(atlas, search)
    found, problems = core.trace_view(graph, state)
    if found is None:
        return _plain(" ".join([*ignored, *problems, NOTHING_TRACED]), 404)
    focus = state.focus if state.focus and state.focus <= len(found.candidates) else None
    live = replace(state, view="client", focus=focus)
    page = build_handout(
        found, link=app_url + to_query(atlas, live), focus=focus, figure=state.figure
    )
    response = flask.Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = content_security_policy()
    response.headers["Cache-Control"] = "no-store"
    return response


def register(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Add ``/handout`` to the app's server."""
    prefix = app.config.routes_pathname_prefix

    def handout() -> flask.Response:
        request = flask.request
        app_url = request.host_url.rstrip("/") + prefix
        return handout_response(atlas, graph, request.query_string.decode("latin-1"), app_url)

    app.server.add_url_rule(f"{prefix}{HANDOUT_PATH}", "handout", handout, methods=["GET"])
