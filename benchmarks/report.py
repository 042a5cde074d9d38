"""Merge every ``benchmarks/results/*.json`` into ``benchmarks/results.json`` and BENCHMARKS.md.

Run: ``.venv/bin/python benchmarks/report.py`` (``make bench`` runs it after the bench scripts).
The markdown names the machine (CPU model, cores, Python and library versions) and the command,
then one table per benchmark: figure, value, interquartile range and the floor measured beside it.
"""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
RESULTS = HERE / "results"
LIBRARIES = ("fascialines", "networkx", "pydantic", "rapidfuzz", "dash", "plotly")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": versions,
        # Shared machines: the load when the report was made says how busy the cores were.
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def _floor(item: dict[str, Any]) -> str:
    # The protocol's floor is {"name", "value"}; a bare number from an older script is shown too.
    floor = item.get("floor")
    if isinstance(floor, dict):
        return f"{floor.get('name', 'floor')}: {floor.get('value')} {item['unit']}"
    return "" if floor is None else f"{floor} {item['unit']}"


def main() -> None:
    records: list[dict[str, Any]] = []
    sources = sorted(RESULTS.glob("*.json"))
    for path in sources:
        records += json.loads(path.read_text(encoding="utf-8"))
    about = machine()
    merged = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": about,
        "command": "make bench",
        "records": records,
    }
    (HERE / "results.json").write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")

    versions = ", ".join(f"{name} {version}" for name, version in about["versions"].items())
    out = [
        "# Benchmarks",
        "",
        f"Generated {merged['generated']} by `make bench` (each `benchmarks/bench_*.py`, then "
        "`benchmarks/report.py`). The engine's and the quiz's times are CPU time of this process; "
        "the interaction times are wall-clock, from a gesture's pointerdown in headless Chromium "
        "to the paint after its last change; the spread is the interquartile range; a floor is a "
        "baseline measured in the same run.",
        "",
        f"Machine: {about['cpu']}, {about['cores']} cores, {about['system']}, Python "
        f"{about['python']}; {versions}. Load average when reported: "
        f"{about['load_average_1min']} (on {about['cores']} cores).",
    ]
    benchmarks: dict[str, list[dict[str, Any]]] = {}
    for item in records:
        benchmarks.setdefault(item["benchmark"], []).append(item)
    for name, items in benchmarks.items():
        out += ["", f"## {name}", "", "| figure | value | spread | floor |", "|---|---|---|---|"]
        for item in items:
            spread = "" if item["spread"] is None else f"{item['spread']} {item['unit']}"
            floor = _floor(item)
            out.append(
                f"| {item['figure']} | {item['value']} {item['unit']} | {spread} | {floor} |"
            )
    out.append("")
    (HERE.parent / "BENCHMARKS.md").write_text("\n".join(out), encoding="utf-8")
    print(f"merged {len(records)} records from {len(sources)} files into results.json and the .md")


if __name__ == "__main__":
    main()
