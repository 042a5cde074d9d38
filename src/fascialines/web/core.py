"""The app's few doors into the core: build the graph, trace a view, look up a symptom.

Everything the views need from :mod:`fascialines.graph` and :mod:`fascialines.tracing` goes
through these functions, so a change in the core's API is a change here only.
"""

from __future__ import annotations

from typing import TypeAlias

from fascialines.atlas import Atlas
from fascialines.graph import BodyGraph, build_graph
from fascialines.tracing import Trace, TraceOptions, UnknownSymptom, trace, trace_from
from fascialines.web.state import ViewState
from fascialines.web.wording import MESSAGE

__all__ = ["Graph", "build", "trace_view"]

#: What :func:`build` returns; the views treat it as opaque and pass it back here.
Graph: TypeAlias = BodyGraph


def build(atlas: Atlas) -> Graph:
    """The body graph of an atlas (:class:`~fascialines.graph.BodyGraph`), built once per
    process, linear in the atlas."""
    return build_graph(atlas)


def trace_view(graph: Graph, state: ViewState) -> tuple[Trace | None, tuple[str, ...]]:
    """The trace a view state asks for, or ``None`` when it asks for none.

    Returns
    -------
    tuple of (Trace or None, tuple of str)
        The trace, and a plain sentence for each problem (never an exception).
    """
    options = TraceOptions(
        side=state.side,
        max_hops=state.hops,
        lines=frozenset(state.lines) or None,
        min_evidence=state.evidence,
    )
    try:
        if state.symptom:
            found = trace(
                graph, state.symptom, state.side, state.hops, options.lines, state.evidence
            )
            return found, ()
        if state.felt:
            return trace_from(graph, [state.felt], options), ()
    except (UnknownSymptom, ValueError) as error:
        return None, (MESSAGE["not-traced"].format(error=error),)
    return None, ()
