"""The sitemap lists every language: each one has its own home page next to
the Spanish one under the root, which Wagtail's default sitemap (the site's
root page and what is below it) would leave out."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        below_a_home = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return (
            Page.objects.filter(below_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
