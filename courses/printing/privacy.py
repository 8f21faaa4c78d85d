"""Which pages a printed file may hold: private content never enters a file
that is served to more people than may read it.

A file served from a page may hold what that page's readers may read: pages
covered by no view restriction, or by the same ones as the page itself. A
file that belongs to no page (a plan's pack, reached by a share link) holds
only public pages. Documents filter their parts with this when they are
made, and the serving code checks it again before a cached file goes out,
so a file made before a restriction is never served after it.
"""

from django.http import Http404

from wagtail.models import PageViewRestriction


class PrivateContent(Http404):
    """A document holds a page its readers may not read: for the visitor,
    there is no such file."""


def restricted_paths():
    """The tree paths of every page with a view restriction (one query;
    a site has few, usually none)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def covering(page, paths):
    """The restricted paths that cover ``page`` (itself or an ancestor)."""
    return {path for path in paths if page.path.startswith(path)}


def visible_with(owner, pages, paths=None):
    """The pages among ``pages`` that the readers of ``owner`` (a page, or
    None for a file that belongs to no page) may read."""
    paths = restricted_paths() if paths is None else paths
    allowed = covering(owner, paths) if owner is not None else set()
    return [page for page in pages if covering(page, paths) <= allowed]


def check(owner, pages):
    """Raise PrivateContent unless every page may be shown with ``owner``."""
    pages = list(pages)
    if len(visible_with(owner, pages)) != len(pages):
        raise PrivateContent("a printed file would hold a restricted page")
