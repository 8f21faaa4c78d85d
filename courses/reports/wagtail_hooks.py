from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import (
    SummaryView,
    WorkshopReportFilterSet,
    WorkshopReportForm,
    WorkshopReportIndexView,
)
from .models import WorkshopReport


class WorkshopReportViewSet(ModelViewSet):
    model = WorkshopReport
    icon = "clipboard-list"
    menu_label = _("Informes de talleres")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    index_view_class = WorkshopReportIndexView
    list_display = [
        "held_on",
        "country_name",
        "participants",
        "what",
        # Sí/No, not Python's True/False.
        Column(
            "reviewed",
            label=_("Revisado"),
            accessor=lambda report: _("Sí") if report.reviewed else _("No"),
            sort_key="reviewed",
        ),
        "created_on",
    ]
    filterset_class = WorkshopReportFilterSet
    edit_handler = ObjectList(WorkshopReport.panels, base_form_class=WorkshopReportForm)
    search_fields = ["notes", "programme"]
    search_backend_name = None  # the database's own text search: no index to keep
    # The rows funders may receive: never the notes, which stay inside the
    # organisation (a note may mention people despite the warning).
    list_export = [
        "held_on",
        "country",
        "country_name",
        "module_titles",
        "programme",
        "participants",
        "hours",
        "language",
        "reviewed",
    ]
    export_headings = {
        "held_on": _("Fecha del taller"),
        "country": _("Código de país"),
        "country_name": _("País"),
        "module_titles": _("Módulos"),
        "programme": _("Plan o programa"),
        "participants": _("Participantes"),
        "hours": _("Horas de taller"),
        "language": _("Idioma"),
        "reviewed": _("Revisado"),
    }
    export_filename = "informes-de-talleres"

    def get_urlpatterns(self):
        summary = SummaryView.as_view(permission_policy=self.permission_policy)
        return super().get_urlpatterns() + [path("resumen/", summary, name="summary")]


@hooks.register("register_admin_viewset")
def register_viewset():
    return WorkshopReportViewSet("reports_workshopreport", url_prefix="informes-de-talleres")
