"""``fascialines serve``: a production server by default, safe defaults, the same atlas choice.

The option tests replace the server with a recorder; the process tests start the real thing
(waitress) on a free loopback port and talk HTTP to it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from fascialines import serving
from fascialines.cli import main
from fascialines.serving import ServerOptions, is_loopback
from fascialines.web.hardening import SECURITY_HEADERS
from serving_helpers import SRC, running_server


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ServerOptions]]:
    calls: list[tuple[Any, ServerOptions]] = []
    monkeypatch.setattr(serving, "serve", lambda app, options: calls.append((app, options)))
    return calls


def _layout(server: Any) -> str:
    # The page lists every region and symptom of the atlas it was built from.
    return json.dumps(server.test_client().get("/_dash-layout").get_json(), sort_keys=True)


def test_serve_runs_waitress_on_loopback_with_the_options(
    recorded: list[tuple[Any, ServerOptions]], mini_atlas_path: Path
) -> None:
    code = main(["serve", "--data", str(mini_atlas_path), "--threads", "8", "--access-log"])
    assert code == 0
    [(app, options)] = recorded
    assert options == ServerOptions(
        host="127.0.0.1", port=8050, workers=1, threads=8, access_log=True
    )
    from fascialines.atlas import load_atlas
    from fascialines.web.app import create_app

    assert _layout(app) == _layout(create_app(load_atlas(mini_atlas_path)).server)


def test_fascialines_data_and_serve_data_pick_the_same_atlas(
    recorded: list[tuple[Any, ServerOptions]],
    mini_atlas_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["serve", "--data", str(mini_atlas_path)]) == 0
    monkeypatch.setenv("FASCIALINES_DATA", str(mini_atlas_path))
    assert main(["serve"]) == 0
    by_option, by_environment = (_layout(app) for app, _ in recorded)
    assert by_option == by_environment


def test_a_broken_atlas_in_fascialines_data_stops_serve_and_wsgi_with_its_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes("{}".encode("utf-16"))
    monkeypatch.setenv("FASCIALINES_DATA", str(broken))
    assert main(["serve"]) == 1
    assert "UTF-16" in capsys.readouterr().err
    done = subprocess.run(
        [sys.executable, "-c", "import fascialines.web.wsgi"],
        env={"PYTHONPATH": str(SRC), "FASCIALINES_DATA": str(broken)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "UTF-16" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_debug_refuses_a_host_beyond_this_machine(
    host: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dash

    monkeypatch.setattr(dash.Dash, "run", lambda self, **kw: pytest.fail("it ran"))
    assert main(["serve", "--debug", "--host", host]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--i-know-debug-is-unsafe" in err


def test_debug_runs_dash_s_dev_server_on_loopback_or_when_told(
    monkeypatch: pytest.MonkeyPatch, mini_atlas_path: Path
) -> None:
    import dash

    runs: list[dict[str, Any]] = []
    monkeypatch.setattr(dash.Dash, "run", lambda self, **kw: runs.append(kw))
    data = ["--data", str(mini_atlas_path)]
    assert main(["serve", "--debug", *data]) == 0
    assert main(["serve", "--debug", "--host", "0.0.0.0", "--i-know-debug-is-unsafe", *data]) == 0
    assert runs == [
        {"host": "127.0.0.1", "port": 8050, "debug": True},
        {"host": "0.0.0.0", "port": 8050, "debug": True},
    ]


@pytest.mark.parametrize(
    "option", [["--workers", "0"], ["--threads", "0"], ["--threads", "9999"], ["--port", "0"]]
)
def test_bad_server_options_are_one_line(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", *option]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_loopback_names() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.5.5.5", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "10.0.0.1", "my-laptop.local", ""]))


def test_the_real_server_answers_with_the_headers_and_no_version() -> None:
    with running_server("--threads", "2") as server:
        status, headers, page = server.get("/?symptom=menstrual-pain&side=left")
        assert status == 200 and b"<!DOCTYPE html>" in page
        assert "Server" not in headers, headers.get("Server")
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        status, _, body = server.get("/?symptom=" + "a" * 500)
        assert status == 400 and b"longer than 200 characters" in body
    log = server.log
    assert "menstrual" not in log and "symptom" not in log
    assert "serving on http://127.0.0.1:" in log


def test_the_access_log_has_paths_and_statuses_but_no_query_string() -> None:
    with running_server("--access-log") as server:
        server.get("/?symptom=menstrual-pain&side=left")
        server.get("/assets/nothing.js")
    log = server.log
    assert "GET / 200" in log and "GET /assets/nothing.js 404" in log
    assert "menstrual" not in log and "?" not in log.replace("serving on", "")
    assert "127.0.0.1 -" not in log  # no client address


@pytest.mark.skipif(sys.platform == "win32", reason="worker processes need fork")
def test_two_worker_processes_share_the_port() -> None:
    with running_server("--workers", "2", "--threads", "2") as server:
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(server.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        assert len(children) >= 2, children
        assert all(server.get("/_dash-layout")[0] == 200 for _ in range(6))
    assert server.process.returncode is not None


def test_a_port_in_use_is_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    with running_server() as server:
        assert main(["serve", "--port", str(server.port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fascialines: cannot serve on 127.0.0.1:") and err.count("\n") == 1
