from django import template
from django.template.loader import render_to_string

from ..glossary import link_terms, terms_for_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """The lesson's blocks, rendered, with glossary terms linked to their
    definitions (see courses.learning.glossary). ``.html`` is the stream,
    ``.extra_terms`` the definitions the page must still show."""
    parts = [block.render(context=context.flatten()) for block in page.body]
    return link_terms("".join(str(part) for part in parts), terms_for_locale(page.locale_id))


@register.simple_tag
def lesson_terms(body):
    """The short definitions of linked terms that have no block in the lesson."""
    return render_to_string("learning/_lesson_terms.html", {"terms": body.extra_terms})
