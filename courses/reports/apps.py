from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Anonymous workshop reports and the anonymous feedback form."""

    name = "courses.reports"
    label = "reports"
    verbose_name = _("Informes de talleres")
