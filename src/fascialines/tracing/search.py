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

Reuse
-----
A search depends on the line copy, the felt-at node, the weakest grade walked and (from a
midline node) the side asked, never on the symptom: it is kept in the graph's memo
(:mod:`fascialines.tracing.memo`) as a :class:`Reach` and reused by every trace that needs it.
Breadth-first layers up to ``max_hops`` do not depend on the layers after them, so a search
made to more steps answers a request for fewer by cutting its layers; one made to fewer is
made again, to the new bound.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from fascialines.evidence import Evidence
from fascialines.graph import BodyGraph, LineEdge, NodeKey, RegionRef
from fascialines.tracing.memo import Memo, SearchKey, memo_for
from fascialines.tracing.options import MAX_HOPS, TraceOptions
from fascialines.tracing.results import LinePath, Step

__all__ = ["Found", "Reach", "best_paths", "best_reached"]

# Above every grade: the weakest grade of an empty path.
_NO_STEP = 5

_Tree = Mapping[NodeKey, "tuple[NodeKey, LineEdge] | None"]


class Reach:
    """What one line copy reaches from one felt-at node, breadth first, within ``depth`` steps.

    ``reached`` lists ``(node, steps, grade rank)`` in breadth-first order (the felt-at node
    left out); ``parents`` is the search's tree. Read-only once made, and shared between
    traces through the graph's memo.
    """

    __slots__ = ("_cuts", "_grades", "_paths", "depth", "line", "parents", "reached", "seed")

    def __init__(
        self,
        line: str,
        seed: NodeKey,
        depth: int,
        parents: dict[NodeKey, tuple[NodeKey, LineEdge] | None],
        grades: dict[NodeKey, int],
        reached: list[tuple[NodeKey, int, int]],
        cuts: list[int],
    ) -> None:
        self.line = line
        self.seed = seed
        #: The bound it was made to: :data:`MAX_HOPS` when nothing lay beyond its last layer.
        self.depth = depth
        self.parents: _Tree = MappingProxyType(parents)
        self._grades = grades
        self.reached = tuple(reached)
        # cuts[steps]: how many nodes lie within that many steps (one entry per layer made).
        self._cuts = cuts
        self._paths: dict[NodeKey, LinePath] = {}

    def within(self, max_hops: int) -> tuple[tuple[NodeKey, int, int], ...]:
        """The nodes reached in at most ``max_hops`` steps (at most :attr:`depth`)."""
        cuts = self._cuts
        return self.reached[: cuts[min(max_hops, len(cuts) - 1)]]

    def line_path(self, graph: BodyGraph, memo: Memo, node: NodeKey) -> LinePath:
        """The best path to ``node`` as shown: from ``node`` (the source) to the felt-at node.

        Made once per node and kept: it shares its tail with the path to the node's parent,
        which is made (and kept) first.
        """
        path = self._paths.get(node)
        if path is not None:
            return path
        back = self.parents[node]
        if back is None:
            raise ValueError(f"{node} is where this search starts: it has no path")
        parent, edge = back
        step = _step(graph, memo, edge, node)
        regions: tuple[RegionRef, ...]
        steps: tuple[Step, ...]
        if parent == self.seed:
            regions, steps = (step.start, step.end), (step,)
        else:
            tail = self.line_path(graph, memo, parent)
            regions, steps = (step.start, *tail.regions), (step, *tail.steps)
        path = LinePath(self.line, regions, steps, _VALUES[self._grades[node]], len(steps))
        self._paths[node] = path
        return path


def _step(graph: BodyGraph, memo: Memo, edge: LineEdge, start: NodeKey) -> Step:
    key = (id(edge), start)
    found = memo.steps.get(key)
    if found is None:
        found = memo.steps[key] = Step(
            graph.ref(start),
            graph.ref(edge.other(start)),
            _VALUES[edge.rank],
            edge.evidence_basis,
            edge.sources,
        )
    return found


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
    parents: _Tree

    @property
    def edges(self) -> tuple[LineEdge, ...]:
        """The path's edges, from the felt-at node to :attr:`node`."""
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
    return {
        slot: Found(slot[0], slot[1], hops, rank, reach.seed, reach.parents)
        for slot, (hops, rank, reach) in best_reached(graph, felt_at, options).items()
    }


