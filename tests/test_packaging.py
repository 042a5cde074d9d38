"""The wheel works on its own: built, installed into a bare folder, run from elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding fascialines installed from a freshly built wheel (no dependencies)."""
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (test extra)")
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("fascialines-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "fascialines/data/lines.json" in names
    assert any(name.startswith("fascialines/assets/") for name in names)
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return target


def run_installed(
    target: Path, cwd: Path, *args: str, console_script: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(target)}
    command = (
        [str(target / "bin" / "fascialines")]
        if console_script
        else [sys.executable, "-m", "fascialines"]
    )
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def test_the_installed_copy_is_the_one_imported(installed: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import fascialines; print(fascialines.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(installed)},
        cwd=tmp_path,
        check=True,
    )
    assert Path(done.stdout.strip()).is_relative_to(installed)


def test_the_packaged_atlas_validates(installed: Path, tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "validate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(installed) in done.stdout  # the atlas inside the installed package


@pytest.mark.parametrize("console_script", [False, True])
def test_trace_headache_from_another_directory(
    installed: Path, tmp_path: Path, console_script: bool
) -> None:
    symptoms = run_installed(installed, tmp_path, "symptoms", "--json")
    if '"headache"' not in symptoms.stdout.lower():
        pytest.skip("the packaged atlas has no headache symptom yet")
    done = run_installed(
        installed, tmp_path, "trace", "headache", "--side", "left", console_script=console_script
    )
    assert done.returncode == 0, done.stderr
    table = done.stdout.split("\n\n")[1].splitlines()
    assert table[0].startswith("rank")
    assert [row.split()[0] for row in table[1:4]] == ["1", "2", "3"]
    assert "(left)" in table[1]
    assert "Sources:" in done.stdout and "myers-2020" in done.stdout
    assert "education, not diagnosis" in done.stdout
