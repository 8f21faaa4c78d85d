from django import template
from django.template.loader import render_to_string

from courses.countries.choice import chosen_country, parameter

from ..glossary import link_terms, terms_for_locale
from ..self_check import PARAMETER as ANSWER_PARAMETER
from ..self_check import answer_value, chosen_answer

register = template.Library()


@register.filter
def progress_key(page):
    """The key a lesson's progress is kept under on the learner's device:
    the same in every language (from its translation key), and short, as
    every lesson list carries it (48 bits: no two lessons of a site meet)."""
    return page.translation_key.hex[:12]


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """The lesson's blocks, rendered, with glossary terms linked to their
    definitions (see courses.learning.glossary). ``.html`` is the stream,
    ``.extra_terms`` the definitions the page must still show."""
    flat = context.flatten()
    request = flat.get("request")
    answer = chosen_answer(request)
    parts, number = [], 0
    for block in page.body:
        extra = {}
        if block.block_type == "self_check":
            number += 1
            extra = self_check_context(number, block.value, answer, request)
        parts.append(block.render(context={**flat, **extra}))
    return link_terms("".join(str(part) for part in parts), terms_for_locale(page.locale_id))


@register.simple_tag
def lesson_terms(body):
    """The short definitions of linked terms that have no block in the lesson."""
    return render_to_string("learning/_lesson_terms.html", {"terms": body.extra_terms})


def self_check_context(number, value, answer, request):
    """What a self-check's form needs: its number (its anchor and answer
    values), the option chosen in the address if it is one of its own, and
    the country to keep when the form is sent."""
    options = [
        {**option, "answer": answer_value(number, index)}
        for index, option in enumerate(value["options"])
    ]
    chosen = None
    if answer and answer[0] == number and answer[1] < len(options):
        chosen = options[answer[1]]
    return {
        "check_number": number,
        "check_options": options,
        "check_chosen": chosen,
        "answer_parameter": ANSWER_PARAMETER,
        "country_parameter": parameter(),
        "country_code": chosen_country(request),
    }
