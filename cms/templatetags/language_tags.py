"""The language switcher and the hreflang alternates of a page.

For a Wagtail page, each language links to the same page in that language
where a live translation exists, else to that language's home page (and
says so). Other views (search, learning…) exist in every language: their
address is translated with Django's ``translate_url``.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

from cms.site_chrome import site_chrome

register = template.Library()

# Each language named in itself, as people look for their own.
NATIVE_NAMES = {"es": "Español", "pt-br": "Português (Brasil)", "en": "English"}


def native_name(code):
    return NATIVE_NAMES.get(code) or get_language_info(code)["name_local"]


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    translated: bool  # False: the link goes to that language's home page


@register.simple_tag(takes_context=True)
def language_links(context):
    """One LanguageLink per language of the site."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page) and page.pk:
        # This page and the home page in each language, live, with the
        # header's other pages in one query (cms.site_chrome).
        chrome = site_chrome(context)
        translations = chrome.translations
        links = []
        for code, _name in settings.LANGUAGES:
            target = translations.get(code) or chrome.homes.get(code)
            if target is None:
                continue  # the site has nothing in that language yet
            links.append(
                LanguageLink(
                    code,
                    native_name(code),
                    target.get_url(request),
                    code == page.locale.language_code,
                    code in translations,
                )
            )
        return links
    # The path alone: a query (a search, a learner's progress) stays out of
    # the links, and the page is the same whatever it was.
    links = []
    for code, _name in settings.LANGUAGES:
        url, translated = _path_in(request.path, code)
        links.append(LanguageLink(code, native_name(code), url, code == current, translated))
    return links


def _path_in(path, code):
    """This view's address in another language, or that language's home
    page when the path is no address of this site (a 404).

    Always a path on this site: ``//evil.example/es/`` would otherwise read
    as a link to another host."""
    path = "/" + path.lstrip("/")
    try:
        resolve(path)
    except Resolver404:
        return f"/{code}/", False
    return translate_url(path, code), True


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(hreflang, absolute URL) for each language this page exists in, and
    x-default: the Spanish original, which is where the site starts."""
    request = context.get("request")
    links = [link for link in language_links(context) if link.translated]
    alternates = [(link.code, request.build_absolute_uri(link.url)) for link in links]
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    if default and len(alternates) > 1:
        alternates.append(("x-default", default))
    return alternates
