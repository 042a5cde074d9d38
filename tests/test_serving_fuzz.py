"""The callback fuzz corpus: mutated real callback requests are answered 4xx, never 500.

The bodies in ``fixtures/callback_bodies.json`` are what Chromium sent while a person used the
app (see ``fixtures/capture_callback_bodies.py``). hypothesis mutates them (a value of another
type or length, an unknown option, a lone surrogate, deep nesting, a missing key, a body that is
not an object) and posts them through Flask's test client. Every answer must be below 500, and
no sent value may reach the log.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import load_atlas
from fascialines.web.app import create_app
from fascialines.web.hardening import MAX_BODY_BYTES

BODIES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "callback_bodies.json").read_text(encoding="utf-8")
)
URL = "/_dash-update-component"
#: Put into mutated values so the log can be searched for them.
MARKER = "SENT-BY-CLIENT"


class _Failures(logging.Handler):
    """Collects the last line of defence's reports: a callback that raised past the checks."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "failed with" in record.getMessage():
            self.seen.append(record.getMessage())


FAILURES = _Failures()


@pytest.fixture(scope="module")
def app() -> Iterator[dash.Dash]:
    logger = logging.getLogger("fascialines.web")
    logger.addHandler(FAILURES)
    yield create_app(load_atlas())
    logger.removeHandler(FAILURES)


@pytest.fixture(autouse=True)
def _checks_come_first() -> Iterator[None]:
    # Every refusal must come from the checks at the door, not from a callback that raised.
    FAILURES.seen.clear()
    yield
    assert not FAILURES.seen, FAILURES.seen


def _post(app: dash.Dash, data: bytes | str, content_type: str = "application/json") -> Any:
    return app.server.test_client().post(URL, data=data, content_type=content_type)


def test_every_captured_body_is_answered(app: dash.Dash) -> None:
    # The checks at the door must let through everything a real browser sends.
    for body in BODIES:
        response = _post(app, json.dumps(body))
        assert response.status_code in (200, 204), (body["output"], response.data[:200])


# Values a client could put anywhere: other types, lengths, ids, and the awkward characters.
odd_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20).map(lambda text: MARKER + text)
    | st.sampled_from(
        [
            "no-such-line",
            "abc",
            "\ud800",
            MARKER * 200,
            "calf:middle",
            "superficial-back-line",
            "?symptom=" + MARKER * 30,
            "?" + "&".join(f"{MARKER}{n}=x" for n in range(300)),
            "?hops=Infinity&lines=5&region=%00&focus=-1",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["points", "customdata", "x", MARKER]), children, max_size=3
        )
    ),
    max_leaves=8,
)


