"""What a handout says: the top places of a trace in a client's words, self-care, red flags.

:func:`handout_content` turns a :class:`~fascialines.tracing.Trace` into a frozen
:class:`Handout`, the whole text of one page and nothing about how it looks. Every sentence
comes from the atlas or from :mod:`fascialines.explain`'s client wording; nothing is made up
here, and ``editor_notes`` are never read.

Why the self-care is regrouped
------------------------------
The atlas gives each region its own self-care note, and several sentences ("Never on the spine,
a joint or a bony point…", the routine "not a schedule any study has tested") are the same for
every region. On one printed page three copies of them would push the red flags off the page,
so a sentence every listed place shares is said once, under "For every place", and each place
keeps what is its own. No sentence is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fascialines.atlas import Atlas, Region
from fascialines.evidence import Evidence
from fascialines.explain import DISCLAIMER, explain_candidate, short_citation
from fascialines.tracing import Candidate, Trace

__all__ = [
    "PLACES",
    "Citation",
    "Handout",
    "Place",
    "RedFlagNote",
    "first_sentence",
    "handout_content",
    "shown_candidates",
]

#: How many places a handout lists (the focused one is added when it ranks lower).
PLACES = 3

SEE_A_DOCTOR = (
    "See a doctor promptly if any of the signs below appear, if the pain is new, severe or "
    "getting worse, or if it does not ease within a few weeks."
)
NO_RED_FLAGS = (
    "The atlas lists no particular warning signs for this complaint. See a doctor if the pain "
    "is new, severe, getting worse or comes with fever, numbness or weakness."
)
NOT_A_FINDING = "Each is a possibility to explore together, not a finding."
NO_PLACES = (
    "With these settings the model links no place to it: widen the search in the app (more "
    "steps, every line) or talk it through with your therapist."
)
TRIGGER_POINT_NOTE = (
    "Trigger points (tender spots said to send pain elsewhere) are a separate and contested "
    "idea, not a fascial line."
)

# A sentence ends at ". " followed by a capital letter (region names hold no full stops).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# explain.py opens a second paragraph part with a linking word that reads oddly alone.
_LINKING = ("Separately, ", "Also, ")


@dataclass(frozen=True)
class Place:
    """One place the model links to the complaint, in a client's words."""

    rank: int
    #: ``"Calf (left)"``: the client's word for it and the sides it was found on.
    name: str
    #: The anatomical name, for the therapist ("Gastrocnemius with the Achilles tendon").
    anatomical: str
    #: One plain sentence from :func:`fascialines.explain.explain_candidate`'s client wording.
    sentence: str
    #: How well the tissue continuity of its closest link is supported, in everyday words.
    evidence: str
    #: The self-care steps for this place, in order (empty when it is not for self-treatment).
    self_care: tuple[str, ...]
    #: Why this place is not for self-treatment, when the atlas says so.
    not_for_self_treatment: str | None
    #: Line ids of the paths drawn for it, in path order, each once.
    lines: tuple[str, ...]
    #: Whether a trigger-point pattern links it too.
    trigger_point: bool


@dataclass(frozen=True)
class RedFlagNote:
    """A warning sign and what to do about it."""

    sign: str
    action: str


@dataclass(frozen=True)
class Citation:
    """A source as a handout cites it: ``short`` in the text, ``full`` in the list."""

    id: str
    short: str
    full: str


@dataclass(frozen=True)
class Handout:
    """The whole text of a one-page handout for one trace."""

    complaint: str
    #: Where it is felt, in a client's words: ``"temple (left)"``.
    felt_at: str
    #: A note the complaint was found through (e.g. that a migraine is a different condition).
    alias_note: str | None
    places: tuple[Place, ...]
    #: Sentences every listed place's self-care shares, said once.
    self_care_shared: tuple[str, ...]
    red_flags: tuple[RedFlagNote, ...]
    see_a_doctor: str
    #: The "what the evidence says" line.
    evidence: str
    sources: tuple[Citation, ...]
    disclaimer: str
    #: The rank the page emphasises, if one was chosen.
    focus: int | None


