"""The Dash app factory: one atlas, one graph and one base figure per process.

``create_app(atlas).run()`` serves it; :mod:`fascialines.web.wsgi` exposes ``server`` for
gunicorn. Everything the browser loads (Dash's scripts, plotly.js, the stylesheet) is served by
the app itself: no CDN, no external font. ``assets/vendor/plotly-basic.min.js`` (the npm package
``plotly.js-basic-dist-min`` at the plotly.js version plotly ships, MIT) sets ``window.Plotly``,
so dcc.Graph never loads the full bundle: about 395 KB gzipped instead of 1.47 MB. The diagram
needs only scatter traces, shapes and annotations, which the basic bundle has.

Dash lists two scripts on every page that this one does not need (:data:`UNUSED_SCRIPTS`):
dash_table's bundle (no table here) and Babel's polyfill for old browsers (36 KB compressed),
of which Dash's lazy loader uses only the generator runtime; that runtime is vendored on its
own (``assets/vendor/regenerator-runtime.min.js``, the npm package ``regenerator-runtime``,
MIT, 2.5 KB compressed). The page's icon is a small SVG in ``assets/``. Everything is compressed
harder than by default, each static file once per process (:mod:`.compressing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, cast

import dash
import flask

from fascialines.atlas import Atlas
from fascialines.web import compressing, core, figure, folds
from fascialines.web.callbacks import register_callbacks
from fascialines.web.figure.geometry import assets_dir
from fascialines.web.hardening import harden
from fascialines.web.therapist import register as register_therapist_pages
from fascialines.web.views import compare, evidence, page, quiz
from fascialines.web.wording import HEADING

__all__ = ["UNUSED_SCRIPTS", "FasciaApp", "assets_dir", "create_app"]

TITLE = HEADING["title"]

# Dash's default page, with the document language set for screen readers, and its scripts in a
# <div> rather than a <footer>: beside the page's own footer that made two contentinfo landmarks.
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        <link rel="icon" type="image/svg+xml" href="assets/favicon.svg">
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div class="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


#: Parts of the script addresses Dash always lists that nothing on this page runs.
UNUSED_SCRIPTS: tuple[str, ...] = ("/dash_table/bundle", "/deps/polyfill@")


class FasciaApp(dash.Dash):
    """A Dash app whose page leaves out the scripts it never runs (:data:`UNUSED_SCRIPTS`).

    ``interpolate_index`` is Dash's documented hook for changing the index page; the scripts
    stay served, so nothing that asks for one by its address breaks.
    """

    def interpolate_index(
        self,
        metas: str = "",
        title: str = "",
        css: str = "",
        config: str = "",
        scripts: str = "",
        app_entry: str = "",
        favicon: str = "",
        renderer: str = "",
    ) -> str:
        """The index page of Dash with the unused script tags taken out."""
        unused = "|".join(re.escape(part) for part in UNUSED_SCRIPTS)
        scripts = re.sub(rf'<script src="[^"]*(?:{unused})[^"]*"></script>\s*', "", scripts)
        return str(
            super().interpolate_index(
                metas=metas,
                title=title,
                css=css,
                config=config,
                scripts=scripts,
                app_entry=app_entry,
                favicon=favicon,
                renderer=renderer,
            )
        )


def _read_files_whole(response: flask.Response) -> flask.Response:
    # A static file's answer holds its open file until the WSGI server closes the answer, which
    # never happens when flask-compress answers from its kept copy (it replaces the body) or when
    # the browser drops the connection first (werkzeug's server then skips the close): the file
    # is left to the garbage collector, a ResourceWarning each time. Our assets are small: read
    # them whole and close the file now. Flask runs this before flask-compress's own hook.
    if not response.direct_passthrough:
        return response
    # send_file's body: a file wrapper, or a range of it, yielding bytes.
    body = cast(Iterable[bytes], response.response)
    response.direct_passthrough = False
    try:
        # A 304 sends no body; a range request's body is only its range.
        response.response = [b"".join(body)] if response.status_code != 304 else []
    finally:
        close = getattr(body, "close", None)
        if close is not None:
            close()
    return response


def _security_headers(script_hashes: str) -> Callable[[flask.Response], flask.Response]:
    # Everything comes from this server. Exceptions, each with its reason: Dash's one inline
    # script (the renderer's start) is allowed by its hash; plotly.js sets inline styles on the
    # diagram; plotly draws with data: URIs.
    policy = "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {script_hashes}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )

    def add(response: flask.Response) -> flask.Response:
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return add


def create_app(atlas: Atlas) -> dash.Dash:
    """Build the app for an atlas.

    Parameters
    ----------
    atlas : Atlas
        A loaded atlas (see :func:`fascialines.atlas.load_atlas`).

    Returns
    -------
    dash.Dash
        The app; ``app.server`` is its Flask server.

    Notes
    -----
    The graph and the base figure are built here, once; callbacks only send a
    :class:`dash.Patch` of the overlay traces, so an interaction never re-sends the body.
    """
    graph = core.build(atlas)
    # Compression is set on the server before Dash sets flask-compress up on it (Dash's type
    # hints name only a bool or a factory, but it documents and accepts a Flask app).
    server: Any = compressing.configure(flask.Flask(__name__))
    app = FasciaApp(
        __name__,
        server=server,
        title=TITLE,
        assets_folder=str(assets_dir()),
        serve_locally=True,
        compress=True,
        update_title="",
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": "An educational visualiser of myofascial lines."},
        ],
    )
    app.index_string = INDEX_STRING
    compressing.compress_answers(app.server)
    app.server.after_request(_read_files_whole)
    app.layout = page.layout(atlas, figure.base_figure(atlas))
    register_callbacks(app, atlas, graph)
    register_therapist_pages(app, atlas, graph)
    folds.register(app, atlas, graph)
    for students_view in (quiz, compare, evidence):
        students_view.set_callbacks(app, atlas, graph)
    app.server.after_request(_security_headers(" ".join(app.csp_hashes())))
    return harden(app)
