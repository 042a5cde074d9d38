"""Read the bytes of an atlas file into JSON values, refusing what would break the loader.

:func:`fascialines.atlas.load_atlas` promises a worded, located problem list for every file,
whatever its bytes. Python's :func:`json.loads` alone breaks that promise in four ways, each
met with a real file: a file saved as UTF-16 or in a legacy encoding (``UnicodeDecodeError``),
brackets nested deeper than the interpreter's recursion limit (``RecursionError``), an integer
longer than the 4,300 digits Python converts (``ValueError``), and ``\\ud800``-style lone
surrogates, which load but cannot be printed or served as UTF-8. :func:`read_json` checks for
each before or while parsing and raises :class:`UnreadableJSON` with one plain sentence and a
line and column.

Notes
-----
The pre-scan is one regular-expression pass over the text (strings, brackets and numbers are
its tokens), so its cost is linear in the file's size and it stops at the first problem.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from typing import Any

__all__ = [
    "MAX_ATLAS_BYTES",
    "MAX_DEPTH",
    "MAX_NUMBER_LENGTH",
    "UnreadableJSON",
    "decode_atlas_bytes",
    "read_json",
]

#: An atlas is a curated text file of a few hundred kilobytes; anything past this is not one.
MAX_ATLAS_BYTES = 32 * 1024 * 1024
#: The atlas format nests about six levels deep; a generous bound that stays far below the
#: recursion limit of the parser and of the validator.
MAX_DEPTH = 64
#: Coordinates and versions are short numbers; no value in the format needs more digits.
MAX_NUMBER_LENGTH = 100

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)"

# Strings (with their escapes), brackets, numbers and the non-JSON constants Python accepts.
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|"|[\[\]{}]|-?(?:NaN|Infinity)|-?\d[\d.eE+-]*',
    re.DOTALL,
)
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class UnreadableJSON(ValueError):
    """The text is not JSON the loader can read; ``str()`` is one sentence with its place."""


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def decode_atlas_bytes(data: bytes) -> str:
    """Decode an atlas file's bytes as UTF-8 text, or say plainly why they are not.

    Parameters
    ----------
    data : bytes
        The whole file.

    Returns
    -------
    str
        The text, without a UTF-8 byte-order mark if the file had one.

    Raises
    ------
    UnreadableJSON
        For a file that is too large, in UTF-16 or UTF-32, binary (it holds NUL bytes) or not
        valid UTF-8; the sentence names the encoding or the first bad byte and its place.
    """
    if len(data) > MAX_ATLAS_BYTES:
        raise UnreadableJSON(
            f"the file is {len(data):,} bytes; an atlas is at most {MAX_ATLAS_BYTES:,}"
        )
    for bom, name in _BOMS:
        if data.startswith(bom):
            raise UnreadableJSON(f"the file is {name} text; {_SAVE_AS_UTF8}")
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        # UTF-16 without a byte-order mark puts a NUL beside every ASCII letter.
        zeros = data.count(b"\x00")
        kind = "UTF-16 text" if zeros * 3 >= len(data) else "not text (it holds NUL bytes)"
        raise UnreadableJSON(f"the file is {kind}; an atlas is a JSON text file: {_SAVE_AS_UTF8}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        raise UnreadableJSON(
            f"the file is not UTF-8 text: byte 0x{data[error.start]:02x} at "
            f"{_where(good, len(good))} cannot be read; {_SAVE_AS_UTF8}"
        ) from None


def _string_value(token: str) -> str:
    try:
        value = json.loads(token)
    except json.JSONDecodeError:
        return ""  # a bad escape or a control character: the parser reports it, located
    # The token is a JSON string literal, so it decodes to a str; the check tells mypy so.
    return value if isinstance(value, str) else ""


def _check_tokens(text: str) -> None:
    depth = 0
    for token in _TOKEN.finditer(text):
        value = token.group()
        first = value[0]
        if value == '"':
            # A string that never ends: the parser reports it; scanning on would be wasted.
            return
        if first == '"':
            if "\\u" in value and _LONE_SURROGATE.search(_string_value(value)):
                raise UnreadableJSON(
                    f"a text at {_where(text, token.start())} holds a lone surrogate escape "
                    "(such as \\ud800), which is not a character"
                )
        elif first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise UnreadableJSON(
                    f"the brackets at {_where(text, token.start())} nest deeper than "
                    f"{MAX_DEPTH} levels; an atlas nests about six"
                )
        elif first in "]}":
            depth -= 1
        elif "NaN" in value or "Infinity" in value:
            raise UnreadableJSON(
                f"{value} at {_where(text, token.start())} is not a JSON number; write a number"
            )
        elif len(value) > MAX_NUMBER_LENGTH:
            raise UnreadableJSON(
                f"the number at {_where(text, token.start())} has {len(value):,} characters; "
                f"a number in an atlas has at most {MAX_NUMBER_LENGTH}"
            )


def _finite(text: str) -> float:
    # "1e999" is short but reads as infinity, which no measurement is.
    number = float(text)
    if math.isinf(number):
        raise UnreadableJSON(f"the number {text} is too large; write a finite number")
    return number


def _refuse_constant(name: str) -> Any:
    # The pre-scan already refuses these; this keeps json.loads from ever accepting one.
    raise UnreadableJSON(f"{name} is not a JSON number; write a number")


def read_json(text: str | bytes) -> Any:
    """Parse an atlas file's text (or bytes) into JSON values.

    Parameters
    ----------
    text : str or bytes
        The file's contents; bytes are decoded with :func:`decode_atlas_bytes`.

    Returns
    -------
    Any
        What :func:`json.loads` returns: dicts, lists, strings, numbers, booleans, ``None``.

    Raises
    ------
    UnreadableJSON
        For an encoding problem, a syntax error (with its line and column), brackets nested
        deeper than :data:`MAX_DEPTH`, a number longer than :data:`MAX_NUMBER_LENGTH`
        characters, ``NaN`` or ``Infinity``, or a lone surrogate escape.

    Examples
    --------
    >>> read_json('{"schema_version": 2}')
    {'schema_version': 2}
    >>> read_json("[" * 100 + "]" * 100)
    Traceback (most recent call last):
    ...
    fascialines.atlas_json.UnreadableJSON: the brackets at line 1, column 65 nest deeper than 64 levels; an atlas nests about six
    """  # noqa: E501
    if isinstance(text, bytes):
        text = decode_atlas_bytes(text)
    if _LONE_SURROGATE.search(text):
        # Only a str given by a caller can hold one; decoded bytes never do.
        raise UnreadableJSON("the text holds a lone surrogate, which is not a character")
    _check_tokens(text)
    try:
        return json.loads(text, parse_float=_finite, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise UnreadableJSON(
            f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
