"""The pages that every page's header and footer link to, in one query.

The header shows the menu (the home page's children marked "show in
menus") and a link to the country pages, the footer a link to the feedback
form, and the language switcher needs this page and the home page in every
language. Each of them is a child of the home page or a translation of this
page or of the home page, so one query over the page tree answers them all.
They are plain ``Page`` objects: titles and addresses are all the header
needs.

The template tags that ask share one ``SiteChrome`` per render: the context
processor below puts it in the template context (it costs nothing until a
tag reads it), so nothing is stored on the request.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import Page, Site


@dataclass
class Pages:
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


class SiteChrome:
    """The header's and footer's pages for one request, looked up when first
    asked for and kept for the rest of the render."""

    def __init__(self, request):
        self.request = request
        self._pages = {}

    @cached_property
    def home(self):
        """The root page of the request's site in the current language, as
        Wagtail's own routing finds it."""
        site = Site.find_for_request(self.request)
        return site.root_page.localized.specific if site is not None else None

    def pages(self, page=None):
        """The Pages around ``page`` (a Wagtail page, or None for other views)."""
        page = page if isinstance(page, Page) and page.pk else None
        key = page.pk if page else None
        if key not in self._pages:
            self._pages[key] = self._load(page)
        return self._pages[key]

    def _load(self, page):
        home = self.home
        found = Pages()
        if home is None:
            return found
        keys = {home.translation_key} | ({page.translation_key} if page else set())
        children = Q(path__startswith=home.path, depth=home.depth + 1)
        pages = Page.objects.live().public().filter(children | Q(translation_key__in=keys))
        for each in pages.select_related("locale").order_by("path"):
            code = each.locale.language_code
            if each.depth == home.depth + 1 and each.path.startswith(home.path):
                found.children.append(each)
            if page is not None and each.translation_key == page.translation_key:
                found.translations[code] = each
            if each.translation_key == home.translation_key:
                found.homes[code] = each
        return found


def site_chrome(context):
    """The Pages of the page being rendered in ``context`` (empty without a
    request)."""
    chrome = context.get("site_chrome")
    if chrome is None:
        request = context.get("request")
        if request is None:
            return Pages()
        chrome = SiteChrome(request)
    return chrome.pages(context.get("page"))


def site_home(context):
    """The home page of the request's site in the current language, or None."""
    chrome = context.get("site_chrome")
    if chrome is None:
        request = context.get("request")
        return SiteChrome(request).home if request is not None else None
    return chrome.home


def chrome(request):
    """Context processor: the render's SiteChrome."""
    return {"site_chrome": SiteChrome(request)}
