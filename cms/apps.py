from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Sitio")

    def ready(self):
        # Imported once the apps are loaded, as Django requires of code that uses models.
        from .caching import connect_invalidation

        connect_invalidation()
        from . import frontend_cache  # noqa: F401 - connects the purge on publish
        from .renditions import connect as connect_renditions

        connect_renditions()
