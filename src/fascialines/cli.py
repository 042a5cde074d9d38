"""The ``fascialines`` command line: trace, lines, symptoms, validate, schema, docs, serve, quiz,
handout.

Every error a person can meet (an unknown symptom, a bad option, a broken atlas) ends in a
sentence and an exit code, never a traceback: 0 for success, 1 for a bad atlas or a missing
piece, 2 for a bad command line or an unknown symptom. The ``--json`` shapes are a stable
contract documented in the README.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from fascialines.atlas import (
    Atlas,
    AtlasError,
    atlas_json_schema,
    default_atlas_path,
    load_atlas,
)
from fascialines.evidence import Evidence
from fascialines.explain import DISCLAIMER
from fascialines.graph import RegionRef, build_graph
from fascialines.handout.command import add_handout_command, run_handout
from fascialines.serialize import lines_to_json, symptoms_to_json, trace_to_json
from fascialines.teaching.command import add_quiz_command, run_quiz
from fascialines.tracing import RULE, Candidate, Trace, UnknownSymptom, trace

__all__ = ["build_parser", "main", "trace_to_json"]


class _Exit(Exception):
    """Stop with a message and an exit code (caught in :func:`main`)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    # One line on stderr and exit 2, instead of argparse's usage block.
    def error(self, message: str) -> NoReturn:
        raise _Exit(f"{self.prog}: error: {message} (see --help)", 2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``fascialines`` command."""
    parser = _Parser(
        prog="fascialines",
        description="Myofascial lines and referred pain, with the evidence behind every link. "
        "For education, not diagnosis.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def data_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--data", type=Path, metavar="PATH", help="an atlas file (default: the packaged one)"
        )

    run = commands.add_parser("trace", help="rank the candidate sources of a symptom")
    run.add_argument("symptom", help="a symptom id, name or alias, e.g. 'tension headache'")
    run.add_argument("--side", choices=["left", "right", "both"], default="both")
    run.add_argument("--max-hops", type=int, default=4, metavar="N")
    run.add_argument(
        "--lines", metavar="SBL,LL", help="only these lines (ids or abbreviations, any case)"
    )
    run.add_argument(
        "--min-evidence",
        choices=[grade.value for grade in Evidence.strongest_first()],
        default="not-found",
        metavar="GRADE",
    )
    run.add_argument("--top", type=int, default=10, metavar="K", help="show the best K (10)")
    run.add_argument("--json", action="store_true", help="print the stable JSON shape")
    data_option(run)

    lines = commands.add_parser("lines", help="list the myofascial lines")
    lines.add_argument("--json", action="store_true")
    data_option(lines)

    symptoms = commands.add_parser("symptoms", help="list the symptoms and their aliases")
    symptoms.add_argument("--json", action="store_true")
    data_option(symptoms)

    validate = commands.add_parser("validate", help="check an atlas file, listing every problem")
    validate.add_argument("path", nargs="?", type=Path, help="default: the packaged atlas")

    commands.add_parser("schema", help="print the JSON Schema of the atlas format")

    docs = commands.add_parser("docs", help="print the atlas reference tables as markdown")
    docs.add_argument("--out", type=Path, metavar="PATH", help="write them to this file")
    data_option(docs)

    serve = commands.add_parser(
        "serve", help="start the web app (waitress; 127.0.0.1 serves this machine only)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument(
        "--workers", type=int, default=1, metavar="N", help="processes, Unix only (1)"
    )
    serve.add_argument("--threads", type=int, default=4, metavar="N", help="threads each (4)")
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log each request's method, path and status (never the query string)",
    )
    serve.add_argument(
        "--debug", action="store_true", help="Dash's development server, for this machine only"
    )
    serve.add_argument(
        "--i-know-debug-is-unsafe",
        dest="debug_anywhere",
        action="store_true",
        help="let --debug listen beyond this machine (its debugger runs code sent to it)",
    )
    serve.add_argument(
        "--data",
        type=Path,
        metavar="PATH",
        help="an atlas file (default: $FASCIALINES_DATA, else the packaged one)",
    )

    add_quiz_command(commands, data_option)
    add_handout_command(commands, data_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
        handler = {
            "trace": _trace,
            "lines": _lines,
            "symptoms": _symptoms,
            "validate": _validate,
            "schema": _schema,
            "docs": _docs,
            "serve": _serve,
            "quiz": run_quiz,
            "handout": run_handout,
        }[args.command]
        return handler(args)
    except _Exit as stop:
        print(stop, file=sys.stderr)
        return stop.code
    except BrokenPipeError:
        # A reader such as `head` went away: not an error worth a traceback.
        sys.stderr.close()
        return 0


def _load(path: str | Path | None) -> Atlas:
    try:
        return load_atlas(path)
    except AtlasError as error:
        raise _Exit(str(error), 1) from None


def _print_json(value: Any) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


# trace ------------------------------------------------------------------------------------


def _trace(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise _Exit("fascialines: error: --top must be at least 1", 2)
    atlas = _load(args.data)
    lines = args.lines.split(",") if args.lines is not None else None
    try:
        result = trace(
            build_graph(atlas),
            args.symptom,
            side=args.side,
            max_hops=args.max_hops,
            lines=lines,
            min_evidence=args.min_evidence,
        )
    except UnknownSymptom as unknown:
        hint = "" if unknown.suggestions else " Run `fascialines symptoms` to list them."
        raise _Exit(f"fascialines: {unknown.sentence()}{hint}", 2) from None
    except ValueError as error:
        raise _Exit(f"fascialines: error: {error}", 2) from None
    if args.json:
        _print_json(trace_to_json(result, top=args.top))
    else:
        print(_trace_text(atlas, result, args.top))
    return 0


def _label(region: RegionRef) -> str:
    return region.name if region.side == "midline" else f"{region.name} ({region.side})"


def _path_words(atlas: Atlas, candidate: Candidate) -> str:
    """The candidate's closest link: the one its reasons name."""
    by_pattern = candidate.reasons is not None and candidate.reasons.via == "trigger-point"
    if candidate.paths and not by_pattern:
        path = candidate.paths[0]
        sources = sorted({s for step in path.steps for s in step.sources})
        route = " → ".join(_label(region) for region in path.regions)
        return f"{route} along {atlas.line(path.line).abbreviation} [{', '.join(sources)}]"
    link = candidate.trigger_points[0]
    return (
        f"trigger point: {_label(link.muscle)} refers to {_label(link.refers_to)} "
        f"({link.zone} zone) [{', '.join(link.sources)}]"
    )


def _trace_text(atlas: Atlas, result: Trace, top: int) -> str:
    assert result.symptom is not None
    options = result.options
    chosen = (
        ", ".join(sorted(atlas.line(line).abbreviation for line in options.lines))
        if options.lines is not None
        else "all lines"
    )
    out = [f"{result.symptom.name}: felt at {', '.join(_label(r) for r in result.felt_at)}"]
    if result.match is not None and result.match.note:
        out.append(f"Note: {result.match.note}")
    out += [
        f"side {options.side}, up to {options.max_hops} steps, {chosen}, "
        f"evidence at least {options.min_evidence}",
        f"Ranking: {RULE}",
        "",
    ]
    shown = result.candidates[:top]
    if not shown:
        out.append("No candidate source within these limits: try more hops or fewer filters.")
    else:
        header = ("rank", "candidate source", "sides", "mechanisms", "lines", "why", "path")
        rows = [
            (
                str(c.rank),
                c.region.name,
                ",".join(c.sides),
                "+".join(c.mechanisms),
                ",".join(atlas.line(line).abbreviation for line in c.lines) or "-",
                c.reasons.text if c.reasons else "-",
                _path_words(atlas, c),
            )
            for c in shown
        ]
        widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]
        for row in (header, *rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            out.append("  ".join([*cells, row[-1]]).rstrip())
        if len(result.candidates) > top:
            out.append(f"... {len(result.candidates) - top} more (use --top)")
        if any(c.trigger_points for c in shown):
            out += ["", "Trigger-point links are a separate, contested mechanism:"]
            out += [f"  - {caveat.text}" for caveat in atlas.trigger_point_caveats]
        cited = sorted(
            {s for c in shown for p in c.paths for step in p.steps for s in step.sources}
            | {s for c in shown for link in c.trigger_points for s in link.sources}
        )
        out += ["", "Sources:"]
        out += [f"  {source}: {atlas.source(source).citation}" for source in cited]
    if result.red_flags:
        out += ["", "Red flags: see a doctor rather than a bodyworker if"]
        out += [f"  - {flag.text} {flag.action}" for flag in result.red_flags]
    out += ["", DISCLAIMER]
    return "\n".join(out)


# lines, symptoms ------------------------------------------------------------------------


def _lines(args: argparse.Namespace) -> int:
    atlas = _load(args.data)
    if args.json:
        _print_json(lines_to_json(atlas))
        return 0
    for line in atlas.lines:
        crossing = ", crosses the midline" if line.midline_crossings else ""
        print(f"{line.abbreviation:<5} {line.name} (evidence: {line.evidence.grade}{crossing})")
        print("      " + " → ".join(atlas.region(region).name for region in line.stations))
    return 0


def _symptoms(args: argparse.Namespace) -> int:
    atlas = _load(args.data)
    if args.json:
        _print_json(symptoms_to_json(atlas))
        return 0
    for symptom in atlas.symptoms:
        aliases = f" (also: {', '.join(symptom.aliases)})" if symptom.aliases else ""
        print(f"{symptom.id}: {symptom.name}{aliases}")
    return 0


# validate, schema, docs, serve --------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    path = args.path if args.path is not None else default_atlas_path()
    try:
        atlas = load_atlas(path)
    except AtlasError as error:
        print(f"invalid: {error}")
        return 1
    print(
        f"valid: {len(atlas.regions)} regions, {len(atlas.lines)} lines, "
        f"{len(atlas.referral_patterns)} referral patterns, {len(atlas.symptoms)} symptoms, "
        f"{len(atlas.sources)} sources ({path})"
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    _print_json(atlas_json_schema())
    return 0


def _docs(args: argparse.Namespace) -> int:
    try:
        from fascialines.reference import render_reference
    except ImportError:
        raise _Exit("fascialines: the reference generator is not part of this install", 1) from None
    markdown = render_reference(_load(args.data))
    if args.out is None:
        print(markdown, end="" if markdown.endswith("\n") else "\n")
        return 0
    try:
        args.out.write_text(markdown, encoding="utf-8")
    except OSError as error:
        raise _Exit(f"fascialines: cannot write {args.out}: {error.strerror}", 1) from None
    print(f"wrote {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from fascialines.serving import ServerOptions, atlas_path_from, is_loopback, serve

    if not 0 < args.port < 65536:
        raise _Exit(f"fascialines: error: --port must be between 1 and 65535, not {args.port}", 2)
    for option, value, top in (("--workers", args.workers, 64), ("--threads", args.threads, 256)):
        if not 1 <= value <= top:
            raise _Exit(f"fascialines: error: {option} must be from 1 to {top}, not {value}", 2)
    if args.debug and not is_loopback(args.host) and not args.debug_anywhere:
        raise _Exit(
            f"fascialines: error: --debug runs a development server whose debugger executes "
            f"code sent to it; it serves 127.0.0.1 only, not {args.host}. Drop --debug, or add "
            "--i-know-debug-is-unsafe on a network you trust.",
            2,
        )
    atlas = _load(atlas_path_from(args.data))
    try:
        from fascialines.web.app import create_app
    except ImportError as error:
        raise _Exit(f"fascialines: the web app cannot start: {error}", 1) from None
    app = create_app(atlas)
    if args.debug:
        if not args.access_log:
            # Werkzeug logs every request line, query string (what hurts) and address included.
            logging.getLogger("werkzeug").setLevel(logging.WARNING)
            print(f"fascialines (debug) on http://{args.host}:{args.port}/", file=sys.stderr)
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    options = ServerOptions(
        host=args.host,
        port=args.port,
        workers=args.workers,
        threads=args.threads,
        access_log=args.access_log,
    )
    try:
        serve(app.server, options)
    except ImportError as error:
        raise _Exit(f"fascialines: the web server cannot start: {error}", 1) from None
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise _Exit(f"fascialines: cannot serve on {args.host}:{args.port}: {reason}", 1) from None
    return 0
