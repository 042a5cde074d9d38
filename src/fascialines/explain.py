"""Plain sentences from a trace: one wording for a client, one for a student.

What the evidence is about
--------------------------
A grade rates the tissue continuity that dissection studies found, never that pain travels
along it; every wording says so. Most steps of a line were never rated one by one: such a step
rests on the rating of the whole line, and that rating is said once per line, not repeated for
every step.

Client wording uses everyday words ("your left calf") and never diagnoses: a connection "may
be linked" to what is felt. Student wording is prose with the anatomical names, the line's
name and abbreviation, the grades and their basis, and sources by author and year.
"""

from __future__ import annotations

import re
from typing import Literal

from fascialines.atlas import Atlas, Source
from fascialines.evidence import Evidence
from fascialines.graph import RegionRef
from fascialines.tracing.results import Candidate, LinePath, Trace, TriggerPointLink

__all__ = [
    "DISCLAIMER",
    "evidence_words",
    "explain_candidate",
    "explain_trace",
    "short_citation",
]

Audience = Literal["client", "student"]

DISCLAIMER = (
    "fascialines is for education, not diagnosis: it shows connections described by a teaching "
    "model and how well the tissue continuity behind each is supported, not the cause of "
    "anyone's pain. See a qualified health professional about symptoms, and see a doctor "
    "promptly about any red flag."
)

_NO_LINE = "no line evidence (a trigger-point pattern only)"

_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def evidence_words(grade: str) -> str:
    """Say an evidence grade in everyday words; ``""`` (no line path) has words too.

    Examples
    --------
    >>> evidence_words("not-found")
    'weak: dissection studies looked for this continuity and did not find it'
    """
    if grade == "":
        return _NO_LINE
    try:
        return Evidence(grade).words_client
    except ValueError:
        raise ValueError(f"unknown evidence grade {grade!r}") from None


def explain_candidate(trace: Trace, candidate: Candidate, audience: Audience = "client") -> str:
    """One paragraph on why a candidate is listed, for a client or a student.

    Parameters
    ----------
    trace : Trace
        The trace the candidate belongs to (for the symptom and the atlas).
    candidate : Candidate
    audience : {"client", "student"}

    Returns
    -------
    str
    """
    if audience not in ("client", "student"):
        raise ValueError(f"unknown audience {audience!r}: choose client or student")
    atlas = trace.atlas
    parts: list[str]
    if audience == "client":
        parts = [
            _client_path(atlas, path, first=index == 0)
            for index, path in enumerate(candidate.paths)
        ]
        if candidate.paths:
            complaint = f"your {trace.symptom.name.lower()}" if trace.symptom else "what you feel"
            parts.append(
                f"Tension in {_plain(atlas, candidate.region)} may be linked to {complaint}; "
                f"this is one possibility to explore, not a finding."
            )
        if candidate.trigger_points:
            parts.append(_client_trigger_points(atlas, candidate.trigger_points))
        return " ".join(parts)
    parts = [_student_path(atlas, path) for path in candidate.paths]
    if candidate.trigger_points:
        parts.append(_student_trigger_points(atlas, candidate.trigger_points))
    return " ".join(parts)


def explain_trace(trace: Trace, audience: Audience = "client") -> list[str]:
    """One paragraph per candidate, in rank order (see :func:`explain_candidate`)."""
    return [explain_candidate(trace, candidate, audience) for candidate in trace.candidates]


def _plain(atlas: Atlas | None, region: RegionRef) -> str:
    words = region.name.lower()
    if atlas is not None:
        found = atlas.region(region.id)
        words = found.plain_name or found.name.lower()
    if region.side == "midline":
        return f"your {words}"
    if " " in words:
        # "your left muscles beside the spine" misreads: the side goes after a longer phrase.
        return f"the {words} on your {region.side} side"
    return f"your {region.side} {words}"


def _anatomical(region: RegionRef) -> str:
    name = region.name[0].lower() + region.name[1:] if region.name[:2].istitle() else region.name
    return f"the {name}" if region.side == "midline" else f"the {region.side} {name}"


def _line_name(atlas: Atlas | None, line_id: str, student: bool = False) -> str:
    if atlas is None:
        return line_id
    line = atlas.line(line_id)
    return f"the {line.name} ({line.abbreviation})" if student else f"the {line.name}"


def _line_grade(atlas: Atlas | None, line_id: str) -> Evidence | None:
    return Evidence(atlas.line(line_id).evidence.grade) if atlas is not None else None


def _steps(hops: int) -> str:
    return f"{_NUMBERS.get(hops, str(hops))} step{'s' if hops != 1 else ''}"


def _client_path(atlas: Atlas | None, path: LinePath, first: bool) -> str:
    source, felt = _plain(atlas, path.regions[0]), _plain(atlas, path.regions[-1])
    opening = "In the fascial-lines model, " if first else "Also, "
    text = (
        f"{opening}{_line_name(atlas, path.line)} links {source} with {felt}, "
        f"{_steps(path.hops)} along the line."
    )
    rated = [step for step in path.steps if step.evidence_basis == "transition"]
    line_grade = _line_grade(atlas, path.line)
    if rated:
        weakest = min(Evidence(step.evidence) for step in rated)
        text += f" Evidence that this tissue is continuous: {weakest.words_client}."
    if len(rated) < len(path.steps) and line_grade is not None:
        some = "Its other steps were" if rated else "No study rated this link on its own; it was"
        text += (
            f" {some} rated only as part of the whole line, which is rated "
            f"{line_grade.words_client}."
        )
    elif not rated:
        text += f" Evidence: {Evidence(path.evidence).words_client}."
    return text + " That is about tissue continuity, not proof that pain travels along it."


