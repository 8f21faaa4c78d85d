"""The public form a trainer fills in after a workshop.

Field names are Spanish words because they show in addresses: the workshop
planner links here with ``?modulos=12,14&plan=…``.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from courses.models import ModulePage
from courses.regions import COUNTRIES

from .models import (
    MAX_HOURS,
    MAX_NOTES,
    MAX_PARTICIPANTS,
    NO_NAMES,
    WorkshopReport,
    validate_not_in_future,
)


def modules_in(language):
    """Published modules in this language (all languages if it has none)."""
    modules = ModulePage.objects.live().public().order_by("path")
    local = modules.filter(locale__language_code=language)
    return local if local.exists() else modules


class ModuleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class WorkshopReportForm(forms.Form):
    fecha = forms.DateField(
        label=_("Fecha del taller"),
        validators=[validate_not_in_future],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Escribe la fecha del taller."),
            "invalid": _("Escribe la fecha como año-mes-día, por ejemplo 2026-03-08."),
        },
    )
    pais = forms.ChoiceField(
        label=_("País"),
        choices=[("", _("Elige un país"))] + COUNTRIES,
        error_messages={
            "required": _("Elige el país donde se hizo el taller."),
            "invalid_choice": _("Elige un país de la lista."),
        },
    )
    participantes = forms.IntegerField(
        label=_("Número de participantes"),
        help_text=_("Cuántas personas participaron, sin contar a quien facilitó."),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Escribe cuántas personas participaron."),
            "invalid": _("Escribe un número entero."),
            "min_value": _("Tiene que haber participado al menos una persona."),
            "max_value": _("El número de participantes puede ser hasta %(limit_value)s.")
            % {"limit_value": MAX_PARTICIPANTS},
        },
    )
    modulos = ModuleChoiceField(
        label=_("Módulos trabajados"),
        queryset=ModulePage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Elige módulos de la lista.")},
    )
    plan = forms.CharField(
        label=_("Otro plan o programa"),
        help_text=_("Si el taller siguió un plan propio, escribe su título."),
        max_length=200,
        required=False,
    )
    horas = forms.DecimalField(
        label=_("Duración en horas (si la sabes)"),
        required=False,
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(MAX_HOURS)],
        widget=forms.NumberInput(attrs={"step": "0.5", "min": "0.5", "max": str(MAX_HOURS)}),
        error_messages={"invalid": _("Escribe las horas con un número, por ejemplo 3,5.")},
    )
    notas = forms.CharField(
        label=_("Notas (opcional)"),
        help_text=NO_NAMES,
        max_length=MAX_NOTES,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # The honeypot (antispam.HONEYPOT): hidden from people, left empty by them.
    sitio_web = forms.CharField(label=_("Deja este campo vacío"), required=False)

    def __init__(self, *args, language="es", **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["modulos"].queryset = modules_in(language)

    def clean(self):
        cleaned = super().clean()
        if "modulos" in cleaned and not cleaned["modulos"] and not cleaned.get("plan", "").strip():
            self.add_error(
                "modulos", _("Marca al menos un módulo o escribe el título del plan que usaste.")
            )
        return cleaned

    def save(self):
        """Store the report and its modules together, or nothing."""
        data = self.cleaned_data
        report = WorkshopReport(
            held_on=data["fecha"],
            country=data["pais"],
            participants=data["participantes"],
            programme=data["plan"].strip(),
            hours=data["horas"],
            notes=data["notas"].strip(),
            language=self.language,
        )
        report.full_clean()
        with transaction.atomic():
            report.save()
            report.modules.set(data["modulos"])
        return report


def initial_from_query(query, language):
    """Pre-fill from ``?modulos=12,14&plan=…``: ids of module pages in any
    language, shown as the same modules in this one. Junk is ignored."""
    initial = {}
    ids = [part for part in query.get("modulos", "").split(",") if part.strip().isdigit()][:20]
    if ids:
        keys = ModulePage.objects.filter(pk__in=ids).values("translation_key")
        initial["modulos"] = list(
            modules_in(language).filter(translation_key__in=keys).values_list("pk", flat=True)
        )
    plan = query.get("plan", "").strip()
    if plan:
        initial["plan"] = plan[:200]
    return initial
