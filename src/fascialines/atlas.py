"""The atlas: pydantic models of ``data/lines.json`` and the loader that checks it.

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

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from fascialines.atlas_json import UnreadableJSON, read_json

__all__ = [
    "EVIDENCE_ORDER",
    "RECORD_COLLECTIONS",
    "SCHEMA_VERSION",
    "Atlas",
    "AtlasError",
    "AtlasProblem",
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
    "atlas_json_schema",
    "default_atlas_path",
    "evidence_rank",
    "load_atlas",
    "parse_atlas",
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


@dataclass(frozen=True)
class AtlasProblem:
    """One thing wrong with an atlas file: where (a JSON path such as ``$.lines[2].id``) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class AtlasError(ValueError):
    """An atlas could not be loaded; ``problems`` lists every problem found, not just the first."""

    def __init__(self, source: str, problems: Iterable[AtlasProblem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{source}: {count} problem{'s' if count != 1 else ''}\n{lines}")


def default_atlas_path() -> Path:
    """The atlas shipped with the package (inside the wheel), or the checkout's ``data/``."""
    packaged = Path(__file__).parent / "data" / "lines.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "lines.json"


def load_atlas(path: str | Path | None = None) -> Atlas:
    """Read, validate and cross-check an atlas file.

    Parameters
    ----------
    path : str or Path, optional
        The JSON file; the packaged atlas when omitted.

    Returns
    -------
    Atlas

    Raises
    ------
    AtlasError
        With every problem found: JSON syntax (with line and column), wrong types, duplicate
        ids, references to unknown regions, lines or sources, transitions that do not chain and
        coordinates out of range, each with its JSON path.
    """
    path = Path(path) if path is not None else default_atlas_path()
    try:
        # Bytes, not text: the encoding check in fascialines.atlas_json words its problems.
        data = path.read_bytes()
    except OSError as error:
        problem = AtlasProblem("$", f"cannot read the file ({error.strerror or error})")
        raise AtlasError(str(path), [problem]) from None
    return parse_atlas(data, source=str(path))


def parse_atlas(text: str | bytes, source: str = "<atlas>") -> Atlas:
    """Validate atlas JSON given as text or as a file's bytes; see :func:`load_atlas`.

    Whatever ``text`` holds (another encoding, binary bytes, brackets nested 100,000 deep, a
    5,000-digit number), the outcome is an :class:`Atlas` or an :class:`AtlasError`.
    """
    try:
        raw = read_json(text)
    except UnreadableJSON as error:
        raise AtlasError(source, [AtlasProblem("$", str(error))]) from None
    problems = list(_reference_problems(raw))
    try:
        atlas = Atlas.model_validate(raw)
    except ValidationError as error:
        problems = [*_type_problems(error), *problems]
        atlas = None
    if problems:
        raise AtlasError(source, _sorted_unique(problems))
    assert atlas is not None
    return atlas


def atlas_json_schema() -> dict[str, Any]:
    """The JSON Schema of the atlas format, for editors that validate as you type."""
    schema = Atlas.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "fascialines atlas"
    return schema


def _json_path(loc: Iterable[Any]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


# pydantic words a pattern mismatch as the regular expression; an educator needs an example.
_PATTERN_REASONS = {
    ID_PATTERN: "an id is lowercase letters and digits joined by single hyphens, like "
    "'plantar-fascia'",
    ABBREVIATION_PATTERN: "an abbreviation is 2 to 5 capital letters, like 'SBL'",
    COLOUR_PATTERN: "a colour is '#' and six hexadecimal digits, like '#0072B2'",
    UBERON_PATTERN: "an Uberon id looks like 'UBERON:0001389'",
    FMA_PATTERN: "an FMA id looks like 'FMA:22542'",
}


def _type_problems(error: ValidationError) -> Iterator[AtlasProblem]:
    for detail in error.errors():
        reason = detail["msg"]
        if detail["type"] == "missing":
            reason = "this field is required"
        elif detail["type"] == "extra_forbidden":
            reason = "unknown field (check its spelling against `fascialines schema`)"
        elif detail["type"] == "string_pattern_mismatch":
            pattern = str((detail.get("ctx") or {}).get("pattern", ""))
            reason = f"{_PATTERN_REASONS.get(pattern, reason)}, not {detail['input']!r}"
        yield AtlasProblem(_json_path(detail["loc"]), reason)


def _sorted_unique(problems: list[AtlasProblem]) -> list[AtlasProblem]:
    return list(dict.fromkeys(problems))


# Cross-reference checks run on the raw JSON, so they are reported together with type errors
# instead of waiting for a fully typed model. Anything malformed is skipped here: the type
# check already reports it.


def _items(raw: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ids(raw: Any, key: str) -> set[str]:
    return {item["id"] for _, item in _items(raw, key) if isinstance(item.get("id"), str)}


#: The atlas's lists of records with an ``id`` (and ``editor_notes``), in file order.
RECORD_COLLECTIONS: tuple[str, ...] = (
    "regions",
    "lines",
    "referral_patterns",
    "trigger_point_caveats",
    "symptoms",
    "red_flags",
    "contraindications",
    "endangerment_sites",
    "claims",
    "sources",
)


def _reference_problems(raw: Any) -> Iterator[AtlasProblem]:
    if not isinstance(raw, dict):
        return
    for key in RECORD_COLLECTIONS:
        # Only text ids are counted: an id that is a list or an object is a type problem.
        counts = Counter(
            item["id"] for _, item in _items(raw, key) if isinstance(item.get("id"), str)
        )
        for index, item in _items(raw, key):
            if isinstance(item.get("id"), str) and counts[item["id"]] > 1:
                yield AtlasProblem(f"$.{key}[{index}].id", f"duplicate id {item['id']!r}")

    regions, sources = _ids(raw, "regions"), _ids(raw, "sources")
    red_flags = _ids(raw, "red_flags")

    def known(value: Any, ids: set[str], what: str, path: str) -> Iterator[AtlasProblem]:
        if isinstance(value, str) and value not in ids:
            yield AtlasProblem(path, f"unknown {what} {value!r}")

    def known_all(values: Any, ids: set[str], what: str, path: str) -> Iterator[AtlasProblem]:
        if isinstance(values, list):
            for i, value in enumerate(values):
                yield from known(value, ids, what, f"{path}[{i}]")

    for key in (
        "lines",
        "referral_patterns",
        "trigger_point_caveats",
        "red_flags",
        "contraindications",
        "endangerment_sites",
        "claims",
    ):
        for index, item in _items(raw, key):
            yield from known_all(
                item.get("sources"), sources, "source", f"$.{key}[{index}].sources"
            )

    for index, region in _items(raw, "regions"):
        base = f"$.regions[{index}]"
        care = region.get("self_care")
        if care is not None and region.get("not_for_self_treatment") is not None:
            yield AtlasProblem(
                f"{base}.not_for_self_treatment",
                "a region has either self_care or not_for_self_treatment, not both",
            )
        if isinstance(care, dict):
            yield from known_all(
                care.get("sources"), sources, "source", f"{base}.self_care.sources"
            )
        if region.get("laterality") == "midline":
            for view in ("front", "back"):
                point = region.get(view)
                if isinstance(point, dict) and point.get("x") not in (0, 0.0, None):
                    yield AtlasProblem(f"{base}.{view}.x", "a midline region must have x = 0")

    for index, line in _items(raw, "lines"):
        yield from _line_problems(line, f"$.lines[{index}]", regions, sources)

    for index, pattern in _items(raw, "referral_patterns"):
        base = f"$.referral_patterns[{index}]"
        yield from known(pattern.get("muscle"), regions, "region", f"{base}.muscle")
        for zone in ("essential", "spillover"):
            yield from known_all(pattern.get(zone), regions, "region", f"{base}.{zone}")
        essential, spillover = pattern.get("essential"), pattern.get("spillover")
        if isinstance(essential, list) and isinstance(spillover, list):
            for i, area in enumerate(spillover):
                if isinstance(area, str) and area in essential:
                    yield AtlasProblem(
                        f"{base}.spillover[{i}]",
                        f"{area!r} is already an essential zone of this pattern",
                    )

    for index, symptom in _items(raw, "symptoms"):
        base = f"$.symptoms[{index}]"
        yield from known_all(symptom.get("felt_at"), regions, "region", f"{base}.felt_at")
        yield from known_all(symptom.get("red_flags"), red_flags, "red flag", f"{base}.red_flags")
        notes, aliases = symptom.get("alias_notes"), symptom.get("aliases")
        if isinstance(notes, dict) and isinstance(aliases, list):
            for alias in notes:
                if alias not in aliases:
                    yield AtlasProblem(
                        f"{base}.alias_notes", f"{alias!r} is not one of this symptom's aliases"
                    )

    for index, site in _items(raw, "endangerment_sites"):
        yield from known_all(
            site.get("regions"), regions, "region", f"$.endangerment_sites[{index}].regions"
        )


def _line_problems(
    line: dict[str, Any], base: str, regions: set[str], sources: set[str]
) -> Iterator[AtlasProblem]:
    evidence = line.get("evidence")
    if isinstance(evidence, dict) and isinstance(evidence.get("sources"), list):
        for i, source in enumerate(evidence["sources"]):
            if isinstance(source, str) and source not in sources:
                yield AtlasProblem(f"{base}.evidence.sources[{i}]", f"unknown source {source!r}")

    on_line: set[str] = set()
    steps: set[tuple[str, str]] = set()
    branches = line.get("branches")
    for b, branch in enumerate(branches if isinstance(branches, list) else []):
        if not isinstance(branch, dict) or not isinstance(branch.get("transitions"), list):
            continue
        previous_to: str | None = None
        for t, step in enumerate(branch["transitions"]):
            if not isinstance(step, dict):
                continue
            path = f"{base}.branches[{b}].transitions[{t}]"
            start, end = step.get("from"), step.get("to")
            for field, value in (("from", start), ("to", end)):
                if isinstance(value, str) and value not in regions:
                    yield AtlasProblem(f"{path}.{field}", f"unknown region {value!r}")
            step_sources = step.get("sources")
            for i, source in enumerate(step_sources if isinstance(step_sources, list) else []):
                if isinstance(source, str) and source not in sources:
                    yield AtlasProblem(f"{path}.sources[{i}]", f"unknown source {source!r}")
            if start == end and isinstance(start, str):
                yield AtlasProblem(
                    path, f"a transition must join two regions, not {start!r} to itself"
                )
            if t == 0 and b > 0 and isinstance(start, str) and start not in on_line:
                yield AtlasProblem(
                    f"{path}.from",
                    f"branch starts at {start!r}, which no earlier branch of this line reaches",
                )
            if t > 0 and previous_to is not None and start != previous_to:
                yield AtlasProblem(
                    f"{path}.from",
                    f"transitions do not chain: the previous one ends at {previous_to!r}, "
                    f"this one starts at {start!r}",
                )
            previous_to = end if isinstance(end, str) else None
            if isinstance(start, str) and isinstance(end, str):
                on_line.update((start, end))
                steps.add((start, end))

    crossings = line.get("midline_crossings")
    for c, crossing in enumerate(crossings if isinstance(crossings, list) else []):
        if not isinstance(crossing, dict):
            continue
        pair = (crossing.get("from"), crossing.get("to"))
        if all(isinstance(value, str) for value in pair) and pair not in steps:
            yield AtlasProblem(
                f"{base}.midline_crossings[{c}]",
                f"no transition of this line runs from {pair[0]!r} to {pair[1]!r}",
            )
