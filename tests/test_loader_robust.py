"""Whatever bytes an atlas file holds, loading it gives an Atlas or an AtlasError, never a crash.

The property tests mutate the shipped atlas the ways real files go wrong: a value of another
type, a missing or extra key, another encoding, stray binary bytes, brackets nested 100,000 deep,
a 5,000-digit number. ``fascialines validate`` then exits 1 with each problem located.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fascialines.atlas import Atlas, AtlasError, default_atlas_path, parse_atlas
from fascialines.cli import main

SHIPPED_TEXT = default_atlas_path().read_text(encoding="utf-8")
SHIPPED = json.loads(SHIPPED_TEXT)

# Any JSON value, including the awkward ones: long text, surrogates, huge and negative numbers.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = _paths(SHIPPED)[1:]


def _set(tree: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        tree = tree[part]
    tree[path[-1]] = value


def _delete(tree: Any, path: tuple[Any, ...]) -> None:
    for part in path[:-1]:
        tree = tree[part]
    del tree[path[-1]]


@st.composite
def mutated_trees(draw: st.DrawFn) -> Any:
    """The shipped atlas with one to three values replaced, deleted or wrapped."""
    tree = copy.deepcopy(SHIPPED)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(PATHS))
        try:
            old = tree
            for part in path:
                old = old[part]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
        action = draw(st.sampled_from(["replace", "delete", "wrap", "stringify"]))
        if action == "replace":
            _set(tree, path, draw(json_values))
        elif action == "delete":
            _delete(tree, path)
        elif action == "wrap":
            _set(tree, path, [old] if draw(st.booleans()) else {"value": old})
        else:
            _set(tree, path, json.dumps(old))
    return tree


def _outcome(data: str | bytes) -> Atlas | AtlasError:
    try:
        return parse_atlas(data, source="mutated.json")
    except AtlasError as error:
        assert error.problems, "an AtlasError lists at least one problem"
        for problem in error.problems:
            assert problem.path.startswith("$") and problem.reason
            # Every reason can be printed on a UTF-8 terminal.
            str(problem).encode("utf-8")
        return error


SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(mutated_trees())
def test_a_mutated_structure_loads_or_is_an_atlas_error(tree: Any) -> None:
    _outcome(json.dumps(tree, ensure_ascii=False))


@SLOW
@given(
    encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]),
)
def test_another_encoding_is_an_atlas_error_or_loads(encoding: str) -> None:
    # The shipped atlas holds arrows, dashes and accents: cp1252 and latin-1 turn them into
    # bytes that are not UTF-8 (where they can be written at all).
    data = SHIPPED_TEXT.encode(encoding, errors="replace")
    outcome = _outcome(data)
    assert isinstance(outcome, AtlasError)
    assert "UTF-8" in str(outcome)


@SLOW
@given(offset=st.integers(min_value=0, max_value=len(SHIPPED_TEXT)), junk=st.binary(min_size=1))
def test_stray_bytes_anywhere_load_or_are_an_atlas_error(offset: int, junk: bytes) -> None:
    data = SHIPPED_TEXT.encode("utf-8")
    _outcome(data[:offset] + junk + data[offset:])


@SLOW
@given(st.binary(max_size=2000))
def test_any_bytes_at_all_are_an_atlas_error(data: bytes) -> None:
    assert isinstance(_outcome(data), AtlasError)


@SLOW
@given(
    path=st.sampled_from(PATHS),
    depth=st.sampled_from([65, 1_000, 100_000]),
    opening=st.sampled_from(["[", '{"a": ']),
)
def test_deep_nesting_anywhere_is_a_located_atlas_error(
    path: tuple[Any, ...], depth: int, opening: str
) -> None:
    tree = copy.deepcopy(SHIPPED)
    marker = "\u2603deep\u2603"
    _set(tree, path, marker)
    closing = "]" if opening == "[" else "}"
    nested = opening * depth + "0" + closing * depth
    text = json.dumps(tree, ensure_ascii=False).replace(
        json.dumps(marker, ensure_ascii=False), nested
    )
    outcome = _outcome(text)
    assert isinstance(outcome, AtlasError)
    assert "nest deeper" in str(outcome) and "line 1, column" in str(outcome)


@SLOW
@given(
    path=st.sampled_from(PATHS),
    number=st.sampled_from(["9" * 5000, "-" + "1" * 5000, "1." + "0" * 5000, "1e999", "NaN"]),
)
def test_huge_numbers_anywhere_are_an_atlas_error(path: tuple[Any, ...], number: str) -> None:
    tree = copy.deepcopy(SHIPPED)
    marker = "\u2603number\u2603"
    _set(tree, path, marker)
    text = json.dumps(tree, ensure_ascii=False).replace(
        json.dumps(marker, ensure_ascii=False), number
    )
    outcome = _outcome(text)
    assert isinstance(outcome, AtlasError)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"schema_version": 2, "regions": ["\\ud800"]}', "lone surrogate"),
        ("[" * 100_000 + "]" * 100_000, "nest deeper"),
        ('{"schema_version": ' + "7" * 5000 + "}", "5,000 characters"),
    ],
)
def test_each_refusal_is_worded(text: str, reason: str) -> None:
    outcome = _outcome(text)
    assert isinstance(outcome, AtlasError)
    assert reason in str(outcome)


def test_an_id_that_is_a_list_and_sources_that_are_a_number_are_type_problems() -> None:
    tree = copy.deepcopy(SHIPPED)
    tree["regions"][0]["id"] = ["heel"]
    tree["lines"][0]["branches"][0]["transitions"][0]["sources"] = 5
    outcome = _outcome(json.dumps(tree))
    assert isinstance(outcome, AtlasError)
    paths = {problem.path for problem in outcome.problems}
    assert "$.regions[0].id" in paths
    assert "$.lines[0].branches[0].transitions[0].sources" in paths


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (SHIPPED_TEXT.encode("utf-16"), "UTF-16"),
        (SHIPPED_TEXT.encode("utf-16-le"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
        (b'{"title": "caf\xe9"}', "not UTF-8 text: byte 0xe9 at line 1, column 15"),
        (("[" * 100_000).encode(), "nest deeper than 64 levels"),
    ],
)
def test_validate_exits_1_with_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    atlas = tmp_path / "broken.json"
    atlas.write_bytes(content)
    assert main(["validate", str(atlas)]) == 1
    out = capsys.readouterr()
    assert words in out.out
    assert "Traceback" not in out.out + out.err
    for command in (["lines"], ["symptoms"], ["trace", "heel pain"]):
        assert main([*command, "--data", str(atlas)]) == 1
        assert words in capsys.readouterr().err
