from django import template

from cms.pages import breadcrumb_pages
from cms.site_chrome import site_chrome
from cms.site_chrome import site_home as home_of_request

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site, in the current language."""
    request = context.get("request")
    return home_of_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children marked "show in menus", in the current language."""
    request = context.get("request")
    if request is None:
        return []
    return site_chrome(request, context.get("page")).menu


@register.simple_tag
def breadcrumbs(page):
    """The pages above ``page``, home first (see cms.pages.breadcrumb_pages)."""
    return breadcrumb_pages(page)
