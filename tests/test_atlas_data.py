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

from fascialines.atlas import EVIDENCE_ORDER, Atlas, default_atlas_path, load_atlas
from fascialines.graph import build_graph
from fascialines.reference import render_reference

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "lines.json"
REFERENCE_DOC = REPO / "docs" / "atlas-reference.md"

#: The twelve lines of the Anatomy Trains model (reference §1).
TWELVE = {"SBL", "SFL", "LL", "SPL", "DFL", "SFAL", "DFAL", "SBAL", "DBAL", "BFL", "FFL", "IFL"}
#: Lines the 2016 systematic review did not assess (reference §2.1): "not studied", never "no
#: evidence".
NOT_ASSESSED = {"DFL", "SFAL", "DFAL", "SBAL", "DBAL", "IFL"}
#: Lines that cross the midline (reference §1.4, §1.7); all others stay on their side.
CROSSING = {"SPL", "BFL", "FFL"}

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
    assert len(atlas.referral_patterns) >= 40
    assert len(atlas.symptoms) >= 30
    assert atlas.licence and atlas.credits


# -- lines and evidence -------------------------------------------------------------------------


def test_every_transition_is_graded_and_sourced(atlas: Atlas) -> None:
    known_sources = {source.id for source in atlas.sources}
    for line in atlas.lines:
        for step in line.transitions:
            assert step.evidence in EVIDENCE_ORDER, (line.id, step.from_, step.to)
            assert step.sources, (line.id, step.from_, step.to)
            assert set(step.sources) <= known_sources


def test_line_basis_carries_the_line_rating_down(atlas: Atlas) -> None:
    # A step marked "line" must not claim more (or less) than the line's own rating; a step
    # rated on its own must say why in a note.
    for line in atlas.lines:
        for step in line.transitions:
            if step.evidence_basis == "line":
                assert step.evidence == line.evidence.grade, (line.id, step.from_, step.to)
            else:
                assert step.note, (line.id, step.from_, step.to)


def test_lines_the_review_did_not_assess_are_not_studied_not_no_evidence(atlas: Atlas) -> None:
    lines = _by_abbreviation(atlas)
    for abbreviation in NOT_ASSESSED:
        line = lines[abbreviation]
        assert line.evidence.grade == "not-studied"
        assert {step.evidence for step in line.transitions} == {"not-studied"}
    assert lines["SBL"].evidence.grade == "strong"
    assert lines["BFL"].evidence.grade == "strong"
    assert lines["FFL"].evidence.grade == "strong"
    assert lines["SFL"].evidence.grade == "not-found"


def test_every_line_has_a_plain_evidence_summary_citing_sources(atlas: Atlas) -> None:
    for line in atlas.lines:
        assert len(line.evidence.summary) > 60, line.id
        assert line.evidence.sources


def test_deep_front_line_branches_grow_from_earlier_branches(atlas: Atlas) -> None:
    dfl = _by_abbreviation(atlas)["DFL"]
    assert len(dfl.branches) >= 6
    reached: set[str] = set()
    for number, branch in enumerate(dfl.branches):
        if number:
            assert branch.stations[0] in reached, branch.id
        reached.update(branch.stations)


def test_only_the_spiral_and_functional_lines_cross_and_only_at_the_midline(
    atlas: Atlas,
) -> None:
    lines = _by_abbreviation(atlas)
    assert {abbr for abbr, line in lines.items() if line.midline_crossings} == CROSSING
    for abbreviation in CROSSING:
        for crossing in lines[abbreviation].midline_crossings:
            sides = {atlas.region(crossing.from_).laterality, atlas.region(crossing.to).laterality}
            assert "midline" in sides, (abbreviation, crossing.from_, crossing.to)


def _edges(graph: nx.MultiGraph, key: str) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    return {
        (u, v) if u <= v else (v, u)
        for u, v, edge_key in graph.view.edges(keys=True)
        if edge_key == key
    }


