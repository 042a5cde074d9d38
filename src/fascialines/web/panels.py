"""The trace results: the ranked list of candidate sources, the safety notes, the caption.

Each function takes a :class:`~fascialines.trace.Trace` and returns Dash components. They are
the text alternative to the body diagram: every candidate and path drawn there is written here,
with its evidence in words, its explanation, its trigger-point patterns and its self-care note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.explain import DISCLAIMER, evidence_words, explain_candidate
from fascialines.tracing import Candidate, LinePath, Trace, TriggerPointLink
from fascialines.web.figures import MARKED_CANDIDATES
from fascialines.web.pieces import (
    anatomical_name,
    capitalised,
    evidence_badge,
    line_chip,
    node_name,
    place,
    places,
    query_href,
    route,
    self_care,
    short_citation,
    sources_list,
    take_care,
)
from fascialines.web.urlstate import ViewState

__all__ = ["DIAGRAM_TOP", "diagram_caption", "results_panel", "safety_panel"]

#: The list shows unfolded the candidates that the diagram marks; the rest are folded.
DIAGRAM_TOP = MARKED_CANDIDATES


def _path_words(atlas: Atlas, path: LinePath, candidate: Candidate) -> Component:
    """A path in words; its side and grade are said only where they differ from the card's."""
    line = atlas.line(path.line)
    stops = route(atlas, path.regions, candidate.region.side)
    steps = f", {path.hops} step{'s' if path.hops != 1 else ''}"
    grade = (
        [] if path.evidence == candidate.parts.evidence else [" ", evidence_badge(path.evidence)]
    )
    return html.Li(
        className="path",
        children=[
            line_chip(atlas, line.id),
            f" {line.name}: ",
            " → ".join(stops),
            steps,
            *grade,
        ],
    )


def _trigger_points(atlas: Atlas, candidate: Candidate) -> Component | None:
    if not candidate.trigger_points:
        return None
    patterns = {pattern.id: pattern for pattern in atlas.referral_patterns}
    return html.Div(
        className="trigger-points",
        children=[
            html.P(
                [
                    html.Strong("A second, contested mechanism: trigger-point referral. "),
                    "This is not a fascial line. ",
                    html.A("Why it is contested", href="#trigger-point-caveats"),
                    ".",
                ]
            ),
            html.Ul(
                [
                    html.Li(
                        f"{atlas.region(links[0].muscle.id).name} → "
                        + ", ".join(place(atlas, link.refers_to) for link in links)
                        + f": {patterns[pattern_id].description}"
                    )
                    for pattern_id, links in _by_pattern(candidate).items()
                ]
            ),
        ],
    )


def _by_pattern(candidate: Candidate) -> dict[str, list[TriggerPointLink]]:
    """A candidate's trigger-point links grouped by pattern, so each description shows once."""
    groups: dict[str, list[TriggerPointLink]] = {}
    for link in candidate.trigger_points:
        groups.setdefault(link.pattern, []).append(link)
    return groups


def _trigger_point_caveats(atlas: Atlas) -> Component:
    return html.Div(
        id="trigger-point-caveats",
        className="trigger-points",
        children=[
            html.H3("About trigger points"),
            html.Ul([html.Li(caveat.text) for caveat in atlas.trigger_point_caveats]),
            sources_list(
                atlas, [s for caveat in atlas.trigger_point_caveats for s in caveat.sources]
            ),
        ],
    )


def _summary_line(atlas: Atlas, candidate: Candidate) -> str:
    """The one line a folded card shows: how well supported it is, in words."""
    if not candidate.paths:
        areas = places(atlas, (link.refers_to for link in candidate.trigger_points))
        return (
            f"Trigger points here are classically said to send pain to the {areas}: a "
            "separate and contested idea, not a fascial line."
        )
    parts = candidate.parts
    best = next(
        (p for p in candidate.paths if (p.evidence, p.hops) == (parts.evidence, parts.hops)),
        candidate.paths[0],
    )
    whole_line = all(step.evidence_basis == "line" for step in best.steps)
    # "moderate (studied and found, with some gaps)": the badge says the first word.
    words = evidence_words(candidate.parts.evidence)
    text = capitalised(words[words.find("(") + 1 : -1] if words.endswith(")") else words)
    text += "; rated for the whole line." if whole_line else "."
    if candidate.trigger_points:
        text += " Also a trigger-point pattern (a contested idea)."
    return text


def _take_care_short(atlas: Atlas, region_id: str) -> Component | None:
    """A folded card still says when its place is one where pressure must stay light."""
    sites = [site.name for site in atlas.endangerment_sites if region_id in site.regions]
    if not sites:
        return None
    return html.P(
        className="take-care-short",
        children=[
            html.Strong("Take care here: "),
            f"{', '.join(sites)}. Light pressure only; the reason is in the details.",
        ],
    )


