"""The body graph: one node per region and side, one edge per step of a line copy.

A paired region (calf, shoulder) becomes a left and a right node; a midline region (sacrum,
linea alba) stays one node. Each line is laid on the body twice, as a *left copy* and a *right
copy* (named by the side its first listed region is on); a line that crosses the midline (the
Spiral and Functional lines) joins a left region to a right one. The side of both ends of every
step is worked out from the anatomy when the graph is built and stored on the edge, so a trace
never has to guess it from the order in which a line happens to be written down.

Fascial continuity is undirected; trigger-point referral is directed (muscle to the area where
pain is felt) and kept apart as :class:`Referral` records.

:class:`BodyGraph` is frozen: build it once per atlas with :func:`build_graph` and share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import networkx as nx

from fascialines.atlas import Atlas, Line, Region
from fascialines.evidence import Evidence
from fascialines.lookup import AtlasIndex
from fascialines.networkx_view import networkx_view

__all__ = [
    "COPIES",
    "SOFT_TISSUE",
    "BodyGraph",
    "Copy",
    "LineEdge",
    "NodeKey",
    "Referral",
    "RegionRef",
    "Side",
    "Zone",
    "build_graph",
    "edge_key",
    "node_for",
]

Side = Literal["left", "right", "midline"]
Copy = Literal["left", "right"]
Zone = Literal["essential", "spillover"]
#: A node: ``(region_id, side)``, with side ``"midline"`` for a midline region.
NodeKey = tuple[str, str]

#: The two copies of every line, named by the side of the body its first listed region is on.
COPIES: tuple[Copy, Copy] = ("left", "right")
#: Region kinds a therapist can work on: a trace ranks only these; stations are waypoints.
SOFT_TISSUE: frozenset[str] = frozenset({"track", "muscle"})

_OTHER: dict[str, Copy] = {"left": "right", "right": "left"}
_NO_ADJACENCY: Mapping[NodeKey, tuple[LineEdge, ...]] = MappingProxyType({})


def edge_key(line_id: str, copy: str) -> str:
    """The key of a line copy's edges in :attr:`BodyGraph.view`, ``"<line id>@<left|right>"``."""
    return f"{line_id}@{copy}"


@dataclass(frozen=True, order=True, slots=True)
class RegionRef:
    """One node, ready for display: a region id, its anatomical name and its side."""

    id: str
    name: str
    side: Side


@dataclass(frozen=True, slots=True)
class LineEdge:
    """One step of one copy of a line, as the atlas writes it (``start`` to ``end``).

    ``start_flank`` and ``end_flank`` say which side of the body the copy runs on at each end:
    a paired node's own side, and for a midline node the side the line is on there (before a
    crossing that starts at it, or after one that ends at it).
    """

    line: str
    copy: Copy
    branch: str
    start: NodeKey
    end: NodeKey
    evidence: Evidence
    evidence_basis: Literal["transition", "line"]
    sources: tuple[str, ...]
    note: str | None
    start_flank: Copy
    end_flank: Copy
    #: The copy's key, ``"<line>@<copy>"``.
    key: str = ""
    #: ``evidence.rank``, kept as a number for the search's inner loop.
    rank: int = -1

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", edge_key(self.line, self.copy))
        object.__setattr__(self, "rank", self.evidence.rank)

    def other(self, node: NodeKey) -> NodeKey:
        """The end that is not ``node``."""
        return self.end if node == self.start else self.start

    def flank_beyond(self, node: NodeKey) -> Copy:
        """The side of the body the copy runs on at the far end, walking from ``node``."""
        return self.end_flank if node == self.start else self.start_flank


@dataclass(frozen=True, slots=True)
class Referral:
    """A trigger-point pattern: trigger points in ``muscle`` refer pain to ``area``.

    ``zone`` is ``"essential"`` where Travell and Simons draw the area solid (felt by nearly
    everyone with that trigger point) and ``"spillover"`` where they stipple it.
    """

    pattern: str
    muscle: NodeKey
    area: NodeKey
    zone: Zone
    sources: tuple[str, ...]


