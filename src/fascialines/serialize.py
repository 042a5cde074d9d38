"""The JSON contract: traces, lines and symptoms as plain dicts, one shape for every reader.

The CLI's ``--json``, the app and the handout all use these functions, so the shape described
in the README ("JSON output") is defined once. Keys are never renamed or removed within a major
version; new keys may be added.
"""

from __future__ import annotations

from typing import Any

from fascialines.atlas import Atlas
from fascialines.explain import DISCLAIMER, explain_candidate
from fascialines.graph import RegionRef
from fascialines.tracing.ranking import RULE
from fascialines.tracing.results import Candidate, LinePath, Trace

__all__ = ["lines_to_json", "region_to_json", "symptoms_to_json", "trace_to_json"]


def region_to_json(region: RegionRef) -> dict[str, str]:
    """``{"id", "name", "side"}``."""
    return {"id": region.id, "name": region.name, "side": region.side}


def trace_to_json(result: Trace, top: int | None = None) -> dict[str, Any]:
    """The stable JSON shape of a trace, with at most ``top`` sources.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> from fascialines.graph import build_graph
    >>> from fascialines.tracing import trace
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> shape = trace_to_json(trace(graph, "sore heel", side="left"), top=1)
    >>> shape["sources"][0]["region"]["id"], shape["sources"][0]["mechanisms"]
    ('calf', ['fascial-line'])
    """
    symptom = result.symptom
    match = result.match
    return {
        "symptom": {"id": symptom.id, "name": symptom.name} if symptom else None,
        "matched_alias": match.alias if match else None,
        "alias_note": match.note if match else None,
        "side": result.options.side,
        "options": {
            "max_hops": result.options.max_hops,
            "lines": sorted(result.options.lines) if result.options.lines is not None else None,
            "min_evidence": result.options.min_evidence,
        },
        "rule": RULE,
        "felt_at": [region_to_json(region) for region in result.felt_at],
        "sources": [_candidate(result, c) for c in result.candidates[:top]],
        "landmarks": [region_to_json(region) for region in result.landmarks],
        "red_flags": [flag.text for flag in result.red_flags],
        "red_flag_actions": [
            {"id": flag.id, "text": flag.text, "action": flag.action, "sources": flag.sources}
            for flag in result.red_flags
        ],
        "disclaimer": DISCLAIMER,
    }


def _path(path: LinePath) -> dict[str, Any]:
    return {
        "line": path.line,
        "regions": [region_to_json(region) for region in path.regions],
        "evidence": path.evidence,
        "hops": path.hops,
        "steps": [
            {
                "from": step.start.id,
                "to": step.end.id,
                "evidence": step.evidence,
                "evidence_basis": step.evidence_basis,
                "sources": list(step.sources),
            }
            for step in path.steps
        ],
    }


def _candidate(result: Trace, candidate: Candidate) -> dict[str, Any]:
    parts = candidate.parts
    reasons = candidate.reasons
    return {
        "rank": candidate.rank,
        "region": region_to_json(candidate.region),
        "sides": list(candidate.sides),
        "score": candidate.score,
        "reasons": (
            {
                "steps": reasons.steps,
                "evidence": reasons.evidence,
                "agreeing": reasons.agreeing,
                "via": reasons.via,
                "link": reasons.link,
                "text": reasons.text,
            }
            if reasons
            else None
        ),
        "score_parts": {
            "hops": parts.hops,
            "evidence": parts.evidence,
            "lines": parts.lines,
            "trigger_points": parts.trigger_points,
            "line_points": parts.line_points,
        },
        "mechanism": candidate.mechanism,
        "mechanisms": list(candidate.mechanisms),
        "lines": list(candidate.lines),
        "paths": [_path(path) for path in candidate.paths],
        "trigger_points": [
            {
                "pattern": link.pattern,
                "muscle": region_to_json(link.muscle),
                "refers_to": region_to_json(link.refers_to),
                "zone": link.zone,
                "sources": list(link.sources),
            }
            for link in candidate.trigger_points
        ],
        "explanation": explain_candidate(result, candidate, "client"),
        "explanation_student": explain_candidate(result, candidate, "student"),
    }


def lines_to_json(atlas: Atlas) -> list[dict[str, Any]]:
    """Every line: its stations in order and the grade and basis of each transition."""
    return [
        {
            "id": line.id,
            "abbreviation": line.abbreviation,
            "name": line.name,
            "colour": line.colour,
            "evidence": line.evidence.grade,
            "evidence_summary": line.evidence.summary,
            "stations": [
                {"id": region, "name": atlas.region(region).name} for region in line.stations
            ],
            "transitions": [
                {
                    "from": step.from_,
                    "to": step.to,
                    "evidence": step.evidence,
                    "evidence_basis": step.evidence_basis,
                    "sources": list(step.sources),
                }
                for step in line.transitions
            ],
            "midline_crossings": [
                {"from": crossing.from_, "to": crossing.to} for crossing in line.midline_crossings
            ],
        }
        for line in atlas.lines
    ]


def symptoms_to_json(atlas: Atlas) -> list[dict[str, Any]]:
    """Every symptom with its aliases, the notes on some aliases and where it is felt."""
    return [
        {
            "id": symptom.id,
            "name": symptom.name,
            "aliases": list(symptom.aliases),
            "alias_notes": dict(symptom.alias_notes),
            "felt_at": list(symptom.felt_at),
        }
        for symptom in atlas.symptoms
    ]
