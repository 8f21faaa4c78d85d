from django import template

from wagtail.models import Site

from cms.pages import breadcrumb_pages, public

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site, in the current language (looked up
    once per request: the header asks for it more than once)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_taller_home"):
        site = Site.find_for_request(request)
        request._taller_home = site.root_page.localized.specific if site else None
    return request._taller_home


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children marked "show in menus", in the current language."""
    home = site_home(context)
    if home is None:
        return []
    return list(public(home.get_children().live().in_menu()))


@register.simple_tag
def breadcrumbs(page):
    """The pages above ``page``, home first (see cms.pages.breadcrumb_pages)."""
    return breadcrumb_pages(page)
