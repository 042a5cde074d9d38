"""The Dash app factory: one atlas, one graph and one base figure per process.

``create_app(atlas).run()`` serves it; :mod:`fascialines.web.wsgi` exposes ``server`` for
gunicorn. Everything the browser loads (Dash's scripts, plotly.js, the stylesheet) is served by
the app itself: no CDN, no external font. ``assets/vendor/plotly-basic.min.js`` (the npm package
``plotly.js-basic-dist-min`` at the plotly.js version plotly ships, MIT) sets ``window.Plotly``,
so dcc.Graph never loads the full bundle: about 395 KB gzipped instead of 1.47 MB. The diagram
needs only scatter traces, shapes and annotations, which the basic bundle has.
"""

from __future__ import annotations

from collections.abc import Callable

import dash
import flask

from fascialines.atlas import Atlas
from fascialines.web import core, figure
from fascialines.web.callbacks import register_callbacks
from fascialines.web.figure.geometry import assets_dir
from fascialines.web.hardening import harden
from fascialines.web.therapist import register as register_therapist_pages
from fascialines.web.views import page
from fascialines.web.wording import HEADING

__all__ = ["assets_dir", "create_app"]

TITLE = HEADING["title"]

# Dash's default page, with the document language set for screen readers, and its scripts in a
# <div> rather than a <footer>: beside the page's own footer that made two contentinfo landmarks.
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
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


def _read_files_whole(response: flask.Response) -> flask.Response:
    # flask-compress streams a file response without closing the file it came from (a
    # ResourceWarning per asset). Our assets are small: read them whole, closing the file, and
    # let it compress a plain body. Flask runs this before flask-compress's own hook.
    if response.is_streamed and response.direct_passthrough:
        response.direct_passthrough = False
        response.make_sequence()
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
    app = dash.Dash(
        __name__,
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
    app.server.after_request(_read_files_whole)
    app.layout = page.layout(atlas, figure.base_figure(atlas))
    register_callbacks(app, atlas, graph)
    register_therapist_pages(app, atlas, graph)
    app.server.after_request(_security_headers(" ".join(app.csp_hashes())))
    return harden(app)
