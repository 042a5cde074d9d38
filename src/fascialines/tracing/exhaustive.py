"""A naive reference search: every simple path within the bound, for tests and benchmarks.

It answers the same question as :func:`fascialines.tracing.search.best_paths` by brute force,
with :func:`networkx.all_simple_edge_paths` over each line copy's subgraph, and shares no code
with it: the property tests check that both agree, and the benchmarks time both.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from fascialines.evidence import Evidence
from fascialines.graph import BodyGraph, LineEdge, NodeKey
from fascialines.tracing.options import TraceOptions

__all__ = ["all_best_paths"]


def all_best_paths(
    graph: BodyGraph, felt_at: Iterable[NodeKey], options: TraceOptions
) -> dict[tuple[str, NodeKey], tuple[int, Evidence]]:
    """``(steps, weakest grade)`` of the best simple path per (line, node) from a felt-at node.

    Best is fewest steps, then the strongest weakest grade; a path from a midline felt-at node
    must take its first step towards a side asked about (see :mod:`~fascialines.tracing.search`).
    """
    felt = list(dict.fromkeys(felt_at))
    copies: dict[str, nx.MultiGraph[NodeKey]] = {}
    best: dict[tuple[str, NodeKey], tuple[int, Evidence]] = {}
    for seed in felt:
        for key in graph.copies_at(seed):
            line = key.rpartition("@")[0]
            if options.lines is not None and line not in options.lines:
                continue
            if key not in copies:
                copy: nx.MultiGraph[NodeKey] = nx.MultiGraph()
                for edge in graph.edges(line):
                    if edge.key == key and edge.evidence >= options.weakest:
                        copy.add_edge(edge.start, edge.end, edge=edge)
                copies[key] = copy
            copy = copies[key]
            if seed not in copy:
                continue
            # Only nodes within the bound can be reached; every simple path to each is tried.
            near = nx.single_source_shortest_path_length(copy, seed, cutoff=options.max_hops)
            for target in near:
                if target == seed:
                    continue
                for walk in nx.all_simple_edge_paths(copy, seed, target, cutoff=options.max_hops):
                    # On a multigraph each step of a walk is (u, v, key); the stubs type it
                    # loosely, so it is read as a sequence.
                    edges: list[LineEdge] = [
                        copy.edges[step[0], step[1], step[2]]["edge"]  # type: ignore[misc]
                        for step in walk
                    ]
                    if seed[1] == "midline" and edges[0].flank_beyond(seed) not in options.sides:
                        continue
                    value = (len(edges), min(edge.evidence for edge in edges))
                    slot = (line, target)
                    if slot not in best or (value[0], -value[1].rank) < (
                        best[slot][0],
                        -best[slot][1].rank,
                    ):
                        best[slot] = value
    return best
