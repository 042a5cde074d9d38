"""The shipped atlas's trigger-point patterns, checked against Travell and Simons.

Every pattern has essential and spillover zones and a trigger point; the errors named in issue 9
are fixed and the missing muscles and zones are there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fascialines.atlas import Atlas, load_atlas

DATA = Path(__file__).resolve().parents[1] / "data" / "lines.json"


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(DATA)


def test_new_regions_come_with_their_texts(atlas: Atlas) -> None:
    # The regions this branch adds carry their own description and care (or the reason not to
    # self-treat); the existing ones are checked in test_atlas_data.py.
    added = set(ADDED_PATTERNS) - {"sartorius"}  # sartorius was there, on the Ipsilateral line
    for region_id in sorted(added | {"inner-shin", "side-of-chest", "teeth", "ball-of-foot"}):
        region = atlas.region(region_id)
        assert region.description, region_id
        if region.kind in ("track", "muscle"):
            assert (region.self_care is None) != (region.not_for_self_treatment is None), region_id


#: The classic referral mappings reference §3 marks as checked: muscle region -> areas.
CLASSIC_REFERRALS = {
    "trapezius": {"temple"},
    "sternocleidomastoid": {"forehead", "ear", "eye"},
    "suboccipitals": {"back-of-head", "temple"},
    "soleus": {"heel", "sacroiliac"},
    "gluteus-minimus": {"outer-thigh", "outer-lower-leg"},
    "quadratus-lumborum": {"lateral-hip", "buttock"},
    "scalenes": {"chest", "hand"},
    "infraspinatus": {"shoulder-front"},
    "iliopsoas": {"lower-back"},
    "rectus-abdominis": {"lower-back", "lower-abdomen"},
    "adductor-longus": {"groin", "inner-knee"},
    "vastus-lateralis": {"outer-knee"},
    "gastrocnemius": {"calf", "back-of-knee"},
}


def test_the_checked_classic_referrals_are_there(atlas: Atlas) -> None:
    reaches: dict[str, set[str]] = {}
    for pattern in atlas.referral_patterns:
        reaches.setdefault(pattern.muscle, set()).update(pattern.refers_to)
    for muscle, areas in CLASSIC_REFERRALS.items():
        assert areas <= reaches.get(muscle, set()), (muscle, areas - reaches.get(muscle, set()))


#: Muscles the issue found missing, as the regions (or the line track holding them) that the
#: patterns name, with one zone Travell and Simons give each.
ADDED_PATTERNS = {
    "teres-minor": "shoulder-back",
    "teres-major": "shoulder-back",
    "serratus-posterior-superior": "between-shoulder-blades",
    "serratus-posterior-inferior": "mid-back",
    "brachialis": "thumb",
    "coracobrachialis": "shoulder-front",
    "pronator-teres": "wrist",
    "palmaris-longus": "hand",
    "adductor-pollicis": "thumb",
    "first-dorsal-interosseous": "fingers",
    "subclavius": "shoulder-front",
    "anconeus": "lateral-elbow",
    "pectineus": "groin",
    "gracilis": "inner-thigh",
    "sartorius": "front-of-thigh",
    "vastus-intermedius": "front-of-thigh",
    "long-toe-extensors": "top-of-foot",
    "adductor-hallucis": "ball-of-foot",
    "abductor-digiti-minimi-foot": "ball-of-foot",
    "foot-interossei": "dorsal-toes",
    "biceps-femoris": "back-of-knee",
}


#: Zones of muscles already there that the issue found missing (muscle region -> zones).
ADDED_ZONES = {
    "triceps": {"inner-elbow", "back-of-elbow"},
    "pectoralis-major": {"inner-arm"},
    "serratus-anterior": {"inner-arm"},
    "hamstrings": {"buttock"},
    "iliopsoas": {"front-of-thigh", "sacroiliac"},
    "tibialis-anterior": {"front-of-ankle", "big-toe"},
    "trapezius": {"jaw"},
    "masseter": {"eye"},
    "pectoralis-minor": {"shoulder-front"},
}


def _zones_by_muscle(atlas: Atlas) -> dict[str, set[str]]:
    reaches: dict[str, set[str]] = {}
    for pattern in atlas.referral_patterns:
        reaches.setdefault(pattern.muscle, set()).update(pattern.refers_to)
    return reaches


def test_every_pattern_says_where_its_trigger_point_lies(atlas: Atlas) -> None:
    for pattern in atlas.referral_patterns:
        assert pattern.trigger_point and pattern.trigger_point.description, pattern.id
        assert pattern.essential, pattern.id
        for area in pattern.refers_to:
            assert pattern.zone(area) in ("essential", "spillover"), (pattern.id, area)
    placed = [p for p in atlas.referral_patterns if p.trigger_point.front or p.trigger_point.back]
    assert len(placed) >= 0.8 * len(atlas.referral_patterns)


def test_the_errors_the_issue_named_are_fixed(atlas: Atlas) -> None:
    levator = _zones_by_muscle(atlas)["levator-scapulae"]
    assert "shoulder-front" not in levator
    assert {"neck-back", "between-shoulder-blades", "shoulder-back"} <= levator
    (flexor_brevis,) = [p for p in atlas.referral_patterns if "digitorum brevis" in p.description]
    assert flexor_brevis.essential == ["ball-of-foot"] and "heel" not in flexor_brevis.refers_to


def test_the_missing_muscles_and_zones_are_there(atlas: Atlas) -> None:
    reaches = _zones_by_muscle(atlas)
    for muscle, area in ADDED_PATTERNS.items():
        assert area in reaches.get(muscle, set()), (muscle, area)
    for muscle, areas in ADDED_ZONES.items():
        assert areas <= reaches[muscle], (muscle, areas - reaches[muscle])


def test_the_upper_and_lower_body_cite_their_own_volume(atlas: Atlas) -> None:
    # Volume 1 is the upper half of the body, volume 2 the lower limb and pelvis.
    for pattern in atlas.referral_patterns:
        area = atlas.region(pattern.muscle).body_area
        if area in ("head", "neck", "upper-limb", "hand"):
            assert pattern.sources == ["travell-simons-1983"], pattern.id
        elif area in ("lower-limb", "foot"):
            assert pattern.sources == ["travell-simons-1992"], pattern.id
