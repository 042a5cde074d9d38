"""The symptom picker finds what people type, through the core's look-up (no browser)."""

from __future__ import annotations

import dash
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.lookup import AtlasIndex
from fascialines.web.app import create_app
from fascialines.web.views import controls, picker
from web_screen import request_outputs

ATLAS = load_atlas()
INDEX = AtlasIndex(ATLAS)


def _shown(found: picker.Found, text: str) -> list[str]:
    """What the dropdown lists for the typed text: the options whose search text is it."""
    return [o["label"] for o in found.options if o["search"] == text]


@settings(max_examples=40, deadline=None)
@given(symptom=st.sampled_from(ATLAS.symptoms), data=st.data())
def test_a_name_in_any_word_order_or_an_alias_finds_its_symptom_first(symptom, data) -> None:
    words = symptom.name.replace("(", "").replace(")", "").split()
    typed = data.draw(st.sampled_from([" ".join(reversed(words)), *symptom.aliases]), label="typed")
    found = picker.search(ATLAS, INDEX, typed)
    assert _shown(found, typed)[0] == symptom.name


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=30))
def test_every_symptom_stays_an_option_whatever_is_typed(text: str) -> None:
    # The chosen symptom keeps its full name on screen: no search removes an option.
    found = picker.search(ATLAS, INDEX, text)
    assert sorted(o["value"] for o in found.options) == sorted(s.id for s in ATLAS.symptoms)
    assert all(o["label"] == ATLAS.symptom_by_id(o["value"]).name for o in found.options)


def test_a_misspelling_and_a_sentence_find_the_symptom_meant() -> None:
    heel = next(s for s in ATLAS.symptoms if s.id == "plantar-fasciitis")
    for typed in ("my heel hurts", "plantar fascitis"):
        assert _shown(picker.search(ATLAS, INDEX, typed), typed)[0] == heel.name


def test_an_alias_with_a_note_shows_the_note() -> None:
    symptom, alias = next(
        (s, alias) for s in ATLAS.symptoms for alias in s.alias_notes if alias in s.aliases
    )
    found = picker.search(ATLAS, INDEX, alias)
    assert found.hint == symptom.alias_notes[alias]


def test_nothing_alike_says_so_and_a_near_name_says_did_you_mean() -> None:
    nothing = picker.search(ATLAS, INDEX, "xyzzy")
    assert _shown(nothing, "xyzzy") == []
    assert "Nothing matches “xyzzy”" in nothing.hint
    near = "Heel pian plantr"
    found = picker.search(ATLAS, INDEX, near)
    assert _shown(found, near), "the closest names are offered"
    if "Did you mean" in found.hint:
        assert _shown(found, near)[0] in found.hint


def test_a_word_still_being_typed_gets_no_did_you_mean() -> None:
    assert "Did you mean" not in picker.search(ATLAS, INDEX, "he").hint


@pytest.fixture(scope="module")
def app(mini_atlas: Atlas) -> dash.Dash:
    return create_app(mini_atlas)


def test_the_endpoint_answers_a_search_and_ignores_a_cleared_one(
    app: dash.Dash, mini_atlas: Atlas
) -> None:
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    callback = next(
        d for d in dependencies if d["output"].startswith(f"..{controls.Ids.SYMPTOM}.options")
    )

    def post(text: str | None) -> int:
        body = {
            "output": callback["output"],
            "outputs": request_outputs(callback["output"]),
            "inputs": [{"id": picker.Ids.QUERY, "property": "data", "value": text}],
            "state": [],
            "changedPropIds": [f"{picker.Ids.QUERY}.data"],
        }
        return client.post("/_dash-update-component", json=body)

    symptom = mini_atlas.symptoms[0]
    answered = post(symptom.name).get_json()["response"]
    assert answered[controls.Ids.SYMPTOM]["options"][0]["value"] == symptom.id
    assert post("").status_code == 204, "a cleared search sends nothing"
