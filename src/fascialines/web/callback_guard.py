"""Check a callback request at the door: its shape, and each value against what the page allows.

Dash hands the body of ``POST /_dash-update-component`` to the callbacks as it comes, and a
value no browser would send (a line id that is not an option, a slider at ``"abc"``, click data
whose ``points`` is a number) ends as an exception and a 500. :class:`CallbackGuard` refuses
such a request before Dash reads it.

The rules come from the page itself, so they follow the layout when it changes: a dropdown or
radio group accepts its options (unless a callback rewrites its options), a slider a number
between its ``min`` and ``max``, a URL its length limits, a graph's click data the shape plotly
sends, a button its click count. A value on a component the layout does not hold (one a callback
creates) gets the general limits only: text and lists of bounded size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from dash import dcc
from dash.development.base_component import Component

__all__ = [
    "MAX_ITEMS",
    "MAX_PARAMETER_LENGTH",
    "MAX_SEARCH_LENGTH",
    "MAX_TEXT_LENGTH",
    "BadCallback",
    "CallbackGuard",
    "search_problem",
]

#: The longest query string the app reads; a shared view is about 100 characters.
MAX_SEARCH_LENGTH = 2048
#: The longest value of one URL parameter (the longest symptom name is about 60 characters).
MAX_PARAMETER_LENGTH = 200
#: The longest text anywhere in a callback body that is not a URL.
MAX_TEXT_LENGTH = 1000
#: The longest list anywhere in a callback body (the region picker has a few hundred options).
MAX_ITEMS = 1000

Rule = Callable[[Any], None]


class BadCallback(ValueError):
    """A callback request the app refuses; ``str()`` says why without repeating the value."""


def search_problem(search: str) -> str | None:
    """Why a query string is too long to read, or ``None`` if it is within the limits.

    Examples
    --------
    >>> search_problem("?symptom=tension-headache&side=left") is None
    True
    >>> search_problem("?symptom=" + "a" * 300)
    'a setting in the link is longer than 200 characters'
    """
    if len(search) > MAX_SEARCH_LENGTH:
        return f"the link is longer than {MAX_SEARCH_LENGTH} characters"
    for key, value in parse_qsl(search.lstrip("?"), keep_blank_values=True):
        # The setting's name is not repeated: it is the sender's text.
        if len(key) > MAX_PARAMETER_LENGTH or len(value) > MAX_PARAMETER_LENGTH:
            return f"a setting in the link is longer than {MAX_PARAMETER_LENGTH} characters"
    return None


# Rules for one value --------------------------------------------------------------------------


def _general(value: Any, depth: int = 0) -> None:
    # The body has passed the depth check already; this bounds the sizes a callback sees.
    if isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            raise BadCallback(f"a text is longer than {MAX_TEXT_LENGTH} characters")
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise BadCallback(f"a list is longer than {MAX_ITEMS} items")
        for item in value:
            _general(item, depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise BadCallback(f"an object has more than {MAX_ITEMS} keys")
        for key, item in value.items():
            _general(key, depth + 1)
            _general(item, depth + 1)
    elif isinstance(value, float) and not math.isfinite(value):
        raise BadCallback("a number is not finite")


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _choice(allowed: frozenset[Any]) -> Rule:
    def check(value: Any) -> None:
        if value is not None and not (_scalar(value) and value in allowed):
            raise BadCallback("a value is not one of the options")

    return check


def _choices(allowed: frozenset[Any]) -> Rule:
    def check(value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, list) or len(value) > len(allowed):
            raise BadCallback("a multiple choice is not a list of options")
        if not all(_scalar(item) and item in allowed for item in value):
            raise BadCallback("a value is not one of the options")

    return check


def _some_option(value: Any) -> None:
    if value is not None and not _scalar(value):
        raise BadCallback("a value is not one of the options")
    _general(value)


def _some_options(value: Any) -> None:
    if value is not None and not (isinstance(value, list) and all(map(_scalar, value))):
        raise BadCallback("a multiple choice is not a list of options")
    _general(value)


def _number(minimum: float | None, maximum: float | None, whole: bool) -> Rule:
    def check(value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadCallback("a number is not a number")
        if not math.isfinite(value) or (whole and value != int(value)):
            raise BadCallback("a number is not a whole, finite number")
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise BadCallback("a number is out of its range")

    return check


def _search(value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise BadCallback("a URL part is not text")
    problem = search_problem(value)
    if problem is not None:
        raise BadCallback(problem)


def _url_part(value: Any) -> None:
    if value is not None and not (isinstance(value, str) and len(value) <= MAX_SEARCH_LENGTH):
        raise BadCallback("a URL part is not text of a URL's length")


def _count(value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise BadCallback("a click count is not a whole number")


def _click(value: Any) -> None:
    # What plotly.js sends for a click or hover: {"points": [{"curveNumber": 0, ...}, ...]}.
    if value is None:
        return
    if not isinstance(value, dict) or not isinstance(value.get("points"), list):
        raise BadCallback("click data is not an object with a list of points")
    if not all(isinstance(point, dict) for point in value["points"]):
        raise BadCallback("a clicked point is not an object")
    for point in value["points"]:
        custom = point.get("customdata")
        if custom is not None and not (
            _scalar(custom) or (isinstance(custom, list) and all(map(_scalar, custom)))
        ):
            raise BadCallback("a clicked point's data is not a value or a list of values")
    _general(value)


def _option_values(options: Any) -> frozenset[Any]:
    # Dash accepts options as a list of values, a list of {"label", "value"}, or {value: label}.
    if isinstance(options, Mapping):
        return frozenset(options)
    values = set()
    for option in options or ():
        values.add(option.get("value") if isinstance(option, Mapping) else option)
    return frozenset(values)


def _component_rules(component: Component, rewritten: set[tuple[str, str]]) -> Iterator:
    """``((id, property), rule)`` for the props of one component a person can change."""
    ident = getattr(component, "id", None)
    if not isinstance(ident, str):
        return
    options = getattr(component, "options", None)
    fixed = (ident, "options") not in rewritten
    if isinstance(component, dcc.Dropdown | dcc.RadioItems | dcc.Checklist):
        many = isinstance(component, dcc.Checklist) or bool(getattr(component, "multi", False))
        if fixed:
            allowed = _option_values(options)
            yield (ident, "value"), _choices(allowed) if many else _choice(allowed)
        else:
            # A callback rewrites the options (a search): the value is still an option's kind.
            yield (ident, "value"), _some_options if many else _some_option
    elif isinstance(component, dcc.Slider | dcc.RangeSlider):
        step = getattr(component, "step", None)
        whole = isinstance(step, int) and not isinstance(step, bool)
        number = _number(getattr(component, "min", None), getattr(component, "max", None), whole)
        if isinstance(component, dcc.RangeSlider):
            yield (ident, "value"), _range_of(number)
        else:
            yield (ident, "value"), number
    elif isinstance(component, dcc.Location):
        yield (ident, "search"), _search
        for part in ("pathname", "hash", "href"):
            yield (ident, part), _url_part
    elif isinstance(component, dcc.Graph):
        for part in ("clickData", "hoverData", "selectedData"):
            yield (ident, part), _click
    # A prop the layout leaves unset is no attribute: ask the component's list of props.
    if "n_clicks" in getattr(component, "available_properties", ()):
        yield (ident, "n_clicks"), _count


def _range_of(number: Rule) -> Rule:
    def check(value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise BadCallback("a range is not a list of numbers")
        for item in value:
            number(item)

    return check


def _walk(component: Any) -> Iterator[Component]:
    if isinstance(component, Component):
        yield component
        component = getattr(component, "children", None)
    if isinstance(component, list | tuple):
        for child in component:
            yield from _walk(child)
    elif isinstance(component, Component):
        yield from _walk(component)


# The request ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Expected:
    inputs: tuple[tuple[Any, str], ...]
    state: tuple[tuple[Any, str], ...]
    outputs: int


def _pairs(dependencies: list[dict[str, Any]]) -> tuple[tuple[Any, str], ...]:
    return tuple((dep["id"], dep["property"]) for dep in dependencies)


def _entries(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = body.get(key, [])
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise BadCallback(f'"{key}" is not a list')
    flat = []
    for entry in value:
        # A pattern-matching dependency (ALL, ALLSMALLER) arrives as a list of entries.
        for item in entry if isinstance(entry, list) else [entry]:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("id"), str | dict)
                and isinstance(item.get("property"), str)
            ):
                raise BadCallback(f'an entry of "{key}" is not an id, a property and a value')
            flat.append(item)
    return flat


class CallbackGuard:
    """The rules of one app's callbacks, built once from its callback map and its layout.

    Parameters
    ----------
    callback_map : mapping
        ``app.callback_map``.
    layout : Component
        The page (``app.layout``, called if it is a function).

    Notes
    -----
    Checking a body is linear in its size; the body is at most the server's request limit.
    """

    def __init__(self, callback_map: Mapping[str, Any], layout: Any) -> None:
        self._expected = {
            output: _Expected(
                inputs=_pairs(callback["inputs"]),
                state=_pairs(callback["state"]),
                outputs=len(callback["output"]) if isinstance(callback["output"], list) else 1,
            )
            for output, callback in callback_map.items()
        }
        rewritten = {
            (output.component_id, output.component_property)
            for callback in callback_map.values()
            for output in (
                callback["output"] if isinstance(callback["output"], list) else [callback["output"]]
            )
            # A pattern-matching output (a dict id) names no component of the layout.
            if isinstance(output.component_id, str)
        }
        self._rules: dict[tuple[str, str], Rule] = {}
        for component in _walk(layout() if callable(layout) else layout):
            self._rules.update(_component_rules(component, rewritten))

    def check(self, body: Any) -> None:
        """Raise :class:`BadCallback` unless ``body`` is a request this app's page could send."""
        if not isinstance(body, dict):
            raise BadCallback("the body is not a JSON object")
        output = body.get("output")
        expected = self._expected.get(output) if isinstance(output, str) else None
        if expected is None:
            raise BadCallback("the request names no callback of this app")
        inputs, state = _entries(body, "inputs"), _entries(body, "state")
        patterned = any(isinstance(ident, dict) for ident, _ in expected.inputs + expected.state)
        if not patterned and (
            tuple((item["id"], item["property"]) for item in inputs) != expected.inputs
            or tuple((item["id"], item["property"]) for item in state) != expected.state
        ):
            raise BadCallback("the inputs are not this callback's inputs")
        outputs = body.get("outputs")
        if not isinstance(outputs, list | dict):
            raise BadCallback("the outputs are not this callback's outputs")
        # Each entry is checked to be an id and a property, whatever its count.
        _entries({"outputs": outputs if isinstance(outputs, list) else [outputs]}, "outputs")
        # A wildcard output (ALL) is one entry: the list of the components it matched.
        count = len(outputs) if isinstance(outputs, list) else 1
        if not patterned and count != expected.outputs:
            raise BadCallback("the outputs are not this callback's outputs")
        changed = body.get("changedPropIds", [])
        if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
            raise BadCallback('"changedPropIds" is not a list of texts')
        _general(changed)
        for item in inputs + state:
            value = item.get("value")
            rule = (
                self._rules.get((item["id"], item["property"]))
                if isinstance(item["id"], str)
                else None
            )
            (rule or _general)(value)
