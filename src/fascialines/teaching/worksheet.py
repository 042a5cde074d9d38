"""A printable worksheet of a quiz: the questions, then the answer key on a page of its own.

One self-contained HTML file: the styles are inline, there is no script, no image and no
external address, so it opens offline and prints the same everywhere. The answer key starts on
a new page, so a teacher can hand out the questions and keep the key.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from fascialines.atlas import Atlas
from fascialines.explain import DISCLAIMER
from fascialines.teaching.quiz import Question, QuestionSet

__all__ = ["render_worksheet", "write_worksheet"]

_CSS = """
body { font-family: Georgia, 'Times New Roman', serif; color: #111; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
.meta, .note { color: #333; font-size: 0.95em; }
ol.questions > li { margin: 1.1em 0; break-inside: avoid; page-break-inside: avoid; }
ol.choices { list-style: none; padding-left: 1.2em; }
ol.choices li::before { content: "\\2610\\00a0"; }
section.key { break-before: page; page-break-before: always; }
ol.key li { margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
.sources { font-size: 0.9em; }
@page { margin: 16mm; }
@media print { body { margin: 0; max-width: none; } }
"""


def _question(question: Question) -> str:
    choices = "".join(
        f"<li><b>{choice.key}</b>. {escape(choice.text)}</li>" for choice in question.choices
    )
    return f"<li><p>{escape(question.text)}</p><ol class='choices'>{choices}</ol></li>"


def _key(question: Question) -> str:
    right = question.right_choice
    return (
        f"<li><b>{right.key}</b>. {escape(right.text)}<br>"
        f"{escape(question.explanation)} [{escape(', '.join(question.sources))}]</li>"
    )


def render_worksheet(quiz: QuestionSet, atlas: Atlas) -> str:
    """The worksheet of a quiz as one HTML document.

    Parameters
    ----------
    quiz : QuestionSet
    atlas : Atlas
        The atlas the quiz was drawn from, for the full citation of every source cited.

    Returns
    -------
    str
        A complete HTML5 document: the questions with their lettered choices, then the answer
        key (letter, answer, explanation, source ids) and the cited sources in full.
    """
    cited = sorted({source for question in quiz.questions for source in question.sources})
    sources = "".join(
        f"<li><b>{escape(source)}</b>: {escape(atlas.source(source).citation)}</li>"
        for source in cited
    )
    title = f"fascialines quiz, seed {quiz.seed}"
    return (
        "<!DOCTYPE html>\n"
        "<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{escape(title)}</h1>"
        f"<p class='meta'>{len(quiz.questions)} questions from {escape(quiz.atlas_title)}. "
        "Tick one answer per question.</p></header>"
        "<main><section class='questions'><h2>Questions</h2><ol class='questions'>"
        + "".join(_question(question) for question in quiz.questions)
        + "</ol></section><section class='key'><h2>Answer key</h2><ol class='key'>"
        + "".join(_key(question) for question in quiz.questions)
        + f"</ol><h3>Sources</h3><ul class='sources'>{sources}</ul></section></main>"
        f"<footer><p class='note'>{escape(DISCLAIMER)}</p></footer></body></html>\n"
    )


def write_worksheet(quiz: QuestionSet, atlas: Atlas, path: str | Path) -> Path:
    """Write :func:`render_worksheet` to ``path`` as UTF-8 and return the path.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    path = Path(path)
    path.write_text(render_worksheet(quiz, atlas), encoding="utf-8")
    return path
