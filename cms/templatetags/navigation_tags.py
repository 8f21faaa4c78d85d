from django import template

from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site, in the current language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.localized.specific if site else None


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children marked "show in menus", in the current language."""
    home = site_home(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())
