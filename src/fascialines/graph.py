"""The body graph: one node per region and side, one edge per line transition.

A paired region (calf, shoulder) becomes a left and a right node; a midline region (sacrum,
linea alba) stays one node. Each line is instantiated once per starting side, so a line that
crosses the midline (the Spiral and Functional lines) joins a left region to a right one.
Fascial continuity is undirected; trigger-point referral is directed (muscle to area of pain)
and lives in a :class:`networkx.DiGraph` of its own in ``G.graph["referrals"]``.
"""

from __future__ import annotations

from typing import Literal

import networkx as nx

from fascialines.atlas import EVIDENCE_ORDER, Atlas, Line, Region

__all__ = [
    "EVIDENCE_WEIGHT",
    "INSTANCES",
    "NodeKey",
    "Side",
    "build_graph",
    "edge_key",
    "node_for",
]

Side = Literal["left", "right", "midline"]
NodeKey = tuple[str, str]

#: The two starting sides every line is instantiated for.
INSTANCES: tuple[str, str] = ("left", "right")

#: Edge weight per evidence grade: better evidence is cheaper to walk, so shortest paths prefer
#: well-supported transitions. A step of ``not-found`` costs four ``strong`` steps.
EVIDENCE_WEIGHT: dict[str, float] = {
    "strong": 1.0,
    "moderate": 1.5,
    "limited": 2.0,
    "not-studied": 3.0,
    "not-found": 4.0,
}
assert set(EVIDENCE_WEIGHT) == set(EVIDENCE_ORDER)

_OTHER_SIDE = {"left": "right", "right": "left"}


def edge_key(line_id: str, instance: str) -> str:
    """The multigraph key of a line instance's edges, ``"<line id>@<left|right>"``."""
    return f"{line_id}@{instance}"


def _node(region: Region, side: str) -> NodeKey:
    return (region.id, "midline") if region.laterality == "midline" else (region.id, side)


def node_for(atlas_or_graph: Atlas | nx.Graph, region_id: str, side: str) -> NodeKey:
    """Map a region and a requested side to its node; midline regions ignore the side.

    Parameters
    ----------
    atlas_or_graph : Atlas or networkx.Graph
        The atlas, or a graph from :func:`build_graph` (its ``graph["atlas"]`` is used).
    region_id : str
    side : {"left", "right", "midline"}

    Returns
    -------
    NodeKey
        ``(region_id, side)``, or ``(region_id, "midline")`` for a midline region.

    Raises
    ------
    KeyError
        If the region is unknown.
    ValueError
        If a paired region is asked for on the ``"midline"`` side, or the side is unknown.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> node_for(atlas, "calf", "left"), node_for(atlas, "sacrum", "right")
    (('calf', 'left'), ('sacrum', 'midline'))
    """
    atlas = atlas_or_graph if isinstance(atlas_or_graph, Atlas) else atlas_or_graph.graph["atlas"]
    region = atlas.region(region_id)
    if region.laterality == "midline":
        return (region.id, "midline")
    if side not in _OTHER_SIDE:
        raise ValueError(f"{region_id!r} is a paired region: choose side 'left' or 'right'")
    return (region.id, side)


def build_graph(atlas: Atlas) -> nx.MultiGraph:
    """Build the body graph of an atlas.

    Parameters
    ----------
    atlas : Atlas

    Returns
    -------
    networkx.MultiGraph
        Nodes ``(region_id, side)`` with attributes ``region``, ``side`` and ``name``. One edge
        per transition and line instance, keyed ``"<line>@<instance>"``, with attributes
        ``line``, ``instance``, ``branch``, ``evidence``, ``evidence_basis``, ``sources`` (a
        tuple), ``note``, ``weight`` (from :data:`EVIDENCE_WEIGHT`) and ``step`` (the
        transition's ``(from, to)`` as written in the atlas). ``G.graph["atlas"]`` holds the
        atlas and ``G.graph["referrals"]`` a DiGraph of trigger-point referral, muscle node to
        area node on the same side, with edge attributes ``pattern`` (the first pattern id),
        ``patterns`` (all of them) and ``sources``.

    Notes
    -----
    Each line is walked once per starting side, branch by branch. The current side starts as
    the instance's side; a transition listed in ``line.midline_crossings`` flips it for its
    ``to`` end and onwards along that branch. A later branch starts with the side its first
    region had when the line first reached it. Paired regions take the current side, midline
    regions are ``"midline"``. The cost is linear: O(R + T + P) for R regions, T transitions
    and P referral pairs.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> G = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> sorted({k for _, _, k in G.edges(("calf", "left"), keys=True)})
    ['back-line@left', 'deep-line@left']
    """
    graph = nx.MultiGraph(atlas=atlas)
    for region in atlas.regions:
        sides = ("midline",) if region.laterality == "midline" else INSTANCES
        for side in sides:
            graph.add_node(_node(region, side), region=region.id, side=side, name=region.name)
    midline = {region.id for region in atlas.regions if region.laterality == "midline"}
    for line in atlas.lines:
        for instance in INSTANCES:
            _add_line_instance(graph, midline, line, instance)
    graph.graph["referrals"] = _referrals(atlas)
    return graph


def _add_line_instance(graph: nx.MultiGraph, midline: set[str], line: Line, instance: str) -> None:
    crossings = {(crossing.from_, crossing.to) for crossing in line.midline_crossings}
    key = edge_key(line.id, instance)
    side_reached: dict[str, str] = {}
    for branch in line.branches:
        side = side_reached.get(branch.transitions[0].from_, instance)
        side_reached.setdefault(branch.transitions[0].from_, side)
        for step in branch.transitions:
            start = (step.from_, "midline" if step.from_ in midline else side)
            if (step.from_, step.to) in crossings:
                side = _OTHER_SIDE[side]
            end = (step.to, "midline" if step.to in midline else side)
            side_reached.setdefault(step.to, side)
            if graph.has_edge(start, end, key):
                # The same step listed twice on one line (two branches sharing a track).
                continue
            graph.add_edge(
                start,
                end,
                key=key,
                line=line.id,
                instance=instance,
                branch=branch.id,
                evidence=step.evidence,
                evidence_basis=step.evidence_basis,
                sources=tuple(step.sources),
                note=step.note,
                weight=EVIDENCE_WEIGHT[step.evidence],
                step=(step.from_, step.to),
            )


def _referrals(atlas: Atlas) -> nx.DiGraph:
    # Pattern id -> its sources, so a trace can cite each pattern of a shared edge.
    referrals = nx.DiGraph(sources={p.id: tuple(p.sources) for p in atlas.referral_patterns})
    for pattern in atlas.referral_patterns:
        muscle = atlas.region(pattern.muscle)
        for area_id in pattern.refers_to:
            area = atlas.region(area_id)
            for side in INSTANCES:
                start, end = _node(muscle, side), _node(area, side)
                if start == end:
                    continue
                if referrals.has_edge(start, end):
                    data = referrals.edges[start, end]
                    if pattern.id not in data["patterns"]:
                        data["patterns"] += (pattern.id,)
                        data["sources"] = tuple(dict.fromkeys((*data["sources"], *pattern.sources)))
                    continue
                referrals.add_edge(
                    start,
                    end,
                    pattern=pattern.id,
                    patterns=(pattern.id,),
                    sources=tuple(pattern.sources),
                )
    return referrals
