"""Tracing: from where a symptom is felt to the soft tissue that may be its source.

Two mechanisms are kept apart: continuity along a myofascial line (a path in the body graph,
found by :mod:`fascialines.tracing.search`) and trigger-point referral (a pattern that refers
pain to where the symptom is felt). Candidates are ordered by
:data:`fascialines.tracing.ranking.RULE`.
"""

from __future__ import annotations

from collections.abc import Iterable

from fascialines.atlas import RedFlag, Symptom
from fascialines.evidence import Evidence
from fascialines.graph import BodyGraph, NodeKey, Referral, Zone
from fascialines.lookup import SymptomMatch, UnknownRegion
from fascialines.tracing.memo import REASONS_KEPT, Answer, Memo, memo_for
from fascialines.tracing.options import TraceOptions, validated
from fascialines.tracing.ranking import SPILLOVER_STEPS, reason_text, score
from fascialines.tracing.results import (
    Candidate,
    Mechanism,
    Reasons,
    ScoreParts,
    Trace,
    TriggerPointLink,
)
from fascialines.tracing.search import Reach, best_reached

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
    trace depends on the neighbourhood of the symptom, not the size of the atlas. The graph
    keeps those searches, and the answer to each request, for the traces after it
    (:mod:`fascialines.tracing.memo`): the same request asked again returns the same
    immutable candidates, and any request returns what a freshly built graph would. Every
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
    memo = memo_for(graph)
    # The answer depends only on where it is felt and the options, not on how the symptom was
    # named: it is kept per (felt-at nodes, options), immutable (see fascialines.tracing.memo).
    key = (tuple(felt_at), options)
    answer = memo.answers.get(key)
    if answer is None:
        answer = _answer(graph, memo, options, felt_at)
        memo.answers.put(key, answer)
    candidates, landmarks = answer
    return Trace(
        match.symptom if match else None,
        options,
        tuple([graph.ref(node) for node in felt_at]),
        candidates,
        red_flags,
        graph.atlas,
        match,
        landmarks,
    )


def _answer(graph: BodyGraph, memo: Memo, options: TraceOptions, felt_at: list[NodeKey]) -> Answer:
    soft, station = graph.soft_tissue, graph.stations
    # Per region, its best path per (line, node) as a sortable row: the rule's order for one
    # path (fewest steps, strongest weakest grade), then line and side for a stable tie-break.
    paths: dict[str, list[_Row]] = {}
    stations: dict[NodeKey, tuple[int, int]] = {}
    for (line, node), (hops, rank, reach) in best_reached(graph, felt_at, options).items():
        region = node[0]
        if region in soft:
            row = (hops, -rank, line, _SIDE_ORDER[node[1]], node, reach)
            paths.setdefault(region, []).append(row)
        elif region in station:
            order = (hops, -rank)
            held = stations.get(node)
            if held is None or order < held:
                stations[node] = order
    # The graph has one referral per (pattern, muscle, area) and felt_at no area twice, so
    # each referral is met once here.
    links: dict[str, list[Referral]] = {}
    sides = {*options.sides, "midline"}
    for area in felt_at:
        midline_area = area[1] == "midline"
        for referral in graph.referrals_to(area):
            muscle = referral.muscle
            # At a midline area, only the muscles on the side asked about refer to it.
            if muscle[0] in soft and (not midline_area or muscle[1] in sides):
                links.setdefault(muscle[0], []).append(referral)
    # Rank on the rule's key first; each candidate is then built once, with its rank.
    ranked = []
    for region in paths.keys() | links.keys():
        rows = paths.get(region, [])
        rows.sort()
        referrals = links.get(region, [])
        if len(referrals) > 1:
            referrals.sort(key=_referral_order)
        key, link, agreeing, lines = _closest(rows, referrals)
        ranked.append((key, region, link, agreeing, lines, rows, referrals))
    # By the rule's key, then by region id (unique, so the sort never looks further).
    ranked.sort(key=lambda item: item[:2])
    candidates = tuple(
        [_candidate(graph, memo, rank, *item[2:]) for rank, item in enumerate(ranked, start=1)]
    )
    landmarks = tuple(
        [graph.ref(node) for node in sorted(stations, key=lambda n: (stations[n], n))]
    )
    return candidates, landmarks


#: ``(steps, -grade rank, line, side order, node, search)``: sorts best path first.
_Row = tuple[int, int, str, int, NodeKey, Reach]
#: The closest link: ``(steps, grade rank, via, link id, zone, node)``.
_Link = tuple[int, int, Mechanism, str, Zone | None, NodeKey]


def _referral_order(referral: Referral) -> tuple[bool, str, int, NodeKey]:
    # Essential zones first, then by pattern id, left before right.
    return (referral.zone != "essential", referral.pattern, _SIDE_ORDER[referral.muscle[1]],
            referral.area)  # fmt: skip


