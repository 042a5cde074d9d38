"""Tracing a symptom to the soft tissue that may be its source, ranked by one stated rule.

>>> from fascialines.atlas import load_atlas
>>> from fascialines.graph import build_graph
>>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
>>> [c.region.id for c in trace(graph, "headache", side="left").candidates][:2]
['erector-spinae', 'splenius']
"""

from fascialines.graph import RegionRef
from fascialines.lookup import SymptomMatch, UnknownSymptom
from fascialines.tracing.engine import trace, trace_from
from fascialines.tracing.options import MAX_HOPS, TraceOptions, resolve_lines
from fascialines.tracing.ranking import RULE
from fascialines.tracing.results import (
    Candidate,
    LinePath,
    Reasons,
    ScoreParts,
    Step,
    Trace,
    TriggerPointLink,
)

__all__ = [
    "MAX_HOPS",
    "RULE",
    "Candidate",
    "LinePath",
    "Reasons",
    "RegionRef",
    "ScoreParts",
    "Step",
    "SymptomMatch",
    "Trace",
    "TraceOptions",
    "TriggerPointLink",
    "UnknownSymptom",
    "resolve_lines",
    "trace",
    "trace_from",
]
