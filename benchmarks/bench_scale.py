"""Benchmark: ``build_graph`` and ``trace`` as the atlas grows, to 100,000 regions.

Run: ``.venv/bin/python benchmarks/bench_scale.py`` (``make bench`` runs it).

The synthetic atlas has the real atlas's shape at scale: lines of 50 regions chained end to end,
each line sharing a station with the next, every third line with a second branch that rejoins
it (a loop) and every fifth crossing the midline; stations, tracks, muscles and areas mixed;
one trigger-point pattern per 20 regions and one symptom per 5 regions (20,000 at 100,000).
It reports ``build_graph`` per size, the trace over random symptom x side x ``max_hops``
1..6 at the largest size, and the naive all-simple-paths search at 6 steps beside the
engine's. Writes ``benchmarks/results/bench_scale.json``.
"""

from __future__ import annotations

import argparse
import random
import time
from functools import partial
from itertools import pairwise
from typing import Any

from common import cpu_ms, record, timing_records, write

from fascialines.atlas import Atlas
from fascialines.graph import build_graph
from fascialines.tracing import TraceOptions, trace
from fascialines.tracing.exhaustive import all_best_paths
from fascialines.tracing.memo import forget
from fascialines.tracing.search import best_paths

NAME = "trace and build at scale"
GRADES = ("strong", "moderate", "limited", "not-studied", "not-found")
KINDS = ("station", "track", "muscle", "track", "area")
PER_LINE = 50


def synthetic_atlas(regions: int, seed: int = 1) -> Atlas:
    """An atlas of ``regions`` regions (see the module docstring)."""
    rng = random.Random(seed)
    ids = [f"r{i}" for i in range(regions)]
    region_data = [
        {
            "id": rid,
            "name": f"Region {i}",
            "kind": KINDS[i % len(KINDS)],
            "laterality": "midline" if i % 7 == 0 else "paired",
            "body_area": "trunk",
        }
        for i, rid in enumerate(ids)
    ]
    lines: list[dict[str, Any]] = []
    step = PER_LINE - 1
    for number, start in enumerate(range(0, regions - step, step)):
        chain = ids[start : start + PER_LINE]
        branches = [{"id": "main", "name": "Main", "transitions": _steps(chain, rng)}]
        if number % 3 == 0:
            # Leaves the chain a third of the way along and rejoins it two thirds along.
            detour = [chain[PER_LINE // 3], *rng.sample(ids, 3), chain[2 * PER_LINE // 3]]
            branches.append({"id": "loop", "name": "Loop", "transitions": _steps(detour, rng)})
        crossings = []
        if number % 5 == 0:
            middle = branches[0]["transitions"][PER_LINE // 2]
            crossings = [{"from": middle["from"], "to": middle["to"], "description": "crosses"}]
        lines.append(
            {
                "id": f"line-{number}",
                "abbreviation": "SYN",
                "name": f"Synthetic line {number}",
                "colour": "#336699",
                "summary": "Synthetic.",
                "evidence": {"grade": "limited", "summary": "Synthetic.", "sources": ["syn"]},
                "branches": branches,
                "midline_crossings": crossings,
            }
        )
    patterns = [
        {
            "id": f"pattern-{i}",
            "muscle": ids[i],
            "essential": [ids[(i + 3) % regions]],
            "spillover": [ids[(i + 11) % regions]],
            "description": "Synthetic.",
            "sources": ["syn"],
        }
        for i in range(2, regions, 20)
    ]
    symptoms = [
        {
            "id": f"symptom-{i}",
            "name": f"Synthetic pain {i}",
            "felt_at": rng.sample(ids[max(0, i - 40) : i + 40], 2),
        }
        for i in range(0, regions, 5)
    ]
    return Atlas.model_validate(
        {
            "schema_version": 2,
            "regions": region_data,
            "lines": lines,
            "referral_patterns": patterns,
            "symptoms": symptoms,
            "sources": [{"id": "syn", "citation": "Generated for the benchmark."}],
        }
    )


def _steps(chain: list[str], rng: random.Random) -> list[dict[str, Any]]:
    return [
        {"from": a, "to": b, "evidence": rng.choice(GRADES), "sources": ["syn"]}
        for a, b in pairwise(chain)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--traces", type=int, default=600)
    parser.add_argument("--naive", type=int, default=60)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    records = []
    graph = None
    for size in sizes:
        atlas = synthetic_atlas(size)
        started = time.process_time()
        graph = build_graph(atlas)
        seconds = time.process_time() - started
        records.append(record(NAME, f"build_graph at {size} regions", seconds, "s"))
        records.append(
            record(NAME, f"build_graph per region at {size} regions", 1e6 * seconds / size, "µs")
        )
        print(f"built {size} regions in {seconds:.2f} s CPU")
    assert graph is not None
    atlas = graph.atlas
    rng = random.Random(2)
    times = []
    for _ in range(args.traces):
        symptom = rng.choice(atlas.symptoms).id
        side, hops = rng.choice(("left", "right", "both")), rng.randint(1, 6)
        times.append(cpu_ms(partial(trace, graph, symptom, side, hops)))
    engine, naive, mismatches = [], [], 0
    for _ in range(args.naive):
        symptom = rng.choice(atlas.symptoms).id
        side = rng.choice(("left", "right", "both"))
        options = TraceOptions(side=side, max_hops=6)
        felt = [(r.id, r.side) for r in trace(graph, symptom, side=side).felt_at]
        fast = {k: (f.hops, f.evidence) for k, f in best_paths(graph, felt, options).items()}
        mismatches += fast != all_best_paths(graph, felt, options)
        forget(graph)  # the engine's search from scratch, as the naive one is
        engine.append(cpu_ms(partial(best_paths, graph, felt, options)))
        naive.append(cpu_ms(partial(all_best_paths, graph, felt, options)))
    largest = f"at {sizes[-1]} regions, {len(atlas.symptoms)} symptoms"
    records += [
        *timing_records(NAME, f"trace {largest} (max_hops 1-6)", times),
        *timing_records(
            NAME,
            f"engine search at 6 steps {largest}",
            engine,
            floor=("naive all-simple-paths median", sorted(naive)[len(naive) // 2]),
        ),
        *timing_records(NAME, f"naive all-simple-paths search at 6 steps {largest}", naive),
        record(NAME, "answers differing from the naive search at 6 steps", mismatches, "count"),
    ]
    write("bench_scale", records)


if __name__ == "__main__":
    main()
