"""Start ``fascialines serve`` as a real process on a free loopback port, for the serving tests."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Running:
    port: int
    process: subprocess.Popen[str]
    #: What the server wrote on stderr, once it has stopped.
    log: str = ""

    def get(self, path: str, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@contextmanager
def running_server(*options: str, env: dict[str, str] | None = None) -> Iterator[Running]:
    """Run ``python -m fascialines serve --port FREE *options`` until the block ends.

    stderr goes to a pipe that is read into ``log`` when the server has stopped.
    """
    port = free_port()
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = str(SRC) + os.pathsep + environment.get("PYTHONPATH", "")
    process = subprocess.Popen(
        [sys.executable, "-m", "fascialines", "serve", "--port", str(port), *options],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    running = Running(port, process)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError("the server stopped before answering")
            try:
                running.get("/_dash-layout", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        assert process.stderr is not None
        running.log = process.stderr.read()
        process.stderr.close()
