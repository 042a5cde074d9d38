"""fascialines: myofascial lines and referred pain as a graph, with the evidence for each link.

>>> from fascialines import load_atlas, build_graph, trace
>>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
>>> trace(graph, "headache", side="left").candidates[0].region.id
'erector-spinae'
"""

from fascialines.atlas import Atlas, AtlasError, load_atlas
from fascialines.evidence import Evidence
from fascialines.explain import DISCLAIMER, evidence_words, explain_candidate, explain_trace
from fascialines.graph import BodyGraph, LineEdge, Referral, RegionRef, build_graph, node_for
from fascialines.lookup import AtlasIndex, SymptomMatch, UnknownSymptom
from fascialines.serialize import lines_to_json, symptoms_to_json, trace_to_json
from fascialines.tracing import (
    RULE,
    Candidate,
    LinePath,
    Trace,
    TraceOptions,
    trace,
    trace_from,
)

__all__ = [
    "DISCLAIMER",
    "RULE",
    "Atlas",
    "AtlasError",
    "AtlasIndex",
    "BodyGraph",
    "Candidate",
    "Evidence",
    "LineEdge",
    "LinePath",
    "Referral",
    "RegionRef",
    "SymptomMatch",
    "Trace",
    "TraceOptions",
    "UnknownSymptom",
    "build_graph",
    "evidence_words",
    "explain_candidate",
    "explain_trace",
    "lines_to_json",
    "load_atlas",
    "node_for",
    "symptoms_to_json",
    "trace",
    "trace_from",
    "trace_to_json",
]
__version__ = "0.1.0"