def _student_wording(atlas: Atlas, trace: Trace, candidate: Candidate) -> str:
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


def _candidate(atlas: Atlas, trace: Trace, candidate: Candidate, state: ViewState) -> Component:
    focused = state.focus == candidate.rank
    unfolded = focused or (state.focus is None and candidate.rank == 1)
    source_ids = [s for path in candidate.paths for step in path.steps for s in step.sources]
    source_ids += [s for link in candidate.trigger_points for s in link.sources]
    focus_link = dcc.Link(
        "Show all" if focused else "Show on the body",
        href=query_href(atlas, replace(state, focus=None if focused else candidate.rank)),
        className="button button-small",
        title=f"Paths of number {candidate.rank} are emphasised on the body"
        if focused
        else f"Emphasise the paths of number {candidate.rank} on the body",
    )
    return html.Li(
        className="candidate" + (" candidate-focused" if focused else ""),
        id=f"candidate-{candidate.rank}",
        children=[
            html.Div(
                className="candidate-head",
                children=[
                    html.H3(
                        [
                            html.Span(f"{candidate.rank}.", className="rank"),
                            " " + capitalised(place(atlas, candidate.region)),
                            *anatomical_name(atlas, candidate.region),
                            # The frame and tint repeat this; words say it for everyone.
                            *(
                                [html.Span("Shown on the body", className="focus-tag")]
                                if focused
                                else []
                            ),
                        ]
                    ),
                    html.Div(
                        className="candidate-actions",
                        children=[evidence_badge(candidate.parts.evidence), focus_link],
                    ),
                ],
            ),
            html.Ul(
                [_path_words(atlas, path, candidate) for path in candidate.paths],
                className="paths",
            ),
            html.P(_summary_line(atlas, candidate), className="summary-line"),
            _take_care_short(atlas, candidate.region.id),
            html.Details(
                className="candidate-details",
                open=unfolded,
                children=[
                    html.Summary("Why, self-care and sources"),
                    html.P(explain_candidate(trace, candidate, "client"), className="explanation"),
                    html.Details(
                        [
                            html.Summary("Student wording"),
                            html.P(_student_wording(atlas, trace, candidate)),
                        ]
                    ),
                    _trigger_points(atlas, candidate),
                    take_care(atlas, candidate.region.id),
                    self_care(atlas, atlas.region(candidate.region.id)),
                    sources_list(atlas, source_ids),
                ],
            ),
        ],
    )


#: Complaints the article behind this project starts from, offered as first examples.
EXAMPLE_SYMPTOMS = ("headache", "low-back-pain", "plantar-fasciitis", "menstrual-pain", "hip-pain")


def _welcome(atlas: Atlas, state: ViewState) -> list[Component]:
    known = {symptom.id for symptom in atlas.symptoms}
    examples = [i for i in EXAMPLE_SYMPTOMS if i in known] or sorted(known)[:5]
    shown = []
    if state.line:
        shown = [
            html.P(
                className="shown-line",
                children=[
                    f"The {atlas.line(state.line).name} is highlighted on the body. ",
                    html.A("Its steps, evidence and sources", href="#line-heading"),
                    " are below.",
                ],
            )
        ]
    return [
        *shown,
        html.H2("Where does it hurt?"),
        html.P(
            "Choose a complaint, or click a point on the body, to see which places the "
            "myofascial lines connect it to, ranked, with the evidence for each link."
        ),
        html.P("For example:"),
        html.Ul(
            className="chips",
            children=[
                html.Li(
                    dcc.Link(
                        atlas.symptom_by_id(symptom_id).name,
                        href=query_href(atlas, state.with_trace_options(symptom=symptom_id)),
                    )
                )
                for symptom_id in examples
            ],
        ),
        html.P("Or follow one line from end to end:"),
        html.Ul(
            className="chips",
            children=[
                html.Li(
                    dcc.Link(
                        [
                            line_chip(atlas, line.id),
                            f" {line.name}",
                        ],
                        href=query_href(atlas, replace(state, line=line.id)),
                    )
                )
                for line in atlas.lines
            ],
        ),
        html.P(DISCLAIMER, className="disclaimer"),
    ]


def _complaint(trace: Trace) -> str:
    return f"your {trace.symptom.name.lower()}" if trace.symptom else "what you feel"


