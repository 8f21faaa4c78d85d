from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Cursos")

    def ready(self):
        # Imported once the apps are loaded, as Django requires of code that uses models.
        from .printing import checks, signals  # noqa: F401 (checks registers itself)

        signals.connect()
