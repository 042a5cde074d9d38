"""Explanations: plain, non-diagnostic client wording; precise, sourced student wording."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from fascialines.trace import Candidate, Trace, trace, trace_from

from fascialines.atlas import EVIDENCE_ORDER
from fascialines.explain import DISCLAIMER, evidence_words, explain_candidate, explain_trace

# Wording that would turn a teaching model into a diagnosis.
DIAGNOSTIC = re.compile(r"\b(causes?|caused|causing|is the source|diagnos\w*|you have)\b", re.I)


def candidate(result: Trace, region: str) -> Candidate:
    return next(c for c in result.candidates if c.region.id == region)


@pytest.fixture
def headache(mini_graph: nx.MultiGraph) -> Trace:
    return trace(mini_graph, "headache", side="left")


def test_client_wording_is_plain_and_not_diagnostic(
    mini_graph: nx.MultiGraph, headache: Trace
) -> None:
    heel = trace(mini_graph, "heel pain", side="left")
    text = explain_candidate(heel, candidate(heel, "calf"), "client")
    assert "your left calf" in text  # the region's plain_name
    assert "your left heel" in text
    assert text.startswith("In the fascial-lines model, the Back Line links your left calf")
    assert "Also, the Deep Line links your left calf with your left heel, 1 step along" in text
    assert "may be linked to your heel pain" in text
    assert evidence_words("strong") in text
    assert evidence_words("not-studied") in text
    # The Deep Line's grade is carried down from the line; the Back Line's step is rated itself.
    assert text.count("a rating of the whole line rather than of this link") == 1
    for paragraph in explain_trace(heel, "client") + explain_trace(headache, "client"):
        assert not DIAGNOSTIC.search(paragraph), paragraph
        assert "wilke-2016" not in paragraph  # source ids are for students


def test_client_wording_falls_back_to_the_anatomical_name(headache: Trace) -> None:
    text = explain_candidate(headache, candidate(headache, "splenius"), "client")
    # No plain_name in the fixture; a phrase of several words takes the side after it.
    assert "the splenius capitis on your left side" in text
    assert "your occipital ridge" in text  # midline: no side


def test_trigger_point_route_is_marked_separate_and_contested(headache: Trace) -> None:
    text = explain_candidate(headache, candidate(headache, "upper-trapezius"), "client")
    assert "the top of the shoulder on your left side" in text
    assert "your left temple" in text
    assert "different idea from the fascial lines" in text
    assert "contested" in text
    assert "Lucas 2009" in text  # from the atlas's trigger-point caveats
    student = explain_candidate(headache, candidate(headache, "upper-trapezius"), "student")
    assert "separate, contested mechanism" in student
    assert "upper-trapezius-to-temple" in student
    assert "Finding trigger points by touch is unreliable. [lucas-2009]" in student


def test_student_wording_has_names_grades_basis_and_sources(headache: Trace) -> None:
    text = explain_candidate(headache, candidate(headache, "calf"), "student")
    assert text == (
        "Back Line (BL): Gastrocnemius (left) → Hamstrings (left) → Sacrum (midline) → "
        "Erector spinae (left) → Occipital ridge (midline); 4 hops, weakest grade moderate "
        "(line-level rating only); sources: wilke-2016."
    )


def test_student_wording_says_when_steps_are_rated_one_by_one(mini_graph: nx.MultiGraph) -> None:
    heel = trace(mini_graph, "heel pain", side="left")
    calf = explain_candidate(heel, candidate(heel, "calf"), "student")
    assert "weakest grade strong (rated per transition)" in calf
    hamstrings = explain_candidate(heel, candidate(heel, "hamstrings"), "student")
    assert "line-level rating only for 1 of 2 transitions" in hamstrings


def test_explain_trace_follows_the_ranking(headache: Trace) -> None:
    paragraphs = explain_trace(headache, "student")
    assert len(paragraphs) == len(headache.candidates)
    assert paragraphs[0].startswith("Back Line (BL): Erector spinae (left)")


def test_evidence_words_are_distinct_for_every_grade() -> None:
    words = [evidence_words(grade) for grade in EVIDENCE_ORDER]
    assert len(set(words)) == len(words)
    assert "not studied" in evidence_words("not-studied")
    assert "studied and not found" in evidence_words("not-found")
    with pytest.raises(ValueError, match="unknown evidence grade"):
        evidence_words("excellent")


def test_unknown_audience(headache: Trace) -> None:
    with pytest.raises(ValueError, match="client or student"):
        explain_candidate(headache, headache.candidates[0], "doctor")  # type: ignore[arg-type]


def test_disclaimer_says_education_not_diagnosis() -> None:
    assert "education, not diagnosis" in DISCLAIMER
    assert "health professional" in DISCLAIMER
    assert "red flag" in DISCLAIMER


def test_a_trace_from_clicked_regions_speaks_of_what_you_feel(mini_graph: nx.MultiGraph) -> None:
    result = trace_from(mini_graph, [("rhomboids", "right")])
    (first, *_) = explain_trace(result, "client")
    assert first.endswith(
        "Tension in your upper thoracic spinous processes may be linked to what you feel; "
        "this is one possibility to explore, not a finding."
    )
