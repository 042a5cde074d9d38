"""Tracing on the mini atlas, against answers worked out by hand.

The score of a candidate is ``(1 + rank of the weakest grade) / hops`` of its best path
(strong 4, moderate 3, limited 2, not-studied 1, not-found 0), plus 1 per further line and
1 per trigger-point pattern. In the mini atlas, from the occipital ridge the Back Line runs
erector spinae (1 hop, moderate) - sacrum - hamstrings - calf - heel; the Spiral Line runs
splenius - spinous processes - opposite rhomboids, every step not studied.
"""

from __future__ import annotations

import doctest
import importlib
import json
from pathlib import Path

import networkx as nx
import pytest
from fascialines.trace import (
    RegionRef,
    ScoreParts,
    TraceOptions,
    UnknownSymptom,
    find_symptom,
    trace,
    trace_from,
)

import fascialines
from fascialines.atlas import Atlas, parse_atlas
from fascialines.graph import EVIDENCE_WEIGHT


def ranking(result: fascialines.Trace) -> list[tuple[str, str, float]]:
    return [(c.region.id, c.region.side, c.score) for c in result.candidates]


def test_headache_on_the_left(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "headache", side="left")
    assert [(r.id, r.side) for r in result.felt_at] == [
        ("temple", "left"),
        ("occipital-ridge", "midline"),
    ]
    assert ranking(result) == [
        ("erector-spinae", "left", 4.0),  # moderate, 1 hop: (1 + 3) / 1
        ("splenius", "left", 3.0),  # not studied, 1 hop: 2 / 1, + 1 trigger point
        ("sacrum", "midline", 2.0),  # weakest moderate, 2 hops
        ("hamstrings", "left", 1.333333),
        ("calf", "left", 1.0),  # ties at 1.0 are broken by region id
        ("spinous-processes", "midline", 1.0),
        ("upper-trapezius", "left", 1.0),  # trigger point only
        ("rhomboids", "right", 0.666667),  # the Spiral Line crosses: left head, right back
    ]
    assert [c.rank for c in result.candidates] == list(range(1, 9))
    assert [flag.id for flag in result.red_flags] == ["thunderclap"]


def test_paths_run_from_the_source_to_where_it_is_felt(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "headache", side="left")
    rhomboids = next(c for c in result.candidates if c.region.id == "rhomboids")
    (path,) = rhomboids.paths
    assert path.line == "spiral-line"
    assert [(r.id, r.side) for r in path.regions] == [
        ("rhomboids", "right"),
        ("spinous-processes", "midline"),
        ("splenius", "left"),
        ("occipital-ridge", "midline"),
    ]
    assert path.hops == 3
    assert path.evidence == "not-studied"
    assert [(s.start.id, s.end.id) for s in path.steps] == [
        ("rhomboids", "spinous-processes"),
        ("spinous-processes", "splenius"),
        ("splenius", "occipital-ridge"),
    ]
    assert path.steps[0].sources == ("myers-2020",)
    calf = next(c for c in result.candidates if c.region.id == "calf")
    assert calf.paths[0].evidence == "moderate"  # hamstrings-sacrum is the weakest step
    assert calf.parts.hops == 4


def test_headache_on_the_right_mirrors_the_left(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "headache", side="right")
    mirrored = {"left": "right", "right": "left", "midline": "midline"}
    left = trace(mini_graph, "headache", side="left")
    assert ranking(result) == [(i, mirrored[s], score) for i, s, score in ranking(left)]


def test_trigger_point_candidates_are_marked_as_such(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "tension headache", side="left")
    trapezius = next(c for c in result.candidates if c.region.id == "upper-trapezius")
    assert trapezius.mechanism == "trigger-point"
    assert trapezius.paths == ()
    assert trapezius.lines == ()
    (link,) = trapezius.trigger_points
    assert link.pattern == "upper-trapezius-to-temple"
    assert link.refers_to == RegionRef("temple", "Temporal region", "left")
    assert link.sources == ("travell-simons-1983",)
    splenius = next(c for c in result.candidates if c.region.id == "splenius")
    assert splenius.mechanism == "fascial-line"
    assert splenius.parts.trigger_points == 1


