"""The shipped atlas's complaints: each understood, reachable and screened by its red flags.

These tests read data/lines.json: symptoms, their aliases and where they are felt, the red
flags on each, the safety lists, and the texts of conditions the lines do not explain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fascialines.atlas import Atlas, load_atlas

DATA = Path(__file__).resolve().parents[1] / "data" / "lines.json"


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return load_atlas(DATA)


def test_aliases_name_one_symptom_each(atlas: Atlas) -> None:
    from fascialines.lookup import AtlasIndex

    find_symptom = AtlasIndex(atlas).symptom

    for symptom in atlas.symptoms:
        for name in (symptom.id, symptom.name, *symptom.aliases):
            assert find_symptom(name).symptom.id == symptom.id, name


def test_every_symptom_can_be_traced_and_screened(atlas: Atlas) -> None:
    on_lines = {region for line in atlas.lines for region in line.stations}
    referred = {area for pattern in atlas.referral_patterns for area in pattern.refers_to}
    for symptom in atlas.symptoms:
        assert set(symptom.felt_at) & (on_lines | referred), symptom.id
        assert symptom.red_flags, symptom.id
        assert len(symptom.aliases) >= 2, symptom.id


def test_the_articles_complaints_are_there(atlas: Atlas) -> None:
    from fascialines.lookup import AtlasIndex

    find_symptom = AtlasIndex(atlas).symptom

    for complaint in (
        "chronic low back pain",
        "tight hips",
        "runner's knee",
        "neck pain",
        "headache",
        "tingling arms",
        "scar tissue",
        "fibromyalgia",
        "myofascial pain syndrome",
        "plantar fasciitis",
        "TMJ",
        "menstrual pain",
        "frozen shoulder",
        "sore heel",
        "tension headache",
    ):
        find_symptom(complaint)


#: Complaints the issue found not understood, each with the symptom it must reach.
ISSUE_COMPLAINTS = {
    "chest pain": "chest-pain",
    "sprained ankle": "ankle-pain",
    "ankle pain": "ankle-pain",
    "thumb pain": "thumb-pain",
    "De Quervain's": "thumb-pain",
    "back of shoulder pain": "back-of-shoulder-pain",
    "rib pain": "rib-pain",
    "side of chest pain": "rib-pain",
    "toothache": "toothache",
    "ear pain": "ear-pain",
    "top of head pain": "top-of-head-headache",
    "outer thigh pain": "outer-thigh-pain",
    "front of thigh pain": "front-thigh-pain",
    "inner thigh pain": "inner-thigh-pain",
    "top of foot pain": "top-of-foot-pain",
    "big toe pain": "big-toe-pain",
    "ball of foot pain": "ball-of-foot-pain",
    "forearm pain": "forearm-pain",
    "finger pain": "finger-pain",
    "migraine": "headache",
}


def test_the_issues_complaints_are_understood(atlas: Atlas) -> None:
    from fascialines.lookup import AtlasIndex

    find_symptom = AtlasIndex(atlas).symptom

    for words, symptom_id in ISSUE_COMPLAINTS.items():
        assert find_symptom(words).symptom.id == symptom_id, words
    # The commonest phrase must meet the cardiac red flag first.
    assert atlas.symptom_by_id("chest-pain").red_flags[0] == "cardiac-chest-pain"


def test_migraine_reaches_headache_with_a_plain_note_that_it_differs(atlas: Atlas) -> None:
    headache = atlas.symptom_by_id("headache")
    note = headache.alias_notes["migraine"]
    assert "different condition" in note and "doctor" in note
    for alias in headache.aliases:
        if "migr" in alias.lower():
            assert alias in headache.alias_notes, alias


def _normal(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch not in " -'_’")


def test_aliases_are_unique_across_symptoms(atlas: Atlas) -> None:
    # Matching ignores case, spaces, hyphens and apostrophes, so uniqueness must too.
    owner: dict[str, str] = {}
    clashes = []
    for symptom in atlas.symptoms:
        for name in {_normal(n) for n in (symptom.id, symptom.name, *symptom.aliases)}:
            if owner.setdefault(name, symptom.id) != symptom.id:
                clashes.append((name, owner[name], symptom.id))
    assert clashes == []


def test_every_pain_area_and_referral_zone_is_felt_by_some_symptom(atlas: Atlas) -> None:
    # Otherwise a zone can never be reached from a complaint, and its patterns never shown.
    felt = {region for symptom in atlas.symptoms for region in symptom.felt_at}
    areas = {region.id for region in atlas.regions if region.kind == "area"}
    zones = {area for pattern in atlas.referral_patterns for area in pattern.refers_to}
    assert sorted(areas - felt) == []
    assert sorted(zones - felt) == []


def test_every_red_flag_screens_some_complaint(atlas: Atlas) -> None:
    attached = {flag for symptom in atlas.symptoms for flag in symptom.red_flags}
    assert [flag.id for flag in atlas.red_flags if flag.id not in attached] == []
    for flag in atlas.red_flags:
        assert flag.action and flag.sources, flag.id


def test_felt_at_lists_match_the_anatomy_the_issue_reviewed(atlas: Atlas) -> None:
    felt = {symptom.id: set(symptom.felt_at) for symptom in atlas.symptoms}
    # The tendon, not the calf muscle: the calf stays free to be a source.
    assert "gastrocnemius" not in felt["achilles-pain"] and "heel" in felt["achilles-pain"]
    assert "inner-shin" in felt["shin-splints"]
    assert {"lumbar-vertebrae", "iliac-crest"} <= felt["low-back-pain"]
    assert "metatarsal-bases" in felt["arch-pain"]  # the Spiral Line's stirrup
    assert "inner-elbow" in felt["golfers-elbow"]


def test_conditions_the_lines_do_not_explain_say_so(atlas: Atlas) -> None:
    # Fibromyalgia and sciatica are not caused by a muscle or a line: the text says what the
    # condition is and that the map is a teaching model.
    fibromyalgia = atlas.symptom_by_id("fibromyalgia").description or ""
    assert "nervous system" in fibromyalgia and "teaching model" in fibromyalgia
    buttock = atlas.symptom_by_id("buttock-pain")
    assert "sciatica" in buttock.aliases
    assert "nerve root" in buttock.alias_notes["sciatica"]
    assert "teaching model" in buttock.alias_notes["sciatica"]
    assert "teaching model" in (buttock.description or "")


def test_no_self_care_schedule_is_passed_off_as_tested(atlas: Atlas) -> None:
    # The cited studies measured effects of rolling, not a schedule: a routine must say so.
    for region in atlas.regions:
        care = region.self_care
        if care is not None and "a week" in care.frequency:
            assert "any study has tested" in care.frequency, region.id


def test_safety_data_is_complete_and_sourced(atlas: Atlas) -> None:
    kinds = {item.kind for item in atlas.contraindications}
    assert kinds == {"absolute", "local"}
    assert len(atlas.endangerment_sites) >= 4
    assert all(site.regions for site in atlas.endangerment_sites)
    assert len(atlas.trigger_point_caveats) >= 3
    assert len(atlas.claims) >= 4
    for claim in atlas.claims:
        assert claim.verdict and claim.evidence and claim.sources


#: Red flags reference §4.2 ties to a complaint: cauda equina to low back pain and sciatica,
#: SNOOP4 to headaches, artery dissection to the neck, heart causes to the chest, shoulder and
#: arm, a clot to the calf and the back of the knee.
REQUIRED_FLAGS = {
    "low-back-pain": {"cauda-equina", "back-cancer", "back-infection", "fracture-risk"},
    "buttock-pain": {"cauda-equina", "back-cancer", "back-infection", "fracture-risk"},
    "headache": {"headache-emergency", "headache-snoop4", "giant-cell-arteritis", "meningitis"},
    "occipital-headache": {"headache-emergency", "headache-snoop4", "neck-artery-dissection"},
    "chest-tightness": {"cardiac-chest-pain", "aortic-dissection"},
    "tingling-arms": {"cardiac-chest-pain", "nerve-symptoms"},
    "calf-pain": {"calf-dvt", "compartment-syndrome", "claudication", "pulmonary-embolism"},
    "back-of-knee-pain": {"calf-dvt"},
    # The issue's safety list: each flag on the complaints it screens.
    "mid-back-pain": {"aortic-aneurysm", "osteoporotic-fracture"},
    "arm-weakness": {"stroke-tia"},
    "shin-splints": {"compartment-syndrome"},
    "achilles-pain": {"achilles-rupture"},
    "groin-pain": {"strangulated-hernia", "testicular-torsion"},
    "front-knee-pain": {"hot-swollen-joint"},
    "hip-pain": {"hot-swollen-joint", "polymyalgia-rheumatica"},
    "shoulder-pain": {"cardiac-chest-pain", "hot-swollen-joint", "polymyalgia-rheumatica"},
    "wrist-hand-pain": {"hot-swollen-joint"},
    "sacroiliac-pain": {"inflammatory-back-pain"},
    "neck-pain": {"neck-artery-dissection", "fracture-risk"},
    "eye-pain": {
        "headache-emergency",
        "headache-snoop4",
        "giant-cell-arteritis",
        "acute-glaucoma-vision",
    },
    "arch-pain": {"diabetic-foot"},
    "plantar-fasciitis": {"diabetic-foot"},
    "chest-pain": {"cardiac-chest-pain", "aortic-dissection", "pulmonary-embolism"},
    "ankle-pain": {"ankle-fracture"},
    "thumb-pain": {"scaphoid-fracture"},
}


REQUIRED_FLAGS["low-back-pain"] |= {"aortic-aneurysm", "inflammatory-back-pain"}


REQUIRED_FLAGS["tingling-arms"] |= {"stroke-tia"}


def test_red_flags_sit_on_the_complaints_they_screen(atlas: Atlas) -> None:
    for symptom_id, flags in REQUIRED_FLAGS.items():
        missing = flags - set(atlas.symptom_by_id(symptom_id).red_flags)
        assert not missing, (symptom_id, missing)


def test_contraindications_cover_the_reference_list(atlas: Atlas) -> None:
    kinds = {item.id: item.kind for item in atlas.contraindications}
    absolute = {"malignancy", "aneurysm", "acute-inflammation", "fever-infection", "dvt"}
    assert {kinds.get(item) for item in absolute | {"bleeding-disorder"}} == {"absolute"}
    local = {"skin-infection", "wounds", "bruise-strain", "fracture", "osteoporosis"}
    local |= {"anticoagulants", "circulation", "neuropathy", "high-risk-pregnancy"}
    assert {kinds.get(item) for item in local} == {"local"}
