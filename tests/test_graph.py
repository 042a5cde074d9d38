"""The body graph: nodes per side, line instances, crossings, branches and referrals."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx
import pytest

from fascialines.atlas import Atlas, parse_atlas
from fascialines.graph import EVIDENCE_WEIGHT, build_graph, edge_key, node_for


def instance_edges(graph: nx.MultiGraph, line: str, instance: str) -> set[frozenset]:
    key = edge_key(line, instance)
    return {frozenset((u, v)) for u, v, k in graph.edges(keys=True) if k == key}


def test_paired_regions_give_two_nodes_and_midline_regions_one(
    mini_atlas: Atlas, mini_graph: nx.MultiGraph
) -> None:
    paired = [r for r in mini_atlas.regions if r.laterality == "paired"]
    midline = [r for r in mini_atlas.regions if r.laterality == "midline"]
    assert mini_graph.number_of_nodes() == 2 * len(paired) + len(midline)
    assert mini_graph.nodes[("calf", "left")] == {
        "region": "calf",
        "side": "left",
        "name": "Gastrocnemius",
    }
    assert ("calf", "right") in mini_graph
    assert ("sacrum", "midline") in mini_graph
    assert ("sacrum", "left") not in mini_graph


def test_a_non_crossing_line_keeps_to_its_side_through_a_midline_station(
    mini_graph: nx.MultiGraph,
) -> None:
    left = instance_edges(mini_graph, "back-line", "left")
    assert left == {
        frozenset({("heel", "left"), ("calf", "left")}),
        frozenset({("calf", "left"), ("hamstrings", "left")}),
        frozenset({("hamstrings", "left"), ("sacrum", "midline")}),
        frozenset({("sacrum", "midline"), ("erector-spinae", "left")}),
        frozenset({("erector-spinae", "left"), ("occipital-ridge", "midline")}),
    }
    right_sides = {
        side for edge in instance_edges(mini_graph, "back-line", "right") for _, side in edge
    }
    assert right_sides == {"right", "midline"}


def test_a_crossing_line_joins_one_side_to_the_other(mini_graph: nx.MultiGraph) -> None:
    assert instance_edges(mini_graph, "spiral-line", "left") == {
        frozenset({("occipital-ridge", "midline"), ("splenius", "left")}),
        frozenset({("splenius", "left"), ("spinous-processes", "midline")}),
        frozenset({("spinous-processes", "midline"), ("rhomboids", "right")}),
    }
    assert frozenset({("spinous-processes", "midline"), ("rhomboids", "left")}) in instance_edges(
        mini_graph, "spiral-line", "right"
    )


def test_a_later_branch_inherits_the_side_of_its_first_region(mini_graph: nx.MultiGraph) -> None:
    left = mini_graph.edges[("psoas", "left"), ("pelvic-floor", "midline"), "deep-line@left"]
    assert left["branch"] == "pelvic"
    assert mini_graph.has_edge(("psoas", "right"), ("pelvic-floor", "midline"), "deep-line@right")
    assert not mini_graph.has_edge(
        ("psoas", "right"), ("pelvic-floor", "midline"), "deep-line@left"
    )


def test_crossing_twice_returns_to_the_starting_side(mini_raw: dict[str, Any]) -> None:
    spiral = mini_raw["lines"][1]
    spiral["branches"][0]["transitions"].append(
        {"from": "rhomboids", "to": "sacrum", "evidence": "limited", "sources": ["myers-2020"]}
    )
    spiral["branches"][0]["transitions"].append(
        {"from": "sacrum", "to": "hamstrings", "evidence": "limited", "sources": ["myers-2020"]}
    )
    spiral["midline_crossings"].append(
        {"from": "sacrum", "to": "hamstrings", "description": "back again"}
    )
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    assert graph.has_edge(("rhomboids", "right"), ("sacrum", "midline"), "spiral-line@left")
    assert graph.has_edge(("sacrum", "midline"), ("hamstrings", "left"), "spiral-line@left")


def test_edge_attributes(mini_graph: nx.MultiGraph) -> None:
    data = mini_graph.edges[("heel", "left"), ("calf", "left"), "back-line@left"]
    assert data == {
        "line": "back-line",
        "instance": "left",
        "branch": "main",
        "evidence": "strong",
        "evidence_basis": "transition",
        "sources": ("wilke-2016",),
        "note": None,
        "weight": EVIDENCE_WEIGHT["strong"],
        "step": ("heel", "calf"),
    }
    weights = [EVIDENCE_WEIGHT[g] for g in ("strong", "moderate", "limited", "not-studied")]
    assert weights == sorted(weights)
    assert EVIDENCE_WEIGHT["not-found"] > EVIDENCE_WEIGHT["not-studied"]


def test_two_lines_sharing_a_step_are_parallel_edges(mini_graph: nx.MultiGraph) -> None:
    keys = set(mini_graph[("heel", "left")][("calf", "left")])
    assert keys == {"back-line@left", "deep-line@left"}


def test_the_same_step_twice_on_one_line_is_one_edge(mini_raw: dict[str, Any]) -> None:
    deep = mini_raw["lines"][2]
    deep["branches"][1]["transitions"].insert(
        0, {"from": "adductor", "to": "psoas", "evidence": "not-studied", "sources": ["myers-2020"]}
    )
    deep["branches"][1]["transitions"][1]["from"] = "psoas"
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    keys = list(graph[("adductor", "left")][("psoas", "left")])
    assert keys == ["deep-line@left"]


def test_referrals_are_directed_and_keep_the_side(mini_graph: nx.MultiGraph) -> None:
    referrals = mini_graph.graph["referrals"]
    assert isinstance(referrals, nx.DiGraph)
    assert referrals.has_edge(("upper-trapezius", "left"), ("temple", "left"))
    assert not referrals.has_edge(("temple", "left"), ("upper-trapezius", "left"))
    assert not referrals.has_edge(("upper-trapezius", "left"), ("temple", "right"))
    data = referrals.edges[("splenius", "right"), ("temple", "right")]
    assert data["pattern"] == "splenius-to-temple"
    assert data["sources"] == ("travell-simons-1983",)


def test_the_graph_carries_its_atlas(mini_atlas: Atlas, mini_graph: nx.MultiGraph) -> None:
    assert mini_graph.graph["atlas"] is mini_atlas


def test_node_for(mini_atlas: Atlas, mini_graph: nx.MultiGraph) -> None:
    assert node_for(mini_atlas, "calf", "right") == ("calf", "right")
    assert node_for(mini_graph, "sacrum", "left") == ("sacrum", "midline")
    assert node_for(mini_graph, "sacrum", "midline") == ("sacrum", "midline")
    with pytest.raises(ValueError, match="paired region"):
        node_for(mini_atlas, "calf", "midline")
    with pytest.raises(KeyError):
        node_for(mini_atlas, "elbow", "left")
