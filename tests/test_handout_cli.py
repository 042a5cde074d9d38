"""``fascialines handout`` as a user meets it: a subprocess, the file it writes, its errors.

The PDF checks run where Debian's Chromium is installed (they skip with the reason elsewhere):
the page count is read from the PDF itself, one ``/Type /Page`` object per page, and the paper
size from its ``MediaBox`` in points.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fascialines.chromium import CHROMIUM
from fascialines.cli import main
from fascialines.handout import pdf

#: PDF points (1/72 inch) of each paper, portrait.
PAPER_POINTS = {"a4": (595.0, 842.0), "letter": (612.0, 792.0)}
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fascialines", "handout", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
    )


def assert_one_line_error(done: subprocess.CompletedProcess[str], code: int) -> None:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def pages(pdf_bytes: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf_bytes))


def media_box(pdf_bytes: bytes) -> tuple[float, float]:
    found = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf_bytes)
    assert found, "the PDF states its page size"
    return float(found.group(1)), float(found.group(2))


def test_it_writes_the_html_handout_with_the_link_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "heel.html"
    done = run(
        "sore heel", "--side", "left", "--focus", "2", "--base-url", "http://clinic:8050", "-o", out
    )
    assert done.returncode == 0, done.stderr
    assert f"wrote {out}" in done.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Heel pain" in page
    # The printed link is the app's address of the same trace, in the client view.
    assert (
        "http://clinic:8050/?symptom=plantar-fasciitis&amp;side=left&amp;focus=2&amp;view=client"
        in page
    )


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["xyzzy"], 2, "No symptom"),
        (["headache", "--hops", "0"], 2, "--hops"),
        (["headache", "--focus", "999"], 2, "no place number 999"),
        (["headache", "--base-url", "ftp://x"], 2, "--base-url"),
        (["headache", "--side", "up"], 2, "side"),
    ],
)
def test_a_bad_request_is_one_sentence(
    tmp_path: Path, args: list[str], code: int, says: str
) -> None:
    done = run(*args, "-o", tmp_path / "x.html")
    assert_one_line_error(done, code)
    assert says in done.stderr
    assert not (tmp_path / "x.html").exists()


def test_an_unwritable_file_is_one_sentence(tmp_path: Path) -> None:
    done = run("headache", "-o", tmp_path / "missing-folder" / "x.html")
    assert_one_line_error(done, 1)
    assert "cannot write" in done.stderr


def test_without_chromium_a_pdf_is_refused_in_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf, "CHROMIUM", str(tmp_path / "no-chromium"))
    code = main(["handout", "headache", "-o", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 1
    assert "no Chromium" in err and "print it from a browser" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


@needs_chromium
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_is_exactly_one_page_of_the_paper_asked_for(tmp_path: Path, paper: str) -> None:
    out = tmp_path / f"handout-{paper}.pdf"
    # Low back pain lists seven red flags and long self-care: one of the longest handouts.
    done = run("low back pain", "--side", "both", "--paper", paper, "-o", out)
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages(data) == 1
    width, height = media_box(data)
    expected = PAPER_POINTS[paper]
    assert abs(width - expected[0]) < 2 and abs(height - expected[1]) < 2
