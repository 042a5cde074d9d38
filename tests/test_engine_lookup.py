"""A name exactly as the atlas writes it takes a short cut in the look-up: it changes nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fascialines.lookup import AtlasIndex
from strategies import atlases


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_name_as_written_finds_what_its_normalised_form_finds(data: st.DataObject) -> None:
    atlas = data.draw(atlases())
    index = AtlasIndex(atlas)
    names = [
        *(n for s in atlas.symptoms for n in (s.id, s.name, *s.aliases)),
        *(n for line in atlas.lines for n in (line.id, line.name, line.abbreviation)),
    ]
    name = data.draw(st.sampled_from(names))
    # Padding and upper case miss the short cut and go through normalising.
    padded = f"  {name.upper()} "
    if name in {n for s in atlas.symptoms for n in (s.id, s.name, *s.aliases)}:
        assert index.symptom(name) == index.symptom(padded)
    else:
        assert index.line(name) == index.line(padded)