def shown_candidates(trace: Trace, focus: int | None = None) -> tuple[Candidate, ...]:
    """The candidates a handout lists: the first :data:`PLACES`, and the focused one."""
    shown = list(trace.candidates[:PLACES])
    if focus is not None and focus > PLACES:
        shown += [c for c in trace.candidates if c.rank == focus]
    return tuple(shown)


def handout_content(trace: Trace, focus: int | None = None) -> Handout:
    """Gather a handout's text from a trace.

    Parameters
    ----------
    trace : Trace
        A trace of the packaged or another atlas (``trace.atlas`` must be set, as
        :func:`fascialines.tracing.trace` sets it).
    focus : int, optional
        A candidate's rank to emphasise; listed even when it ranks below the first three.

    Returns
    -------
    Handout

    Raises
    ------
    ValueError
        If the trace carries no atlas, or ``focus`` is not one of its ranks.

    Examples
    --------
    >>> from fascialines import build_graph, load_atlas, trace
    >>> graph = build_graph(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> content = handout_content(trace(graph, "sore heel", side="left"))
    >>> content.places[0].rank, content.complaint
    (1, 'Heel pain')
    """
    atlas = trace.atlas
    if atlas is None:
        raise ValueError("a handout needs the trace's atlas: trace with fascialines.trace")
    if focus is not None and not any(c.rank == focus for c in trace.candidates):
        raise ValueError(
            f"there is no place number {focus}: this trace lists {len(trace.candidates)}"
        )
    candidates = shown_candidates(trace, focus)
    regions = [atlas.region(c.region.id) for c in candidates]
    own_steps = [_self_care_steps(region) for region in regions]
    shared = _shared(own_steps)
    places = tuple(
        _place(atlas, trace, candidate, region, [s for s in steps if s not in shared])
        for candidate, region, steps in zip(candidates, regions, own_steps, strict=True)
    )
    flags = tuple(RedFlagNote(flag.text, flag.action) for flag in trace.red_flags)
    symptom = trace.symptom
    return Handout(
        complaint=symptom.name if symptom else "Pain",
        felt_at=_places_phrase(atlas, trace),
        alias_note=trace.match.note if trace.match else None,
        places=places,
        self_care_shared=tuple(shared),
        red_flags=flags,
        see_a_doctor=SEE_A_DOCTOR if flags else NO_RED_FLAGS,
        evidence=_evidence_line(atlas, candidates),
        sources=_citations(atlas, _source_ids(trace, candidates, regions)),
        disclaimer=DISCLAIMER,
        focus=focus,
    )


def first_sentence(paragraph: str) -> str:
    """The first sentence of a paragraph of :mod:`fascialines.explain`, able to stand alone.

    Examples
    --------
    >>> first_sentence("Separately, tender spots in your calf send pain. That is debated.")
    'Tender spots in your calf send pain.'
    """
    sentence = _SENTENCE_END.split(paragraph.strip(), maxsplit=1)[0]
    for word in _LINKING:
        if sentence.startswith(word):
            sentence = sentence[len(word) :]
            sentence = sentence[:1].upper() + sentence[1:]
    return sentence


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def _self_care_steps(region: Region) -> list[str]:
    """A region's self-care as steps: what to do, how long, how often, then what to avoid."""
    care = region.self_care
    if care is None:
        return []
    return [
        f"{care.tool}: {care.how}",
        *_sentences(care.duration),
        *_sentences(care.frequency),
        *(f"Avoid: {s}" if i == 0 else s for i, s in enumerate(_sentences(care.avoid))),
    ]


def _shared(steps: Sequence[list[str]]) -> list[str]:
    """Steps every place with self-care has, in the first place's order (none for one place)."""
    with_care = [s for s in steps if s]
    if len(with_care) < 2:
        return []
    common = set(with_care[0]).intersection(*with_care[1:])
    return [step for step in with_care[0] if step in common]


