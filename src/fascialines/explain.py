"""Plain sentences from a trace: one wording for a client, one for a student.

Client wording uses everyday words ("your left calf"), says how strong the evidence is in words
and never diagnoses: a connection "may be linked" to what is felt. Student wording keeps the
anatomical names, line abbreviations, grades, the basis of each grade and the source ids.
"""

from __future__ import annotations

from typing import Literal

from fascialines.atlas import Atlas
from fascialines.trace import Candidate, LinePath, RegionRef, Trace, TriggerPointLink

__all__ = ["DISCLAIMER", "evidence_words", "explain_candidate", "explain_trace"]

Audience = Literal["client", "student"]

DISCLAIMER = (
    "fascialines is for education, not diagnosis: it shows connections described by a teaching "
    "model and how well each is supported, not the cause of anyone's pain. See a qualified "
    "health professional about symptoms, and see a doctor promptly about any red flag."
)

_EVIDENCE_WORDS = {
    "strong": "strong (studied and found in several studies)",
    "moderate": "moderate (studied and found, with some gaps)",
    "limited": "limited (studied, with little support found)",
    "not-studied": "not studied (the model's claim only)",
    "not-found": "weak (studied and not found)",
    "": "no line evidence (a trigger-point pattern only)",
}


def evidence_words(grade: str) -> str:
    """Say an evidence grade in words, e.g. ``"not studied: the model's claim only"``.

    An empty grade (a candidate supported only by a trigger-point pattern) has words too.

    Examples
    --------
    >>> evidence_words("strong")
    'strong (studied and found in several studies)'
    """
    try:
        return _EVIDENCE_WORDS[grade]
    except KeyError:
        raise ValueError(f"unknown evidence grade {grade!r}") from None


def explain_candidate(trace: Trace, candidate: Candidate, audience: Audience = "client") -> str:
    """One paragraph on why a candidate is listed, for a client or a student.

    Parameters
    ----------
    trace : Trace
        The trace the candidate belongs to (for the symptom and the atlas-free wording).
    candidate : Candidate
    audience : {"client", "student"}

    Returns
    -------
    str
    """
    if audience not in ("client", "student"):
        raise ValueError(f"unknown audience {audience!r}: choose client or student")
    atlas = _atlas_of(trace)
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


def _atlas_of(trace: Trace) -> Atlas | None:
    # A hand-built Trace may carry no atlas: fall back to anatomical names and line ids.
    return trace.atlas


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


def _line_name(atlas: Atlas | None, line_id: str, student: bool = False) -> str:
    if atlas is None:
        return line_id
    line = atlas.line(line_id)
    return f"{line.name} ({line.abbreviation})" if student else f"the {line.name}"


def _steps(hops: int) -> str:
    return f"{hops} step{'s' if hops != 1 else ''}"


def _client_path(atlas: Atlas | None, path: LinePath, first: bool) -> str:
    source, felt = _plain(atlas, path.regions[0]), _plain(atlas, path.regions[-1])
    opening = "In the fascial-lines model, " if first else "Also, "
    whole_line = all(step.evidence_basis == "line" for step in path.steps)
    rated = ", a rating of the whole line rather than of this link" if whole_line else ""
    return (
        f"{opening}{_line_name(atlas, path.line)} links {source} with {felt}, "
        f"{_steps(path.hops)} along the line. Evidence for this link: "
        f"{evidence_words(path.evidence)}{rated}."
    )


def _caveat_citations(atlas: Atlas | None) -> str:
    if atlas is None:
        return ""
    cited = dict.fromkeys(
        _short_citation(atlas, source)
        for caveat in atlas.trigger_point_caveats
        for source in caveat.sources
    )
    return f" ({'; '.join(cited)})" if cited else ""


def _short_citation(atlas: Atlas, source_id: str) -> str:
    source = atlas.source(source_id)
    author = source.citation.replace(",", " ").split()[0]
    return f"{author} {source.year}" if source.year else author


def _client_trigger_points(atlas: Atlas | None, links: tuple[TriggerPointLink, ...]) -> str:
    muscle = _plain(atlas, links[0].muscle)
    areas = sorted({_plain(atlas, link.refers_to) for link in links})
    return (
        f"Separately, tender spots (trigger points) in {muscle} are classically described as "
        f"sending pain to {' and '.join(areas)}. That is a different idea from the fascial "
        f"lines, and a contested one: how reliably such spots can be found, and the idea "
        f"itself, are debated{_caveat_citations(atlas)}."
    )


def _student_path(atlas: Atlas | None, path: LinePath) -> str:
    route = " → ".join(f"{region.name} ({region.side})" for region in path.regions)
    line_level = sum(step.evidence_basis == "line" for step in path.steps)
    basis = (
        "line-level rating only"
        if line_level == len(path.steps)
        else "rated per transition"
        if line_level == 0
        else f"line-level rating only for {line_level} of {len(path.steps)} transitions"
    )
    sources = sorted({source for step in path.steps for source in step.sources})
    return (
        f"{_line_name(atlas, path.line, student=True)}: {route}; {path.hops} hop"
        f"{'s' if path.hops != 1 else ''}, weakest grade {path.evidence} ({basis}); "
        f"sources: {', '.join(sources)}."
    )


def _student_trigger_points(atlas: Atlas | None, links: tuple[TriggerPointLink, ...]) -> str:
    listed = "; ".join(
        f"{link.pattern}: {link.muscle.name} ({link.muscle.side}) → {link.refers_to.name} "
        f"({link.refers_to.side}) [{', '.join(link.sources)}]"
        for link in links
    )
    caveats = ""
    if atlas is not None and atlas.trigger_point_caveats:
        caveats = " Caveats: " + " ".join(
            f"{caveat.text} [{', '.join(caveat.sources)}]" for caveat in atlas.trigger_point_caveats
        )
    return (
        f"Trigger-point referral (a separate, contested mechanism, not a fascial-line path): "
        f"{listed}.{caveats}"
    )
