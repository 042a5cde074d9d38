"""Shared fixtures: the hand-made mini atlas (``tests/fixtures/mini_atlas.json``) and its graph.

The mini atlas is small enough to trace by hand; ``test_trace.py`` asserts those answers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from fascialines.atlas import Atlas, load_atlas
from fascialines.graph import build_graph

TESTS = Path(__file__).parent
# pytest runs with --import-mode=importlib, which puts no test folder on sys.path; the
# property tests import their strategies from tests/strategies.py.
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

MINI_ATLAS = TESTS / "fixtures" / "mini_atlas.json"
REPO = TESTS.parent


@pytest.fixture(scope="session")
def mini_atlas_path() -> Path:
    return MINI_ATLAS


@pytest.fixture(scope="session")
def mini_atlas() -> Atlas:
    return load_atlas(MINI_ATLAS)


@pytest.fixture(scope="session")
def mini_graph(mini_atlas: Atlas) -> nx.MultiGraph:
    return build_graph(mini_atlas)


@pytest.fixture
def mini_raw() -> dict[str, Any]:
    """A fresh, mutable copy of the mini atlas JSON, for tests that break it on purpose."""
    return json.loads(MINI_ATLAS.read_text(encoding="utf-8"))
