"""The app's URL state: allow-lists, defaults with a message, and a lossless round trip."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import EVIDENCE_ORDER, Atlas, load_atlas
from fascialines.web.figure import geometry
from fascialines.web.state import (
    FIELDS,
    FIGURES,
    MAX_HOPS,
    ViewState,
    format_region,
    parse_query,
    parse_region,
    state_fields,
    to_query,
)

# The hand-made atlas of the core tests; loaded at import because the strategies need it.
ATLAS = load_atlas(Path(__file__).parent / "fixtures" / "mini_atlas.json")


def _nodes(atlas: Atlas) -> list[tuple[str, str]]:
    nodes = []
    for region in atlas.regions:
        sides = ["midline"] if region.laterality == "midline" else ["left", "right"]
        nodes += [(region.id, side) for side in sides]
    return nodes


states = st.builds(
    ViewState,
    symptom=st.none() | st.sampled_from([s.id for s in ATLAS.symptoms]),
    side=st.sampled_from(["both", "left", "right"]),
    hops=st.integers(1, MAX_HOPS),
    lines=st.sets(st.sampled_from([line.id for line in ATLAS.lines])).map(
        lambda chosen: tuple(line.id for line in ATLAS.lines if line.id in chosen)
    ),
    evidence=st.sampled_from(list(EVIDENCE_ORDER)),
    line=st.none() | st.sampled_from([line.id for line in ATLAS.lines]),
    region=st.none() | st.sampled_from(_nodes(ATLAS)),
    focus=st.none() | st.integers(1, 50),
    felt=st.none() | st.sampled_from(_nodes(ATLAS)),
    figure=st.sampled_from(FIGURES),
).map(lambda state: replace(state, felt=None) if state.symptom else state)


@settings(max_examples=60, deadline=None)
@given(states)
def test_every_state_survives_the_round_trip_through_the_url(state: ViewState) -> None:
    assert parse_query(ATLAS, to_query(ATLAS, state)) == (state, ())


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "symptom",
                "felt",
                "side",
                "hops",
                "lines",
                "evidence",
                "line",
                "region",
                "focus",
                "zoom",
            ]
        ),
        st.text(),
    )
)
def test_any_query_parses_to_a_state_and_every_ignored_value_is_explained(
    params: dict[str, str],
) -> None:
    search = "?" + "&".join(f"{key}={quote(value)}" for key, value in params.items())
    state, messages = parse_query(ATLAS, search)
    assert isinstance(state, ViewState)
    # Each message names the setting it is about, so a person can fix the link.
    for message in messages:
        assert any(f"{key}" in message for key in params)


def test_the_empty_view_is_the_bare_address() -> None:
    assert to_query(ATLAS, ViewState()) == ""
    assert parse_query(ATLAS, "") == (ViewState(), ())
    assert parse_query(ATLAS, None) == (ViewState(), ())


def test_a_symptom_is_found_by_alias_or_name_regardless_of_case_and_spacing() -> None:
    heel = next(s for s in ATLAS.symptoms if s.aliases)
    alias = heel.aliases[0].upper().replace(" ", "  ")
    state, messages = parse_query(ATLAS, f"?symptom={quote(alias)}")
    assert (state.symptom, messages) == (heel.id, ())
    assert parse_query(ATLAS, f"?symptom={quote(heel.name)}")[0].symptom == heel.id


def test_lines_are_read_by_abbreviation_or_id_and_kept_in_atlas_order() -> None:
    first, second = ATLAS.lines[0], ATLAS.lines[1]
    search = f"?lines={second.abbreviation.lower()},{first.id}"
    state, messages = parse_query(ATLAS, search)
    assert state.lines == (first.id, second.id)
    assert messages == ()
    assert f"lines={first.abbreviation},{second.abbreviation}" in to_query(ATLAS, state)


def test_malformed_values_fall_back_to_defaults_with_one_message_each() -> None:
    search = "?symptom=broken+leg&side=up&hops=99&lines=XYZ&evidence=great&line=nope"
    search += "&region=calf&focus=zero&zoom=3"
    state, messages = parse_query(ATLAS, search)
    assert state == ViewState()
    assert len(messages) == 9
    for value in ("broken leg", "up", "99", "XYZ", "great", "nope", "calf", "zero", "zoom"):
        assert any(value in message for message in messages), value


def test_known_lines_are_kept_when_others_in_the_list_are_unknown() -> None:
    line = ATLAS.lines[0]
    state, messages = parse_query(ATLAS, f"?lines={line.abbreviation},XYZ")
    assert state.lines == (line.id,)
    assert len(messages) == 1 and "XYZ" in messages[0]


def test_a_paired_region_needs_its_side_and_a_midline_region_ignores_one() -> None:
    paired = next(r for r in ATLAS.regions if r.laterality == "paired")
    midline = next(r for r in ATLAS.regions if r.laterality == "midline")
    assert parse_region(ATLAS, f"{paired.id}:right") == (paired.id, "right")
    assert parse_region(ATLAS, paired.id) is None
    assert parse_region(ATLAS, f"{midline.id}:left") == (midline.id, "midline")
    assert parse_region(ATLAS, "no-such-region:left") is None
    assert format_region((midline.id, "midline")) == midline.id


def test_changing_a_trace_option_drops_the_focused_candidate() -> None:
    state = ViewState(symptom=ATLAS.symptoms[0].id, focus=2, line=ATLAS.lines[0].id)
    changed = state.with_trace_options(side="left")
    assert (changed.focus, changed.side, changed.line) == (None, "left", state.line)


def test_numbers_must_be_plain_ascii_digits() -> None:
    state, messages = parse_query(ATLAS, "?hops=%C2%B2&focus=%D9%A3")
    assert (state.hops, state.focus) == (ViewState().hops, None)
    assert len(messages) == 2


def test_the_url_table_has_one_row_per_field_of_the_view_state() -> None:
    assert [field.name for field in FIELDS] == list(state_fields())


def test_a_symptom_and_a_place_felt_are_never_traced_together() -> None:
    symptom = ATLAS.symptoms[0].id
    state, messages = parse_query(ATLAS, f"?symptom={symptom}&felt=calf:left")
    assert (state.symptom, state.felt, messages) == (symptom, None, ())
    assert parse_query(ATLAS, "?felt=calf:left")[0].felt == ("calf", "left")


def test_every_figure_the_address_allows_has_outlines_and_only_the_female_is_written() -> None:
    assert FIGURES == geometry.FIGURES
    for figure in FIGURES:
        assert geometry.outline_file("front", figure).is_file(), figure
        assert geometry.outline_file("back", figure).is_file(), figure
    assert "figure" not in to_query(ATLAS, ViewState(figure="male"))
    assert to_query(ATLAS, ViewState(figure="female")) == "?figure=female"
    state, notes = parse_query(ATLAS, "?figure=child")
    assert state.figure == "male" and len(notes) == 1
