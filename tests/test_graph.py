"""The body graph: nodes per side, line copies with the sides stored on their edges, referrals."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings

from fascialines.atlas import Atlas, parse_atlas
from fascialines.evidence import Evidence
from fascialines.graph import BodyGraph, LineEdge, build_graph, node_for
from strategies import parse, raw_atlases, reversed_lines

MIRROR = {"left": "right", "right": "left", "midline": "midline"}


def copy_edges(graph: BodyGraph, line: str, copy: str) -> set[frozenset[tuple[str, str]]]:
    return {frozenset((e.start, e.end)) for e in graph.edges(line) if e.copy == copy}


def anatomy(graph: BodyGraph) -> set[tuple[str, frozenset[tuple[str, str]], str]]:
    """The edges as the body has them, whichever copy is called left."""
    return {(e.line, frozenset((e.start, e.end)), e.evidence.value) for e in graph.edges()}


def test_paired_regions_give_two_nodes_and_midline_regions_one(
    mini_atlas: Atlas, mini_graph: BodyGraph
) -> None:
    paired = [r for r in mini_atlas.regions if r.laterality == "paired"]
    midline = [r for r in mini_atlas.regions if r.laterality == "midline"]
    assert len(list(mini_graph.nodes())) == 2 * len(paired) + len(midline)
    assert ("calf", "right") in mini_graph and ("sacrum", "midline") in mini_graph
    assert ("sacrum", "left") not in mini_graph
    assert mini_graph.ref(("calf", "left")).name == "Gastrocnemius"


def test_a_non_crossing_line_keeps_to_its_side_through_a_midline_station(
    mini_graph: BodyGraph,
) -> None:
    assert copy_edges(mini_graph, "back-line", "left") == {
        frozenset({("heel", "left"), ("calf", "left")}),
        frozenset({("calf", "left"), ("hamstrings", "left")}),
        frozenset({("hamstrings", "left"), ("sacrum", "midline")}),
        frozenset({("sacrum", "midline"), ("erector-spinae", "left")}),
        frozenset({("erector-spinae", "left"), ("occipital-ridge", "midline")}),
    }
    flanks = {e.start_flank for e in mini_graph.edges("back-line") if e.copy == "left"}
    flanks |= {e.end_flank for e in mini_graph.edges("back-line") if e.copy == "left"}
    assert flanks == {"left"}


def test_a_crossing_stores_the_side_on_each_end_of_its_step(mini_graph: BodyGraph) -> None:
    assert copy_edges(mini_graph, "spiral-line", "left") == {
        frozenset({("occipital-ridge", "midline"), ("splenius", "left")}),
        frozenset({("splenius", "left"), ("spinous-processes", "midline")}),
        frozenset({("spinous-processes", "midline"), ("rhomboids", "right")}),
    }
    (crossing,) = [
        e for e in mini_graph.edges("spiral-line") if e.copy == "left" and e.end[0] == "rhomboids"
    ]
    assert (crossing.start, crossing.start_flank) == (("spinous-processes", "midline"), "left")
    assert (crossing.end, crossing.end_flank) == (("rhomboids", "right"), "right")
    assert crossing.flank_beyond(crossing.start) == "right"
    assert crossing.other(crossing.end) == crossing.start


def test_a_later_branch_inherits_the_side_of_its_first_region(mini_graph: BodyGraph) -> None:
    (edge,) = [e for e in mini_graph.edges_at(("pelvic-floor", "midline")) if e.copy == "left"]
    assert edge.branch == "pelvic" and edge.other(edge.end) == ("psoas", "left")


def test_crossing_twice_returns_to_the_starting_side(mini_raw: dict[str, Any]) -> None:
    spiral = mini_raw["lines"][1]
    spiral["branches"][0]["transitions"] += [
        {"from": "rhomboids", "to": "sacrum", "evidence": "limited", "sources": ["myers-2020"]},
        {"from": "sacrum", "to": "hamstrings", "evidence": "limited", "sources": ["myers-2020"]},
    ]
    spiral["midline_crossings"].append(
        {"from": "sacrum", "to": "hamstrings", "description": "back again"}
    )
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    left = copy_edges(graph, "spiral-line", "left")
    assert frozenset({("rhomboids", "right"), ("sacrum", "midline")}) in left
    assert frozenset({("sacrum", "midline"), ("hamstrings", "left")}) in left


def test_the_same_step_twice_on_one_line_is_one_edge_at_its_stronger_grade(
    mini_raw: dict[str, Any],
) -> None:
    deep = mini_raw["lines"][2]
    deep["branches"][1]["transitions"].insert(
        0, {"from": "adductor", "to": "psoas", "evidence": "limited", "sources": ["myers-2020"]}
    )
    deep["branches"][1]["transitions"][1]["from"] = "psoas"
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    found = [
        e
        for e in graph.edges_at(("adductor", "left"))
        if e.key == "deep-line@left" and e.other(("adductor", "left")) == ("psoas", "left")
    ]
    assert [e.evidence for e in found] == [Evidence.LIMITED]


@settings(max_examples=60, deadline=None)
@given(raw=raw_atlases())
def test_writing_a_line_the_other_way_round_gives_the_same_edges(raw: dict[str, Any]) -> None:
    assert anatomy(build_graph(parse(raw))) == anatomy(build_graph(parse(reversed_lines(raw))))


@settings(max_examples=60, deadline=None)
@given(raw=raw_atlases())
def test_the_right_copy_mirrors_the_left(raw: dict[str, Any]) -> None:
    graph = build_graph(parse(raw))
    for edge in graph.edges():
        start, end = [(node[0], MIRROR[node[1]]) for node in (edge.start, edge.end)]
        other = "right" if edge.copy == "left" else "left"
        assert any(
            (e.start, e.end, e.start_flank, e.end_flank)
            == (start, end, MIRROR[edge.start_flank], MIRROR[edge.end_flank])
            for e in graph.edges(edge.line)
            if e.copy == other
        )


def test_the_graph_is_frozen(mini_graph: BodyGraph) -> None:
    with pytest.raises(AttributeError):
        mini_graph.atlas = None  # type: ignore[misc]
    edge = next(mini_graph.edges())
    with pytest.raises(AttributeError):
        edge.line = "other"  # type: ignore[misc]
    assert nx.is_frozen(mini_graph.view)
    with pytest.raises(nx.NetworkXError):
        mini_graph.view.add_node(("x", "left"))


def test_the_networkx_view_has_the_same_edges_with_their_attributes(
    mini_atlas: Atlas, mini_graph: BodyGraph
) -> None:
    view = mini_graph.view
    assert view.graph["atlas"] is mini_atlas
    assert view.number_of_edges() == len(list(mini_graph.edges()))
    for edge in mini_graph.edges():
        data = view.edges[edge.start, edge.end, edge.key]
        assert data["edge"] is edge
        assert (data["line"], data["instance"], data["evidence"]) == (
            edge.line,
            edge.copy,
            edge.evidence.value,
        )
        assert data["step"] == (edge.start[0], edge.end[0])


def test_referrals_are_directed_per_pattern_and_zone_and_keep_the_side(
    mini_raw: dict[str, Any],
) -> None:
    mini_raw["referral_patterns"][0]["spillover"] = ["occipital-ridge", "upper-trapezius"]
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    to_temple = {(r.pattern, r.muscle, r.zone) for r in graph.referrals_to(("temple", "left"))}
    assert to_temple == {
        ("upper-trapezius-to-temple", ("upper-trapezius", "left"), "essential"),
        ("splenius-to-temple", ("splenius", "left"), "essential"),
    }
    # A midline area hears from the muscle on each side; a muscle may refer to itself.
    ridge = {r.muscle for r in graph.referrals_to(("occipital-ridge", "midline"))}
    assert ridge == {("upper-trapezius", "left"), ("upper-trapezius", "right")}
    itself = [r.area for r in graph.referrals_from(("upper-trapezius", "right"))]
    assert ("upper-trapezius", "right") in itself
    assert [r.zone for r in graph.referrals_to(("upper-trapezius", "left"))] == ["spillover"]


def test_node_for(mini_atlas: Atlas, mini_graph: BodyGraph) -> None:
    assert node_for(mini_atlas, "calf", "right") == ("calf", "right")
    assert mini_graph.node_for("sacrum", "left") == ("sacrum", "midline")
    with pytest.raises(ValueError, match="paired region"):
        node_for(mini_atlas, "calf", "midline")
    with pytest.raises(KeyError):
        node_for(mini_atlas, "elbow", "left")


def test_line_edges_are_typed(mini_graph: BodyGraph) -> None:
    for edge in mini_graph.edges():
        assert isinstance(edge, LineEdge) and isinstance(edge.evidence, Evidence)
        assert edge in mini_graph.edges_at(edge.start) and edge in mini_graph.edges_at(edge.end)
        assert edge.key in mini_graph.copies_at(edge.start)


@settings(max_examples=40, deadline=None)
@given(raw=raw_atlases())
def test_the_precomputed_tables_say_what_the_edges_and_kinds_say(raw: dict[str, Any]) -> None:
    atlas = parse(raw)
    graph = build_graph(atlas)
    kinds = {region.id: region.kind for region in atlas.regions}
    assert graph.soft_tissue == {r for r, kind in kinds.items() if kind in {"track", "muscle"}}
    assert graph.stations == {r for r, kind in kinds.items() if kind == "station"}
    for node in graph.nodes():
        # The copies through a node, in atlas order, and each copy's edges at it.
        keys = list(dict.fromkeys(edge.key for edge in graph.edges_at(node)))
        assert list(graph.copies_at(node)) == keys
        for key in keys:
            at = [edge for edge in graph.edges_at(node) if edge.key == key]
            assert (
                list(graph.copy_adjacency(key)[node]) == at == list(graph.copy_edges_at(key, node))
            )
