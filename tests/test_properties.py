"""Properties of every trace on generated atlases (branches, loops, crossings) and the shipped one.

The central one: the trace equals a brute-force answer, built here from every simple path
within the bound (:func:`fascialines.tracing.exhaustive.all_best_paths`) and the ranking rule
written out again, so the bounded search and the rank cannot drift apart unnoticed.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.evidence import Evidence
from fascialines.graph import SOFT_TISSUE, BodyGraph, build_graph
from fascialines.tracing import Trace, resolve_lines, trace
from fascialines.tracing.exhaustive import all_best_paths
from strategies import atlases, parse, raw_atlases, reversed_lines, trace_requests

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MIRROR = {"left": "right", "right": "left", "midline": "midline"}


def brute_force(graph: BodyGraph, result: Trace) -> list[tuple[str, tuple[int, int, int]]]:
    """Region ids in rank order with their rule key, from scratch."""
    atlas = graph.atlas
    kinds = {region.id: region.kind for region in atlas.regions}
    felt = [(ref.id, ref.side) for ref in result.felt_at]
    options = result.options
    supports: dict[str, list[tuple[int, Evidence]]] = {}
    agreeing: dict[str, set[str]] = {}
    for (line, node), (hops, grade) in all_best_paths(graph, felt, options).items():
        if kinds[node[0]] in SOFT_TISSUE:
            supports.setdefault(node[0], []).append((hops, grade))
            agreeing.setdefault(node[0], set()).add(f"line {line}")
    for pattern in atlas.referral_patterns:
        if kinds[pattern.muscle] not in SOFT_TISSUE:
            continue
        for area, _ in felt:
            zone = pattern.zone(area)
            if zone is None:
                continue
            supports.setdefault(pattern.muscle, []).append(
                (1 if zone == "essential" else 2, Evidence.NOT_STUDIED)
            )
            agreeing.setdefault(pattern.muscle, set()).add(f"pattern {pattern.id}")
    keyed = []
    for region, found in supports.items():
        steps, grade = min(found, key=lambda s: (s[0], -s[1].rank))
        keyed.append((region, (steps, -grade.rank, -len(agreeing[region]))))
    return sorted(keyed, key=lambda item: (item[1], item[0]))


def check_trace(graph: BodyGraph, result: Trace, request: dict[str, Any]) -> None:
    """Every path is a real walk along the stated line copy, within the options."""
    atlas: Atlas = graph.atlas
    allowed = resolve_lines(graph.index, request["lines"]) or {line.id for line in atlas.lines}
    weakest = Evidence(request["min_evidence"])
    felt = {(region.id, region.side) for region in result.felt_at}
    kinds = {region.id: region.kind for region in atlas.regions}
    for rank, candidate in enumerate(result.candidates, start=1):
        assert candidate.rank == rank
        assert kinds[candidate.region.id] in SOFT_TISSUE  # never a station or an area
        assert candidate.mechanisms[0] == candidate.mechanism
        assert set(candidate.mechanisms) == ({"fascial-line"} if candidate.paths else set()) | (
            {"trigger-point"} if candidate.trigger_points else set()
        )
        for path in candidate.paths:
            nodes = [(region.id, region.side) for region in path.regions]
            assert nodes[0][0] == candidate.region.id and nodes[0][1] in candidate.sides
            assert nodes[-1] in felt and nodes[0] != nodes[-1]
            assert path.hops == len(nodes) - 1 == len(path.steps)
            assert 1 <= path.hops <= request["max_hops"]
            assert path.line in allowed
            copies: dict[str, set[frozenset[tuple[str, str]]]] = {}
            for edge in graph.edges(path.line):
                copies.setdefault(edge.key, set()).add(frozenset((edge.start, edge.end)))
            walked = {frozenset(pair) for pair in pairwise(nodes)}
            assert any(walked <= pairs for pairs in copies.values())  # one copy carries it
            grades = [Evidence(step.evidence) for step in path.steps]
            assert min(grades) >= weakest
            assert Evidence(path.evidence) == min(grades)
        for link in candidate.trigger_points:
            assert (link.refers_to.id, link.refers_to.side) in felt
    scores = [candidate.score for candidate in result.candidates]
    assert scores == sorted(scores, reverse=True)


def path_keys(result: Trace, mirror: bool = False) -> dict[str, Any]:
    """What a trace says per region, in a form that does not depend on tie-breaking."""
    side = MIRROR.get if mirror else (lambda s: s)
    return {
        c.region.id: (
            c.rank,
            tuple(sorted(side(s) for s in c.sides)),
            (c.reasons.steps, c.reasons.evidence, c.reasons.agreeing) if c.reasons else None,
            c.lines,
            sorted((p.line, side(p.regions[0].side), p.hops, p.evidence) for p in c.paths),
            sorted(
                (t.pattern, side(t.muscle.side), t.refers_to.id, side(t.refers_to.side), t.zone)
                for t in c.trigger_points
            ),
        )
        for c in result.candidates
    }


@SETTINGS
@given(data=st.data())
def test_the_trace_equals_a_brute_force_enumeration(data: st.DataObject) -> None:
    graph = build_graph(data.draw(atlases()))
    request = data.draw(trace_requests(graph.atlas))
    result = trace(graph, **request)
    check_trace(graph, result, request)
    expected = brute_force(graph, result)
    got = [
        (c.region.id, (c.reasons.steps, -Evidence(c.reasons.evidence).rank, -c.reasons.agreeing))
        for c in result.candidates
        if c.reasons
    ]
    assert got == expected
    best = all_best_paths(graph, [(r.id, r.side) for r in result.felt_at], result.options)
    for candidate in result.candidates:
        for path in candidate.paths:
            node = (path.regions[0].id, path.regions[0].side)
            assert (path.hops, Evidence(path.evidence)) == best[path.line, node]


@SETTINGS
@given(data=st.data())
def test_writing_a_line_the_other_way_round_changes_nothing(data: st.DataObject) -> None:
    raw = data.draw(raw_atlases())
    graph, flipped = build_graph(parse(raw)), build_graph(parse(reversed_lines(raw)))
    request = data.draw(trace_requests(graph.atlas))
    assert path_keys(trace(graph, **request)) == path_keys(trace(flipped, **request))


@SETTINGS
@given(data=st.data())
def test_left_and_right_are_mirror_images(data: st.DataObject) -> None:
    graph = build_graph(data.draw(atlases()))
    request = {**data.draw(trace_requests(graph.atlas)), "side": "left"}
    left = trace(graph, **request)
    right = trace(graph, **{**request, "side": "right"})
    assert path_keys(left, mirror=True) == path_keys(right)


def reach(result: Trace) -> dict[tuple[str, str], tuple[int, int]]:
    """The best (steps, -grade) per (region, line) of a trace."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for candidate in result.candidates:
        for path in candidate.paths:
            value = (path.hops, -Evidence(path.evidence).rank)
            slot = (candidate.region.id, path.line)
            found[slot] = min(found.get(slot, value), value)
    return found


