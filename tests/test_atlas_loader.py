"""The loader reports every kind of problem with its JSON path, and all of them at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fascialines.atlas import AtlasError, load_atlas, parse_atlas


def problems_of(raw: dict[str, Any] | str) -> dict[str, str]:
    text = raw if isinstance(raw, str) else json.dumps(raw)
    with pytest.raises(AtlasError) as caught:
        parse_atlas(text, source="test")
    return {problem.path: problem.reason for problem in caught.value.problems}


def test_the_mini_atlas_is_valid(mini_raw: dict[str, Any]) -> None:
    atlas = parse_atlas(json.dumps(mini_raw))
    assert [line.id for line in atlas.lines] == ["back-line", "spiral-line", "deep-line"]


def test_json_syntax_error_gives_line_and_column(mini_raw: dict[str, Any]) -> None:
    text = json.dumps(mini_raw, indent=2).replace('"title":', '"title"', 1)
    found = problems_of(text)
    assert list(found) == ["$"]
    assert "line 3, column" in found["$"]


def test_wrong_type_is_reported_at_its_path(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"][0]["name"] = 5
    mini_raw["regions"][1]["kind"] = "bone"
    found = problems_of(mini_raw)
    assert "$.regions[0].name" in found
    assert "$.regions[1].kind" in found


def test_duplicate_id(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"].append(dict(mini_raw["regions"][0]))
    found = problems_of(mini_raw)
    duplicated = len(mini_raw["regions"]) - 1
    assert "duplicate id 'heel'" in found[f"$.regions[{duplicated}].id"]
    assert "duplicate id 'heel'" in found["$.regions[0].id"]


def test_unknown_region_reference(mini_raw: dict[str, Any]) -> None:
    mini_raw["lines"][0]["branches"][0]["transitions"][-1]["to"] = "skull"
    mini_raw["symptoms"][0]["felt_at"].append("elbow")
    found = problems_of(mini_raw)
    assert found["$.lines[0].branches[0].transitions[4].to"] == "unknown region 'skull'"
    assert found["$.symptoms[0].felt_at[2]"] == "unknown region 'elbow'"


def test_unknown_source_reference(mini_raw: dict[str, Any]) -> None:
    mini_raw["lines"][1]["branches"][0]["transitions"][0]["sources"] = ["nobody-1999"]
    mini_raw["referral_patterns"][0]["sources"] = ["nobody-1999"]
    found = problems_of(mini_raw)
    assert "unknown source" in found["$.lines[1].branches[0].transitions[0].sources[0]"]
    assert "unknown source" in found["$.referral_patterns[0].sources[0]"]


def test_unknown_line_step_in_a_midline_crossing(mini_raw: dict[str, Any]) -> None:
    # A crossing must name a transition of its own line: the one reference to line content.
    mini_raw["lines"][1]["midline_crossings"][0]["from"] = "occipital-ridge"
    found = problems_of(mini_raw)
    assert "no transition of this line" in found["$.lines[1].midline_crossings[0]"]


def test_unknown_red_flag_reference(mini_raw: dict[str, Any]) -> None:
    mini_raw["symptoms"][0]["red_flags"] = ["fever"]
    assert problems_of(mini_raw) == {"$.symptoms[0].red_flags[0]": "unknown red flag 'fever'"}


def test_transitions_that_do_not_chain(mini_raw: dict[str, Any]) -> None:
    mini_raw["lines"][0]["branches"][0]["transitions"][2]["from"] = "calf"
    found = problems_of(mini_raw)
    assert "do not chain" in found["$.lines[0].branches[0].transitions[2].from"]


def test_branch_must_start_on_the_line(mini_raw: dict[str, Any]) -> None:
    mini_raw["lines"][2]["branches"][1]["transitions"][0]["from"] = "temple"
    found = problems_of(mini_raw)
    assert "no earlier branch" in found["$.lines[2].branches[1].transitions[0].from"]


def test_coordinates_out_of_range(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"][0]["back"] = {"x": 4.0, "y": 120.0}
    mini_raw["regions"][1]["back"] = {"x": -1.0, "y": 18.0}
    mini_raw["regions"][3]["back"] = {"x": 2.0, "y": 52.0}  # the sacrum is on the midline
    found = problems_of(mini_raw)
    assert "$.regions[0].back.y" in found
    assert "$.regions[1].back.x" in found
    assert found["$.regions[3].back.x"] == "a midline region must have x = 0"


def test_every_problem_is_reported_together(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"][0]["kind"] = "bone"
    mini_raw["regions"].append(dict(mini_raw["regions"][1]))
    mini_raw["regions"][2]["back"] = {"x": 6.0, "y": 101.0}
    mini_raw["lines"][0]["branches"][0]["transitions"][0]["to"] = "skull"
    mini_raw["lines"][0]["branches"][0]["transitions"][0]["sources"] = ["nobody-1999"]
    found = problems_of(mini_raw)
    assert {
        "$.regions[0].kind",
        "$.regions[15].id",
        "$.regions[2].back.y",
        "$.lines[0].branches[0].transitions[0].to",
        "$.lines[0].branches[0].transitions[0].sources[0]",
        "$.lines[0].branches[0].transitions[1].from",
    } <= set(found)


def test_error_message_lists_every_problem(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"][0]["kind"] = "bone"
    mini_raw["symptoms"][0]["felt_at"] = ["elbow"]
    with pytest.raises(AtlasError) as caught:
        parse_atlas(json.dumps(mini_raw), source="mini.json")
    message = str(caught.value)
    assert message.startswith("mini.json: 2 problems")
    assert "$.regions[0].kind" in message
    assert "$.symptoms[0].felt_at[0]: unknown region 'elbow'" in message


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(AtlasError) as caught:
        load_atlas(tmp_path / "missing.json")
    assert caught.value.problems[0].path == "$"
    assert "cannot read" in caught.value.problems[0].reason


def test_format_mistakes_are_worded_for_an_educator(mini_raw: dict[str, Any]) -> None:
    mini_raw["regions"][0]["id"] = "Plantar Fascia"
    mini_raw["lines"][0]["colour"] = "blue"
    del mini_raw["regions"][1]["name"]
    mini_raw["regions"][2]["nmae"] = "typo"
    found = problems_of(mini_raw)
    assert found["$.regions[0].id"] == (
        "an id is lowercase letters and digits joined by single hyphens, like 'plantar-fascia', "
        "not 'Plantar Fascia'"
    )
    assert "like '#0072B2', not 'blue'" in found["$.lines[0].colour"]
    assert found["$.regions[1].name"] == "this field is required"
    assert "unknown field" in found["$.regions[2].nmae"]


@pytest.mark.parametrize("which", ["packaged", "mini"])
def test_the_sites_at_a_region_are_those_that_list_it_in_file_order(
    which: str, mini_raw: dict[str, Any]
) -> None:
    packaged = json.loads(load_atlas().model_dump_json(by_alias=True, exclude_none=True))
    raw = packaged if which == "packaged" else mini_raw
    # One more site, listing a region twice, so a region is met by several sites and twice.
    first, second = (region["id"] for region in raw["regions"][:2])
    site = {"id": "test-site", "name": "Test site", "regions": [first, second, first]}
    site |= {"reason": "a test", "sources": [raw["sources"][0]["id"]]}
    raw.setdefault("endangerment_sites", []).append(site)
    atlas = parse_atlas(json.dumps(raw))
    assert atlas.endangerment_sites, "the atlas has sites to look up"
    for region in [*atlas.regions, None]:
        region_id = region.id if region else "no-such-region"
        expected = tuple(s for s in atlas.endangerment_sites if region_id in s.regions)
        assert atlas.endangerment_sites_at(region_id) == expected
