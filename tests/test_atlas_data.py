"""The shipped atlas (``data/lines.json``): complete, sourced, drawable and traceable.

These tests read the real data, so they catch an edit that breaks a chain, drops a source,
leaves a region unplaced or stops one of the article's examples from tracing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pytest

from fascialines.atlas import Atlas, default_atlas_path, load_atlas
from fascialines.graph import build_graph
from fascialines.reference import render_reference

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "lines.json"
REFERENCE_DOC = REPO / "docs" / "atlas-reference.md"

#: The twelve lines of the Anatomy Trains model (reference §1).
TWELVE = {"SBL", "SFL", "LL", "SPL", "DFL", "SFAL", "DFAL", "SBAL", "DBAL", "BFL", "FFL", "IFL"}

#: Uberon ids checked against Uberon's bridge to FMA (reference §7), with their FMA ids.
CHECKED_IDS = {
    "UBERON:0001389": "FMA:22542",
    "UBERON:0001388": "FMA:22541",
    "UBERON:0001385": "FMA:22532",
    "UBERON:0001387": "FMA:22539",
    "UBERON:0001391": "FMA:22590",
    "UBERON:0001392": "FMA:22593",
    "UBERON:0001374": "FMA:22356",
    "UBERON:0001375": "FMA:22357",
    "UBERON:0001381": "FMA:22438",
    "UBERON:0001377": "FMA:22428",
    "UBERON:0001378": "FMA:22430",
    "UBERON:0001379": "FMA:22431",
    "UBERON:0001380": "FMA:22432",
    "UBERON:0001376": "FMA:22423",
    "UBERON:0001373": "FMA:22353",
    "UBERON:0001382": "FMA:22440",
    "UBERON:0001370": "FMA:22314",
    "UBERON:0001371": "FMA:22315",
    "UBERON:0001369": "FMA:22310",
    "UBERON:0001298": "FMA:18060",
    "UBERON:0001220": "FMA:15569",
    "UBERON:0001221": "FMA:15570",
    "UBERON:0002382": "FMA:9628",
    "UBERON:0001103": "FMA:13295",
    "UBERON:0001112": "FMA:13357",
    "UBERON:0002380": "FMA:9626",
    "UBERON:0002381": "FMA:9627",
    "UBERON:0001100": "FMA:13109",
    "UBERON:0002383": "FMA:9629",
    "UBERON:0001129": "FMA:13413",
    "UBERON:0001125": "FMA:13397",
    "UBERON:0001128": "FMA:13407",
    "UBERON:0001122": "FMA:13386",
    "UBERON:0001123": "FMA:13387",
    "UBERON:0001121": "FMA:13370",
    "UBERON:0002252": "FMA:77180",
    "UBERON:0002251": "FMA:77177",
    "UBERON:0001409": "FMA:22830",
    "UBERON:0001365": "FMA:21440",
    "UBERON:0001450": "FMA:24496",
    "UBERON:0001446": "FMA:24479",
    "UBERON:0001465": "FMA:24974",
    "UBERON:0001464": "FMA:24964",
    "UBERON:0001467": "FMA:25202",
    "UBERON:0001461": "FMA:24901",
    "UBERON:0001456": "FMA:24728",
    "UBERON:0001443": "FMA:9576",
    "UBERON:0001999": None,  # iliopsoas: Uberon id seen, no FMA pair checked
}


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(DATA)


@pytest.fixture(scope="module")
def graph(atlas: Atlas) -> nx.MultiGraph:
    return build_graph(atlas)


def _by_abbreviation(atlas: Atlas) -> dict[str, object]:
    return {line.abbreviation: line for line in atlas.lines}


# -- the file -----------------------------------------------------------------------------------


def test_the_packaged_atlas_is_this_file() -> None:
    assert default_atlas_path().read_bytes() == DATA.read_bytes()


def test_file_is_formatted_the_way_tools_rewrite_it() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n", (
        'rewrite it with json.dumps(data, indent=2, ensure_ascii=False) + "\\n"'
    )


def test_counts(atlas: Atlas) -> None:
    assert set(_by_abbreviation(atlas)) == TWELVE
    assert len(atlas.lines) == 12
    assert len(atlas.referral_patterns) >= 90
    assert len(atlas.symptoms) >= 50
    assert len(atlas.red_flags) >= 30
    assert atlas.licence and atlas.credits


# -- regions --------------------------------------------------------------------------------------


def _used_regions(atlas: Atlas) -> set[str]:
    used: set[str] = set()
    for line in atlas.lines:
        used.update(line.stations)
    for pattern in atlas.referral_patterns:
        used.add(pattern.muscle)
        used.update(pattern.refers_to)
    for symptom in atlas.symptoms:
        used.update(symptom.felt_at)
    for site in atlas.endangerment_sites:
        used.update(site.regions)
    return used


def test_no_orphan_regions(atlas: Atlas) -> None:
    orphans = [region.id for region in atlas.regions if region.id not in _used_regions(atlas)]
    assert orphans == []


def test_every_region_is_placed_and_named_for_a_client(atlas: Atlas) -> None:
    for region in atlas.regions:
        assert region.front or region.back, region.id
        assert region.plain_name, region.id
        for point in (region.front, region.back):
            if point is not None and region.laterality == "paired":
                # x = 0 would put the left and right copies on top of each other.
                assert point.x > 0, region.id


def test_kinds_fit_their_use(atlas: Atlas) -> None:
    on_lines = {region for line in atlas.lines for region in line.stations}
    for region in atlas.regions:
        if region.kind in ("station", "track"):
            assert region.id in on_lines, f"{region.id} is a {region.kind} on no line"
        else:
            assert region.id not in on_lines, f"{region.id} is a {region.kind} on a line"
    for pattern in atlas.referral_patterns:
        assert atlas.region(pattern.muscle).kind in ("muscle", "track"), pattern.id


def test_anatomy_ids_only_from_the_checked_table(atlas: Atlas) -> None:
    for region in atlas.regions:
        if region.uberon:
            assert region.uberon in CHECKED_IDS, region.id
            if region.fma:
                assert CHECKED_IDS[region.uberon] == region.fma, region.id
        else:
            assert region.fma is None, f"{region.id}: an FMA id without its checked Uberon pair"


def test_self_care_never_on_the_spine_and_says_when_to_stop(atlas: Atlas) -> None:
    cared = [region for region in atlas.regions if region.self_care]
    assert len(cared) >= 8
    spine_ids = {"upper-thoracic-spines", "lumbar-vertebrae", "sacrum", "coccyx"}
    for region in cared:
        assert region.id not in spine_ids and region.kind != "station", region.id
        assert "spine" in region.self_care.avoid and "two days" in region.self_care.avoid
    assert (
        "wall"
        in next(r for r in cared if r.plain_name == "muscles beside the spine").self_care.tool
    )


# -- reader text and sources --------------------------------------------------------------


#: What an editor writes to a colleague and a reader must never see: review markers, and the
#: markdown backticks that the app and the handout would print as they are.
EDITOR_MARKERS = ("[", "]", "`", "unverified", "not checked", "TODO", "FIXME")


def _reader_texts(value: object, path: str = "$") -> Iterable[tuple[str, str]]:
    """Every string a reader can be shown, with its JSON path: all but ``editor_notes``."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "editor_notes":
                yield from _reader_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _reader_texts(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


def test_no_reader_text_holds_an_editors_marker(atlas: Atlas) -> None:
    marked = [
        f"{path}: {text[:80]}"
        for path, text in _reader_texts(atlas.model_dump(by_alias=True))
        if any(marker.lower() in text.lower() for marker in EDITOR_MARKERS)
    ]
    assert marked == []


def test_the_marker_check_sees_every_kind_of_record(atlas: Atlas) -> None:
    # The walk above must reach nested reader text (a step's note, a pattern's trigger point)
    # and skip only the editors' own field; otherwise the check above could pass vacuously.
    paths = [path for path, _ in _reader_texts(atlas.model_dump(by_alias=True))]
    assert any(".branches[" in path and path.endswith(".note") for path in paths)
    assert any(path.startswith("$.referral_patterns[") for path in paths)
    assert not any("editor_notes" in path for path in paths)
    assert any(record.editor_notes for record in atlas.referral_patterns)


def test_every_source_is_cited_somewhere(atlas: Atlas) -> None:
    cited: set[str] = set()

    def collect(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sources":
                    cited.update(item)
                else:
                    collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    dumped = atlas.model_dump(by_alias=True)
    collect({key: value for key, value in dumped.items() if key != "sources"})
    assert [source.id for source in atlas.sources if source.id not in cited] == []


def _can_be_a_source(atlas: Atlas) -> set[str]:
    on_lines = {region for line in atlas.lines for region in line.stations}
    sources = {pattern.muscle for pattern in atlas.referral_patterns}
    for region in atlas.regions:
        if region.kind == "track" or (region.kind == "muscle" and region.id in on_lines):
            sources.add(region.id)
    return sources


def test_every_possible_source_has_a_description_and_a_care_note(atlas: Atlas) -> None:
    missing = [
        region.id
        for region in (atlas.region(region_id) for region_id in sorted(_can_be_a_source(atlas)))
        if not region.description
        or (region.self_care is None and region.not_for_self_treatment is None)
    ]
    assert missing == []


# -- the generated reference ------------------------------------------------------------------


def test_committed_reference_matches_the_data(atlas: Atlas) -> None:
    expected = render_reference(load_atlas())
    assert REFERENCE_DOC.read_text(encoding="utf-8") == expected, (
        "docs/atlas-reference.md is out of date: run `make docs`"
    )


def test_reference_leaves_the_editors_notes_out(atlas: Atlas) -> None:
    text = render_reference(atlas)
    notes = {
        record.editor_notes
        for collection in (atlas.referral_patterns, atlas.sources, atlas.regions, atlas.symptoms)
        for record in collection
        if record.editor_notes
    }
    assert notes and not [note for note in notes if note in text]


def test_reference_lists_every_line_symptom_and_source(atlas: Atlas) -> None:
    text = render_reference(atlas)
    for item in (*atlas.lines, *atlas.symptoms, *atlas.sources):
        assert f"`{item.id}`" in text, item.id
    assert text.endswith("\n") and not text.endswith("\n\n")


# -- the article's examples trace -----------------------------------------------------------


def _trace(graph: nx.MultiGraph, symptom: str, side: str = "left"):
    trace_module = pytest.importorskip("fascialines.tracing")
    return trace_module.trace(graph, symptom, side=side)


def _line_candidates(result) -> list:
    return [c for c in result.candidates if c.mechanism == "fascial-line" and c.paths]


def _regions(atlas: Atlas, ids: Iterable[str]):
    return [atlas.region(region_id) for region_id in ids]


def test_headache_reaches_the_upper_back(atlas: Atlas, graph: nx.MultiGraph) -> None:
    upper_back = [
        c
        for c in _line_candidates(_trace(graph, "headache"))
        if atlas.region(c.region.id).body_area == "trunk"
        and atlas.region(c.region.id).back is not None
        and 70 <= atlas.region(c.region.id).back.y <= 85
    ]
    assert upper_back
    assert {"SBAL", "SPL"} & {atlas.line(line).abbreviation for c in upper_back for line in c.lines}


def _plain_has(atlas: Atlas, region_id: str, word: str) -> bool:
    return word in (atlas.region(region_id).plain_name or "")


@pytest.mark.parametrize("symptom", ["hip pain", "plantar fasciitis"])
def test_reaches_the_calf(atlas: Atlas, graph: nx.MultiGraph, symptom: str) -> None:
    calves = [
        c
        for c in _line_candidates(_trace(graph, symptom))
        if _plain_has(atlas, c.region.id, "calf")
    ]
    assert calves
    assert all(c.region.side == "left" for c in calves)


def test_menstrual_pain_reaches_the_diaphragm_through_the_pelvis(
    atlas: Atlas, graph: nx.MultiGraph
) -> None:
    (diaphragm,) = [
        c for c in _line_candidates(_trace(graph, "menstrual pain")) if c.region.id == "diaphragm"
    ]
    assert any(
        "pelvis" in {region.body_area for region in _regions(atlas, (r.id for r in path.regions))}
        and path.line == "deep-front-line"
        for path in diaphragm.paths
    )


def test_shoulder_pain_reaches_the_thoracic_spine_and_ribs(
    atlas: Atlas, graph: nx.MultiGraph
) -> None:
    # Bony stations are waypoints, never candidates: the trace lists them as landmarks.
    result = _trace(graph, "shoulder pain")
    names = [atlas.region(region.id).name.lower() for region in result.landmarks]
    names += [atlas.region(c.region.id).name.lower() for c in _line_candidates(result)]
    assert any("thoracic" in name for name in names)
    assert any("rib" in name for name in names)


# -- the domain review's checks -----------------------------------------------------------------


#: Source ids of the project's reference list for display (reference §6, with its extras).
REFERENCE_LIST = {
    "myers-2020",
    "wilke-2016",
    "krause-2016",
    "wilke-2017",
    "wilke-2018",
    "burk-2020",
    "travell-simons-1983",
    "travell-simons-1992",
    "lucas-2009",
    "quintner-2015",
    "ajimsha-2015",
    "laimi-2018",
    "wu-2021",
    "overmann-2024",
    "chaudhry-2008",
    "schleip-2003",
    "tozzi-2014",
    "ajimsha-2014",
    "snoop4-cmaj-2023",
    "nice-ng59-2016",
}


def test_sources_outside_the_reference_list_say_they_are_unverified(atlas: Atlas) -> None:
    assert {source.id for source in atlas.sources} >= REFERENCE_LIST
    for source in atlas.sources:
        if source.id not in REFERENCE_LIST:
            # Said to the editors, never to a reader (see the marker check above).
            assert source.editor_notes and "unverified" in source.editor_notes, source.id
