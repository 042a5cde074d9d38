"""hypothesis strategies shared by the property tests: random valid atlases and trace requests."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

from fascialines.atlas import EVIDENCE_ORDER, Atlas, parse_atlas

GRADES = sorted(EVIDENCE_ORDER)


def _region(index: int, midline: bool) -> dict[str, Any]:
    return {
        "id": f"r{index}",
        "name": f"Region {index}",
        "kind": "track",
        "laterality": "midline" if midline else "paired",
        "body_area": "trunk",
        "front": {"x": 0.0 if midline else 5.0, "y": 50.0},
    }


def _step(start: str, end: str, grade: str) -> dict[str, Any]:
    return {"from": start, "to": end, "evidence": grade, "sources": ["s1"]}


@st.composite
def atlases(draw: st.DrawFn, max_regions: int = 9) -> Atlas:
    """A small valid atlas: random regions, lines with branches and crossings, symptoms, patterns.

    Chains use distinct regions within a branch; a second branch starts from a region the first
    reaches and may rejoin it, so lines can form loops.
    """
    count = draw(st.integers(min_value=3, max_value=max_regions))
    midline = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    regions = [_region(i, midline[i]) for i in range(count)]
    ids = [region["id"] for region in regions]
    lines = []
    for number in range(draw(st.integers(min_value=1, max_value=3))):
        chain = draw(st.permutations(ids))[: draw(st.integers(min_value=2, max_value=count))]
        branches = [
            {
                "id": "main",
                "name": "Main",
                "transitions": [
                    _step(a, b, draw(st.sampled_from(GRADES))) for a, b in pairwise(chain)
                ],
            }
        ]
        if draw(st.booleans()):
            start = draw(st.sampled_from(chain))
            rest = [i for i in draw(st.permutations(ids)) if i != start]
            rest = rest[: draw(st.integers(min_value=1, max_value=len(rest)))]
            branch = [start, *rest]
            branches.append(
                {
                    "id": "branch",
                    "name": "Branch",
                    "transitions": [
                        _step(a, b, draw(st.sampled_from(GRADES))) for a, b in pairwise(branch)
                    ],
                }
            )
        steps = [(t["from"], t["to"]) for b in branches for t in b["transitions"]]
        crossings = draw(st.lists(st.sampled_from(steps), unique=True, max_size=2))
        lines.append(
            {
                "id": f"line-{number}",
                "abbreviation": "L" + "ABC"[number],
                "name": f"Line {number}",
                "colour": "#000000",
                "summary": "A random line.",
                "evidence": {"grade": "limited", "summary": "Random.", "sources": ["s1"]},
                "branches": branches,
                "midline_crossings": [
                    {"from": a, "to": b, "description": "crosses"} for a, b in crossings
                ],
            }
        )
    symptoms = [
        {
            "id": f"symptom-{number}",
            "name": f"Symptom {number}",
            "felt_at": draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True)),
        }
        for number in range(draw(st.integers(min_value=1, max_value=3)))
    ]
    patterns = [
        {
            "id": f"pattern-{number}",
            "muscle": draw(st.sampled_from(ids)),
            "essential": draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True)),
            "description": "A random pattern.",
            "sources": ["s1"],
        }
        for number in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    raw = {
        "schema_version": 2,
        "regions": regions,
        "lines": lines,
        "referral_patterns": patterns,
        "symptoms": symptoms,
        "sources": [{"id": "s1", "citation": "A source."}],
    }
    return parse_atlas(json.dumps(raw), source="<hypothesis>")


@st.composite
def trace_requests(draw: st.DrawFn, atlas: Atlas, max_hops: int = 6) -> dict[str, Any]:
    """Keyword arguments for :func:`fascialines.trace.trace` on ``atlas``."""
    symptom = draw(st.sampled_from(atlas.symptoms))
    names = [line.id for line in atlas.lines] + [line.abbreviation for line in atlas.lines]
    return {
        "symptom": draw(st.sampled_from([symptom.id, symptom.name.upper(), *symptom.aliases])),
        "side": draw(st.sampled_from(["left", "right", "both"])),
        "max_hops": draw(st.integers(min_value=1, max_value=max_hops)),
        "lines": draw(st.none() | st.lists(st.sampled_from(names), min_size=1, max_size=3)),
        "min_evidence": draw(st.sampled_from(GRADES)),
    }


#: Colours as the palette and the atlas write them: ``#rrggbb``.
hex_colours = st.tuples(*[st.integers(0, 255)] * 3).map(lambda c: "#{:02x}{:02x}{:02x}".format(*c))

#: Points on a chart, in percent of standing height.
chart_points = st.tuples(
    st.floats(-30.0, 30.0, allow_nan=False), st.floats(0.0, 100.0, allow_nan=False)
)
