"""fascialines: myofascial lines and referred pain as a graph, with the evidence for each link.

>>> from fascialines import load_atlas, build_graph, trace
>>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
>>> trace(graph, "headache", side="left").candidates[0].region.id
'erector-spinae'
"""

from fascialines.atlas import Atlas, AtlasError, load_atlas
from fascialines.explain import DISCLAIMER, evidence_words, explain_candidate, explain_trace
from fascialines.graph import build_graph, node_for
from fascialines.trace import (
    Candidate,
    LinePath,
    RegionRef,
    Trace,
    TraceOptions,
    UnknownSymptom,
    find_symptom,
    trace,
    trace_from,
)

__all__ = [
    "DISCLAIMER",
    "Atlas",
    "AtlasError",
    "Candidate",
    "LinePath",
    "RegionRef",
    "Trace",
    "TraceOptions",
    "UnknownSymptom",
    "build_graph",
    "evidence_words",
    "explain_candidate",
    "explain_trace",
    "find_symptom",
    "load_atlas",
    "node_for",
    "trace",
    "trace_from",
]
__version__ = "0.1.0"
