"""Markup blocks (web.markup): html components written out as one string, and read back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from dash import dcc, html
from dash.development.base_component import Component
from hypothesis import given
from hypothesis import strategies as st

from fascialines.web.markup import _DASH_OWN, MARKUP_ATTRIBUTE, MARKUP_CLASS, block, to_markup
from web_screen import find, from_markup, text

TAGS = [html.Div, html.P, html.Span, html.Strong, html.Li, html.Ul, html.H3, html.Details]
# Text with HTML's own marks in it, and braces (nothing but text in HTML).
TEXT = st.text(alphabet=st.sampled_from(list("ab <>&{}\"'→é;")), min_size=1, max_size=12)
ATTRIBUTE = st.text(alphabet=st.sampled_from(list("ab-{}\"'&<")), max_size=8)


def _shape(node: Any) -> Any:
    """A tree as nested tuples: tag, attributes, children (adjacent strings joined)."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        merged: list[Any] = []
        for child in node:
            shape = _shape(child)
            if isinstance(shape, str) and merged and isinstance(merged[-1], str):
                merged[-1] += shape
            elif shape != "":
                merged.append(shape)
        return tuple(merged)
    props = node.to_plotly_json()["props"]
    children = props.pop("children", None)
    kids = children if isinstance(children, list) else [] if children is None else [children]
    return (node._type, tuple(sorted(props.items())), _shape(kids))


@st.composite
def trees(draw: st.DrawFn, depth: int = 3) -> Component:
    kind = draw(st.sampled_from(TAGS))
    children = draw(
        st.lists(TEXT | (trees(depth - 1) if depth else TEXT), max_size=3)  # type: ignore[operator]
    )
    props: dict[str, Any] = {}
    if draw(st.booleans()):
        props["className"] = draw(ATTRIBUTE)
    if draw(st.booleans()):
        props["title"] = draw(ATTRIBUTE)
    if draw(st.booleans()):
        props["data-set"] = draw(ATTRIBUTE)
    return kind(children, **props)


@given(trees())
def test_markup_draws_the_same_components(tree: Component) -> None:
    assert _shape(from_markup(to_markup(tree))) == _shape([tree])


@given(trees())
def test_markup_reads_exactly_the_properties_dash_would_send(tree: Component) -> None:
    # to_markup reads a component's own attributes, not to_plotly_json(): the same set.
    for node in find(tree, Component, unfold=False):
        sent = node.to_plotly_json()["props"]
        sent.pop("children", None)
        own = {k: v for k, v in vars(node).items() if k not in _DASH_OWN and k != "children"}
        assert own == sent


@given(TEXT)
def test_text_cannot_open_a_tag(words: str) -> None:
    markup = to_markup(html.P(words))
    inner = markup[len("<p>") : -len("</p>")]
    assert not set("<>") & set(inner)
    assert text(from_markup(markup)) == words


def test_a_style_travels_in_reacts_names() -> None:
    chip = html.Span("SBL", style={"borderLeftColor": "#123456"})
    assert to_markup(chip) == '<span style="border-left-color: #123456">SBL</span>'
    (back,) = from_markup(to_markup(chip))
    assert back.style == {"borderLeftColor": "#123456"}


def test_boolean_attributes_are_written_bare_or_left_out() -> None:
    assert to_markup(html.Details("x", open=True)) == "<details open>x</details>"
    assert to_markup(html.Details("x", open=False)) == "<details>x</details>"


@pytest.mark.parametrize(
    "node",
    [
        html.Div(dcc.Link("in-app", href="?x")),  # needs Dash to work
        html.Div(id={"type": "card", "rank": 1}),  # a callback's target
        html.Div(dcc.Markdown("**bold**")),  # Markdown inside markup would not be read
    ],
)
def test_what_needs_dash_cannot_become_markup(node: Component) -> None:
    with pytest.raises(TypeError):
        to_markup(node)


def test_a_block_is_one_empty_div_holding_its_markup() -> None:
    # React must hold no children of the block's own: assets/markup.js puts its HTML in.
    tree = [html.H3("Title"), html.Ul([html.Li("one"), html.Li("two")])]
    drawn = block(tree, "extra")
    assert isinstance(drawn, html.Div) and getattr(drawn, "children", None) is None
    assert drawn.className.split() == [MARKUP_CLASS, "extra"]
    assert getattr(drawn, MARKUP_ATTRIBUTE) == to_markup(tree)
    assert find(drawn, html.Div, unfold=False) == [drawn]
    assert [li.children for li in find(drawn, html.Li)] == ["one", "two"]
    script = (Path(__file__).parents[1] / "assets" / "markup.js").read_text(encoding="utf-8")
    assert f'"{MARKUP_ATTRIBUTE}"' in script


def test_the_fixed_blocks_are_in_the_first_page_as_markup_hidden_until_a_trace() -> None:
    from fascialines.atlas import load_atlas
    from fascialines.explain import DISCLAIMER
    from fascialines.web.app import create_app
    from fascialines.web.views import results

    atlas = load_atlas()
    layout = create_app(atlas).server.test_client().get("/_dash-layout").get_json()
    drawn: dict[str, Any] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict) and "props" in node:
            props = node["props"]
            if props.get("id") in results.FIXED:
                drawn[props["id"]] = props
            walk(props.get("children"))

    walk(layout)
    assert set(drawn) == set(results.FIXED)
    for slot, props in drawn.items():
        assert props["hidden"] is True, f"{slot} waits for a trace"
        (held,) = props["children"]
        assert text(from_markup(held["props"][MARKUP_ATTRIBUTE])), f"{slot} has its text"
    safety = drawn[results.Ids.SAFETY]["children"][0]["props"][MARKUP_ATTRIBUTE]
    assert DISCLAIMER in text(from_markup(safety))


def test_the_same_components_give_the_same_markup_in_every_process() -> None:
    # Dash sets a component's properties in set order, which changes with the hash seed: two
    # workers must still send the same page.
    import subprocess
    import sys

    script = (
        "from dash import html\n"
        "from fascialines.web.markup import to_markup\n"
        "print(to_markup(html.Div(id='a', className='b', title='c', hidden=True,"
        " **{'data-x': '1', 'aria-label': 'd'}, children=html.A('e', href='f'))))\n"
    )
    drawn = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(4)
    }
    assert len(drawn) == 1, drawn
