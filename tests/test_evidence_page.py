"""The evidence page's content: every grade explained, every source, line and claim present."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fascialines.atlas import EVIDENCE_ORDER, Atlas, load_atlas
from fascialines.teaching.evidence_page import build_evidence_page
from quiz_strategies import NOTE_MARK, teaching_atlases, with_editor_notes


def check_page(atlas: Atlas) -> None:
    page = build_evidence_page(atlas)

    # Every grade, strongest first, each in its own plain words, with the lines it rates.
    assert [entry.grade for entry in page.grades] == sorted(
        EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__, reverse=True
    )
    assert len({entry.meaning for entry in page.grades}) == len(EVIDENCE_ORDER)
    assert all(entry.meaning and entry.label for entry in page.grades)
    for entry in page.grades:
        assert set(entry.lines) == {
            line.id for line in atlas.lines if line.evidence.grade == entry.grade
        }
    assert {basis.basis for basis in page.bases} == {"transition", "line"}

    # Every source once, with its full citation and everything that cites it.
    assert [source.id for source in page.sources] == [source.id for source in atlas.sources]
    for entry in page.sources:
        source = atlas.source(entry.id)
        assert (entry.citation, entry.year, entry.doi) == (source.citation, source.year, source.doi)
        cited = {(c.kind, c.id) for c in entry.cited_for}
        for line in atlas.lines:
            uses = entry.id in line.evidence.sources or any(
                entry.id in step.sources for step in line.transitions
            )
            assert (("line", line.id) in cited) == uses
        for claim in atlas.claims:
            assert (("claim", claim.id) in cited) == (entry.id in claim.sources)
        for pattern in atlas.referral_patterns:
            assert (("referral-pattern", pattern.id) in cited) == (entry.id in pattern.sources)

    # Every line: its rating, what was studied and found, the steps rated on their own.
    assert [line.id for line in page.lines] == [line.id for line in atlas.lines]
    for entry in page.lines:
        line = atlas.line(entry.id)
        assert (entry.grade, entry.summary) == (line.evidence.grade, line.evidence.summary)
        rated = [t for t in line.transitions if t.evidence_basis == "transition"]
        assert [(s.start, s.end, s.grade) for s in entry.rated_steps] == [
            (t.from_, t.to, t.evidence) for t in rated
        ]
        assert entry.steps_on_line_rating + len(entry.rated_steps) == len(line.transitions)
    assert sum(g.rated_steps for g in page.grades) == sum(len(e.rated_steps) for e in page.lines)

    # The caveats about trigger points, and each claim beside its verdict.
    assert [c.text for c in page.trigger_point_caveats] == [
        c.text for c in atlas.trigger_point_caveats
    ]
    assert [(c.claim, c.verdict, c.evidence) for c in page.claims] == [
        (c.claim, c.verdict, c.evidence) for c in atlas.claims
    ]
    assert all(c.verdict for c in page.claims)

    # Every source id the page cites is listed; no editor's note leaks into reader text.
    listed = {source.id for source in page.sources}
    cited_ids = [
        s
        for e in page.lines
        for s in (*e.sources, *(x for st in e.rated_steps for x in st.sources))
    ]
    cited_ids += [s for c in (*page.claims, *page.trigger_point_caveats) for s in c.sources]
    assert set(cited_ids) <= listed
    assert NOTE_MARK not in repr(page)


def test_the_shipped_atlas_page_covers_everything() -> None:
    atlas = load_atlas()
    check_page(with_editor_notes(atlas))
    page = build_evidence_page(atlas)
    # The article's claims are the point of the page: the shipped atlas has them all.
    assert page.claims and page.trigger_point_caveats


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(atlas=teaching_atlases())
def test_a_generated_atlas_page_covers_everything(atlas: Atlas) -> None:
    check_page(atlas)
