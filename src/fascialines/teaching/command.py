"""The ``fascialines quiz`` subcommand: a quiz as text or JSON, an Anki deck, a worksheet.

Registered by :mod:`fascialines.cli` through :func:`add_quiz_command`; errors end in one
sentence on stderr and the command line's exit codes (1 for a bad atlas or a file that cannot
be written, 2 for a bad option), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

from fascialines.atlas import AtlasError, load_atlas
from fascialines.teaching.anki import AnkiUnavailable, write_deck
from fascialines.teaching.quiz import MAX_COUNT, QuestionSet, generate_quiz
from fascialines.teaching.worksheet import write_worksheet

__all__ = ["add_quiz_command", "quiz_text", "run_quiz"]


def add_quiz_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    data_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``quiz`` to the command line's subcommands."""
    quiz = commands.add_parser(
        "quiz", help="draw a quiz from the atlas; export it as an Anki deck or a worksheet"
    )
    quiz.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="the same seed gives the same questions (default: a random one, printed)",
    )
    quiz.add_argument("--count", type=int, default=10, metavar="K", help="questions (10)")
    quiz.add_argument("--anki", type=Path, metavar="FILE", help="write an Anki deck (.apkg)")
    quiz.add_argument(
        "--worksheet", type=Path, metavar="FILE", help="write a printable worksheet (.html)"
    )
    quiz.add_argument("--json", action="store_true", help="print the questions as JSON")
    data_option(quiz)


def quiz_text(quiz: QuestionSet) -> str:
    """The quiz as plain text: the questions, then the answers with their explanations."""
    out = [f"Quiz, seed {quiz.seed}: {len(quiz.questions)} questions", ""]
    for question in quiz.questions:
        out.append(f"{question.number}. {question.text}")
        out += [f"   {choice.key}. {choice.text}" for choice in question.choices]
        out.append("")
    out.append("Answers")
    for question in quiz.questions:
        right = question.right_choice
        out.append(
            f"{question.number}. {right.key} ({right.text}): {question.explanation} "
            f"[{', '.join(question.sources)}]"
        )
    return "\n".join(out)


def _fail(message: str, code: int) -> int:
    print(f"fascialines: {message}", file=sys.stderr)
    return code


def run_quiz(args: argparse.Namespace) -> int:
    """Run ``fascialines quiz``; return the exit code."""
    if not 1 <= args.count <= MAX_COUNT:
        return _fail(f"error: --count must be between 1 and {MAX_COUNT}, not {args.count}", 2)
    try:
        atlas = load_atlas(args.data)
    except AtlasError as error:
        return _fail(str(error), 1)
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    quiz = generate_quiz(atlas, seed, args.count)
    written = []
    try:
        if args.anki is not None:
            written.append(write_deck(quiz, atlas, args.anki))
        if args.worksheet is not None:
            written.append(write_worksheet(quiz, atlas, args.worksheet))
    except AnkiUnavailable as error:
        return _fail(str(error), 1)
    except OSError as error:
        return _fail(f"cannot write {error.filename}: {error.strerror}", 1)
    if args.json:
        print(json.dumps(quiz.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif not written:
        print(quiz_text(quiz))
    # With --json, stdout holds the JSON document only.
    report = sys.stderr if args.json else sys.stdout
    for path in written:
        print(f"wrote {path} ({len(quiz.questions)} questions, seed {seed})", file=report)
    return 0
