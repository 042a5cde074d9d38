"""The view state of the app and its query string: parse with allow-lists, write it back.

Everything a person sees is in the URL (``?symptom=…&side=…&hops=…&lines=…&evidence=…&line=…
&region=…&focus=…``), so a view can be bookmarked and shared and any worker can answer any
request. Parsing never fails: an unknown or malformed value falls back to its default and adds a
sentence to the returned messages, which the app shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import parse_qs, urlencode

from fascialines.atlas import EVIDENCE_ORDER, Atlas
from fascialines.graph import NodeKey
from fascialines.lookup import normalise

__all__ = [
    "DEFAULT_HOPS",
    "MAX_HOPS",
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
LOWEST_GRADE = min(EVIDENCE_ORDER, key=EVIDENCE_ORDER.__getitem__)
KNOWN_KEYS = ("symptom", "side", "hops", "lines", "evidence", "line", "region", "focus")


@dataclass(frozen=True)
class ViewState:
    """What is on screen; the defaults are an empty view."""

    symptom: str | None = None
    side: TraceSide = "both"
    hops: int = DEFAULT_HOPS
    #: Line ids in the atlas's order; empty means every line.
    lines: tuple[str, ...] = ()
    evidence: str = LOWEST_GRADE
    #: The line being explored.
    line: str | None = None
    #: The selected region, as a graph node ``(region_id, side)``.
    region: NodeKey | None = None
    #: The rank of the candidate whose paths are emphasised.
    focus: int | None = None

    def with_trace_options(self, **changes: object) -> ViewState:
        """A copy with new trace options; the focus is dropped because the ranks change."""
        return replace(self, focus=None, **changes)


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


def _whole(text: str) -> bool:
    # str.isdigit accepts "²", which int() refuses.
    return text.isascii() and text.isdigit() and len(text) < 6


def _symptom_id(atlas: Atlas, text: str) -> str | None:
    # The core's normalisation, so "sore-heel" works in a link as it does in the CLI; the port
    # to the new web should call BodyGraph.index.symptom instead.
    wanted = normalise(text)
    for symptom in atlas.symptoms:
        names = [symptom.id, symptom.name, *symptom.aliases]
        if any(normalise(name) == wanted for name in names):
            return symptom.id
    return None


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
    """
    params = {key: values[-1] for key, values in parse_qs((search or "").lstrip("?")).items()}
    state, messages = ViewState(), []

    def ignored(key: str, value: str, why: str) -> None:
        messages.append(f"The link's {key} value “{value}” was ignored: {why}.")

    if "symptom" in params:
        symptom = _symptom_id(atlas, params["symptom"])
        if symptom is None:
            ignored("symptom", params["symptom"], "this atlas has no such symptom")
        state = replace(state, symptom=symptom)
    if "side" in params:
        if params["side"] in SIDES:
            state = replace(state, side=params["side"])
        else:
            ignored("side", params["side"], "use left, right or both")
    if "hops" in params:
        hops = params["hops"]
        if _whole(hops) and 1 <= int(hops) <= MAX_HOPS:
            state = replace(state, hops=int(hops))
        else:
            ignored("hops", hops, f"use a whole number from 1 to {MAX_HOPS}")
    if "lines" in params:
        lines, unknown = _line_ids(atlas, params["lines"])
        if unknown:
            ignored("lines", ", ".join(unknown), "this atlas has no such line")
        state = replace(state, lines=lines)
    if "evidence" in params:
        if params["evidence"] in EVIDENCE_ORDER:
            state = replace(state, evidence=params["evidence"])
        else:
            ignored("evidence", params["evidence"], "use one of " + ", ".join(EVIDENCE_ORDER))
    if "line" in params:
        found, _ = _line_ids(atlas, params["line"])
        if len(found) == 1:
            state = replace(state, line=found[0])
        else:
            ignored("line", params["line"], "this atlas has no such line")
    if "region" in params:
        node = parse_region(atlas, params["region"])
        if node is None:
            ignored("region", params["region"], "use a region id, with :left or :right if paired")
        state = replace(state, region=node)
    if "focus" in params:
        if _whole(params["focus"]) and int(params["focus"]) >= 1:
            state = replace(state, focus=int(params["focus"]))
        else:
            ignored("focus", params["focus"], "use a rank from the list, 1 or more")
    for key in sorted(set(params) - set(KNOWN_KEYS)):
        messages.append(f"The link's setting “{key}” was ignored: this app does not know it.")
    return state, tuple(messages)


def to_query(atlas: Atlas, state: ViewState) -> str:
    """Write a view state as a query string with a leading ``?``; defaults are left out.

    An empty state gives ``""``, so the bare address is the empty view. Lines are written by
    their abbreviations, which people can read and type.
    """
    default = ViewState()
    params: dict[str, str] = {}
    if state.symptom:
        params["symptom"] = state.symptom
    if state.side != default.side:
        params["side"] = state.side
    if state.hops != default.hops:
        params["hops"] = str(state.hops)
    if state.lines:
        params["lines"] = ",".join(atlas.line(line_id).abbreviation for line_id in state.lines)
    if state.evidence != default.evidence:
        params["evidence"] = state.evidence
    if state.line:
        params["line"] = atlas.line(state.line).abbreviation
    if state.region:
        params["region"] = format_region(state.region)
    if state.focus:
        params["focus"] = str(state.focus)
    return "?" + urlencode(params, safe=":,") if params else ""
