"""The atlas's records: pydantic models of ``data/lines.json``, checked field by field.

An atlas holds regions (bony stations, myofascial tracks, muscles and the surface areas where a
symptom is felt), the myofascial lines that chain them, trigger-point referral patterns,
symptoms with their red flags, and the sources and safety notes behind all of it.

Coordinates
-----------
Every region may carry a point on the front view and on the back view, in one shared system
measured in percent of standing height: ``y`` runs from 0 at the soles to 100 at the top of the
head, and ``x`` is the lateral distance from the body's midline (0) towards the region's own
side. A paired region is drawn at ``+x`` on its left copy and mirrored for its right copy, so
one point places both; a midline region has ``x == 0``. The figure code decides which way a
view faces (front view: the client's right on the viewer's left).

Evidence
--------
Grades form a small closed set, from strongest to weakest: ``strong``, ``moderate``, ``limited``
(studied and found), ``not-studied`` (the model's claim only) and ``not-found`` (studied and not
found). :data:`EVIDENCE_ORDER` ranks them for filtering.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "ABBREVIATION_PATTERN",
    "COLOUR_PATTERN",
    "EVIDENCE_ORDER",
    "FMA_PATTERN",
    "ID_PATTERN",
    "SCHEMA_VERSION",
    "UBERON_PATTERN",
    "Atlas",
    "Branch",
    "Claim",
    "Contraindication",
    "EndangermentSite",
    "EvidenceGrade",
    "Line",
    "LineEvidence",
    "MidlineCrossing",
    "Point",
    "RedFlag",
    "ReferralPattern",
    "Region",
    "SelfCare",
    "Source",
    "Symptom",
    "Transition",
    "TriggerPointSite",
    "evidence_rank",
]

SCHEMA_VERSION = 2

EvidenceGrade = Literal["strong", "moderate", "limited", "not-studied", "not-found"]

#: Rank of each grade: higher is better supported. ``not-found`` ranks below ``not-studied``
#: because a link that was looked for and not seen is weaker than one nobody has tested.
EVIDENCE_ORDER: dict[str, int] = {
    "strong": 4,
    "moderate": 3,
    "limited": 2,
    "not-studied": 1,
    "not-found": 0,
}

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ABBREVIATION_PATTERN = r"^[A-Z]{2,5}$"
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
UBERON_PATTERN = r"^UBERON:\d{7}$"
FMA_PATTERN = r"^FMA:\d+$"

Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=80)]
Text = Annotated[str, Field(min_length=1)]
SourceIds = Annotated[list[Id], Field(min_length=1)]

MAX_LATERAL = 40.0


def evidence_rank(grade: str) -> int:
    """Return the rank of an evidence grade (higher is stronger); raise ``KeyError`` if unknown."""
    return EVIDENCE_ORDER[grade]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


#: Maintainers' remarks (what is unverified, what to review). Never shown to a reader by the
#: app, the CLI or the handout; a maintainers' report may list them.
EditorNotes = Annotated[str | None, Field(min_length=1)]


class Point(_Model):
    """A place on one view, in percent of standing height (see the module docstring)."""

    x: Annotated[float, Field(ge=0.0, le=MAX_LATERAL)]
    y: Annotated[float, Field(ge=0.0, le=100.0)]


class SelfCare(_Model):
    """What a person can safely do at home for a region, and what to avoid."""

    tool: Text
    how: Text
    duration: Text
    frequency: Text
    avoid: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Region(_Model):
    id: Id
    #: The anatomical name, for students ("Gastrocnemius and Achilles tendon").
    name: Text
    #: The words a client would use ("calf"); the explanations fall back to ``name``.
    plain_name: str | None = None
    aliases: list[Text] = []
    kind: Literal["station", "track", "muscle", "area"]
    laterality: Literal["paired", "midline"]
    body_area: Literal[
        "head", "neck", "trunk", "pelvis", "upper-limb", "lower-limb", "hand", "foot"
    ]
    description: str | None = None
    front: Point | None = None
    back: Point | None = None
    uberon: Annotated[str, Field(pattern=UBERON_PATTERN)] | None = None
    fma: Annotated[str, Field(pattern=FMA_PATTERN)] | None = None
    self_care: SelfCare | None = None
    #: Instead of ``self_care``: why this region is not for self-treatment (it lies deep, or
    #: beside an endangerment site), in plain words.
    not_for_self_treatment: str | None = None
    editor_notes: EditorNotes = None


class Transition(_Model):
    """One step along a line, from one station or track to the next."""

    from_: Id = Field(alias="from")
    to: Id
    evidence: EvidenceGrade
    #: ``transition`` when a source rated this very step, and ``evidence`` is that rating;
    #: ``line`` when no source rated the step on its own: ``evidence`` is then ``not-studied``
    #: (the engine ranks on what is known) and the line's own rating, in ``Line.evidence``, is
    #: what may be said about it, once per line.
    evidence_basis: Literal["transition", "line"] = "line"
    sources: SourceIds
    note: str | None = None
    editor_notes: EditorNotes = None


class Branch(_Model):
    """An unbroken chain of transitions; most lines have one, the Deep Front Line several."""

    id: Id
    name: Text
    transitions: Annotated[list[Transition], Field(min_length=1)]

    @property
    def stations(self) -> list[str]:
        return [self.transitions[0].from_, *(t.to for t in self.transitions)]


class MidlineCrossing(_Model):
    """Where a line passes to the other side: the side flips across ``from`` → ``to``."""

    from_: Id = Field(alias="from")
    to: Id
    description: Text


class LineEvidence(_Model):
    grade: EvidenceGrade
    summary: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Line(_Model):
    id: Id
    abbreviation: Annotated[str, Field(pattern=ABBREVIATION_PATTERN)]
    name: Text
    colour: Annotated[str, Field(pattern=COLOUR_PATTERN)]
    summary: Text
    evidence: LineEvidence
    branches: Annotated[list[Branch], Field(min_length=1)]
    midline_crossings: list[MidlineCrossing] = []
    editor_notes: EditorNotes = None

    @property
    def transitions(self) -> list[Transition]:
        return [t for branch in self.branches for t in branch.transitions]

    @property
    def stations(self) -> list[str]:
        """Every region on the line once, in order from foot or hand to head, branch by branch."""
        seen: dict[str, None] = {}
        for branch in self.branches:
            seen.update(dict.fromkeys(branch.stations))
        return list(seen)


class TriggerPointSite(_Model):
    """Where the trigger point itself lies, as Travell and Simons mark it with an X."""

    description: Text
    front: Point | None = None
    back: Point | None = None


class ReferralPattern(_Model):
    """A muscle whose trigger points classically refer pain to the listed areas.

    ``essential`` are the zones Travell and Simons draw in solid red (felt in nearly everyone
    with that trigger point); ``spillover`` those they stipple (felt in some).
    """

    id: Id
    muscle: Id
    essential: Annotated[list[Id], Field(min_length=1)]
    spillover: list[Id] = []
    trigger_point: TriggerPointSite | None = None
    description: Text
    sources: SourceIds
    editor_notes: EditorNotes = None

    @property
    def refers_to(self) -> list[str]:
        """Every zone, essential first."""
        return [*self.essential, *self.spillover]

    def zone(self, area: str) -> Literal["essential", "spillover"] | None:
        """Whether ``area`` is an essential or a spillover zone of this pattern, or neither."""
        if area in self.essential:
            return "essential"
        return "spillover" if area in self.spillover else None


class RedFlag(_Model):
    id: Id
    text: Text
    action: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Symptom(_Model):
    id: Id
    name: Text
    aliases: list[Text] = []
    #: A plain note shown when the symptom was found through this alias, e.g. that a migraine
    #: is a different condition from the headache it is filed under. Keys are aliases.
    alias_notes: dict[str, Text] = {}
    felt_at: Annotated[list[Id], Field(min_length=1)]
    description: str | None = None
    related_conditions: list[Text] = []
    red_flags: list[Id] = []
    editor_notes: EditorNotes = None


class Source(_Model):
    id: Id
    citation: Text
    year: Annotated[int, Field(ge=1800, le=2100)] | None = None
    doi: str | None = None
    note: str | None = None
    editor_notes: EditorNotes = None


class Contraindication(_Model):
    id: Id
    text: Text
    kind: Literal["absolute", "local"]
    sources: SourceIds
    editor_notes: EditorNotes = None


class EndangermentSite(_Model):
    id: Id
    name: Text
    regions: list[Id] = []
    reason: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Claim(_Model):
    """A popular claim and what the evidence says of it; never shown without its verdict."""

    id: Id
    claim: Text
    verdict: Text
    evidence: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Caveat(_Model):
    id: Id
    text: Text
    sources: SourceIds
    editor_notes: EditorNotes = None


class Atlas(_Model):
    schema_version: Literal[2]
    title: Text = "fascialines atlas"
    licence: str | None = None
    credits: str | None = None
    regions: list[Region]
    lines: list[Line]
    referral_patterns: list[ReferralPattern] = []
    trigger_point_caveats: list[Caveat] = []
    symptoms: list[Symptom] = []
    red_flags: list[RedFlag] = []
    contraindications: list[Contraindication] = []
    endangerment_sites: list[EndangermentSite] = []
    claims: list[Claim] = []
    sources: list[Source]

    @field_validator("schema_version", mode="before")
    @classmethod
    def _known_version(cls, value: Any) -> Any:
        if value == 1:
            raise ValueError(
                "this atlas is in format 1; this version of fascialines reads format 2, where "
                "each referral pattern's 'refers_to' becomes 'essential' (and 'spillover') "
                "zones: see docs/atlas.md"
            )
        if value != SCHEMA_VERSION:
            raise ValueError(f"this version of fascialines reads schema_version {SCHEMA_VERSION}")
        return value

    # Look-ups by id, built on first use and cached on the frozen instance: a cached_property
    # writes the instance's __dict__ directly, which pydantic leaves out of equality, hashing
    # and dumps, so a cache built or not never changes what the atlas is.
    def region(self, region_id: str) -> Region:
        """The region with this id; ``KeyError`` if there is none."""
        return self._regions_by_id[region_id]

    def line(self, line_id: str) -> Line:
        """The line with this id; ``KeyError`` if there is none."""
        return self._lines_by_id[line_id]

    def symptom_by_id(self, symptom_id: str) -> Symptom:
        """The symptom with this id (not a name or an alias: see :mod:`fascialines.lookup`)."""
        return self._symptoms_by_id[symptom_id]

    def source(self, source_id: str) -> Source:
        """The source with this id; ``KeyError`` if there is none."""
        return self._sources_by_id[source_id]

    def red_flag(self, flag_id: str) -> RedFlag:
        """The red flag with this id; ``KeyError`` if there is none."""
        return self._red_flags_by_id[flag_id]

    def endangerment_sites_at(self, region_id: str) -> tuple[EndangermentSite, ...]:
        """The sites where pressure must stay light that take in this region, in file order."""
        return self._sites_by_region.get(region_id, ())

    @cached_property
    def _regions_by_id(self) -> dict[str, Region]:
        return {region.id: region for region in self.regions}

    @cached_property
    def _lines_by_id(self) -> dict[str, Line]:
        return {line.id: line for line in self.lines}

    @cached_property
    def _symptoms_by_id(self) -> dict[str, Symptom]:
        return {symptom.id: symptom for symptom in self.symptoms}

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def _red_flags_by_id(self) -> dict[str, RedFlag]:
        return {flag.id: flag for flag in self.red_flags}

    @cached_property
    def _sites_by_region(self) -> dict[str, tuple[EndangermentSite, ...]]:
        at: dict[str, list[EndangermentSite]] = {}
        for site in self.endangerment_sites:
            for region_id in dict.fromkeys(site.regions):
                at.setdefault(region_id, []).append(site)
        return {region_id: tuple(sites) for region_id, sites in at.items()}
