"""The app's one server callback: a gesture in, only what changed out (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import dash
import flask
import networkx as nx
import pytest
import werkzeug.utils
from waitress.buffers import ReadOnlyFileBasedBuffer
from werkzeug.test import EnvironBuilder, run_wsgi_app

from fascialines.atlas import Atlas
from fascialines.tracing import trace
from fascialines.web.app import assets_dir, create_app
from fascialines.web.markup import to_markup
from fascialines.web.state import ViewState, parse_query, to_query
from fascialines.web.views import cards, controls, diagram, gate, line, page, region, results
from fascialines.web.views.controls import Ids, state_from_controls
from fascialines.web.views.diagram import HOVER_ONLY
from web_screen import (
    css,
    find,
    from_markup,
    overlay_traces,
    post_page_callback,
    screen,
    text,
    unfolded,
)


@pytest.fixture(scope="module")
def app(mini_atlas: Atlas) -> dash.Dash:
    return create_app(mini_atlas)


def _values(**changes: Any) -> dict[str, Any]:
    values = controls.control_values(ViewState())
    values.update({getattr(Ids, key): value for key, value in changes.items()})
    return values


def test_a_new_symptom_drops_the_focus_and_a_new_line_keeps_it(mini_atlas: Atlas) -> None:
    first, second = mini_atlas.symptoms[0].id, mini_atlas.symptoms[1].id
    current = ViewState(symptom=first, focus=2)
    moved = state_from_controls(mini_atlas, current, _values(SYMPTOM=second))
    assert (moved.symptom, moved.focus) == (second, None)
    line_id = mini_atlas.lines[0].id
    explored = state_from_controls(mini_atlas, current, _values(SYMPTOM=first, LINE=line_id))
    assert (explored.line, explored.focus) == (line_id, 2)


def test_choosing_a_symptom_ends_a_trace_from_a_place(mini_atlas: Atlas) -> None:
    current = ViewState(felt=("calf", "left"))
    chosen = state_from_controls(mini_atlas, current, _values(SYMPTOM=mini_atlas.symptoms[0].id))
    assert chosen.felt is None


def test_the_controls_show_the_state_they_read(mini_atlas: Atlas) -> None:
    state = ViewState(
        symptom=mini_atlas.symptoms[0].id,
        side="left",
        hops=2,
        lines=(mini_atlas.lines[0].id,),
        evidence="limited",
        line=mini_atlas.lines[1].id,
        region=("calf", "right"),
    )
    values = controls.control_values(state)
    assert state_from_controls(mini_atlas, ViewState(), values) == state


def test_a_click_on_the_body_explores_that_region_and_traces_nothing(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    click = {"points": [{"customdata": ["calf", "right"]}]}
    shown = screen(mini_atlas, mini_graph, "", click=click, trigger=diagram.Ids.GRAPH)
    assert shown.search == "?region=calf:right"
    assert not shown.cards


def test_a_click_on_a_candidate_of_the_trace_focuses_it(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    second = trace(mini_graph, symptom).candidates[1]
    click = {"points": [{"customdata": [second.region.id, second.region.side]}]}
    query = f"?symptom={symptom}"
    shown = screen(mini_atlas, mini_graph, query, query, click=click, trigger=diagram.Ids.GRAPH)
    assert "focus=2" in shown.search
    felt = trace(mini_graph, symptom).felt_at[0]
    elsewhere = {"points": [{"customdata": [felt.id, felt.side]}]}
    shown = screen(mini_atlas, mini_graph, query, query, click=elsewhere, trigger=diagram.Ids.GRAPH)
    assert "focus" not in shown.search


def test_a_new_focus_sends_two_cards_classes_and_nothing_else_of_the_panels(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    before, after = f"?symptom={symptom}&focus=1", f"?symptom={symptom}&focus=2"
    shown = screen(mini_atlas, mini_graph, after, before, trigger=page.Ids.URL)
    out = shown.outputs
    for slot in (results.Ids.HEAD, results.Ids.FLAGS, results.Ids.SAFETY, results.Ids.MORE):
        assert out[slot] is dash.no_update
    assert out[line.Ids.DETAILS] is dash.no_update
    assert out[region.Ids.DETAILS] is dash.no_update
    # The wrappers of the diagram and of the side column keep their class: nothing inside
    # them is re-rendered.
    assert out[diagram.Ids.LOWER_LAYER] is dash.no_update
    assert out[page.Ids.SIDE] is dash.no_update
    assert out[results.Ids.CARDS] is dash.no_update, "no card is sent again"
    classes = out[cards.CANDIDATE]
    assert classes[:2] == ["candidate", "candidate candidate-focused"]
    assert all(c is dash.no_update for c in classes[2:])
    assert isinstance(out[diagram.Ids.OVERLAY_LAYER], str), "the overlay is drawn again"


def test_a_focus_in_the_light_list_sends_the_rows_again_and_no_card(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    rank = cards.CARDS + 1
    assert len(trace(mini_graph, symptom).candidates) >= rank
    shown = screen(
        mini_atlas, mini_graph, f"?symptom={symptom}&focus={rank}", f"?symptom={symptom}"
    )
    assert shown.outputs[results.Ids.CARDS] is dash.no_update
    assert all(c is dash.no_update for c in shown.outputs[cards.CANDIDATE])
    # The rows are one block: sent again, with the focused one marked.
    focused = [row for row in shown.cards if "candidate-focused" in css(row).split()]
    assert [text(row).split(".")[0] for row in focused] == [str(rank)]
    # A focus moving between cards leaves the rows alone.
    between = screen(
        mini_atlas, mini_graph, f"?symptom={symptom}&focus=2", f"?symptom={symptom}&focus=1"
    )
    assert between.outputs[results.Ids.MORE] is dash.no_update
    # Back from a row to a card: the rows again, none focused, and the card's class.
    back = screen(
        mini_atlas, mini_graph, f"?symptom={symptom}&focus=1", f"?symptom={symptom}&focus={rank}"
    )
    assert not [row for row in back.cards if "candidate-focused" in css(row).split()][1:]
    assert back.outputs[cards.CANDIDATE][0] == "candidate candidate-focused"


def test_a_new_line_beside_a_trace_leaves_the_list_alone(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    line_id = mini_atlas.lines[0].abbreviation
    shown = screen(
        mini_atlas, mini_graph, f"?symptom={symptom}&line={line_id}", f"?symptom={symptom}"
    )
    assert all(shown.outputs[slot] is dash.no_update for slot in results.SLOTS)
    assert shown.line, "the line explorer is drawn"


def test_a_new_trace_redraws_the_list(mini_atlas: Atlas, mini_graph: nx.MultiGraph) -> None:
    first, second = (s.id for s in mini_atlas.symptoms[:2])
    shown = screen(mini_atlas, mini_graph, f"?symptom={second}", f"?symptom={first}")
    assert shown.cards
    assert shown.outputs[region.Ids.DETAILS] is dash.no_update


def _post(app: dash.Dash, inputs: dict[str, Any], changed: str) -> dict[str, Any]:
    response = post_page_callback(app, inputs, changed)
    assert response.status_code == 200, response.data[:500]
    return json.loads(response.data)["response"]


def test_the_endpoint_sends_a_figure_patch_not_the_whole_figure(
    app: dash.Dash, mini_atlas: Atlas
) -> None:
    inputs = {page.Ids.URL: f"?symptom={mini_atlas.symptoms[0].id}"} | _values()
    response = _post(app, inputs, f"{page.Ids.URL}.search")
    overlay = response[diagram.Ids.OVERLAY_LAYER][diagram.OVERLAY_PROP]
    assert isinstance(json.loads(overlay), dict), "what the view changes in the overlay"
    assert "shapes" not in overlay, "the body outline is never re-sent"
    assert diagram.Ids.GRAPH not in response, "nor is the lower figure"
    assert response[Ids.SYMPTOM]["value"] == mini_atlas.symptoms[0].id


def test_the_endpoint_writes_a_changed_control_into_the_url(
    app: dash.Dash, mini_atlas: Atlas
) -> None:
    symptom = mini_atlas.symptoms[0].id
    inputs = {page.Ids.URL: ""} | _values(SYMPTOM=symptom, SIDE="right")
    response = _post(app, inputs, f"{Ids.SIDE}.value")
    assert response[page.Ids.URL]["search"] == f"?symptom={symptom}&side=right"
    # The same round-trip draws the answer.
    assert response[results.Ids.CARDS]["children"]


def test_the_page_puts_the_key_under_the_diagram(app: dash.Dash, mini_atlas: Atlas) -> None:
    panels = [s for s in find(app.layout, dash.html.Section) if "diagram" in css(s).split()]
    assert len(panels) == 1
    parts = [css(child) for child in unfolded(list(panels[0].children))]
    assert parts.index("diagram-key") == parts.index("body-graph") + 1


def test_the_page_has_one_footer_landmark(app: dash.Dash) -> None:
    page_html = app.server.test_client().get("/").data.decode()
    assert page_html.count("<footer") == 0, "Dash's scripts sit in a div, not a footer"
    assert len(find(app.layout, dash.html.Footer)) == 1


def test_the_page_loads_nothing_from_another_host(app: dash.Dash) -> None:
    client = app.server.test_client()
    page = client.get("/").data.decode()
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200


def test_the_page_forbids_scripts_from_anywhere_but_itself(app: dash.Dash) -> None:
    policy = app.server.test_client().get("/").headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    sources = directives["script-src"].split()
    assert sources[0] == "'self'"
    assert all(s.startswith("'sha256-") for s in sources[1:]), "only hashed inline scripts"
    assert "unsafe-eval" not in policy


def test_the_vendored_plotly_bundle_is_the_version_plotly_ships() -> None:
    # dcc.Graph uses window.Plotly when a script has set it: the small basic bundle in the
    # assets replaces the full one, so it must be the plotly.js that this plotly expects.
    import plotly

    def version(path: Path) -> str:
        head = path.read_text(encoding="utf-8")[:300]
        return re.search(r"plotly\.js.*? v(\d+\.\d+\.\d+)", head).group(1)

    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert version(assets_dir() / "vendor" / "plotly-basic.min.js") == version(shipped)


def test_the_wsgi_module_serves_the_packaged_atlas() -> None:
    from fascialines.web import wsgi

    page = wsgi.server.test_client().get("/")
    assert page.status_code == 200
    assert "fascialines" in page.data.decode()


def _apply(figure: dict[str, Any], patch: dash.Patch) -> dict[str, Any]:
    """A figure after a patch, the way Dash's renderer applies Assign and Merge."""
    out = json.loads(json.dumps(figure))
    for operation in patch.to_plotly_json()["operations"]:
        *path, last = operation["location"]
        target = out
        for key in path:
            target = target[key]
        value = operation["params"]["value"]
        if operation["operation"] == "Merge":
            target[last] = {**target[last], **value}
        else:
            assert operation["operation"] == "Assign"
            target[last] = value
    return out


