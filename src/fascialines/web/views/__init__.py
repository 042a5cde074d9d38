"""The app's views, each in its own module with its ``Ids``, ``layout()`` and ``render()``.

- :mod:`.page`: the frame and the browser-side handlers;
- :mod:`.controls`: the trace controls and the explore pickers;
- :mod:`.diagram`: the body diagram, its key and caption;
- :mod:`.results`: red flags, candidate cards, the light list, safety (:mod:`.prose` writes the
  cards' long text as Markdown);
- :mod:`.line` and :mod:`.region`: the explorers beside the diagram.

:mod:`fascialines.web.callbacks` wires them to the URL in one server callback.
"""
