"""A QR code of the live view's link, as an inline SVG element (segno, no image file)."""

from __future__ import annotations

from html import escape

import segno

__all__ = ["qr_svg"]


def qr_svg(url: str, *, label: str = "QR code of the link to this view in the app") -> str:
    """An ``<svg>`` QR code that encodes ``url``, scaling to its box.

    Parameters
    ----------
    url : str
        The text to encode: the address of the live view.
    label : str
        Its accessible name.

    Returns
    -------
    str
        One ``<svg role="img">`` element with a ``viewBox`` and no width or height, dark
        modules in black on white, with a quiet zone of two modules (enough on paper beside
        white space; the standard's four is for busy backgrounds).

    Notes
    -----
    Error correction level M (segno's default choice): a printed code still reads with 15 %
    of it smudged or folded.

    Examples
    --------
    >>> qr_svg("http://127.0.0.1:8050/?symptom=headache").startswith("<svg role=")
    True
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", lineclass=None)
    named = f'<svg role="img" aria-label="{escape(label)}"'
    return named + svg.removeprefix("<svg")