@pytest.mark.parametrize(
    "query", ["", "?symptom={s}", "?symptom={s}&focus=2", "?line={l}&region=calf:left"]
)
def test_the_overlay_sent_draws_what_the_figure_patch_draws(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph, query: str
) -> None:
    from fascialines.web import figure
    from fascialines.web.state import parse_query

    address = query.format(s=mini_atlas.symptoms[0].id, l=mini_atlas.lines[0].abbreviation)
    state = parse_query(mini_atlas, address)[0]
    found = trace(mini_graph, state.symptom) if state.symptom else None
    full = figure.upper_patch(
        mini_atlas, trace=found, focus_rank=state.focus, line=state.line, region=state.region
    )
    upper = figure.split_layers(mini_atlas, figure.base_figure(mini_atlas))[1].to_plotly_json()
    sent = diagram.overlay_value(full)
    drawn = overlay_traces(mini_atlas, sent)
    assert _drawn({"data": drawn}) == _drawn(_apply(upper, full))
    assert len(json.loads(sent)) <= len(upper["data"]), "one entry a trace at most"
    assert not [key for key in HOVER_ONLY if f'"{key}"' in sent], "a static plot shows no hover"


def _drawn(figure_json: dict[str, Any]) -> list[dict[str, Any]]:
    """What a static plot draws of each trace: all but its hover and an undrawn text, its
    points to a tenth of a unit (about half a pixel)."""
    drawn = []
    for trace_ in figure_json["data"]:
        kept = {key: value for key, value in trace_.items() if key not in HOVER_ONLY}
        for axis in ("x", "y"):
            kept[axis] = [None if v is None else round(v, 1) for v in kept.get(axis) or []]
        if "text" not in str(kept.get("mode", "")):
            kept.pop("text", None)
        drawn.append(kept)
    return drawn


