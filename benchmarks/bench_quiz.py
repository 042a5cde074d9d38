"""Benchmark: draw a quiz from the shipped atlas and from a synthetic atlas of N regions.

Run: ``.venv/bin/python benchmarks/bench_quiz.py --regions 10000 --repeat 50``

Each quiz rebuilds its pools of askable facts, so its cost grows with the atlas; the synthetic
atlas (lines of ``--stations`` regions chained end to end, every line crossing the midline
once, one trigger-point pattern per line) shows how fast. Reports the median and 95th
percentile of :func:`fascialines.teaching.generate_quiz` over ``--repeat`` seeds, after the
first quiz of each atlas (which builds the pools, kept for later quizzes).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from itertools import pairwise

from fascialines import __version__
from fascialines.atlas import Atlas, load_atlas
from fascialines.teaching import generate_quiz


def synthetic_atlas(regions: int, stations_per_line: int) -> Atlas:
    """``regions`` paired regions in lines of ``stations_per_line``, each crossing once."""
    ids = [f"r{i}" for i in range(regions)]
    region_data = [
        {
            "id": rid,
            "name": f"Region {i}",
            "kind": "area" if i % 5 == 0 else "track",
            "laterality": "paired",
            "body_area": "trunk",
        }
        for i, rid in enumerate(ids)
    ]
    lines, patterns = [], []
    step = stations_per_line - 1
    for number, start in enumerate(range(0, regions - step, step)):
        chain = ids[start : start + stations_per_line]
        transitions = [
            {"from": a, "to": b, "evidence": "not-studied", "sources": ["synthetic"]}
            for a, b in pairwise(chain)
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
                "midline_crossings": [
                    {"from": chain[1], "to": chain[2], "description": "Crosses."}
                ],
            }
        )
        patterns.append(
            {
                "id": f"pattern-{number}",
                "muscle": chain[0],
                "essential": [chain[-1]],
                "description": "Synthetic.",
                "sources": ["synthetic"],
            }
        )
    return Atlas.model_validate(
        {
            "schema_version": 2,
            "regions": region_data,
            "lines": lines,
            "referral_patterns": patterns,
            "sources": [{"id": "synthetic", "citation": "Generated for the benchmark."}],
        }
    )


def measure(atlas: Atlas, repeat: int, count: int) -> str:
    # The first quiz of an atlas builds its pools; later ones reuse them.
    started = time.perf_counter()
    generate_quiz(atlas, -1, count)
    first = time.perf_counter() - started
    timings = []
    for seed in range(repeat):
        started = time.perf_counter()
        generate_quiz(atlas, seed, count)
        timings.append(time.perf_counter() - started)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
    return (
        f"first {first * 1000:.1f} ms, then median {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=10_000)
    parser.add_argument("--stations", type=int, default=50, help="regions per line")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--count", type=int, default=10, help="questions per quiz")
    args = parser.parse_args()

    print(
        f"fascialines {__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{args.count} questions per quiz, {args.repeat} seeds"
    )
    shipped = load_atlas()
    print(
        f"shipped atlas ({len(shipped.regions)} regions, {len(shipped.lines)} lines): "
        f"{measure(shipped, args.repeat, args.count)}"
    )
    atlas = synthetic_atlas(args.regions, args.stations)
    print(
        f"synthetic atlas ({len(atlas.regions)} regions, {len(atlas.lines)} lines): "
        f"{measure(atlas, args.repeat, args.count)}"
    )


if __name__ == "__main__":
    main()