@st.composite
def mutated_bodies(draw: st.DrawFn) -> bytes:
    """A captured body with one to three mutations, as the bytes a client would send."""
    body: Any = copy.deepcopy(draw(st.sampled_from(BODIES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(
            st.sampled_from(
                ["value", "value", "value", "entry", "key", "output", "not-object", "property"]
            )
        )
        if not isinstance(body, dict):
            break
        inputs = body.get("inputs")
        if kind == "value" and isinstance(inputs, list) and inputs:
            entry = draw(st.sampled_from(inputs))
            if isinstance(entry, dict):
                entry["value"] = draw(odd_values)
        elif kind == "entry" and isinstance(inputs, list) and inputs:
            inputs[draw(st.integers(0, len(inputs) - 1))] = draw(odd_values)
        elif kind == "property" and isinstance(inputs, list) and inputs:
            entry = draw(st.sampled_from(inputs))
            if isinstance(entry, dict):
                entry[draw(st.sampled_from(["id", "property"]))] = draw(odd_values)
        elif kind == "key":
            key = draw(st.sampled_from(["inputs", "output", "outputs", "changedPropIds", "state"]))
            if draw(st.booleans()):
                body.pop(key, None)
            else:
                body[key] = draw(odd_values)
        elif kind == "output":
            body["output"] = draw(st.sampled_from(["..x.y..", MARKER, "share-copy.content"]))
        else:
            body = draw(st.sampled_from([[], 5, None, "x", {}, [body]]))
    text = json.dumps(body, ensure_ascii=draw(st.booleans()))
    wrap = draw(st.sampled_from(["", "", "", "deep", "truncate", "latin-1"]))
    if wrap == "deep":
        depth = draw(st.sampled_from([100, 200_000]))
        text = '{"inputs": ' + "[" * depth + "]" * depth + ', "output": "x"}'
    elif wrap == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    data = text.encode("utf-8", errors="surrogatepass")
    if wrap == "latin-1":
        data = text.encode("latin-1", errors="replace") + b"\xff\xfe"
    return data


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_bodies())
def test_no_mutated_callback_body_gets_a_500(app: dash.Dash, data: bytes) -> None:
    response = _post(app, data)
    assert response.status_code < 500, (data[:300], response.data[:300])
    assert not FAILURES.seen, (data[:300], FAILURES.seen)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    search=st.lists(
        st.tuples(
            st.sampled_from(
                ["symptom", "side", "hops", "lines", "evidence", "line", "region", "focus", "x"]
            ),
            st.text(max_size=40)
            | st.sampled_from(["SBL,,LL", "calf:left", "calf", "8", "0", "99999", "²", "-1"]),
        ),
        max_size=6,
    ).map(lambda pairs: "?" + urlencode(pairs)),
    body=st.sampled_from(BODIES),
)
def test_any_link_is_read_without_a_500(app: dash.Dash, search: str, body: dict) -> None:
    # A link is what a person may type or paste: it is read with a fallback, not refused.
    sent = copy.deepcopy(body)
    for entry in sent["inputs"]:
        if entry["id"] == "page-url":
            entry["value"] = search
    response = _post(app, json.dumps(sent))
    assert response.status_code == 200, (search, response.data[:300])
    assert not FAILURES.seen, (search, FAILURES.seen)


def test_no_sent_value_reaches_the_log(app: dash.Dash, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = copy.deepcopy(BODIES[0])
    for entry in body["inputs"]:
        entry["value"] = [f"{MARKER}-{entry['id']}"]
        assert _post(app, json.dumps(body)).status_code == 400
        entry["value"] = None
    body["output"] = MARKER
    assert _post(app, json.dumps(body)).status_code == 400
    assert caplog.records, "a refused request is logged"
    assert MARKER not in caplog.text


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("[]", 400),
        ("5", 400),
        ("null", 400),
        ('"x"', 400),
        ("{}", 400),
        ('{"output": "..no.such..", "outputs": [], "inputs": []}', 400),
        ("[" * 200_000 + "]" * 200_000, 413),
        ("[" * 30_000 + "]" * 30_000, 400),
        ("{", 400),
    ],
)
def test_dash_s_own_500s_are_now_4xx(app: dash.Dash, body: str, status: int) -> None:
    assert _post(app, body).status_code == status


def test_a_body_over_the_limit_is_answered_413_before_it_is_read(app: dash.Dash) -> None:
    body = copy.deepcopy(BODIES[0])
    body["inputs"][0]["value"] = "?symptom=" + "a" * MAX_BODY_BYTES
    response = _post(app, json.dumps(body))
    assert response.status_code == 413
    assert b"64 KB" in response.data


def test_a_body_that_is_not_json_is_answered_415(app: dash.Dash) -> None:
    assert _post(app, json.dumps(BODIES[0]), content_type="text/plain").status_code == 415


@settings(max_examples=150, deadline=None)
@given(
    package=st.sampled_from(["dash", "plotly", "no_such", "dash.dcc", "..", "os"]),
    path=st.text(alphabet=st.sampled_from("abc./_-%0~"), min_size=1, max_size=40).filter(
        lambda path: not path.startswith("/")
    ),
)
def test_no_path_under_the_component_suites_gets_a_500(
    app: dash.Dash, package: str, path: str
) -> None:
    response = app.server.test_client().get(f"/_dash-component-suites/{package}/{path}")
    assert response.status_code < 500
    if response.status_code == 404:
        assert path.encode() not in response.data or len(path) < 3


@pytest.mark.parametrize(
    "path",
    [
        "/assets/nothing.js",
        "/_dash-component-suites/dash/nothing.js",
        "/_dash-component-suites/os/x",
    ],
)
def test_unknown_files_are_a_plain_404(app: dash.Dash, path: str) -> None:
    response = app.server.test_client().get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/plain"


def test_a_wrong_method_is_405(app: dash.Dash) -> None:
    assert app.server.test_client().put(URL, json={}).status_code == 405


def test_refusals_carry_the_security_headers_too(app: dash.Dash) -> None:
    from fascialines.web.hardening import SECURITY_HEADERS

    for response in (_post(app, "[]"), app.server.test_client().get("/assets/nothing.js")):
        assert response.status_code in (400, 404)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value