def _place_name(atlas: Atlas, candidate: Candidate) -> str:
    region = atlas.region(candidate.region.id)
    words = region.plain_name or region.name
    words = words[:1].upper() + words[1:]
    sides = [s for s in (candidate.sides or (candidate.region.side,)) if s != "midline"]
    if not sides:
        return words
    return f"{words} ({'both sides' if len(sides) > 1 else sides[0]})"


def _place(
    atlas: Atlas, trace: Trace, candidate: Candidate, region: Region, steps: list[str]
) -> Place:
    return Place(
        rank=candidate.rank,
        name=_place_name(atlas, candidate),
        anatomical=region.name,
        sentence=first_sentence(explain_candidate(trace, candidate, "client")),
        evidence=_link_evidence(atlas, candidate),
        self_care=tuple(steps),
        not_for_self_treatment=region.not_for_self_treatment,
        lines=tuple(dict.fromkeys(path.line for path in candidate.paths)),
        trigger_point=bool(candidate.trigger_points),
    )


def _link_evidence(atlas: Atlas, candidate: Candidate) -> str:
    """The evidence for the link the place's sentence describes (its first path, as in
    :mod:`fascialines.explain`, else its trigger-point pattern)."""
    if not candidate.paths:
        return "a trigger-point pattern, which no study in the atlas rates"
    path = candidate.paths[0]
    rated = [Evidence(step.evidence) for step in path.steps if step.evidence_basis == "transition"]
    if rated:
        return min(rated).words_client
    line = Evidence(atlas.line(path.line).evidence.grade)
    return f"not rated on its own; the line as a whole is rated {line.words_client}"


def _places_phrase(atlas: Atlas, trace: Trace) -> str:
    by_name: dict[str, set[str]] = {}
    for ref in trace.felt_at:
        region = atlas.region(ref.id)
        by_name.setdefault(region.plain_name or region.name, set()).add(ref.side)
    words = []
    for name, sides in by_name.items():
        sided = sorted(sides - {"midline"})
        label = "both sides" if len(sided) > 1 else (sided[0] if sided else "")
        words.append(f"{name} ({label})" if label else name)
    return ", ".join(words)


def _evidence_line(atlas: Atlas, candidates: Sequence[Candidate]) -> str:
    """One short line: how well each drawn line is studied, and what a grade is about."""
    line_ids = list(dict.fromkeys(p.line for c in candidates for p in c.paths))
    parts = [
        f"{atlas.line(line_id).name}: {_grade_word(atlas.line(line_id).evidence.grade)}"
        for line_id in line_ids
    ]
    said = f"The lines drawn, as rated as a whole: {'; '.join(parts)}. " if parts else ""
    tail = f" {TRIGGER_POINT_NOTE}" if any(c.trigger_points for c in candidates) else ""
    return (
        f"{said}A grade says how well dissection found the tissue continuous, not that pain "
        f"travels along it.{tail}"
    )


def _grade_word(grade: str) -> str:
    return Evidence(grade).value.replace("-", " ")


def _source_ids(
    trace: Trace, candidates: Sequence[Candidate], regions: Sequence[Region]
) -> list[str]:
    """Every source behind what the page says, in order of first mention."""
    atlas = trace.atlas
    assert atlas is not None
    ids: list[str] = []
    for candidate in candidates:
        for path in candidate.paths:
            ids += atlas.line(path.line).evidence.sources
            ids += [source for step in path.steps for source in step.sources]
        ids += [source for link in candidate.trigger_points for source in link.sources]
        if candidate.trigger_points:
            ids += [s for caveat in atlas.trigger_point_caveats for s in caveat.sources]
    for region in regions:
        ids += region.self_care.sources if region.self_care else []
    ids += [source for flag in trace.red_flags for source in flag.sources]
    return list(dict.fromkeys(ids))


def _citations(atlas: Atlas, source_ids: Iterable[str]) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            source_id, short_citation(atlas.source(source_id)), atlas.source(source_id).citation
        )
        for source_id in source_ids
    )
