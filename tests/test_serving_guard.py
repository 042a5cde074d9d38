"""The callback checks read their rules from the page: what a control offers is what it accepts.

A small page of every kind of control the guard knows, with hypothesis values inside and
outside each control's options and range.
"""

from __future__ import annotations

from typing import Any

import dash
import pytest
from dash import Input, Output, dcc, html
from hypothesis import given
from hypothesis import strategies as st

from fascialines.web.callback_guard import (
    MAX_PARAMETER_LENGTH,
    BadCallback,
    CallbackGuard,
    search_problem,
)

OPTIONS = ["apple", "pear", "plum"]


def _page() -> tuple[dash.Dash, CallbackGuard]:
    app = dash.Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Location(id="url"),
            dcc.Dropdown(id="one", options=OPTIONS),
            dcc.Dropdown(
                id="many", options=[{"label": o, "value": o} for o in OPTIONS], multi=True
            ),
            dcc.RadioItems(id="radio", options={"l": "Left", "r": "Right"}),
            dcc.Slider(id="slider", min=1, max=8, step=1),
            dcc.Graph(id="graph"),
            html.Button(id="button"),
            dcc.Dropdown(id="dynamic", options=[]),
            html.Div(id="out"),
        ]
    )

    @app.callback(
        Output("out", "children"),
        Output("dynamic", "options"),
        Input("url", "search"),
        Input("one", "value"),
        Input("many", "value"),
        Input("radio", "value"),
        Input("slider", "value"),
        Input("graph", "clickData"),
        Input("button", "n_clicks"),
        Input("dynamic", "value"),
    )
    def update(*values: Any) -> tuple:
        return "", []

    return app, CallbackGuard(app.callback_map, app.layout)


APP, GUARD = _page()
OUTPUT = next(iter(APP.callback_map))
IDS = [
    ("url", "search"),
    ("one", "value"),
    ("many", "value"),
    ("radio", "value"),
    ("slider", "value"),
    ("graph", "clickData"),
    ("button", "n_clicks"),
    ("dynamic", "value"),
]


def _body(**values: Any) -> dict[str, Any]:
    return {
        "output": OUTPUT,
        "outputs": [
            {"id": "out", "property": "children"},
            {"id": "dynamic", "property": "options"},
        ],
        "inputs": [
            {"id": ident, "property": prop, "value": values.get(ident)} for ident, prop in IDS
        ],
        "changedPropIds": ["url.search"],
    }


def _accepted(**values: Any) -> bool:
    try:
        GUARD.check(_body(**values))
    except BadCallback:
        return False
    return True


def test_the_empty_page_is_accepted() -> None:
    assert _accepted()


@given(st.sampled_from(OPTIONS), st.lists(st.sampled_from(OPTIONS), max_size=3, unique=True))
def test_options_are_accepted(one: str, many: list[str]) -> None:
    assert _accepted(one=one, many=many, radio="l")


@given(st.text().filter(lambda text: text not in OPTIONS) | st.integers() | st.lists(st.text()))
def test_anything_else_is_refused_by_a_dropdown(value: Any) -> None:
    assert not _accepted(one=value)
    assert not _accepted(many=[value])
    assert not _accepted(radio=value)


@given(st.integers(min_value=1, max_value=8))
def test_a_slider_accepts_its_range(value: int) -> None:
    assert _accepted(slider=value) and _accepted(slider=float(value))


@pytest.mark.parametrize("value", [0, 9, 2.5, True, "4", float("inf"), [4]])
def test_a_slider_refuses_the_rest(value: Any) -> None:
    assert not _accepted(slider=value)


def test_a_control_whose_options_a_callback_rewrites_gets_the_general_limits() -> None:
    assert _accepted(dynamic="whatever the callback offered")
    assert not _accepted(dynamic="x" * 5000)


@pytest.mark.parametrize(
    ("click", "ok"),
    [
        ({"points": [{"customdata": ["calf", "left"], "x": 1.5}]}, True),
        ({"points": []}, True),
        ({"points": 5}, False),
        ({"points": [5]}, False),
        ({"points": [{"customdata": {"a": 1}}]}, False),
        ([], False),
    ],
)
def test_click_data_has_plotly_s_shape(click: Any, ok: bool) -> None:
    assert _accepted(graph=click) is ok


@given(st.integers(min_value=0))
def test_a_click_count_is_a_whole_number(count: int) -> None:
    assert _accepted(button=count)
    assert not _accepted(button=-count - 1)


@given(st.text(max_size=MAX_PARAMETER_LENGTH))
def test_a_link_within_the_limits_is_accepted(value: str) -> None:
    from urllib.parse import urlencode

    search = "?" + urlencode({"symptom": value})
    assert _accepted(url=search) is (search_problem(search) is None)


def test_a_link_beyond_the_limits_is_refused() -> None:
    assert not _accepted(url="?symptom=" + "a" * (MAX_PARAMETER_LENGTH + 1))
    assert not _accepted(url=5)


@pytest.mark.parametrize(
    "change",
    [
        {"output": "..nope.."},
        {"inputs": "x"},
        {"inputs": [{"id": "url", "property": "search", "value": ""}]},
        {"outputs": [{"id": "out"}]},
        {"outputs": 5},
        {"changedPropIds": [5]},
    ],
)
def test_a_body_that_is_not_this_callback_s_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(BadCallback):
        GUARD.check({**_body(), **change})


@pytest.mark.parametrize(
    "module", ["fascialines.atlas_json", "fascialines.web.callback_guard", "fascialines.serving"]
)
def test_the_docstring_examples_run(module: str) -> None:
    import doctest
    import importlib

    failed, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failed == 0
