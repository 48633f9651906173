"""The personal risk advisor: dated, cited rules evaluated for one person's situation.

``advise(profile)`` returns the answer of ``shared/advisor.md``; rules live as YAML under
``rules/`` and are checked by ``check_rules``; ``next_question`` drives the questionnaire.
"""

from diaspora_watch.advise.engine import advise
from diaspora_watch.advise.profile import validate_profile
from diaspora_watch.advise.questions import Question, next_question, parse_answer
from diaspora_watch.advise.related import related_from_events, related_from_store
from diaspora_watch.advise.render import render_text
from diaspora_watch.advise.rules import check_rules, load_rules

__all__ = [
    "Question",
    "advise",
    "check_rules",
    "load_rules",
    "next_question",
    "parse_answer",
    "related_from_events",
    "related_from_store",
    "render_text",
    "validate_profile",
]
