"""What the engine works out once per body graph and reuses in every trace.

A trace's answer is made of pieces that do not depend on the symptom asked about: what one
line copy reaches from one felt-at node (a breadth-first search, see
:mod:`fascialines.tracing.search`), the :class:`~fascialines.tracing.results.Step` of an edge
walked one way, the :class:`~fascialines.tracing.results.TriggerPointLink` of a referral, the
score and reasons of a candidate; and the answer itself depends only on the felt-at nodes and
the options. The graph is frozen and every piece is immutable (frozen dataclasses of tuples,
or read-only mappings), so a piece built for one trace is exactly the piece another trace
would build: a trace that reuses them returns the same answer as one on a fresh graph (a
property test checks this after random other requests), and no reader of a trace can change
what the next one returns.

Searches and answers grow with use rather than with the atlas, so they are kept in bounded
least-recently-used tables (:data:`SEARCHES_KEPT`, :data:`ANSWERS_KEPT`); reasons are emptied
when they reach :data:`REASONS_KEPT`; steps and links are at most one per edge direction or
referral. One memo per graph, held weakly: it goes when its graph goes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

from fascialines.graph import BodyGraph, NodeKey, RegionRef
from fascialines.tracing.options import TraceOptions
from fascialines.tracing.results import Candidate, Reasons, ScoreParts, Step, TriggerPointLink

if TYPE_CHECKING:
    from fascialines.tracing.search import Reach

__all__ = [
    "ANSWERS_KEPT",
    "REASONS_KEPT",
    "SEARCHES_KEPT",
    "Answer",
    "AnswerKey",
    "Bounded",
    "Memo",
    "ReasonsKey",
    "SearchKey",
    "forget",
    "memo_for",
]

#: A search: line copy key, felt-at node, weakest grade rank walked, side asked (``""`` when
#: the felt-at node is paired, where the side asked changes nothing).
SearchKey = tuple[str, NodeKey, int, str]
#: A trace's answer: its candidates and landmarks, for ``(felt-at nodes, options)``.
Answer = tuple[tuple[Candidate, ...], tuple[RegionRef, ...]]
AnswerKey = tuple[tuple[NodeKey, ...], TraceOptions]
#: What a candidate's reasons say: steps, grade rank, agreeing, via, link id, zone.
ReasonsKey = tuple[int, int, int, str, str, str | None]

#: How many searches (one line copy from one felt-at node, at one grade and side) a graph
#: keeps. Every symptom x side x max_hops 1-12 x grade of the shipped atlas, without a line
#: filter, makes 1,300 (measured on 2026-12-01); a search is a neighbourhood of the felt-at
#: node, so this bounds the memory at any atlas size.
SEARCHES_KEPT = 8192
#: How many score-and-reasons values a graph keeps before it starts again from none.
REASONS_KEPT = 16384
#: How many answers (a trace's candidates and landmarks for one request) a graph keeps: the
#: shipped atlas has 990 symptom x side x max_hops 1-6 requests at one grade without a line
#: filter. With all 2,048 kept and those 1,300 searches, the memo held 12 MB (tracemalloc).
ANSWERS_KEPT = 2048

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A thread-safe least-recently-used table of at most ``size`` values.

    The web app traces from several threads at once; a lock keeps the table's order intact.
    Two threads that miss the same key both build the value and one keeps it: the values are
    equal, so either is right.
    """

    __slots__ = ("_lock", "_size", "_table")

    def __init__(self, size: int) -> None:
        self._table: OrderedDict[K, V] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._table)

    def get(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or ``None``."""
        with self._lock:
            value = self._table.get(key)
            if value is not None:
                self._table.move_to_end(key)
            return value

    def clear(self) -> None:
        """Drop every value."""
        with self._lock:
            self._table.clear()

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used value when full."""
        with self._lock:
            self._table[key] = value
            self._table.move_to_end(key)
            if len(self._table) > self._size:
                self._table.popitem(last=False)


class Memo:
    """The pieces kept for one graph: searches (bounded) and per-edge and per-referral tables.

    The per-edge and per-referral tables are keyed by ``id()`` of the graph's own edge and
    referral objects, which live as long as the graph and so as long as this memo; filling
    them twice from two threads stores equal values.
    """

    __slots__ = ("answers", "links", "parts", "reasons", "searches", "steps")

    def __init__(self, searches_kept: int = SEARCHES_KEPT) -> None:
        #: ``(felt-at nodes, options)`` to the answer: a request asked again is not worked out
        #: again.
        self.answers: Bounded[AnswerKey, Answer] = Bounded(ANSWERS_KEPT)
        self.searches: Bounded[SearchKey, Reach] = Bounded(searches_kept)
        #: ``(id(edge), start node)`` to the step walking that edge from that node.
        self.steps: dict[tuple[int, NodeKey], Step] = {}
        #: ``id(referral)`` to its link.
        self.links: dict[int, TriggerPointLink] = {}
        #: The rule's parts of a candidate (steps, grade rank, agreeing, via, link id, zone)
        #: to its score and reasons. Link ids multiply with the atlas, so it is emptied when
        #: it reaches :data:`REASONS_KEPT` (read for every candidate: no lock, no order).
        self.reasons: dict[ReasonsKey, tuple[float, Reasons]] = {}
        #: ``((best path's steps, its grade rank), lines, patterns)`` to the score parts.
        self.parts: dict[tuple[tuple[int, int], int, int], ScoreParts] = {}


_MEMOS: WeakKeyDictionary[BodyGraph, Memo] = WeakKeyDictionary()
_MEMOS_LOCK = threading.Lock()


def memo_for(graph: BodyGraph) -> Memo:
    """The memo of ``graph``, made on first use."""
    memo = _MEMOS.get(graph)
    if memo is None:
        with _MEMOS_LOCK:
            memo = _MEMOS.get(graph)
            if memo is None:
                memo = _MEMOS[graph] = Memo()
    return memo


def forget(graph: BodyGraph) -> None:
    """Drop what was kept for ``graph``: its next trace works everything out again.

    For benchmarks that time a first trace, and tests that compare with one; answers never
    need it.
    """
    with _MEMOS_LOCK:
        _MEMOS.pop(graph, None)
