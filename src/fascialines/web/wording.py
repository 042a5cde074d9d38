"""Every fixed word the app shows, in one place, ready for a second language.

The views and the figure never write a label, heading or hint of their own: they take it from
here. Sentences about the atlas's content (a candidate's explanation, a line's summary) come from
the core (:mod:`fascialines.explain`) or from the atlas itself. To translate the app, give this
module's names other values; nothing else needs to change.
"""

from __future__ import annotations

__all__ = [
    "CHART",
    "CHART_TOOLS",
    "CITED_KINDS",
    "CLIENT",
    "COMPARE",
    "CONTRAINDICATION_KINDS",
    "CONTROL",
    "EVIDENCE_BADGE",
    "EVIDENCE_CHOICES",
    "EVIDENCE_HOVER",
    "EVIDENCE_PAGE",
    "EVIDENCE_SHORT",
    "HEADING",
    "LINE",
    "MESSAGE",
    "QUIZ",
    "REFUSAL",
    "SELF_CARE_TERMS",
    "SENTENCE",
    "count",
    "either",
]

#: Evidence grades as a badge says them; the badge's colour only repeats the words.
EVIDENCE_BADGE: dict[str, str] = {
    "strong": "Strong evidence",
    "moderate": "Moderate evidence",
    "limited": "Limited evidence",
    "not-studied": "Not studied: the model's claim",
    "not-found": "Studied, not found",
    # A candidate that no line reaches carries no line grade, only trigger-point patterns.
    "": "Trigger-point pattern only",
}
#: Evidence grades in the diagram's hover labels.
EVIDENCE_HOVER: dict[str, str] = {
    "strong": "strong evidence",
    "moderate": "moderate evidence",
    "limited": "limited evidence",
    "not-studied": "not studied",
    "not-found": "studied, not found",
}
#: Evidence grades in the key, beside their dash style.
EVIDENCE_SHORT: dict[str, str] = {
    "strong": "strong",
    "moderate": "moderate",
    "limited": "limited",
    "not-studied": "not studied",
    "not-found": "not found",
}
#: The minimum-evidence choices, strictest last, worded for people rather than as grades.
EVIDENCE_CHOICES: tuple[tuple[str, str], ...] = (
    ("not-found", "Any link, even where a study found none"),
    ("not-studied", "Also links nobody has studied"),
    ("limited", "Limited evidence or better"),
    ("moderate", "Moderate evidence or better"),
    ("strong", "Strong evidence only"),
)

#: The controls' labels, hints and placeholders.
CONTROL: dict[str, str] = {
    "symptom": "Where is it felt?",
    "symptom-placeholder": "Type a complaint, e.g. sore heel",
    "symptom-hint": "Or click a point on the body to explore it.",
    "side": "Side",
    "side-both": "Both",
    "side-left": "Left",
    "side-right": "Right",
    "hops": "How far along a line",
    "hops-hint": "How many steps from where it is felt; further links say less.",
    "lines": "Lines",
    "lines-placeholder": "All lines",
    "evidence": "Only links with at least this evidence",
    "evidence-hint": "Stricter choices leave out links that studies have not confirmed.",
    "copy": "Copy link to this view",
    "copied": "Link copied",
    "copy-title": "Copy a link to this view",
    "nothing-stored": "Nothing about you is stored. ",
    "start-again": "Start again",
    "line": "Line",
    "line-placeholder": "Choose a line",
    "region": "Region",
    "region-placeholder": "Choose a region, or click one on the body",
    "trace-here": "Trace pain felt here",
    "close-region": "Close",
    "show-on-body": "Show on the body",
    "show-all": "Show all",
    "details": "Why, self-care and sources",
    "full-wording": "Full wording",
    "students-quiz": "Quiz",
    "students-compare": "Compare lines",
    "students-evidence": "Evidence",
}

