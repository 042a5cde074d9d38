"""What every benchmark script shares: CPU timing, summaries and the results file it writes.

Each ``bench_*.py`` run as a script writes ``benchmarks/results/<stem>.json``: a list of
records ``{"benchmark", "figure", "value", "unit", "spread", "floor"}``, where ``spread`` is the
interquartile range in the same unit and ``floor`` is ``{"name", "value"}`` (a baseline measured
in the same run) or ``null``. ``report.py`` merges them.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parent / "results"


def cpu_ms(call: Callable[[], object]) -> float:
    """The CPU time of one call, in milliseconds (this process only, so other load on the
    machine slows it less than wall-clock time)."""
    started = time.process_time_ns()
    call()
    return (time.process_time_ns() - started) / 1e6


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def spread(values: list[float]) -> float:
    """The interquartile range."""
    return percentile(values, 0.75) - percentile(values, 0.25)


def record(
    benchmark: str,
    figure: str,
    value: float,
    unit: str,
    spread_value: float | None = None,
    floor: tuple[str, float] | None = None,
) -> dict[str, Any]:
    return {
        "benchmark": benchmark,
        "figure": figure,
        "value": round(value, 4),
        "unit": unit,
        "spread": None if spread_value is None else round(spread_value, 4),
        "floor": None if floor is None else {"name": floor[0], "value": round(floor[1], 4)},
    }


def timing_records(
    benchmark: str, what: str, values: list[float], floor: tuple[str, float] | None = None
) -> list[dict[str, Any]]:
    """Median and p95 of CPU times in ms, each with the interquartile range."""
    return [
        record(benchmark, f"{what} median", statistics.median(values), "ms", spread(values), floor),
        record(benchmark, f"{what} p95", percentile(values, 0.95), "ms", spread(values), floor),
    ]


def write(stem: str, records: list[dict[str, Any]]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stem}.json"
    path.write_text(json.dumps(records, indent=2) + "\n", encoding="utf-8")
    for item in records:
        floor = item["floor"] and f" (floor {item['floor']['name']}: {item['floor']['value']})"
        spread_text = f" ± IQR {item['spread']}" if item["spread"] is not None else ""
        print(f"{item['figure']}: {item['value']} {item['unit']}{spread_text}{floor or ''}")
    print(f"wrote {path}")
    return path
