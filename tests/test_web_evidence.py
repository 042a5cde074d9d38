"""The evidence page in the web app: every part of its content laid out, and the badges' links."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from dash import dcc, html
from dash.development.base_component import Component
from dash.exceptions import PreventUpdate
from hypothesis import given, settings

from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching.evidence_page import build_evidence_page
from fascialines.web.pieces import evidence_badge
from fascialines.web.state import parse_query
from fascialines.web.views import evidence
from fascialines.web.wording import EVIDENCE_BADGE
from quiz_strategies import teaching_atlases
from web_screen import find, text


def _ids(node: object) -> set[str]:
    return {c.id for c in find(node, Component) if isinstance(getattr(c, "id", None), str)}


def _check(atlas: Atlas) -> None:
    content = build_evidence_page(atlas)
    page = evidence.render(atlas, content)
    shown = text(page)
    for grade in content.grades:
        assert grade.meaning in shown and grade.label in shown
    for source in content.sources:
        assert source.citation in shown
    for line in content.lines:
        assert line.summary in shown
        for step in line.rated_steps:
            assert step.start_name in shown and step.end_name in shown
    for caveat in content.trigger_point_caveats:
        assert caveat.text in shown
    for claim in content.claims:
        assert claim.claim in shown and claim.verdict in shown and claim.evidence in shown
    # Every in-page link lands on an element of the page.
    ids = _ids(page)
    anchors = [link.href for link in find(page, html.A) if link.href.startswith("#")]
    assert anchors and all(href[1:] in ids for href in anchors)
    # Every badge's target is on the page: its grade's entry.
    for badge in find(page, html.A):
        if "badge-link" in (getattr(badge, "className", "") or "").split():
            assert urlsplit(badge.href).fragment in ids


def test_the_shipped_atlas_evidence_page_shows_all_its_content() -> None:
    _check(load_atlas())


@settings(max_examples=25, deadline=None)
@given(atlas=teaching_atlases())
def test_any_atlas_evidence_page_shows_all_its_content(atlas: Atlas) -> None:
    _check(atlas)


@pytest.mark.parametrize("grade", [*EVIDENCE_BADGE])
def test_every_badge_links_to_its_grade_on_the_evidence_page(grade: str) -> None:
    badge = evidence_badge(grade)
    parts = urlsplit(badge.href)
    state, problems = parse_query(load_atlas(), parts.query)
    assert (state.view, problems) == ("evidence", ())
    assert parts.fragment == (f"grade-{grade}" if grade else "trigger-points")
    assert text(badge) == EVIDENCE_BADGE[grade]


def test_the_page_is_built_only_for_its_view() -> None:
    atlas = load_atlas()
    app_like = evidence.render(atlas, build_evidence_page(atlas))
    assert find(app_like, dcc.Link)  # a way back to the explorer
    for shown in (None, "", "?view=quiz", "?line=SBL"):
        with pytest.raises(PreventUpdate):
            evidence.fill_for(atlas, shown)
    assert text(evidence.fill_for(atlas, "?view=evidence")) == text(app_like)
