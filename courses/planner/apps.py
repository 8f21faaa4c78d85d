from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    """Trainers' workshop plans: run-sheets and printable packs, without
    accounts (a plan is reached through its secret link)."""

    name = "courses.planner"
    label = "planner"
    verbose_name = _("Planificador de talleres")

    def ready(self):
        # Imported once the apps are loaded, as Django requires of code that uses models.
        from . import signals

        signals.connect()
