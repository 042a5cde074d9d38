"""Evidence grades: one type for their order, their weight and the words that say them.

A grade in the atlas rates the *tissue continuity* that dissection studies found between two
structures (or along a whole line); it never rates that pain travels along that tissue. The
grades form a small closed set, from strongest to weakest:

``strong``, ``moderate``, ``limited``
    studied and found, with more or less support;
``not-studied``
    the teaching model's claim only;
``not-found``
    studied and not found: weaker than untested, because someone looked.

>>> Evidence("moderate") > Evidence.LIMITED
True
>>> [grade.value for grade in sorted([Evidence.NOT_FOUND, Evidence.STRONG, Evidence.LIMITED])]
['not-found', 'limited', 'strong']
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Evidence"]

_RANK = {"strong": 4, "moderate": 3, "limited": 2, "not-studied": 1, "not-found": 0}

_CLIENT = {
    "strong": "strong: several dissection studies found this tissue continuous",
    "moderate": "moderate: dissection studies found this tissue continuous, with some gaps",
    "limited": "limited: dissection studies found little of this continuity",
    "not-studied": "not studied: the teaching model's claim only",
    "not-found": "weak: dissection studies looked for this continuity and did not find it",
}

_STUDENT = {
    "strong": "strong evidence of tissue continuity in dissection",
    "moderate": "moderate evidence of tissue continuity in dissection",
    "limited": "limited evidence of tissue continuity in dissection",
    "not-studied": "no dissection study of this continuity, only the model's claim",
    "not-found": "dissection studies that looked for this continuity and did not find it",
}


class Evidence(StrEnum):
    """An evidence grade; compares by strength (``STRONG`` is the greatest).

    It is a ``str``, so ``Evidence.STRONG == "strong"`` and it serialises as its value.
    Comparisons between grades use :attr:`rank`, not the alphabet.

    Examples
    --------
    >>> Evidence.NOT_FOUND.rank, Evidence.STRONG.weight
    (0, 1.0)
    >>> max(Evidence("limited"), Evidence("not-studied")).value
    'limited'
    """

    STRONG = "strong"
    MODERATE = "moderate"
    LIMITED = "limited"
    NOT_STUDIED = "not-studied"
    NOT_FOUND = "not-found"

    @property
    def rank(self) -> int:
        """4 for ``strong`` down to 0 for ``not-found``: higher is better supported."""
        # Keyed by the member itself (it hashes as its string): cheaper than ``.value``.
        return _RANK[self]

    @property
    def weight(self) -> float:
        """A cost for weighted path algorithms: 1 for ``strong`` up to 5 for ``not-found``."""
        return float(5 - _RANK[self])

    @property
    def words_client(self) -> str:
        """The grade in everyday words, saying that it rates tissue continuity."""
        return _CLIENT[self]

    @property
    def words_student(self) -> str:
        """The grade as a phrase for a sentence of prose, for a student."""
        return _STUDENT[self]

    @classmethod
    def strongest_first(cls) -> tuple[Evidence, ...]:
        """Every grade, from ``STRONG`` to ``NOT_FOUND``."""
        return tuple(sorted(cls, reverse=True))

    # StrEnum would order grades as strings; equality and hashing stay those of the value, so
    # a grade is interchangeable with its string in dicts and JSON.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return _RANK[self] <= _RANK[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return _RANK[self] > _RANK[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return _RANK[self] >= _RANK[other]
