from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlannerConfig(AppConfig):
    """Trainers' workshop plans: run-sheets and printable packs, without
    accounts (a plan is reached through its secret link)."""

    name = "courses.planner"
    label = "planner"
    verbose_name = _("Planificador de talleres")

    def ready(self):
        from . import signals

        signals.connect()
