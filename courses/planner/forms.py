"""Forms of the planner: every value is checked here, before anything is
written, so a refused change leaves the plan as it was."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.text import clean_text

from .models import MAX_MINUTES, MINUTES_IN_A_DAY, PlanItem, WorkshopPlan


def minutes_field(**kwargs):
    return forms.IntegerField(
        label=_("Minutos"),
        min_value=1,
        max_value=MAX_MINUTES,
        error_messages={
            "min_value": _("Los minutos tienen que ser al menos 1."),
            "max_value": _("Un elemento puede durar como mucho %(limit_value)s minutos (8 horas)."),
            "invalid": _("Escribe los minutos con números, por ejemplo 45."),
            "required": _("Escribe cuántos minutos dura."),
        },
        **kwargs,
    )


class CleanTextMixin:
    """Plain one-line text: no control or invisible characters. Labels
    without Django's colon, like the rest of the site."""

    single_line = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        for name in self.single_line:
            if isinstance(data.get(name), str):
                data[name] = clean_text(data[name])
        return data


class PlanForm(CleanTextMixin, forms.ModelForm):
    single_line = ("title", "place")

    target_minutes = forms.IntegerField(
        label=_("Duración prevista (minutos)"),
        required=False,
        min_value=1,
        max_value=MINUTES_IN_A_DAY,
        help_text=_("Opcional. Avisamos si el plan se pasa de este tiempo."),
        error_messages={
            "min_value": _("La duración prevista tiene que ser de al menos 1 minuto."),
            "max_value": _("La duración prevista no puede pasar de 24 horas (1440 minutos)."),
            "invalid": _("Escribe la duración prevista en minutos, con números."),
        },
    )

    class Meta:
        model = WorkshopPlan
        fields = ["title", "date", "start_time", "place", "target_minutes"]
        labels = {"title": _("Nombre del taller"), "place": _("Lugar")}
        help_texts = {
            "place": _("Opcional, por ejemplo la ciudad. No escribas datos personales."),
            "date": _("Opcional."),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        error_messages = {
            "title": {
                "required": _("Ponle un nombre al taller."),
                "max_length": _("El nombre puede tener hasta %(limit_value)d letras."),
            },
            "place": {"max_length": _("El lugar puede tener hasta %(limit_value)d letras.")},
            "date": {"invalid": _("Escribe una fecha válida.")},
            "start_time": {
                "invalid": _("Escribe una hora válida, por ejemplo 09:30."),
                "required": _("Escribe la hora de inicio."),
            },
        }

    def clean(self):
        data = super().clean()
        if "title" in data and not data["title"]:
            self.add_error("title", _("Ponle un nombre al taller."))
        return data


class NewItemForm(CleanTextMixin, forms.Form):
    """A break or an item of the trainer's own."""

    single_line = ("title",)

    def __init__(self, *args, **kwargs):
        # Its own ids: the plan's details form on the same page has a title too.
        kwargs.setdefault("auto_id", "nuevo_%s")
        super().__init__(*args, **kwargs)

    kind = forms.ChoiceField(
        label=_("Qué es"),
        choices=[(PlanItem.Kind.BREAK, _("Pausa")), (PlanItem.Kind.OWN, _("Actividad propia"))],
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Título"), max_length=200, required=False)
    minutes = minutes_field()
    notes = forms.CharField(
        label=_("Notas"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == PlanItem.Kind.BREAK and not data.get("title"):
            data["title"] = str(_("Pausa"))
        if data.get("kind") == PlanItem.Kind.OWN and not data.get("title"):
            self.add_error("title", _("Ponle un título a tu actividad."))
        return data


class ItemChangeForm(CleanTextMixin, forms.Form):
    """Minutes, title and notes of one item (the title only for breaks and
    own items: an activity keeps the curriculum's)."""

    single_line = ("title",)

    minutes = minutes_field()
    title = forms.CharField(label=_("Título"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notas"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
