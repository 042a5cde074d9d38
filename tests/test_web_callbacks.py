"""The app's callback logic, without a browser: the pure functions and Dash's own endpoint."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dash
import networkx as nx
import pytest
from dash.development.base_component import Component

from fascialines.atlas import Atlas, Source, load_atlas
from fascialines.explain import DISCLAIMER
from fascialines.graph import build_graph
from fascialines.tracing import RegionRef, trace
from fascialines.web import ids, panels
from fascialines.web.app import assets_dir, create_app
from fascialines.web.callbacks import CONTROLS, focus_clicked, render_view, state_from_controls
from fascialines.web.figures import EVIDENCE_DASH, EVIDENCE_SHORT, line_styles
from fascialines.web.layout import SYMBOL_GLYPHS, diagram_key
from fascialines.web.pieces import EVIDENCE_LABELS, places, short_citation
from fascialines.web.urlstate import ViewState, format_region, parse_query


def _texts(node: Any) -> Iterator[str]:
    """Every string shown inside a component tree, in document order."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list | tuple):
        for child in node:
            yield from _texts(child)
    elif isinstance(node, Component):
        yield from _texts(getattr(node, "children", None))


def _text(node: Any) -> str:
    return " ".join(_texts(node))


def _find(node: Any, kind: type[Component]) -> list[Component]:
    found = []
    if isinstance(node, list | tuple):
        for child in node:
            found += _find(child, kind)
    elif isinstance(node, Component):
        if isinstance(node, kind):
            found.append(node)
        found += _find(getattr(node, "children", None), kind)
    return found


def _values(**changes: Any) -> dict[str, Any]:
    values = dict.fromkeys(CONTROLS)
    values.update({ids.TRACE_SIDE: "both", ids.TRACE_HOPS: 4, ids.TRACE_EVIDENCE: "not-found"})
    values.update({getattr(ids, key): value for key, value in changes.items()})
    return values


@pytest.fixture(scope="module")
def app(mini_atlas: Atlas) -> dash.Dash:
    return create_app(mini_atlas)


def _cards(results: Any) -> list[Component]:
    return [
        card
        for card in _find(results, dash.html.Li)
        if getattr(card, "className", "").startswith("candidate")
    ]


def _class(node: Component) -> str:
    return getattr(node, "className", None) or ""


def test_a_symptom_lists_the_candidates_in_rank_order_with_their_safety_notes(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if s.red_flags)
    expected = trace(mini_graph, symptom.id, "left")
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom.id}&side=left")
    cards = _cards(view.results)
    headings = [_text(_find(card, dash.html.H3)) for card in cards]
    assert len(headings) == len(expected.candidates) > 0
    for heading, candidate in zip(headings, expected.candidates, strict=True):
        assert heading.startswith(f"{candidate.rank}.")
    # Each card says its evidence in words, not by colour alone.
    assert EVIDENCE_LABELS[expected.candidates[0].parts.evidence] in _text(cards[0])
    assert DISCLAIMER in _text(view.safety)
    assert "Education, not a diagnosis" in _text(view.results)
    assert view.notices == ()
    assert isinstance(view.patch, dash.Patch)


def test_the_red_flags_come_before_the_ranked_list(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if s.red_flags)
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    top = [_class(child) for child in view.results]
    assert top.index("red-flags") < top.index("candidates")
    assert top.index("not-diagnosis") < top.index("red-flags")
    box = _text(view.results[top.index("red-flags")])
    for flag_id in symptom.red_flags:
        flag = next(f for f in mini_atlas.red_flags if f.id == flag_id)
        assert flag.text in box
        assert flag.action in box
    # The link in the note reaches the full disclaimer and the contraindications below.
    links = [a.href for a in _find(view.results[top.index("not-diagnosis")], dash.html.A)]
    assert links == [f"#{view.safety[0].id}"]


def test_a_symptom_without_red_flags_has_no_red_flag_box(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if not s.red_flags)
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    assert "red-flags" not in [_class(child) for child in view.results]
    assert "not-diagnosis" in [_class(child) for child in view.results]


def _open_ranks(results: Any) -> list[int]:
    return [
        rank
        for rank, card in enumerate(_cards(results), start=1)
        for details in _find(card, dash.html.Details)
        if _class(details) == "candidate-details" and details.open
    ]


