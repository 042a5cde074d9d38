"""Benchmark: ``trace`` on the shipped atlas, and the naive all-simple-paths baseline.

Run: ``.venv/bin/python benchmarks/bench_trace.py`` (``make bench`` runs it).

Every symptom x side x ``max_hops`` 1..6 is traced (CPU time per trace) in the states the
graph's memo (:mod:`fascialines.tracing.memo`) can be in:

* *asked for the first time*: each request once, in symptom x side x ``max_hops`` order, with
  what the requests before it left in the memo (searches from the same felt-at regions, steps,
  reasons). This is what a running app pays for a request it has not answered yet;
* *answer rebuilt*: the searches this very request made are kept, its answer is worked out
  again (the memo's answers are cleared before each of ``--repeat`` timed calls);
* *repeated*: the same request again, its answer kept (``--repeat`` calls);
* *first on a fresh graph*: nothing kept (the memo is dropped before each call).

At 6 steps the engine's search, with nothing kept, is compared with
:func:`fascialines.tracing.exhaustive.all_best_paths`, which enumerates every simple path within
the bound: the answers must match and the engine must be faster. Writes
``benchmarks/results/bench_trace.json``.
"""

from __future__ import annotations

import argparse
import statistics
from functools import partial

from common import cpu_ms, record, timing_records, write

from fascialines.atlas import load_atlas
from fascialines.graph import build_graph
from fascialines.tracing import TraceOptions, trace
from fascialines.tracing.exhaustive import all_best_paths
from fascialines.tracing.memo import forget, memo_for
from fascialines.tracing.search import best_paths

NAME = "trace on the shipped atlas"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    atlas = load_atlas()
    graph = build_graph(atlas)
    requests = [
        (symptom.id, side, hops)
        for symptom in atlas.symptoms
        for side in ("left", "right", "both")
        for hops in range(1, 7)
    ]
    trace(build_graph(atlas), *requests[-1])  # warms the interpreter, not this graph's memo
    first: list[float] = []
    for request in requests:
        first.append(cpu_ms(partial(trace, graph, *request)))
    answers = memo_for(graph).answers
    rebuilt: list[float] = []
    repeated: list[float] = []
    for request in requests:
        call = partial(trace, graph, *request)
        for _ in range(args.repeat):
            answers.clear()
            rebuilt.append(cpu_ms(call))
            repeated.append(cpu_ms(call))
    fresh: list[float] = []
    for request in requests:
        forget(graph)
        fresh.append(cpu_ms(partial(trace, graph, *request)))

    engine: list[float] = []
    naive: list[float] = []
    mismatches = 0
    for symptom in atlas.symptoms:
        for side in ("left", "right", "both"):
            options = TraceOptions(side=side, max_hops=6)  # type: ignore[arg-type]
            felt = [(r.id, r.side) for r in trace(graph, symptom.id, side=side).felt_at]
            fast = {k: (f.hops, f.evidence) for k, f in best_paths(graph, felt, options).items()}
            slow = all_best_paths(graph, felt, options)
            mismatches += fast != slow
            forget(graph)  # the engine's search from scratch, as the naive one is
            engine.append(cpu_ms(partial(best_paths, graph, felt, options)))
            naive.append(cpu_ms(partial(all_best_paths, graph, felt, options)))

    every = "every symptom x side x max_hops 1-6"
    records = [
        *timing_records(NAME, f"trace, asked for the first time ({every})", first),
        *timing_records(NAME, f"trace, answer rebuilt from kept searches ({every})", rebuilt),
        *timing_records(NAME, f"trace, repeated request ({every})", repeated),
        *timing_records(NAME, f"trace, first on a fresh graph ({every})", fresh),
        record(NAME, "requests (each timed once first, then --repeat times)", len(first), "count"),
        *timing_records(
            NAME,
            "engine search at 6 steps, nothing kept",
            engine,
            floor=("naive all-simple-paths median", statistics.median(naive)),
        ),
        *timing_records(NAME, "naive all-simple-paths search at 6 steps", naive),
        record(NAME, "answers differing from the naive search at 6 steps", mismatches, "count"),
    ]
    write("bench_trace", records)


if __name__ == "__main__":
    main()
