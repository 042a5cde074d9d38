"""What each view puts on screen, from its components alone (no browser)."""

from __future__ import annotations

import math
import re
from typing import Any

import dash
import networkx as nx
import pytest

from fascialines.atlas import Atlas, Source, load_atlas
from fascialines.explain import DISCLAIMER
from fascialines.graph import build_graph
from fascialines.tracing import RegionRef, trace
from fascialines.web.pieces import places, short_citation
from fascialines.web.state import format_region, parse_query
from fascialines.web.theme import EVIDENCE_DASH, SYMBOL_GLYPHS, line_styles
from fascialines.web.views import cards, results
from fascialines.web.views.key import diagram_key
from fascialines.web.wording import CONTROL, EVIDENCE_BADGE, EVIDENCE_SHORT
from web_screen import css, find, screen, text


def _buttons(node: Any) -> list[Any]:
    """The address buttons (pieces.set_button) inside a component."""
    return [b for b in find(node, dash.html.Button) if getattr(b, "data-set", None) is not None]


def _edit(button: Any) -> dict[str, Any]:
    """What an address button does, as its data- attributes say."""
    return {
        "set": getattr(button, "data-set"),
        "drop": getattr(button, "data-drop", ""),
        "toggle": bool(getattr(button, "data-toggle", "")),
    }


def test_a_symptom_lists_the_candidates_in_rank_order_with_their_safety_notes(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if s.red_flags)
    expected = trace(mini_graph, symptom.id, "left")
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}&side=left")
    assert len(shown.cards) == len(expected.candidates) > cards.CARDS
    for card, candidate in zip(shown.cards, expected.candidates, strict=True):
        assert text(card).startswith(f"{candidate.rank}.")
        # Every candidate says its evidence in words, not by colour alone.
        assert EVIDENCE_BADGE[candidate.parts.evidence] in text(card)
    assert DISCLAIMER in text(shown.safety)
    assert "Education, not a diagnosis" in text(shown.results)
    assert shown.notices == ()
    assert shown.overlay, "the overlay is drawn"


def test_the_first_candidates_are_cards_and_the_rest_one_light_list(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom}")
    kinds = [css(card).split()[0] for card in shown.cards]
    assert kinds[: cards.CARDS] == ["candidate"] * cards.CARDS
    assert set(kinds[cards.CARDS :]) == {"candidate-row"}
    # A card's long text is folded and fetched only when the fold is first opened (/fold);
    # a row is one button and one badge (a link).
    for rank, card in enumerate(shown.cards[: cards.CARDS], start=1):
        (details,) = [d for d in find(card, dash.html.Details) if css(d) == "candidate-details"]
        assert not getattr(details, "open", False)
        assert text(details) == CONTROL["details"], "nothing but its summary until opened"
        opened = shown.fold(rank)
        assert find(opened, dash.html.P) and len(text(opened)) > 200
        assert find(card, dash.html.Ul), "the paths in words stay unfolded"
    for row in shown.cards[cards.CARDS :]:
        assert len(_buttons(row)) == 1
        assert [css(a).split()[0] for a in find(row, dash.html.A)] == ["badge"]
        assert len(find(row, dash.development.base_component.Component)) == 3


def test_a_trace_sends_few_components(mini_atlas: Atlas, mini_graph: nx.MultiGraph) -> None:
    # Every component sent costs the renderer a pass over the page on each later update
    # (benchmarks/README.md): what no callback touches travels as markup blocks, so the count
    # is a few per card and does not grow with the number of candidates or their text.
    symptom = max(mini_atlas.symptoms, key=lambda s: len(trace(mini_graph, s.id).candidates))
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    assert len(shown.cards) > cards.CARDS, "the fixture has rows after the cards"
    sent = [shown.outputs[slot] for slot in results.SLOTS]
    count = len(find(sent, dash.development.base_component.Component, unfold=False))
    assert count <= 3 + 2 * cards.CARDS
    blocks = [c for c in find(sent, dash.html.Div, unfold=False) if "markup" in css(c).split()]
    assert len(blocks) == 3 + cards.CARDS  # head, flags, rows and one per card


