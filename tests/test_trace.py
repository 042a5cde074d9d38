"""Tracing on the mini atlas, against answers worked out by hand with the ranking rule.

The rule (``fascialines.tracing.RULE``): soft tissue only; fewest steps (a trigger-point pattern
is one step to an essential zone, two to a spillover zone), then the strongest grade the
closest link stands on (a pattern counts as not studied), then the number of lines and patterns
that agree, then region id. In the mini atlas, from the occipital ridge the Back Line runs
erector spinae (1 step, moderate) - sacrum - hamstrings - calf - heel; the Spiral Line runs
splenius - spinous processes - opposite rhomboids, every step not studied; upper trapezius and
splenius refer pain to the temple.
"""

from __future__ import annotations

import doctest
import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from fascialines.atlas import Atlas, parse_atlas
from fascialines.graph import BodyGraph, build_graph
from fascialines.tracing import Trace, TraceOptions, UnknownSymptom, trace, trace_from


def ranking(result: Trace) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.region.id, c.sides, c.reasons.text if c.reasons else "") for c in result.candidates]


def test_headache_on_the_left(mini_graph: BodyGraph) -> None:
    result = trace(mini_graph, "headache", side="left")
    assert [(r.id, r.side) for r in result.felt_at] == [
        ("temple", "left"),
        ("occipital-ridge", "midline"),
    ]
    assert [c.region.id for c in result.candidates] == [
        "erector-spinae",  # 1 step, moderate
        "splenius",  # 1 step, not studied, a line and a pattern agree
        "upper-trapezius",  # 1 step (essential zone), not studied, one pattern
        "hamstrings",  # 3 steps, moderate
        "rhomboids",  # 3 steps, not studied: the Spiral Line crosses to the right
        "calf",  # 4 steps, moderate
    ]
    splenius = result.candidates[1]
    assert splenius.mechanisms == ("fascial-line", "trigger-point")
    assert splenius.reasons is not None and splenius.reasons.agreeing == 2
    assert result.candidates[4].sides == ("right",)
    # Stations are waypoints, never candidates; the trace names them as landmarks.
    assert {r.id for r in result.landmarks} == {"sacrum", "spinous-processes"}
    assert [flag.id for flag in result.red_flags] == ["thunderclap"]


def test_paths_run_from_the_source_to_where_it_is_felt(mini_graph: BodyGraph) -> None:
    result = trace(mini_graph, "headache", side="left")
    rhomboids = next(c for c in result.candidates if c.region.id == "rhomboids")
    (path,) = rhomboids.paths
    assert [(r.id, r.side) for r in path.regions] == [
        ("rhomboids", "right"),
        ("spinous-processes", "midline"),
        ("splenius", "left"),
        ("occipital-ridge", "midline"),
    ]
    assert (path.line, path.hops, path.evidence) == ("spiral-line", 3, "not-studied")
    assert [(s.start.id, s.end.id) for s in path.steps] == [
        ("rhomboids", "spinous-processes"),
        ("spinous-processes", "splenius"),
        ("splenius", "occipital-ridge"),
    ]
    calf = next(c for c in result.candidates if c.region.id == "calf")
    assert calf.paths[0].evidence == "moderate"  # hamstrings-sacrum is the weakest step


def test_a_midline_felt_region_seeds_only_the_side_asked_about(mini_graph: BodyGraph) -> None:
    # From the occipital ridge alone (midline), a left question reaches only left tissue and
    # the right rhomboids the left Spiral Line crosses to.
    result = trace_from(mini_graph, [("occipital-ridge", "midline")], TraceOptions(side="left"))
    assert {(c.region.id, c.sides) for c in result.candidates} == {
        ("erector-spinae", ("left",)),
        ("splenius", ("left",)),
        ("hamstrings", ("left",)),
        ("calf", ("left",)),
        ("rhomboids", ("right",)),
    }


def test_both_sides_give_one_row_per_region_with_its_sides(mini_graph: BodyGraph) -> None:
    result = trace(mini_graph, "headache", side="both")
    rows = [c.region.id for c in result.candidates]
    assert len(rows) == len(set(rows))
    assert next(c for c in result.candidates if c.region.id == "rhomboids").sides == (
        "left",
        "right",
    )


def trace_with(raw: dict[str, Any], symptom: str, **options: Any) -> Trace:
    return trace(build_graph(parse_atlas(json.dumps(raw))), symptom, **options)


def test_a_muscle_where_the_pain_is_felt_keeps_its_own_pattern(mini_raw: dict[str, Any]) -> None:
    mini_raw["symptoms"].append(
        {"id": "neck", "name": "Neck", "felt_at": ["upper-trapezius", "temple"]}
    )
    result = trace_with(mini_raw, "neck", side="left")
    trapezius = next(c for c in result.candidates if c.region.id == "upper-trapezius")
    assert [link.pattern for link in trapezius.trigger_points] == ["upper-trapezius-to-temple"]


def test_a_pattern_counts_once_however_many_felt_areas_it_reaches(
    mini_raw: dict[str, Any],
) -> None:
    mini_raw["referral_patterns"][0]["essential"] = ["temple", "occipital-ridge"]
    result = trace_with(mini_raw, "headache", side="left")
    trapezius = next(c for c in result.candidates if c.region.id == "upper-trapezius")
    assert len(trapezius.trigger_points) == 2
    assert trapezius.reasons is not None and trapezius.reasons.agreeing == 1


