"""Small components shared by the panels: evidence badges, place names, sources, safety notes.

Colour is never the only cue: a badge names its grade in words, a line chip its abbreviation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas, Region
from fascialines.explain import short_citation
from fascialines.tracing import RegionRef
from fascialines.web.state import NodeKey, ViewState, to_query
from fascialines.web.theme import line_styles
from fascialines.web.wording import EVIDENCE_BADGE, HEADING, SELF_CARE_TERMS, SENTENCE

__all__ = [
    "EVIDENCE_LABELS",
    "anatomical_name",
    "attrs",
    "capitalised",
    "evidence_badge",
    "in_app_link",
    "joined",
    "line_chip",
    "line_colour",
    "node_name",
    "place",
    "places",
    "plain_name",
    "query_href",
    "route",
    "self_care",
    "set_button",
    "short_citation",
    "sources_list",
    "take_care",
    "with_side",
]


#: Kept for callers of the old name; the words live in :mod:`fascialines.web.wording`.
EVIDENCE_LABELS = EVIDENCE_BADGE


def attrs(values: dict[str, Any]) -> dict[str, Any]:
    """HTML attributes whose names Python cannot spell (``aria-label``, ``data-*``), for ``**``."""
    return dict(values)


def evidence_badge(grade: str) -> Component:
    """A badge that names the grade in words; its colour only repeats what the words say.

    It links to what the grade means on the evidence page (``views/evidence.py``). One
    component, the link itself: a trace draws dozens of badges, and every component costs the
    page's renderer.
    """
    return html.A(
        EVIDENCE_LABELS.get(grade, grade),
        className=f"badge badge-{grade or 'trigger-point'} badge-link",
        href=f"?view=evidence#{'grade-' + grade if grade else 'trigger-points'}",
        title=HEADING["grade-means"],
    )


#: The attribute that marks an :func:`in_app_link`.
IN_APP = "data-in-app"


def in_app_link(children: Any, href: str, class_name: str | None = None) -> Component:
    """A link to another view of the app, at ``href`` (a query string, ``?`` for the start).

    A plain ``a``: it can sit in a markup block, and opens in a new tab as any link does. A
    plain click is followed in the page (``assets/app.js`` sets the page's address, as a
    ``dcc.Link`` would, with no page load).
    """
    extra: dict[str, Any] = {"className": class_name} if class_name else {}
    return html.A(children, href=href, **attrs({IN_APP: "1"}), **extra)


def set_button(
    label: Any,
    changes: dict[str, str],
    drop: Iterable[str] = (),
    *,
    toggle: bool = False,
    class_name: str = "button button-small",
    title: str | None = None,
) -> Component:
    """A button that edits the address: sets ``changes``, removes ``drop`` and the empty ones.

    The browser applies the edit itself (``assets/app.js``, one listener for every such button:
    no round-trip to write the URL, and the page does not move, unlike a ``dcc.Link``), then the
    app draws the new view in one round-trip. Because the button names only what it changes, it
    never goes stale when the rest of the view changes. With ``toggle``, a value the address
    already has is removed instead (focus, unfocus). The edit rides in ``data-`` attributes,
    so the button needs no id and can sit in a markup block.
    """
    extra: dict[str, Any] = {"title": title} if title else {}
    edits = {
        "data-set": "&".join(f"{key}={value}" for key, value in changes.items()),
        "data-drop": " ".join(drop),
        "data-toggle": "1" if toggle else "",
    }
    return html.Button(
        label,
        className=class_name,
        type="button",
        **attrs({key: value for key, value in edits.items() if value or key == "data-set"}),
        **extra,
    )


def query_href(atlas: Atlas, state: ViewState) -> str:
    """The in-app link to a view: its query string (a bare ``?`` for the empty view)."""
    return to_query(atlas, state) or "?"


def plain_name(atlas: Atlas, region_id: str) -> str:
    """A region in the client's words, without its side."""
    region = atlas.region(region_id)
    return region.plain_name or region.name


def with_side(name: str, side: str) -> str:
    """``"calf (left)"``; a name that already ends in brackets takes the side inside them."""
    if side == "midline":
        return name
    if name.endswith(")"):
        # "outside of the thigh (IT band) (right)" reads as a stutter.
        return f"{name[:-1]}, {side})"
    return f"{name} ({side})"


def place(atlas: Atlas, ref: RegionRef) -> str:
    """A region in the client's words with its side: ``"calf (left)"``."""
    return with_side(plain_name(atlas, ref.id), ref.side)