def test_a_fold_is_answered_by_its_own_route_from_the_address_on_its_card(
    app: dash.Dash, mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    found = trace(mini_graph, symptom, "left")
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom}&side=left&focus=1")
    client = app.server.test_client()
    for rank, candidate in enumerate(found.candidates[: cards.CARDS], start=1):
        (fold,) = [
            d
            for d in find(shown.cards[rank - 1], dash.html.Details)
            if css(d) == "candidate-details"
        ]
        answer = client.get("/" + getattr(fold, cards.FOLD_ATTRIBUTE))
        assert answer.status_code == 200 and answer.mimetype == "text/html"
        words = text(from_markup(answer.get_data(as_text=True)))
        # That card's candidate, on that side: its reasons and its explanation.
        assert candidate.reasons is not None and candidate.reasons.text in words
        assert text(from_markup(to_markup(cards.card_details(mini_atlas, found, rank)))) == words
    # The focus is no part of a fold's address: focusing another card leaves the cards alone.
    assert "focus=" not in getattr(fold, cards.FOLD_ATTRIBUTE)
    # A rank the trace has not (the list changed meanwhile), or none, is a plain 404.
    for query in (f"rank=999&symptom={symptom}", f"symptom={symptom}", "rank=1"):
        missing = client.get(f"/{cards.FOLD_PATH}?{query}")
        assert missing.status_code == 404 and missing.mimetype == "text/plain"


