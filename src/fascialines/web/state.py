"""The view state and its query string, from one table of URL fields.

Everything a person sees is in the URL (``?symptom=…&side=…&hops=…&lines=…&evidence=…&line=…
&region=…&focus=…&view=…&seed=…&figure=…&all_lines=…``), so a view can be bookmarked and shared
and any worker can answer any request. :data:`FIELDS` has one row per query key: how to read it
(with an allow-list from the atlas), how to write it, and what to tell a person whose link had a
bad value. Adding a URL
parameter is one attribute on :class:`ViewState` and one row here.

Parsing never fails: an unknown or malformed value falls back to its default and adds a
sentence to the returned messages, which the app shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.graph import NodeKey
from fascialines.lookup import normalise
from fascialines.web.figure.geometry import FIGURES, BodyFigure

__all__ = [
    "DEFAULT_HOPS",
    "FIELDS",
    "FIGURES",
    "LOWEST_GRADE",
    "MAX_HOPS",
    "VIEWS",
    "UrlField",
    "ViewState",
    "format_region",
    "parse_query",
    "parse_region",
    "to_query",
]

TraceSide = Literal["left", "right", "both"]

DEFAULT_HOPS = 4
#: The largest hop count the picker offers; longer chains say little about a complaint.
MAX_HOPS = 8
SIDES: tuple[str, ...] = ("both", "left", "right")
#: The page's modes: the explorer (default), the client view shown to a client on a screen,
#: a quiz, and the evidence page.
VIEWS: tuple[str, ...] = ("explore", "client", "quiz", "evidence")
#: The largest quiz seed a link may carry (any whole number up to it gives one quiz).
MAX_SEED = 999_999
LOWEST_GRADE = min(EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__)


@dataclass(frozen=True)
class ViewState:
    """What is on screen; the defaults are an empty view."""

    symptom: str | None = None
    #: A node traced from directly ("Trace pain felt here"), when no symptom is chosen.
    felt: NodeKey | None = None
    side: TraceSide = "both"
    hops: int = DEFAULT_HOPS
    #: Line ids in the atlas's order; empty means every line.
    lines: tuple[str, ...] = ()
    evidence: str = LOWEST_GRADE
    #: The line being explored.
    line: str | None = None
    #: The region being explored, as a graph node ``(region_id, side)``.
    region: NodeKey | None = None
    #: The rank of the candidate whose paths are emphasised.
    focus: int | None = None
    #: The page's mode, one of :data:`VIEWS`.
    view: str = "explore"
    #: The quiz's seed: the same seed gives the same questions, so a class can share a quiz.
    seed: int | None = None
    #: The body figure drawn, one of :data:`FIGURES`.
    figure: BodyFigure = "male"
    #: Whether every line is drawn faintly behind the view (the calm start draws none).
    all_lines: bool = False

    def with_trace_options(self, **changes: Any) -> ViewState:
        """A copy with new trace options; the focus is dropped because the ranks change."""
        return replace(self, focus=None, **changes)

    @property
    def traced(self) -> bool:
        """Whether this view traces something (a symptom or a place felt)."""
        return bool(self.symptom or self.felt)


def format_region(node: NodeKey) -> str:
    """``("calf", "left")`` → ``"calf:left"``; a midline node is just its id."""
    region_id, side = node
    return region_id if side == "midline" else f"{region_id}:{side}"


def parse_region(atlas: Atlas, text: str) -> NodeKey | None:
    """Read ``"calf:left"`` or ``"sacrum"`` into a graph node; ``None`` if the atlas has no such.

    A paired region needs its side; a midline region ignores one.
    """
    region_id, _, side = text.partition(":")
    try:
        region = atlas.region(region_id)
    except KeyError:
        return None
    if region.laterality == "midline":
        return (region_id, "midline")
    return (region_id, side) if side in ("left", "right") else None


def _whole(text: str) -> int | None:
    # str.isdigit accepts "²", which int() refuses.
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None


def _symptom_id(atlas: Atlas, text: str) -> str | None:
    # The core's normalisation, so "sore-heel" works in a link as it does in the CLI. The
    # table of normalised names is made once per atlas: every gesture reads an address.
    names: dict[str, str] | None = atlas.__dict__.get("_web_symptom_names")
    if names is None:
        names = {}
        for symptom in reversed(atlas.symptoms):  # the first symptom of a name wins
            for name in (symptom.id, symptom.name, *symptom.aliases):
                names[normalise(name)] = symptom.id
        atlas.__dict__["_web_symptom_names"] = names
    return names.get(normalise(text))


def _line_ids(atlas: Atlas, text: str) -> tuple[tuple[str, ...], list[str]]:
    by_name = {}
    for line in atlas.lines:
        by_name[line.id] = line.id
        by_name[line.abbreviation.lower()] = line.id
    wanted, unknown = set(), []
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        if part.lower() in by_name:
            wanted.add(by_name[part.lower()])
        else:
            unknown.append(part)
    return tuple(line.id for line in atlas.lines if line.id in wanted), unknown


def _one_line(atlas: Atlas, text: str) -> str | None:
    found, _ = _line_ids(atlas, text)
    return found[0] if len(found) == 1 else None


def _hops(_: Atlas, text: str) -> int | None:
    hops = _whole(text)
    return hops if hops is not None and 1 <= hops <= MAX_HOPS else None


def _focus(_: Atlas, text: str) -> int | None:
    rank = _whole(text)
    return rank if rank is not None and rank >= 1 else None


def _seed(_: Atlas, text: str) -> int | None:
    # Not _whole: it stops at five digits, and a seed has up to six.
    digits = text.isascii() and text.isdigit() and len(text) <= len(str(MAX_SEED))
    return int(text) if digits and int(text) <= MAX_SEED else None


def _lines_write(atlas: Atlas, lines: Any) -> str:
    return ",".join(atlas.line(line_id).abbreviation for line_id in lines)


@dataclass(frozen=True)
class UrlField:
    """One query key: its :class:`ViewState` attribute, how to read and write it.

    ``parse(atlas, text)`` returns the value or ``None`` for a value to ignore; ``write(atlas,
    value)`` the text; ``why`` completes "… was ignored: " for a person; ``trace_option`` says
    the field changes the trace, which drops the focus (the ranks change).
    """

    name: str
    parse: Callable[[Atlas, str], Any]
    write: Callable[[Atlas, Any], str]
    why: str
    trace_option: bool = False


FIELDS: tuple[UrlField, ...] = (
    UrlField(
        "symptom",
        _symptom_id,
        lambda _, value: str(value),
        "this atlas has no such symptom",
        trace_option=True,
    ),
    UrlField(
        "felt",
        parse_region,
        lambda _, value: format_region(value),
        "use a region id, with :left or :right if paired",
        trace_option=True,
    ),
    UrlField(
        "side",
        lambda _, text: text if text in SIDES else None,
        lambda _, value: str(value),
        "use left, right or both",
        trace_option=True,
    ),
    UrlField(
        "hops",
        _hops,
        lambda _, value: str(value),
        f"use a whole number from 1 to {MAX_HOPS}",
        trace_option=True,
    ),
    UrlField(
        "lines",
        lambda atlas, text: _line_ids(atlas, text)[0],
        _lines_write,
        "this atlas has no such line",
        trace_option=True,
    ),
    UrlField(
        "evidence",
        lambda _, text: text if text in EVIDENCE_ORDER else None,
        lambda _, value: str(value),
        "use one of " + ", ".join(EVIDENCE_ORDER),
        trace_option=True,
    ),
    UrlField(
        "line",
        _one_line,
        lambda atlas, value: atlas.line(value).abbreviation,
        "this atlas has no such line",
    ),
    UrlField(
        "region",
        parse_region,
        lambda _, value: format_region(value),
        "use a region id, with :left or :right if paired",
    ),
    UrlField("focus", _focus, lambda _, value: str(value), "use a rank from the list, 1 or more"),
    UrlField(
        "view",
        lambda _, text: text if text in VIEWS else None,
        lambda _, value: str(value),
        "use one of " + ", ".join(VIEWS),
    ),
    UrlField(
        "seed", _seed, lambda _, value: str(value), f"use a whole number from 0 to {MAX_SEED}"
    ),
    UrlField(
        "figure",
        lambda _, text: text if text in FIGURES else None,
        lambda _, value: str(value),
        "use one of " + ", ".join(FIGURES),
    ),
    UrlField(
        "all_lines",
        lambda _, text: {"1": True, "0": False}.get(text),
        lambda _, value: "1" if value else "0",
        "use 1 to show every line or 0 for none",
    ),
)
TRACE_OPTIONS: tuple[str, ...] = tuple(field.name for field in FIELDS if field.trace_option)


def parse_query(atlas: Atlas, search: str | None) -> tuple[ViewState, tuple[str, ...]]:
    """Read a query string (with or without the leading ``?``) into a view state.

    Parameters
    ----------
    atlas : Atlas
        The allow-lists of symptoms, lines and regions come from it.
    search : str or None
        ``location.search``, e.g. ``"?symptom=tension-headache&side=left"``.

    Returns
    -------
    tuple of ViewState and tuple of str
        The state, and one plain sentence per value that was ignored (empty when all is well).

    Examples
    --------
    >>> from fascialines.atlas import load_atlas
    >>> state, messages = parse_query(load_atlas(), "?symptom=headache&hops=99")
    >>> state.symptom, state.hops, len(messages)
    ('headache', 4, 1)
    """
    params = {key: values[-1] for key, values in parse_qs((search or "").lstrip("?")).items()}
    values: dict[str, Any] = {}
    messages = []
    for field in FIELDS:
        if field.name not in params:
            continue
        text = params[field.name]
        value = field.parse(atlas, text)
        if field.name == "lines":
            # Known lines are kept even when others in the list are unknown.
            unknown = _line_ids(atlas, text)[1]
            if unknown:
                messages.append(_ignored(field, ", ".join(unknown)))
            values["lines"] = value
        elif value is None:
            messages.append(_ignored(field, text))
        else:
            values[field.name] = value
    if values.get("symptom") and values.get("felt"):
        # One trace at a time: a symptom names where it is felt already.
        del values["felt"]
    known = {field.name for field in FIELDS}
    for key in sorted(set(params) - known):
        messages.append(f"The link's setting “{key}” was ignored: this app does not know it.")
    return ViewState(**values), tuple(messages)


def _ignored(field: UrlField, value: str) -> str:
    return f"The link's {field.name} value “{value}” was ignored: {field.why}."


def to_query(atlas: Atlas, state: ViewState) -> str:
    """Write a view state as a query string with a leading ``?``; defaults are left out.

    An empty state gives ``""``, so the bare address is the empty view. Lines are written by
    their abbreviations, which people can read and type.
    """
    default = ViewState()
    params: dict[str, str] = {}
    for field in FIELDS:
        value = getattr(state, field.name)
        if value != getattr(default, field.name) and value not in (None, ()):
            params[field.name] = field.write(atlas, value)
    return "?" + urlencode(params, safe=":,") if params else ""


def state_fields() -> tuple[str, ...]:
    """The attributes of :class:`ViewState`, for the test that the table covers them all."""
    return tuple(field.name for field in fields(ViewState))
