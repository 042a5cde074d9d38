"""The 10-second load run: locust's simulated people against ``fascialines serve``, 0 failures.

The full test (nginx in front of two servers, 50 users for 60 s) is ``make load``; this shorter
one runs in CI against the production server alone (2 worker processes) and asserts only that
nothing failed: its latencies depend on the machine, so they are recorded by ``make load`` in
benchmarks/SERVING.md, never asserted.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from serving_helpers import SRC, running_server

REPO = Path(__file__).resolve().parents[1]
LOCUST = shutil.which("locust", path=str(Path(sys.executable).parent)) or shutil.which("locust")


@pytest.mark.skipif(LOCUST is None, reason="locust is not installed (it is in the test extra)")
def test_ten_seconds_of_visitors_get_no_failure(tmp_path: Path) -> None:
    assert LOCUST is not None
    with running_server("--workers", "2", "--threads", "4") as server:
        done = subprocess.run(
            [
                LOCUST,
                "-f",
                str(REPO / "deploy" / "locustfile.py"),
                "--headless",
                "-u",
                "20",
                "-r",
                "10",
                "-t",
                "10s",
                "--host",
                f"http://127.0.0.1:{server.port}",
                "--csv",
                str(tmp_path / "run"),
                "--only-summary",
            ],
            env={**os.environ, "PYTHONPATH": str(SRC)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    with (tmp_path / "run_stats.csv").open(newline="", encoding="utf-8") as handle:
        total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
    assert int(total["Request Count"]) >= 20, done.stderr[-2000:]
    assert int(total["Failure Count"]) == 0, done.stderr[-2000:]
    assert "Traceback" not in server.log