def test_the_red_flags_come_first_each_short_with_its_full_wording_one_click_away(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if s.red_flags)
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    top = [css(child) for child in shown.results]
    assert top.index("red-flags") < top.index("not-diagnosis") < top.index("candidates")
    box = shown.results[top.index("red-flags")]
    for flag_id, item in zip(symptom.red_flags, find(box, dash.html.Li), strict=True):
        flag = next(f for f in mini_atlas.red_flags if f.id == flag_id)
        (summary,) = find(item, dash.html.Summary)
        # The sign and the action are always visible; the detail folds.
        sign, action = results.short_sign(flag.text), results.short_action(flag.action)
        assert " ".join(text(summary).split()) == f"{sign}: {action}"
        assert flag.text in text(item) and flag.action in text(item)
    links = [a.href for a in find(shown.results[top.index("not-diagnosis")], dash.html.A)]
    assert links == [f"#{shown.safety[0].id}"]


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("A sudden, severe headache that peaks in a minute, or confusion", "A sudden, severe"),
        ("Headache with fever, weight loss; or a new pattern", "Headache with fever, weight loss"),
        ("Numbness in the saddle area", "Numbness in the saddle area"),
    ],
)
def test_a_red_flag_sign_is_its_first_clause(full: str, short: str) -> None:
    assert results.short_sign(full).startswith(short)
    assert len(results.short_sign(full * 5)) <= 61


def test_a_red_flag_action_keeps_its_first_alternative_and_drops_asides() -> None:
    assert results.short_action("Emergency: call an ambulance or go to A&E now.") == (
        "Emergency: call an ambulance"
    )
    assert results.short_action("See a doctor the same day (possible arteritis).") == (
        "See a doctor the same day"
    )


