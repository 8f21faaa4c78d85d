"""Anonymous workshop reports and the anonymous feedback form.

Both exist to count and to listen, never to know who: no names, no
addresses, no browser details, no account, and dates only to the day.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.forms import CheckboxSelectMultiple
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, FormSubmission
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms import rich_text
from courses.regions import COUNTRIES, country_name

from . import antispam

MAX_PARTICIPANTS = 500
MAX_HOURS = 40
MAX_NOTES = 2000
# The earliest workshop a report may describe: older ones are typos.
EARLIEST = datetime.date(2010, 1, 1)
NO_NAMES = _(
    "No escribas nombres ni detalles que permitan reconocer a alguien "
    "(lugares exactos, apodos, rasgos, historias personales)."
)


def latest_allowed_date():
    """Tomorrow: the region spans several time zones, a report filed the
    evening of the workshop may be 'tomorrow' for the server."""
    return timezone.localdate() + datetime.timedelta(days=1)


def validate_not_in_future(value):
    if value > latest_allowed_date():
        raise ValidationError(_("La fecha del taller no puede estar en el futuro."))
    if value < EARLIEST:
        raise ValidationError(
            _("La fecha del taller no puede ser anterior a %(year)d.") % {"year": EARLIEST.year}
        )


class WorkshopReport(models.Model):
    """A short, anonymous report on one workshop: when, where, what, how many.

    Deliberately without the person who filed it, even when a trainer is
    signed in: the network needs counts, not authors, and a list of who ran
    which workshop where is exactly what must not leak.
    """

    held_on = models.DateField(_("fecha del taller"), validators=[validate_not_in_future])
    country = models.CharField(_("país"), max_length=2, choices=COUNTRIES)
    modules = models.ManyToManyField(
        "courses.ModulePage",
        verbose_name=_("módulos"),
        blank=True,
        related_name="+",
    )
    programme = models.CharField(
        _("plan o programa"),
        max_length=200,
        blank=True,
        help_text=_("El título del plan o del programa, si el taller no siguió un módulo."),
    )
    participants = models.PositiveSmallIntegerField(
        _("participantes"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)],
    )
    hours = models.DecimalField(
        _("horas de taller"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(MAX_HOURS)],
    )
    notes = models.TextField(_("notas"), max_length=MAX_NOTES, blank=True, help_text=NO_NAMES)
    language = models.CharField(
        _("idioma del formulario"), max_length=8, choices=settings.LANGUAGES, default="es"
    )
    created_on = models.DateField(_("recibido el"), auto_now_add=True)
    reviewed = models.BooleanField(
        _("revisado"),
        default=False,
        help_text=_(
            "Marca el informe cuando lo hayas leído y parezca real. Los resúmenes pueden "
            "contar solo los informes revisados."
        ),
    )

    panels = [
        MultiFieldPanel(["held_on", "country", "participants", "hours"], heading=_("El taller")),
        MultiFieldPanel(
            [FieldPanel("modules", widget=CheckboxSelectMultiple), "programme"],
            heading=_("Qué se trabajó"),
        ),
        "notes",
        "reviewed",
    ]

    class Meta:
        verbose_name = _("informe de taller")
        verbose_name_plural = _("informes de talleres")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["country", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(participants__gte=1, participants__lte=MAX_PARTICIPANTS),
                name="reports_participants_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.held_on:%Y-%m-%d} · {self.country_name} · {self.participants}"

    def _country_name(self):
        return country_name(self.country)

    _country_name.short_description = _("país")
    country_name = property(_country_name)

    def module_titles(self):
        return ", ".join(module.title for module in self.modules.all())

    module_titles.short_description = _("módulos")

    def what(self):
        """The modules, and the plan's title, for the admin's list."""
        return "; ".join(part for part in (self.module_titles(), self.programme) if part)

    what.short_description = _("módulos o plan")


# Field types offered to editors: no e-mail, URL, date or hidden fields,
# which invite (or silently carry) details that identify someone.
ANONYMOUS_FIELD_TYPES = (
    ("singleline", _("Texto de una línea")),
    ("multiline", _("Texto de varias líneas")),
    ("number", _("Número")),
    ("checkbox", _("Casilla")),
    ("checkboxes", _("Casillas")),
    ("dropdown", _("Lista desplegable")),
    ("radio", _("Botones de opción")),
)


class FeedbackFormField(TranslatableMixin, AbstractFormField):
    """One question. Translated with its page by wagtail-localize; its name
    (``clean_name``) stays the source's, so the same question's answers are
    stored under the same key in every language."""

    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("tipo de campo"), max_length=16, choices=ANONYMOUS_FIELD_TYPES
    )
    field_type.required_on_save = True

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("clean_name", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FeedbackFormBuilder(FormBuilder):
    """Long answers have a limit too: a form is not a place to store files."""

    def create_multiline_field(self, field, options):
        options.setdefault("max_length", MAX_NOTES)
        return super().create_multiline_field(field, options)


class FeedbackFormPage(AbstractForm):
    """An anonymous questionnaire, for example after a workshop.

    Answers are kept; nothing about who answered: no address, no browser,
    no account, no cookie, and the time only to the day.
    """

    intro = RichTextField(_("introducción"), blank=True, features=rich_text.SENTENCE)
    thank_you_text = RichTextField(
        _("texto de agradecimiento"), blank=True, features=rich_text.SENTENCE
    )

    content_panels = AbstractForm.content_panels + [
        "intro",
        InlinePanel(
            "form_fields",
            label=_("Preguntas"),
            help_text=_(
                "Las respuestas son anónimas: no pidas nombres, teléfonos, correos ni "
                "detalles que permitan reconocer a alguien."
            ),
        ),
        "thank_you_text",
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    form_builder = FeedbackFormBuilder

    def get_submissions_list_view_class(self):
        # Loaded when the admin asks, as Wagtail does: models load before the admin.
        from .admin_views import FeedbackSubmissionsListView

        return FeedbackSubmissionsListView

    class Meta:
        verbose_name = _("formulario anónimo de opinión")

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if antispam.is_cross_site(request):
            raise PermissionDenied
        if antispam.is_trap_filled(request):
            # Thanked like anyone else, so the bot learns nothing; not saved.
            response = self.render_landing_page(request)
        elif antispam.is_over_limit(request, "feedback"):
            context = self.get_context(request)
            context.update(form=self.get_form(request.POST, page=self), too_many=True)
            response = TemplateResponse(request, self.get_template(request), context, status=429)
            response["Retry-After"] = str(antispam.WINDOW)
        else:
            response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def process_form_submission(self, form):
        with transaction.atomic():
            submission = super().process_form_submission(form)
            # The day is enough; the minute could be matched with who was
            # in the room when the form was sent.
            day = timezone.make_aware(
                datetime.datetime.combine(timezone.localdate(), datetime.time.min)
            )
            FormSubmission.objects.filter(pk=submission.pk).update(submit_time=day)
            submission.submit_time = day
        return submission
