"""Finding symptoms, lines and regions by what a person types.

One :class:`AtlasIndex` per atlas answers every look-up (the API, the CLI and the app's URLs
alike). A query matches, in this order:

1. an id, name or alias, ignoring case, spaces, hyphens, underscores and apostrophes
   (``"Sore_Heel"``, ``"sore-heel"``);
2. the same words in another order (``"pain heel"``);
3. a small misspelling of one whole name (``"hedache"``), by :func:`rapidfuzz.fuzz.ratio`;
4. everyday phrasing (``"my heel hurts"``, ``"lower back ache"``): each word
   is matched to the atlas's words with :func:`rapidfuzz.fuzz.ratio`, and each matched word
   counts by how rare it is among the atlas's entries (a word found in every symptom, such as
   "pain", tells little). The match is taken only when one entry is clearly ahead.

Otherwise the look-up raises a :class:`LookupError` subclass whose ``suggestions`` are the
closest names, worded the same way for every kind of entry.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz import fuzz, process

from fascialines.atlas import Atlas, Line, Region, Symptom

__all__ = [
    "AtlasIndex",
    "SymptomMatch",
    "UnknownLine",
    "UnknownName",
    "UnknownRegion",
    "UnknownSymptom",
    "normalise",
]

T = TypeVar("T")

#: A whole query this close to one name (:func:`rapidfuzz.fuzz.ratio`, 0 to 100) means it.
NAME_SIMILARITY = 85.0
#: A word matches an atlas word from this :func:`rapidfuzz.fuzz.ratio` on ("lower" ~ "low").
WORD_SIMILARITY = 75.0
#: The best fuzzy entry must score this many times the runner-up to be taken without asking.
CLEAR_LEAD = 1.5
#: Words shorter than this must match exactly: "my" is not a misspelling of "mid".
FUZZY_MIN_LENGTH = 4


def normalise(text: str) -> str:
    """Lowercase, drop apostrophes, turn other punctuation into spaces, collapse spaces.

    >>> normalise("  Sore_Heel-PAIN's ")
    'sore heel pains'
    """
    text = re.sub(r"['’`]", "", text.lower())
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


class UnknownName(LookupError):
    """No entry matches; ``suggestions`` are the closest names (maybe none).

    ``kind`` is what was looked for (``"symptom"``, ``"line"`` or ``"region"``), ``query`` what
    was typed.
    """

    kind = "entry"

    def __init__(self, query: str, suggestions: Iterable[str] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        super().__init__(self.sentence())

    def sentence(self) -> str:
        """One plain sentence for a person, with the suggestions when there are some."""
        text = f"No {self.kind} is called {self.query!r}."
        if self.suggestions:
            text += f" Did you mean {_either(self.suggestions)}?"
        return text


class UnknownSymptom(UnknownName):
    """No symptom matches the query."""

    kind = "symptom"


class UnknownLine(UnknownName):
    """No line matches the query."""

    kind = "line"


class UnknownRegion(UnknownName):
    """No region matches the query."""

    kind = "region"


def _either(names: tuple[str, ...]) -> str:
    quoted = [f"'{name}'" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


@dataclass(frozen=True)
class SymptomMatch:
    """A symptom found by a look-up: through which alias (if any) and that alias's note."""

    symptom: Symptom
    alias: str | None = None
    #: From ``Symptom.alias_notes``: e.g. that a migraine is a different condition.
    note: str | None = None


