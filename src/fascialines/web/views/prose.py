"""A candidate's long text as Markdown: one ``dcc.Markdown`` renders it in a few milliseconds.

Dash's renderer pays for every component a callback sends, and more than linearly (see
ENGINEERING-NOTES.md: 1,400 ``html`` components took 1.9 s, the same elements in one Markdown
76 ms). The explanation, the student wording, the trigger-point patterns, the safety note, the
self-care note and the sources of a card are prose that nobody clicks inside, so they travel as
one Markdown string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fascialines.atlas import Atlas
from fascialines.explain import explain_candidate
from fascialines.tracing import Candidate, Trace, TriggerPointLink
from fascialines.web.pieces import escape, place, short_citation
from fascialines.web.wording import HEADING, SELF_CARE_TERMS, SENTENCE

__all__ = ["candidate_markdown", "escape", "student_wording"]


def student_wording(atlas: Atlas, trace: Trace, candidate: Candidate) -> str:
    """The student paragraph with each source named by author and year instead of its id."""
    # "Occipital ridge (superior nuchal line) (left)" stutters: the side joins the brackets.
    text = re.sub(
        r"\) \((left|right|midline)\)", r", \1)", explain_candidate(trace, candidate, "student")
    )
    ids = {s for path in candidate.paths for step in path.steps for s in step.sources}
    ids |= {s for link in candidate.trigger_points for s in link.sources}
    ids |= {s for caveat in atlas.trigger_point_caveats for s in caveat.sources}
    # Longest first, so an id that is the start of another never replaces part of it.
    for source_id in sorted(ids, key=len, reverse=True):
        text = re.sub(
            rf"(?<![\w-]){re.escape(source_id)}(?![\w-])",
            short_citation(atlas.source(source_id)),
            text,
        )
    return text


def _by_pattern(links: Iterable[TriggerPointLink]) -> dict[str, list[TriggerPointLink]]:
    groups: dict[str, list[TriggerPointLink]] = {}
    for link in links:
        groups.setdefault(link.pattern, []).append(link)
    return groups


def _trigger_points(atlas: Atlas, candidate: Candidate) -> list[str]:
    if not candidate.trigger_points:
        return []
    patterns = {pattern.id: pattern for pattern in atlas.referral_patterns}
    lines = [
        f"**{escape(HEADING['trigger-second'].strip())}** "
        f"{escape(HEADING['trigger-not-line'].strip())} "
        f"[{HEADING['trigger-why']}](#trigger-point-caveats).",
        "",
    ]
    for pattern_id, links in _by_pattern(candidate.trigger_points).items():
        muscle = atlas.region(links[0].muscle.id).name
        areas = ", ".join(place(atlas, link.refers_to) for link in links)
        lines.append(
            f"- {escape(muscle)} → {escape(areas)}: {escape(patterns[pattern_id].description)}"
        )
    return [*lines, ""]


def _take_care(atlas: Atlas, region_id: str) -> list[str]:
    sites = [site for site in atlas.endangerment_sites if region_id in site.regions]
    if not sites:
        return []
    text = " ".join(f"{site.name}: {site.reason}" for site in sites)
    return [f"**{escape(HEADING['take-care'].strip())}** {escape(text)}", ""]


def _self_care(atlas: Atlas, region_id: str) -> list[str]:
    region = atlas.region(region_id)
    if region.not_for_self_treatment:
        heading = escape(SENTENCE["not-self-treatment"])
        return [f"**{heading}** {escape(region.not_for_self_treatment)}", ""]
    care = region.self_care
    if care is None:
        return []
    rows = [(term, getattr(care, field)) for field, term in SELF_CARE_TERMS]
    name = region.plain_name or region.name
    return [
        f"**{escape(SENTENCE['self-care-for'].format(name=name))}**",
        "",
        *[f"- *{term}:* {escape(text)}" for term, text in rows],
        "",
    ]


def _sources(atlas: Atlas, source_ids: Iterable[str]) -> list[str]:
    unique = list(dict.fromkeys(source_ids))
    if not unique:
        return []
    return [
        f"**Sources ({len(unique)})**",
        "",
        *[f"- {escape(atlas.source(source_id).citation)}" for source_id in unique],
    ]


def candidate_markdown(atlas: Atlas, trace: Trace, candidate: Candidate) -> str:
    """Everything a card says beyond its first lines, as one Markdown text.

    In order: why it is listed (client wording), the student wording, the trigger-point
    patterns, where pressure must stay light, self-care (or why not), the sources.
    """
    source_ids = [s for path in candidate.paths for step in path.steps for s in step.sources]
    source_ids += [s for link in candidate.trigger_points for s in link.sources]
    parts = [
        escape(explain_candidate(trace, candidate, "client")),
        "",
        f"**{HEADING['student']}:** {escape(student_wording(atlas, trace, candidate))}",
        "",
        *_trigger_points(atlas, candidate),
        *_take_care(atlas, candidate.region.id),
        *_self_care(atlas, candidate.region.id),
        *_sources(atlas, source_ids),
    ]
    return "\n".join(parts).strip() + "\n"
