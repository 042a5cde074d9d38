"""The WSGI entry point: ``server`` serves the packaged atlas, or ``FASCIALINES_DATA``'s.

``fascialines serve`` runs it with waitress; any WSGI server can too, for example
``waitress-serve --threads 4 fascialines.web.wsgi:server`` or, on Unix,
``gunicorn --worker-class gthread --threads 4 fascialines.web.wsgi:server`` behind a buffering
proxy (see ``deploy/``). An atlas with problems stops the server with the problems listed, not a
traceback.
"""

from __future__ import annotations

import sys

from fascialines.atlas import AtlasError, load_atlas
from fascialines.serving import atlas_path_from
from fascialines.web.app import create_app

__all__ = ["server"]

try:
    _atlas = load_atlas(atlas_path_from(None))
except AtlasError as error:
    print(f"fascialines: cannot serve this atlas: {error}", file=sys.stderr)
    raise SystemExit(1) from None

server = create_app(_atlas).server