#: Headings and fixed sentences of the views.
HEADING: dict[str, str] = {
    "title": "fascialines: myofascial lines and referred pain",
    "tagline": (
        "Myofascial lines (Anatomy Trains) and referred pain, with the evidence behind every "
        "link. Education, not a diagnosis."
    ),
    "skip": "Skip to the results",
    "controls": "Trace a symptom",
    "diagram": "Body diagram",
    "diagram-group": "Body diagram, front and back",
    "results": "Results",
    "welcome": "Where does it hurt?",
    "welcome-text": (
        "Choose a complaint to see which places the myofascial lines connect it to, ranked, "
        "with the evidence for each link. Click a point on the body to explore it."
    ),
    "examples": "For example:",
    "follow-line": "Or follow one line from end to end:",
    "explore-line": "Explore a line",
    "explore-region": "Explore a region",
    "key": "Key",
    "key-lines": "Lines",
    "key-evidence": "Evidence (line style)",
    "red-flags": "See a doctor first if…",
    "why-here": "Ranked here for: ",
    "not-diagnosis": "Education, not a diagnosis: ",
    "not-diagnosis-text": "a teaching model's connections, not the cause of your pain. ",
    "safety-link": "When bodywork is not safe",
    "safety": "Before you try anything",
    "safety-label": "Safety",
    "contraindications": "When bodywork or self-massage is not safe",
    "more": "less well supported",
    "trigger-points": "About trigger points",
    "sources": "Sources",
    "trigger-second": "A second, contested mechanism: trigger-point referral. ",
    "trigger-not-line": "This is not a fascial line. ",
    "trigger-why": "Why it is contested",
    "lines-through": "Lines through it",
    "no-line-through": "No line passes through this region.",
    "region-trigger": "Trigger-point referral (a separate, contested mechanism)",
    "take-care": "Take care here. ",
    "take-care-short": "Take care here: ",
    "student": "Student wording",
    "line-empty": "Choose a line to see it on the body and its stations step by step.",
    "region-empty": "Choose a region, or click one on the body, to see the lines through it.",
    "footer": (
        "For learning about the body. It does not diagnose or treat anything; see a qualified "
        "professional about pain, and a doctor at once about any warning sign."
    ),
    "busy": "Working…",
    "grade-means": "What this grade means",
    "students": "For students",
}

#: The line explorer's words; ``{name}`` is a line's or a region's name.
LINE: dict[str, str] = {
    "rated-step": "rated for this step",
    "rated-line": "the line's rating",
    "track": "Track",
    "from": "From",
    "to": "To",
    "evidence": "Evidence",
    "sources": "Sources",
    "close": "Close",
    "close-title": "Close the {name}",
    "explore-title": "Explore the {name}",
    "steps": "Each step, with its evidence and sources ({steps})",
    "caption": "{name}: each step, in the model's published order",
    "crosses": "Crosses the midline: ",
    "hover": "Point at or tab to a step to see it on the body.",
}

#: Sentences the views fill in; ``{…}`` are the parts that come from the atlas or the trace.
SENTENCE: dict[str, str] = {
    "trigger-only": (
        "Trigger points here are classically said to send pain to the {areas}: a separate and "
        "contested idea, not a fascial line."
    ),
    "line-rated": "No study rated these steps on their own; see the line's own evidence.",
    "also-trigger": "Also a trigger-point pattern (a contested idea).",
    "light-pressure": "{sites}. Light pressure only; the reason is in the details.",
    "focus-title": "Emphasise the paths of number {rank} on the body",
    "traced-from": "Traced from the {felt}",
    "felt-at": "Felt at: {felt}.",
    "ranked": "{places}, best supported first: each a possibility, not a finding.",
    "line-open": "Choose a complaint above to trace it along the lines.",
    "close-title": "Close the {name}",
    "plain-words": "In plain words: {name}.",
    "refers": "Refers pain: {pattern}",
    "refers-here": "{muscle} refers pain here: {pattern}",
    "self-care-for": "Self-care for the {name}",
    "not-self-treatment": "Not for self-treatment.",
    "atlas-counts": "{title}: {lines} lines, {regions} regions, {sources} sources.",
    "neighbour-after": "after it",
    "neighbour-before": "before it",
}

#: The terms of a self-care note, in the order they are shown.
SELF_CARE_TERMS: tuple[tuple[str, str], ...] = (
    ("tool", "Tool"),
    ("how", "How"),
    ("duration", "How long"),
    ("frequency", "How often"),
    ("avoid", "Avoid"),
)

