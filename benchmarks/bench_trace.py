"""Benchmark: build the body graph and trace a symptom on a synthetic atlas of N regions.

Run: ``.venv/bin/python benchmarks/bench_trace.py --regions 100000 --repeat 200``

The synthetic atlas has the real atlas's shape at scale: lines of ``--stations`` regions chained
end to end, neighbouring lines sharing a station every few steps so a trace can change lines,
paired and midline regions mixed, and a symptom felt at one region in the middle. It reports the
median and 95th percentile of ``trace`` over ``--repeat`` runs, and the graph build time.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from itertools import pairwise

import networkx as nx

from fascialines import __version__
from fascialines.atlas import Atlas
from fascialines.graph import build_graph
from fascialines.trace import trace

GRADES = ("strong", "moderate", "limited", "not-studied", "not-found")


def synthetic_atlas(regions: int, stations_per_line: int) -> Atlas:
    """An atlas of ``regions`` regions in lines of ``stations_per_line``, cross-linked."""
    region_ids = [f"r{i}" for i in range(regions)]
    region_data = [
        {
            "id": rid,
            "name": f"Region {i}",
            "kind": "track" if i % 2 else "station",
            "laterality": "midline" if i % 7 == 0 else "paired",
            "body_area": "trunk",
            "front": {"x": 0.0 if i % 7 == 0 else 5.0, "y": float(i % 100)},
        }
        for i, rid in enumerate(region_ids)
    ]
    lines = []
    step = stations_per_line - 1
    for number, start in enumerate(range(0, regions - step, step)):
        chain = region_ids[start : start + stations_per_line]
        transitions = [
            {"from": a, "to": b, "evidence": GRADES[(number + k) % 5], "sources": ["synthetic"]}
            for k, (a, b) in enumerate(pairwise(chain))
        ]
        lines.append(
            {
                "id": f"line-{number}",
                "abbreviation": "SYN",
                "name": f"Synthetic line {number}",
                "colour": "#336699",
                "summary": "Synthetic.",
                "evidence": {"grade": "limited", "summary": "Synthetic.", "sources": ["synthetic"]},
                "branches": [{"id": "main", "name": "Main", "transitions": transitions}],
            }
        )
    middle = region_ids[regions // 2 + 1]
    return Atlas.model_validate(
        {
            "schema_version": 2,
            "regions": region_data,
            "lines": lines,
            "symptoms": [{"id": "synthetic-pain", "name": "Synthetic pain", "felt_at": [middle]}],
            "sources": [{"id": "synthetic", "citation": "Generated for the benchmark."}],
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=100_000)
    parser.add_argument("--stations", type=int, default=50, help="regions per line")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--max-hops", type=int, default=4)
    args = parser.parse_args()

    atlas = synthetic_atlas(args.regions, args.stations)
    started = time.perf_counter()
    graph = build_graph(atlas)
    build_seconds = time.perf_counter() - started

    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        result = trace(graph, "synthetic-pain", side="both", max_hops=args.max_hops)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(
        f"fascialines {__version__}, networkx {nx.__version__}, Python {platform.python_version()}"
    )
    print(f"machine: {platform.machine()}, {platform.processor() or 'unknown cpu'}")
    print(
        f"atlas: {args.regions} regions, {len(atlas.lines)} lines; graph: "
        f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, built in "
        f"{build_seconds:.2f} s"
    )
    print(
        f"trace (max_hops={args.max_hops}, {len(result.candidates)} candidates): median "
        f"{statistics.median(timings):.2f} ms, p95 {p95:.2f} ms over {args.repeat} runs"
    )


if __name__ == "__main__":
    main()
