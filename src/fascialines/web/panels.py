"""What fills the page after each interaction: the ranked list, the safety notes, the explorers.

Each function takes core results (a :class:`~fascialines.trace.Trace`, an atlas line, a graph
node) and returns Dash components. They are the text alternative to the body diagram, so every
fact drawn there is also written here, and colour is never the only cue: each evidence badge
says its grade in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import networkx as nx
from dash import dcc, html
from dash.development.base_component import Component

from fascialines.atlas import Atlas, Region, Source
from fascialines.explain import DISCLAIMER, explain_candidate
from fascialines.trace import Candidate, LinePath, RegionRef, Trace, TriggerPointLink
from fascialines.web.figures import MARKED_CANDIDATES, line_styles
from fascialines.web.urlstate import NodeKey, ViewState, to_query

__all__ = [
    "EVIDENCE_LABELS",
    "evidence_badge",
    "line_panel",
    "region_panel",
    "results_panel",
    "safety_panel",
]

#: The list shows unfolded the candidates that the diagram marks; the rest are folded.
DIAGRAM_TOP = MARKED_CANDIDATES

EVIDENCE_LABELS: dict[str, str] = {
    "strong": "Strong evidence",
    "moderate": "Moderate evidence",
    "limited": "Limited evidence",
    "not-studied": "Not studied: the model's claim",
    "not-found": "Studied, not found",
}


def evidence_badge(grade: str) -> Component:
    """A badge that names the grade in words; its colour only repeats what the words say."""
    return html.Span(EVIDENCE_LABELS.get(grade, grade), className=f"badge badge-{grade}")


def _href(atlas: Atlas, state: ViewState) -> str:
    # A bare "?" keeps the current page when the state is empty.
    return to_query(atlas, state) or "?"


def _place(atlas: Atlas, ref: RegionRef) -> str:
    region = atlas.region(ref.id)
    name = region.plain_name or region.name
    return name if ref.side == "midline" else f"{name} ({ref.side})"


def _anatomical(atlas: Atlas, ref: RegionRef) -> list[Component]:
    """The anatomical name after a plain one, for students, when the two differ."""
    region = atlas.region(ref.id)
    if not region.plain_name or region.plain_name.lower() == region.name.lower():
        return []
    return [html.Span(region.name, className="anatomical")]


def _colour(atlas: Atlas, line_id: str) -> str:
    # The diagram may remap the data's colours to a colour-blind-safe palette: follow it.
    return line_styles(atlas)[line_id].colour


def _take_care(atlas: Atlas, region_id: str) -> Component | None:
    """The endangerment sites a region lies in: where pressure must stay light."""
    sites = [site for site in atlas.endangerment_sites if region_id in site.regions]
    if not sites:
        return None
    return html.Div(
        className="take-care",
        children=[
            html.Strong("Take care here. "),
            *[f"{site.name}: {site.reason} " for site in sites],
            _sources(atlas, [s for site in sites for s in site.sources]),
        ],
    )


def _short_citation(source: Source) -> str:
    """ "Wilke et al. 2016" from "Wilke J, Krause F, Vogt L, Banzer W. What is …"; else the id."""
    authors = [_surname(chunk) for chunk in source.citation.split(". ")[0].split(",")]
    if not source.year or None in authors[:2]:
        return source.id
    others = {1: "", 2: f" and {authors[-1]}"}.get(len(authors), " et al.")
    return f"{authors[0]}{others} {source.year}"


def _surname(author: str) -> str | None:
    """ "Van der Does AJ" → "Van der Does"; ``None`` when it is not "Surname Initials"."""
    words = author.split()
    if len(words) >= 2 and words[-1].isupper() and len(words[-1]) <= 3:
        return " ".join(words[:-1])
    return None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sources(atlas: Atlas, source_ids: Iterable[str], label: str = "Sources") -> Component:
    unique = list(dict.fromkeys(source_ids))
    return html.Details(
        className="sources",
        children=[
            html.Summary(f"{label} ({len(unique)})"),
            html.Ul([html.Li(atlas.source(source_id).citation) for source_id in unique]),
        ],
    )


def _self_care(atlas: Atlas, region: Region) -> Component | None:
    care = region.self_care
    if care is None:
        return None
    return html.Details(
        className="self-care",
        children=[
            html.Summary(f"Self-care for the {region.plain_name or region.name}"),
            html.Dl(
                [
                    item
                    for term, text in (
                        ("Tool", care.tool),
                        ("How", care.how),
                        ("How long", care.duration),
                        ("How often", care.frequency),
                        ("Avoid", care.avoid),
                    )
                    for item in (html.Dt(term), html.Dd(text))
                ]
            ),
            _sources(atlas, care.sources),
        ],
    )


def _path_words(atlas: Atlas, path: LinePath) -> Component:
    line = atlas.line(path.line)
    return html.Li(
        className="path",
        children=[
            html.Span(
                line.abbreviation, className="line-chip", style={"--chip": _colour(atlas, line.id)}
            ),
            f" {line.name}: ",
            " → ".join(_place(atlas, ref) for ref in path.regions),
            f" ({path.hops} step{'s' if path.hops != 1 else ''}) ",
            evidence_badge(path.evidence),
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
                        + ", ".join(_place(atlas, link.refers_to) for link in links)
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
            _sources(atlas, [s for caveat in atlas.trigger_point_caveats for s in caveat.sources]),
        ],
    )


def _candidate(atlas: Atlas, trace: Trace, candidate: Candidate, state: ViewState) -> Component:
    focused = state.focus == candidate.rank
    source_ids = [s for path in candidate.paths for step in path.steps for s in step.sources]
    source_ids += [s for link in candidate.trigger_points for s in link.sources]
    focus_link = dcc.Link(
        "Show all" if focused else "Show on the body",
        href=_href(atlas, replace(state, focus=None if focused else candidate.rank)),
        className="button button-small",
        title=f"Paths of number {candidate.rank} are emphasised on the body"
        if focused
        else f"Emphasise the paths of number {candidate.rank} on the body",
    )
    return html.Li(
        className="candidate" + (" candidate-focused" if focused else ""),
        children=[
            html.Div(
                className="candidate-head",
                children=[
                    html.H3(
                        [
                            html.Span(f"{candidate.rank}.", className="rank"),
                            " " + _capitalised(_place(atlas, candidate.region)),
                            *_anatomical(atlas, candidate.region),
                        ]
                    ),
                    evidence_badge(candidate.parts.evidence),
                    focus_link,
                ],
            ),
            html.Ul([_path_words(atlas, path) for path in candidate.paths], className="paths"),
            html.P(explain_candidate(trace, candidate, "client"), className="explanation"),
            html.Details(
                [
                    html.Summary("Student wording"),
                    html.P(explain_candidate(trace, candidate, "student")),
                ]
            ),
            _trigger_points(atlas, candidate),
            _take_care(atlas, candidate.region.id),
            _self_care(atlas, atlas.region(candidate.region.id)),
            _sources(atlas, source_ids),
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
                        href=_href(atlas, state.with_trace_options(symptom=symptom_id)),
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
                            html.Span(
                                line.abbreviation,
                                className="line-chip",
                                style={"--chip": _colour(atlas, line.id)},
                            ),
                            f" {line.name}",
                        ],
                        href=_href(atlas, replace(state, line=line.id)),
                    )
                )
                for line in atlas.lines
            ],
        ),
        html.P(DISCLAIMER, className="disclaimer"),
    ]


def results_panel(atlas: Atlas, trace: Trace | None, state: ViewState) -> list[Component]:
    """The ranked list of candidate sources, or a prompt when nothing is traced yet."""
    if trace is None:
        return _welcome(atlas, state)
    felt = ", ".join(_place(atlas, ref) for ref in trace.felt_at)
    title = trace.symptom.name if trace.symptom else f"Traced from the {felt}"
    if not trace.candidates:
        return [
            html.H2(title),
            html.P(f"Felt at: {felt}."),
            html.P(
                "No line reaches this within these settings: allow more steps, more lines "
                "or weaker evidence."
            ),
        ]
    cards = [_candidate(atlas, trace, c, state) for c in trace.candidates]
    count = len(cards)
    children = [
        html.H2(title),
        html.P(
            f"Felt at: {felt}. {count} linked place{'s' if count != 1 else ''}, best supported "
            f"first{f'; the body shows the first {DIAGRAM_TOP}' if count > DIAGRAM_TOP else ''}."
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


def safety_panel(atlas: Atlas, trace: Trace | None) -> list[Component]:
    """Red flags of the traced symptom, the contraindications and the disclaimer."""
    if trace is None:
        return []
    children: list[Component] = [html.P(DISCLAIMER, className="disclaimer")]
    if trace.red_flags:
        children.append(
            html.Div(
                className="red-flags",
                children=[
                    html.H3("See a doctor first if"),
                    html.Ul(
                        [
                            html.Li([html.Strong(flag.text), f" {flag.action}"])
                            for flag in trace.red_flags
                        ]
                    ),
                ],
            )
        )
    if atlas.contraindications:
        children.append(
            html.Details(
                className="contraindications",
                children=[
                    html.Summary("When bodywork or self-massage is not safe"),
                    html.Ul(
                        [html.Li(f"{item.text} ({item.kind})") for item in atlas.contraindications]
                    ),
                ],
            )
        )
    return [html.Aside(className="safety", children=children, **{"aria-label": "Safety"})]


def line_panel(atlas: Atlas, line_id: str | None, state: ViewState) -> list[Component]:
    """A line's summary, evidence summary and the table of its transitions with sources."""
    if line_id is None:
        return [html.P("Choose a line to see it on the body and its stations step by step.")]
    line = atlas.line(line_id)
    branched = len(line.branches) > 1
    rows = [
        html.Tr(
            [
                *([html.Td(branch.name)] if branched else []),
                html.Td(_region_link(atlas, state, step.from_)),
                html.Td(_region_link(atlas, state, step.to)),
                html.Td(evidence_badge(step.evidence)),
                html.Td("this step" if step.evidence_basis == "transition" else "the line"),
                html.Td(
                    "; ".join(_short_citation(atlas.source(s)) for s in step.sources),
                    title="; ".join(atlas.source(s).citation for s in step.sources),
                ),
            ]
        )
        for branch in line.branches
        for step in branch.transitions
    ]
    head = [*(["Track"] if branched else []), "From", "To", "Evidence", "Rated for", "Sources"]
    children = [
        html.H3(
            [
                html.Span(
                    line.abbreviation,
                    className="line-chip",
                    style={"--chip": _colour(atlas, line.id)},
                ),
                f" {line.name}",
            ]
        ),
        html.P(line.summary),
        html.P([evidence_badge(line.evidence.grade), " ", line.evidence.summary]),
        html.Div(
            className="table-wrap",
            children=html.Table(
                className="stations",
                children=[
                    html.Caption(f"{line.name}: each step, in the model's published order"),
                    html.Thead(html.Tr([html.Th(text, scope="col") for text in head])),
                    html.Tbody(rows),
                ],
            ),
        ),
    ]
    if line.midline_crossings:
        children.append(
            html.P(
                "Crosses the midline: "
                + "; ".join(crossing.description for crossing in line.midline_crossings)
            )
        )
    sources = [line.evidence.sources] + [step.sources for step in line.transitions]
    children.append(_sources(atlas, [s for group in sources for s in group]))
    return children


