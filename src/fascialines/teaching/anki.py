"""An Anki deck of a quiz, for spaced repetition at home.

One note per question, one card per note: the front holds the question and its lettered
choices, the back the right answer, the explanation and the full citations of its sources.
Built with `genanki <https://pypi.org/project/genanki/>`_, which writes the ``.apkg`` package
(a zip holding an SQLite collection) that Anki imports. genanki is the optional ``quiz`` extra:
only this export needs it.
"""

from __future__ import annotations

import hashlib
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from fascialines.atlas import Atlas
from fascialines.teaching.quiz import Question, QuestionSet

if TYPE_CHECKING:
    import genanki  # type: ignore[import-untyped]  # genanki ships no type hints

__all__ = ["AnkiUnavailable", "build_deck", "deck_bytes", "deck_id", "write_deck"]

#: Anki identifies a note type by a number; a fixed one lets a second deck reuse the first's.
MODEL_ID = 1_733_014_014

_CSS = """
.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.4;
        color: #1a1a1a; background: #ffffff; text-align: left; }
ol.choices { list-style: none; padding-left: 0; }
ol.choices li { margin: 0.3em 0; }
.answer { font-weight: bold; }
.sources { font-size: 14px; color: #444444; }
"""


class AnkiUnavailable(RuntimeError):
    """genanki is not installed: the deck needs the ``quiz`` extra."""


def deck_id(seed: int) -> int:
    """A stable deck id per seed, so importing the same quiz twice updates one deck."""
    digest = hashlib.sha256(f"fascialines-quiz-{seed}".encode()).digest()
    # Anki stores ids as signed 64-bit integers; 62 bits stay clear of the sign.
    return int.from_bytes(digest[:8], "big") >> 2


def _front(question: Question) -> str:
    choices = "".join(
        f"<li><b>{choice.key}</b>. {escape(choice.text)}</li>" for choice in question.choices
    )
    return f"<p>{escape(question.text)}</p><ol class='choices'>{choices}</ol>"


def _back(question: Question, atlas: Atlas) -> str:
    right = question.right_choice
    citations = "".join(
        f"<li>{escape(atlas.source(source).citation)}</li>" for source in question.sources
    )
    return (
        f"<p class='answer'>{right.key}. {escape(right.text)}</p>"
        f"<p>{escape(question.explanation)} [{escape(', '.join(question.sources))}]</p>"
        f"<ul class='sources'>{citations}</ul>"
    )


def build_deck(quiz: QuestionSet, atlas: Atlas) -> genanki.Package:
    """Build the Anki package of a quiz.

    Parameters
    ----------
    quiz : QuestionSet
    atlas : Atlas
        The atlas the quiz was drawn from, for the sources' full citations.

    Returns
    -------
    genanki.Package
        One deck named after the seed, one note and one card per question.

    Raises
    ------
    AnkiUnavailable
        If genanki is not installed.
    """
    try:
        import genanki  # type: ignore[import-untyped]
    except ImportError:
        raise AnkiUnavailable(
            "the Anki export needs genanki: install fascialines[quiz] (pip install genanki)"
        ) from None
    model = genanki.Model(
        MODEL_ID,
        "fascialines quiz question",
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Number"}],
        templates=[
            {
                "name": "Question and answer",
                "qfmt": "{{Question}}",
                "afmt": "{{FrontSide}}<hr id='answer'>{{Answer}}",
            }
        ],
        css=_CSS,
    )
    deck = genanki.Deck(deck_id(quiz.seed), f"fascialines quiz (seed {quiz.seed})")
    for question in quiz.questions:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_front(question), _back(question, atlas), str(question.number)],
                # The same question from the same seed updates its note on a second import.
                guid=genanki.guid_for(quiz.seed, question.number, question.text),
            )
        )
    return genanki.Package(deck)


def write_deck(quiz: QuestionSet, atlas: Atlas, path: str | Path) -> Path:
    """Write the Anki package of a quiz to ``path`` (an ``.apkg`` file) and return the path.

    Raises
    ------
    AnkiUnavailable
        If genanki is not installed.
    OSError
        If the file cannot be written.
    """
    path = Path(path)
    build_deck(quiz, atlas).write_to_file(str(path))
    return path


def deck_bytes(quiz: QuestionSet, atlas: Atlas) -> bytes:
    """The Anki package of a quiz as bytes, for a download from the app.

    genanki writes only to a file, so this writes one in a temporary folder and reads it back.

    Raises
    ------
    AnkiUnavailable
        If genanki is not installed.
    """
    with tempfile.TemporaryDirectory(prefix="fascialines-deck-") as folder:
        return write_deck(quiz, atlas, Path(folder) / "quiz.apkg").read_bytes()