def test_the_page_lists_no_script_it_never_runs(app: dash.Dash) -> None:
    from fascialines.web.app import UNUSED_SCRIPTS

    page_html = app.server.test_client().get("/").data.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page_html)
    assert scripts, "the page still loads Dash"
    assert not [s for s in scripts for part in UNUSED_SCRIPTS if part in s]
    # Dash's lazy loader needs the generator runtime the polyfill used to bring.
    assert any("regenerator-runtime" in s for s in scripts)


def test_static_files_are_compressed_once_and_callback_answers_never_kept() -> None:

    from fascialines.web.compressing import StaticCache, configure

    server = configure(flask.Flask(__name__))
    key = server.config["COMPRESS_CACHE_KEY"]
    cache = StaticCache()
    with server.test_request_context("/assets/app.js?m=1"):
        static = f"zstd;{key(flask.request)}"
    with server.test_request_context("/_dash-layout"):
        layout = f"zstd;{key(flask.request)}"
    with server.test_request_context("/_dash-update-component", method="POST"):
        answer = f"zstd;{key(flask.request)}"
    with server.test_request_context("/fold?rank=1&symptom=headache"):
        fold = f"zstd;{key(flask.request)}"
    for kept in (static, layout, answer, fold):
        cache.set(kept, kept.encode())
    assert cache.get(static) == static.encode() and cache.get(layout) == layout.encode()
    assert cache.get(answer) is None and cache.get(fold) is None


@pytest.mark.parametrize("path", ["/assets/app.js", "/_dash-layout"])
def test_the_app_serves_its_files_and_layout_in_zstd_that_decompress_to_them(
    app: dash.Dash, path: str
) -> None:
    from flask_compress.compat import compression

    client = app.server.test_client()
    with client.get(path, headers={"Accept-Encoding": "identity"}) as response:
        plain = response.get_data()
    for _ in range(2):  # the second answer comes from the kept copy
        with client.get(path, headers={"Accept-Encoding": "zstd"}) as packed:
            assert packed.headers["Content-Encoding"] == "zstd"
            assert compression.zstd.decompress(packed.get_data()) == plain