@SETTINGS
@given(data=st.data())
def test_more_steps_never_lose_a_candidate_or_worsen_its_path(data: st.DataObject) -> None:
    graph = build_graph(data.draw(atlases()))
    request = data.draw(trace_requests(graph.atlas, max_hops=5))
    shorter = trace(graph, **request)
    longer = trace(graph, **{**request, "max_hops": request["max_hops"] + 1})
    longer_reach = reach(longer)
    for slot, value in reach(shorter).items():
        assert longer_reach[slot] <= value
    kept = {c.region.id: c for c in longer.candidates}
    for candidate in shorter.candidates:
        assert candidate.region.id in kept
        assert kept[candidate.region.id].score >= candidate.score


@SETTINGS
@given(data=st.data())
def test_both_sides_find_everything_either_side_finds_once_per_region(
    data: st.DataObject,
) -> None:
    graph = build_graph(data.draw(atlases()))
    request = data.draw(trace_requests(graph.atlas))
    both = trace(graph, **{**request, "side": "both"})
    rows = [c.region.id for c in both.candidates]
    assert len(rows) == len(set(rows))
    sides = {c.region.id: set(c.sides) for c in both.candidates}
    both_reach = reach(both)
    for side in ("left", "right"):
        one = trace(graph, **{**request, "side": side})
        for candidate in one.candidates:
            assert set(candidate.sides) <= sides[candidate.region.id]
        for slot, value in reach(one).items():
            assert both_reach[slot] <= value


@SETTINGS
@given(data=st.data())
def test_a_line_filter_only_removes(data: st.DataObject) -> None:
    graph = build_graph(data.draw(atlases()))
    request = {**data.draw(trace_requests(graph.atlas)), "lines": None}
    everything = trace(graph, **request)
    ids = [line.id for line in graph.atlas.lines]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
    filtered = trace(graph, **{**request, "lines": chosen})
    assert {c.region.id for c in filtered.candidates} <= {
        c.region.id for c in everything.candidates
    }
    full = reach(everything)
    for slot, value in reach(filtered).items():
        assert slot[1] in chosen
        assert full[slot] == value  # the best path along a kept line is the same path


@cache
def packaged_graph() -> BodyGraph:
    # Built on first use, so a broken packaged atlas fails this test, not the collection.
    return build_graph(load_atlas())


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_trace_on_the_packaged_atlas(data: st.DataObject) -> None:
    graph = packaged_graph()
    if not graph.atlas.symptoms:
        return
    request = data.draw(trace_requests(graph.atlas, max_hops=8))
    result = trace(graph, **request)
    check_trace(graph, result, request)
    assert [c.region.id for c in result.candidates] == [r for r, _ in brute_force(graph, result)]
