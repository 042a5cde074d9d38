"""Turn a load run's raw files into ``benchmarks/results/serving.json`` and ``SERVING.md``.

``deploy/load-test.sh`` calls it with its working folder, which holds locust's
``locust_stats.csv`` (one row per request kind and an ``Aggregated`` row) and ``rss.csv`` (seconds
since the start, the servers' summed resident memory in KB, every 2 s).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _aggregated(folder: Path) -> dict[str, str]:
    with (folder / "locust_stats.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                return row
    raise SystemExit("no Aggregated row in locust_stats.csv: did locust run?")


def _memory(folder: Path, seconds: int) -> tuple[float, float, float, float]:
    samples = []
    for line in (folder / "rss.csv").read_text(encoding="utf-8").splitlines():
        elapsed, _, rss = line.partition(",")
        if rss.strip():
            samples.append((int(elapsed), int(rss) / 1024))
    first = [mb for t, mb in samples if t < 20]
    last = [mb for t, mb in samples if seconds - 20 <= t <= seconds]
    if not first or not last:
        raise SystemExit("rss.csv does not cover the first and last 20 seconds")
    # Growth within the last window: after warm-up, a leak shows as a steady climb here.
    growth = last[-1] - last[0]
    return statistics.mean(first), statistics.mean(last), max(mb for _, mb in samples), growth


def records(folder: Path, seconds: int, users: int) -> list[dict[str, Any]]:
    """The figures of one run, as ``{"benchmark", "figure", "value", "unit", "spread", "floor"}``.

    ``floor`` is the bound the figure is held to (``None`` where it is only recorded); ``spread``
    is the range it moved over within the run, where the run measures one.
    """
    row = _aggregated(folder)
    first, last, peak, growth = _memory(folder, seconds)
    name = f"serving: {users} users, {seconds} s through nginx"

    def record(figure: str, value: float, unit: str, floor: Any = None, spread: Any = None):
        return {
            "benchmark": name,
            "figure": figure,
            "value": round(value, 2),
            "unit": unit,
            "spread": spread,
            "floor": floor,
        }

    return [
        record("requests", float(row["Request Count"]), "requests"),
        record("failures", float(row["Failure Count"]), "requests", floor=0),
        record("throughput", float(row["Requests/s"]), "requests/s"),
        record("p50", float(row["50%"]), "ms"),
        record("p95", float(row["95%"]), "ms"),
        record("p99", float(row["99%"]), "ms"),
        record(
            "memory, first 20 s",
            first,
            "MB (2 servers)",
        ),
        record(
            "memory, last 20 s",
            last,
            "MB (2 servers)",
            # "Flat": the last 20 seconds within 10 % of the first.
            floor=round(first * 1.10, 1),
            spread=[round(first, 1), round(peak, 1)],
        ),
        record("memory growth within the last 20 s", growth, "MB (2 servers)", floor=5),
    ]


def markdown(found: list[dict[str, Any]], setup: str, command: str) -> str:
    """The ``## Serving`` section that the benchmark report includes in BENCHMARKS.md."""
    by = {item["figure"]: item for item in found}
    flat = by["memory, last 20 s"]["value"] <= by["memory, last 20 s"]["floor"]
    lines = [
        "## Serving",
        "",
        f"{found[0]['benchmark']}: {setup}, on this project's 2-core machine "
        f"({datetime.now(UTC):%Y-%m-%d}). Each simulated person loads the page (the page, its "
        "layout and dependencies, then the two callbacks a fresh page sends), traces symptoms, "
        "explores lines and clicks regions, with the callback bodies Chromium sends.",
        "",
        f"Command: `{command}`",
        "",
        "| figure | value |",
        "|---|---|",
        f"| requests (failures) | {by['requests']['value']:.0f} ({by['failures']['value']:.0f}) |",
        f"| throughput | {by['throughput']['value']} requests/s |",
        f"| latency p50 / p95 / p99 | {by['p50']['value']:.0f} / {by['p95']['value']:.0f} / "
        f"{by['p99']['value']:.0f} ms |",
        f"| memory of the 2 servers, first 20 s → last 20 s | "
        f"{by['memory, first 20 s']['value']:.0f} → {by['memory, last 20 s']['value']:.0f} MB "
        f"({'flat' if flat else 'GROWING'}: bound {by['memory, last 20 s']['floor']} MB) |",
        f"| memory growth within the last 20 s | "
        f"{by['memory growth within the last 20 s']['value']:.1f} MB |",
        "",
        "The first 20 seconds include the warm-up (users arriving, each kind of request's first "
        "answer); what would show a leak is a steady climb after it, in the last row.",
        "",
        "The load average before the run is in the first line: above 2 on this 2-core machine "
        "means other jobs shared the cores with the servers, nginx and locust, so the latencies "
        "are upper bounds for a dedicated server. "
        "The callbacks are CPU-bound Python (a trace and its panels), so throughput is bounded "
        "by the cores: 2 servers use both; more threads add no throughput, only queueing.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--setup", required=True)
    args = parser.parse_args()
    found = records(args.folder, args.seconds, args.users)
    results = REPO / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "serving.json").write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    command = "make load" if args.users == 50 and args.seconds == 60 else "deploy/load-test.sh"
    text = markdown(found, args.setup, command)
    (REPO / "benchmarks" / "SERVING.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
