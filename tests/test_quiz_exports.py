"""The quiz's take-home forms: the Anki package, the worksheet, and ``fascialines quiz``."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching import QuestionSet, generate_quiz
from fascialines.teaching.anki import AnkiUnavailable, deck_bytes, deck_id, write_deck
from fascialines.teaching.worksheet import render_worksheet
from quiz_strategies import NOTE_MARK, teaching_atlases, with_editor_notes

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Page(HTMLParser):
    """Collects the text of each section and checks that every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.sections: dict[str, str] = {}
        self.section: str | None = None
        self.attributes: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [f"{name}={value}" for name, value in attrs]
        if tag == "section":
            self.section = dict(attrs).get("class")
            self.sections[self.section or ""] = ""
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"
        if tag == "section":
            self.section = None

    def handle_data(self, data: str) -> None:
        if self.section is not None:
            self.sections[self.section] += data


def parse(document: str) -> Page:
    page = Page()
    page.feed(document)
    page.close()
    assert page.open == [], f"left open: {page.open}"
    return page


def cards_in(path: Path, tmp_path: Path) -> tuple[int, int, list[str]]:
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        cards = collection.execute("select count(*) from cards").fetchone()[0]
        notes = collection.execute("select count(*) from notes").fetchone()[0]
        fields = [row[0] for row in collection.execute("select flds from notes")]
    return cards, notes, fields


def check_worksheet(quiz: QuestionSet, atlas: Atlas) -> None:
    document = render_worksheet(quiz, atlas)
    assert document.startswith("<!DOCTYPE html>")
    page = parse(document)
    questions, key = page.sections["questions"], page.sections["key"]
    for q in quiz.questions:
        assert q.text in questions
        assert all(choice.text in questions for choice in q.choices)
        assert q.explanation in key and q.right_choice.text in key
        assert all(atlas.source(source).citation in key for source in q.sources)
    # Nothing to fetch: no script, image or stylesheet link, no address anywhere.
    assert not {"script", "img", "link", "iframe", "object"} & set(page.tags)
    assert "http" not in document and "//" not in document
    assert not any(a.startswith(("src=", "href=")) for a in page.attributes)
    assert "break-before: page" in document  # the key prints on a page of its own
    assert NOTE_MARK not in document


def test_the_deck_has_one_card_per_question(tmp_path: Path) -> None:
    atlas = shipped_with_notes()
    quiz = generate_quiz(atlas, seed=21, count=12)
    cards, notes, fields = cards_in(write_deck(quiz, atlas, tmp_path / "q.apkg"), tmp_path)
    assert cards == notes == len(quiz.questions) == 12
    by_number = {int(note.split("\x1f")[2]): note.split("\x1f") for note in fields}
    for q in quiz.questions:
        front, back, _ = by_number[q.number]
        assert escape(q.text) in front and all(escape(c.text) in front for c in q.choices)
        assert f"{q.answer}. {escape(q.right_choice.text)}" in back
        assert all(escape(atlas.source(s).citation) in back for s in q.sources)
        assert NOTE_MARK not in front + back


def test_the_deck_as_bytes_is_the_same_package(tmp_path: Path) -> None:
    atlas = load_atlas()
    quiz = generate_quiz(atlas, seed=4, count=5)
    package = tmp_path / "download.apkg"
    package.write_bytes(deck_bytes(quiz, atlas))
    assert cards_in(package, tmp_path)[0] == len(quiz.questions)


def test_the_deck_id_is_stable_per_seed_and_fits_anki() -> None:
    assert deck_id(5) == deck_id(5) != deck_id(6)
    assert all(0 < deck_id(seed) < 2**63 for seed in (-1, 0, 2**70))


def test_without_genanki_the_deck_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "genanki", None)  # makes `import genanki` fail
    atlas = load_atlas()
    with pytest.raises(AnkiUnavailable, match=r"fascialines\[quiz\]"):
        write_deck(generate_quiz(atlas, 1, 2), atlas, tmp_path / "q.apkg")


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(), count=st.integers(min_value=1, max_value=40))
def test_the_worksheet_holds_every_question_and_its_answer(seed: int, count: int) -> None:
    atlas = shipped_with_notes()
    check_worksheet(generate_quiz(atlas, seed, count), atlas)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(atlas=teaching_atlases(), seed=st.integers())
def test_the_worksheet_of_a_generated_atlas_holds_every_question(atlas: Atlas, seed: int) -> None:
    check_worksheet(generate_quiz(atlas, seed, 15), atlas)


_SHIPPED: list[Atlas] = []


def shipped_with_notes() -> Atlas:
    if not _SHIPPED:
        _SHIPPED.append(with_editor_notes(load_atlas()))
    return _SHIPPED[0]


# The command line, as a teacher runs it ---------------------------------------------------


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fascialines", "quiz", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_quiz_command_writes_the_deck_and_the_worksheet(tmp_path: Path) -> None:
    deck, sheet = tmp_path / "class.apkg", tmp_path / "class.html"
    done = run("--seed", "42", "--count", "7", "--anki", deck, "--worksheet", sheet)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert f"wrote {deck}" in done.stdout and f"wrote {sheet}" in done.stdout
    cards, _, _ = cards_in(deck, tmp_path)
    quiz = generate_quiz(load_atlas(), 42, 7)
    assert cards == len(quiz.questions) == 7
    assert sheet.read_text(encoding="utf-8") == render_worksheet(quiz, load_atlas())


def test_quiz_command_json_is_the_question_set_and_repeats_for_a_seed() -> None:
    first, second = (
        run("--seed", "9", "--count", "4", "--json"),
        run("--seed", "9", "--json", "--count", "4"),
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert QuestionSet.model_validate(json.loads(first.stdout)) == generate_quiz(load_atlas(), 9, 4)


def test_quiz_command_prints_questions_then_answers() -> None:
    done = run("--seed", "3", "--count", "3")
    assert done.returncode == 0, done.stderr
    quiz = generate_quiz(load_atlas(), 3, 3)
    questions, answers = done.stdout.split("\nAnswers\n")
    assert all(f"{q.number}. {q.text}" in questions for q in quiz.questions)
    assert all(f"{q.number}. {q.answer} (" in answers for q in quiz.questions)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--count", "0"), 2, "--count must be between 1 and"),
        (("--seed", "x"), 2, "invalid int value"),
        (("--anki", "/no/such/folder/q.apkg"), 1, "cannot write"),
        (("--worksheet", "/no/such/folder/q.html"), 1, "cannot write"),
    ],
)
def test_quiz_command_errors_are_one_sentence(args: tuple[str, ...], code: int, words: str) -> None:
    done = run(*args)
    assert done.returncode == code
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert done.stdout == ""


def test_quiz_command_reports_a_broken_atlas(tmp_path: Path) -> None:
    broken = tmp_path / "lines.json"
    broken.write_text("{", encoding="utf-8")
    done = run("--seed", "1", "--data", broken)
    assert done.returncode == 1 and "invalid JSON" in done.stderr and "Traceback" not in done.stderr


def test_quiz_is_listed_in_the_command_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fascialines", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "quiz" in done.stdout