def _citations(atlas: Atlas | None, source_ids: list[str]) -> str:
    if atlas is None:
        return "; ".join(dict.fromkeys(source_ids))
    return "; ".join(dict.fromkeys(short_citation(atlas.source(source)) for source in source_ids))


def short_citation(source: Source) -> str:
    """Author and year from a Vancouver-style citation: ``"Wilke et al. 2016"``.

    A citation that does not open with "Surname Initials" (an institution) is named by its
    first sentence.

    Examples
    --------
    >>> from fascialines.atlas import Source
    >>> short_citation(Source(id="w", citation="Wilke J, Krause F. What is it. 2016.", year=2016))
    'Wilke and Krause 2016'
    """
    first = source.citation.split(". ")[0].rstrip(".")
    # "Lucas N et al" names one author and says there are more.
    listed, more = re.subn(r",?\s+et al$", "", first)
    authors = [_surname(chunk) for chunk in listed.split(",")]
    if not source.year or None in authors[:2]:
        return f"{first} {source.year}" if source.year else first
    others = " et al." if more else {1: "", 2: f" and {authors[-1]}"}.get(len(authors), " et al.")
    return f"{authors[0]}{others} {source.year}"


def _surname(author: str) -> str | None:
    words = author.split()
    if len(words) >= 2 and words[-1].isupper() and len(words[-1]) <= 3:
        return " ".join(words[:-1])
    return None


def _client_trigger_points(atlas: Atlas | None, links: tuple[TriggerPointLink, ...]) -> str:
    muscle = _plain(atlas, links[0].muscle)
    essential = sorted(
        {_plain(atlas, link.refers_to) for link in links if link.zone == "essential"}
    )
    spillover = sorted(
        {_plain(atlas, link.refers_to) for link in links if link.zone == "spillover"}
        - set(essential)
    )
    where = " and ".join(essential) if essential else " and ".join(spillover)
    text = (
        f"Separately, tender spots (trigger points) in {muscle} are classically described as "
        f"sending pain to {where}"
    )
    if essential and spillover:
        text += f", and in some people to {' and '.join(spillover)}"
    elif not essential:
        text += " in some people"
    caveats = (
        _citations(atlas, [s for caveat in atlas.trigger_point_caveats for s in caveat.sources])
        if atlas is not None
        else ""
    )
    return (
        f"{text}. That is a different idea from the fascial lines, and a contested one: how "
        f"reliably such spots can be found, and the idea itself, are debated"
        f"{f' ({caveats})' if caveats else ''}."
    )


def _student_path(atlas: Atlas | None, path: LinePath) -> str:
    names = [_anatomical(region) for region in path.regions]
    route = f"from {names[0]} to {names[-1]}"
    if len(names) > 2:
        route = f"from {names[0]} through {', '.join(names[1:-1])} to {names[-1]}"
    sources = _citations(atlas, [s for step in path.steps for s in step.sources])
    rated = [step for step in path.steps if step.evidence_basis == "transition"]
    line_grade = _line_grade(atlas, path.line)
    if rated:
        weakest = min(Evidence(step.evidence) for step in rated)
        basis = (
            f"{'every step was' if len(rated) == len(path.steps) else 'its rated steps have'} "
            f"rated on its own, the weakest with {weakest.words_student}"
        )
        if len(rated) < len(path.steps) and line_grade is not None:
            basis += (
                f"; the other {_steps(len(path.steps) - len(rated))} rest on the line's "
                f"rating, {line_grade.words_student}"
            )
    elif line_grade is not None:
        basis = f"no step was rated on its own: the line as a whole has {line_grade.words_student}"
    else:
        basis = f"the path stands on {Evidence(path.evidence).words_student}"
    return (
        f"Along {_line_name(atlas, path.line, student=True)}, {route} in {_steps(path.hops)}; "
        f"{basis} [{sources}]."
    )


def _student_trigger_points(atlas: Atlas | None, links: tuple[TriggerPointLink, ...]) -> str:
    by_pattern: dict[str, list[TriggerPointLink]] = {}
    for link in links:
        by_pattern.setdefault(link.pattern, []).append(link)
    sentences = []
    for found in by_pattern.values():
        zones = {
            zone: [_anatomical(link.refers_to) for link in found if link.zone == zone]
            for zone in ("essential", "spillover")
        }
        drawn = " and ".join(
            f"{'solid (essential)' if zone == 'essential' else 'stippled (spillover)'} to "
            f"{', '.join(areas)}"
            for zone, areas in zones.items()
            if areas
        )
        sentences.append(
            f"trigger points in {_anatomical(found[0].muscle)} are drawn referring pain "
            f"{drawn} [{_citations(atlas, list(found[0].sources))}]"
        )
    caveats = ""
    if atlas is not None and atlas.trigger_point_caveats:
        caveats = " " + " ".join(
            f"{caveat.text.rstrip('.')} [{_citations(atlas, caveat.sources)}]."
            for caveat in atlas.trigger_point_caveats
        )
    return (
        f"Trigger-point referral, a separate and contested mechanism rather than a path along a "
        f"fascial line: {'; '.join(sentences)}.{caveats}"
    )
