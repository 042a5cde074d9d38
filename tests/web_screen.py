"""Helpers for the web tests: what a view puts on screen, read from its components."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import dash
from dash import html
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web.callbacks import respond
from fascialines.web.core import trace_view
from fascialines.web.figure import base_figure
from fascialines.web.folds import fold_response
from fascialines.web.markup import MARKUP_ATTRIBUTE, MARKUP_CLASS
from fascialines.web.state import parse_query, to_query
from fascialines.web.views import cards, diagram, line, page, region, results


def _style_name(name: str) -> str:
    # Dash's camelCase, except a custom property, which keeps its own name.
    return name if name.startswith("--") else re.sub("-([a-z])", lambda m: m.group(1).upper(), name)


class _Components(HTMLParser):
    """Builds ``html`` components back from markup (the inverse of ``web.markup.to_markup``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, Any], list[Any]]] = [("", {}, [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        props: dict[str, Any] = {}
        for name, value in attrs:
            if name in ("class", "for"):
                props[{"class": "className", "for": "htmlFor"}[name]] = value
            elif name == "style":
                rules = [rule.split(":", 1) for rule in (value or "").split(";") if rule.strip()]
                props["style"] = {_style_name(k.strip()): v.strip() for k, v in rules}
            else:
                props[name] = True if value is None else value
        self.stack.append((tag, props, []))
        if tag in ("br", "hr", "img", "wbr"):
            self.handle_endtag(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "wbr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        name, props, children = self.stack.pop()
        assert name == tag, f"markup closes <{tag}> inside <{name}>"
        kind = getattr(html, name.capitalize())
        if children:
            props["children"] = children[0] if len(children) == 1 else children
        self.stack[-1][2].append(kind(**props))

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


def from_markup(markup: str) -> list[Any]:
    """The components a markup string draws (strings and ``html`` components)."""
    parser = _Components()
    parser.feed(markup)
    parser.close()
    assert len(parser.stack) == 1, "markup leaves elements open"
    return parser.stack[0][2]


def _unfolded(node: Any) -> Any:
    """A :func:`fascialines.web.markup.block` as the components it draws; anything else as is."""
    if (
        isinstance(node, html.Div)
        and MARKUP_CLASS in (getattr(node, "className", None) or "").split()
        and hasattr(node, MARKUP_ATTRIBUTE)
    ):
        assert getattr(node, "children", None) is None, "a block has no children of its own"
        return from_markup(getattr(node, MARKUP_ATTRIBUTE))
    return node


def texts(node: Any) -> Iterator[str]:
    """Every string shown inside a component tree, in document order (Markdown unescaped)."""
    node = _unfolded(node)
    if isinstance(node, str):
        yield node
    elif isinstance(node, list | tuple):
        for child in node:
            yield from texts(child)
    elif isinstance(node, dash.dcc.Markdown):
        yield re.sub(r"\\(.)", r"\1", str(node.children))
    elif isinstance(node, Component):
        yield from texts(getattr(node, "children", None))


def text(node: Any) -> str:
    return " ".join(texts(node))


def find(node: Any, kind: type[Component], *, unfold: bool = True) -> list[Component]:
    """Every component of ``kind`` in a tree; ``unfold``: inside markup blocks too (what the
    page shows) rather than the blocks themselves (what the callback sends)."""
    found = []
    if unfold:
        node = _unfolded(node)
    if isinstance(node, list | tuple):
        for child in node:
            found += find(child, kind, unfold=unfold)
    elif isinstance(node, Component):
        if isinstance(node, kind):
            found.append(node)
        found += find(getattr(node, "children", None), kind, unfold=unfold)
    return found


def unfolded(nodes: list[Any]) -> list[Any]:
    """Top-level markup blocks replaced by the components they draw."""
    flat: list[Any] = []
    for node in nodes:
        unfolded = _unfolded(node)
        flat += unfolded if isinstance(unfolded, list) else [unfolded]
    return flat


def _list_of(children: Any) -> list[Any]:
    return list(children) if isinstance(children, list) else [children]


def css(node: Component) -> str:
    return getattr(node, "className", None) or ""


def _list(value: Any) -> list[Any]:
    return [] if value is dash.no_update or value is None else list(value)


@dataclass
class Screen:
    """One view as the tests read it; ``outputs`` is what the callback sends."""

    outputs: dict[str, Any]
    search: Any
    atlas: Atlas
    graph: Any
    #: The address drawn (what the page keeps in page-shown).
    drawn: str

    def _fixed(self, slot: str) -> list[Any]:
        """A block the same for every trace (results.FIXED), if this view shows it: the
        markup it holds in the page's layout."""
        found = trace_view(self.graph, parse_query(self.atlas, self.drawn)[0])[0]
        shown = results.fixed_shown(self.atlas, found)[slot]
        sent = self.outputs[slot]
        assert sent is dash.no_update or sent is (not shown), "its hidden property"
        if not shown:
            return []
        (holder,) = [
            d for d in find(results.layout(self.atlas), html.Div) if getattr(d, "id", "") == slot
        ]
        return unfolded(_list_of(holder.children))

    @property
    def results(self) -> list[Any]:
        """The results column in order: head, red flags, the cards, the rest, the caveats."""
        o = self.outputs
        cards = _list(o[results.Ids.CARDS])
        return unfolded(
            [
                *_list(o[results.Ids.HEAD]),
                *_list(o[results.Ids.FLAGS]),
                *([dash.html.Ol(cards, className="candidates")] if cards else []),
                *_list(o[results.Ids.MORE]),
                *self._fixed(results.Ids.CAVEATS),
            ]
        )

    @property
    def cards(self) -> list[Component]:
        return [
            item
            for item in find(self.results, dash.html.Li)
            if css(item).split()[:1] in (["candidate"], ["candidate-row"])
        ]

    def fold(self, rank: int) -> list[Any]:
        """What the fold of card ``rank`` shows once opened: the answer of the address in its
        ``data-fold`` (what ``assets/app.js`` fetches), read back into components."""
        (details,) = [d for d in find(self.cards[rank - 1], html.Details) if _fold_of(d)]
        path, query = _fold_of(details).split("?", 1)
        assert path == cards.FOLD_PATH
        answer = fold_response(self.atlas, self.graph, query)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return from_markup(answer.get_data(as_text=True))

    @property
    def folds(self) -> list[list[Any]]:
        """Every card's fold, opened, in rank order."""
        return [self.fold(rank) for rank in range(1, min(len(self.cards), cards.CARDS) + 1)]

    @property
    def safety(self) -> list[Any]:
        return self._fixed(results.Ids.SAFETY)

    @property
    def line(self) -> list[Any]:
        return unfolded(_list(self.outputs[line.Ids.DETAILS]))

    @property
    def region(self) -> list[Any]:
        return unfolded(_list(self.outputs[region.Ids.DETAILS]))

    @property
    def caption(self) -> str:
        return self.outputs[diagram.Ids.CAPTION]

    @property
    def overlay(self) -> list[dict[str, Any]]:
        """The overlay's traces as the browser draws them for this view (assets/overlay.js)."""
        return overlay_traces(self.atlas, self.outputs[diagram.Ids.OVERLAY_LAYER])

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(text(p) for p in _list(self.outputs[page.Ids.NOTICE]))


def overlay_traces(atlas: Atlas, value: str) -> list[dict[str, Any]]:
    """The traces ``assets/overlay.js`` draws for a layer's ``data-patch`` value: the layer's
    first traces (its ``data-base``, from the page's layout) with the value's properties in
    place of theirs."""
    (layer,) = [
        c
        for c in find(page.layout(atlas, base_figure(atlas)), html.Div, unfold=False)
        if getattr(c, "id", None) == diagram.Ids.OVERLAY_LAYER
    ]
    base = json.loads(getattr(layer, diagram.OVERLAY_BASE))
    changes = json.loads(value)
    return [{**trace, **changes.get(str(index), {})} for index, trace in enumerate(base)]


def _fold_of(details: Component) -> str:
    return getattr(details, cards.FOLD_ATTRIBUTE, None) or ""


def screen(
    atlas: Atlas,
    graph: Any,
    search: str,
    shown: str | None = None,
    *,
    values: dict[str, Any] | None = None,
    trigger: str | None = None,
    click: dict[str, Any] | None = None,
) -> Screen:
    """What the app sends for an address (first load unless ``shown`` says what is drawn).

    The page holds a card for each of the first candidates of the trace ``shown`` draws.
    """
    drawn = trace_view(graph, parse_query(atlas, shown)[0])[0] if shown is not None else None
    ranks = [c.rank for c in drawn.candidates[: cards.CARDS]] if drawn else []
    new_search, _, view = respond(atlas, graph, search, values or {}, click, shown, trigger, ranks)
    return Screen(view.outputs, new_search, atlas, graph, to_query(atlas, view.state))


def request_outputs(spec: str) -> list[Any]:
    """The ``outputs`` of a callback request for a callback's output spec, on a page that holds
    none of the components a wildcard (``ALL``) output would match.

    Dash names a callback's outputs ``..id.prop...{"type":"x","rank":["ALL"]}.prop..``; an id
    may itself hold dots only inside its JSON.
    """
    outputs: list[Any] = []
    for part in spec.strip(".").split("..."):
        ident, prop = part.rsplit(".", 1)
        if not ident.startswith("{"):
            outputs.append({"id": ident, "property": prop})
            continue
        parsed = json.loads(ident)
        matched_all = any(value == ["ALL"] for value in parsed.values())
        outputs.append([] if matched_all else {"id": parsed, "property": prop})
    return outputs


def post_page_callback(
    app: dash.Dash, inputs: dict[str, Any], changed: str, shown: str | None = None
) -> Any:
    """POST the page's one callback as a browser would: ``inputs`` by component id (every other
    input ``None``), ``shown`` the address the page last drew, on a page that holds no card
    (see :func:`request_outputs`). Returns the test client's response."""
    client = app.server.test_client()
    dependencies = client.get("/_dash-dependencies").get_json()
    callback = next(d for d in dependencies if f"{page.Ids.SHOWN}.data" in d["output"])
    body = {
        "output": callback["output"],
        "outputs": request_outputs(callback["output"]),
        "inputs": [
            {"id": i["id"], "property": i["property"], "value": inputs.get(i["id"])}
            for i in callback["inputs"]
        ],
        "state": [
            {"id": s["id"], "property": s["property"], "value": shown} for s in callback["state"]
        ],
        "changedPropIds": [changed],
    }
    return client.post("/_dash-update-component", json=body)
