"""Static parts of the page sent as one markup string instead of one component per element.

Dash renders every component it receives as a React element subscribed to its store, and each
one costs a pass over the page on every later update (``benchmarks/README.md``). Text that no
callback reads or writes (a card's head and paths, the red flags) therefore travels as one
:func:`block`: the same ``html`` components, written out by :func:`to_markup`, in the
``data-markup`` attribute of one empty ``div``, which ``assets/markup.js`` puts in as the
``div``'s HTML whenever the attribute is new. React holds the ``div`` alone and leaves what is
inside alone (it has no children of its own to compare). The browser's own HTML parser draws
it: ``dcc.Markdown``, which drew the blocks before, parsed each of them in script again on
every render (``benchmarks/README.md``).

Only what the atlas and the wording layer say goes in, escaped here: no text typed by a user.
Buttons keep working because the address buttons are handled by one document listener reading
their ``data-`` attributes (``assets/app.js``), not by Dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from dash import html
from dash.development.base_component import Component

__all__ = ["MARKUP_ATTRIBUTE", "MARKUP_CLASS", "block", "to_markup"]

#: The class of every :func:`block`; the stylesheet lays it out as if absent
#: (``display: contents``), so the elements inside take part in their parent's grid.
MARKUP_CLASS = "markup"
#: The attribute that carries a block's HTML (``assets/markup.js`` reads it).
MARKUP_ATTRIBUTE = "data-markup"

# The Dash property names that become HTML attributes of another name; every other
# property is written as it is named (``title``, ``href``, ``data-*``, ``aria-*``, ...).
_ATTRIBUTE = {"className": "class", "htmlFor": "for"}
_BOOLEAN = {"hidden", "open", "disabled"}
# What a Dash component holds besides its properties.
_DASH_OWN = frozenset(
    {
        "_prop_names",
        "_valid_wildcard_attributes",
        "available_properties",
        "available_wildcard_properties",
    }
)
# Void elements close themselves (XHTML style, which HTML reads too).
_VOID = {"br", "hr", "img", "wbr"}


def _text(value: str) -> str:
    return escape(value, quote=False)


def _kebab(name: str) -> str:
    return re.sub("([A-Z])", lambda upper: "-" + upper.group(1).lower(), name)


def _attribute(name: str, value: Any) -> str:
    if name in _BOOLEAN:
        return f" {name}" if value else ""
    if value is None:
        return ""
    if name == "style" and isinstance(value, dict):
        # Dash's (React's) camelCase names, in CSS's own spelling.
        value = "; ".join(f"{_kebab(key)}: {rule}" for key, rule in value.items())
    if not isinstance(value, str | int | float):
        raise TypeError(f"markup cannot carry the {name!r} property of type {type(value)}")
    return f' {_ATTRIBUTE.get(name, name)}="{_text(str(value)).replace(chr(34), "&quot;")}"'


def to_markup(node: Any) -> str:
    """``node`` (``html`` components, strings, numbers, lists of them) as one HTML string.

    >>> from dash import html
    >>> to_markup(html.P(["1 < 2 ", html.Strong("{sic}")], className="note"))
    '<p class="note">1 &lt; 2 <strong>{sic}</strong></p>'

    Raises :class:`TypeError` for what has no plain HTML form: a ``dcc`` component (it needs
    Dash to work), a dictionary id (a callback's target must stay a component). A style's
    names are Dash's camelCase ones, written out as CSS names.
    """
    if node is None:
        return ""
    if isinstance(node, str):
        return _text(node)
    if isinstance(node, int | float):
        return _text(str(node))
    if isinstance(node, Iterable) and not isinstance(node, Component):
        return "".join(to_markup(child) for child in node)
    if not isinstance(node, Component) or node._namespace != "dash_html_components":
        raise TypeError(f"markup holds plain html components only, not {node!r}")
    tag = node._type.lower()
    # A component keeps each property given as an attribute of its own, beside four of Dash's
    # (the names it takes): read directly, ten times faster than to_plotly_json(), which tests
    # every name it could take (tests/test_web_markup.py compares the two).
    props = {name: value for name, value in vars(node).items() if name not in _DASH_OWN}
    children = props.pop("children", None)
    # Sorted: a component sets its properties in an order that changes from one process to the
    # next (a set), and the same page should be the same bytes from every worker.
    attributes = "".join(_attribute(name, value) for name, value in sorted(props.items()))
    if tag in _VOID:
        return f"<{tag}{attributes} />"
    return f"<{tag}{attributes}>{to_markup(children)}</{tag}>"


def block(children: Any, class_name: str = "") -> Component:
    """``children`` drawn by one component (see the module's note): an empty ``div`` whose
    :data:`MARKUP_ATTRIBUTE` holds their markup."""
    carried: dict[str, Any] = {MARKUP_ATTRIBUTE: to_markup(children)}
    return html.Div(className=f"{MARKUP_CLASS} {class_name}".strip(), **carried)
