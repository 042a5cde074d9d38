"""The handout builder: a page that parses, says what the trace says, and fetches nothing.

Checked on the shipped atlas over generated trace requests (the shared strategy), and on
generated atlases for the shape of the page; every expected text is recomputed from the atlas
and the trace, never copied from the page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.explain import DISCLAIMER
from fascialines.graph import BodyGraph, build_graph
from fascialines.handout import build_handout, content_security_policy, handout_content
from fascialines.handout.content import PLACES, first_sentence, shown_candidates
from fascialines.handout.drawing import body_svg
from fascialines.tracing import Trace, trace
from fascialines.web.figure import geometry
from strategies import atlases, trace_requests

LINK = "http://127.0.0.1:8050/?symptom=headache&view=client"
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "wbr", "col", "area"}
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


class Page(HTMLParser):
    """The parts of a page a test looks at, and whether every element is closed in order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.meta_policy: str | None = None
        self._in: str | None = None
        self.feed(text)
        self.close()
        if self.open:
            self.problems.append(f"never closed: {self.open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy":
            self.meta_policy = dict(attrs).get("content")
        if tag in ("script", "style"):
            self._in = tag
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <path/> in SVG: opened and closed at once.
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def shipped() -> Atlas:
    return load_atlas()


@pytest.fixture(scope="module")
def shipped_graph(shipped: Atlas) -> BodyGraph:
    return build_graph(shipped)


def _urls(page: Page, raw: str) -> list[str]:
    """Every address the page would fetch or open: src, href, CSS url() and @import."""
    found = [value for _, name, value in page.attributes if name in ("src", "href", "action")]
    css = " ".join(page.styles) + " ".join(v for _, n, v in page.attributes if n == "style")
    found += re.findall(r"url\(([^)]*)\)", css) + re.findall(r"@import", css)
    return found


@SETTINGS
@given(data=st.data())
def test_the_page_holds_the_trace_and_fetches_nothing(
    shipped: Atlas, shipped_graph: BodyGraph, data: st.DataObject
) -> None:
    request = data.draw(trace_requests(shipped, max_hops=8))
    result = trace(shipped_graph, **request)
    raw = build_handout(result, link=LINK)
    page = Page(raw)
    assert page.problems == []
    words = page.words
    # The top places, in the client's words and by their anatomical names.
    for candidate in result.candidates[:PLACES]:
        region = shipped.region(candidate.region.id)
        plain = region.plain_name or region.name
        assert _words(plain[:1].upper() + plain[1:]) in words
        assert _words(region.name) in words
        if region.self_care is not None:
            assert _words(region.self_care.how) in words
            assert _words(region.self_care.tool) in words
        elif region.not_for_self_treatment is not None:
            assert _words(region.not_for_self_treatment) in words
    # Every red flag of the symptom, sign and action, and the source behind it.
    symptom = result.symptom
    assert symptom is not None
    for flag_id in symptom.red_flags:
        flag = next(f for f in shipped.red_flags if f.id == flag_id)
        assert _words(flag.text) in words and _words(flag.action) in words
        for source in flag.sources:
            assert _words(shipped.source(source).citation) in words
    assert _words(DISCLAIMER) in words
    # No address the page would fetch or open, and none anywhere but the QR code's and the
    # printed link's (the SVG namespace is a name, not a fetch).
    assert _urls(page, raw) == []
    rest = raw.replace(escape(LINK), "").replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://", rest)
    assert escape(LINK) in raw


def test_the_page_never_shows_editor_notes(shipped: Atlas, shipped_graph: BodyGraph) -> None:
    notes = [
        record.editor_notes
        for collection in (shipped.regions, shipped.red_flags, shipped.sources, shipped.symptoms)
        for record in collection
        if record.editor_notes
    ]
    for region in shipped.regions:
        if region.self_care and region.self_care.editor_notes:
            notes.append(region.self_care.editor_notes)
    assert notes, "the shipped atlas has editors' notes to hide"
    for symptom in shipped.symptoms:
        words = Page(build_handout(trace(shipped_graph, symptom.id), link=LINK)).words
        assert not [note for note in notes if _words(note) in words]


@SETTINGS
@given(atlas=atlases(), data=st.data())
def test_any_atlas_gives_a_page_that_parses(atlas: Atlas, data: st.DataObject) -> None:
    result = trace(build_graph(atlas), **data.draw(trace_requests(atlas)))
    raw = build_handout(result, link=LINK)
    page = Page(raw)
    assert page.problems == []
    assert _urls(page, raw) == []
    assert _words(DISCLAIMER) in page.words
    if not result.candidates:
        assert "links no place to it" in page.words


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_page_allows_its_own_script_and_style_and_no_connection(
    shipped_graph: BodyGraph,
) -> None:
    raw = build_handout(trace(shipped_graph, "headache", side="left"), link=LINK)
    page = Page(raw)
    assert page.meta_policy == content_security_policy()
    policy = dict(part.split(" ", 1) for part in page.meta_policy.split("; "))
    assert policy["default-src"] == "'none'"  # no fetch, form or beacon can leave the page
    assert policy["script-src"] == f"'{_sha(page.scripts[0])}'"
    assert policy["style-src"] == f"'{_sha(page.styles[0])}'"
    # The typed heading and note are elements the page holds, nothing a form would send.
    editable = {v for t, n, v in page.attributes if n == "id" and t == "div"}
    assert {"handout-heading", "handout-note"} <= editable
    assert not [t for t, *_ in page.attributes if t in ("form", "input", "iframe")]


def _strokes(svg: str) -> dict[str, int]:
    colours = re.findall(r'<path d="M[^"]*" fill="none" stroke="(#[0-9A-Fa-f]{6})"', svg)
    return {colour: colours.count(colour) for colour in set(colours)}


@SETTINGS
@given(data=st.data())
def test_the_chart_draws_every_path_of_the_places(
    shipped: Atlas, shipped_graph: BodyGraph, data: st.DataObject
) -> None:
    result = trace(shipped_graph, **data.draw(trace_requests(shipped, max_hops=8)))
    focus = data.draw(st.none() | st.sampled_from([c.rank for c in result.candidates] or [None]))
    candidates = shown_candidates(result, focus)
    drawing = body_svg(result, candidates, focus)
    strokes = _strokes(drawing.svg)
    drawn_lines = {path.line for c in candidates for path in c.paths}
    assert set(drawing.lines) == drawn_lines
    for line_id in drawn_lines:
        assert strokes.get(shipped.line(line_id).colour, 0) >= 1, line_id
    # One numbered marker per place on each view it has a point on, and a ring where felt.
    numbers = re.findall(r'fill="white">(\d+)</text>', drawing.svg)
    assert {int(n) for n in numbers} == {c.rank for c in candidates}
    assert drawing.svg.count('stroke="#C0152F"') >= 1


def test_a_focus_beyond_the_three_is_listed_and_a_wrong_one_refused(
    shipped_graph: BodyGraph,
) -> None:
    result = trace(shipped_graph, "low back pain", side="left")
    last = result.candidates[-1].rank
    assert last > PLACES
    content = handout_content(result, focus=last)
    assert [p.rank for p in content.places] == [1, 2, 3, last]
    with pytest.raises(ValueError, match="no place number"):
        handout_content(result, focus=last + 1)


@SETTINGS
@given(data=st.data())
def test_self_care_loses_no_sentence_and_says_a_shared_one_once(
    shipped: Atlas, shipped_graph: BodyGraph, data: st.DataObject
) -> None:
    result: Trace = trace(shipped_graph, **data.draw(trace_requests(shipped, max_hops=8)))
    content = handout_content(result)
    said = [step for place in content.places for step in place.self_care]
    said += list(content.self_care_shared)
    text = " ".join(said)
    for candidate in shown_candidates(result):
        care = shipped.region(candidate.region.id).self_care
        if care is None:
            continue
        for part in (care.how, care.duration, care.frequency, care.avoid):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", part):
                assert sentence in text
    for step in content.self_care_shared:
        assert not any(step in place.self_care for place in content.places)


def test_first_sentence_stands_alone() -> None:
    assert first_sentence("Also, the Lateral Line links your hip. It is rated.") == (
        "The Lateral Line links your hip."
    )
    assert first_sentence("One sentence only.") == "One sentence only."


def test_the_place_sentences_are_the_explain_client_wording(shipped_graph: BodyGraph) -> None:
    from fascialines.explain import explain_candidate

    result = trace(shipped_graph, "heel pain", side="left")
    content = handout_content(result)
    for place, candidate in zip(content.places, result.candidates, strict=False):
        # first_sentence may drop a linking word and capitalise what follows.
        assert place.sentence[1:].rstrip(".") in explain_candidate(result, candidate, "client")


def test_the_chart_draws_the_body_the_app_has_chosen(shipped_graph: BodyGraph) -> None:
    result = trace(shipped_graph, "heel pain", side="left")
    drawn = {
        figure: body_svg(result, shown_candidates(result, None), figure=figure).svg
        for figure in ("male", "female")
    }
    for figure, other in (("male", "female"), ("female", "male")):
        for view in ("front", "back"):
            assert geometry.load_outline(view, figure).silhouette in drawn[figure]
            assert geometry.load_outline(view, other).silhouette not in drawn[figure]
