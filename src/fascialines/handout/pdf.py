"""Print a handout page to a PDF with the system's headless Chromium, where there is one.

Chromium prints the page exactly as a person's browser does ("Print", "Save as PDF"), with the
page's own print styles, so the PDF and a printed sheet agree; no PDF library is needed.
WeasyPrint would do it without a browser, but it needs Pango and other system libraries, and
it lays out grids and multi-column text differently from the browsers the page is printed
from: one renderer for the screen, the print and the PDF keeps "one page" true for all three.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from fascialines.chromium import CHROMIUM, CHROMIUM_ARGS

__all__ = ["PdfUnavailable", "write_pdf"]

#: A cold Chromium start on a busy two-core machine took about 6 s here; leave room.
TIMEOUT_SECONDS = 120


class PdfUnavailable(RuntimeError):
    """No PDF could be made; ``str()`` is one sentence saying why and what to do instead."""


def write_pdf(page: str, path: Path, *, chromium: str | None = None) -> Path:
    """Print an HTML page to ``path`` as a PDF with headless Chromium.

    Parameters
    ----------
    page : str
        A self-contained HTML document (it is printed from a temporary file, offline).
    path : Path
        Where to write the PDF.
    chromium : str, optional
        The browser to run; by default :data:`fascialines.chromium.CHROMIUM` (Debian's).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    PdfUnavailable
        If Chromium is missing, fails or times out.

    Notes
    -----
    The paper size is the page's own ``@page`` size; without one Chromium uses Letter.
    """
    chromium = chromium or CHROMIUM
    if not Path(chromium).is_file():
        raise PdfUnavailable(
            f"no Chromium at {chromium} to make a PDF: install it (apt-get install chromium), "
            "or write the HTML and print it from a browser (Print, then Save as PDF)"
        )
    target = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="fascialines-pdf-") as work:
        source = Path(work) / "handout.html"
        source.write_text(page, encoding="utf-8")
        command = [
            chromium,
            *CHROMIUM_ARGS,
            "--headless",
            f"--user-data-dir={Path(work) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                f"Chromium did not finish the PDF within {TIMEOUT_SECONDS} s: try again, or "
                "print the HTML from a browser"
            ) from None
    if done.returncode != 0 or not target.is_file():
        raise PdfUnavailable(
            f"Chromium could not make the PDF (exit code {done.returncode}): print the HTML "
            "from a browser instead"
        )
    return target
