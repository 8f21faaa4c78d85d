"""The reports in the Wagtail admin: a filtered list with spreadsheet export
and a summary for funders."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.contrib.forms.views import SubmissionsListView

import django_filters

from courses.models import ModulePage
from courses.regions import COUNTRIES

from . import summary
from .models import WorkshopReport
from .spreadsheets import SafeCsvExportMixin


class WorkshopReportForm(WagtailAdminModelForm):
    """The admin's report form: the module choice lists the modules in the
    report's language (as the learner's form did), plus any already chosen
    in another language, which are labelled with their language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("modules")
        if field is None:
            return
        language = self.instance.language or settings.LANGUAGE_CODE
        chosen = self.instance.modules.all() if self.instance.pk else ModulePage.objects.none()
        field.queryset = (
            ModulePage.objects.filter(Q(locale__language_code=language) | Q(pk__in=chosen))
            .select_related("locale")
            .order_by("path")
        )
        field.label_from_instance = lambda module: (
            module.title
            if module.locale.language_code == language
            else f"{module.title} ({module.locale.get_display_name()})"
        )


class ModuleChoiceField(django_filters.fields.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.locale.language_code})"


class ModuleFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = ModuleChoiceField


class WorkshopReportFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(label=_("País"), choices=COUNTRIES)
    modules = ModuleFilter(
        label=_("Módulo"),
        queryset=ModulePage.objects.select_related("locale").order_by("locale", "path"),
        widget=forms.CheckboxSelectMultiple,
        # A module in any language counts: pick the Spanish one, get them all.
        method="filter_modules",
    )
    held_on = django_filters.DateFromToRangeFilter(
        label=_("Fecha del taller"), widget=DateRangePickerWidget
    )
    # Choices, not a BooleanFilter: the active filter then reads "Revisado: Sí",
    # not "Revisado: True".
    reviewed = django_filters.ChoiceFilter(
        label=_("Revisado"),
        choices=[("true", _("Sí")), ("false", _("No"))],
        method="filter_reviewed",
    )

    class Meta:
        model = WorkshopReport
        fields = ["country", "modules", "held_on", "reviewed"]

    def filter_reviewed(self, queryset, name, value):
        return queryset.filter(reviewed=value == "true") if value else queryset

    def filter_modules(self, queryset, name, value):
        if not value:
            return queryset
        keys = [module.translation_key for module in value]
        return queryset.filter(modules__translation_key__in=keys).distinct()


class WorkshopReportIndexView(SafeCsvExportMixin, IndexView):
    # CSV only: what funders' spreadsheets open, and no extra library.
    FORMATS = ("csv",)

    @cached_property
    def header_more_buttons(self):
        return [
            button
            for button in super().header_more_buttons
            if getattr(button, "url", None) != self.xlsx_export_url
        ]

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Resumen por país y año"),
                url=reverse("reports_workshopreport:summary") + self._query(),
                icon_name="table",
            ),
        ]

    def _query(self):
        query = self.request.GET.copy()
        for name in ("p", "ordering", "export"):
            query.pop(name, None)
        return f"?{query.urlencode()}" if query else ""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("modules")


class FeedbackSubmissionsListView(SafeCsvExportMixin, SubmissionsListView):
    """The feedback answers, with Wagtail's list and a CSV that is safe to open."""


class SummaryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Workshops and participants per country and year, and per module and
    year, for the reports the list's filters select. Counts only reviewed
    reports unless asked otherwise. ``?csv=paises`` or ``?csv=modulos``
    downloads the table."""

    permission_policy = None  # set by the viewset
    permission_required = "view"
    template_name = "reports/admin/summary.html"
    page_title = _("Resumen de talleres")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reports_workshopreport:index"), "label": _("Informes de talleres")},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        self.filters = WorkshopReportFilterSet(request.GET or None, request=request)
        reports = self.filters.qs if self.filters.is_bound else WorkshopReport.objects.all()
        # Empty "reviewed" means everyone; absent means only reviewed reports.
        self.only_reviewed = "reviewed" not in request.GET
        # Reports the filters choose that wait for review: the summary says
        # how many, rather than that there is nothing to count.
        self.waiting = reports.filter(reviewed=False).count() if self.only_reviewed else 0
        if self.only_reviewed:
            reports = reports.filter(reviewed=True)
        # The module join would repeat a report once per module: count
        # countries on distinct reports.
        reports = WorkshopReport.objects.filter(pk__in=reports.values("pk"))
        self.countries = summary.by_country(reports)
        self.modules = summary.by_module(reports)
        wanted = request.GET.get("csv")
        if wanted in ("paises", "modulos"):
            rows, heading = (
                (self.countries, _("País")) if wanted == "paises" else (self.modules, _("Módulo"))
            )
            response = HttpResponse(summary.as_csv(rows, heading), content_type="text/csv")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = (
                f'attachment; filename="talleres-por-{wanted}-{stamp}.csv"'
            )
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("csv", None)
        all_query = query.copy()
        all_query["reviewed"] = ""
        return super().get_context_data(
            countries=self.countries,
            modules=self.modules,
            totals=summary.totals_by_year(self.countries),
            only_reviewed=self.only_reviewed,
            waiting=self.waiting,
            query=query.urlencode(),
            all_query=all_query.urlencode(),
            index_url=reverse("reports_workshopreport:index"),
            **kwargs,
        )
