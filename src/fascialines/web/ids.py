"""Every component id of the app, in one place, so two parts of the page never collide.

Ids are kebab-case with a feature prefix: ``page-`` for the frame, ``trace-`` for the symptom
tracer, ``body-`` for the diagram, ``line-`` and ``region-`` for the explorers, ``share-`` for the
link.
"""

from __future__ import annotations

PAGE_URL = "page-url"
PAGE_NOTICE = "page-notice"

TRACE_SYMPTOM = "trace-symptom"
TRACE_SIDE = "trace-side"
TRACE_HOPS = "trace-hops"
TRACE_LINES = "trace-lines"
TRACE_EVIDENCE = "trace-evidence"
TRACE_RESULTS = "trace-results"
TRACE_SAFETY = "trace-safety"

BODY_GRAPH = "body-graph"
BODY_CAPTION = "body-caption"

LINE_PICKER = "line-picker"
LINE_DETAILS = "line-details"

REGION_PICKER = "region-picker"
REGION_DETAILS = "region-details"

SHARE_COPY = "share-copy"
