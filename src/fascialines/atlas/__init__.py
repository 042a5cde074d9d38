"""The atlas: the data behind every answer, as ``data/lines.json`` holds it.

An atlas holds regions (bony stations, myofascial tracks, muscles and the surface areas where a
symptom is felt), the myofascial lines that chain them, trigger-point referral patterns,
symptoms with their red flags, and the sources and safety notes behind all of it.

- :mod:`fascialines.atlas.models`: the records as pydantic models (coordinates, evidence grades).
- :mod:`fascialines.atlas.checks`: what is wrong with a file, each problem with its JSON path.
- :mod:`fascialines.atlas.loading`: :func:`load_atlas`, which reads, validates and cross-checks.

Everything public is importable from here, ``from fascialines.atlas import Atlas, load_atlas``.
"""

from __future__ import annotations

from fascialines.atlas.checks import RECORD_COLLECTIONS, AtlasError, AtlasProblem
from fascialines.atlas.loading import (
    atlas_json_schema,
    default_atlas_path,
    load_atlas,
    parse_atlas,
)
from fascialines.atlas.models import (
    EVIDENCE_ORDER,
    SCHEMA_VERSION,
    Atlas,
    Branch,
    Claim,
    Contraindication,
    EndangermentSite,
    EvidenceGrade,
    Line,
    LineEvidence,
    MidlineCrossing,
    Point,
    RedFlag,
    ReferralPattern,
    Region,
    SelfCare,
    Source,
    Symptom,
    Transition,
    TriggerPointSite,
    evidence_rank,
)

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
