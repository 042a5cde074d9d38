"""The shipped atlas's lines: Myers' routes and crossings, and evidence graded step by step.

A step carries a grade of its own only where a study rated that step (Wilke et al. 2016);
every other step is not rated on its own, and the line's rating is said once, on the line.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from fascialines.atlas import EVIDENCE_ORDER, Atlas, load_atlas
from fascialines.graph import build_graph

DATA = Path(__file__).resolve().parents[1] / "data" / "lines.json"


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(DATA)


@pytest.fixture(scope="module")
def graph(atlas: Atlas) -> nx.MultiGraph:
    return build_graph(atlas)


def _by_abbreviation(atlas: Atlas) -> dict[str, object]:
    return {line.abbreviation: line for line in atlas.lines}


#: Lines the 2016 systematic review did not assess (reference §2.1): "not studied", never "no
#: evidence".
NOT_ASSESSED = {"DFL", "SFAL", "DFAL", "SBAL", "DBAL", "IFL"}


#: Lines that cross the midline (reference §1.4, §1.7); all others stay on their side.
CROSSING = {"SPL", "BFL", "FFL"}


def test_every_transition_is_graded_and_sourced(atlas: Atlas) -> None:
    known_sources = {source.id for source in atlas.sources}
    for line in atlas.lines:
        for step in line.transitions:
            assert step.evidence in EVIDENCE_ORDER, (line.id, step.from_, step.to)
            assert step.sources, (line.id, step.from_, step.to)
            assert set(step.sources) <= known_sources


def test_a_step_no_study_rated_is_not_studied_and_never_wears_the_line_grade(
    atlas: Atlas,
) -> None:
    # The line's rating is said once, on the line; a step carries a grade of its own only where
    # a study rated that very step, and then says so and cites more than the model.
    for line in atlas.lines:
        for step in line.transitions:
            where = (line.id, step.from_, step.to)
            if step.evidence_basis == "line":
                assert step.evidence == "not-studied", where
                # The review rated the line, not this step: it is cited on the line only.
                assert "wilke-2016" not in step.sources, where
            else:
                assert step.note, where
                assert set(step.sources) - {"myers-2020"}, where


#: Steps rated on their own (reference §2.1): the Superficial Back Line's three transitions
#: (plantar fascia to gastrocnemius, gastrocnemius to hamstrings, hamstrings to the erector
#: spinae through the sacrotuberous ligament), the Back and Front Functional Lines' transitions,
#: and the Superficial Front Line's gap, looked for and not found.
RATED_STEPS = {
    "SBL": {
        ("plantar-fascia", "calcaneus"),
        ("calcaneus", "gastrocnemius"),
        ("gastrocnemius", "femoral-condyles"),
        ("femoral-condyles", "hamstrings"),
        ("hamstrings", "ischial-tuberosity"),
        ("ischial-tuberosity", "sacrotuberous-ligament"),
        ("sacrotuberous-ligament", "sacrum"),
        ("sacrum", "erector-spinae"),
    },
    "BFL": {
        ("latissimus-dorsi", "thoracolumbar-fascia"),
        ("thoracolumbar-fascia", "sacrum"),
        ("sacrum", "gluteus-maximus"),
        ("gluteus-maximus", "femoral-shaft"),
        ("femoral-shaft", "vastus-lateralis"),
    },
    "FFL": {
        ("pectoralis-major", "fifth-rib"),
        ("fifth-rib", "rectus-sheath"),
        ("rectus-sheath", "pubic-symphysis"),
        ("pubic-symphysis", "adductor-longus"),
    },
    "SFL": {("aiis", "pubic-tubercle")},
}


def test_only_the_steps_a_study_rated_carry_a_grade_of_their_own(atlas: Atlas) -> None:
    for abbreviation, line in _by_abbreviation(atlas).items():
        rated = {(s.from_, s.to) for s in line.transitions if s.evidence_basis == "transition"}
        assert rated == RATED_STEPS.get(abbreviation, set()), abbreviation
    sbl = {(s.from_, s.to): s for s in _by_abbreviation(atlas)["SBL"].transitions}
    # The two examples: steps the review did not assess must not read "strong".
    assert sbl[("plantar-toes", "plantar-fascia")].evidence == "not-studied"
    assert sbl[("scalp-fascia", "frontal-bone")].evidence == "not-studied"
    assert {sbl[step].evidence for step in RATED_STEPS["SBL"]} == {"strong"}


def test_partly_verified_lines_say_which_part_is_unknown_once(atlas: Atlas) -> None:
    # Wilke et al. 2016 verified 5 of 9 Spiral and 2 of 5 Lateral transitions without this atlas
    # knowing which: every step is "not rated on its own", the line keeps "moderate".
    for abbreviation, verified in (("SPL", "5 of its 9"), ("LL", "2 of its 5")):
        line = _by_abbreviation(atlas)[abbreviation]
        assert line.evidence.grade == "moderate"
        assert verified in line.evidence.summary
        assert {step.evidence_basis for step in line.transitions} == {"line"}
        assert not any("Wilke" in (step.note or "") for step in line.transitions)


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


#: The crossing steps of reference §1.4 and §1.7: the Spiral Line at the upper thoracic spinous
#: processes and at the linea alba, the Back Functional Line at the lumbosacral junction, the
#: Front Functional Line at the pubic symphysis.
CROSSING_STEPS = {
    "SPL": {("splenius", "upper-thoracic-spines"), ("external-oblique", "linea-alba")},
    "BFL": {("thoracolumbar-fascia", "sacrum")},
    "FFL": {("rectus-sheath", "pubic-symphysis")},
}


def test_lines_cross_exactly_where_the_model_puts_the_crossings(atlas: Atlas) -> None:
    lines = _by_abbreviation(atlas)
    for abbreviation, steps in CROSSING_STEPS.items():
        found = {(c.from_, c.to) for c in lines[abbreviation].midline_crossings}
        assert found == steps, abbreviation


def test_left_spiral_line_returns_to_the_left_side_below_the_navel(graph: nx.MultiGraph) -> None:
    nodes = {node for edge in _edges(graph, "spiral-line@left") for node in edge}
    lower = {"asis", "iliotibial-tract", "tibialis-anterior", "fibularis", "biceps-femoris"}
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


def test_lines_carry_the_tracks_myers_names(atlas: Atlas) -> None:
    lines = _by_abbreviation(atlas)
    sbl, dfl, spl = (set(lines[name].stations) for name in ("SBL", "DFL", "SPL"))
    # The soleus as the calf's deep layer and the suboccipitals at the line's functional centre.
    assert {"soleus", "suboccipitals", "gastrocnemius", "erector-spinae"} <= sbl
    assert "quadratus-lumborum" in dfl and "iliopsoas" in dfl
    # The Spiral Line's hamstring track is the biceps femoris alone.
    assert "biceps-femoris" in spl and "hamstrings" not in spl
    steps = {(s.from_, s.to) for s in lines["SPL"].transitions}
    assert {("fibular-head", "biceps-femoris"), ("biceps-femoris", "ischial-tuberosity")} <= steps


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