def _region_link(atlas: Atlas, state: ViewState, region_id: str) -> Component:
    region = atlas.region(region_id)
    side = "midline" if region.laterality == "midline" else "left"
    if state.region and state.region[1] in ("left", "right") and side != "midline":
        side = state.region[1]
    return dcc.Link(region.name, href=_href(atlas, replace(state, region=(region_id, side))))


def region_panel(
    atlas: Atlas, graph: nx.MultiGraph, node: NodeKey | None, state: ViewState
) -> list[Component]:
    """Every line through a region and its neighbours along each, with trigger-point links."""
    if node is None:
        return [html.P("Choose a region, or click one on the body, to see the lines through it.")]
    region = atlas.region(node[0])
    name = region.name if node[1] == "midline" else f"{region.name} ({node[1]})"
    neighbours: dict[str, dict[NodeKey, str]] = {}
    for _, other, data in sorted(graph.edges(node, data=True), key=lambda e: (e[2]["line"], e[1])):
        # Lines run foot to head or, for the arm lines, in their published order: say which
        # neighbour comes first rather than naming a direction that would be wrong for some.
        direction = "after it" if data["step"][0] == node[0] else "before it"
        neighbours.setdefault(data["line"], {})[other] = direction
    items = [
        html.Li(
            [
                dcc.Link(atlas.line(line_id).name, href=_href(atlas, replace(state, line=line_id))),
                ": ",
                *_joined(
                    dcc.Link(
                        f"{_node_name(atlas, other)} ({direction})",
                        href=_href(atlas, replace(state, region=other)),
                    )
                    for other, direction in others.items()
                ),
            ]
        )
        for line_id, others in neighbours.items()
    ]
    refers = [p for p in atlas.referral_patterns if p.muscle == region.id]
    receives = [p for p in atlas.referral_patterns if region.id in p.refers_to]
    children = [
        html.H3(name),
        html.P(f"In plain words: {region.plain_name}.") if region.plain_name else None,
        html.P(region.description) if region.description else None,
        html.H4("Lines through it"),
        html.Ul(items) if items else html.P("No line passes through this region."),
    ]
    if refers or receives:
        children += [
            html.H4("Trigger-point referral (a separate, contested mechanism)"),
            html.Ul(
                [html.Li(f"Refers pain: {p.description}") for p in refers]
                + [
                    html.Li(f"{atlas.region(p.muscle).name} refers pain here: {p.description}")
                    for p in receives
                ]
            ),
        ]
    children += [_take_care(atlas, region.id), _self_care(atlas, region)]
    return children