def test_heel_pain_on_the_left(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "sore heel", side="left")
    assert ranking(result) == [
        ("calf", "left", 6.0),  # strong, 1 hop: 5, + 1 for the second line
        ("hamstrings", "left", 2.5),
        ("sacrum", "midline", 1.333333),
        ("adductor", "left", 1.0),
        ("erector-spinae", "left", 1.0),
        ("psoas", "left", 0.666667),
        ("diaphragm", "midline", 0.5),
        ("pelvic-floor", "midline", 0.5),
    ]
    calf = result.candidates[0]
    assert calf.lines == ("back-line", "deep-line")
    assert [p.line for p in calf.paths] == ["back-line", "deep-line"]  # best path first
    assert calf.parts == ScoreParts(1, "strong", 2, 0, 5.0)


def test_menstrual_pain_from_a_midline_region_reaches_both_sides(
    mini_graph: nx.MultiGraph,
) -> None:
    result = trace(mini_graph, "period pain")
    assert ranking(result) == [
        ("psoas", "left", 2.0),
        ("psoas", "right", 2.0),
        ("adductor", "left", 1.0),
        ("adductor", "right", 1.0),
        ("diaphragm", "midline", 1.0),
        ("calf", "left", 0.666667),
        ("calf", "right", 0.666667),
        ("heel", "left", 0.5),
        ("heel", "right", 0.5),
    ]
    left_only = trace(mini_graph, "period pain", side="left")
    assert {c.region.side for c in left_only.candidates} == {"left", "midline"}


def test_min_evidence_drops_weaker_steps(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "heel-pain", side="left", min_evidence="moderate")
    assert ranking(result) == [
        ("calf", "left", 5.0),
        ("hamstrings", "left", 2.5),
        ("sacrum", "midline", 1.333333),
        ("erector-spinae", "left", 1.0),
    ]
    strong = trace(mini_graph, "heel-pain", side="left", min_evidence="strong")
    assert ranking(strong) == [("calf", "left", 5.0), ("hamstrings", "left", 2.5)]


def test_max_hops_bounds_the_paths(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "heel-pain", side="left", max_hops=2)
    assert ranking(result) == [
        ("calf", "left", 6.0),
        ("hamstrings", "left", 2.5),
        ("adductor", "left", 1.0),
    ]
    longer = trace(mini_graph, "heel-pain", side="left", max_hops=5)
    assert ("occipital-ridge", "midline", 0.8) in ranking(longer)  # moderate, 5 hops


def test_line_filter_by_id_or_abbreviation(mini_graph: nx.MultiGraph) -> None:
    by_abbreviation = trace(mini_graph, "heel-pain", side="left", lines=["dl"])
    by_id = trace(mini_graph, "heel-pain", side="left", lines={"deep-line"})
    assert by_abbreviation.candidates == by_id.candidates
    assert by_id.options.lines == frozenset({"deep-line"})
    assert ranking(by_id)[0] == ("calf", "left", 2.0)
    assert {line for c in by_id.candidates for line in c.lines} == {"deep-line"}


def test_felt_at_regions_are_not_their_own_candidates(mini_graph: nx.MultiGraph) -> None:
    result = trace(mini_graph, "headache", side="both")
    felt = {(r.id, r.side) for r in result.felt_at}
    assert felt == {("temple", "left"), ("temple", "right"), ("occipital-ridge", "midline")}
    assert not felt & {(c.region.id, c.region.side) for c in result.candidates}


