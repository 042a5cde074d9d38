"""hypothesis strategies shared by the property tests: random valid atlases and trace requests.

Generated atlases have the shapes that make a search hard: lines with a second branch that
starts on the first and may rejoin it (a loop), midline crossings, midline and paired regions,
every kind of region (stations and areas are waypoints, tracks and muscles candidates), and
trigger-point patterns with essential and spillover zones.
"""

from __future__ import annotations

import copy
import json
from itertools import pairwise
from typing import Any

from hypothesis import strategies as st

from fascialines.atlas import Atlas, parse_atlas
from fascialines.evidence import Evidence

GRADES = [grade.value for grade in Evidence]
KINDS = ["station", "track", "muscle", "area"]


def _region(index: int, midline: bool, kind: str) -> dict[str, Any]:
    return {
        "id": f"r{index}",
        "name": f"Region {index}",
        "kind": kind,
        "laterality": "midline" if midline else "paired",
        "body_area": "trunk",
        "front": {"x": 0.0 if midline else 5.0, "y": 50.0},
    }


def _step(start: str, end: str, grade: str) -> dict[str, Any]:
    return {"from": start, "to": end, "evidence": grade, "sources": ["s1"]}


@st.composite
def raw_atlases(draw: st.DrawFn, max_regions: int = 9) -> dict[str, Any]:
    """The JSON of a small valid atlas (see the module docstring)."""
    count = draw(st.integers(min_value=3, max_value=max_regions))
    midline = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=count, max_size=count))
    regions = [_region(i, midline[i], kinds[i]) for i in range(count)]
    ids = [region["id"] for region in regions]
    lines = []
    for number in range(draw(st.integers(min_value=1, max_value=3))):
        chain = draw(st.permutations(ids))[: draw(st.integers(min_value=2, max_value=count))]
        main = [_step(a, b, draw(st.sampled_from(GRADES))) for a, b in pairwise(chain)]
        branches = [{"id": "main", "name": "Main", "transitions": main}]
        taken = {frozenset(pair) for pair in pairwise(chain)}
        if draw(st.booleans()):
            start = draw(st.sampled_from(chain))
            rest = [i for i in draw(st.permutations(ids)) if i != start]
            branch = [start]
            # A second branch may rejoin the first (a loop) but never repeats one of its steps.
            for region in rest[: draw(st.integers(min_value=1, max_value=len(rest)))]:
                if frozenset((branch[-1], region)) in taken:
                    break
                branch.append(region)
            if len(branch) > 1:
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
    patterns = []
    for number in range(draw(st.integers(min_value=0, max_value=4))):
        # Never every region: a caller may add spillover zones from the regions left over.
        zones = draw(
            st.lists(st.sampled_from(ids), min_size=1, max_size=min(4, count - 1), unique=True)
        )
        cut = draw(st.integers(min_value=1, max_value=len(zones)))
        patterns.append(
            {
                "id": f"pattern-{number}",
                "muscle": draw(st.sampled_from(ids)),
                "essential": zones[:cut],
                "spillover": zones[cut:],
                "description": "A random pattern.",
                "sources": ["s1"],
            }
        )
    return {
        "schema_version": 2,
        "regions": regions,
        "lines": lines,
        "referral_patterns": patterns,
        "symptoms": symptoms,
        "sources": [{"id": "s1", "citation": "A source."}],
    }


def parse(raw: dict[str, Any]) -> Atlas:
    return parse_atlas(json.dumps(raw), source="<hypothesis>")


def atlases(max_regions: int = 9) -> st.SearchStrategy[Atlas]:
    """A small valid atlas (see :func:`raw_atlases`)."""
    return raw_atlases(max_regions).map(parse)


def reversed_lines(raw: dict[str, Any]) -> dict[str, Any]:
    """The same anatomy with every line's first branch written from its other end.

    A later branch still starts on a region of the first, and no step is shared between
    branches (see :func:`raw_atlases`), so each crossing belongs to exactly one branch.
    """
    raw = copy.deepcopy(raw)
    for line in raw["lines"]:
        main = line["branches"][0]
        written = {(t["from"], t["to"]) for t in main["transitions"]}
        main["transitions"] = [
            {**t, "from": t["to"], "to": t["from"]} for t in reversed(main["transitions"])
        ]
        line["midline_crossings"] = [
            {**c, "from": c["to"], "to": c["from"]} if (c["from"], c["to"]) in written else c
            for c in line["midline_crossings"]
        ]
    return raw


@st.composite
def trace_requests(draw: st.DrawFn, atlas: Atlas, max_hops: int = 6) -> dict[str, Any]:
    """Keyword arguments for :func:`fascialines.tracing.trace` on ``atlas``."""
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