@pytest.mark.parametrize("encoding", ["zstd", "br"])
def test_answers_are_compressed_on_each_request_and_decompress_to_the_answer(
    app: dash.Dash, mini_atlas: Atlas, mini_graph: Any, encoding: str
) -> None:
    import brotli
    from flask_compress.compat import compression

    unpack = {"zstd": compression.zstd.decompress, "br": brotli.decompress}[encoding]
    client = app.server.test_client()
    # A card's fold: an answer that depends on its address (the page's first symptom traced).
    symptom = next(s for s in mini_atlas.symptoms if trace(mini_graph, s.id).candidates)
    fold = f"/fold?rank=1&symptom={symptom.id}"
    plain = client.get(fold, headers={"Accept-Encoding": "identity"}).get_data()
    assert len(plain) > 500, "long enough to be compressed"
    for _ in range(2):
        packed = client.get(fold, headers={"Accept-Encoding": f"gzip, {encoding}"})
        assert packed.headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert unpack(packed.get_data()) == plain


@pytest.mark.parametrize("file_wrapper", [None, ReadOnlyFileBasedBuffer], ids=["plain", "waitress"])
@pytest.mark.parametrize("encoding", ["zstd", "identity"])
def test_a_static_file_is_closed_before_its_answer_leaves_the_app(
    app: dash.Dash, monkeypatch: pytest.MonkeyPatch, file_wrapper: Any, encoding: str
) -> None:
    # A server never closes the answer of a browser that hung up; the file must be shut by then.
    opened: list[Any] = []

    def recording_open(*args: Any, **kwargs: Any) -> Any:
        opened.append(open(*args, **kwargs))  # noqa: SIM115 (the app closes it, or the test fails)
        return opened[-1]

    monkeypatch.setattr(werkzeug.utils, "open", recording_open, raising=False)
    for path, status in [("/assets/app.js", 200)] * 2 + [("/assets/missing.js", 404)]:
        # The second answer for app.js comes from flask-compress's kept copy.
        builder = EnvironBuilder(path=path, headers={"Accept-Encoding": encoding})
        environ = builder.get_environ()
        if file_wrapper is not None:
            environ["wsgi.file_wrapper"] = file_wrapper
        body, answered, _ = run_wsgi_app(app.server, environ)  # and never closed
        assert answered.startswith(str(status)) and (status != 200 or b"".join(body))
    assert len(opened) == 2 and all(file.closed for file in opened)


@pytest.mark.parametrize(
    ("before", "after", "wakes"),
    [
        ("?symptom={s}", "?symptom={s}&focus=2", False),  # an explorer's gesture
        ("?symptom={s}", "?symptom={s}&side=left", False),
        ("", "?line={l}", False),
        ("?symptom={s}", "?symptom={s}&all_lines=1", True),  # the calm start switched off
        ("?symptom={s}", "?symptom={s}&figure=female", True),  # the chart's figure switch
        ("?figure=female", "?figure=female&line={l}", False),
        ("?symptom={s}", "?view=client&symptom={s}", True),
        ("?symptom={s}", "?view=quiz", True),
        ("?view=quiz", "?view=quiz&seed=7", True),  # a students' view follows every address
        ("", "?lines={l},{m}", True),  # two lines and nothing traced: the comparison
    ],
)
def test_the_browser_callback_runs_only_when_the_view_changes(
    app: dash.Dash, mini_atlas: Atlas, before: str, after: str, wakes: bool
) -> None:
    lines = [line.abbreviation for line in mini_atlas.lines]
    before, after = (
        q.format(s=mini_atlas.symptoms[0].id, l=lines[0], m=lines[1]) for q in (before, after)
    )
    shown = parse_query(mini_atlas, before)[0]
    response = post_page_callback(
        app,
        {page.Ids.URL: after} | controls.control_values(shown),
        f"{page.Ids.URL}.search",
        to_query(mini_atlas, shown),
    )
    assert response.status_code == 200, response.data[:500]
    sent = json.loads(response.data)["response"]
    assert (page.Ids.VIEW in sent) is wakes
    if wakes and gate.view_name(parse_query(mini_atlas, after)[0]) in gate.STUDENT_VIEWS:
        # The whole address: the view's gate passes it on to its server callback.
        assert sent[page.Ids.VIEW]["data"] == sent[page.Ids.SHOWN]["data"]
