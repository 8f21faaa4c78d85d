"""Answering a lesson's self-check without JavaScript: each question is a
plain GET form whose choice comes back as ``?respuesta=2-b`` (question 2,
option B). The page shows the same feedback the script gives, and nothing
is stored.

Only well-formed values count, so the set of answer addresses of a page is
small and known (questions × options): the page cache may keep them, and
anything else is ignored as if there were no answer.
"""

import re

PARAMETER = "respuesta"
LETTERS = "abcdef"  # a self-check has at most six options (courses.blocks)
MAX_QUESTIONS = 20
ANSWER = re.compile(r"^([1-9][0-9]?)-([a-f])$")


def answer_value(number, index):
    """The parameter's value for option ``index`` (0-based) of question ``number``."""
    return f"{number}-{LETTERS[index]}"


def chosen_answer(request):
    """(question number, option index) from the request's address, or None
    for no answer or a malformed one."""
    if request is None:
        return None
    match = ANSWER.match(request.GET.get(PARAMETER, "")[:8].strip().lower())
    if not match or int(match[1]) > MAX_QUESTIONS:
        return None
    return int(match[1]), LETTERS.index(match[2])


def cacheable_answer(request):
    """The answer part of a page's cache key: the normalised value, or ''
    when there is none or it is malformed (that page is the plain one)."""
    answer = chosen_answer(request)
    return answer_value(*answer) if answer else ""
