from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from courses.learning import urls as learning_urls
from courses.planner import urls as planner_urls
from courses.reports import urls as reports_urls

from . import languages, old_addresses, views
from .security.media import serve_public_media
from .sitemaps import AllLanguagesSitemap

urlpatterns = [
    path("", languages.choose_language, name="choose_language"),
    *learning_urls.root,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded images, from local storage or S3 (the view answers only when
# DEBUG or SERVE_MEDIA is on). In production a reverse proxy usually serves
# them. Never documents: they go through /documents/, which checks privacy.
urlpatterns += [re_path(r"^media/(?P<path>.+)$", serve_public_media, name="media")]

urlpatterns += i18n_patterns(
    path(pgettext_lazy("dirección", "buscar/"), views.search, name="search"),
    path("", include(learning_urls)),
    path("", include(reports_urls)),
    path("", include(planner_urls)),
    # Spanish addresses under another language's prefix (/en/planificador/)
    # move permanently to that language's words (/en/planner/).
    re_path(old_addresses.PATTERN, old_addresses.moved, name="old_address"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