#: Messages about what could not be done.
MESSAGE: dict[str, str] = {
    "no-candidates": (
        "No line reaches this within these settings: go further along the lines, allow more "
        "lines or weaker evidence."
    ),
    "not-traced": "Nothing could be traced: {error}",
    "focus-ignored": "The link's focus “{focus}” was ignored: the list is shorter.",
    "did-you-mean": "Nothing is called “{text}”. Did you mean {names}?",
    "no-match": "Nothing matches “{text}”: try the place it hurts, such as heel, neck or knee.",
    "no-handout": "There is no trace in this link to make a handout of: choose a complaint in "
    "the app, then use its Handout button.",
    "no-anki": "The Anki deck needs the genanki package on the server; the worksheet works "
    "without it.",
    "fold-no-rank": "a fold needs the rank of its card",
    "fold-no-card": "no card of that rank for this trace",
}

#: The one sentence each refused request gets, by status (never the value sent: it may be what
#: a therapist typed).
REFUSAL: dict[str, str] = {
    "400": "This request could not be read. Reload the page; if it happens again, open the "
    "app's address without the settings after the '?'.",
    "404": "There is nothing at this address.",
    "405": "This address does not answer that kind of request.",
    "413": "This request is too large: the app accepts at most {kilobytes} KB.",
    "415": "This request must be sent as JSON.",
    "500": "Something went wrong on the server. Try again in a moment.",
    "other": "This request could not be answered.",
    "link": "This link cannot be opened: {problem}. Open the app's address without the settings "
    "after the '?', or ask for the link again.",
}

#: How each kind of contraindication is headed for a client.
CONTRAINDICATION_KINDS: dict[str, str] = {
    "absolute": "No bodywork or self-massage at all with",
    "local": "Not on the area affected, or only with care and advice, with",
}


#: The body chart: its tools, its switches and the sentence that says what it shows.
CHART: dict[str, str] = {
    "tools": "Chart tools",
    "every-line": "Show every line",
    "every-line-title": "Draw all twelve lines faintly behind the view",
    "figure": "Figure:",
    "figure-group": "Body figure",
    "figure-male": "Male",
    "figure-female": "Female",
    "figure-title": "Draw the {figure} body under the lines",
    "caption-views": "Three views: the front (the client's right side on your left), the back, "
    "and the client's right side in profile.",
    "caption-female": "A female body is drawn on the front and back; the profile is shared.",
    "caption-first": "the first {marked} of {count}",
    "caption-marked": "Marked: {shown} linked places, numbered, and where it is felt: {felt}.",
    "caption-focus": "The paths of number {rank} stand out; the rest are dimmed.",
    "caption-line": "Highlighted: the {line}.",
    "caption-region": "Selected: {region}.",
    "view-front": "Front view",
    "view-front-hover": "the client facing you",
    "view-back": "Back view",
    "view-back-hover": "seen from behind",
    "view-side": "Right side",
    "view-side-hover": "the client's right side in profile, facing right",
    "profile-front": "front",
    "profile-back": "back",
    "profile-hover": "the client's {word}",
    "side-hover": "the client's {side} side",
    "deep": "deep (paler)",
    "deep-title": "A deep line (the Deep Front Line) runs under the surface: the chart draws it "
    "paler and thinner, as if seen through the body.",
    "no-line": "no line (trigger-point or symptom area)",
    "region-lines": "lines: {lines}",
}

#: The chart's tools: (action, visible label, the name said to screen readers and on hover).
CHART_TOOLS: tuple[tuple[str, str, str], ...] = (
    ("view-front", "Front", "Show the front view only"),
    ("view-back", "Back", "Show the back view only"),
    ("view-side", "Side", "Show the side view only"),
    ("zoom-in", "+", "Zoom in"),
    ("zoom-out", "−", "Zoom out"),
    ("pan-left", "←", "Pan left"),
    ("pan-right", "→", "Pan right"),
    ("pan-up", "↑", "Pan up"),
    ("pan-down", "↓", "Pan down"),
    ("reset", "Reset", "Reset the zoom: all three views, the whole body"),
    ("save", "Save picture", "Save the chart as it is now as a PNG picture"),
)


#: The client view and the therapist's doors to it.
CLIENT: dict[str, str] = {
    "title": "Client view",
    "title-title": "A simple, large view of this trace to show a client",
    "handout": "Handout",
    "handout-title": "A one-page handout of this trace, ready to print or download",
    "chart-label": "The body from the front and the back: where the {complaint} is felt, in "
    "red, and the numbered places linked to it.",
    "sides": "Side",
    "side-left": "Left",
    "side-right": "Right",
    "side-both": "Both sides",
    "back": "Back to the explorer",
    "nothing-traced": "Choose a complaint in the explorer first, then open the client view.",
    "no-places": "The model links no place to this complaint with these settings.",
    "felt": "Where it is felt: {felt}.",
    "next": "Next place",
    "places": "Places the model links to it",
    "places-note": "Each is a possibility to explore, not a finding.",
    "doctor": "See a doctor",
}

