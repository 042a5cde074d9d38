"""``/fold``: the long text of a card's fold, as HTML, the first time the fold is opened.

A card carries the address of its fold (:func:`fascialines.web.views.cards.fold_href`: the
trace's address and the card's rank); ``assets/app.js`` fetches it on the fold's first opening
and puts the answer inside. A plain route, not a Dash callback: a callback would cost Dash its
round of store updates over the whole page, and a card five components instead of two.

The answer is :func:`fascialines.web.views.cards.card_details` written out by
:func:`fascialines.web.markup.to_markup` (every atlas text escaped). An address the app would not
draw, a rank the trace has not, or no trace at all, answers 404 with a short plain text.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash
import flask

from fascialines.atlas import Atlas
from fascialines.web import core
from fascialines.web.markup import to_markup
from fascialines.web.state import parse_query
from fascialines.web.views import cards
from fascialines.web.wording import MESSAGE

__all__ = ["fold_response", "register"]


def fold_response(atlas: Atlas, graph: core.Graph, query: str) -> flask.Response:
    """The answer to ``/fold?<query>``: ``rank`` and the address of the trace."""
    pairs = parse_qsl(query, keep_blank_values=True)
    rank_text = next((value for key, value in pairs if key == "rank"), "")
    if not rank_text.isdigit():
        return _missing(MESSAGE["fold-no-rank"])
    state, _ = parse_query(atlas, "?" + urlencode([(k, v) for k, v in pairs if k != "rank"]))
    found, _ = core.trace_view(graph, state)
    details = cards.card_details(atlas, found, int(rank_text))
    if not details:
        return _missing(MESSAGE["fold-no-card"])
    response = flask.Response(to_markup(details), mimetype="text/html")
    # The same address always gives the same text (the atlas is fixed while the app runs).
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _missing(reason: str) -> flask.Response:
    return flask.Response(reason, status=404, mimetype="text/plain")


def register(app: dash.Dash, atlas: Atlas, graph: core.Graph) -> None:
    """Add ``/fold`` to the app's server."""
    prefix = app.config.routes_pathname_prefix

    def fold() -> flask.Response:
        return fold_response(atlas, graph, flask.request.query_string.decode("latin-1"))

    app.server.add_url_rule(f"{prefix}{cards.FOLD_PATH}", "fold", fold, methods=["GET"])
