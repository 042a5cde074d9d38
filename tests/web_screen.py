"""Helpers for the web tests: what a view puts on screen, read from its components."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import dash
from dash.development.base_component import Component

from fascialines.atlas import Atlas
from fascialines.web.callbacks import card_fold, respond
from fascialines.web.core import trace_view
from fascialines.web.state import parse_query, to_query
from fascialines.web.views import diagram, line, page, region, results


def texts(node: Any) -> Iterator[str]:
    """Every string shown inside a component tree, in document order (Markdown unescaped)."""
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


def find(node: Any, kind: type[Component]) -> list[Component]:
    found = []
    if isinstance(node, list | tuple):
        for child in node:
            found += find(child, kind)
    elif isinstance(node, Component):
        if isinstance(node, kind):
            found.append(node)
        found += find(getattr(node, "children", None), kind)
    return found


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
        """A block drawn with the page (results.SHOWN_WHEN), if this view shows it."""
        if self.outputs[slot] is not False:
            return []
        (block,) = [c for c in results.layout(self.atlas).children if c.id == slot]
        return list(block.children)

    @property
    def results(self) -> list[Any]:
        """The results column in order: head, red flags, the cards, the rest, the caveats."""
        o = self.outputs
        cards = _list(o[results.Ids.CARDS])
        return [
            *_list(o[results.Ids.HEAD]),
            *_list(o[results.Ids.FLAGS]),
            *([dash.html.Ol(cards, className="candidates")] if cards else []),
            *_list(o[results.Ids.MORE]),
            *self._fixed(results.Ids.CAVEATS),
        ]

    @property
    def cards(self) -> list[Component]:
        return [
            item
            for item in find(self.results, dash.html.Li)
            if css(item).split()[:1] in (["candidate"], ["candidate-row"])
        ]

    def fold(self, rank: int) -> list[Any]:
        """What the fold of card ``rank`` shows once opened (sent on its first click)."""
        return card_fold(self.atlas, self.graph, 1, self.drawn, rank)

    @property
    def folds(self) -> list[list[Any]]:
        """Every card's fold, opened, in rank order."""
        return [self.fold(rank) for rank in range(1, min(len(self.cards), results.CARDS) + 1)]

    @property
    def safety(self) -> list[Any]:
        return self._fixed(results.Ids.SAFETY)

    @property
    def line(self) -> list[Any]:
        return _list(self.outputs[line.Ids.DETAILS])

    @property
    def region(self) -> list[Any]:
        return _list(self.outputs[region.Ids.DETAILS])

    @property
    def caption(self) -> str:
        return self.outputs[diagram.Ids.CAPTION]

    @property
    def patch(self) -> Any:
        return self.outputs[diagram.Ids.OVERLAY]

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(text(p) for p in _list(self.outputs[page.Ids.NOTICE]))


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

    The page holds a card or row for every candidate of the trace ``shown`` draws.
    """
    drawn = trace_view(graph, parse_query(atlas, shown)[0])[0] if shown is not None else None
    ranks = [c.rank for c in drawn.candidates] if drawn else []
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
