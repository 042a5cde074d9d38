"""The content of the evidence page: what the grades mean and what stands behind each line.

Structured content, not web components: the web app (or a printed handout) lays it out. Every
part comes from the atlas's reader texts: each grade in plain words, every source with its full
citation and what the atlas cites it for, per line its rating, what was studied and found and
which steps a source rated on their own, the caveats about trigger points, and each claim of
the article the project started from beside its verdict. Editors' notes are never read.
"""

from __future__ import annotations

from dataclasses import dataclass

from fascialines.atlas import Atlas, Line
from fascialines.teaching.grades import (
    BASIS_MEANINGS,
    GRADE_LABELS,
    GRADE_MEANINGS,
    grades_strongest_first,
)

__all__ = [
    "INTRO",
    "BasisEntry",
    "CaveatEntry",
    "CitedFor",
    "ClaimEntry",
    "EvidencePage",
    "GradeEntry",
    "LineEntry",
    "SourceEntry",
    "StepEntry",
    "build_evidence_page",
]

INTRO = (
    "Every connection in fascialines carries a grade that says how well it has been studied, "
    "and the sources behind it. A grade rates the tissue continuity that studies found, never "
    "that pain travels along it. This page says what the grades mean, lists every source, "
    "shows what was studied for each line, and sets popular claims beside what the evidence "
    "says."
)


@dataclass(frozen=True)
class GradeEntry:
    grade: str
    label: str
    meaning: str
    #: Ids of the lines rated this grade as a whole.
    lines: tuple[str, ...]
    #: How many steps a source rated on their own with this grade.
    rated_steps: int


@dataclass(frozen=True)
class BasisEntry:
    basis: str
    meaning: str


@dataclass(frozen=True)
class CitedFor:
    """One thing in the atlas that cites a source: its kind (``line``, ``claim``...), id, name."""

    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class SourceEntry:
    id: str
    citation: str
    year: int | None
    doi: str | None
    note: str | None
    cited_for: tuple[CitedFor, ...]


@dataclass(frozen=True)
class StepEntry:
    """A step of a line that a source rated on its own."""

    start: str
    end: str
    start_name: str
    end_name: str
    grade: str
    sources: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class LineEntry:
    id: str
    name: str
    abbreviation: str
    grade: str
    grade_label: str
    #: What was studied and found, in the atlas's words.
    summary: str
    sources: tuple[str, ...]
    rated_steps: tuple[StepEntry, ...]
    #: Steps no source rated on their own: the line's rating is what may be said of them.
    steps_on_line_rating: int


@dataclass(frozen=True)
class CaveatEntry:
    id: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ClaimEntry:
    id: str
    claim: str
    verdict: str
    evidence: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EvidencePage:
    title: str
    intro: str
    grades: tuple[GradeEntry, ...]
    bases: tuple[BasisEntry, ...]
    sources: tuple[SourceEntry, ...]
    lines: tuple[LineEntry, ...]
    trigger_point_caveats: tuple[CaveatEntry, ...]
    claims: tuple[ClaimEntry, ...]


def _line_entry(atlas: Atlas, line: Line) -> LineEntry:
    rated = tuple(
        StepEntry(
            start=step.from_,
            end=step.to,
            start_name=atlas.region(step.from_).name,
            end_name=atlas.region(step.to).name,
            grade=step.evidence,
            sources=tuple(step.sources),
            note=step.note,
        )
        for step in line.transitions
        if step.evidence_basis == "transition"
    )
    return LineEntry(
        id=line.id,
        name=line.name,
        abbreviation=line.abbreviation,
        grade=line.evidence.grade,
        grade_label=GRADE_LABELS[line.evidence.grade],
        summary=line.evidence.summary,
        sources=tuple(line.evidence.sources),
        rated_steps=rated,
        steps_on_line_rating=len(line.transitions) - len(rated),
    )


def _citations(atlas: Atlas) -> dict[str, list[CitedFor]]:
    """Source id -> everything that cites it, in atlas order, each once."""
    found: dict[str, dict[CitedFor, None]] = {source.id: {} for source in atlas.sources}

    def cite(sources: list[str], kind: str, item_id: str, name: str) -> None:
        for source in sources:
            found.setdefault(source, {})[CitedFor(kind, item_id, name)] = None

    for line in atlas.lines:
        cite(line.evidence.sources, "line", line.id, line.name)
        for step in line.transitions:
            cite(step.sources, "line", line.id, line.name)
    for pattern in atlas.referral_patterns:
        name = f"trigger points of {atlas.region(pattern.muscle).name}"
        cite(pattern.sources, "referral-pattern", pattern.id, name)
    for caveat in atlas.trigger_point_caveats:
        cite(caveat.sources, "trigger-point-caveat", caveat.id, caveat.text)
    for claim in atlas.claims:
        cite(claim.sources, "claim", claim.id, claim.claim)
    for flag in atlas.red_flags:
        cite(flag.sources, "red-flag", flag.id, flag.text)
    for item in atlas.contraindications:
        cite(item.sources, "contraindication", item.id, item.text)
    for site in atlas.endangerment_sites:
        cite(site.sources, "endangerment-site", site.id, site.name)
    for region in atlas.regions:
        if region.self_care is not None:
            cite(region.self_care.sources, "self-care", region.id, region.name)
    return {source: list(items) for source, items in found.items()}


def build_evidence_page(atlas: Atlas) -> EvidencePage:
    """Gather the evidence page's content from an atlas.

    Parameters
    ----------
    atlas : Atlas

    Returns
    -------
    EvidencePage
        The grades from strongest to weakest with their meaning, the two bases of a step's
        grade, every source (atlas order) with what cites it, every line (atlas order), the
        trigger-point caveats and every claim with its verdict.

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> page = build_evidence_page(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> [entry.grade for entry in page.grades]
    ['strong', 'moderate', 'limited', 'not-studied', 'not-found']
    """
    lines = tuple(_line_entry(atlas, line) for line in atlas.lines)
    citations = _citations(atlas)
    grades = tuple(
        GradeEntry(
            grade=grade,
            label=GRADE_LABELS[grade],
            meaning=GRADE_MEANINGS[grade],
            lines=tuple(entry.id for entry in lines if entry.grade == grade),
            rated_steps=sum(step.grade == grade for entry in lines for step in entry.rated_steps),
        )
        for grade in grades_strongest_first()
    )
    return EvidencePage(
        title="How sure is anyone? The evidence behind fascialines",
        intro=INTRO,
        grades=grades,
        bases=tuple(BasisEntry(basis, meaning) for basis, meaning in BASIS_MEANINGS.items()),
        sources=tuple(
            SourceEntry(
                id=source.id,
                citation=source.citation,
                year=source.year,
                doi=source.doi,
                note=source.note,
                cited_for=tuple(citations[source.id]),
            )
            for source in atlas.sources
        ),
        lines=lines,
        trigger_point_caveats=tuple(
            CaveatEntry(caveat.id, caveat.text, tuple(caveat.sources))
            for caveat in atlas.trigger_point_caveats
        ),
        claims=tuple(
            ClaimEntry(claim.id, claim.claim, claim.verdict, claim.evidence, tuple(claim.sources))
            for claim in atlas.claims
        ),
    )
