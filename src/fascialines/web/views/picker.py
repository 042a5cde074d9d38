"""The symptom picker's search: what a person types, found through the core's look-up.

A ``dcc.Dropdown`` searches its options by the words of their labels only, so "my heel hurts",
"migrane" or "back low pain" would find nothing. Here the dropdown's typed text goes to the
server (Dash's dynamic options pattern, through the store :attr:`Ids.QUERY`) and
:class:`fascialines.lookup.AtlasIndex` answers it, with the rules the command line uses:
misspellings, word order, aliases. :func:`search` returns every option still (so the chosen
symptom keeps its full name on screen), the matches first and marked with the typed text as
their search text, so the dropdown shows exactly them, in the index's order
(``search_order="original"``). When nothing matches, the hint under the picker says "did you
mean …" with the closest whole names; an alias with a note (a migraine is a different condition)
shows that note.
"""

from __future__ import annotations

from dataclasses import dataclass

from fascialines.atlas import Atlas
from fascialines.lookup import AtlasIndex, UnknownSymptom
from fascialines.web.wording import CONTROL, MESSAGE, either

__all__ = ["LIMIT", "SHORTEST", "Found", "Ids", "all_options", "search"]

#: How many matches the picker offers for one search.
LIMIT = 8
#: Fewer letters than this are a word still being typed: no "did you mean" for it yet.
SHORTEST = 4


class Ids:
    """The picker's own ids (the dropdown is ``controls.Ids.SYMPTOM``)."""

    HINT = "trace-symptom-hint"
    #: The typed text, copied in the browser only when it holds a word (a listener in
    #: assets/app.js, no Dash callback), so opening or closing the menu, which clears the
    #: dropdown's search, costs neither a round-trip nor a callback.
    QUERY = "trace-symptom-query"


@dataclass(frozen=True)
class Found:
    """The options to show for a search and the sentence under the picker."""

    options: list[dict[str, str]]
    hint: str


def all_options(atlas: Atlas) -> list[dict[str, str]]:
    """Every symptom by its full name, alphabetically: the picker before anything is typed."""
    return [
        {"label": symptom.name, "value": symptom.id}
        for symptom in sorted(atlas.symptoms, key=lambda s: s.name.lower())
    ]


def search(atlas: Atlas, index: AtlasIndex, text: str) -> Found:
    """The picker's options and hint for the typed ``text``.

    Parameters
    ----------
    atlas : Atlas
        The atlas the index was built from.
    index : AtlasIndex
        Built once per process; a search is a few milliseconds (rapidfuzz).
    text : str
        What the person typed, as it stands.

    Returns
    -------
    Found
        All options, the matches first (their ``search`` is ``text``, so the dropdown's own
        filter keeps them); the rest keep their label as search text and show only if their
        name holds the typed words.
    """
    ranked = [match.symptom.id for match in index.search_symptoms(text, LIMIT)]
    hint = CONTROL["symptom-hint"]
    try:
        meant = index.symptom(text)
    except UnknownSymptom as unknown:
        if not ranked and len(text) >= SHORTEST:
            # Nothing shares a word with the text: offer the closest whole names instead.
            ranked = [s.id for s in atlas.symptoms if s.name in unknown.suggestions]
            names = [atlas.symptom_by_id(i).name for i in ranked[:3]]
            hint = (
                MESSAGE["did-you-mean"].format(text=text, names=either(names))
                if names
                else MESSAGE["no-match"].format(text=text)
            )
    else:
        # One symptom is clearly meant: offer it alone (others whose names hold the typed
        # words still show), with its alias's note if it has one.
        ranked = [meant.symptom.id]
        hint = meant.note or hint
    options = all_options(atlas)
    order = {symptom_id: place for place, symptom_id in enumerate(ranked)}
    matches = sorted((o for o in options if o["value"] in order), key=lambda o: order[o["value"]])
    rest = [o for o in options if o["value"] not in order]
    return Found(
        [*({**o, "search": text} for o in matches), *({**o, "search": o["label"]} for o in rest)],
        hint,
    )