def _closest(
    rows: list[_Row], referrals: list[Referral]
) -> tuple[tuple[int, int, int], _Link, int, tuple[str, ...]]:
    """The rule's key for one region, its closest link, how many links agree, its lines."""
    # Most regions have one path and no pattern, or one pattern and no path: said directly.
    lines = (rows[0][2],) if len(rows) == 1 else tuple(sorted({row[2] for row in rows}))
    patterns = len(referrals) if len(referrals) < 2 else len({r.pattern for r in referrals})
    agreeing = len(lines) + patterns
    # The closest link: the best path, or the best pattern zone if it is closer, or as close
    # and better graded (a path wins a full tie: it is the documented mechanism).
    best: _Link | None = None
    if rows:
        hops, rank, line, _, node, _ = rows[0]
        best = (hops, -rank, "fascial-line", line, None, node)
    if referrals:
        pattern = referrals[0]
        steps = 1 if pattern.zone == "essential" else SPILLOVER_STEPS
        if best is None or (steps, -_NOT_STUDIED) < (best[0], -best[1]):
            best = (steps, _NOT_STUDIED, "trigger-point", pattern.pattern, pattern.zone,
                    pattern.muscle)  # fmt: skip
    assert best is not None
    # sort_key(steps, grade, agreeing), with the grade's rank already at hand.
    return (best[0], -best[1], -agreeing), best, agreeing, lines


def _candidate(
    graph: BodyGraph,
    memo: Memo,
    rank: int,
    closest: _Link,
    agreeing: int,
    lines: tuple[str, ...],
    rows: list[_Row],
    referrals: list[Referral],
) -> Candidate:
    steps, grade, via, link, zone, node = closest
    first = rows[0] if rows else None
    # The score, reasons and score parts are values shared by every candidate with the same
    # ones: made once per graph (see fascialines.tracing.memo).
    reasons_key = (steps, grade, agreeing, via, link, zone)
    reasoned = memo.reasons.get(reasons_key)
    if reasoned is None:
        evidence = _GRADES[grade]
        reasoned = (
            score(steps, evidence, agreeing),
            Reasons(steps, evidence.value, agreeing, via, link,
                    reason_text(steps, evidence, agreeing, via, zone)),
        )  # fmt: skip
        if len(memo.reasons) >= REASONS_KEPT:
            memo.reasons.clear()
        memo.reasons[reasons_key] = reasoned
    parts_key = (first[0], -first[1]) if first else (0, -1), len(lines), agreeing - len(lines)
    parts = memo.parts.get(parts_key)
    if parts is None:
        (hops, best_grade), line_count, patterns = parts_key
        parts = memo.parts[parts_key] = ScoreParts(
            hops, _GRADES[best_grade].value if first else "", line_count, patterns
        )
    mechanisms = _MECHANISMS[bool(rows), bool(referrals)]
    return Candidate(
        rank,
        graph.ref(node),
        reasoned[0],
        parts,
        mechanisms[0],
        lines,
        tuple([row[5].line_path(graph, memo, row[4]) for row in rows]),
        tuple([_link(graph, memo, referral) for referral in referrals]),
        mechanisms,
        _sides(rows, referrals),
        reasoned[1],
    )


def _sides(rows: list[_Row], referrals: list[Referral]) -> tuple[str, ...]:
    if not referrals and len(rows) == 1:
        return _SIDES[frozenset((rows[0][4][1],))]
    return _SIDES[frozenset({row[4][1] for row in rows} | {r.muscle[1] for r in referrals})]


def _link(graph: BodyGraph, memo: Memo, referral: Referral) -> TriggerPointLink:
    found = memo.links.get(id(referral))
    if found is None:
        found = memo.links[id(referral)] = TriggerPointLink(
            referral.pattern,
            graph.ref(referral.muscle),
            graph.ref(referral.area),
            referral.sources,
            referral.zone,
        )
    return found


_GRADES = {grade.rank: grade for grade in Evidence}
_NOT_STUDIED = Evidence.NOT_STUDIED.rank
# A candidate's mechanisms, by (reached along a line, reached by a pattern): line first.
_MECHANISMS: dict[tuple[bool, bool], tuple[Mechanism, ...]] = {
    (True, True): ("fascial-line", "trigger-point"),
    (True, False): ("fascial-line",),
    (False, True): ("trigger-point",),
}
# Every set of sides a candidate can be found on, in body order (left, midline, right).
_SIDES: dict[frozenset[str], tuple[str, ...]] = {
    frozenset(chosen): chosen
    for chosen in [
        ("left",), ("midline",), ("right",), ("left", "midline"), ("left", "right"),
        ("midline", "right"), ("left", "midline", "right"),
    ]
}  # fmt: skip
