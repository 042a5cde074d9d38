"""What a quiz question is made of: a draft, the atlas's indexes, and the choice helpers.

A :class:`Kind` of question (see :mod:`fascialines.teaching.kinds`) lists from :class:`Facts`
what it can ask, and turns one of those into a :class:`Draft`; :mod:`fascialines.teaching.quiz`
letters and shuffles the draft's choices into a question.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fascialines.atlas import Atlas, Line, ReferralPattern

__all__ = [
    "MAX_CHOICES",
    "Draft",
    "Facts",
    "Kind",
    "line_label",
    "pick_wrong",
    "region_name",
    "unique",
]

#: Most choices a question offers (the grade scale offers all of its grades).
MAX_CHOICES = 4


@dataclass(frozen=True)
class Draft:
    """A question before its choices are shuffled and lettered.

    ``right`` and each of ``wrong`` are ``(text, value)``: the words a student reads and the id
    the answer stands for (a line id, a region id, a grade, a side, or region ids joined by
    commas for an order). ``show`` says what the body should draw with the feedback.
    """

    kind: str
    text: str
    right: tuple[str, str]
    wrong: tuple[tuple[str, str], ...]
    explanation: str
    sources: tuple[str, ...]
    line: str | None = None
    regions: tuple[str, ...] = ()
    pattern: str | None = None
    side: str | None = None
    detail: str | None = None
    #: The question as asked beside the body diagram, where the drawing says what ``text``
    #: spells out in words (only the drawn-line kind needs it).
    beside_drawing: str | None = None
    #: Values in the order to offer them (a scale, left before right); empty: shuffle.
    order: tuple[str, ...] = ()


@dataclass
class Facts:
    """Indexes of one atlas that several kinds need, built once per quiz."""

    atlas: Atlas
    #: Unordered region pair -> the ids of the lines with a step between them.
    pair_lines: dict[frozenset[str], list[str]] = field(default_factory=dict)
    #: Line id -> the unordered region pairs of its steps.
    line_pairs: dict[str, frozenset[frozenset[str]]] = field(default_factory=dict)
    #: Region id -> ids of the lines that pass it.
    lines_at: dict[str, set[str]] = field(default_factory=dict)
    #: Felt area -> its one-step sources, built on first use by :meth:`felt_links`.
    links: dict[str, list[tuple[str, str, str]]] | None = None

    @classmethod
    def of(cls, atlas: Atlas) -> Facts:
        facts = cls(atlas)
        for line in atlas.lines:
            pairs = frozenset(frozenset((t.from_, t.to)) for t in line.transitions)
            facts.line_pairs[line.id] = pairs
            for pair in sorted(pairs, key=sorted):
                facts.pair_lines.setdefault(pair, []).append(line.id)
            for station in line.stations:
                facts.lines_at.setdefault(station, set()).add(line.id)
        return facts

    def trigger_sources(self, area: str) -> list[ReferralPattern]:
        """The patterns that refer pain from another region to ``area``."""
        return [p for p in self.atlas.referral_patterns if area in p.refers_to and p.muscle != area]

    def sources_of(self, area: str) -> set[str]:
        """Every region the atlas links to ``area``: on a line through it, or by a pattern."""
        linked = {
            station
            for line_id in self.lines_at.get(area, ())
            for station in self.atlas.line(line_id).stations
        }
        return linked | {p.muscle for p in self.trigger_sources(area)} | {area}

    def links_to(self, area: str) -> list[tuple[str, str, str]]:
        """The one-step sources of a felt area: ``(mechanism, region, line or pattern id)``."""
        return self.felt_links().get(area, [])

    def felt_links(self) -> dict[str, list[tuple[str, str, str]]]:
        """Felt area -> its one-step sources, along a line or by a pattern, built once."""
        if self.links is not None:
            return self.links
        links: dict[str, list[tuple[str, str, str]]] = {}
        for line in self.atlas.lines:
            for t in line.transitions:
                links.setdefault(t.to, []).append(("line", t.from_, line.id))
                links.setdefault(t.from_, []).append(("line", t.to, line.id))
        for pattern in self.atlas.referral_patterns:
            for area in pattern.refers_to:
                links.setdefault(area, []).append(("trigger", pattern.muscle, pattern.id))
        # Ask only about places where pain is felt: a symptom's areas and the patterns' zones.
        felt = {area for symptom in self.atlas.symptoms for area in symptom.felt_at}
        felt |= {area for pattern in self.atlas.referral_patterns for area in pattern.refers_to}
        self.links = {
            area: list(dict.fromkeys(link for link in found if link[1] != area))
            for area, found in links.items()
            if area in felt and any(link[1] != area for link in found)
        }
        return self.links


@dataclass(frozen=True)
class Kind:
    """One kind of question: the facts it can ask about, and how to ask one of them."""

    name: str
    pool: Callable[[Facts], list[Hashable]]
    # Each kind's ask takes the key type its own pool makes.
    ask: Callable[[Facts, Any, random.Random], Draft | None]


def line_label(line: Line) -> str:
    """A line as a choice names it: its name and abbreviation."""
    return f"{line.name} ({line.abbreviation})"


def region_name(facts: Facts, region_id: str) -> str:
    """The anatomical name of a region, as students learn it."""
    return facts.atlas.region(region_id).name


def unique(values: Sequence[str]) -> tuple[str, ...]:
    """The values once each, in first-seen order."""
    return tuple(dict.fromkeys(values))


def pick_wrong(
    rng: random.Random, right: tuple[str, str], options: Sequence[tuple[str, str]], most: int
) -> tuple[tuple[str, str], ...]:
    """Up to ``most`` options, none sharing a text or a value with the right one or each other."""
    seen_text, seen_value = {right[0]}, {right[1]}
    distinct = []
    for text, value in options:
        if text not in seen_text and value not in seen_value:
            seen_text.add(text)
            seen_value.add(value)
            distinct.append((text, value))
    return tuple(rng.sample(distinct, min(most, len(distinct))))