def best_reached(
    graph: BodyGraph, felt_at: Iterable[NodeKey], options: TraceOptions
) -> dict[tuple[str, NodeKey], tuple[int, int, Reach]]:
    """As :func:`best_paths`, as ``(steps, grade rank, search)``: what the engine reads.

    The path itself is ``search.line_path(graph, memo_for(graph), node)``, made only for what
    a trace shows.
    """
    memo = memo_for(graph)
    max_hops = options.max_hops
    weakest = options.weakest.rank
    wanted = frozenset(options.sides)
    lines = options.lines
    best: dict[tuple[str, NodeKey], tuple[int, int, Reach]] = {}
    for seed in dict.fromkeys(felt_at):
        side_key = options.side if seed[1] == "midline" else ""
        for key in graph.copies_at(seed):
            line = key.rpartition("@")[0]
            if lines is not None and line not in lines:
                continue
            search_key: SearchKey = (key, seed, weakest, side_key)
            reach = memo.searches.get(search_key)
            if reach is None or reach.depth < max_hops:
                reach = _search(graph, line, key, seed, wanted, weakest, max_hops)
                memo.searches.put(search_key, reach)
            for node, hops, rank in reach.within(max_hops):
                slot = (line, node)
                held = best.get(slot)
                if held is None or hops < held[0] or (hops == held[0] and rank > held[1]):
                    best[slot] = (hops, rank, reach)
    return best


def _search(
    graph: BodyGraph,
    line: str,
    key: str,
    seed: NodeKey,
    wanted: frozenset[str],
    weakest: int,
    max_hops: int,
) -> Reach:
    # parent[node] = (previous node, edge); grade[node] = weakest grade rank on its best path.
    parent: dict[NodeKey, tuple[NodeKey, LineEdge] | None] = {seed: None}
    grade: dict[NodeKey, int] = {seed: _NO_STEP}
    hops: dict[NodeKey, int] = {seed: 0}
    reached: list[tuple[NodeKey, int, int]] = []
    cuts = [0]
    midline_seed = seed[1] == "midline"
    # The copy's adjacency, fetched once: the loop below is the whole cost of a search.
    adjacency = graph.copy_adjacency(key)
    none: tuple[LineEdge, ...] = ()
    frontier = [seed]
    for depth in range(1, max_hops + 1):
        layer: list[NodeKey] = []
        for node in frontier:
            reach = grade[node]
            for edge in adjacency.get(node, none):
                rank = edge.rank
                if rank < weakest:
                    continue
                # edge.other(node) and edge.flank_beyond(node), written out.
                forward = node == edge.start
                if (
                    depth == 1
                    and midline_seed
                    and (edge.end_flank if forward else edge.start_flank) not in wanted
                ):
                    continue
                other = edge.end if forward else edge.start
                through = reach if reach < rank else rank
                if other not in hops:
                    hops[other] = depth
                    grade[other] = through
                    parent[other] = (node, edge)
                    layer.append(other)
                elif hops[other] == depth and through > grade[other]:
                    grade[other] = through
                    parent[other] = (node, edge)
        if not layer:
            # Nothing further: the search is complete for any bound.
            return Reach(line, seed, MAX_HOPS, parent, grade, reached, cuts)
        # A layer's grades are final once the whole layer is made.
        reached.extend([(node, depth, grade[node]) for node in layer])
        cuts.append(len(reached))
        frontier = layer
    return Reach(line, seed, max_hops, parent, grade, reached, cuts)


_GRADES = {grade.rank: grade for grade in Evidence}
# Plain strings for the results: ``.value`` of an enum member is a slow descriptor.
_VALUES = {grade.rank: str(grade.value) for grade in Evidence}
