"""The command line as a user meets it: a subprocess, its output and its exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fascialines.explain import DISCLAIMER

REGION_KEYS = {"id", "name", "side"}


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fascialines", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def table_rows(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("rank"))
    rows = []
    for line in lines[header + 1 :]:
        if not line or line.startswith("..."):
            break
        rows.append(line)
    return rows


def assert_one_line_error(done: subprocess.CompletedProcess[str], code: int) -> None:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stdout == ""


def test_trace_prints_a_ranked_sourced_table(mini_atlas_path: Path) -> None:
    done = run("trace", "Tension Headache", "--side", "left", "--data", mini_atlas_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Headache: felt at Temporal region (left), Occipital ridge\n")
    assert "Ranking: Soft tissue only, ranked by the fewest steps" in done.stdout
    rows = table_rows(done.stdout)
    assert [row.split()[0] for row in rows] == [str(rank) for rank in range(1, 7)]
    assert rows[0].startswith("1     Erector spinae")
    # Each row shows its reasons: the three parts of the rule.
    assert "1 step (along a fascial line); evidence moderate" in rows[0]
    assert "Erector spinae (left) → Occipital ridge along BL [wilke-2016]" in rows[0]
    assert "Rhomboids" in rows[4] and "right" in rows[4] and "along SL" in rows[4]
    assert "trigger-point pattern, essential zone" in rows[2]
    assert (
        "trigger point: Upper trapezius (left) refers to Temporal region (left) (essential zone)"
        in rows[2]
    )
    assert not any("Sacrum" in row.split("  ")[1] for row in rows)  # stations are waypoints
    assert "wilke-2016: Wilke J et al." in done.stdout  # the cited sources are listed
    assert "A sudden, severe headache, the worst ever." in done.stdout  # red flag
    assert done.stdout.rstrip().endswith(DISCLAIMER)


def test_trace_top_and_filters(mini_atlas_path: Path) -> None:
    done = run(
        "trace", "heel-pain", "--side", "left", "--lines", "bl,DL", "--min-evidence",
        "moderate", "--max-hops", "2", "--top", "1", "--data", mini_atlas_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "side left, up to 2 steps, BL, DL, evidence at least moderate" in done.stdout
    (row,) = table_rows(done.stdout)
    assert row.startswith("1     Gastrocnemius     left   fascial-line  BL     1 step")
    assert "... 1 more (use --top)" in done.stdout


def test_trace_json_shape(mini_atlas_path: Path) -> None:
    done = run("trace", "headache", "--side", "left", "--json", "--data", mini_atlas_path)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    assert {"symptom", "side", "felt_at", "sources", "red_flags", "disclaimer"} <= set(data)
    assert data["symptom"] == {"id": "headache", "name": "Headache"}
    assert data["side"] == "left"
    assert data["felt_at"] == [
        {"id": "temple", "name": "Temporal region", "side": "left"},
        {"id": "occipital-ridge", "name": "Occipital ridge", "side": "midline"},
    ]
    assert data["red_flags"] == ["A sudden, severe headache, the worst ever."]
    assert data["disclaimer"] == DISCLAIMER
    sources = data["sources"]
    assert data["rule"].startswith("Soft tissue only")
    assert data["landmarks"] == [
        {"id": "sacrum", "name": "Sacrum", "side": "midline"},
        {"id": "spinous-processes", "name": "Upper thoracic spinous processes", "side": "midline"},
    ]
    assert [s["rank"] for s in sources] == list(range(1, 7))
    scores = [s["score"] for s in sources]
    assert scores == sorted(scores, reverse=True)
    for source in sources:
        assert {
            "rank", "region", "sides", "score", "reasons", "mechanism", "mechanisms", "lines",
            "paths", "explanation",
        } <= set(source)  # fmt: skip
        assert set(source["region"]) == REGION_KEYS
        assert source["mechanism"] == source["mechanisms"][0]
        assert source["reasons"]["text"]
        for path in source["paths"]:
            assert {"line", "regions", "evidence"} <= set(path)
            assert all(set(region) == REGION_KEYS for region in path["regions"])
            assert path["regions"][0] == source["region"]
        assert isinstance(source["explanation"], str) and source["explanation"]
    rhomboids = sources[4]
    assert rhomboids["region"] == {"id": "rhomboids", "name": "Rhomboids", "side": "right"}
    assert rhomboids["sides"] == ["right"]
    assert rhomboids["lines"] == ["spiral-line"]
    assert rhomboids["paths"][0]["evidence"] == "not-studied"
    assert rhomboids["reasons"]["steps"] == 3
    splenius = sources[1]
    assert splenius["mechanism"] == "fascial-line"
    assert splenius["mechanisms"] == ["fascial-line", "trigger-point"]
    trapezius = sources[2]
    assert trapezius["mechanisms"] == ["trigger-point"]
    assert trapezius["trigger_points"][0]["pattern"] == "upper-trapezius-to-temple"
    assert trapezius["trigger_points"][0]["zone"] == "essential"


def test_lines_json_shape(mini_atlas_path: Path) -> None:
    done = run("lines", "--json", "--data", mini_atlas_path)
    assert done.returncode == 0, done.stderr
    lines = json.loads(done.stdout)
    assert [line["id"] for line in lines] == ["back-line", "spiral-line", "deep-line"]
    back = lines[0]
    assert {"id", "abbreviation", "name", "stations", "transitions"} <= set(back)
    assert back["abbreviation"] == "BL"
    assert back["stations"][:2] == [
        {"id": "heel", "name": "Calcaneus"},
        {"id": "calf", "name": "Gastrocnemius"},
    ]
    assert {"from", "to", "evidence", "sources"} <= set(back["transitions"][0])
    assert back["transitions"][0]["sources"] == ["wilke-2016"]
    deep_stations = [station["id"] for station in lines[2]["stations"]]
    assert deep_stations[-1] == "pelvic-floor"  # the branch's station comes after the trunk's


def test_lines_text(mini_atlas_path: Path) -> None:
    done = run("lines", "--data", mini_atlas_path)
    assert done.returncode == 0
    assert "SL    Spiral Line (evidence: not-studied, crosses the midline)" in done.stdout


def test_symptoms_json_and_text(mini_atlas_path: Path) -> None:
    done = run("symptoms", "--json", "--data", mini_atlas_path)
    assert json.loads(done.stdout)[0] == {
        "id": "headache",
        "name": "Headache",
        "aliases": ["tension headache", "head ache"],
        "alias_notes": {},
        "felt_at": ["temple", "occipital-ridge"],
    }
    text = run("symptoms", "--data", mini_atlas_path).stdout
    assert "heel-pain: Heel pain (also: sore heel)" in text


def test_validate_a_good_atlas(mini_atlas_path: Path) -> None:
    done = run("validate", mini_atlas_path)
    assert done.returncode == 0
    assert done.stdout.startswith("valid: 15 regions, 3 lines, 2 referral patterns, 3 symptoms")


def test_validate_lists_every_problem(mini_atlas_path: Path, tmp_path: Path) -> None:
    raw = json.loads(mini_atlas_path.read_text())
    raw["regions"][0]["kind"] = "bone"
    raw["symptoms"][0]["felt_at"] = ["elbow"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw))
    done = run("validate", bad)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert "2 problems" in done.stdout
    assert "$.regions[0].kind" in done.stdout
    assert "$.symptoms[0].felt_at[0]: unknown region 'elbow'" in done.stdout


def test_validate_a_broken_json_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 2,\n  "regions": [}\n')
    done = run("validate", bad)
    assert done.returncode == 1
    assert "invalid JSON at line 2, column" in done.stdout


def test_a_bad_atlas_behind_data_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    for command in ("trace", "lines", "symptoms"):
        args = ["headache"] if command == "trace" else []
        done = run(command, *args, "--data", bad)
        assert done.returncode == 1, command
        assert "Traceback" not in done.stderr
        assert "problem" in done.stderr


def test_unknown_symptom_exits_2_with_the_closest_matches(mini_atlas_path: Path) -> None:
    done = run("trace", "sore heal", "--data", mini_atlas_path)  # a small misspelling is found
    assert done.returncode == 0 and done.stdout.startswith("Heel pain")
    done = run("trace", "pain", "--data", mini_atlas_path)
    assert_one_line_error(done, 2)
    assert "No symptom is called 'pain'. Did you mean 'Heel pain' or 'Menstrual pain'?" in (
        done.stderr
    )


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--max-hops", "0"], "between 1 and 12"),
        (["--max-hops", "many"], "invalid int value"),
        (["--side", "up"], "invalid choice"),
        (["--lines", "XX"], "unknown line 'XX'"),
        (["--min-evidence", "good"], "invalid choice"),
        (["--top", "0"], "--top must be at least 1"),
    ],
)
def test_bad_option_values_get_one_line(
    mini_atlas_path: Path, args: list[str], needle: str
) -> None:
    done = run("trace", "headache", *args, "--data", mini_atlas_path)
    assert_one_line_error(done, 2)
    assert needle in done.stderr


def test_no_command_and_unknown_command_exit_2() -> None:
    assert_one_line_error(run(), 2)
    assert_one_line_error(run("dance"), 2)


def test_serve_rejects_a_bad_port() -> None:
    assert_one_line_error(run("serve", "--port", "70000"), 2)


def test_schema_is_json_schema() -> None:
    done = run("schema")
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "regions" in schema["properties"]


def test_docs_prints_and_writes_the_reference(mini_atlas_path: Path, tmp_path: Path) -> None:
    reference = pytest.importorskip("fascialines.reference")
    from fascialines.atlas import load_atlas

    expected = reference.render_reference(load_atlas(mini_atlas_path))
    printed = run("docs", "--data", mini_atlas_path)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.rstrip("\n") == expected.rstrip("\n")
    out = tmp_path / "reference.md"
    written = run("docs", "--out", out, "--data", mini_atlas_path)
    assert written.returncode == 0
    assert out.read_text(encoding="utf-8") == expected
    unwritable = run("docs", "--out", tmp_path / "missing" / "r.md", "--data", mini_atlas_path)
    assert_one_line_error(unwritable, 1)


def test_the_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("1 ")
    assert "1 step" in printed  # the best candidate's reasons
    assert "possibility to explore" in printed or "contested" in printed  # never a diagnosis
