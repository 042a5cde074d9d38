"""Lines side by side in the core: where any set of lines meets, and what the atlas says there."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching.compare import compare_lines
from quiz_strategies import NOTE_MARK, with_editor_notes
from strategies import atlases


@st.composite
def atlas_and_lines(draw: st.DrawFn) -> tuple[Atlas, list[str]]:
    atlas = draw(atlases())
    ids = [line.id for line in atlas.lines]
    chosen = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids) + 1))
    return atlas, chosen


@settings(max_examples=150, deadline=None)
@given(case=atlas_and_lines(), data=st.data())
def test_the_order_of_the_lines_changes_nothing(
    case: tuple[Atlas, list[str]], data: st.DataObject
) -> None:
    atlas, chosen = case
    shuffled = data.draw(st.permutations(chosen))
    assert compare_lines(atlas, chosen) == compare_lines(atlas, shuffled)


@settings(max_examples=150, deadline=None)
@given(case=atlas_and_lines())
def test_shared_is_the_intersection_of_the_lines_stations(case: tuple[Atlas, list[str]]) -> None:
    atlas, chosen = case
    comparison = compare_lines(atlas, chosen)
    stations = [set(atlas.line(line_id).stations) for line_id in set(chosen)]
    assert set(comparison.shared_ids) == set.intersection(*stations)
    # Partly shared: on two or more of them, not on all.
    partly = {
        region.id
        for region in atlas.regions
        if 2 <= sum(region.id in s for s in stations) < len(stations)
    }
    assert {place.region for place in comparison.partly_shared} == partly
    assert comparison.lines == tuple(line.id for line in atlas.lines if line.id in chosen)


@settings(max_examples=150, deadline=None)
@given(case=atlas_and_lines())
def test_each_meeting_place_lists_every_step_of_its_lines_there(
    case: tuple[Atlas, list[str]],
) -> None:
    atlas, chosen = case
    comparison = compare_lines(atlas, chosen)
    for place in (*comparison.shared, *comparison.partly_shared):
        expected = [
            (line.id, t.from_, t.to, t.evidence, t.evidence_basis)
            for line in atlas.lines
            if line.id in place.lines
            for t in line.transitions
            if place.region in (t.from_, t.to)
        ]
        listed = [(s.line, s.start, s.end, s.evidence, s.evidence_basis) for s in place.steps]
        assert listed == expected
        assert set(place.lines) == {
            line_id for line_id in chosen if place.region in atlas.line(line_id).stations
        }
        for neighbour in place.common_neighbours:
            going = {s.line for s in place.steps if neighbour in (s.start, s.end)}
            assert len(going) >= 2


@settings(max_examples=50, deadline=None)
@given(case=atlas_and_lines())
def test_no_editors_note_reaches_a_comparison(case: tuple[Atlas, list[str]]) -> None:
    atlas, chosen = case
    assert NOTE_MARK not in repr(compare_lines(with_editor_notes(atlas), chosen))


def test_the_superficial_back_line_and_the_spiral_line_meet_at_the_sacrum() -> None:
    # The Spiral Line runs down the back over the SBL's track (Myers 2020): a known meeting.
    atlas = load_atlas()
    comparison = compare_lines(atlas, ["spiral-line", "superficial-back-line"])
    assert "sacrum" in comparison.shared_ids
    assert compare_lines(atlas, []).shared == ()
