"""The therapist's handout: one printable page from a trace, for a client to take home.

:func:`build_handout` is the whole job: the text (:mod:`.content`), the body chart
(:mod:`.drawing`), a QR code of the live view (:mod:`.qr`) and the page (:mod:`.page`);
:mod:`.pdf` prints it to a PDF through headless Chromium where the machine has one. The CLI's
``fascialines handout`` (:mod:`.command`) and the app's ``/handout`` route use it.

>>> from fascialines import build_graph, load_atlas, trace
>>> graph = build_graph(load_atlas())
>>> page = build_handout(trace(graph, "headache", side="left"), link="http://127.0.0.1:8050/")
>>> page.startswith("<!DOCTYPE html>") and "Education, not a diagnosis" in page
True
"""

from __future__ import annotations

from fascialines.handout.content import Handout, handout_content, shown_candidates
from fascialines.handout.drawing import body_svg
from fascialines.handout.page import SCRIPT_HASH, Paper, content_security_policy, render
from fascialines.handout.qr import qr_svg
from fascialines.tracing import Trace
from fascialines.web.figure.geometry import BodyFigure

__all__ = [
    "SCRIPT_HASH",
    "Handout",
    "build_handout",
    "content_security_policy",
    "handout_content",
]


def build_handout(
    trace: Trace,
    *,
    link: str,
    focus: int | None = None,
    paper: Paper | None = None,
    figure: BodyFigure = "male",
) -> str:
    """The handout page of a trace, as one self-contained HTML document.

    Parameters
    ----------
    trace : Trace
        From :func:`fascialines.tracing.trace` (its atlas set).
    link : str
        The address of the same view in the app, encoded in the QR code and printed.
    focus : int, optional
        A candidate's rank to emphasise on the chart (listed too when it ranks below three).
    paper : {"a4", "letter"}, optional
        Fix the paper size, for a PDF; by default the printer chooses.
    figure : {"male", "female"}
        The body drawn, as the app's figure choice (``figure`` in the app's address).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``focus`` is not a rank of the trace, with a sentence saying so.
    """
    content = handout_content(trace, focus)
    atlas = trace.atlas
    assert atlas is not None  # handout_content has checked it
    candidates = shown_candidates(trace, focus)
    drawing = body_svg(
        trace,
        candidates,
        focus,
        figure=figure,
        label=f"Front and back of the body: where the {content.complaint.lower()} is felt "
        "(red) and the numbered places the model links to it, with the lines between them.",
    )
    return render(
        content,
        drawing,
        qr=qr_svg(link),
        link=link,
        colours={line.id: line.colour for line in atlas.lines},
        line_names={line.id: line.name for line in atlas.lines},
        paper=paper,
    )
