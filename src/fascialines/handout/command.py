"""The ``fascialines handout`` subcommand: a trace's one-page handout as HTML or PDF.

Registered by :mod:`fascialines.cli` through :func:`add_handout_command`; errors end in one
sentence on stderr and the command line's exit codes (1 for a bad atlas, a file that cannot be
written or no way to make a PDF; 2 for a bad option or an unknown symptom), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from fascialines.atlas import AtlasError, load_atlas
from fascialines.graph import build_graph
from fascialines.tracing import MAX_HOPS, UnknownSymptom, trace

__all__ = ["DEFAULT_BASE_URL", "add_handout_command", "run_handout"]

#: Where ``fascialines serve`` answers by default: the QR code's address unless told another.
DEFAULT_BASE_URL = "http://127.0.0.1:8050"


def add_handout_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    data_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``handout`` to the command line's subcommands."""
    handout = commands.add_parser(
        "handout", help="write a one-page client handout of a trace (HTML, or PDF with Chromium)"
    )
    handout.add_argument("symptom", help="a symptom id, name or alias, e.g. 'sore heel'")
    handout.add_argument("--side", choices=["left", "right", "both"], default="both")
    handout.add_argument("--hops", type=int, default=4, metavar="N", help="longest path (4)")
    handout.add_argument(
        "--focus", type=int, metavar="N", help="emphasise place number N on the chart"
    )
    handout.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"the app's address, for the QR code and the printed link ({DEFAULT_BASE_URL})",
    )
    handout.add_argument(
        "--paper",
        choices=["a4", "letter"],
        help="fix the paper size (a PDF is A4 unless told; the HTML leaves it to the printer)",
    )
    handout.add_argument(
        "--figure",
        choices=["male", "female"],
        default="male",
        help="the body drawn, as the app's figure choice (male)",
    )
    handout.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.html or FILE.pdf"
    )
    data_option(handout)


def _fail(message: str, code: int) -> int:
    print(f"fascialines: {message}", file=sys.stderr)
    return code


def run_handout(args: argparse.Namespace) -> int:
    """Run ``fascialines handout``; return the exit code."""
    # The chart's geometry comes with the web package (dash, plotly): imported here, so the
    # other commands start without it.
    from fascialines.handout import build_handout
    from fascialines.handout.page import Paper
    from fascialines.handout.pdf import PdfUnavailable, write_pdf
    from fascialines.web.state import ViewState, to_query

    if not 1 <= args.hops <= MAX_HOPS:
        return _fail(f"error: --hops must be between 1 and {MAX_HOPS}, not {args.hops}", 2)
    if not args.base_url.startswith(("http://", "https://")):
        return _fail("error: --base-url must start with http:// or https://", 2)
    as_pdf = args.output.suffix.lower() == ".pdf"
    try:
        atlas = load_atlas(args.data)
    except AtlasError as error:
        return _fail(str(error), 1)
    try:
        result = trace(build_graph(atlas), args.symptom, side=args.side, max_hops=args.hops)
    except UnknownSymptom as unknown:
        return _fail(unknown.sentence(), 2)
    state = ViewState(
        symptom=result.symptom.id if result.symptom else None,
        side=args.side,
        hops=args.hops,
        focus=args.focus,
        # The QR code is for the client: it opens the simple client view of the trace.
        view="client",
    )
    link = args.base_url.rstrip("/") + "/" + to_query(atlas, state)
    # argparse's choices hold --paper to a4 or letter.
    paper: Paper | None = args.paper or ("a4" if as_pdf else None)
    try:
        page = build_handout(result, link=link, focus=args.focus, paper=paper, figure=args.figure)
    except ValueError as error:
        return _fail(f"error: --focus: {error}", 2)
    try:
        if as_pdf:
            write_pdf(page, args.output)
        else:
            args.output.write_text(page, encoding="utf-8")
    except PdfUnavailable as error:
        return _fail(str(error), 1)
    except OSError as error:
        return _fail(f"cannot write {error.filename or args.output}: {error.strerror}", 1)
    places = min(3, len(result.candidates))
    print(
        f"wrote {args.output} ({result.symptom.name if result.symptom else 'trace'}, "
        f"{places} places)"
    )
    return 0
