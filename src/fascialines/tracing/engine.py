"""Tracing: from where a symptom is felt to the soft tissue that may be its source.

Two mechanisms are kept apart: continuity along a myofascial line (a path in the body graph,
found by :mod:`fascialines.tracing.search`) and trigger-point referral (a pattern that refers
pain to where the symptom is felt). Candidates are ordered by
:data:`fascialines.tracing.ranking.RULE`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from fascialines.atlas import RedFlag, Symptom
from fascialines.evidence import Evidence
from fascialines.graph import SOFT_TISSUE, BodyGraph, LineEdge, NodeKey, Referral
from fascialines.lookup import SymptomMatch, UnknownRegion
from fascialines.tracing.options import TraceOptions, validated
from fascialines.tracing.ranking import SPILLOVER_STEPS, reason_text, score, sort_key
from fascialines.tracing.results import (
    Candidate,
    LinePath,
    Mechanism,
    Reasons,
    ScoreParts,
    Step,
    Trace,
    TriggerPointLink,
)
from fascialines.tracing.search import Found, best_paths

__all__ = ["trace", "trace_from"]

_SIDE_ORDER = {"left": 0, "midline": 1, "right": 2}


def trace(
    graph: BodyGraph,
    symptom: str | Symptom,
    side: str = "both",
    max_hops: int = 4,
    lines: Iterable[str] | str | None = None,
    min_evidence: str = "not-found",
) -> Trace:
    """Rank the soft tissue that may be a source of a symptom.

    Parameters
    ----------
    graph : BodyGraph
        From :func:`fascialines.graph.build_graph`.
    symptom : str or Symptom
        What a person types (an id, name or alias, or everyday words: see
        :class:`fascialines.lookup.AtlasIndex`), or the symptom itself.
    side : {"left", "right", "both"}
        Where the symptom is felt; ``"both"`` takes both sides of paired regions.
    max_hops : int
        The most steps a path may have (1 to :data:`~fascialines.tracing.options.MAX_HOPS`).
    lines : iterable of str, optional
        Line ids, abbreviations or names to follow; every line when omitted.
    min_evidence : str
        The weakest grade a step may have and still be walked.

    Returns
    -------
    Trace
        One :class:`Candidate` per region (with the ``sides`` it was found on), ordered by
        :data:`~fascialines.tracing.ranking.RULE`, with its reasons.

    Raises
    ------
    UnknownSymptom
        If no symptom is clearly meant (with suggestions).
    ValueError
        For a bad option, with a sentence saying what is allowed.

    Notes
    -----
    Only tracks and muscles are candidates; stations and surface areas are waypoints. Paths
    are found by one bounded breadth-first search per felt-at node and line copy
    (:func:`~fascialines.tracing.search.best_paths`), exact within ``max_hops``; the cost per
    trace depends on the neighbourhood of the symptom, not the size of the atlas. Every
    referral pattern with a zone at a felt-at node adds a trigger-point link to its muscle,
    once per pattern, even when the muscle is itself where the symptom is felt (pain felt over
    a muscle may come from trigger points in it).

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> from fascialines.graph import build_graph
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> best = trace(graph, "sore heel", side="left").candidates[0]
    >>> best.region, best.reasons.steps, best.lines
    (RegionRef(id='calf', name='Gastrocnemius', side='left'), 1, ('back-line', 'deep-line'))
    """
    match = SymptomMatch(symptom) if isinstance(symptom, Symptom) else graph.index.symptom(symptom)
    options = validated(graph.index, side, max_hops, lines, min_evidence)
    felt_at = list(
        dict.fromkeys(
            graph.node_for(region, s) for region in match.symptom.felt_at for s in options.sides
        )
    )
    red_flags = tuple(graph.atlas.red_flag(flag) for flag in match.symptom.red_flags)
    return _trace(graph, match, options, felt_at, red_flags)


def trace_from(
    graph: BodyGraph, felt_at: Iterable[NodeKey], options: TraceOptions | None = None
) -> Trace:
    """Trace from regions picked by hand ("where does it hurt?") instead of a symptom.

    ``felt_at`` holds ``(region_id, side)`` pairs; a midline region ignores its side and a side
    of ``"both"`` takes both copies of a paired region. The options are checked as in
    :func:`trace`; ``options.side`` is the side asked about at a midline region.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> from fascialines.graph import build_graph
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> result = trace_from(graph, [("rhomboids", "right")])
    >>> [(c.region.id, c.region.side) for c in result.candidates]
    [('splenius', 'left')]
    """
    options = options or TraceOptions()
    options = validated(
        graph.index,
        options.side,
        options.max_hops,
        sorted(options.lines) if options.lines is not None else None,
        options.min_evidence,
    )
    nodes: list[NodeKey] = []
    for region, side in felt_at:
        if (region, "midline") not in graph and (region, "left") not in graph:
            raise ValueError(UnknownRegion(region).sentence())
        for s in ("left", "right") if side == "both" else (side,):
            nodes.append(graph.node_for(region, s))
    return _trace(graph, None, options, list(dict.fromkeys(nodes)), ())


def _trace(
    graph: BodyGraph,
    match: SymptomMatch | None,
    options: TraceOptions,
    felt_at: list[NodeKey],
    red_flags: tuple[RedFlag, ...],
) -> Trace:
    paths: dict[str, list[Found]] = {}
    stations: dict[NodeKey, tuple[int, int]] = {}
    for (_, node), found in best_paths(graph, felt_at, options).items():
        if graph.kind(node[0]) in SOFT_TISSUE:
            paths.setdefault(node[0], []).append(found)
        elif graph.kind(node[0]) == "station":
            stations[node] = min(stations.get(node, found.order), found.order)
    links: dict[str, dict[tuple[str, NodeKey, NodeKey], Referral]] = {}
    for referral in _referrals(graph, felt_at, options):
        if graph.kind(referral.muscle[0]) in SOFT_TISSUE:
            slot = (referral.pattern, referral.muscle, referral.area)
            links.setdefault(referral.muscle[0], {}).setdefault(slot, referral)
    # Rank on the cheap summary first, then build each candidate once, with its rank.
    closest = {
        region: _closest(paths.get(region, []), list(links.get(region, {}).values()))
        for region in set(paths) | set(links)
    }
    order = sorted(closest, key=lambda region: (closest[region].key, region))
    candidates = tuple(
        _candidate(graph, rank, closest[region]) for rank, region in enumerate(order, start=1)
    )
    return Trace(
        match.symptom if match else None,
        options,
        tuple(graph.ref(node) for node in felt_at),
        candidates,
        red_flags,
        graph.atlas,
        match,
        tuple(graph.ref(node) for node in sorted(stations, key=lambda n: (stations[n], n))),
    )


def _referrals(
    graph: BodyGraph, felt_at: list[NodeKey], options: TraceOptions
) -> Iterable[Referral]:
    sides = {*options.sides, "midline"}
    for area in felt_at:
        for referral in graph.referrals_to(area):
            # At a midline area, only the muscles on the side asked about refer to it.
            if area[1] != "midline" or referral.muscle[1] in sides:
                yield referral


# Steps are immutable and the same in every trace: one per edge and direction, per graph.
_STEPS: WeakKeyDictionary[BodyGraph, dict[tuple[int, NodeKey], Step]] = WeakKeyDictionary()


def _step(
    graph: BodyGraph, steps: dict[tuple[int, NodeKey], Step], edge: LineEdge, start: NodeKey
) -> Step:
    key = (id(edge), start)
    found = steps.get(key)
    if found is None:
        found = steps[key] = Step(
            graph.ref(start),
            graph.ref(edge.other(start)),
            edge.evidence.value,
            edge.evidence_basis,
            edge.sources,
        )
    return found


def _line_path(graph: BodyGraph, found: Found) -> LinePath:
    # Found runs from the felt-at node outwards; a LinePath runs from the source to it.
    edges = found.edges
    nodes = [found.seed]
    for edge in edges:
        nodes.append(edge.other(nodes[-1]))
    nodes.reverse()
    cache = _STEPS.setdefault(graph, {})
    steps = [
        _step(graph, cache, edge, start)
        for start, edge in zip(nodes[:-1], reversed(edges), strict=True)
    ]
    return LinePath(
        found.line,
        tuple(graph.ref(node) for node in nodes),
        tuple(steps),
        found.evidence.value,
        found.hops,
    )


@dataclass(frozen=True, slots=True)
class _Closest:
    """What the rule reads of one region: its closest link and how many links agree."""

    found: list[Found]
    referrals: list[Referral]
    steps: int
    evidence: Evidence
    via: Mechanism
    link: str
    zone: str | None
    node: NodeKey
    agreeing: int
    lines: tuple[str, ...]
    patterns: int

    @property
    def key(self) -> tuple[int, int, int]:
        return sort_key(self.steps, self.evidence, self.agreeing)


def _closest(found: list[Found], referrals: list[Referral]) -> _Closest:
    found.sort(key=lambda f: (f.hops, -f.rank, f.line, _SIDE_ORDER[f.node[1]]))
    referrals.sort(
        key=lambda r: (r.zone != "essential", r.pattern, _SIDE_ORDER[r.muscle[1]], r.area)
    )
    lines = tuple(sorted({f.line for f in found}))
    patterns = len({r.pattern for r in referrals})
    # The closest link: the best path, or the best pattern zone if it is closer, or as close
    # and better graded (a path wins a full tie: it is the documented mechanism).
    best: tuple[int, Evidence, Mechanism, str, str | None, NodeKey] | None = None
    if found:
        first = found[0]
        best = (first.hops, first.evidence, "fascial-line", first.line, None, first.node)
    if referrals:
        pattern = referrals[0]
        steps = 1 if pattern.zone == "essential" else SPILLOVER_STEPS
        if best is None or (steps, -Evidence.NOT_STUDIED.rank) < (best[0], -best[1].rank):
            best = (
                steps,
                Evidence.NOT_STUDIED,
                "trigger-point",
                pattern.pattern,
                pattern.zone,
                pattern.muscle,
            )
    assert best is not None
    return _Closest(found, referrals, *best, len(lines) + patterns, lines, patterns)


def _candidate(graph: BodyGraph, rank: int, closest: _Closest) -> Candidate:
    found, referrals = closest.found, closest.referrals
    sides = tuple(
        sorted(
            {f.node[1] for f in found} | {r.muscle[1] for r in referrals},
            key=_SIDE_ORDER.__getitem__,
        )
    )
    best_line = found[0] if found else None
    mechanisms: tuple[Mechanism, ...] = (
        *(("fascial-line",) if found else ()),
        *(("trigger-point",) if referrals else ()),
    )
    steps, evidence, agreeing = closest.steps, closest.evidence, closest.agreeing
    return Candidate(
        rank,
        graph.ref(closest.node),
        score(steps, evidence, agreeing),
        ScoreParts(
            best_line.hops if best_line else 0,
            best_line.evidence.value if best_line else "",
            len(closest.lines),
            closest.patterns,
        ),
        mechanisms[0],
        closest.lines,
        tuple(_line_path(graph, f) for f in found),
        tuple(
            TriggerPointLink(r.pattern, graph.ref(r.muscle), graph.ref(r.area), r.sources, r.zone)
            for r in referrals
        ),
        mechanisms,
        sides,
        Reasons(
            steps,
            evidence.value,
            agreeing,
            closest.via,
            closest.link,
            reason_text(steps, evidence, agreeing, closest.via, closest.zone),
        ),
    )
