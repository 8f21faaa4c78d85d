"""Keeping the learner's country in the site's links, choosing it, and the
country notes of a lesson (see courses/countries/choice.py)."""

from urllib.parse import urlencode

from django import template

from wagtail.templatetags.wagtailcore_tags import pageurl

from cms.site_chrome import site_chrome
from courses.regions import COUNTRIES, country_name

from ..choice import ALL_PARAMETERS, chosen_country, language_of, parameter, with_country
from ..models import CountryIndexPage, CountryPage

register = template.Library()


def _request(context):
    return context.get("request")


@register.simple_tag(takes_context=True)
def country_pageurl(context, page, **params):
    """Like ``{% pageurl page %}``, keeping the chosen country (``?pais=``);
    other parameters become the query: ``{% country_pageurl page tema=slug %}``."""
    url = pageurl(context, page)
    if params:
        url = f"{url}?{urlencode(params)}"
    return with_country(url, chosen_country(_request(context)))


@register.simple_tag(takes_context=True)
def keep_country(context, url):
    """``url`` with the chosen country, if there is one."""
    return with_country(str(url), chosen_country(_request(context)))


@register.simple_tag
def country_parameter():
    """The country parameter's name in the active language (``pais``, ``country``)."""
    return parameter()


@register.simple_tag(takes_context=True)
def page_with_country(context, page, code):
    """``page``'s address with country ``code`` chosen."""
    return with_country(pageurl(context, page), code)


@register.simple_tag(takes_context=True)
def current_country(context):
    """The chosen country's code, or ''."""
    return chosen_country(_request(context))


def country_pages(context):
    """(index page, page of the chosen country) in the current site and
    language."""
    request = _request(context)
    if request is None:
        return None, None
    index = site_chrome(context).first_child(CountryIndexPage)
    country = None
    code = chosen_country(request)
    if index is not None and code:
        country = CountryPage.objects.child_of(index).live().public().filter(code=code).first()
    return index, country


@register.inclusion_tag("countries/includes/header_link.html", takes_context=True)
def country_header_link(context):
    """The header's country link: the chosen country's page, or the list."""
    index, country = country_pages(context)
    code = chosen_country(_request(context))
    url = ""
    if country is not None:
        url = with_country(pageurl(context, country), code)
    elif index is not None:
        url = with_country(pageurl(context, index), code)
    return {"url": url, "code": code, "name": country_name(code)}


@register.inclusion_tag("countries/includes/chooser.html", takes_context=True)
def country_chooser(context, codes=None, anchor=""):
    """A GET form "Elige tu país" that reloads this page with ``?pais=xx``
    (no JavaScript needed), and a link that clears the choice."""
    request = _request(context)
    code = chosen_country(request)
    path = request.path if request is not None else ""
    keep = [
        (key, value)
        for key, value in (request.GET.items() if request is not None else [])
        if key not in ALL_PARAMETERS and key in ("tema",)
    ]
    choices = [(c, n) for c, n in COUNTRIES if codes is None or c in codes]
    return {
        "action": path,
        "anchor": anchor,
        "parameter": parameter(language_of(path)),
        "choices": choices,
        "code": code,
        "name": country_name(code),
        "keep": keep,
        "clear_url": with_country(request.get_full_path(), "") if request is not None else "",
    }


@register.inclusion_tag("countries/includes/lesson_notes.html", takes_context=True)
def lesson_country_notes(context, lesson):
    """The lesson's note for the chosen country, in a labelled box, and the
    chooser; nothing at all for lessons without notes."""
    notes = list(lesson.country_notes.all())
    code = chosen_country(_request(context))
    return {
        "request": _request(context),
        "notes": notes,
        "note": next((n for n in notes if n.country == code), None),
        "code": code,
        "name": country_name(code),
        "codes": sorted({n.country for n in notes}),
    }
