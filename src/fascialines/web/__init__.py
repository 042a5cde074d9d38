"""The Dash app: body diagram, symptom tracer, line and region explorers, shareable URL.

Start it with ``fascialines serve`` or ``create_app(load_atlas()).run()``.
"""
