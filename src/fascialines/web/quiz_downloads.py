"""The quiz's routes: ``quiz/<seed>/deck.apkg`` (Anki), ``quiz/<seed>/worksheet.html``, and a seed
for a quiz address without one (a redirect).

Flask routes on the app's server, under its path prefix, built from
:mod:`fascialines.teaching.anki` and :mod:`fascialines.teaching.worksheet` for the seed in the
address, so the deck a student takes home holds the questions of the quiz on screen.
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

import dash
import flask
import werkzeug

from fascialines.atlas import Atlas
from fascialines.teaching import QuestionSet, generate_quiz
from fascialines.web.state import MAX_SEED
from fascialines.web.wording import MESSAGE

__all__ = ["QUIZ_LENGTH", "add_download_routes", "quiz_of"]

#: Questions in one quiz: a lesson's worth.
QUIZ_LENGTH = 10


def quiz_of(atlas: Atlas, seed: int) -> QuestionSet:
    """The app's quiz for a seed: :data:`QUIZ_LENGTH` questions."""
    return generate_quiz(atlas, seed=seed, count=QUIZ_LENGTH)


def add_download_routes(app: dash.Dash, atlas: Atlas) -> None:
    """``quiz/<seed>/deck.apkg`` and ``quiz/<seed>/worksheet.html`` under the app's prefix."""
    from fascialines.teaching.anki import AnkiUnavailable, deck_bytes
    from fascialines.teaching.worksheet import render_worksheet

    prefix = app.config.routes_pathname_prefix

    def seed_of(seed: int) -> int:
        if seed > MAX_SEED:
            flask.abort(404)
        return seed

    def deck(seed: int) -> flask.Response:
        try:
            data = deck_bytes(quiz_of(atlas, seed_of(seed)), atlas)
        except AnkiUnavailable:
            return flask.Response(
                MESSAGE["no-anki"],
                status=503,
                mimetype="text/plain",
            )
        response = flask.Response(data, mimetype="application/apkg")
        response.headers["Content-Disposition"] = (
            f'attachment; filename="fascialines-quiz-{seed}.apkg"'
        )
        return response

    def worksheet(seed: int) -> flask.Response:
        text = render_worksheet(quiz_of(atlas, seed_of(seed)), atlas)
        return flask.Response(text, mimetype="text/html")

    @app.server.before_request
    def _seed_the_quiz() -> werkzeug.Response | None:
        # A quiz page without a seed gets one in its address, so it can be shared as it is.
        request = flask.request
        if request.path != prefix or request.args.get("view") != "quiz":
            return None
        if "seed" in request.args:
            return None
        seed = random.SystemRandom().randrange(MAX_SEED + 1)
        query = urlencode({**request.args.to_dict(), "seed": str(seed)}, safe=":,")
        return flask.redirect(f"{request.script_root}{prefix}?{query}", code=302)

    app.server.add_url_rule(f"{prefix}quiz/<int:seed>/deck.apkg", "quiz_deck", deck)
    app.server.add_url_rule(f"{prefix}quiz/<int:seed>/worksheet.html", "quiz_worksheet", worksheet)