def test_an_essential_zone_ranks_above_a_spillover_zone(mini_raw: dict[str, Any]) -> None:
    mini_raw["referral_patterns"][0]["essential"] = ["heel"]
    mini_raw["referral_patterns"][0]["spillover"] = ["temple"]
    result = trace_with(mini_raw, "headache", side="left")
    ids = [c.region.id for c in result.candidates]
    trapezius = result.candidates[ids.index("upper-trapezius")]
    assert trapezius.reasons is not None and trapezius.reasons.steps == 2
    assert trapezius.trigger_points[0].zone == "spillover"
    assert ids.index("splenius") < ids.index("upper-trapezius") < ids.index("hamstrings")


def test_min_evidence_drops_weaker_steps(mini_graph: BodyGraph) -> None:
    result = trace(mini_graph, "heel pain", side="left", min_evidence="strong")
    assert [(c.region.id, c.paths[0].hops) for c in result.candidates] == [
        ("calf", 1),
        ("hamstrings", 2),
    ]


def test_a_line_filter_takes_ids_abbreviations_or_names(mini_graph: BodyGraph) -> None:
    for name in ("back-line", "bl", "Back Line"):
        result = trace(mini_graph, "heel pain", side="left", lines=[name])
        assert {line for c in result.candidates for line in c.lines} == {"back-line"}


def test_trace_from_clicked_regions(mini_graph: BodyGraph) -> None:
    result = trace_from(mini_graph, [("rhomboids", "right")])
    assert [(c.region.id, c.region.side) for c in result.candidates] == [("splenius", "left")]
    assert result.symptom is None and result.red_flags == ()
    with pytest.raises(ValueError, match="No region is called 'elbow'"):
        trace_from(mini_graph, [("elbow", "left")])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"side": "middle"}, "unknown side"),
        ({"max_hops": 0}, "between 1 and"),
        ({"max_hops": 2.5}, "whole number"),
        ({"min_evidence": "great"}, "unknown evidence grade"),
        ({"lines": ["XX"]}, "unknown line"),
        ({"lines": [" "]}, "no line given"),
    ],
)
def test_bad_options_raise_one_sentence(
    mini_graph: BodyGraph, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        trace(mini_graph, "headache", **options)


def test_an_unknown_symptom_suggests_in_one_style(mini_graph: BodyGraph) -> None:
    with pytest.raises(UnknownSymptom) as caught:
        trace(mini_graph, "pain")  # heel pain or menstrual pain?
    assert caught.value.suggestions
    assert str(caught.value).startswith("No symptom is called")
    with pytest.raises(UnknownSymptom) as nothing:
        trace(mini_graph, "zzzz")
    assert nothing.value.suggestions == ()
    assert str(nothing.value) == "No symptom is called 'zzzz'."


def test_an_alias_with_a_note_carries_it(mini_raw: dict[str, Any]) -> None:
    mini_raw["symptoms"][0]["aliases"].append("migraine")
    mini_raw["symptoms"][0]["alias_notes"] = {"migraine": "Migraine is a different condition."}
    for typed in ("Migraine", "migrane"):  # a misspelt alias still brings its note
        result = trace_with(mini_raw, typed)
        assert result.match is not None
        assert (result.match.alias, result.match.note) == (
            "migraine",
            "Migraine is a different condition.",
        )


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples load the fixture by a path relative to the repository root.
    monkeypatch.chdir(Path(__file__).parents[1])
    for name in (
        "fascialines",
        "fascialines.evidence",
        "fascialines.graph",
        "fascialines.lookup",
        "fascialines.serialize",
        "fascialines.tracing",
        "fascialines.tracing.engine",
        "fascialines.tracing.options",
        "fascialines.tracing.ranking",
        "fascialines.explain",
    ):
        failures, tried = doctest.testmod(importlib.import_module(name))
        assert tried > 0, name
        assert failures == 0, name


def test_a_long_line_is_searched_only_near_the_symptom(mini_atlas: Atlas) -> None:
    # One line through 3,000 regions: three steps each way, whatever the length.
    count = 3000
    regions = [
        {"id": f"r{i}", "name": f"R{i}", "kind": "track", "laterality": "paired",
         "body_area": "trunk"}
        for i in range(count)
    ]  # fmt: skip
    steps = [
        {"from": f"r{i}", "to": f"r{i + 1}", "evidence": "strong", "sources": ["s"]}
        for i in range(count - 1)
    ]
    raw = {
        "schema_version": 2,
        "regions": regions,
        "lines": [
            {"id": "long", "abbreviation": "LONG", "name": "Long", "colour": "#000000",
             "summary": "s", "evidence": {"grade": "strong", "summary": "s", "sources": ["s"]},
             "branches": [{"id": "main", "name": "Main", "transitions": steps}]}
        ],
        "symptoms": [{"id": "ache", "name": "Ache", "felt_at": [f"r{count // 2}"]}],
        "sources": [{"id": "s", "citation": "s"}],
    }  # fmt: skip
    result = trace_with(raw, "ache", side="left", max_hops=3)
    assert [c.region.id for c in result.candidates] == [
        "r1499",
        "r1501",
        "r1498",
        "r1502",
        "r1497",
        "r1503",
    ]
