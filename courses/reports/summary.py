"""The figures funders ask for: workshops, participants and hours per
country and year, and per module and year.

A report with two modules counts once in each module's row, so module rows
do not add up to the country totals; the country rows do.
"""

import csv
import io
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from wagtail.models import Locale

from courses.models import ModulePage
from courses.regions import country_name

from .spreadsheets import safe_cell


@dataclass
class Row:
    year: int
    key: str
    name: str
    workshops: int
    participants: int
    hours: object  # Decimal or None


def by_country(reports):
    rows = (
        reports.annotate(year=ExtractYear("held_on"))
        .values("year", "country")
        .annotate(workshops=Count("pk"), participants=Sum("participants"), hours=Sum("hours"))
        .order_by("-year", "country")
    )
    return [
        Row(
            r["year"],
            r["country"],
            country_name(r["country"]),
            r["workshops"],
            r["participants"],
            r["hours"],
        )
        for r in rows
    ]


def by_module(reports):
    """Modules are grouped across languages (a Spanish and an English copy
    of a module are one module) and named in the default language."""
    rows = (
        reports.annotate(year=ExtractYear("held_on"))
        .values("year", "modules__translation_key")
        .annotate(workshops=Count("pk"), participants=Sum("participants"), hours=Sum("hours"))
        .order_by("-year", "modules__translation_key")
    )
    keys = {r["modules__translation_key"] for r in rows} - {None}
    names = {}
    default = Locale.get_default()
    for module in ModulePage.objects.filter(translation_key__in=keys).order_by("depth"):
        if module.locale_id == default.pk or module.translation_key not in names:
            names[module.translation_key] = module.title
    result = [
        Row(
            r["year"],
            str(r["modules__translation_key"] or ""),
            names.get(r["modules__translation_key"], _("Otro plan o programa")),
            r["workshops"],
            r["participants"],
            r["hours"],
        )
        for r in rows
    ]
    return sorted(result, key=lambda row: (-row.year, row.name))


def totals_by_year(rows):
    """Country rows summed per year (the figure funders quote)."""
    totals = {}
    for row in rows:
        total = totals.setdefault(row.year, [0, 0])
        total[0] += row.workshops
        total[1] += row.participants
    return [
        {"year": year, "workshops": w, "participants": p}
        for year, (w, p) in sorted(totals.items(), reverse=True)
    ]


def as_csv(rows, heading):
    """A CSV file spreadsheets open as they are (UTF-8 with BOM)."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([_("Año"), heading, _("Talleres"), _("Participantes"), _("Horas de taller")])
    for row in rows:
        hours = "" if row.hours is None else f"{row.hours:.1f}"
        writer.writerow([row.year, safe_cell(row.name), row.workshops, row.participants, hours])
    return "\ufeff" + output.getvalue()