class BodyGraph:
    """The body graph of one atlas: read-only, typed, with its look-up index.

    Build it with :func:`build_graph`. Iterate :meth:`nodes`, :meth:`edges` and
    :meth:`referrals`; use :attr:`view` (a frozen :class:`networkx.MultiGraph`) for networkx
    algorithms.
    """

    __slots__ = (
        "__weakref__",
        "_adjacency",
        "_copies_at",
        "_edges",
        "_edges_at",
        "_edges_of",
        "_kinds",
        "_referrals",
        "_referrals_from",
        "_referrals_to",
        "_refs",
        "_soft_tissue",
        "_stations",
        "atlas",
        "index",
        "view",
    )

    atlas: Atlas
    index: AtlasIndex
    view: nx.MultiGraph[NodeKey]
    _refs: Mapping[NodeKey, RegionRef]
    _kinds: dict[str, str]
    _edges: tuple[LineEdge, ...]
    _edges_at: dict[NodeKey, tuple[LineEdge, ...]]
    _edges_of: dict[str, tuple[LineEdge, ...]]
    _adjacency: dict[str, dict[NodeKey, tuple[LineEdge, ...]]]
    _copies_at: dict[NodeKey, tuple[str, ...]]
    _referrals: tuple[Referral, ...]
    _referrals_to: dict[NodeKey, tuple[Referral, ...]]
    _referrals_from: dict[NodeKey, tuple[Referral, ...]]
    _soft_tissue: frozenset[str]
    _stations: frozenset[str]

    def __init__(self, atlas: Atlas, refs: dict[NodeKey, RegionRef], edges: list[LineEdge]) -> None:
        # Plain attributes set once here; the class offers no way to change them afterwards.
        object.__setattr__(self, "atlas", atlas)
        object.__setattr__(self, "index", AtlasIndex(atlas))
        object.__setattr__(self, "_refs", MappingProxyType(refs))
        kinds = {region.id: region.kind for region in atlas.regions}
        object.__setattr__(self, "_kinds", kinds)
        # Every trace asks of each node it reaches whether it is soft tissue or a station.
        soft = frozenset(region for region, kind in kinds.items() if kind in SOFT_TISSUE)
        object.__setattr__(self, "_soft_tissue", soft)
        stations = frozenset(region for region, kind in kinds.items() if kind == "station")
        object.__setattr__(self, "_stations", stations)
        object.__setattr__(self, "_edges", tuple(edges))
        of: dict[str, list[LineEdge]] = {}
        for edge in edges:
            of.setdefault(edge.line, []).append(edge)
        object.__setattr__(self, "_edges_of", {line: tuple(found) for line, found in of.items()})
        at: dict[NodeKey, list[LineEdge]] = {node: [] for node in refs}
        adjacency: dict[str, dict[NodeKey, list[LineEdge]]] = {}
        for edge in edges:
            for node in (edge.start, edge.end):
                at[node].append(edge)
                adjacency.setdefault(edge.key, {}).setdefault(node, []).append(edge)
        object.__setattr__(self, "_edges_at", {node: tuple(found) for node, found in at.items()})
        # Asked for every felt-at node of every trace: worked out once here.
        object.__setattr__(
            self,
            "_copies_at",
            {node: tuple(dict.fromkeys(edge.key for edge in found)) for node, found in at.items()},
        )
        object.__setattr__(
            self,
            "_adjacency",
            {
                key: {node: tuple(found) for node, found in nodes.items()}
                for key, nodes in adjacency.items()
            },
        )
        referrals = _referrals(atlas)
        object.__setattr__(self, "_referrals", tuple(referrals))
        to: dict[NodeKey, list[Referral]] = {}
        source: dict[NodeKey, list[Referral]] = {}
        for referral in referrals:
            to.setdefault(referral.area, []).append(referral)
            source.setdefault(referral.muscle, []).append(referral)
        object.__setattr__(self, "_referrals_to", {k: tuple(v) for k, v in to.items()})
        object.__setattr__(self, "_referrals_from", {k: tuple(v) for k, v in source.items()})
        object.__setattr__(self, "view", networkx_view(atlas, refs, edges, referrals))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a BodyGraph is frozen: build a new one with build_graph(atlas)")

    def __repr__(self) -> str:
        return f"<BodyGraph: {len(self._refs)} nodes, {len(self._edges)} line edges>"

    def __contains__(self, node: object) -> bool:
        return node in self._refs

    def nodes(self) -> Iterator[NodeKey]:
        """Every node, region by region in atlas order (left before right)."""
        return iter(self._refs)

    def ref(self, node: NodeKey) -> RegionRef:
        """The display form of a node; ``KeyError`` if it is not in the graph."""
        return self._refs[node]

    def kind(self, region_id: str) -> str:
        """A region's kind: ``"station"``, ``"track"``, ``"muscle"`` or ``"area"``."""
        return self._kinds[region_id]

    @property
    def soft_tissue(self) -> frozenset[str]:
        """The ids of the regions a therapist can work on (kinds in :data:`SOFT_TISSUE`)."""
        return self._soft_tissue

    @property
    def stations(self) -> frozenset[str]:
        """The ids of the stations: bony landmarks, waypoints of the lines."""
        return self._stations

    def edges(self, line: str | None = None) -> Iterator[LineEdge]:
        """Every line edge, or those of one line id, line by line, left copy first."""
        if line is None:
            return iter(self._edges)
        return iter(self._edges_of.get(line, ()))

    def edges_at(self, node: NodeKey) -> tuple[LineEdge, ...]:
        """The line edges with ``node`` at one end (empty for an unknown node)."""
        return self._edges_at.get(node, ())

    def copy_edges_at(self, key: str, node: NodeKey) -> tuple[LineEdge, ...]:
        """The edges of one line copy (``"<line>@<copy>"``) at ``node``."""
        return self._adjacency.get(key, {}).get(node, ())

    def copy_adjacency(self, key: str) -> Mapping[NodeKey, tuple[LineEdge, ...]]:
        """Every node of one line copy (``"<line>@<copy>"``) with its edges in that copy."""
        return self._adjacency.get(key, _NO_ADJACENCY)

    def copies_at(self, node: NodeKey) -> tuple[str, ...]:
        """The keys of the line copies passing through ``node``, in atlas order."""
        return self._copies_at.get(node, ())

    def referrals(self) -> Iterator[Referral]:
        """Every trigger-point referral, pattern by pattern, left before right."""
        return iter(self._referrals)

    def referrals_to(self, node: NodeKey) -> tuple[Referral, ...]:
        """The referrals whose area is ``node``."""
        return self._referrals_to.get(node, ())

    def referrals_from(self, node: NodeKey) -> tuple[Referral, ...]:
        """The referrals whose muscle is ``node``."""
        return self._referrals_from.get(node, ())

    def node_for(self, region_id: str, side: str) -> NodeKey:
        """The node of a region on a side; see :func:`node_for`."""
        return node_for(self.atlas, region_id, side)


