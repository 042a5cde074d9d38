"""The students' journeys in a real browser: a quiz round, lines side by side, the evidence page.

Each is also checked with axe-core at desktop and phone width (see test_accessibility.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from fascialines.atlas import Atlas
from fascialines.teaching import generate_quiz
from fascialines.web.quiz_downloads import QUIZ_LENGTH
from fascialines.web.views.quiz import choice_id

RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}
AXE = Axe()
SEED = 4242

# Marks drawn on the upper layer of the diagram (assets/overlay.js draws it as one SVG).
OVERLAY_POINTS = """() => document.querySelectorAll('#body-overlay-layer svg g > *').length"""


def _ready(page: Page) -> None:
    expect(page.locator("#body-graph .js-plotly-plot .main-svg").first).to_be_visible()
    page.wait_for_load_state("networkidle")


def _serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _answer_by_keyboard(page: Page, key: str) -> None:
    button = page.locator(f"#{choice_id(key)}")
    button.focus()
    page.keyboard.press("Enter")


def test_a_quiz_round_answered_on_the_body(offline_page: Page, base_url: str, atlas: Atlas) -> None:
    page = offline_page
    questions = generate_quiz(atlas, seed=SEED, count=QUIZ_LENGTH).questions
    page.goto(f"{base_url}/?view=quiz&seed={SEED}")
    _ready(page)
    first = questions[0]
    expect(page.locator("#quiz-question")).to_contain_text(first.beside_drawing or first.text)
    expect(page.locator("#trace-head")).to_be_hidden()
    wrong = next(c.key for c in first.choices if c.key != first.answer)
    _answer_by_keyboard(page, wrong)
    feedback = page.locator("#quiz-feedback")
    expect(feedback).to_contain_text(f"the answer is {first.answer}")
    expect(feedback).to_contain_text(first.explanation)
    expect(page.locator("#quiz-score")).to_contain_text(f"Score: 0 of 1 answered ({QUIZ_LENGTH}")
    # The answer is drawn on the body, and the buttons are done.
    page.wait_for_function(f"({OVERLAY_POINTS})() > 0")
    expect(page.locator(f"#{choice_id(first.answer)}")).to_be_disabled()
    page.locator("#quiz-next").click()
    second = questions[1]
    expect(page.locator("#quiz-question")).to_contain_text(second.beside_drawing or second.text)
    _answer_by_keyboard(page, second.answer)
    expect(feedback).to_contain_text("Right.")
    expect(page.locator("#quiz-score")).to_contain_text("Score: 1 of 2 answered")
    page.wait_for_function(f"({OVERLAY_POINTS})() > 0")
    # The same link gives the same questions (a new page: nothing kept from this one).
    other = page.context.new_page()
    other.goto(f"{base_url}/?view=quiz&seed={SEED}")
    expect(other.locator("#quiz-question")).to_contain_text(first.beside_drawing or first.text)
    other.close()


def test_a_quiz_goes_to_its_summary_and_home(
    offline_page: Page, base_url: str, atlas: Atlas
) -> None:
    page = offline_page
    questions = generate_quiz(atlas, seed=SEED + 1, count=QUIZ_LENGTH).questions
    page.goto(f"{base_url}/?view=quiz&seed={SEED + 1}")
    _ready(page)
    for number, question in enumerate(questions, start=1):
        expect(page.locator("#quiz-question")).to_contain_text(f"Question {number} of")
        key = question.answer if number % 2 else question.choices[0].key
        page.locator(f"#{choice_id(key)}").click()
        expect(page.locator("#quiz-feedback")).not_to_be_empty()
        page.locator("#quiz-next").click()
    right = sum(
        1
        for n, q in enumerate(questions, start=1)
        if (q.answer if n % 2 else q.choices[0].key) == q.answer
    )
    summary = page.locator("#quiz-summary")
    expect(summary).to_contain_text(f"You answered {right} of {len(questions)} right.")
    # The deck and the worksheet of this seed download.
    for link in ("#quiz-anki", "#quiz-worksheet"):
        href = page.locator(link).get_attribute("href")
        assert href is not None and f"/{SEED + 1}/" in href
        assert page.request.get(f"{base_url}/{href}").status == 200
    if right < len(questions):
        summary.locator("a").first.click()
        expect(page).to_have_url(re.compile(r"\?(line|region)="))
        expect(page.locator("#quiz-view")).to_be_hidden()


def test_a_new_quiz_puts_a_new_seed_in_the_address(offline_page: Page, base_url: str) -> None:
    page = offline_page
    page.goto(f"{base_url}/?view=quiz")
    _ready(page)
    expect(page).to_have_url(re.compile(r"seed=\d+"))
    before = page.url
    page.locator("#quiz-new").click()
    expect(page).not_to_have_url(before)
    expect(page).to_have_url(re.compile(r"view=quiz&seed=\d+"))
    expect(page.locator("#quiz-question")).to_contain_text("Question 1 of")


def test_lines_side_by_side(offline_page: Page, base_url: str, atlas: Atlas) -> None:
    page = offline_page
    first, second, third = (line.abbreviation for line in atlas.lines[:3])
    page.goto(f"{base_url}/?lines={first},{second}")
    _ready(page)
    panel = page.locator("#compare-view")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Where they meet")
    page.wait_for_function(f"({OVERLAY_POINTS})() > 0")
    panel.get_by_role("link", name=third, exact=True).click()
    expect(page).to_have_url(re.compile(rf"lines={first},{second},{third}"))
    expect(panel.locator(".compare-lines li")).to_have_count(3)
    # Choosing a symptom turns the comparison into a trace along those lines.
    page.goto(f"{base_url}/?lines={first},{second}&symptom={atlas.symptoms[0].id}")
    _ready(page)
    expect(panel).to_be_hidden()


def test_the_evidence_page_and_its_badges(offline_page: Page, base_url: str, atlas: Atlas) -> None:
    page = offline_page
    page.goto(f"{base_url}/?line={atlas.lines[0].abbreviation}")
    _ready(page)
    page.locator("#line-details .badge-link").first.click()
    expect(page).to_have_url(re.compile(r"view=evidence#grade-"))
    page.wait_for_load_state("networkidle")
    view = page.locator("#evidence-view")
    expect(view).to_be_visible()
    for heading in ("What the grades mean", "Every source", "The article's claims"):
        expect(view).to_contain_text(heading)
    expect(view.locator(".evidence-sources li")).to_have_count(len(atlas.sources))
    expect(page.locator("#body-graph")).to_be_hidden()


@pytest.mark.parametrize("view", ["quiz", "compare", "evidence"])
@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_no_serious_accessibility_violation(
    offline_page: Page, base_url: str, atlas: Atlas, view: str, width: int, height: int
) -> None:
    page = offline_page
    page.set_viewport_size({"width": width, "height": height})
    first, second = (line.abbreviation for line in atlas.lines[:2])
    query = {
        "quiz": f"?view=quiz&seed={SEED}",
        "compare": f"?lines={first},{second}",
        "evidence": "?view=evidence",
    }[view]
    page.goto(f"{base_url}/{query}")
    if view != "evidence":
        _ready(page)  # the evidence page has no body diagram
    if view == "quiz":
        # With the feedback open: the marked buttons and the explanation are checked too.
        page.locator(f"#{choice_id('A')}").click()
        expect(page.locator("#quiz-feedback")).not_to_be_empty()
    else:
        expect(page.locator(f"#{view}-view h3").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert _serious(AXE.run(page, options=RULES)) == []