def _node_name(atlas: Atlas, node: NodeKey) -> str:
    region = atlas.region(node[0])
    return region.name if node[1] == "midline" else f"{region.name}, {node[1]}"


def _joined(items: Iterable[Component]) -> list[Component | str]:
    out: list[Component | str] = []
    for item in items:
        if out:
            out.append(", ")
        out.append(item)
    return out


def diagram_caption(atlas: Atlas, trace: Trace | None, state: ViewState) -> str:
    """One sentence saying what the diagram shows, for people who cannot see it."""
    parts = [
        "Front view on the left (the client's right side on your left), back view on the right."
    ]
    if trace is not None:
        felt = ", ".join(_place(atlas, ref) for ref in trace.felt_at)
        count = len(trace.candidates)
        shown = f"the first {DIAGRAM_TOP} of {count}" if count > DIAGRAM_TOP else str(count)
        parts.append(f"Marked: where it is felt ({felt}) and {shown} linked places, numbered.")
        if state.focus:
            parts.append(f"The paths of number {state.focus} stand out; the rest are dimmed.")
    if state.line:
        parts.append(f"Highlighted: the {atlas.line(state.line).name}.")
    if state.region:
        parts.append(f"Selected: {_node_name(atlas, state.region)}.")
    return " ".join(parts)
