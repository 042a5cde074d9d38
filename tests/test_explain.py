"""Explanations: plain, non-diagnostic client wording; sourced student prose; honest grades."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import parse_atlas
from fascialines.evidence import Evidence
from fascialines.explain import DISCLAIMER, evidence_words, explain_candidate, explain_trace
from fascialines.graph import BodyGraph, build_graph
from fascialines.tracing import Candidate, Trace, trace
from strategies import atlases, trace_requests

# Wording that would turn a teaching model into a diagnosis.
DIAGNOSTIC = re.compile(r"\b(causes?|caused|causing|is the source|diagnos\w*|you have)\b", re.I)


def candidate(result: Trace, region: str) -> Candidate:
    return next(c for c in result.candidates if c.region.id == region)


@pytest.fixture
def headache(mini_graph: BodyGraph) -> Trace:
    return trace(mini_graph, "headache", side="left")


def test_client_wording_is_plain_and_not_diagnostic(mini_graph: BodyGraph) -> None:
    heel = trace(mini_graph, "heel pain", side="left")
    text = explain_candidate(heel, candidate(heel, "calf"), "client")
    assert text.startswith("In the fascial-lines model, the Back Line links your left calf")
    assert "Also, the Deep Line links your left calf with your left heel, one step" in text
    assert "may be linked to your heel pain" in text
    for paragraph in explain_trace(heel, "client"):
        assert not DIAGNOSTIC.search(paragraph), paragraph
        assert "wilke-2016" not in paragraph  # source ids are for nobody


def test_a_grade_is_said_to_rate_tissue_continuity_not_pain(headache: Trace) -> None:
    for audience in ("client", "student"):
        for paragraph in explain_trace(headache, audience):
            if "Line" in paragraph:
                assert "continu" in paragraph  # continuity, continuous
    client = explain_candidate(headache, candidate(headache, "erector-spinae"), "client")
    assert "not proof that pain travels" in client


def test_a_line_level_rating_is_said_once_per_line(mini_raw: dict[str, Any]) -> None:
    # The Back Line from the heel: the first step is rated on its own, the others are not.
    graph = build_graph(parse_atlas(json.dumps(mini_raw)))
    result = trace(graph, "heel pain", side="left", max_hops=4)
    erector = candidate(result, "erector-spinae")
    (path,) = [p for p in erector.paths if p.line == "back-line"]
    assert [s.evidence_basis for s in path.steps].count("line") == 3
    for audience in ("client", "student"):
        text = explain_candidate(result, erector, audience)
        assert text.count("whole line") + text.count("the line's rating") == 1, text


def test_student_wording_is_prose_with_names_and_citations(headache: Trace) -> None:
    text = explain_candidate(headache, candidate(headache, "rhomboids"), "student")
    assert text.startswith(
        "Along the Spiral Line (SL), from the right rhomboids through the upper thoracic "
        "spinous processes, the left splenius capitis to the occipital ridge in three steps"
    )
    assert "[Myers 2020]" in text  # square brackets: a name may end in round ones
    for paragraph in explain_trace(headache, "student"):
        assert "hop" not in paragraph
        assert not re.search(r"\b[a-z]+(-[a-z0-9]+)+\b", paragraph), paragraph  # no ids


def test_trigger_point_wording_is_separate_contested_and_names_the_zone(
    headache: Trace,
) -> None:
    trapezius = candidate(headache, "upper-trapezius")
    client = explain_candidate(headache, trapezius, "client")
    assert "different idea from the fascial lines" in client and "contested" in client
    assert "Lucas et al. 2009" in client  # from the atlas's trigger-point caveats
    student = explain_candidate(headache, trapezius, "student")
    assert "separate and contested mechanism" in student
    assert "solid (essential) to the left temporal region" in student


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_candidate_can_be_explained_in_both_wordings(data: st.DataObject) -> None:
    graph = build_graph(data.draw(atlases()))
    result = trace(graph, **data.draw(trace_requests(graph.atlas)))
    for audience in ("client", "student"):
        for paragraph, found in zip(
            explain_trace(result, audience), result.candidates, strict=True
        ):
            assert paragraph, found
            assert not DIAGNOSTIC.search(paragraph)


def test_evidence_words_differ_for_every_grade_and_say_what_they_rate() -> None:
    words = [evidence_words(grade.value) for grade in Evidence]
    assert len(set(words)) == len(words)
    assert all("dissection" in w or "model" in w for w in words)
    assert evidence_words("") != evidence_words("not-studied")
    with pytest.raises(ValueError, match="unknown evidence grade"):
        evidence_words("great")


def test_unknown_audience(headache: Trace) -> None:
    with pytest.raises(ValueError, match="unknown audience"):
        explain_candidate(headache, headache.candidates[0], "patient")  # type: ignore[arg-type]


def test_disclaimer_says_education_not_diagnosis() -> None:
    assert "education, not diagnosis" in DISCLAIMER
    assert "health professional" in DISCLAIMER
    assert "red flag" in DISCLAIMER
