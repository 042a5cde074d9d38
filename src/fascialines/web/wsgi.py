"""The WSGI entry point: ``gunicorn 'fascialines.web.wsgi:server'`` serves the packaged atlas.

Set ``FASCIALINES_DATA`` to serve another atlas file.
"""

from __future__ import annotations

import os

from fascialines.atlas import load_atlas
from fascialines.web.app import create_app

server = create_app(load_atlas(os.environ.get("FASCIALINES_DATA") or None)).server