def places(atlas: Atlas, refs: Iterable[RegionRef]) -> str:
    """Several places in one phrase, each side said once.

    ``heel (left), arch (left)`` becomes ``"heel and arch, on the left"``; a place felt on both
    sides says so: ``"heel (both sides)"``.
    """
    sides: dict[str, set[str]] = {}
    for ref in refs:
        sides.setdefault(plain_name(atlas, ref.id), set()).add(ref.side)
    labels = {name: _side_label(found) for name, found in sides.items()}
    middle = [name for name, label in labels.items() if label == "midline"]
    sided = {name: label for name, label in labels.items() if label != "midline"}
    shared = set(sided.values())
    if len(shared) != 1:
        return _and([with_side(name, label) for name, label in labels.items()])
    label = _on(shared.pop())
    if not middle:
        return f"{_and(list(sided))}, {label}"
    return f"{_and(middle)}, and {label}: {_and(list(sided))}"


def route(atlas: Atlas, refs: Iterable[RegionRef], side: str) -> list[str]:
    """A path's places in order; each names its side only where it is not ``side``."""
    return [
        plain_name(atlas, ref.id) if ref.side in (side, "midline") else place(atlas, ref)
        for ref in refs
    ]


def _side_label(sides: set[str]) -> str:
    if sides >= {"left", "right"}:
        return "both sides"
    return sides.pop() if len(sides) == 1 else "midline"


def _on(label: str) -> str:
    return f"on {label}" if label == "both sides" else f"on the {label}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def node_name(atlas: Atlas, node: NodeKey) -> str:
    """A graph node by its anatomical name and side: ``"Gastrocnemius, left"``."""
    region = atlas.region(node[0])
    return region.name if node[1] == "midline" else f"{region.name}, {node[1]}"


def anatomical_name(atlas: Atlas, ref: RegionRef) -> list[Component]:
    """The anatomical name after a plain one, for students, when the two differ."""
    region = atlas.region(ref.id)
    if not region.plain_name or region.plain_name.lower() == region.name.lower():
        return []
    return [html.Span(region.name, className="anatomical")]


def line_colour(atlas: Atlas, line_id: str) -> str:
    """The colour the diagram draws a line in, so a chip in the text matches it."""
    return line_styles(atlas)[line_id].colour


def line_chip(atlas: Atlas, line_id: str) -> Component:
    """A line's abbreviation on a swatch of the colour the diagram draws it in."""
    return html.Span(
        atlas.line(line_id).abbreviation,
        className="line-chip",
        style={"borderLeftColor": line_colour(atlas, line_id)},
    )


def take_care(atlas: Atlas, region_id: str) -> Component | None:
    """The endangerment sites a region lies in: where pressure must stay light."""
    sites = atlas.endangerment_sites_at(region_id)
    if not sites:
        return None
    return html.Div(
        className="take-care",
        children=[
            html.Strong(HEADING["take-care"]),
            *[f"{site.name}: {site.reason} " for site in sites],
            sources_list(atlas, [s for site in sites for s in site.sources]),
        ],
    )


def capitalised(text: str) -> str:
    """The text with its first letter upper-cased (``str.capitalize`` lowers the rest)."""
    return text[:1].upper() + text[1:]


def sources_list(atlas: Atlas, source_ids: Iterable[str], label: str | None = None) -> Component:
    """A folded list of full citations, each source once, in order of first mention.

    Plain HTML, not Markdown: it is part of the first page (the caveats), and a Markdown there
    would load dcc's Markdown bundle (about 100 KB compressed) before anyone traces anything.
    """
    unique = list(dict.fromkeys(source_ids))
    return html.Details(
        className="sources",
        children=[
            html.Summary(f"{label or HEADING['sources']} ({len(unique)})"),
            html.Ul([html.Li(atlas.source(source_id).citation) for source_id in unique]),
        ],
    )


def self_care(atlas: Atlas, region: Region) -> Component | None:
    """A region's self-care note (tool, how, how long, how often, what to avoid), folded."""
    care = region.self_care
    if care is None:
        return None
    return html.Details(
        className="self-care",
        children=[
            html.Summary(SENTENCE["self-care-for"].format(name=region.plain_name or region.name)),
            html.Dl(
                [
                    item
                    for field, term in SELF_CARE_TERMS
                    for item in (html.Dt(term), html.Dd(getattr(care, field)))
                ]
            ),
            sources_list(atlas, care.sources),
        ],
    )


def joined(items: Iterable[Component]) -> list[Component | str]:
    """Components separated by commas, for a sentence of links."""
    out: list[Component | str] = []
    for item in items:
        if out:
            out.append(", ")
        out.append(item)
    return out
