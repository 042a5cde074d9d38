"""What is wrong with an atlas file: problems with their JSON paths, and the cross-reference checks.

The checks run on the raw JSON, not on the typed models, so that an unknown region and a field of
the wrong type are reported together, in one pass, however broken the file is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["RECORD_COLLECTIONS", "AtlasError", "AtlasProblem", "reference_problems"]


@dataclass(frozen=True)
class AtlasProblem:
    """One thing wrong with an atlas file: where (a JSON path such as ``$.lines[2].id``) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class AtlasError(ValueError):
    """An atlas could not be loaded; ``problems`` lists every problem found, not just the first."""

    def __init__(self, source: str, problems: Iterable[AtlasProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{source}: {count} problem{'s' if count != 1 else ''}\n{lines}")


# Cross-reference checks run on the raw JSON, so they are reported together with type errors
# instead of waiting for a fully typed model. Anything malformed is skipped here: the type
# check already reports it.


def _items(raw: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ids(raw: Any, key: str) -> set[str]:
    return {item["id"] for _, item in _items(raw, key) if isinstance(item.get("id"), str)}


#: The atlas's lists of records with an ``id`` (and ``editor_notes``), in file order.
RECORD_COLLECTIONS: tuple[str, ...] = (
    "regions",
    "lines",
    "referral_patterns",
    "trigger_point_caveats",
    "symptoms",
    "red_flags",
    "contraindications",
    "endangerment_sites",
    "claims",
    "sources",
)


def reference_problems(raw: Any) -> Iterator[AtlasProblem]:
    """Duplicate ids, unknown references and lines whose transitions do not chain, in ``raw``."""
    if not isinstance(raw, dict):
        return
    for key in RECORD_COLLECTIONS:
        # Only text ids are counted: an id that is a list or an object is a type problem.
        counts = Counter(
            item["id"] for _, item in _items(raw, key) if isinstance(item.get("id"), str)
        )
        for index, item in _items(raw, key):
            if isinstance(item.get("id"), str) and counts[item["id"]] > 1:
                yield AtlasProblem(f"$.{key}[{index}].id", f"duplicate id {item['id']!r}")

    regions, sources = _ids(raw, "regions"), _ids(raw, "sources")
    red_flags = _ids(raw, "red_flags")

    def known(value: Any, ids: set[str], what: str, path: str) -> Iterator[AtlasProblem]:
        if isinstance(value, str) and value not in ids:
            yield AtlasProblem(path, f"unknown {what} {value!r}")

    def known_all(values: Any, ids: set[str], what: str, path: str) -> Iterator[AtlasProblem]:
        if isinstance(values, list):
            for i, value in enumerate(values):
                yield from known(value, ids, what, f"{path}[{i}]")

    for key in (
        "lines",
        "referral_patterns",
        "trigger_point_caveats",
        "red_flags",
        "contraindications",
        "endangerment_sites",
        "claims",
    ):
        for index, item in _items(raw, key):
            yield from known_all(
                item.get("sources"), sources, "source", f"$.{key}[{index}].sources"
            )

    for index, region in _items(raw, "regions"):
        base = f"$.regions[{index}]"
        care = region.get("self_care")
        if care is not None and region.get("not_for_self_treatment") is not None:
            yield AtlasProblem(
                f"{base}.not_for_self_treatment",
                "a region has either self_care or not_for_self_treatment, not both",
            )
        if isinstance(care, dict):
            yield from known_all(
                care.get("sources"), sources, "source", f"{base}.self_care.sources"
            )
        if region.get("laterality") == "midline":
            for view in ("front", "back"):
                point = region.get(view)
                if isinstance(point, dict) and point.get("x") not in (0, 0.0, None):
                    yield AtlasProblem(f"{base}.{view}.x", "a midline region must have x = 0")

    for index, line in _items(raw, "lines"):
        yield from _line_problems(line, f"$.lines[{index}]", regions, sources)

    for index, pattern in _items(raw, "referral_patterns"):
        base = f"$.referral_patterns[{index}]"
        yield from known(pattern.get("muscle"), regions, "region", f"{base}.muscle")
        for zone in ("essential", "spillover"):
            yield from known_all(pattern.get(zone), regions, "region", f"{base}.{zone}")
        essential, spillover = pattern.get("essential"), pattern.get("spillover")
        if isinstance(essential, list) and isinstance(spillover, list):
            for i, area in enumerate(spillover):
                if isinstance(area, str) and area in essential:
                    yield AtlasProblem(
                        f"{base}.spillover[{i}]",
                        f"{area!r} is already an essential zone of this pattern",
                    )

    for index, symptom in _items(raw, "symptoms"):
        base = f"$.symptoms[{index}]"
        yield from known_all(symptom.get("felt_at"), regions, "region", f"{base}.felt_at")
        yield from known_all(symptom.get("red_flags"), red_flags, "red flag", f"{base}.red_flags")
        notes, aliases = symptom.get("alias_notes"), symptom.get("aliases")
        if isinstance(notes, dict) and isinstance(aliases, list):
            for alias in notes:
                if alias not in aliases:
                    yield AtlasProblem(
                        f"{base}.alias_notes", f"{alias!r} is not one of this symptom's aliases"
                    )

    for index, site in _items(raw, "endangerment_sites"):
        yield from known_all(
            site.get("regions"), regions, "region", f"$.endangerment_sites[{index}].regions"
        )


def _line_problems(
    line: dict[str, Any], base: str, regions: set[str], sources: set[str]
) -> Iterator[AtlasProblem]:
    evidence = line.get("evidence")
    if isinstance(evidence, dict) and isinstance(evidence.get("sources"), list):
        for i, source in enumerate(evidence["sources"]):
            if isinstance(source, str) and source not in sources:
                yield AtlasProblem(f"{base}.evidence.sources[{i}]", f"unknown source {source!r}")

    on_line: set[str] = set()
    steps: set[tuple[str, str]] = set()
    branches = line.get("branches")
    for b, branch in enumerate(branches if isinstance(branches, list) else []):
        if not isinstance(branch, dict) or not isinstance(branch.get("transitions"), list):
            continue
        previous_to: str | None = None
        for t, step in enumerate(branch["transitions"]):
            if not isinstance(step, dict):
                continue
            path = f"{base}.branches[{b}].transitions[{t}]"
            start, end = step.get("from"), step.get("to")
            for field, value in (("from", start), ("to", end)):
                if isinstance(value, str) and value not in regions:
                    yield AtlasProblem(f"{path}.{field}", f"unknown region {value!r}")
            step_sources = step.get("sources")
            for i, source in enumerate(step_sources if isinstance(step_sources, list) else []):
                if isinstance(source, str) and source not in sources:
                    yield AtlasProblem(f"{path}.sources[{i}]", f"unknown source {source!r}")
            if start == end and isinstance(start, str):
                yield AtlasProblem(
                    path, f"a transition must join two regions, not {start!r} to itself"
                )
            if t == 0 and b > 0 and isinstance(start, str) and start not in on_line:
                yield AtlasProblem(
                    f"{path}.from",
                    f"branch starts at {start!r}, which no earlier branch of this line reaches",
                )
            if t > 0 and previous_to is not None and start != previous_to:
                yield AtlasProblem(
                    f"{path}.from",
                    f"transitions do not chain: the previous one ends at {previous_to!r}, "
                    f"this one starts at {start!r}",
                )
            previous_to = end if isinstance(end, str) else None
            if isinstance(start, str) and isinstance(end, str):
                on_line.update((start, end))
                steps.add((start, end))

    crossings = line.get("midline_crossings")
    for c, crossing in enumerate(crossings if isinstance(crossings, list) else []):
        if not isinstance(crossing, dict):
            continue
        pair = (crossing.get("from"), crossing.get("to"))
        if all(isinstance(value, str) for value in pair) and pair not in steps:
            yield AtlasProblem(
                f"{base}.midline_crossings[{c}]",
                f"no transition of this line runs from {pair[0]!r} to {pair[1]!r}",
            )
