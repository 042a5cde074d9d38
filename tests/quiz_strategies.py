"""Strategies for the teaching tests: atlases with every field the quiz and the evidence page read.

:func:`teaching_atlases` starts from :func:`strategies.atlases` and adds what that generator
leaves out: steps a source rated on their own, line grades of every kind, spillover zones,
claims, trigger-point caveats, and an editor's note on every record that takes one. Each note
holds :data:`NOTE_MARK`, so a test can assert that no reader-facing text ever contains it.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from fascialines.atlas import RECORD_COLLECTIONS, Atlas, parse_atlas
from strategies import GRADES, atlases

#: Every editor's note contains this; no question, deck, worksheet or page may.
NOTE_MARK = "EDITORS-ONLY"

# Collections whose records take an ``editor_notes`` field.
_NOTED = RECORD_COLLECTIONS


def with_editor_notes(atlas: Atlas) -> Atlas:
    """The same atlas with a marked editor's note on every record, step and grade."""
    raw = atlas.model_dump(by_alias=True, exclude_none=True)
    count = 0

    def note() -> str:
        nonlocal count
        count += 1
        return f"{NOTE_MARK} note {count}: check this against the source."

    for collection in _NOTED:
        for record in raw.get(collection, []):
            record["editor_notes"] = note()
    for line in raw["lines"]:
        line["evidence"]["editor_notes"] = note()
        for branch in line["branches"]:
            for step in branch["transitions"]:
                step["editor_notes"] = note()
    for region in raw["regions"]:
        if "self_care" in region:
            region["self_care"]["editor_notes"] = note()
    return parse_atlas(json.dumps(raw), source="<with editor notes>")


@st.composite
def teaching_atlases(draw: st.DrawFn) -> Atlas:
    """A random valid atlas with rated steps, spillover zones, claims, caveats and notes."""
    raw: dict[str, Any] = draw(atlases()).model_dump(by_alias=True, exclude_none=True)
    ids = [region["id"] for region in raw["regions"]]
    for line in raw["lines"]:
        line["evidence"]["grade"] = draw(st.sampled_from(GRADES))
        for branch in line["branches"]:
            for step in branch["transitions"]:
                if draw(st.booleans()):
                    step["evidence_basis"] = "transition"
                else:
                    step["evidence_basis"], step["evidence"] = "line", "not-studied"
    for pattern in raw["referral_patterns"]:
        spare = [i for i in ids if i not in pattern["essential"]]
        pattern["spillover"] = draw(st.lists(st.sampled_from(spare), unique=True, max_size=2))
    raw["sources"].append({"id": "s2", "citation": "Another source. 2020.", "year": 2020})
    raw["claims"] = [
        {
            "id": f"claim-{n}",
            "claim": f"Popular claim {n}.",
            "verdict": f"Verdict {n}.",
            "evidence": f"What the evidence says of claim {n}.",
            "sources": ["s2"],
        }
        for n in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    raw["trigger_point_caveats"] = [
        {"id": f"caveat-{n}", "text": f"Caveat {n}.", "sources": ["s1"]}
        for n in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    return with_editor_notes(parse_atlas(json.dumps(raw), source="<teaching hypothesis>"))
