"""A candidate's long text, the fold of its card: plain ``html`` components, sent as markup.

Nobody clicks inside this prose (the explanation, the student wording, the trigger-point
patterns, the safety note, the self-care note and the sources), so it never becomes Dash
components in the page: ``/fold`` (:mod:`fascialines.web.folds`) answers the card's first
opening with it as HTML (:func:`fascialines.web.markup.to_markup`), and the browser puts it in
the fold (``assets/app.js``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.explain import explain_candidate
from fascialines.tracing import Candidate, Trace, TriggerPointLink
from fascialines.web.pieces import place, short_citation
from fascialines.web.wording import HEADING, SELF_CARE_TERMS, SENTENCE

__all__ = ["candidate_prose", "student_wording"]


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


def _trigger_points(atlas: Atlas, candidate: Candidate) -> list[Component]:
    if not candidate.trigger_points:
        return []
    patterns = {pattern.id: pattern for pattern in atlas.referral_patterns}
    items = []
    for pattern_id, links in _by_pattern(candidate.trigger_points).items():
        muscle = atlas.region(links[0].muscle.id).name
        areas = ", ".join(place(atlas, link.refers_to) for link in links)
        items.append(html.Li(f"{muscle} → {areas}: {patterns[pattern_id].description}"))
    return [
        html.P(
            [
                html.Strong(HEADING["trigger-second"].strip()),
                f" {HEADING['trigger-not-line'].strip()} ",
                html.A(HEADING["trigger-why"], href="#trigger-point-caveats"),
                ".",
            ]
        ),
        html.Ul(items),
    ]


def _take_care(atlas: Atlas, region_id: str) -> list[Component]:
    sites = atlas.endangerment_sites_at(region_id)
    if not sites:
        return []
    text = " ".join(f"{site.name}: {site.reason}" for site in sites)
    return [html.P([html.Strong(HEADING["take-care"].strip()), f" {text}"])]


def _self_care(atlas: Atlas, region_id: str) -> list[Component]:
    region = atlas.region(region_id)
    if region.not_for_self_treatment:
        heading = SENTENCE["not-self-treatment"]
        return [html.P([html.Strong(heading), f" {region.not_for_self_treatment}"])]
    care = region.self_care
    if care is None:
        return []
    rows = [(term, getattr(care, field)) for field, term in SELF_CARE_TERMS]
    name = region.plain_name or region.name
    return [
        html.P(html.Strong(SENTENCE["self-care-for"].format(name=name))),
        html.Ul([html.Li([html.Em(f"{term}:"), f" {text}"]) for term, text in rows]),
    ]


def _sources(atlas: Atlas, source_ids: Iterable[str]) -> list[Component]:
    unique = list(dict.fromkeys(source_ids))
    if not unique:
        return []
    return [
        html.P(html.Strong(f"Sources ({len(unique)})")),
        html.Ul([html.Li(atlas.source(source_id).citation) for source_id in unique]),
    ]


def candidate_prose(atlas: Atlas, trace: Trace, candidate: Candidate) -> list[Component]:
    """Everything a card says beyond its first lines, in order: why it is listed (client
    wording), the student wording, the trigger-point patterns, where pressure must stay light,
    self-care (or why not), the sources."""
    source_ids = [s for path in candidate.paths for step in path.steps for s in step.sources]
    source_ids += [s for link in candidate.trigger_points for s in link.sources]
    return [
        html.P(explain_candidate(trace, candidate, "client")),
        html.P(
            [
                html.Strong(f"{HEADING['student']}:"),
                f" {student_wording(atlas, trace, candidate)}",
            ]
        ),
        *_trigger_points(atlas, candidate),
        *_take_care(atlas, candidate.region.id),
        *_self_care(atlas, candidate.region.id),
        *_sources(atlas, source_ids),
    ]
