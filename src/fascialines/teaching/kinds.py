"""The six kinds of quiz question, each a pool of things to ask and a way to ask one.

Every kind reads the atlas models only (names, routes, crossings, patterns, grades and the
reader texts: summaries, notes and descriptions), never an ``editor_notes`` field. A kind's
``pool`` lists, in a fixed order, the facts it can ask about where the atlas gives exactly one
right answer; its ``ask`` turns one of them into a :class:`~fascialines.teaching.drafting.Draft`:
the question, the right choice and wrong choices that the atlas shows to be wrong. Ambiguous
facts (a step two lines share, a region a line passes on both sides) are left out of the pool
rather than asked.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import permutations

from fascialines.atlas import Line
from fascialines.teaching.drafting import (
    MAX_CHOICES,
    Draft,
    Facts,
    Kind,
    line_label,
    pick_wrong,
    unique,
)
from fascialines.teaching.drafting import region_name as _name
from fascialines.teaching.grades import GRADE_LABELS, grade_phrase, grades_strongest_first
from fascialines.teaching.sides import OTHER_SIDE, StartSide, line_visits

__all__ = ["KINDS"]

SIDES: tuple[StartSide, StartSide] = ("left", "right")


# Which line joins two regions --------------------------------------------------------------


def _joins_pool(facts: Facts) -> list[Hashable]:
    keys: list[Hashable] = [
        (line.id, t.from_, t.to)
        for line in facts.atlas.lines
        for t in line.transitions
        if facts.pair_lines[frozenset((t.from_, t.to))] == [line.id]
    ]
    return list(dict.fromkeys(keys))


def _joins_ask(facts: Facts, key: tuple[str, str, str], rng: random.Random) -> Draft | None:
    line_id, start, end = key
    line = facts.atlas.line(line_id)
    step = next(t for t in line.transitions if (t.from_, t.to) == (start, end))
    right = (line_label(line), line.id)
    others = [(line_label(o), o.id) for o in facts.atlas.lines if o.id != line.id]
    wrong = pick_wrong(rng, right, others, MAX_CHOICES - 1)
    if not wrong:
        return None
    return Draft(
        kind="line-joins",
        text=f"Which line runs directly from {_name(facts, start)} to {_name(facts, end)}, "
        "in one step?",
        right=right,
        wrong=wrong,
        explanation=f"The {line.name} passes from {_name(facts, start)} to "
        f"{_name(facts, end)} in one step; no other line of the atlas joins them directly.",
        sources=unique(step.sources),
        line=line.id,
        regions=(start, end),
        detail=step.note,
    )


# Where pain felt in an area may come from ----------------------------------------------------


def _source_pool(facts: Facts) -> list[Hashable]:
    # One question per area: which of its sources is the right choice is drawn when asked.
    return [*sorted(facts.felt_links())]


def _source_ask(facts: Facts, key: str, rng: random.Random) -> Draft | None:
    area = key
    mechanism, source, ref = rng.choice(facts.links_to(area))
    line_id: str | None
    pattern_id: str | None
    detail: str | None
    atlas = facts.atlas
    linked = facts.sources_of(area)
    abbreviations = [line.abbreviation for line in atlas.lines]

    def how(kind: str, abbreviation: str) -> str:
        return "by trigger-point referral" if kind == "trigger" else f"along the {abbreviation}"

    if mechanism == "trigger":
        pattern = next(p for p in atlas.referral_patterns if p.id == ref)
        right = (f"{_name(facts, source)}, {how('trigger', '')}", source)
        zone = pattern.zone(area)
        explanation = (
            f"A trigger point in {_name(facts, source)} may refer pain to "
            f"{_name(facts, area)}, one of its {zone} zones; trigger points are a separate, "
            "contested explanation, not an established mechanism."
        )
        sources, line_id, pattern_id, detail = (
            pattern.sources,
            None,
            pattern.id,
            pattern.description,
        )
    else:
        line = atlas.line(ref)
        step = next(t for t in line.transitions if {t.from_, t.to} == {area, source})
        right = (f"{_name(facts, source)}, {how('line', line.abbreviation)}", source)
        rated = (
            f"a step rated {grade_phrase(step.evidence)}"
            if step.evidence_basis == "transition"
            else "a step not rated on its own, on a line rated as a whole "
            f"{grade_phrase(line.evidence.grade)}"
        )
        explanation = (
            f"{_name(facts, source)} is one step from {_name(facts, area)} along the "
            f"{line.name}, {rated}."
        )
        sources, line_id, pattern_id, detail = step.sources, line.id, None, step.note
    # A wrong choice shares no line with the area and sends it no trigger-point pain, so no
    # reading of "may come from" (any number of steps, any line) makes it right.
    unlinked = [region for region in atlas.regions if region.id not in linked]
    picked = rng.sample(unlinked, min(len(unlinked), 2 * MAX_CHOICES))
    kinds = ("trigger", "line")
    others = [
        (f"{region.name}, {how(rng.choice(kinds), rng.choice(abbreviations))}", region.id)
        for region in picked
    ]
    wrong = pick_wrong(rng, right, others, MAX_CHOICES - 1)
    if not wrong:
        return None
    return Draft(
        kind="pain-source",
        text=f"Pain is felt at {_name(facts, area)}. Which of these does the atlas name as a "
        "possible source, and how (one step along a line, or by trigger-point referral)?",
        right=right,
        wrong=wrong,
        explanation=explanation,
        sources=unique(sources),
        line=line_id,
        regions=(area, source),
        pattern=pattern_id,
        detail=detail,
    )


# Put a line's stations in order --------------------------------------------------------------


def _windows(line: Line, size: int) -> list[tuple[str, ...]]:
    out = []
    for branch in line.branches:
        stations = branch.stations
        for i in range(len(stations) - size + 1):
            window = tuple(stations[i : i + size])
            if len(set(window)) == size:
                out.append(window)
    return out


def _order_pool(facts: Facts) -> list[Hashable]:
    keys: list[Hashable] = []
    for line in facts.atlas.lines:
        for branch in line.branches:
            stations = branch.stations
            keys += [
                (line.id, branch.id, i, size)
                for size in (3, 4)
                for i in range(len(stations) - size + 1)
                if len(set(stations[i : i + size])) == size
            ]
    return keys


def _order_ask(facts: Facts, key: tuple[str, str, int, int], rng: random.Random) -> Draft | None:
    line_id, branch_id, start, size = key
    line = facts.atlas.line(line_id)
    branch = next(b for b in line.branches if b.id == branch_id)
    window = tuple(branch.stations[start : start + size])
    # Any stretch of the line that lists the same regions counts as right, and so does the
    # reverse: the lines run both ways, so neither may be offered as a wrong order.
    listed = {w for w in _windows(line, size) if set(w) == set(window)}
    excluded = listed | {tuple(reversed(w)) for w in listed}

    def words(order: Sequence[str]) -> str:
        return " → ".join(_name(facts, region) for region in order)

    right = (words(window), ",".join(window))
    others = [(words(p), ",".join(p)) for p in permutations(window) if p not in excluded]
    wrong = pick_wrong(rng, right, others, MAX_CHOICES - 1)
    if not wrong:
        return None
    steps = branch.transitions[start : start + size - 1]
    names = sorted(_name(facts, region) for region in window)
    named = ", ".join(names[:-1]) + f" and {names[-1]}"
    return Draft(
        kind="station-order",
        text=f"Along the {line.name} ({branch.name}), in which order does the line pass "
        f"{named}, going the way the atlas lists it from {_name(facts, branch.stations[0])}?",
        right=right,
        wrong=wrong,
        explanation=f"The {line.name} lists them in this order: {words(window)}.",
        sources=unique([s for step in steps for s in step.sources]),
        line=line.id,
        regions=window,
        detail=line.summary,
    )


# Which line is drawn on the body -------------------------------------------------------------


def _drawn_pool(facts: Facts) -> list[Hashable]:
    # Only a line whose steps no other line repeats exactly can be told from its drawing.
    drawings = Counter(facts.line_pairs.values())
    return [line.id for line in facts.atlas.lines if drawings[facts.line_pairs[line.id]] == 1]


def _drawn_ask(facts: Facts, key: str, rng: random.Random) -> Draft | None:
    line = facts.atlas.line(key)
    right = (line_label(line), line.id)
    others = [(line_label(o), o.id) for o in facts.atlas.lines if o.id != line.id]
    wrong = pick_wrong(rng, right, others, MAX_CHOICES - 1)
    if not wrong:
        return None
    # Branch by branch, so the words fix the drawing: two lines with the same stations but
    # different steps read differently.
    route = "; and ".join(
        " → ".join(_name(facts, region) for region in branch.stations) for branch in line.branches
    )
    return Draft(
        kind="drawn-line",
        text=f"The line drawn on the body runs through {route}. Which line is it?",
        beside_drawing="Which line is drawn on the body?",
        right=right,
        wrong=wrong,
        explanation=f"These are the stations of the {line.name}, rated as a whole line "
        f"{grade_phrase(line.evidence.grade)}.",
        sources=unique(line.evidence.sources),
        line=line.id,
        regions=tuple(line.stations),
        detail=line.summary,
    )


# After a midline crossing, which side is the line on ------------------------------------------


def _side_pool(facts: Facts) -> list[Hashable]:
    keys: list[Hashable] = []
    for line in facts.atlas.lines:
        if not line.midline_crossings:
            continue
        if facts.atlas.region(line.branches[0].transitions[0].from_).laterality == "midline":
            continue  # "starts on the left" means nothing for a midline first station
        for start in SIDES:
            visits = line_visits(facts.atlas, line, start)
            sides: dict[str, set[str]] = {}
            for v in visits:
                sides.setdefault(v.region, set()).add(v.side)
            asked = {
                v.region
                for v in visits
                if v.crossings and v.side != "midline" and len(sides[v.region]) == 1
            }
            keys += [(line.id, start, region) for region in sorted(asked)]
    return keys


def _side_ask(facts: Facts, key: tuple[str, StartSide, str], rng: random.Random) -> Draft | None:
    line_id, start, region = key
    line = facts.atlas.line(line_id)
    visits = line_visits(facts.atlas, line, start)
    visit = next(v for v in visits if v.region == region and v.crossings)
    first = line.branches[0].transitions[0].from_
    crossings = "; ".join(
        f"between {_name(facts, c.from_)} and {_name(facts, c.to)}" for c in line.midline_crossings
    )
    crossing_steps = {(c.from_, c.to) for c in line.midline_crossings}
    steps = [t for t in line.transitions if (t.from_, t.to) in crossing_steps]
    plural = "s" if visit.crossings != 1 else ""
    right = (visit.side, visit.side)
    wrong = ((OTHER_SIDE[visit.side], OTHER_SIDE[visit.side]),)
    return Draft(
        kind="side-after-crossing",
        order=("left", "right"),
        text=f"Follow the {line.name} from the {start} {_name(facts, first)}. It crosses the "
        f"midline {crossings}. On which side of the body is it at {_name(facts, region)}?",
        right=right,
        wrong=wrong,
        explanation=f"Each crossing swaps the side: after {visit.crossings} crossing{plural}, "
        f"the copy of the line that began on the {start} is on the {visit.side} at "
        f"{_name(facts, region)}.",
        sources=unique([s for step in steps for s in step.sources]),
        line=line.id,
        regions=(first, region),
        side=start,
        detail="; ".join(c.description for c in line.midline_crossings),
    )


# How well studied is this link ---------------------------------------------------------------


def _grade_pool(facts: Facts) -> list[Hashable]:
    keys: list[Hashable] = [(line.id, None, None) for line in facts.atlas.lines]
    for line in facts.atlas.lines:
        # A step listed twice on one line is asked about only if both listings agree.
        listed: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for t in line.transitions:
            listed.setdefault((t.from_, t.to), set()).add((t.evidence_basis, t.evidence))
        keys += [
            (line.id, start, end)
            for (start, end), ratings in listed.items()
            if len(ratings) == 1 and next(iter(ratings))[0] == "transition"
        ]
    return keys


def _grade_ask(
    facts: Facts, key: tuple[str, str | None, str | None], rng: random.Random
) -> Draft | None:
    line_id, start, end = key
    line = facts.atlas.line(line_id)
    scale = [(GRADE_LABELS[g], g) for g in grades_strongest_first()]
    regions: tuple[str, ...] = ()
    detail: str | None
    if start is None or end is None:
        grade, sources = line.evidence.grade, line.evidence.sources
        text = f"How well studied is the {line.name} as a whole line?"
        explanation = f"The {line.name} as a whole is rated {grade_phrase(grade)}."
        detail = line.evidence.summary
    else:
        step = next(t for t in line.transitions if (t.from_, t.to) == (start, end))
        grade, sources, regions = step.evidence, step.sources, (start, end)
        where = f"{_name(facts, start)} to {_name(facts, end)}"
        text = f"How well studied is the step from {where} on the {line.name}, rated on its own?"
        explanation = f"A source rated this very step {grade_phrase(grade)}."
        detail = step.note
    right = (GRADE_LABELS[grade], grade)
    return Draft(
        kind="link-evidence",
        order=tuple(grades_strongest_first()),
        text=text,
        right=right,
        wrong=tuple(option for option in scale if option[1] != grade),
        explanation=explanation,
        sources=unique(sources),
        line=line.id,
        regions=regions,
        detail=detail,
    )


#: Every kind, by name, in a fixed order.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("line-joins", _joins_pool, _joins_ask),
        Kind("pain-source", _source_pool, _source_ask),
        Kind("station-order", _order_pool, _order_ask),
        Kind("drawn-line", _drawn_pool, _drawn_ask),
        Kind("side-after-crossing", _side_pool, _side_ask),
        Kind("link-evidence", _grade_pool, _grade_ask),
    )
}