def _safety_first(atlas: Atlas, trace: Trace) -> list[Component]:
    """What comes before any candidate: not a diagnosis, and when to see a doctor instead."""
    notice = html.P(
        className="not-diagnosis",
        children=[
            html.Strong("Education, not a diagnosis. "),
            "These are connections a teaching model describes, not the cause of your pain. ",
            html.A("Read the full note and when bodywork is not safe", href="#safety"),
            ".",
        ],
    )
    if not trace.red_flags:
        return [notice]
    flags = html.Div(
        className="red-flags",
        role="note",
        **{"aria-labelledby": "red-flags-heading"},
        children=[
            html.H3(
                [
                    html.Span("!", className="warning-sign", **{"aria-hidden": "true"}),
                    " See a doctor first if…",
                ],
                id="red-flags-heading",
            ),
            html.Ul(
                [html.Li([flag.text, " ", html.Strong(flag.action)]) for flag in trace.red_flags]
            ),
        ],
    )
    return [notice, flags]


def results_panel(atlas: Atlas, trace: Trace | None, state: ViewState) -> list[Component]:
    """The red flags first, then the ranked list of candidate sources; a prompt when empty."""
    if trace is None:
        return _welcome(atlas, state)
    felt = places(atlas, trace.felt_at)
    title = trace.symptom.name if trace.symptom else f"Traced from the {felt}"
    if not trace.candidates:
        return [
            html.H2(title),
            html.P(f"Felt at: {felt}."),
            *_safety_first(atlas, trace),
            html.P(
                "No line reaches this within these settings: allow more steps, more lines "
                "or weaker evidence."
            ),
        ]
    cards = [_candidate(atlas, trace, c, state) for c in trace.candidates]
    count = len(cards)
    children = [
        html.H2(title),
        html.P(f"Felt at: {felt}.", className="felt-at"),
        *_safety_first(atlas, trace),
        html.P(
            f"{count} place{'s' if count != 1 else ''} where tension may be linked to "
            f"{_complaint(trace)}, best supported first"
            f"{f' (the body marks the first {DIAGRAM_TOP})' if count > DIAGRAM_TOP else ''}. "
            "Each is a possibility to explore, not a finding.",
            className="list-intro",
        ),
        html.Ol(cards[:DIAGRAM_TOP], className="candidates"),
    ]
    if count > DIAGRAM_TOP:
        children.append(
            html.Details(
                className="more-candidates",
                open=bool(state.focus and state.focus > DIAGRAM_TOP),
                children=[
                    html.Summary(f"{count - DIAGRAM_TOP} more, less well supported"),
                    html.Ol(cards[DIAGRAM_TOP:], className="candidates", start=DIAGRAM_TOP + 1),
                ],
            )
        )
    if any(c.trigger_points for c in trace.candidates) and atlas.trigger_point_caveats:
        children.append(_trigger_point_caveats(atlas))
    return children


#: How each kind of contraindication is headed for a client.
CONTRAINDICATION_KINDS = {
    "absolute": "No bodywork or self-massage at all with",
    "local": "Not on the area affected, or only with care and advice, with",
}


def safety_panel(atlas: Atlas, trace: Trace | None) -> list[Component]:
    """The full disclaimer and the contraindications, below the list; the red flags come first."""
    if trace is None:
        return []
    children: list[Component] = [
        html.H2("Before you try anything"),
        html.P(DISCLAIMER, className="disclaimer"),
    ]
    if atlas.contraindications:
        groups = [
            (heading, [item.text for item in atlas.contraindications if item.kind == kind])
            for kind, heading in CONTRAINDICATION_KINDS.items()
        ]
        children.append(
            html.Details(
                className="contraindications",
                children=[
                    html.Summary("When bodywork or self-massage is not safe"),
                    *[
                        item
                        for heading, texts in groups
                        if texts
                        for item in (html.H4(heading), html.Ul([html.Li(t) for t in texts]))
                    ],
                ],
            )
        )
    return [
        html.Aside(id="safety", className="safety", children=children, **{"aria-label": "Safety"})
    ]


def diagram_caption(atlas: Atlas, trace: Trace | None, state: ViewState) -> str:
    """One sentence saying what the diagram shows, for people who cannot see it."""
    parts = [
        "Front view on the left (the client's right side on your left), back view on the right."
    ]
    if trace is not None:
        felt = places(atlas, trace.felt_at)
        count = len(trace.candidates)
        shown = f"the first {DIAGRAM_TOP} of {count}" if count > DIAGRAM_TOP else str(count)
        parts.append(f"Marked: {shown} linked places, numbered, and where it is felt: {felt}.")
        if state.focus:
            parts.append(f"The paths of number {state.focus} stand out; the rest are dimmed.")
    if state.line:
        parts.append(f"Highlighted: the {atlas.line(state.line).name}.")
    if state.region:
        parts.append(f"Selected: {node_name(atlas, state.region)}.")
    return " ".join(parts)
