"""The handout as one self-contained HTML page that prints on one A4 or Letter sheet.

Everything is inside the file: the styles, the chart and the QR code (inline SVG), and one small
script for the "Download" and "Print" buttons. No address is fetched, so the page opens offline,
and its own Content-Security-Policy (a ``<meta>`` tag, repeated as a header by the app) allows
only that script and that style, by their hashes, and no connection at all: what a therapist
types in the page (a heading, a note) cannot leave it. "Download" saves the page as the browser
holds it, typed text included, through a ``Blob`` and an ``<a download>``; the saved file works
the same way offline.

Sizes are in millimetres and points, and the sheet is laid out for the smaller of A4 (210 x
297 mm) and Letter (215.9 x 279.4 mm), so it fits either; ``@page`` leaves the paper size to
the printer unless ``paper`` names one (the CLI's PDF).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from typing import Literal

from fascialines.handout.content import NO_PLACES, NOT_A_FINDING, PLACES, Handout, Place
from fascialines.handout.drawing import Drawing, key_swatch

__all__ = ["PAPERS", "SCRIPT", "SCRIPT_HASH", "content_security_policy", "render"]

Paper = Literal["a4", "letter"]
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}

#: The page's one script: the Download and Print buttons. Its hash is in the page's policy.
SCRIPT = """
(function () {
  "use strict";
  function download() {
    var page = "<!DOCTYPE html>\\n" + document.documentElement.outerHTML;
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([page], {type: "text/html"}));
    link.download = document.body.getAttribute("data-filename") || "handout.html";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  document.getElementById("handout-download").addEventListener("click", download);
  document.getElementById("handout-print").addEventListener("click", function () {
    window.print();
  });
})();
"""

_CSS = """
@page { size: portrait; margin: 8mm; }
* { box-sizing: border-box; }
html { background: #e9ecef; }
body { margin: 0; font: 7.4pt/1.24 system-ui, -apple-system, "Segoe UI", Roboto, Arial,
  sans-serif; color: #1d232a; }
.sheet { background: #fff; width: 194mm; margin: 6mm auto; padding: 0; }
@media screen { .sheet { padding: 8mm; width: 210mm; box-shadow: 0 1px 6px #0003; } }
h1 { font-size: 14pt; margin: 0 0 0.5mm; }
h2 { font-size: 9.6pt; margin: 1.6mm 0 0.8mm; color: #1F3A5F; }
h3 { font-size: 8.2pt; margin: 0 0 0.4mm; }
p { margin: 0 0 0.8mm; }
ol, ul { margin: 0 0 0.8mm; padding-left: 4mm; }
li { margin: 0 0 0.3mm; }
.for { display: flex; gap: 2mm; align-items: baseline; font-size: 10.5pt; }
.for .label { color: #55606b; }
.editable { border-bottom: 0.3mm dotted #8a939c; min-width: 50mm; min-height: 5mm; flex: 1;
  outline-offset: 1mm; }
.editable:empty::before { content: attr(data-placeholder); color: #6b7580; }
.felt, .alias { color: #3d4650; }
.toolbar { display: flex; gap: 3mm; align-items: center; margin: 2mm 0; padding: 2mm;
  background: #f1f5f9; border-radius: 1.5mm; }
.toolbar button { font: inherit; font-size: 10pt; padding: 1.5mm 4mm; border-radius: 1mm;
  border: 0.3mm solid #1F3A5F; background: #1F3A5F; color: #fff; cursor: pointer; }
.toolbar button.secondary { background: #fff; color: #1F3A5F; }
.toolbar p { margin: 0; color: #3d4650; }
.flow { columns: 3; column-gap: 4mm; margin-top: 1mm; }
.chart, .places > li, .care li, .flags li, .note-box { break-inside: avoid; }
.flow h2, .flow h3 { break-after: avoid; }
.body-chart { width: 100%; height: auto; display: block; }
.key { list-style: none; padding: 0; font-size: 6.6pt; columns: 2; column-gap: 2mm; }
.key li { display: flex; gap: 1mm; align-items: center; margin: 0; break-inside: avoid; }
.swatch { width: 6mm; height: 1.4mm; flex: none; }
.dot { width: 2.4mm; height: 2.4mm; border-radius: 50%; display: inline-block; flex: none; }
.dot.felt-dot { background: #C0152F33; border: 0.35mm solid #C0152F; }
.dot.place-dot { background: #1F3A5F; }
.live { display: flex; gap: 2mm; align-items: center; margin-top: 1mm; font-size: 6.6pt; }
.live svg { width: 17mm; height: 17mm; flex: none; }
.live code { word-break: break-all; font-size: 6pt; }
.places > li { margin-bottom: 1mm; }
.place-name { font-weight: 700; font-size: 8.8pt; }
.anatomical, .evidence-words { color: #4a5560; }
.evidence { font-size: 7.2pt; color: #3d4650; }
.care h3 { color: #1F3A5F; margin-top: 1mm; }
.care ol { padding-left: 3.6mm; }
.not-self { font-style: italic; }
.flags { border: 0.5mm solid #C0152F; border-radius: 1.5mm; padding: 0.5mm 2mm; margin-top: 1.5mm;
  box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.flags h2 { color: #C0152F; margin-top: 0.5mm; }
.note-box { border: 0.3mm solid #b8c0c8; border-radius: 1mm; min-height: 14mm; padding: 1mm 2mm;
  margin-top: 1.5mm; }
.note-box .label { font-weight: 700; color: #1F3A5F; }
.note-box .editable { border: 0; display: block; min-height: 6mm; }
footer { margin-top: 1.5mm; font-size: 5.4pt; line-height: 1.2; color: #3d4650; }
footer .disclaimer { font-size: 7pt; color: #1d232a; border-top: 0.3mm solid #b8c0c8;
  padding-top: 0.8mm; margin-top: 0.8mm; }
.sources { margin: 0; font-size: 6.4pt; }
.references { font-size: 7pt; margin-top: 1mm; }
.references ul { padding-left: 3mm; }
.compact { font-size: 6.8pt; }
.compact .body-chart { width: 88%; }
@media print {
  html { background: #fff; }
  .sheet { margin: 0; box-shadow: none; }
  .toolbar, .references { display: none; }
  .editable:empty::before { content: ""; }
}
"""


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


#: The script's hash, as the page's policy and the app's header allow it.
SCRIPT_HASH = _hash(SCRIPT)


def _style(paper: Paper | None) -> str:
    if paper is None:
        return _CSS
    return _CSS.replace("size: portrait;", f"size: {PAPERS[paper]} portrait;", 1)


def content_security_policy(paper: Paper | None = None) -> str:
    """The page's policy: its own script and style by hash, inline images, nothing else.

    ``default-src 'none'`` also forbids every connection (``fetch``, forms, beacons), so the
    text typed in the page has no way out.
    """
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src '{SCRIPT_HASH}'",
            f"style-src '{_hash(_style(paper))}'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _place_item(place: Place) -> str:
    return (
        f'<li value="{place.rank}"><span class="place-name">{escape(place.name)}</span> '
        f'<span class="anatomical">({escape(place.anatomical)})</span><br>'
        f"{escape(place.sentence)} "
        f'<span class="evidence-words">Evidence: {escape(place.evidence)}.</span></li>'
    )


def _care(place: Place) -> str:
    head = f"<h3>{place.rank}. {escape(place.name)}</h3>"
    if place.self_care:
        steps = "".join(f"<li>{escape(step)}</li>" for step in place.self_care)
        body = f"<ol>{steps}</ol>"
    elif place.not_for_self_treatment:
        body = f'<p class="not-self">{escape(place.not_for_self_treatment)}</p>'
    else:
        body = "<p class='not-self'>Ask your therapist what is safe to do here.</p>"
    return f'<div class="care-place">{head}{body}</div>'


def _key(drawing: Drawing, colours: dict[str, str], names: dict[str, str]) -> str:
    items = [
        '<li><span class="dot felt-dot"></span>Where it is felt</li>',
        '<li><span class="dot place-dot"></span>A numbered place linked to it</li>',
    ]
    items += [
        f"<li>{key_swatch(colours[line_id])}{escape(names[line_id])}</li>"
        for line_id in drawing.lines
    ]
    grade_words = {
        "strong": "solid: strong evidence",
        "moderate": "dashed: moderate",
        "limited": "dotted: limited",
        "not-studied": "dash-dot: not studied",
        "not-found": "sparse dots: looked for, not found",
    }
    items += [
        f"<li>{key_swatch('#3d4650', grade)}{grade_words[grade]}</li>" for grade in drawing.grades
    ]
    if drawing.trigger_points:
        items.append(f"<li>{key_swatch('#6A3D9A', 'limited')}Trigger-point link</li>")
    return f'<ul class="key" aria-label="Key to the chart">{"".join(items)}</ul>'


def _filename(complaint: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", complaint.lower()).strip("-")
    return f"handout-{slug or 'page'}.html"


def render(
    handout: Handout,
    drawing: Drawing,
    *,
    qr: str,
    link: str,
    colours: dict[str, str],
    line_names: dict[str, str],
    paper: Paper | None = None,
) -> str:
    """The handout page as one HTML document.

    Parameters
    ----------
    handout : Handout
        The text (:func:`fascialines.handout.content.handout_content`).
    drawing : Drawing
        The chart (:func:`fascialines.handout.drawing.body_svg`).
    qr : str
        An ``<svg>`` QR code of ``link`` (:func:`fascialines.handout.qr.qr_svg`).
    link : str
        The live view's address, printed beside the QR code as text (not a link: the page
        fetches and opens nothing by itself).
    colours, line_names : dict
        Line id -> the colour the chart draws it in, and its name, for the key.
    paper : {"a4", "letter"}, optional
        Fix the paper size (for a PDF); by default the printer's paper is used.

    Returns
    -------
    str
    """
    style = _style(paper)
    # A fourth place (a focus below the first three) must still fit the one sheet.
    sheet_class = "sheet" if len(handout.places) <= PLACES else "sheet compact"
    policy = content_security_policy(paper)
    felt = f"Where it is felt: {escape(handout.felt_at)}."
    alias = f'<p class="alias">{escape(handout.alias_note)}</p>' if handout.alias_note else ""
    places = "".join(_place_item(place) for place in handout.places)
    care = "".join(_care(place) for place in handout.places)
    shared = ""
    if handout.self_care_shared:
        steps = "".join(f"<li>{escape(step)}</li>" for step in handout.self_care_shared)
        shared = f'<div class="shared"><h3>For every place</h3><ul>{steps}</ul></div>'
    flags = "".join(
        f"<li>{escape(flag.sign)} <strong>{escape(flag.action)}</strong></li>"
        for flag in handout.red_flags
    )
    short = " · ".join(escape(c.short) for c in handout.sources)
    full = "".join(f"<li>{escape(c.full)}</li>" for c in handout.sources)
    count = {0: "No place", 1: "One place", 2: "Two places", 3: "Three places"}.get(
        len(handout.places), f"{len(handout.places)} places"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{escape(handout.complaint)}: a handout from fascialines</title>
<style>{style}</style>
</head>
<body data-filename="{_filename(handout.complaint)}">
<div class="{sheet_class}">
<header>
<div class="for"><span id="heading-label" class="label">For</span>
<div id="handout-heading" class="editable" contenteditable="true" role="textbox"
 aria-labelledby="heading-label" data-placeholder="type a first name (optional)"></div></div>
<h1>{escape(handout.complaint)}</h1>
<p class="felt">{felt}</p>{alias}
</header>
<div class="toolbar">
<button type="button" id="handout-print">Print</button>
<button type="button" id="handout-download" class="secondary">Download</button>
<p>What you type here stays in this page: it is never sent or stored.</p>
</div>
<main class="flow">
<section class="chart" aria-label="The body chart">
{drawing.svg}
{_key(drawing, colours, line_names)}
<div class="live">{qr}<p>See it again in the app:<br><code>{escape(link)}</code></p></div>
</section>
<section aria-labelledby="places-heading">
<h2 id="places-heading">{count} the model links to it</h2>
<p>{NOT_A_FINDING if handout.places else NO_PLACES}</p>
<ol class="places">{places}</ol>
<p class="evidence"><strong>What the evidence says:</strong> {escape(handout.evidence)}</p>
</section>
<section class="flags" aria-labelledby="flags-heading">
<h2 id="flags-heading">When to see a doctor</h2>
<p>{escape(handout.see_a_doctor)}</p>
{f"<ul>{flags}</ul>" if flags else ""}
</section>
<section class="care" aria-labelledby="care-heading">
<h2 id="care-heading">What you can do at home</h2>
{care}{shared}
</section>
<div class="note-box"><span id="note-label" class="label">Note</span>
<div id="handout-note" class="editable" contenteditable="true" role="textbox"
 aria-multiline="true" aria-labelledby="note-label"
 data-placeholder="type a short note for your client (optional)"></div></div>
</main>
<footer>
<p class="sources"><strong>Sources:</strong> {short}</p>
<details class="references"><summary>Full references</summary><ul>{full}</ul></details>
<p class="disclaimer"><strong>Education, not a diagnosis.</strong> {escape(handout.disclaimer)}</p>
</footer>
</div>
<script>{SCRIPT}</script>
</body>
</html>
"""