def _joined(edges: set, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return (a, b) in edges or (b, a) in edges


def test_left_spiral_line_ties_the_left_skull_to_the_right_shoulder_blade(
    graph: nx.MultiGraph,
) -> None:
    edges = _edges(graph, "spiral-line@left")
    nodes = {node for edge in edges for node in edge}
    assert ("splenius", "left") in nodes
    assert ("rhomboids", "right") in nodes and ("rhomboids", "left") not in nodes
    # ... and comes back to the hip on the same side as the skull it started from.
    assert ("asis", "left") in nodes and ("asis", "right") not in nodes


def test_functional_lines_reach_the_opposite_leg(graph: nx.MultiGraph) -> None:
    back = {node for edge in _edges(graph, "back-functional-line@left") for node in edge}
    assert ("latissimus-dorsi", "left") in back and ("gluteus-maximus", "right") in back
    front = {node for edge in _edges(graph, "front-functional-line@left") for node in edge}
    assert ("pectoralis-major", "left") in front and ("adductor-longus", "right") in front


def test_lines_meet_at_shared_landmarks(atlas: Atlas) -> None:
    # One occipital ridge and one sacrum: that is what lets a trace pass from line to line.
    through: dict[str, set[str]] = {}
    for line in atlas.lines:
        for region in line.stations:
            through.setdefault(region, set()).add(line.abbreviation)
    assert {"SBL", "SPL", "SBAL"} <= through["occipital-ridge"]
    assert {"SBL", "SPL", "BFL"} <= through["sacrum"]


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


# -- symptoms, red flags, safety --------------------------------------------------------------


def test_aliases_name_one_symptom_each(atlas: Atlas) -> None:
    from fascialines.lookup import AtlasIndex

    index = AtlasIndex(atlas)
    for symptom in atlas.symptoms:
        for name in (symptom.id, symptom.name, *symptom.aliases):
            assert index.symptom(name).symptom.id == symptom.id, name


def test_every_symptom_can_be_traced_and_screened(atlas: Atlas) -> None:
    on_lines = {region for line in atlas.lines for region in line.stations}
    referred = {area for pattern in atlas.referral_patterns for area in pattern.refers_to}
    for symptom in atlas.symptoms:
        assert set(symptom.felt_at) & (on_lines | referred), symptom.id
        assert symptom.red_flags, symptom.id
        assert len(symptom.aliases) >= 2, symptom.id


def test_the_articles_complaints_are_there(atlas: Atlas) -> None:
    from fascialines.lookup import AtlasIndex

    index = AtlasIndex(atlas)
    for complaint in (
        "chronic low back pain",
        "tight hips",
        "runner's knee",
        "neck pain",
        "headache",
        "tingling arms",
        "scar tissue",
        "fibromyalgia",
        "myofascial pain syndrome",
        "plantar fasciitis",
        "TMJ",
        "menstrual pain",
        "frozen shoulder",
        "sore heel",
        "tension headache",
    ):
        index.symptom(complaint)


def test_safety_data_is_complete_and_sourced(atlas: Atlas) -> None:
    kinds = {item.kind for item in atlas.contraindications}
    assert kinds == {"absolute", "local"}
    assert len(atlas.endangerment_sites) >= 4
    assert all(site.regions for site in atlas.endangerment_sites)
    assert len(atlas.trigger_point_caveats) >= 3
    assert len(atlas.claims) >= 4
    for claim in atlas.claims:
        assert claim.verdict and claim.evidence and claim.sources


def test_unverified_trigger_point_patterns_say_so(atlas: Atlas) -> None:
    marked = [p for p in atlas.referral_patterns if "[unverified" in p.description]
    assert 0 < len(marked) < len(atlas.referral_patterns)


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


# -- the generated reference ------------------------------------------------------------------


def test_committed_reference_matches_the_data(atlas: Atlas) -> None:
    expected = render_reference(load_atlas())
    assert REFERENCE_DOC.read_text(encoding="utf-8") == expected, (
        "docs/atlas-reference.md is out of date: run `make docs`"
    )


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
    names = [
        atlas.region(region.id).name.lower() for region in _trace(graph, "shoulder pain").landmarks
    ]
    assert any("thoracic" in name for name in names)
    assert any("rib" in name for name in names)


# -- the domain review's checks -----------------------------------------------------------------

#: The crossing steps of reference §1.4 and §1.7: the Spiral Line at the upper thoracic spinous
#: processes and at the linea alba, the Back Functional Line at the lumbosacral junction, the
#: Front Functional Line at the pubic symphysis.
CROSSING_STEPS = {
    "SPL": {("splenius", "upper-thoracic-spines"), ("external-oblique", "linea-alba")},
    "BFL": {("thoracolumbar-fascia", "sacrum")},
    "FFL": {("rectus-sheath", "pubic-symphysis")},
}

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

#: Red flags reference §4.2 ties to a complaint: cauda equina to low back pain and sciatica,
#: SNOOP4 to headaches, artery dissection to the neck, heart causes to the chest, shoulder and
#: arm, a clot to the calf and the back of the knee.
REQUIRED_FLAGS = {
    "low-back-pain": {"cauda-equina", "back-cancer", "back-infection", "fracture-risk"},
    "buttock-pain": {"cauda-equina", "back-cancer", "back-infection", "fracture-risk"},
    "headache": {"headache-emergency", "headache-snoop4", "giant-cell-arteritis", "meningitis"},
    "occipital-headache": {"headache-emergency", "headache-snoop4", "neck-artery-dissection"},
    "eye-pain": {"headache-emergency", "headache-snoop4", "giant-cell-arteritis"},
    "neck-pain": {"neck-artery-dissection"},
    "chest-tightness": {"cardiac-chest-pain", "aortic-dissection"},
    "shoulder-pain": {"cardiac-chest-pain"},
    "tingling-arms": {"cardiac-chest-pain", "nerve-symptoms"},
    "calf-pain": {"calf-dvt"},
    "back-of-knee-pain": {"calf-dvt"},
}

#: The classic referral mappings reference §3 marks as checked: muscle region -> areas.
CLASSIC_REFERRALS = {
    "trapezius": {"temple"},
    "sternocleidomastoid": {"forehead", "ear", "eye"},
    "suboccipitals": {"back-of-head", "temple"},
    "soleus": {"heel", "sacroiliac"},
    "gluteus-minimus": {"outer-thigh", "outer-lower-leg"},
    "quadratus-lumborum": {"lateral-hip", "buttock"},
    "scalenes": {"chest", "hand"},
    "infraspinatus": {"shoulder-front"},
    "iliopsoas": {"lower-back"},
    "rectus-abdominis": {"lower-back", "lower-abdomen"},
    "adductor-longus": {"groin", "inner-knee"},
    "vastus-lateralis": {"outer-knee"},
    "gastrocnemius": {"calf", "back-of-knee"},
}


def test_lines_cross_exactly_where_the_model_puts_the_crossings(atlas: Atlas) -> None:
    lines = _by_abbreviation(atlas)
    for abbreviation, steps in CROSSING_STEPS.items():
        found = {(c.from_, c.to) for c in lines[abbreviation].midline_crossings}
        assert found == steps, abbreviation


def test_left_spiral_line_returns_to_the_left_side_below_the_navel(graph: nx.MultiGraph) -> None:
    nodes = {node for edge in _edges(graph, "spiral-line@left") for node in edge}
    lower = {"asis", "iliotibial-tract", "tibialis-anterior", "fibularis", "hamstrings"}
    assert {side for region, side in nodes if region in lower} == {"left"}
    assert ("external-oblique", "right") in nodes and ("internal-oblique", "left") in nodes
    assert ("occipital-ridge", "right") not in nodes


def test_deep_front_line_has_every_published_track(atlas: Atlas) -> None:
    dfl = _by_abbreviation(atlas)["DFL"]
    stations = set(dfl.stations)
    for track in (
        {"plantar-tarsals", "tibialis-posterior", "popliteus", "medial-femoral-epicondyle"},
        {"adductor-magnus", "ischial-ramus", "pelvic-floor", "coccyx", "anterior-sacral-fascia"},
        {"linea-aspera", "adductor-longus", "lesser-trochanter", "iliopsoas", "lumbar-vertebrae"},
        {"longus-colli", "basilar-occiput"},
        {"diaphragm", "pericardium", "pharyngeal-constrictors", "scalenes"},
        {"xiphoid", "transversus-thoracis", "infrahyoids", "hyoid", "suprahyoids", "mandible"},
    ):
        assert track <= stations, track - stations


def test_only_the_superficial_front_line_is_graded_not_found(atlas: Atlas) -> None:
    # The review found no SFL transition; every other line was either rated or not studied.
    for line in atlas.lines:
        grades = {step.evidence for step in line.transitions} | {line.evidence.grade}
        assert ("not-found" in grades) == (line.abbreviation == "SFL"), line.abbreviation


def test_step_notes_cite_the_studies_they_name(atlas: Atlas) -> None:
    named = {"Krause et al. 2016": "krause-2016", "Wilke et al. 2020": "wilke-2020"}
    for line in atlas.lines:
        for step in line.transitions:
            for words, source in named.items():
                if step.note and words in step.note:
                    assert source in step.sources, (line.id, step.from_, step.to, source)


def test_sources_outside_the_reference_list_say_they_are_unverified(atlas: Atlas) -> None:
    assert {source.id for source in atlas.sources} >= REFERENCE_LIST
    for source in atlas.sources:
        if source.id not in REFERENCE_LIST:
            assert source.note and "unverified" in source.note, source.id


def test_red_flags_sit_on_the_complaints_they_screen(atlas: Atlas) -> None:
    for symptom_id, flags in REQUIRED_FLAGS.items():
        missing = flags - set(atlas.symptom_by_id(symptom_id).red_flags)
        assert not missing, (symptom_id, missing)


def test_the_checked_classic_referrals_are_there(atlas: Atlas) -> None:
    reaches: dict[str, set[str]] = {}
    for pattern in atlas.referral_patterns:
        reaches.setdefault(pattern.muscle, set()).update(pattern.refers_to)
    for muscle, areas in CLASSIC_REFERRALS.items():
        assert areas <= reaches.get(muscle, set()), (muscle, areas - reaches.get(muscle, set()))


def test_contraindications_cover_the_reference_list(atlas: Atlas) -> None:
    kinds = {item.id: item.kind for item in atlas.contraindications}
    absolute = {"malignancy", "aneurysm", "acute-inflammation", "fever-infection", "dvt"}
    assert {kinds.get(item) for item in absolute | {"bleeding-disorder"}} == {"absolute"}
    local = {"skin-infection", "wounds", "bruise-strain", "fracture", "osteoporosis"}
    local |= {"anticoagulants", "circulation", "neuropathy", "high-risk-pregnancy"}
    assert {kinds.get(item) for item in local} == {"local"}