def node_for(atlas: Atlas, region_id: str, side: str) -> NodeKey:
    """Map a region and a requested side to its node; midline regions ignore the side.

    Parameters
    ----------
    atlas : Atlas
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
        If a paired region is asked for without a side of ``"left"`` or ``"right"``.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> node_for(atlas, "calf", "left"), node_for(atlas, "sacrum", "right")
    (('calf', 'left'), ('sacrum', 'midline'))
    """
    region = atlas.region(region_id)
    if region.laterality == "midline":
        return (region.id, "midline")
    if side not in _OTHER:
        raise ValueError(f"{region_id!r} is a paired region: choose side 'left' or 'right'")
    return (region.id, side)


def build_graph(atlas: Atlas) -> BodyGraph:
    """Build the body graph of an atlas.

    Parameters
    ----------
    atlas : Atlas

    Returns
    -------
    BodyGraph

    Notes
    -----
    Each line is walked twice, once per copy, branch by branch. The running side starts as the
    copy's side; a transition listed in ``line.midline_crossings`` flips it for its ``to`` end
    and onwards along that branch. A later branch starts on the side its first region had when
    the line first reached it. Paired regions take the running side, midline regions are
    ``"midline"``, and every edge records the running side at both ends (its *flanks*). A step
    written twice in one copy (two branches sharing a track) is kept once, at its stronger
    grade. Writing a line in the opposite order swaps which copy is called left: the set of
    edges is the same. The cost is linear, O(R + T + P) for R regions, T transitions and P
    referral zones.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> graph.copies_at(("calf", "left"))
    ('back-line@left', 'deep-line@left')
    """
    refs: dict[NodeKey, RegionRef] = {}
    for region in atlas.regions:
        sides: tuple[Side, ...] = ("midline",) if region.laterality == "midline" else COPIES
        for side in sides:
            refs[(region.id, side)] = RegionRef(region.id, region.name, side)
    midline = {region.id for region in atlas.regions if region.laterality == "midline"}
    edges: list[LineEdge] = []
    for line in atlas.lines:
        for copy in COPIES:
            edges.extend(_line_copy(midline, line, copy))
    return BodyGraph(atlas, refs, edges)


def _line_copy(midline: set[str], line: Line, copy: Copy) -> list[LineEdge]:
    crossings = {(crossing.from_, crossing.to) for crossing in line.midline_crossings}
    side_reached: dict[str, Copy] = {}
    kept: dict[frozenset[NodeKey], LineEdge] = {}
    for branch in line.branches:
        side = side_reached.get(branch.transitions[0].from_, copy)
        side_reached.setdefault(branch.transitions[0].from_, side)
        for step in branch.transitions:
            before = side
            if (step.from_, step.to) in crossings:
                side = _OTHER[side]
            side_reached.setdefault(step.to, side)
            edge = LineEdge(
                line=line.id,
                copy=copy,
                branch=branch.id,
                start=(step.from_, "midline" if step.from_ in midline else before),
                end=(step.to, "midline" if step.to in midline else side),
                evidence=Evidence(step.evidence),
                evidence_basis=step.evidence_basis,
                sources=tuple(step.sources),
                note=step.note,
                start_flank=before,
                end_flank=side,
            )
            pair = frozenset((edge.start, edge.end))
            if pair not in kept or edge.evidence > kept[pair].evidence:
                kept[pair] = edge
    return list(kept.values())


def _region_node(region: Region, side: Copy) -> NodeKey:
    return (region.id, "midline") if region.laterality == "midline" else (region.id, side)


def _referrals(atlas: Atlas) -> list[Referral]:
    found: dict[tuple[str, NodeKey, NodeKey], Referral] = {}
    for pattern in atlas.referral_patterns:
        muscle = atlas.region(pattern.muscle)
        zones: Iterable[tuple[str, Zone]] = [
            *((area, "essential") for area in pattern.essential),
            *((area, "spillover") for area in pattern.spillover),
        ]
        for area_id, zone in zones:
            area = atlas.region(area_id)
            for side in COPIES:
                start, end = _region_node(muscle, side), _region_node(area, side)
                found.setdefault(
                    (pattern.id, start, end),
                    Referral(pattern.id, start, end, zone, tuple(pattern.sources)),
                )
    return list(found.values())
