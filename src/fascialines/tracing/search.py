"""The search: for every line and node, the best path from where a symptom is felt.

"Best" is the ranking rule's order for one path: fewest steps, then the strongest weakest
grade (the evidence the path stands on). One breadth-first search per felt-at node and line
copy, bounded by ``max_hops``, finds it exactly: breadth-first layers give the fewest steps,
and among the shortest paths to a node the strongest weakest grade is the best over its
predecessors in the previous layer. Shortest paths are simple, so this agrees with an
enumeration of every simple path within the bound (:mod:`fascialines.tracing.exhaustive`).

Which edges a search may take
------------------------------
Only edges of the copy being searched, of the lines asked for, graded at least
``min_evidence``. From a *midline* felt-at node (the occipital ridge, the sacrum) the first
step must lead to the side asked about: the edge's flank at its far end, stored when the graph
was built, says which side of the body the copy runs on there. A paired felt-at node is
already on the side asked about, so every copy through it is searched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fascialines.evidence import Evidence
from fascialines.graph import BodyGraph, LineEdge, NodeKey
from fascialines.tracing.options import TraceOptions

__all__ = ["Found", "best_paths"]

# Above every grade: the weakest grade of an empty path.
_NO_STEP = 5


@dataclass(frozen=True, slots=True)
class Found:
    """The best path found to ``node`` along ``line``: from the felt-at node to ``node``."""

    line: str
    node: NodeKey
    hops: int
    #: The rank of the weakest grade on the path (see :attr:`Evidence.rank`).
    rank: int
    #: The felt-at node it starts from.
    seed: NodeKey
    #: The search's tree: each node's previous node and edge on its best path.
    parents: Mapping[NodeKey, tuple[NodeKey, LineEdge] | None]

    @property
    def edges(self) -> tuple[LineEdge, ...]:
        """The path's edges, from the felt-at node to :attr:`node`."""
        # Walked back through the search's tree on demand: most paths found are never shown.
        edges: list[LineEdge] = []
        at = self.node
        while (back := self.parents[at]) is not None:
            at, edge = back
            edges.append(edge)
        edges.reverse()
        return tuple(edges)

    @property
    def evidence(self) -> Evidence:
        """The weakest grade on the path."""
        return _GRADES[self.rank]

    @property
    def order(self) -> tuple[int, int]:
        """Sorts best first: fewest steps, then the strongest weakest grade."""
        return (self.hops, -self.rank)


def best_paths(
    graph: BodyGraph, felt_at: Iterable[NodeKey], options: TraceOptions
) -> dict[tuple[str, NodeKey], Found]:
    """The best path per (line, node) within the options, from any felt-at node.

    Ties (same steps and grade) keep the first found: felt-at nodes in the order given, left
    copy before right. A felt-at node is reported when a path from another one reaches it:
    with pain felt in two places, tissue at one may be linked to the other.
    """
    felt = list(dict.fromkeys(felt_at))
    wanted: set[str] = set(options.sides)
    weakest = options.weakest.rank
    # The winners are kept as plain tuples and made Found only at the end: most nodes reached
    # lose to another path, and building an object for each would cost more than the search.
    best: dict[tuple[str, NodeKey], tuple[int, int, NodeKey, _Tree]] = {}
    for seed in felt:
        for key in graph.copies_at(seed):
            line = key.rpartition("@")[0]
            if options.lines is not None and line not in options.lines:
                continue
            parent, hops, grade = _search(graph, key, seed, wanted, weakest, options.max_hops)
            for node, depth in hops.items():
                if node == seed:
                    continue
                slot = (line, node)
                held = best.get(slot)
                if held is None or (depth, -grade[node]) < (held[0], -held[1]):
                    best[slot] = (depth, grade[node], seed, parent)
    return {
        (line, node): Found(line, node, depth, rank, seed, parent)
        for (line, node), (depth, rank, seed, parent) in best.items()
    }


_Tree = Mapping[NodeKey, "tuple[NodeKey, LineEdge] | None"]


def _search(
    graph: BodyGraph,
    key: str,
    seed: NodeKey,
    wanted: set[str],
    weakest: int,
    max_hops: int,
) -> tuple[dict[NodeKey, tuple[NodeKey, LineEdge] | None], dict[NodeKey, int], dict[NodeKey, int]]:
    # parent[node] = (previous node, edge); grade[node] = weakest grade rank on its best path.
    parent: dict[NodeKey, tuple[NodeKey, LineEdge] | None] = {seed: None}
    grade: dict[NodeKey, int] = {seed: _NO_STEP}
    hops: dict[NodeKey, int] = {seed: 0}
    midline_seed = seed[1] == "midline"
    frontier = [seed]
    for depth in range(1, max_hops + 1):
        layer: list[NodeKey] = []
        for node in frontier:
            reach = grade[node]
            for edge in graph.copy_edges_at(key, node):
                rank = edge.rank
                if rank < weakest:
                    continue
                if depth == 1 and midline_seed and edge.flank_beyond(node) not in wanted:
                    continue
                other = edge.other(node)
                through = min(reach, rank)
                if other not in hops:
                    hops[other] = depth
                    grade[other] = through
                    parent[other] = (node, edge)
                    layer.append(other)
                elif hops[other] == depth and through > grade[other]:
                    grade[other] = through
                    parent[other] = (node, edge)
        if not layer:
            break
        frontier = layer
    return parent, hops, grade


_GRADES = {grade.rank: grade for grade in Evidence}
