"""The body graph as a frozen networkx multigraph, for networkx algorithms and for drawing.

:class:`fascialines.graph.BodyGraph` builds it once (its ``view``); nothing else should need
to build one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import networkx as nx

from fascialines.atlas import Atlas

if TYPE_CHECKING:
    from fascialines.graph import LineEdge, NodeKey, Referral, RegionRef

__all__ = ["networkx_view"]


def networkx_view(
    atlas: Atlas,
    refs: Mapping[NodeKey, RegionRef],
    edges: Iterable[LineEdge],
    referrals: Iterable[Referral],
) -> nx.MultiGraph[NodeKey]:
    """The same graph as a frozen networkx multigraph, for networkx algorithms and drawing.

    Nodes carry ``region``, ``side``, ``name`` and ``kind``; edges are keyed ``"<line>@<copy>"``
    with ``line``, ``instance`` (the copy), ``branch``, ``evidence``, ``evidence_basis``,
    ``sources``, ``note``, ``weight`` (:attr:`Evidence.weight`), ``step`` (the transition's
    ``(from, to)`` as written) and ``edge`` (the :class:`LineEdge`). ``graph["atlas"]`` is the
    atlas and ``graph["referrals"]`` a DiGraph, muscle node to area node, with ``pattern`` (the
    first pattern), ``patterns`` and ``sources``.
    """
    kinds = {region.id: region.kind for region in atlas.regions}
    referral_graph: nx.DiGraph[NodeKey] = nx.DiGraph(
        sources={p.id: tuple(p.sources) for p in atlas.referral_patterns}
    )
    for referral in referrals:
        start, end = referral.muscle, referral.area
        if referral_graph.has_edge(start, end):
            data = referral_graph.edges[start, end]
            if referral.pattern not in data["patterns"]:
                data["patterns"] += (referral.pattern,)
                data["sources"] = tuple(dict.fromkeys((*data["sources"], *referral.sources)))
            continue
        referral_graph.add_edge(
            start,
            end,
            pattern=referral.pattern,
            patterns=(referral.pattern,),
            sources=referral.sources,
        )
    graph: nx.MultiGraph[NodeKey] = nx.MultiGraph(atlas=atlas, referrals=nx.freeze(referral_graph))
    for node, ref in refs.items():
        graph.add_node(node, region=ref.id, side=ref.side, name=ref.name, kind=kinds[ref.id])
    for edge in edges:
        graph.add_edge(
            edge.start,
            edge.end,
            key=edge.key,
            line=edge.line,
            instance=edge.copy,
            branch=edge.branch,
            evidence=edge.evidence.value,
            evidence_basis=edge.evidence_basis,
            sources=edge.sources,
            note=edge.note,
            weight=edge.evidence.weight,
            step=(edge.start[0], edge.end[0]),
            edge=edge,
        )
    frozen: nx.MultiGraph[NodeKey] = nx.freeze(graph)
    return frozen