def test_only_the_focused_candidate_is_unfolded_and_the_first_when_none_is(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    assert len(trace(mini_graph, symptom).candidates) > 2
    assert _open_ranks(render_view(mini_atlas, mini_graph, f"?symptom={symptom}").results) == [1]
    focused = render_view(mini_atlas, mini_graph, f"?symptom={symptom}&focus=2")
    assert _open_ranks(focused.results) == [2]
    # Folded or not, every card keeps its one-line summary and its path in words.
    for card in _cards(focused.results):
        assert [p for p in _find(card, dash.html.P) if _class(p) == "summary-line"]
        assert _find(card, dash.html.Ul)


@pytest.mark.parametrize("which", ["mini", "packaged"])
def test_no_source_id_or_doubled_bracket_reaches_the_screen(
    which: str, mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    atlas, graph = (mini_atlas, mini_graph) if which == "mini" else (load_atlas(), None)
    graph = graph or build_graph(atlas)
    # Regions whose names already end in brackets are where a side used to stutter.
    bracketed = [
        r for r in atlas.regions if r.name.endswith(")") or (r.plain_name or "").endswith(")")
    ] or list(atlas.regions)
    for index, symptom in enumerate(atlas.symptoms):
        region = bracketed[index % len(bracketed)]
        side = "midline" if region.laterality == "midline" else "left"
        query = (
            f"?symptom={symptom.id}&side=left&line={atlas.lines[index % len(atlas.lines)].id}"
            f"&region={format_region((region.id, side))}"
        )
        view = render_view(atlas, graph, query)
        text = _text([view.results, view.safety, view.caption, view.line, view.region])
        for source in atlas.sources:
            assert re.search(rf"(?<![\w-]){re.escape(source.id)}(?![\w-])", text) is None, (
                f"{source.id} shown in {symptom.id}"
            )
        assert re.search(r"\)\s*\)|\)\s*\(|\(\(", text) is None, symptom.id


def test_the_focused_candidate_is_marked_and_its_link_clears_the_focus(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom}&focus=1")
    focused = [c for c in _cards(view.results) if "focused" in _class(c)]
    assert len(focused) == 1
    link = _find(focused[0], dash.dcc.Link)[0]
    assert parse_query(mini_atlas, link.href)[0].focus is None


def test_a_focus_beyond_the_list_is_ignored_with_a_message(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    view = render_view(mini_atlas, mini_graph, f"?symptom={mini_atlas.symptoms[0].id}&focus=99")
    assert any("99" in notice for notice in view.notices)
    assert not [
        c for c in _find(view.results, dash.html.Li) if "focused" in getattr(c, "className", "")
    ]


def test_a_region_with_no_symptom_traces_from_that_region(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    view = render_view(mini_atlas, mini_graph, "?region=calf:left")
    assert "Traced from" in _text(view.results)
    assert _find(view.results, dash.html.Ol), "a ranked list of places linked to the calf"
    assert "Lines through it" in _text(view.region)


def test_a_broken_link_shows_messages_and_the_empty_view(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    view = render_view(mini_atlas, mini_graph, "?symptom=%%%&hops=-1&region=nowhere")
    assert len(view.notices) == 3
    assert "Where does it hurt?" in _text(view.results)


def test_the_line_explorer_has_one_row_per_transition_with_its_grade_and_sources(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    line = max(mini_atlas.lines, key=lambda line: len(line.transitions))
    view = render_view(mini_atlas, mini_graph, f"?line={line.abbreviation}")
    rows = _find(_find(view.line, dash.html.Tbody), dash.html.Tr)
    assert len(rows) == len(line.transitions)
    for row, step in zip(rows, line.transitions, strict=True):
        cells = [_text(cell) for cell in row.children]
        assert EVIDENCE_LABELS[step.evidence] in cells
        assert row.children[-1].title == "; ".join(
            mini_atlas.source(s).citation for s in step.sources
        )
    text = _text(view.line)
    assert line.evidence.summary in text
    for source_id in line.evidence.sources:
        assert mini_atlas.source(source_id).citation in text


def test_the_region_explorer_lists_every_line_through_the_region(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    node = ("calf", "left")
    lines = {data["line"] for _, _, data in mini_graph.view.edges(node, data=True)}
    view = render_view(mini_atlas, mini_graph, f"?region={format_region(node)}")
    text = _text(view.region)
    assert len(lines) > 1
    for line_id in lines:
        assert mini_atlas.line(line_id).name in text


def test_a_new_symptom_drops_the_focus_and_a_new_line_keeps_it(mini_atlas: Atlas) -> None:
    first, second = mini_atlas.symptoms[0].id, mini_atlas.symptoms[1].id
    current = ViewState(symptom=first, focus=2)
    moved = state_from_controls(mini_atlas, current, _values(TRACE_SYMPTOM=second))
    assert (moved.symptom, moved.focus) == (second, None)
    line = mini_atlas.lines[0].id
    explored = state_from_controls(
        mini_atlas, current, _values(TRACE_SYMPTOM=first, LINE_PICKER=line)
    )
    assert (explored.line, explored.focus) == (line, 2)


def test_a_click_on_the_body_selects_that_region(mini_atlas: Atlas) -> None:
    click = {"points": [{"customdata": ["calf", "right"]}]}
    state = state_from_controls(mini_atlas, ViewState(), _values(), click)
    assert state.region == ("calf", "right")


def test_a_click_on_a_candidate_of_the_trace_focuses_it(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    second = trace(mini_graph, symptom).candidates[1]
    node = (second.region.id, second.region.side)
    state = focus_clicked(mini_graph, ViewState(symptom=symptom, region=node))
    assert state.focus == second.rank == 2
    felt = trace(mini_graph, symptom).felt_at[0]
    elsewhere = ViewState(symptom=symptom, region=(felt.id, felt.side))
    assert focus_clicked(mini_graph, elsewhere).focus is None


def _post(app: dash.Dash, output: str, outputs: list[dict], inputs: list[dict], changed: list[str]):
    body = {
        "output": output,
        "outputs": outputs,
        "inputs": inputs,
        "changedPropIds": changed,
        "state": [],
    }
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:500]
    return json.loads(response.data)["response"]


def test_the_render_endpoint_sends_a_figure_patch_not_the_whole_figure(
    app: dash.Dash, mini_atlas: Atlas
) -> None:
    targets = [
        (ids.BODY_GRAPH, "figure"),
        (ids.TRACE_RESULTS, "children"),
        (ids.TRACE_SAFETY, "children"),
        (ids.LINE_DETAILS, "children"),
        (ids.REGION_DETAILS, "children"),
        (ids.BODY_CAPTION, "children"),
        (ids.PAGE_NOTICE, "children"),
    ]
    response = _post(
        app,
        "..{}..".format("...".join(f"{i}.{p}" for i, p in targets)),
        [{"id": i, "property": p} for i, p in targets],
        [
            {
                "id": ids.PAGE_URL,
                "property": "search",
                "value": f"?symptom={mini_atlas.symptoms[0].id}",
            }
        ],
        [f"{ids.PAGE_URL}.search"],
    )
    figure = response[ids.BODY_GRAPH]["figure"]
    assert "__dash_patch_update" in figure
    assert "shapes" not in json.dumps(figure), "the body outline is never re-sent"


def test_the_sync_endpoint_writes_a_changed_control_into_the_url(
    app: dash.Dash, mini_atlas: Atlas
) -> None:
    symptom = mini_atlas.symptoms[0].id
    outputs = [{"id": ids.PAGE_URL, "property": "search"}]
    outputs += [{"id": control, "property": "value"} for control in CONTROLS]
    values = _values(TRACE_SYMPTOM=symptom, TRACE_SIDE="right")
    inputs = [{"id": ids.PAGE_URL, "property": "search", "value": ""}]
    inputs += [{"id": c, "property": "value", "value": values[c]} for c in CONTROLS]
    inputs += [{"id": ids.BODY_GRAPH, "property": "clickData", "value": None}]
    response = _post(
        app,
        "..{}..".format("...".join(f"{o['id']}.{o['property']}" for o in outputs)),
        outputs,
        inputs,
        [f"{ids.TRACE_SIDE}.value"],
    )
    assert response[ids.PAGE_URL]["search"] == f"?symptom={symptom}&side=right"


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


def test_a_long_list_folds_after_the_candidates_the_body_marks(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panels, "DIAGRAM_TOP", 2)
    symptom = mini_atlas.symptoms[0].id
    found = trace(mini_graph, symptom)
    assert len(found.candidates) > 3
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom}")
    folded = _find(view.results, dash.html.Details)
    more = [d for d in folded if getattr(d, "className", "") == "more-candidates"]
    assert len(more) == 1
    assert len(_find(_find(more[0], dash.html.Ol), dash.html.H3)) == len(found.candidates) - 2


def test_trigger_point_links_are_marked_as_a_second_mechanism_with_the_caveats(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(
        s
        for s in mini_atlas.symptoms
        if any(c.trigger_points for c in trace(mini_graph, s.id).candidates)
    )
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    text = _text(view.results)
    with_links = [c for c in trace(mini_graph, symptom.id).candidates if c.trigger_points]
    assert text.count("A second, contested mechanism") == len(with_links)
    assert text.count("About trigger points") == 1
    blocks = [d for d in _find(view.results, dash.html.Div) if getattr(d, "id", None)]
    caveats = _text([d for d in blocks if d.id == "trigger-point-caveats"])
    for caveat in mini_atlas.trigger_point_caveats:
        assert caveat.text in caveats


def test_the_vendored_plotly_bundle_is_the_version_plotly_ships() -> None:
    # dcc.Graph uses window.Plotly when a script has set it: the small basic bundle in the
    # assets replaces the full one, so it must be the plotly.js that this plotly expects.
    import plotly

    def version(path: Path) -> str:
        head = path.read_text(encoding="utf-8")[:300]
        return re.search(r"plotly\.js.*? v(\d+\.\d+\.\d+)", head).group(1)

    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert version(assets_dir() / "vendor" / "plotly-basic.min.js") == version(shipped)


def test_a_region_in_an_endangerment_site_says_to_take_care() -> None:
    atlas = load_atlas()
    site = atlas.endangerment_sites[0]
    region = atlas.region(site.regions[0])
    node = (region.id, "midline" if region.laterality == "midline" else "left")
    view = render_view(atlas, build_graph(atlas), f"?region={format_region(node)}")
    assert f"{site.name}: {site.reason}" in _text(view.region)


def test_the_wsgi_module_serves_the_packaged_atlas() -> None:
    from fascialines.web import wsgi

    page = wsgi.server.test_client().get("/")
    assert page.status_code == 200
    assert "fascialines" in page.data.decode()


def test_the_empty_view_offers_example_links_that_open_real_views(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    view = render_view(mini_atlas, mini_graph, "")
    links = [link.href for link in _find(view.results, dash.dcc.Link)]
    states = [parse_query(mini_atlas, href) for href in links]
    assert all(messages == () for _, messages in states)
    assert {s.symptom for s, _ in states if s.symptom} <= {x.id for x in mini_atlas.symptoms}
    assert {s.line for s, _ in states if s.line} == {line.id for line in mini_atlas.lines}


@pytest.mark.parametrize(
    ("citation", "year", "short"),
    [
        (
            "Wilke J, Krause F, Vogt L, Banzer W. What is evidence-based. 2016.",
            2016,
            "Wilke et al. 2016",
        ),
        (
            "Njoo KH, Van der Does E. The occurrence. Pain. 1994.",
            1994,
            "Njoo and Van der Does 1994",
        ),
        ("Myers TW. Anatomy Trains. 2020.", 2020, "Myers 2020"),
        (
            "National Institute for Health and Care Excellence. Low back pain.",
            2016,
            "National Institute for Health and Care Excellence 2016",
        ),
        ("Myers TW. Anatomy Trains.", None, "Myers TW"),
    ],
)
def test_sources_are_named_by_author_and_year_never_by_id(
    citation: str, year: int | None, short: str
) -> None:
    source = Source(id="the-id", citation=citation, year=year)
    assert short_citation(source) == short


@pytest.mark.parametrize(
    ("refs", "words"),
    [
        ((("calf", "left"), ("heel", "left")), "calf and heel, on the left"),
        ((("calf", "left"), ("calf", "right")), "calf, on both sides"),
        ((("calf", "left"), ("sacrum", "midline")), "sacrum, and on the left: calf"),
        (
            (("calf", "left"), ("sacrum", "midline"), ("heel", "right")),
            "calf (left), sacrum and heel (right)",
        ),
        ((("thigh", "right"),), "outside of the thigh (IT band), on the right"),
        (
            (("thigh", "right"), ("heel", "left")),
            "outside of the thigh (IT band, right) and heel (left)",
        ),
    ],
)
def test_places_say_each_side_once_and_never_stutter_brackets(
    refs: tuple[tuple[str, str], ...], words: str
) -> None:
    names = {
        "calf": "calf",
        "heel": "heel",
        "sacrum": "sacrum",
        "thigh": "outside of the thigh (IT band)",
    }

    class Named:
        def region(self, region_id: str) -> Any:
            return type("R", (), {"plain_name": names[region_id], "name": region_id})()

    found = places(Named(), [RegionRef(id=i, name=i, side=side) for i, side in refs])
    assert found == words


def test_a_folded_card_still_says_to_take_care_where_pressure_must_stay_light() -> None:
    atlas = load_atlas()
    graph = build_graph(atlas)
    sites = {region for site in atlas.endangerment_sites for region in site.regions}
    symptom, rank = next(
        (symptom.id, candidate.rank)
        for symptom in atlas.symptoms
        for candidate in trace(graph, symptom.id, "left").candidates
        if candidate.rank > 1 and candidate.region.id in sites
    )
    card = _cards(render_view(atlas, graph, f"?symptom={symptom}&side=left").results)[rank - 1]
    folded = [d for d in _find(card, dash.html.Details) if _class(d) == "candidate-details"]
    assert not folded[0].open
    outside = [child for child in card.children if child is not folded[0]]
    assert "Take care here" in _text(outside)


def test_a_source_reached_only_by_trigger_points_says_so_in_its_badge(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom, candidate = next(
        (s, c)
        for s in mini_atlas.symptoms
        for c in trace(mini_graph, s.id, "left").candidates
        if c.mechanism == "trigger-point"
    )
    view = render_view(mini_atlas, mini_graph, f"?symptom={symptom.id}&side=left")
    (card,) = [c for c in _cards(view.results) if _text(c).startswith(f"{candidate.rank}.")]
    badges = [s for s in _find(card, dash.html.Span) if _class(s).startswith("badge")]
    assert _class(badges[0]) == "badge badge-trigger-point"
    assert _text(badges[0]) == "Trigger-point pattern only"


def test_the_phone_key_names_every_line_by_colour_symbol_and_words(mini_atlas: Atlas) -> None:
    key = diagram_key(mini_atlas)
    entries = [li for li in _find(key, dash.html.Li) if "key-line" in _class(li)]
    styles = line_styles(mini_atlas)
    assert [entry.title for entry in entries] == [line.name for line in mini_atlas.lines]
    glyphs = set()
    for entry, line in zip(entries, mini_atlas.lines, strict=True):
        symbol, abbreviation, spoken = entry.children
        # Colour is never the only cue: a symbol of its own and the abbreviation in words.
        assert symbol.style["color"] == styles[line.id].colour
        assert symbol.children == SYMBOL_GLYPHS[styles[line.id].symbol]
        glyphs.add(symbol.children)
        assert abbreviation.children == line.abbreviation
        assert line.name in spoken.children
    assert len(glyphs) == len(mini_atlas.lines)


def test_the_phone_key_shows_each_evidence_grade_with_the_diagrams_dashes(
    mini_atlas: Atlas,
) -> None:
    key = diagram_key(mini_atlas)
    entries = [li for li in _find(key, dash.html.Li) if _class(li).startswith("key-evidence")]
    assert [_text(li) for li in entries] == [
        EVIDENCE_SHORT[g] for g in ("strong", "moderate", "limited", "not-studied", "not-found")
    ]
    backgrounds = [li.children[0].style["backgroundImage"] for li in entries]
    # Solid for strong evidence, and a different dash pattern for every other grade.
    assert "repeating" not in backgrounds[0]
    assert all(b.startswith("repeating-linear-gradient") for b in backgrounds[1:])
    assert len(set(backgrounds)) == len(EVIDENCE_DASH)


def test_the_page_puts_the_key_under_the_diagram(app: dash.Dash, mini_atlas: Atlas) -> None:
    diagram = [
        section
        for section in _find(app.layout, dash.html.Section)
        if "diagram" in _class(section).split()
    ]
    assert len(diagram) == 1
    parts = [_class(child) for child in diagram[0].children]
    assert parts.index("diagram-key") == parts.index("body-graph") + 1
    assert len(_find(diagram[0], dash.html.Li)) == len(mini_atlas.lines) + 5
