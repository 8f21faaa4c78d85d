"""The pages that every page's header and footer link to, in one query.

The header shows the menu (the home page's children marked "show in
menus") and a link to the country pages, the footer a link to the feedback
form, and the language switcher needs this page and the home page in every
language. Each of them is a child of the home page or a translation of this
page or of the home page, so one query over the page tree answers them all,
once a request. They are plain ``Page`` objects: titles and addresses are
all the header needs.
"""

from dataclasses import dataclass, field

from django.db.models import Q

from wagtail.models import Page

from .pages import public
from .request_memo import remembered
from .site_config import site_config


@dataclass
class SiteChrome:
    home: Page | None = None
    children: list = field(default_factory=list)  # the home page's live children, in order
    translations: dict = field(default_factory=dict)  # language code: this page, live
    homes: dict = field(default_factory=dict)  # language code: the home page, live

    @property
    def menu(self):
        return [page for page in self.children if page.show_in_menus]

    def first_child(self, page_type):
        """The first child of the home page of type ``page_type``, or None."""
        for page in self.children:
            specific_class = page.specific_class
            if specific_class is not None and issubclass(specific_class, page_type):
                return page
        return None


def site_home(request):
    """The home page of the request's site in the current language (set by
    the routing of a page request; from the site's cached configuration for
    other views, such as search)."""
    if not hasattr(request, "_taller_home"):
        config = site_config(request)
        request._taller_home = config.home if config is not None else None
    return request._taller_home


def site_chrome(request, page=None):
    """The SiteChrome of this request (and of ``page``, for its translations),
    once a request."""
    page = page if isinstance(page, Page) and page.pk else None
    return remembered(("site-chrome", page and page.pk), lambda: _load(request, page))


def _load(request, page):
    home = site_home(request)
    chrome = SiteChrome(home=home)
    if home is not None:
        keys = {home.translation_key} | ({page.translation_key} if page else set())
        children = Q(path__startswith=home.path, depth=home.depth + 1)
        found = Page.objects.live().filter(children | Q(translation_key__in=keys))
        for each in public(found).select_related("locale").order_by("path"):
            code = each.locale.language_code
            if each.depth == home.depth + 1 and each.path.startswith(home.path):
                chrome.children.append(each)
            if page is not None and each.translation_key == page.translation_key:
                chrome.translations[code] = each
            if each.translation_key == home.translation_key:
                chrome.homes[code] = each
    return chrome
