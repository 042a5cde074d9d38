"""Load an atlas: read the file, parse its JSON, validate it and report every problem at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from fascialines.atlas.checks import AtlasError, AtlasProblem, reference_problems
from fascialines.atlas.models import (
    ABBREVIATION_PATTERN,
    COLOUR_PATTERN,
    FMA_PATTERN,
    ID_PATTERN,
    UBERON_PATTERN,
    Atlas,
)
from fascialines.atlas_json import UnreadableJSON, read_json

__all__ = ["atlas_json_schema", "default_atlas_path", "load_atlas", "parse_atlas"]


def default_atlas_path() -> Path:
    """The atlas shipped with the package (inside the wheel), or the checkout's ``data/``."""
    packaged = Path(__file__).parents[1] / "data" / "lines.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "lines.json"


def load_atlas(path: str | Path | None = None) -> Atlas:
    """Read, validate and cross-check an atlas file.

    Parameters
    ----------
    path : str or Path, optional
        The JSON file; the packaged atlas when omitted.

    Returns
    -------
    Atlas

    Raises
    ------
    AtlasError
        With every problem found: JSON syntax (with line and column), wrong types, duplicate
        ids, references to unknown regions, lines or sources, transitions that do not chain and
        coordinates out of range, each with its JSON path.
    """
    path = Path(path) if path is not None else default_atlas_path()
    try:
        # Bytes, not text: the encoding check in fascialines.atlas_json words its problems.
        data = path.read_bytes()
    except OSError as error:
        problem = AtlasProblem("$", f"cannot read the file ({error.strerror or error})")
        raise AtlasError(str(path), [problem]) from None
    return parse_atlas(data, source=str(path))


def parse_atlas(text: str | bytes, source: str = "<atlas>") -> Atlas:
    """Validate atlas JSON given as text or as a file's bytes; see :func:`load_atlas`.

    Whatever ``text`` holds (another encoding, binary bytes, brackets nested 100,000 deep, a
    5,000-digit number), the outcome is an :class:`Atlas` or an :class:`AtlasError`.
    """
    try:
        raw = read_json(text)
    except UnreadableJSON as error:
        raise AtlasError(source, [AtlasProblem("$", str(error))]) from None
    problems = list(reference_problems(raw))
    try:
        atlas = Atlas.model_validate(raw)
    except ValidationError as error:
        problems = [*_type_problems(error), *problems]
        atlas = None
    if problems:
        raise AtlasError(source, _sorted_unique(problems))
    assert atlas is not None
    return atlas


def atlas_json_schema() -> dict[str, Any]:
    """The JSON Schema of the atlas format, for editors that validate as you type."""
    schema = Atlas.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "fascialines atlas"
    return schema


def _json_path(loc: Iterable[Any]) -> str:
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


# pydantic words a pattern mismatch as the regular expression; an educator needs an example.
_PATTERN_REASONS = {
    ID_PATTERN: "an id is lowercase letters and digits joined by single hyphens, like "
    "'plantar-fascia'",
    ABBREVIATION_PATTERN: "an abbreviation is 2 to 5 capital letters, like 'SBL'",
    COLOUR_PATTERN: "a colour is '#' and six hexadecimal digits, like '#0072B2'",
    UBERON_PATTERN: "an Uberon id looks like 'UBERON:0001389'",
    FMA_PATTERN: "an FMA id looks like 'FMA:22542'",
}


def _type_problems(error: ValidationError) -> Iterator[AtlasProblem]:
    for detail in error.errors():
        reason = detail["msg"]
        if detail["type"] == "missing":
            reason = "this field is required"
        elif detail["type"] == "extra_forbidden":
            reason = "unknown field (check its spelling against `fascialines schema`)"
        elif detail["type"] == "string_pattern_mismatch":
            pattern = str((detail.get("ctx") or {}).get("pattern", ""))
            reason = f"{_PATTERN_REASONS.get(pattern, reason)}, not {detail['input']!r}"
        yield AtlasProblem(_json_path(detail["loc"]), reason)


def _sorted_unique(problems: list[AtlasProblem]) -> list[AtlasProblem]:
    return list(dict.fromkeys(problems))
