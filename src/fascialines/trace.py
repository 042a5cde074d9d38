"""Tracing: from where a symptom is felt back along the lines to candidate sources.

The result is a :class:`Trace` of frozen dataclasses, ranked and ready for display; nothing here
does I/O. Two mechanisms are kept apart: continuity along a myofascial line (a path in the body
graph) and trigger-point referral (a pattern that refers pain to where the symptom is felt).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

import networkx as nx

from fascialines.atlas import EVIDENCE_ORDER, Atlas, RedFlag, Symptom
from fascialines.graph import EVIDENCE_WEIGHT, NodeKey, Side, node_for

__all__ = [
    "EXTRA_LINE_POINTS",
    "MAX_HOPS",
    "TRIGGER_POINT_POINTS",
    "Candidate",
    "LinePath",
    "RegionRef",
    "ScoreParts",
    "Step",
    "Trace",
    "TraceOptions",
    "TriggerPointLink",
    "UnknownSymptom",
    "find_symptom",
    "resolve_lines",
    "trace",
    "trace_from",
]

#: The largest ``max_hops`` accepted: beyond it every region is "connected" to every other and
#: the answer stops meaning anything.
MAX_HOPS = 12
#: Score points for each line beyond the first that reaches a candidate.
EXTRA_LINE_POINTS = 1.0
#: Score points for each trigger-point pattern from a candidate to where the symptom is felt.
TRIGGER_POINT_POINTS = 1.0

_SIDES = ("left", "right", "both")


@dataclass(frozen=True, order=True)
class RegionRef:
    """One node, ready for display: a region id, its anatomical name and its side."""

    id: str
    name: str
    side: Side


@dataclass(frozen=True)
class Step:
    """One hop of a path, in path order (from the candidate source towards where it is felt)."""

    start: RegionRef
    end: RegionRef
    evidence: str
    evidence_basis: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class LinePath:
    """The best path along one line, from the candidate source to where the symptom is felt."""

    line: str
    regions: tuple[RegionRef, ...]
    steps: tuple[Step, ...]
    #: The weakest evidence grade on the path.
    evidence: str
    hops: int


@dataclass(frozen=True)
class TriggerPointLink:
    """A trigger-point referral pattern (the second, separate mechanism)."""

    pattern: str
    muscle: RegionRef
    refers_to: RegionRef
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ScoreParts:
    """The visible parts of a candidate's score (see :func:`trace`, Notes).

    ``hops`` and ``evidence`` belong to the best line path; both are empty (``0`` and ``""``)
    when only trigger-point patterns support the candidate. ``line_points`` is that path's
    ``(1 + evidence rank) / hops``.
    """

    hops: int
    evidence: str
    lines: int
    trigger_points: int
    line_points: float = 0.0


@dataclass(frozen=True)
class Candidate:
    """A region that may be a source of the symptom, with everything that supports it."""

    rank: int
    region: RegionRef
    score: float
    parts: ScoreParts
    mechanism: Literal["fascial-line", "trigger-point"]
    lines: tuple[str, ...]
    paths: tuple[LinePath, ...]
    trigger_points: tuple[TriggerPointLink, ...]


@dataclass(frozen=True)
class TraceOptions:
    """What to trace: side, the bound on hops, a line filter (ids) and the weakest grade kept."""

    side: Literal["left", "right", "both"] = "both"
    max_hops: int = 4
    lines: frozenset[str] | None = None
    min_evidence: str = "not-found"


@dataclass(frozen=True)
class Trace:
    """A ranked answer: where the symptom is felt, the candidate sources and the red flags."""

    symptom: Symptom | None
    options: TraceOptions
    felt_at: tuple[RegionRef, ...]
    candidates: tuple[Candidate, ...]
    red_flags: tuple[RedFlag, ...] = field(default=())
    #: The atlas traced, for wording (plain names, line names); not part of equality.
    atlas: Atlas | None = field(default=None, repr=False, compare=False)


class UnknownSymptom(LookupError):
    """No symptom matches the query; ``suggestions`` holds the closest names (maybe none)."""

    def __init__(self, query: str, suggestions: Iterable[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown symptom {query!r}{hint}")


def _normal(text: str) -> str:
    text = re.sub(r"['’`]", "", text.lower())
    return " ".join(re.sub(r"[-_\s]+", " ", text).split())


def find_symptom(atlas: Atlas, query: str) -> Symptom:
    """Find a symptom by id, name or alias, ignoring case, spaces, hyphens and apostrophes.

    Raises
    ------
    UnknownSymptom
        With up to five close names (substring matches first, then :mod:`difflib` matches).

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> atlas = load_atlas("tests/fixtures/mini_atlas.json")
    >>> find_symptom(atlas, "  Sore_Heel ").id
    'heel-pain'
    """
    names: dict[str, Symptom] = {}
    shown: dict[str, str] = {}
    for symptom in atlas.symptoms:
        for name in (symptom.id, symptom.name, *symptom.aliases):
            names.setdefault(_normal(name), symptom)
            shown.setdefault(_normal(name), name)
    wanted = _normal(query)
    if wanted in names:
        return names[wanted]
    close = [key for key in names if wanted and wanted in key]
    close += difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    suggestions = dict.fromkeys(shown[key] for key in close)
    raise UnknownSymptom(query, list(suggestions)[:5])


def resolve_lines(atlas: Atlas, lines: Iterable[str] | None) -> frozenset[str] | None:
    """Turn line ids or abbreviations (any case) into line ids; ``None`` means every line.

    Raises
    ------
    ValueError
        Naming the unknown entries and the known abbreviations.
    """
    if lines is None:
        return None
    if isinstance(lines, str):
        lines = [lines]
    known = {line.id: line.id for line in atlas.lines}
    known.update({line.abbreviation.lower(): line.id for line in atlas.lines})
    wanted = [name.strip().lower() for name in lines if name.strip()]
    if not wanted:
        raise ValueError("no line given: name at least one line, or leave the filter out")
    unknown = [name for name in wanted if name not in known]
    if unknown:
        choices = ", ".join(line.abbreviation for line in atlas.lines)
        raise ValueError(f"unknown line {', '.join(unknown)}: choose from {choices}")
    return frozenset(known[name] for name in wanted)


def _options(
    atlas: Atlas, side: str, max_hops: Any, lines: Iterable[str] | None, min_evidence: str
) -> TraceOptions:
    if side not in _SIDES:
        raise ValueError(f"unknown side {side!r}: choose left, right or both")
    if isinstance(max_hops, bool) or not isinstance(max_hops, int):
        raise ValueError(f"max_hops must be a whole number, not {max_hops!r}")
    if not 1 <= max_hops <= MAX_HOPS:
        raise ValueError(f"max_hops must be between 1 and {MAX_HOPS}, not {max_hops}")
    if min_evidence not in EVIDENCE_ORDER:
        raise ValueError(
            f"unknown evidence grade {min_evidence!r}: choose from {', '.join(EVIDENCE_ORDER)}"
        )
    return TraceOptions(side, max_hops, resolve_lines(atlas, lines), min_evidence)


def trace(
    graph: nx.MultiGraph,
    symptom: str | Symptom,
    side: str = "both",
    max_hops: int = 4,
    lines: Iterable[str] | None = None,
    min_evidence: str = "not-found",
) -> Trace:
    """Rank the candidate sources of a symptom.

    Parameters
    ----------
    graph : networkx.MultiGraph
        From :func:`fascialines.graph.build_graph`.
    symptom : str or Symptom
        An id, name or alias (see :func:`find_symptom`), or the symptom itself.
    side : {"left", "right", "both"}
        Where the symptom is felt; ``"both"`` takes both sides of paired regions.
    max_hops : int
        The longest path kept, in transitions (1 to :data:`MAX_HOPS`).
    lines : iterable of str, optional
        Line ids or abbreviations to follow; every line when omitted.
    min_evidence : str
        The weakest grade a transition may have and still be walked.

    Returns
    -------
    Trace

    Raises
    ------
    UnknownSymptom
        If no symptom matches.
    ValueError
        For a bad option, with a sentence saying what is allowed.

    Notes
    -----
    For each line instance touching a felt-at node, networkx's multi-source Dijkstra runs from
    the felt-at nodes over that instance's edges only (a weight function hides every other
    edge, and edges below ``min_evidence``), with edge weights from
    :data:`fascialines.graph.EVIDENCE_WEIGHT` and a cutoff of ``max_hops`` times the heaviest
    weight, so a search never leaves the neighbourhood of the symptom. Paths longer than
    ``max_hops`` are dropped (so where a line's branches form a loop, a region whose best
    evidenced route is too long is left out even if a shorter, weaker one exists); the best
    path per (line, region) over both instances is kept and reversed to run from the source
    to where it is felt. A midline felt-at region seeds only the instance of the requested
    side (both for ``"both"``); a paired one seeds every instance through it, which is how a
    crossing line reaches the other side. The cost per trace is that
    of the bounded searches, O(L · (n log n + m)) for L line instances and the n nodes and m
    edges within the cutoff, independent of the atlas size.

    Every referral pattern whose area is a felt-at node adds a trigger-point link to its muscle.
    The score is ``(1 + rank of the weakest grade) / hops`` of the best path (ranks: strong 4 ..
    not-found 0), plus :data:`EXTRA_LINE_POINTS` per further line reaching the region, plus
    :data:`TRIGGER_POINT_POINTS` per trigger-point pattern. Ranks follow the score, ties broken
    by region id then side, so a trace is deterministic.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> from fascialines.graph import build_graph
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> best = trace(graph, "sore heel", side="left").candidates[0]
    >>> best.region, best.score, best.lines
    (RegionRef(id='calf', name='Gastrocnemius', side='left'), 6.0, ('back-line', 'deep-line'))
    """
    atlas: Atlas = graph.graph["atlas"]
    found = symptom if isinstance(symptom, Symptom) else find_symptom(atlas, symptom)
    options = _options(atlas, side, max_hops, lines, min_evidence)
    sides = ("left", "right") if options.side == "both" else (options.side,)
    felt_at = list(
        dict.fromkeys(node_for(atlas, region, s) for region in found.felt_at for s in sides)
    )
    red_flags = tuple(atlas.red_flag(flag) for flag in found.red_flags)
    return _trace(graph, found, options, felt_at, red_flags)


def trace_from(
    graph: nx.MultiGraph, felt_at: Iterable[NodeKey], options: TraceOptions | None = None
) -> Trace:
    """Trace from regions picked by hand ("where does it hurt?") instead of a symptom.

    ``felt_at`` holds ``(region_id, side)`` pairs; a midline region ignores its side and a side
    of ``"both"`` takes both copies of a paired region. The options are validated as in
    :func:`trace`; ``options.side`` chooses which line instance a midline region seeds.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> from fascialines.graph import build_graph
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> result = trace_from(graph, [("rhomboids", "right")])
    >>> [(c.region.id, c.region.side) for c in result.candidates]
    [('spinous-processes', 'midline'), ('splenius', 'left'), ('occipital-ridge', 'midline')]
    """
    atlas: Atlas = graph.graph["atlas"]
    options = options or TraceOptions()
    options = _options(
        atlas,
        options.side,
        options.max_hops,
        sorted(options.lines) if options.lines is not None else None,
        options.min_evidence,
    )
    nodes: list[NodeKey] = []
    for region, side in felt_at:
        try:
            atlas.region(region)
        except KeyError:
            raise ValueError(f"unknown region {region!r}") from None
        for s in ("left", "right") if side == "both" else (side,):
            nodes.append(node_for(atlas, region, s))
    return _trace(graph, None, options, list(dict.fromkeys(nodes)), ())


def _ref(graph: nx.MultiGraph, node: NodeKey) -> RegionRef:
    data = graph.nodes[node]
    return RegionRef(data["region"], data["name"], data["side"])


def _trace(
    graph: nx.MultiGraph,
    symptom: Symptom | None,
    options: TraceOptions,
    felt_at: list[NodeKey],
    red_flags: tuple[RedFlag, ...],
) -> Trace:
    felt = set(felt_at)
    best_paths: dict[tuple[str, NodeKey], tuple[tuple[float, int, str], LinePath]] = {}
    for key, seeds in sorted(_seeds(graph, felt_at, options).items()):
        for target, ranked in _line_paths(graph, key, seeds, options, felt):
            slot = (ranked[1].line, target)
            if slot not in best_paths or ranked[0] < best_paths[slot][0]:
                best_paths[slot] = ranked

    paths: dict[NodeKey, list[tuple[tuple[float, int, str], LinePath]]] = {}
    for (_, target), ranked in best_paths.items():
        paths.setdefault(target, []).append(ranked)

    links: dict[NodeKey, list[TriggerPointLink]] = {}
    referrals: nx.DiGraph = graph.graph["referrals"]
    patterns = referrals.graph["sources"]
    for area in felt_at:
        if area not in referrals:
            continue
        for muscle in sorted(referrals.predecessors(area)):
            if muscle in felt:
                continue
            for pattern in referrals.edges[muscle, area]["patterns"]:
                link = TriggerPointLink(
                    pattern, _ref(graph, muscle), _ref(graph, area), patterns[pattern]
                )
                links.setdefault(muscle, []).append(link)

    unranked = [
        _candidate(
            _ref(graph, node),
            [line_path for _, line_path in sorted(paths.get(node, []), key=lambda r: r[0])],
            tuple(links.get(node, ())),
        )
        for node in set(paths) | set(links)
    ]
    unranked.sort(key=lambda c: (-c.score, c.region.id, c.region.side))
    candidates = tuple(
        Candidate(rank, c.region, c.score, c.parts, c.mechanism, c.lines, c.paths, c.trigger_points)
        for rank, c in enumerate(unranked, start=1)
    )
    return Trace(
        symptom,
        options,
        tuple(_ref(graph, node) for node in felt_at),
        candidates,
        red_flags,
        graph.graph["atlas"],
    )


def _seeds(
    graph: nx.MultiGraph, felt_at: list[NodeKey], options: TraceOptions
) -> dict[str, list[NodeKey]]:
    """The felt-at nodes each line instance starts from (see :func:`trace`, Notes)."""
    seeds: dict[str, list[NodeKey]] = {}
    for node in felt_at:
        for _, _, key, data in graph.edges(node, keys=True, data=True):
            if options.lines is not None and data["line"] not in options.lines:
                continue
            if node[1] == "midline" and options.side not in ("both", data["instance"]):
                continue
            if node not in seeds.setdefault(key, []):
                seeds[key].append(node)
    return seeds


def _line_paths(
    graph: nx.MultiGraph,
    key: str,
    seeds: list[NodeKey],
    options: TraceOptions,
    felt: set[NodeKey],
) -> Iterable[tuple[NodeKey, tuple[tuple[float, int, str], LinePath]]]:
    min_rank = EVIDENCE_ORDER[options.min_evidence]

    def weight(u: NodeKey, v: NodeKey, keyed: dict[str, dict[str, Any]]) -> float | None:
        # Returning None hides the edge: only this instance's edges, at or above min_evidence.
        data = keyed.get(key)
        if data is None or EVIDENCE_ORDER[data["evidence"]] < min_rank:
            return None
        return data["weight"]

    cutoff = options.max_hops * max(EVIDENCE_WEIGHT.values())
    distances, found = nx.multi_source_dijkstra(graph, seeds, cutoff=cutoff, weight=weight)
    for target, walk in found.items():
        hops = len(walk) - 1
        if target in felt or hops > options.max_hops:
            continue
        walk = walk[::-1]
        steps = []
        for start, end in pairwise(walk):
            data = graph.edges[start, end, key]
            steps.append(
                Step(
                    _ref(graph, start),
                    _ref(graph, end),
                    data["evidence"],
                    data["evidence_basis"],
                    data["sources"],
                )
            )
        weakest = min((s.evidence for s in steps), key=EVIDENCE_ORDER.__getitem__)
        line_path = LinePath(
            graph.edges[walk[0], walk[1], key]["line"],
            tuple(_ref(graph, node) for node in walk),
            tuple(steps),
            weakest,
            hops,
        )
        yield target, ((distances[target], hops, key), line_path)


def _candidate(
    region: RegionRef, paths: list[LinePath], links: tuple[TriggerPointLink, ...]
) -> Candidate:
    lines = tuple(sorted({path.line for path in paths}))
    if paths:
        best = max(paths, key=lambda p: ((1 + EVIDENCE_ORDER[p.evidence]) / p.hops, -p.hops))
        line_points = (1 + EVIDENCE_ORDER[best.evidence]) / best.hops
        parts = ScoreParts(best.hops, best.evidence, len(lines), len(links), round(line_points, 6))
        score = line_points + EXTRA_LINE_POINTS * (len(lines) - 1)
    else:
        parts = ScoreParts(0, "", 0, len(links), 0.0)
        score = 0.0
    score += TRIGGER_POINT_POINTS * len(links)
    return Candidate(
        0,
        region,
        round(score, 6),
        parts,
        "fascial-line" if paths else "trigger-point",
        lines,
        tuple(paths),
        links,
    )
