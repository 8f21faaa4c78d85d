"""Tell a CDN or caching proxy to forget pages when they change.

Wagtail's frontend-cache backends do the talking (an HTTP ``PURGE`` to
Varnish or nginx, Cloudflare's or CloudFront's API); this module decides
which URLs. Wagtail's own handler purges only the published page, and its
language option rewrites the ``/es/`` prefix, which is wrong here: each
language has its own tree with its own slugs. So on publish or unpublish we
purge the page and the pages that list it (its parents up to the home
page), in every language, each by its own URL, with its printed versions.
Other pages (a home page's featured modules, say) are refreshed when
``FRONTEND_CACHE_SECONDS`` runs out: keep it short.

Off unless a backend is configured (settings: ``WAGTAILFRONTENDCACHE``).
"""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished


def pages_to_purge(page):
    """The page and the pages above it (below the tree's root), in every language."""
    pages = []
    for version in page.get_translations(inclusive=True).select_related("locale"):
        pages.append(version)
        pages.extend(version.get_ancestors().filter(depth__gt=1))
    return pages


def purge_page(page):
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(page))
    batch.purge()


@receiver(page_published, dispatch_uid="taller_frontend_cache_published")
@receiver(page_unpublished, dispatch_uid="taller_frontend_cache_unpublished")
def purge_on_change(instance, **kwargs):
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # After commit: a CDN asked at once could fetch the old page again.
        transaction.on_commit(lambda: purge_page(instance))
