"""What the engine keeps between traces changes no answer, and its table stays bounded.

The memo (:mod:`fascialines.tracing.memo`) reuses searches, steps, reasons and whole answers
across traces of one graph. Each test here makes the memo hold pieces from other requests
first (other sides, bounds, grades and line filters, in a random order) and checks that a
trace then equals the same trace on a fresh graph of the same atlas, which has kept nothing.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas
from fascialines.graph import build_graph
from fascialines.tracing import trace
from fascialines.tracing.memo import Bounded, forget, memo_for
from fascialines.tracing.search import best_paths
from strategies import atlases, trace_requests

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def requests_around(draw: st.DrawFn, atlas: Atlas) -> list[dict[str, Any]]:
    """A request, last, after others that differ from it in some options (or are others).

    Neighbours share what a memo keys on (felt-at nodes, grades, bounds), so a piece kept for
    one and wrongly reused for another would show.
    """
    request = draw(trace_requests(atlas, max_hops=8))
    other = trace_requests(atlas, max_hops=8)
    earlier = draw(
        st.lists(
            st.one_of(
                other,
                other.flatmap(
                    lambda o: st.sets(st.sampled_from(sorted(o))).map(
                        lambda keys: {**request, **{k: o[k] for k in keys}}
                    )
                ),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return [*earlier, request]


@SETTINGS
@given(data=st.data())
def test_a_trace_after_others_equals_one_on_a_fresh_graph(data: st.DataObject) -> None:
    atlas = data.draw(atlases())
    graph = build_graph(atlas)
    *earlier, request = data.draw(requests_around(atlas))
    for asked in earlier:
        trace(graph, **asked)
    again = trace(graph, **request)
    fresh = trace(build_graph(atlas), **request)
    assert again == fresh
    # The paths too, not only what the candidates' equality compares.
    assert [c.paths for c in again.candidates] == [c.paths for c in fresh.candidates]
    assert again.landmarks == fresh.landmarks


@SETTINGS
@given(data=st.data())
def test_a_search_made_to_more_steps_answers_for_fewer(data: st.DataObject) -> None:
    atlas = data.draw(atlases())
    graph = build_graph(atlas)
    request = data.draw(trace_requests(atlas, max_hops=8))
    deeper = {**request, "max_hops": request["max_hops"] + data.draw(st.integers(1, 4))}
    trace(graph, **deeper)
    memo_for(graph).answers.clear()  # keep the deeper searches, drop the answers
    result = trace(graph, **request)
    felt = [(r.id, r.side) for r in result.felt_at]

    def searched() -> dict[Any, Any]:
        found = best_paths(graph, felt, result.options)
        return {slot: (f.hops, f.rank, f.edges) for slot, f in found.items()}

    kept = searched()
    forget(graph)
    assert searched() == kept


def test_forget_drops_what_a_graph_kept(mini_atlas: Atlas) -> None:
    graph = build_graph(mini_atlas)
    first = trace(graph, "headache", side="left")
    assert len(memo_for(graph).answers) == 1
    forget(graph)
    assert len(memo_for(graph).answers) == 0
    assert trace(graph, "headache", side="left") == first


def test_a_request_asked_again_shares_the_immutable_answer(mini_atlas: Atlas) -> None:
    graph = build_graph(mini_atlas)
    first = trace(graph, "headache", side="left")
    second = trace(graph, "Headache", side="left")
    assert second.candidates is first.candidates
    with pytest.raises(AttributeError):
        first.candidates[0].rank = 2  # type: ignore[misc]
    search = next(iter(best_paths(graph, [("occipital-ridge", "midline")], first.options).values()))
    with pytest.raises(TypeError):
        search.parents[("calf", "left")] = None  # type: ignore[index]


def test_traces_from_several_threads_agree_with_one_thread(mini_atlas: Atlas) -> None:
    # The app traces from several threads; the memo is shared between them.
    requests: list[dict[str, Any]] = [
        {"symptom": symptom.id, "side": side, "max_hops": hops}
        for symptom in mini_atlas.symptoms
        for side in ("left", "right", "both")
        for hops in (1, 3, 6)
    ]
    alone = [trace(build_graph(mini_atlas), **request) for request in requests]
    shared = build_graph(mini_atlas)
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda r: trace(shared, **r), requests * 3))
    assert together == alone * 3


@given(
    size=st.integers(min_value=1, max_value=5),
    calls=st.lists(st.tuples(st.booleans(), st.integers(0, 7)), max_size=40),
)
def test_the_bounded_table_keeps_the_most_recently_used(
    size: int, calls: list[tuple[bool, int]]
) -> None:
    table: Bounded[int, str] = Bounded(size)
    recent: list[int] = []  # the model: keys kept, least recently used first
    for put, key in calls:
        if put:
            table.put(key, str(key))
            recent = [k for k in recent if k != key] + [key]
            recent = recent[-size:]
        else:
            assert table.get(key) == (str(key) if key in recent else None)
            if key in recent:
                recent = [k for k in recent if k != key] + [key]
        assert len(table) == len(recent) <= size
    assert all(table.get(key) == str(key) for key in list(recent))
