"""The load test: people opening the app, tracing symptoms, exploring lines, clicking regions.

Each simulated person replays the callback requests Chromium sends
(``tests/fixtures/callback_bodies.json``, captured by ``tests/fixtures/capture_callback_bodies.py``)
with values from the shipped atlas: a page load (the page, its layout and dependencies, then the
two callbacks a fresh page makes), a trace of a symptom, a line view and a click on a region.
Every answer must be 200 with the shape Dash sends; anything else counts as a failure.

Run headless, for example::

    locust -f deploy/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:8050

``deploy/load-test.sh`` runs the full test through nginx; ``tests/test_serving_load.py`` runs a
10-second version against ``fascialines serve``.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

from fascialines.atlas import load_atlas

BODIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "callback_bodies.json").read_text(
        encoding="utf-8"
    )
)
ATLAS = load_atlas()
SYMPTOMS = [symptom.id for symptom in ATLAS.symptoms]
LINES = [line.abbreviation for line in ATLAS.lines]
LINE_IDS = [line.id for line in ATLAS.lines]
REGIONS = [
    (region.id, "midline" if region.laterality == "midline" else random.choice(["left", "right"]))
    for region in ATLAS.regions
    if region.front or region.back
]
URL = "/_dash-update-component"


def _template(output_starts: str, changed: str) -> dict[str, Any]:
    for body in BODIES:
        if body["output"].startswith(output_starts) and body["changedPropIds"] == [changed]:
            return body
    raise LookupError(f"no captured body for {output_starts} changed by {changed}")


SYNC_FROM_URL = _template("..page-url.search", "page-url.search")
SYNC_FROM_SYMPTOM = _template("..page-url.search", "trace-symptom.value")
SYNC_FROM_LINE = _template("..page-url.search", "line-picker.value")
SYNC_FROM_CLICK = _template("..page-url.search", "body-graph.clickData")


def _with(template: dict[str, Any], **values: Any) -> dict[str, Any]:
    body = copy.deepcopy(template)
    for entry in body["inputs"]:
        if entry["id"] in values:
            entry["value"] = values[entry["id"]]
    return body


class Visitor(HttpUser):
    """A student or a therapist: a page load first, then traces, lines and clicks."""

    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.search = ""
        self.page_load()

    def _callback(self, body: dict[str, Any], name: str) -> dict[str, Any] | None:
        with self.client.post(URL, json=body, name=name, catch_response=True) as response:
            if response.status_code == 204:
                response.success()
                return None
            try:
                answer = response.json()
            except ValueError:
                answer = None
            if response.status_code != 200 or not isinstance(answer, dict):
                response.failure(f"{response.status_code} for {name}")
                return None
            return answer

    def _sync(self, body: dict[str, Any], name: str) -> None:
        # One callback answers a gesture: the new address and everything drawn for it.
        answer = self._callback(body, name)
        search = (answer or {}).get("response", {}).get("page-url", {}).get("search")
        if isinstance(search, str):
            self.search = search

    @task(2)
    def page_load(self) -> None:
        symptom = random.choice(SYMPTOMS)
        search = f"?symptom={symptom}&side={random.choice(['left', 'right', 'both'])}"
        self.client.get(f"/{search}", name="/ (page)")
        self.client.get("/_dash-layout")
        self.client.get("/_dash-dependencies")
        self._callback(_with(SYNC_FROM_URL, **{"page-url": search}), "sync (page load)")
        self.search = search

    @task(3)
    def trace(self) -> None:
        body = _with(SYNC_FROM_SYMPTOM, **{"page-url": self.search})
        body = _with(body, **{"trace-symptom": random.choice(SYMPTOMS)})
        self._sync(body, "sync (trace)")

    @task(2)
    def line_view(self) -> None:
        body = _with(SYNC_FROM_LINE, **{"page-url": self.search, "line-picker": None})
        self._sync(_with(body, **{"line-picker": random.choice(LINE_IDS)}), "sync (line)")

    @task(2)
    def region_click(self) -> None:
        region, side = random.choice(REGIONS)
        click = copy.deepcopy(
            next(e for e in SYNC_FROM_CLICK["inputs"] if e["id"] == "body-graph")["value"]
        )
        click["points"][0]["customdata"] = [region, side]
        body = _with(SYNC_FROM_CLICK, **{"page-url": self.search, "body-graph": click})
        self._sync(body, "sync (region click)")
