"""The maintainers' scripts (benchmarks, screenshot makers) still import what the package has.

They run by hand, not in the suite, so a renamed or moved name would otherwise surface only
the next time someone takes a screenshot. Importing one runs its definitions, not its work
(each keeps that under ``if __name__ == "__main__"``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted([*ROOT.glob("benchmarks/*.py"), *ROOT.glob("docs/screenshots/*.py")])


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_script_imports(script: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(script.parent))
    spec = importlib.util.spec_from_file_location(f"script_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)


def test_every_script_keeps_its_work_for_when_it_is_run() -> None:
    for script in SCRIPTS:
        if script.name != "common.py":
            assert 'if __name__ == "__main__":' in script.read_text(encoding="utf-8"), script
