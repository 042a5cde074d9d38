"""Properties of any trace: real walks along the stated line, bounded, ranked, never raising."""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import EVIDENCE_ORDER, Atlas, load_atlas
from fascialines.graph import INSTANCES, build_graph, edge_key
from fascialines.trace import Trace, resolve_lines, trace
from strategies import atlases, trace_requests


def check_trace(graph: nx.MultiGraph, result: Trace, request: dict[str, Any]) -> None:
    atlas: Atlas = graph.graph["atlas"]
    allowed = resolve_lines(atlas, request["lines"]) or {line.id for line in atlas.lines}
    min_rank = EVIDENCE_ORDER[request["min_evidence"]]
    felt = {(region.id, region.side) for region in result.felt_at}
    seen = set()
    for rank, candidate in enumerate(result.candidates, start=1):
        node = (candidate.region.id, candidate.region.side)
        assert candidate.rank == rank
        assert node in graph and node not in felt and node not in seen
        seen.add(node)
        assert candidate.mechanism == ("fascial-line" if candidate.paths else "trigger-point")
        assert candidate.lines == tuple(sorted({path.line for path in candidate.paths}))
        for path in candidate.paths:
            nodes = [(region.id, region.side) for region in path.regions]
            assert nodes[0] == node and nodes[-1] in felt
            assert path.hops == len(nodes) - 1 == len(path.steps)
            assert 1 <= path.hops <= request["max_hops"]
            assert path.line in allowed
            # One instance of the stated line joins every consecutive pair.
            assert any(
                all(graph.has_edge(u, v, edge_key(path.line, side)) for u, v in pairwise(nodes))
                for side in INSTANCES
            )
            grades = [step.evidence for step in path.steps]
            assert all(EVIDENCE_ORDER[grade] >= min_rank for grade in grades)
            assert path.evidence == min(grades, key=EVIDENCE_ORDER.__getitem__)
        for link in candidate.trigger_points:
            assert (link.refers_to.id, link.refers_to.side) in felt
            assert graph.graph["referrals"].has_edge(node, (link.refers_to.id, link.refers_to.side))
    scores = [candidate.score for candidate in result.candidates]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_trace_on_a_random_atlas(data: st.DataObject) -> None:
    atlas = data.draw(atlases())
    graph = build_graph(atlas)
    request = data.draw(trace_requests(atlas))
    check_trace(graph, trace(graph, **request), request)


@cache
def packaged_graph() -> nx.MultiGraph:
    # Built on first use, so a broken packaged atlas fails this test, not the collection.
    return build_graph(load_atlas())


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_trace_on_the_packaged_atlas(data: st.DataObject) -> None:
    graph = packaged_graph()
    atlas: Atlas = graph.graph["atlas"]
    if not atlas.symptoms:
        return
    request = data.draw(trace_requests(atlas, max_hops=8))
    check_trace(graph, trace(graph, **request), request)
