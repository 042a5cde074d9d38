"""Look-ups by what a person types: ids, names, aliases, word order, small misspellings."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, load_atlas
from fascialines.lookup import (
    AtlasIndex,
    UnknownLine,
    UnknownRegion,
    UnknownSymptom,
    normalise,
)


@cache
def packaged() -> AtlasIndex:
    return AtlasIndex(load_atlas())


def names_of(index: AtlasIndex) -> list[tuple[str, str]]:
    return [
        (name, symptom.id)
        for symptom in index.atlas.symptoms
        for name in (symptom.id, symptom.name, *symptom.aliases)
    ]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_name_finds_its_symptom_in_any_case_spacing_and_word_order(
    data: st.DataObject,
) -> None:
    index = packaged()
    name, symptom_id = data.draw(st.sampled_from(names_of(index)))
    words = data.draw(st.permutations(normalise(name).split()))
    joiner = data.draw(st.sampled_from([" ", "  ", "-", "_"]))
    typed = joiner.join(words)
    typed = data.draw(st.sampled_from([typed, typed.upper(), typed.title()]))
    assert index.symptom(typed).symptom.id == symptom_id


def test_one_letter_dropped_still_finds_the_symptom_or_suggests_it() -> None:
    # Every name of 8 letters or more with every one letter dropped: few enough to try all.
    index = packaged()
    names = names_of(index)
    spellings = {
        owner: {normalise(n) for n, s in names if s == owner} for owner in {s for _, s in names}
    }
    tried = 0
    for name, symptom_id in names:
        text = normalise(name)
        if len(text) < 8:
            continue
        for cut in range(1, len(text) - 1):
            typed = text[:cut] + text[cut + 1 :]
            tried += 1
            try:
                found = index.symptom(typed).symptom
            except UnknownSymptom as unknown:
                assert index.atlas.symptom_by_id(symptom_id).name in unknown.suggestions, typed
            else:
                # Dropping a letter can make another entry's name: then it must be that one.
                assert found.id == symptom_id or typed in spellings[found.id], typed
    assert tried > 1000


def test_everyday_words_and_misspellings(mini_atlas: Atlas) -> None:
    index = AtlasIndex(mini_atlas)
    assert index.symptom("my heel hurts").symptom.id == "heel-pain"
    assert index.symptom("hedache").symptom.id == "headache"
    assert index.symptom("  Sore_Heel ").alias == "sore heel"
    assert index.symptom("heel pain").alias is None  # the name, not an alias


def test_unknown_names_are_worded_the_same_way_for_every_kind(mini_atlas: Atlas) -> None:
    index = AtlasIndex(mini_atlas)
    with pytest.raises(UnknownSymptom) as symptom:
        index.symptom("pain")
    assert str(symptom.value) == (
        "No symptom is called 'pain'. Did you mean 'Heel pain' or 'Menstrual pain'?"
    )
    with pytest.raises(UnknownLine) as line:
        index.line("zz")
    assert str(line.value) == "No line is called 'zz'."
    with pytest.raises(UnknownRegion) as region:
        index.region("elbo")
    assert str(region.value).startswith("No region is called 'elbo'.")
    assert isinstance(region.value, LookupError)


def test_lines_and_regions_by_id_abbreviation_name_or_alias(mini_atlas: Atlas) -> None:
    index = AtlasIndex(mini_atlas)
    for text in ("spiral-line", "SL", "spiral line", "Spirl Line"):
        assert index.line(text).id == "spiral-line"
    for region in mini_atlas.regions:
        names = (region.id, region.name, *region.aliases)
        assert {index.region(name).id for name in names} == {region.id}


def test_a_picker_search_puts_the_exact_match_first(mini_atlas: Atlas) -> None:
    index = AtlasIndex(mini_atlas)
    assert index.search_symptoms("heel pain")[0].symptom.id == "heel-pain"
    found = [m.symptom.id for m in index.search_symptoms("pain", limit=5)]
    assert set(found) == {"heel-pain", "menstrual-pain"}
    assert index.search_symptoms("zzzz") == []