def test_a_symptom_without_red_flags_has_no_red_flag_box(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(s for s in mini_atlas.symptoms if not s.red_flags)
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    assert "red-flags" not in [css(child) for child in shown.results]
    assert "not-diagnosis" in [css(child) for child in shown.results]


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
        shown = screen(atlas, graph, query)
        words = text([shown.results, shown.safety, shown.caption, shown.line, shown.region])
        for source in atlas.sources:
            assert re.search(rf"(?<![\w-]){re.escape(source.id)}(?![\w-])", words) is None, (
                f"{source.id} shown in {symptom.id}"
            )
        assert re.search(r"\)\s*\)|\)\s*\(|\(\(", words) is None, symptom.id


def test_the_focused_candidate_is_marked_and_its_button_toggles_the_focus(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom}&focus=1")
    focused = [c for c in shown.cards if "candidate-focused" in css(c)]
    assert len(focused) == 1
    (button,) = _buttons(focused[0])
    assert _edit(button) == {"set": "focus=1", "drop": "", "toggle": True}
    # Both words are in the button; the card's class shows one (the browser tests read it).
    words = {css(span): text(span) for span in find(button, dash.html.Span)}
    assert words == {"when-focused": "Show all", "when-unfocused": "Show on the body"}


def test_a_focus_beyond_the_list_is_ignored_with_a_message(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    shown = screen(mini_atlas, mini_graph, f"?symptom={mini_atlas.symptoms[0].id}&focus=99")
    assert any("99" in notice for notice in shown.notices)
    assert not [c for c in shown.cards if "focused" in css(c)]


def test_a_region_is_explored_and_traced_only_on_request(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    explored = screen(mini_atlas, mini_graph, "?region=calf:left")
    assert "Where does it hurt?" in text(explored.results)
    assert "Lines through it" in text(explored.region)
    (trace_here,) = [b for b in _buttons(explored.region) if "trace-here" in css(b)]
    assert "felt=calf:left" in _edit(trace_here)["set"]
    traced = screen(mini_atlas, mini_graph, "?felt=calf:left")
    assert "Traced from" in text(traced.results)
    assert traced.cards, "a ranked list of places linked to the calf"


def test_a_broken_link_shows_messages_and_the_empty_view(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    shown = screen(mini_atlas, mini_graph, "?symptom=%%%&hops=-1&region=nowhere")
    assert len(shown.notices) == 3
    assert "Where does it hurt?" in text(shown.results)


def test_an_open_line_takes_the_place_of_the_welcome(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    shown = screen(mini_atlas, mini_graph, f"?line={mini_atlas.lines[0].abbreviation}")
    assert "Where does it hurt?" not in text(shown.results)
    assert mini_atlas.lines[0].name in text(shown.line)


def test_the_line_explorer_has_one_row_per_transition_with_its_grade_and_sources(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    line = max(mini_atlas.lines, key=lambda line: len(line.transitions))
    shown = screen(mini_atlas, mini_graph, f"?line={line.abbreviation}")
    rows = find(find(shown.line, dash.html.Tbody), dash.html.Tr)
    assert len(rows) == len(line.transitions)
    for row, step in zip(rows, line.transitions, strict=True):
        cells = [text(cell) for cell in row.children]
        assert any(cell.startswith(EVIDENCE_BADGE[step.evidence]) for cell in cells)
        assert row.children[-1].title == "; ".join(
            mini_atlas.source(s).citation for s in step.sources
        )
        # Each region in the table explores that region, in the browser.
        assert {_edit(b)["set"].split("=")[0] for b in _buttons(row)} == {"region"}
    words = text(shown.line)
    assert line.evidence.summary in words
    for source_id in line.evidence.sources:
        assert mini_atlas.source(source_id).citation in words


def test_the_region_explorer_lists_every_line_through_the_region(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    node = ("calf", "left")
    lines = {data["line"] for _, _, data in mini_graph.view.edges(node, data=True)}
    shown = screen(mini_atlas, mini_graph, f"?region={format_region(node)}")
    assert len(lines) > 1
    for line_id in lines:
        assert mini_atlas.line(line_id).name in text(shown.region)


def test_trigger_point_links_are_marked_as_a_second_mechanism_with_the_caveats(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(
        s
        for s in mini_atlas.symptoms
        if any(c.trigger_points for c in trace(mini_graph, s.id).candidates[: cards.CARDS])
    )
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}")
    words = text(shown.results)
    carded = trace(mini_graph, symptom.id).candidates[: cards.CARDS]
    folds = text(shown.folds)
    assert "attrs(" not in folds, "headings in the fold are words, not code"
    assert folds.count("A second, contested mechanism") == sum(
        1 for c in carded if c.trigger_points
    )
    assert words.count("About trigger points") == 1
    blocks = [d for d in find(shown.results, dash.html.Div) if getattr(d, "id", None)]
    caveats = text([d for d in blocks if d.id == "trigger-point-caveats"])
    for caveat in mini_atlas.trigger_point_caveats:
        assert caveat.text in caveats


def test_a_region_in_an_endangerment_site_says_to_take_care() -> None:
    atlas = load_atlas()
    site = atlas.endangerment_sites[0]
    region = atlas.region(site.regions[0])
    node = (region.id, "midline" if region.laterality == "midline" else "left")
    shown = screen(atlas, build_graph(atlas), f"?region={format_region(node)}")
    assert f"{site.name}: {site.reason}" in text(shown.region)


def test_the_empty_view_offers_example_links_that_open_real_views(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    shown = screen(mini_atlas, mini_graph, "")
    # In-app links (pieces.in_app_link): assets/app.js follows them with no page load.
    links = [link.href for link in find(shown.results, dash.html.A)]
    assert links and all(getattr(link, "data-in-app") for link in find(shown.results, dash.html.A))
    states = [parse_query(mini_atlas, href) for href in links]
    assert all(messages == () for _, messages in states)
    assert {s.symptom for s, _ in states if s.symptom} <= {x.id for x in mini_atlas.symptoms}
    assert {s.line for s, _ in states if s.line} == {line.id for line in mini_atlas.lines}


def test_a_card_says_at_once_to_take_care_where_pressure_must_stay_light() -> None:
    atlas = load_atlas()
    graph = build_graph(atlas)
    sites = {region for site in atlas.endangerment_sites for region in site.regions}
    symptom, rank = next(
        (symptom.id, candidate.rank)
        for symptom in atlas.symptoms
        for candidate in trace(graph, symptom.id, "left").candidates[: cards.CARDS]
        if candidate.region.id in sites
    )
    card = screen(atlas, graph, f"?symptom={symptom}&side=left").cards[rank - 1]
    (folded,) = [d for d in find(card, dash.html.Details) if css(d) == "candidate-details"]
    assert "Take care here" in text(card).replace(text(folded), "")


def test_a_source_reached_only_by_trigger_points_says_so_in_its_badge(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom, candidate = next(
        (s, c)
        for s in mini_atlas.symptoms
        for c in trace(mini_graph, s.id, "left").candidates
        if c.mechanism == "trigger-point"
    )
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom.id}&side=left")
    (card,) = [c for c in shown.cards if text(c).startswith(f"{candidate.rank}.")]
    badges = [s for s in find(card, dash.html.A) if css(s).startswith("badge")]
    assert css(badges[0]) == "badge badge-trigger-point badge-link"
    assert text(badges[0]) == "Trigger-point pattern only"


def test_the_key_names_every_line_by_colour_symbol_and_words(mini_atlas: Atlas) -> None:
    key = diagram_key(mini_atlas)
    entries = [li for li in find(key, dash.html.Li) if "key-line" in css(li)]
    styles = line_styles(mini_atlas)
    assert [entry.title for entry in entries] == [line.name for line in mini_atlas.lines]
    glyphs = set()
    for entry, line in zip(entries, mini_atlas.lines, strict=True):
        abbreviation, spoken = entry.children
        # Colour is never the only cue: a symbol of its own (drawn by the stylesheet from the
        # entry's attributes) and the abbreviation in words.
        assert entry.style["--key-colour"] == styles[line.id].colour
        glyph = getattr(entry, "data-symbol")
        assert glyph == SYMBOL_GLYPHS[styles[line.id].symbol]
        glyphs.add(glyph)
        assert abbreviation == line.abbreviation
        assert line.name in spoken.children
    assert len(glyphs) == len(mini_atlas.lines)


def test_the_key_shows_each_evidence_grade_with_the_diagrams_dashes(mini_atlas: Atlas) -> None:
    key = diagram_key(mini_atlas)
    entries = [li for li in find(key, dash.html.Li) if css(li).startswith("key-evidence")]
    assert [text(li) for li in entries] == [
        EVIDENCE_SHORT[g] for g in ("strong", "moderate", "limited", "not-studied", "not-found")
    ]
    backgrounds = [li.style["--key-dash"] for li in entries]
    # Solid for strong evidence, and a different dash pattern for every other grade.
    assert "repeating" not in backgrounds[0]
    assert all(b.startswith("repeating-linear-gradient") for b in backgrounds[1:])
    assert len(set(backgrounds)) == len(EVIDENCE_DASH)


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


def test_each_card_says_why_it_ranks_where_it_does(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = mini_atlas.symptoms[0].id
    expected = trace(mini_graph, symptom, "left")
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom}&side=left")
    # The reason opens the card's fold, so the first cards still fit the first screen.
    for rank, candidate in enumerate(expected.candidates[: cards.CARDS], start=1):
        assert candidate.reasons is not None
        assert candidate.reasons.text in text(shown.fold(rank))


def test_both_sides_is_one_row_per_region_naming_its_sides(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    symptom = next(
        s.id
        for s in mini_atlas.symptoms
        if any(len(c.sides) == 2 for c in trace(mini_graph, s.id, "both").candidates)
    )
    expected = trace(mini_graph, symptom, "both")
    shown = screen(mini_atlas, mini_graph, f"?symptom={symptom}&side=both")
    assert len(shown.cards) == len(expected.candidates)
    for card, candidate in zip(shown.cards, expected.candidates, strict=True):
        refs = [RegionRef(candidate.region.id, candidate.region.name, s) for s in candidate.sides]
        assert places(mini_atlas, refs).lower() in text(card).lower()
        if len(candidate.sides) == 2:
            assert "both sides" in text(card)


def test_each_step_row_carries_its_place_on_the_body_for_the_hover_highlight(
    mini_atlas: Atlas,
) -> None:
    import json

    from fascialines.web.figure import geometry
    from fascialines.web.figure.step_highlight import step_segments

    for line_ in mini_atlas.lines:
        shown = screen(mini_atlas, None, f"?line={line_.abbreviation}")
        rows = [r for r in find(shown.line, dash.html.Tr) if css(r) == "step-row"]
        assert len(rows) == len(line_.transitions)
        for row, step in zip(rows, line_.transitions, strict=True):
            xs, ys = step_segments(mini_atlas, line_.id, step.from_, step.to)
            props = row.to_plotly_json()["props"]
            assert json.loads(props["data-step-x"]) == xs and json.loads(props["data-step-y"]) == ys
            # Curves along the line's routes, separated by gaps, each from one end of the step
            # to the other (a tenth of a unit is the rounding).
            assert len(xs) == len(ys) and xs
            ends = [
                found[:2]
                for region_id in (step.from_, step.to)
                for side in ("left", "right", "midline")
                for view in geometry.CHART_VIEWS
                if (found := geometry.point(mini_atlas.region(region_id), side, view))
            ]
            runs: list[list[tuple[float, float]]] = [[]]
            for x, y in zip(xs, ys, strict=True):
                if x is None:
                    runs.append([])
                else:
                    runs[-1].append((x, y))
            for run in runs:
                assert len(run) >= 2
                for end in (run[0], run[-1]):
                    assert min(math.dist(end, e) for e in ends) <= 0.08, (line_.id, step, end)


def test_the_line_explorer_does_not_ask_where_it_hurts(mini_atlas: Atlas) -> None:
    line_ = mini_atlas.lines[0]
    shown = screen(mini_atlas, None, f"?line={line_.abbreviation}")
    assert "Where does it hurt?" not in text(shown.results)
    assert line_.name in text(shown.line)


def test_a_step_lights_up_along_the_drawn_route_not_a_straight_cut() -> None:
    from fascialines.atlas import load_atlas
    from fascialines.web.figure.step_highlight import step_segments

    atlas = load_atlas()
    spiral = next(line_ for line_ in atlas.lines if line_.abbreviation == "SPL")
    longest = 0
    for step in spiral.transitions:
        xs, _ = step_segments(atlas, spiral.id, step.from_, step.to)
        run = 0
        for x in xs:
            run = 0 if x is None else run + 1
            longest = max(longest, run)
    assert longest > 2, "the Spiral Line's steps follow its curves"