#: The quiz view's words (:mod:`.views.quiz`).
QUIZ: dict[str, str] = {
    "heading": "Quiz: the lines and what is known about them",
    "intro": "Ten questions from the atlas. The same link gives the same questions, so a "
    "teacher can give a whole class one quiz.",
    "next": "Next question",
    "results": "See my results",
    "new": "New quiz",
    "right": "Right.",
    "wrong": "Not quite: the answer is {key}, {text}.",
    "source": "Source: ",
    "more": "More from the atlas",
    "on-body": "On the body: ",
    "take-home": "Take it home: ",
    "anki": "Anki deck (.apkg)",
    "worksheet": "Printable worksheet with answer key",
    "summary": "You answered {score} of {total} right.",
    "all-right": "Every answer right: well done.",
    "revisit": "Worth another look:",
    "revisit-lines": "Lines",
    "revisit-regions": "Regions",
    "missed": "Questions to go over: {numbers}.",
    "again": "Try this quiz again",
    "score": "Score: {score} of {answered} answered ({total} questions).",
    "no-questions": "This atlas has too little in it to ask questions about.",
    "no-seed": "This quiz link has no number (seed), so it names no quiz. ",
    "start": "Start a quiz",
    "drawn-trace": "pain felt at {felt} (red), traced back to {source}, number {rank}",
    "drawn-line": "the {line} drawn on both sides",
    "drawn-region": "{region} ringed",
}


#: The comparison of lines (:mod:`.views.compare`).
COMPARE: dict[str, str] = {
    "heading": "Lines side by side",
    "intro": "Every line named in the address is drawn on the body; the regions they share "
    "are ringed, numbered as listed here with what the atlas says about each line there.",
    "shared": "Where they meet ({count})",
    "partly": "Shared by some of them ({count})",
    "none": "These lines share no region in the atlas: they do not meet.",
    "remove": "Remove {abbreviation}",
    "add": "Add a line: ",
    "rated": "rated for this step",
    "line-rating": "not rated on its own (the line's rating stands for it)",
    "runs-on": "They run on together to: ",
    "crossing": "Midline crossing ({abbreviation}): ",
    "too-many": "The body draws the first {count} lines; the list covers them all.",
    "close": "Close the comparison",
    "caption": "Drawn: {names}. Ringed and numbered as in the list: the {count} regions they "
    "share.",
}


#: The evidence page (:mod:`.views.evidence`).
EVIDENCE_PAGE: dict[str, str] = {
    "grades": "What the grades mean",
    "bases": "Rated step by step, or as a whole line",
    "lines": "Line by line: what was studied and found",
    "trigger-points": "Trigger points: the caveats",
    "claims": "The article's claims beside the evidence",
    "sources": "Every source",
    "rated-as-whole": "Lines rated this as a whole: ",
    "none": "none",
    "rated-steps": "Steps a source rated this on their own: {count}.",
    "line-sources": "Sources for the line: ",
    "steps-rated": "Steps a source rated on their own",
    "steps-on-line": "{count} of its steps were not rated on their own: for them, the line's "
    "rating is what may be said.",
    "no-rated-steps": "No source rated any of its steps on its own.",
    "claim": "Claim",
    "verdict": "Verdict",
    "evidence": "What the evidence says",
    "cited-for": "Cited for: ",
    "back": "Back to the explorer",
}


#: What kind of record cites a source, as the evidence page's source list says it.
CITED_KINDS: dict[str, str] = {
    "line": "the line",
    "referral-pattern": "",
    "trigger-point-caveat": "a trigger-point caveat",
    "claim": "a claim",
    "red-flag": "a red flag",
    "contraindication": "a contraindication",
    "endangerment-site": "a site to take care",
    "self-care": "self-care at",
}


def either(names: list[str]) -> str:
    """``"A"``, ``"A or B"``, ``"A, B or C"``: choices in a sentence."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def count(number: int, one: str, many: str | None = None) -> str:
    """``count(1, "step")`` is ``"1 step"``, ``count(3, "step")`` is ``"3 steps"``."""
    return f"{number} {one if number == 1 else many or one + 's'}"
