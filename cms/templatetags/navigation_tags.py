from django import template

from cms import site_chrome as chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site, in the current language."""
    return chrome.site_home(context)


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The home page's children marked "show in menus", in the current language."""
    return chrome.site_chrome(context).menu


@register.simple_tag
def breadcrumbs(page):
    """The pages above ``page``, home first (the tree's root left out)."""
    return list(page.get_ancestors().filter(depth__gt=1))