class _Names(Generic[T]):
    """Exact, word-order and fuzzy look-up over the names of one kind of entry."""

    def __init__(self, entries: Iterable[tuple[T, str, Iterable[str], Iterable[str]]]) -> None:
        # entries: (item, display name, names that are not aliases, aliases)
        self.items: list[T] = []
        self.display: list[str] = []
        self.exact: dict[str, tuple[int, str | None]] = {}
        self.unordered: dict[str, tuple[int, str | None]] = {}
        words_of: list[set[str]] = []
        written: list[str] = []
        for number, (item, shown, names, aliases) in enumerate(entries):
            self.items.append(item)
            self.display.append(shown)
            words: set[str] = set()
            for name, alias in [*((n, None) for n in names), *((a, a) for a in aliases)]:
                key = normalise(name)
                written.append(name)
                self.exact.setdefault(key, (number, alias))
                self.unordered.setdefault(" ".join(sorted(key.split())), (number, alias))
                words.update(key.split())
            words_of.append(words)
        self.entries_with: dict[str, list[int]] = {}
        for number, words in enumerate(words_of):
            for word in words:
                self.entries_with.setdefault(word, []).append(number)
        count = max(len(self.items), 1)
        self.rarity = {
            word: math.log(1 + count / len(found)) for word, found in self.entries_with.items()
        }
        # A name exactly as the atlas writes it (an id from a link, say) skips normalising; it
        # finds what its normalised form finds, so the order of the rules is unchanged.
        self.written = {name: self.exact[normalise(name)] for name in written}
        self.vocabulary = list(self.entries_with)
        self.names = list(self.exact)
        self.name_owner = [self.exact[name] for name in self.names]

    def exactly(self, text: str) -> tuple[int, str | None] | None:
        found = self.written.get(text)
        if found is not None:
            return found
        key = normalise(text)
        found = self.exact.get(key)
        if found is None:
            found = self.unordered.get(" ".join(sorted(key.split())))
        return found

    def scores(self, text: str) -> dict[int, float]:
        """Each entry's fuzzy score: the rarity of every query word it matches, by similarity."""
        best: dict[int, float] = {}
        for word in dict.fromkeys(normalise(text).split()):
            if len(word) < FUZZY_MIN_LENGTH:
                matches = [(word, 100.0, 0)] if word in self.entries_with else []
            else:
                matches = process.extract(
                    word,
                    self.vocabulary,
                    scorer=fuzz.ratio,
                    score_cutoff=WORD_SIMILARITY,
                    limit=8,
                )
            gained: dict[int, float] = {}
            for match, similarity, _ in matches:
                value = self.rarity[match] * similarity / 100.0
                for number in self.entries_with[match]:
                    gained[number] = max(gained.get(number, 0.0), value)
            for number, value in gained.items():
                best[number] = best.get(number, 0.0) + value
        return best

    def ranked(self, text: str, limit: int) -> list[int]:
        scores = self.scores(text)
        return sorted(scores, key=lambda n: (-scores[n], self.display[n]))[:limit]

    def find(self, text: str) -> tuple[int, str | None] | None:
        """The entry and alias for ``text``, or ``None`` when no entry is clearly meant."""
        found = self.exactly(text)
        if found is not None:
            return found
        close = process.extract(
            normalise(text), self.names, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY, limit=4
        )
        if close:
            best = close[0][1]
            owners = {self.name_owner[i][0] for _, score, i in close if score == best}
            if len(owners) == 1:
                return self.name_owner[close[0][2]]
        scores = self.scores(text)
        if not scores:
            return None
        ordered = sorted(scores.values(), reverse=True)
        runner_up = ordered[1] if len(ordered) > 1 else 0.0
        if ordered[0] < CLEAR_LEAD * runner_up:
            return None
        number = max(scores, key=scores.__getitem__)
        return (number, None)

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        # Names a small misspelling away come first: "ar ache" is as near "arm ache" as
        # "ear ache", which is why neither was taken without asking.
        near = [
            self.name_owner[i][0]
            for _, _, i in process.extract(
                normalise(text),
                self.names,
                scorer=fuzz.ratio,
                score_cutoff=NAME_SIMILARITY,
                limit=limit,
            )
        ]
        close = list(dict.fromkeys([*near, *self.ranked(text, limit)]))[:limit]
        if not close:
            # Nothing shares a word: fall back to whole-name similarity.
            close = [
                index
                for _, _, index in process.extract(
                    normalise(text), self.display, scorer=fuzz.WRatio, limit=limit, score_cutoff=60
                )
            ]
        return [self.display[n] for n in close]


class AtlasIndex:
    """Every look-up of one atlas, built once (see the module docstring for the rules).

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> index = AtlasIndex(load_atlas("tests/fixtures/mini_atlas.json"))
    >>> index.symptom("  Sore_Heel ").symptom.id
    'heel-pain'
    >>> index.symptom("my heel hurts").symptom.id
    'heel-pain'
    >>> index.line("bl").id
    'back-line'
    """

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        self._symptoms: _Names[Symptom] = _Names(
            (s, s.name, (s.id, s.name), s.aliases) for s in atlas.symptoms
        )
        self._lines: _Names[Line] = _Names(
            (line, line.name, (line.id, line.name, line.abbreviation), ()) for line in atlas.lines
        )
        self._regions: _Names[Region] = _Names(
            (
                r,
                r.name,
                (r.id, r.name, *((r.plain_name,) if r.plain_name else ())),
                r.aliases,
            )
            for r in atlas.regions
        )

    def symptom(self, text: str) -> SymptomMatch:
        """The symptom meant by ``text``; raise :class:`UnknownSymptom` if none clearly is."""
        found = self._symptoms.find(text)
        if found is None:
            raise UnknownSymptom(text, self._symptoms.suggestions(text))
        symptom = self._symptoms.items[found[0]]
        alias = found[1]
        return SymptomMatch(symptom, alias, symptom.alias_notes.get(alias) if alias else None)

    def line(self, text: str) -> Line:
        """The line meant by an id, abbreviation or name; raise :class:`UnknownLine`."""
        found = self._lines.find(text)
        if found is None:
            raise UnknownLine(text, self._lines.suggestions(text))
        return self._lines.items[found[0]]

    def region(self, text: str) -> Region:
        """The region meant by an id, name, plain name or alias; raise :class:`UnknownRegion`."""
        found = self._regions.find(text)
        if found is None:
            raise UnknownRegion(text, self._regions.suggestions(text))
        return self._regions.items[found[0]]

    def search_symptoms(self, text: str, limit: int = 10) -> list[SymptomMatch]:
        """Symptoms for a picker, best first: an exact match, then the fuzzy ones."""
        order: list[int] = []
        found = self._symptoms.exactly(text)
        if found is not None:
            order.append(found[0])
        order += [n for n in self._symptoms.ranked(text, limit) if n not in order]
        return [SymptomMatch(self._symptoms.items[n]) for n in order[:limit]]