def test_trace_from_clicked_regions(mini_graph: nx.MultiGraph) -> None:
    result = trace_from(mini_graph, [("rhomboids", "right")])
    assert result.symptom is None
    assert ranking(result) == [
        ("spinous-processes", "midline", 2.0),
        ("splenius", "left", 1.0),
        ("occipital-ridge", "midline", 0.666667),
    ]
    both = trace_from(mini_graph, [("temple", "both")])
    assert {(c.region.id, c.region.side) for c in both.candidates} == {
        ("upper-trapezius", "left"),
        ("upper-trapezius", "right"),
        ("splenius", "left"),
        ("splenius", "right"),
    }
    with pytest.raises(ValueError, match="unknown region"):
        trace_from(mini_graph, [("elbow", "left")])


def test_a_trace_is_deterministic(mini_atlas: Atlas) -> None:
    first = trace(fascialines.build_graph(mini_atlas), "headache")
    second = trace(fascialines.build_graph(mini_atlas), "headache")
    assert first == second


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"side": "up"}, "unknown side 'up'"),
        ({"max_hops": 0}, "between 1 and 12"),
        ({"max_hops": 13}, "between 1 and 12"),
        ({"max_hops": 2.5}, "whole number"),
        ({"lines": ["XX", "BL"]}, "unknown line xx: choose from BL, SL, DL"),
        ({"min_evidence": "good"}, "unknown evidence grade 'good'"),
        ({"lines": [" ", ""]}, "no line given"),
    ],
)
def test_bad_options_raise_clear_errors(
    mini_graph: nx.MultiGraph, options: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        trace(mini_graph, "headache", **options)
    with pytest.raises(ValueError):
        trace_from(mini_graph, [("calf", "left")], TraceOptions(**options))


def test_find_symptom_by_id_name_or_alias(mini_atlas: Atlas) -> None:
    assert find_symptom(mini_atlas, "headache").id == "headache"
    assert find_symptom(mini_atlas, "HEEL PAIN").id == "heel-pain"
    assert find_symptom(mini_atlas, "  Period   pain ").id == "menstrual-pain"
    assert find_symptom(mini_atlas, "menstrual_pain").id == "menstrual-pain"


def test_unknown_symptom_suggests_the_closest(mini_atlas: Atlas) -> None:
    with pytest.raises(UnknownSymptom) as caught:
        find_symptom(mini_atlas, "headach")
    assert caught.value.query == "headach"
    assert caught.value.suggestions[0] == "headache"
    with pytest.raises(UnknownSymptom) as nothing:
        find_symptom(mini_atlas, "zzzz")
    assert nothing.value.suggestions == ()
    assert isinstance(nothing.value, LookupError)


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples load the fixture by a path relative to the repository root.
    monkeypatch.chdir(Path(__file__).parents[1])
    # importlib, because the package re-exports the function trace under the module's name.
    for name in ("fascialines", "fascialines.graph", "fascialines.trace", "fascialines.explain"):
        failures, tried = doctest.testmod(importlib.import_module(name))
        assert tried > 0, name
        assert failures == 0, name


def test_the_search_stays_near_the_symptom_on_a_large_atlas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One strong line through 3,000 regions: a bounded search settles a few dozen of them.
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
    graph = fascialines.build_graph(parse_atlas(json.dumps(raw)))
    settled: list[int] = []
    dijkstra = nx.multi_source_dijkstra

    def counting(*args: object, **kwargs: object) -> object:
        distances, paths = dijkstra(*args, **kwargs)
        settled.append(len(distances))
        return distances, paths

    monkeypatch.setattr(nx, "multi_source_dijkstra", counting)
    result = trace(graph, "ache", side="left", max_hops=3)
    assert [c.region.id for c in result.candidates[:2]] == ["r1499", "r1501"]
    assert len(result.candidates) == 6  # three hops each way
    # The cutoff (3 hops of the heaviest weight) reaches this many strong steps each way.
    reach = 3 * max(EVIDENCE_WEIGHT.values()) / EVIDENCE_WEIGHT["strong"]
    assert settled and max(settled) <= 2 * reach + 1 < count / 100
