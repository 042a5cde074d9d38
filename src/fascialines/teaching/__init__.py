"""For students: quizzes generated from the atlas, their Anki deck and worksheet, and the
content of the evidence page.

Nothing here imports the web app; the app and the command line read these builders.
"""

from fascialines.teaching.quiz import (
    BodyCue,
    Choice,
    Question,
    QuestionSet,
    QuizSummary,
    generate_quiz,
    summarize,
)

__all__ = [
    "BodyCue",
    "Choice",
    "Question",
    "QuestionSet",
    "QuizSummary",
    "generate_quiz",
    "summarize",
]
