"""Page lookups that cost one query instead of one per level of the tree.

Wagtail routes a request one level at a time (two queries a level: the
child, then its specific type) and checks view restrictions with two more
queries. A lesson sits four levels down, so that alone was a dozen queries
before a template ran. Here the whole path is looked up at once by
``url_path``, and privacy is answered from one list of restrictions per
request (there are few, usually none).
"""

from django.db.models import Q

from wagtail.models import Locale, Page, PageViewRestriction, Site

from .request_memo import remembered


def view_restrictions():
    """Every view restriction of every site, looked up once per request."""
    return remembered("view_restrictions", lambda: list(PageViewRestriction.objects.all()))


def site_of(page):
    """The site ``page`` belongs to (None outside every site), once per request."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    return remembered(("site", parts[0]), lambda: Site.objects.filter(pk=parts[0]).first())


def locale_of(page):
    """``page.locale``, looked up once per request."""
    return remembered(("locale", page.locale_id), lambda: Locale.objects.get(pk=page.locale_id))


def breadcrumb_pages(page):
    """The ancestors of ``page`` below the tree's root (home page first),
    without a query for the page this request was routed to."""
    cached = getattr(page, "_taller_breadcrumbs", None)
    if cached is not None:
        return cached
    return list(page.get_ancestors().filter(depth__gt=1))


def public(queryset):
    """``queryset.public()`` without its query when nothing is private."""
    return queryset.public() if view_restrictions() else queryset


class QuickPageMixin:
    """For every page type: privacy checks cost nothing when the site has
    no private pages (Wagtail's own check runs as before when it has)."""

    def get_view_restrictions(self):
        if not view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class OneQueryRoutingMixin(QuickPageMixin):
    """For the root page of a site (the home page in each language)."""

    def route(self, request, path_components):
        if request is not None:
            # The header needs this exact page (the site's root in the
            # request's language): keep it rather than looking it up again.
            request._taller_home = self
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[: n + 1])
            for n in range(len(path_components))
        ]
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                Q(url_path__in=prefixes), path__startswith=self.path, depth__gt=self.depth
            )
        }
        ancestors = [self] if self.depth == 2 else None  # a site's root under the tree's root
        deepest, depth = self, 0
        for prefix in prefixes:
            page = found.get(prefix)
            if page is None:
                break
            page._cached_parent_obj = deepest  # as Wagtail does: no query for get_parent()
            deepest, depth = page, depth + 1
        if deepest is self:
            return super().route(request, path_components)  # Wagtail's 404
        specific = deepest.specific_class._default_manager.select_related("locale").get(
            pk=deepest.pk
        )
        specific._cached_parent_obj = deepest._cached_parent_obj
        if ancestors is not None:  # for the breadcrumbs: the levels just found
            specific._taller_breadcrumbs = ancestors + [
                found[prefix] for prefix in prefixes[: depth - 1]
            ]
        remembered(("locale", specific.locale_id), lambda: specific.locale)
        # The deepest page answers the rest: its own sub-routes (PDFs), or a 404.
        return specific.route(request, path_components[depth:])
