"""The app's therapist pages without a browser: the /handout route, the client view, the switches.

The route is called through Flask's test client and the client view's callback through Dash's
own endpoint, so the request checks of ``web/hardening.py`` run on them as on a real request.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import parse_qs, urlparse

import dash
import pytest
from dash.development.base_component import Component

from fascialines.atlas import Atlas, load_atlas
from fascialines.handout import content_security_policy
from fascialines.tracing import trace
from fascialines.web import core
from fascialines.web.app import create_app
from fascialines.web.state import parse_query
from fascialines.web.views import client, page, results
from web_screen import find, post_page_callback, text


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas()


@pytest.fixture(scope="module")
def app(atlas: Atlas) -> dash.Dash:
    return create_app(atlas)


@pytest.fixture(scope="module")
def graph(atlas: Atlas) -> core.Graph:
    return core.build(atlas)


def _walk(component: Any) -> list[Component]:
    return find(component, Component)


def _text(component: Any) -> str:
    return text(component)


def test_the_route_answers_the_views_handout_with_its_own_policy(
    app: dash.Dash, atlas: Atlas
) -> None:
    response = app.server.test_client().get("/handout?symptom=headache&side=left&focus=2")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == content_security_policy()
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert atlas.symptom_by_id("headache").name in page
    # The QR code's link opens the client view of the same trace on this server.
    link = page.split("<code>", 1)[1].split("</code>", 1)[0].replace("&amp;", "&")
    query = parse_qs(urlparse(link).query)
    assert urlparse(link).netloc == "localhost"
    assert query == {"symptom": ["headache"], "side": ["left"], "focus": ["2"], "view": ["client"]}


def test_a_link_that_traces_nothing_gets_a_sentence(app: dash.Dash) -> None:
    for search in ("", "?line=SBL", "?symptom=not-a-symptom"):
        response = app.server.test_client().get("/handout" + search)
        assert response.status_code == 404
        assert response.mimetype == "text/plain"
        text = response.get_data(as_text=True)
        assert "Handout button" in text and "Traceback" not in text


def test_a_focus_past_the_list_is_dropped(app: dash.Dash) -> None:
    page = app.server.test_client().get("/handout?symptom=headache&focus=999")
    assert page.status_code == 200
    assert "focus=999" not in page.get_data(as_text=True)


def test_every_trace_view_has_the_handout_link_and_the_client_switch(
    atlas: Atlas, graph: core.Graph
) -> None:
    state, _ = parse_query(atlas, "?symptom=heel-pain&side=left&hops=3")
    found, _ = core.trace_view(graph, state)
    head = results.render(atlas, found, state)[results.Ids.HEAD]
    parts = _walk(head)
    links = [c for c in parts if "handout-link" in (getattr(c, "className", "") or "")]
    assert len(links) == 1
    href = links[0].href
    assert href.startswith("handout?")
    assert parse_query(atlas, href.split("handout", 1)[1])[0] == state
    assert any(getattr(c, "data-set", None) == "view=client" for c in parts)


def _client(atlas: Atlas, graph: core.Graph, search: str) -> list[Component]:
    state, _ = parse_query(atlas, search)
    return client.render(atlas, graph, state)


@pytest.mark.parametrize("symptom", ["headache", "low-back-pain", "plantar-fasciitis"])
@pytest.mark.parametrize("focus", [None, 1, 3])
def test_the_client_view_shows_three_places_the_flags_and_two_controls(
    atlas: Atlas, graph: core.Graph, symptom: str, focus: int | None
) -> None:
    search = f"?symptom={symptom}&side=left&view=client" + (f"&focus={focus}" if focus else "")
    view = _client(atlas, graph, search)
    found = trace(graph, symptom, side="left")
    text = _text(view)
    for candidate in found.candidates[:3]:
        region = atlas.region(candidate.region.id)
        plain = region.plain_name or region.name
        assert plain[:1].upper() + plain[1:] in text
    assert (
        len(found.candidates) > 3 and atlas.region(found.candidates[3].region.id).name not in text
    )
    for flag in found.red_flags:
        assert flag.text in text
    # The only controls: the three sides and "Next place", which moves on to the next of three.
    edits = [
        getattr(c, "data-set") for c in _walk(view) if getattr(c, "data-set", None) is not None
    ]
    next_focus = {None: 1, 1: 2, 3: 1}[focus]
    assert sorted(edits) == sorted(
        [
            "side=left&focus=",
            "side=right&focus=",
            "side=both&focus=",
            f"focus={next_focus}",
            "view=",
        ]
    )
    image = next(c for c in _walk(view) if getattr(c, "src", "").startswith("data:image/svg"))
    svg = base64.b64decode(image.src.split(",", 1)[1]).decode()
    assert image.alt and "<script" not in svg and "href" not in svg


def test_the_client_view_without_a_trace_says_what_to_do(atlas: Atlas, graph: core.Graph) -> None:
    assert "Choose a complaint" in _text(_client(atlas, graph, "?view=client"))


@pytest.mark.parametrize(
    ("search", "active"),
    [("?symptom=headache&view=client", True), ("?symptom=headache", False)],
)
def test_the_client_callback_passes_the_request_checks(
    app: dash.Dash, search: str, active: bool
) -> None:
    # The page's one callback fills the client view too.
    response = post_page_callback(app, {page.Ids.URL: search}, f"{page.Ids.URL}.search")
    assert response.status_code == 200, response.data[:300]
    shown = json.loads(response.data)["response"][client.Ids.ROOT]
    assert ("client-active" in shown["className"]) is active
    assert bool(shown["children"]) is active
