"""Rights information by country: the country pages with their help
contacts, and the country notes that lessons carry."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms import rich_text
from courses.printing.pages import PrintableMixin
from courses.regions import COUNTRIES, country_name

from ..text import lines
from .card import CardSheetDocument, RightsCardDocument

# Digits, spaces and the signs people write in phone numbers; nothing else,
# so a number is always safe to put in a tel: link.
PHONE = re.compile(r"^\+?[0-9 ()./-]{2,40}$")


class CountryIndexPage(Page):
    """The "Países" page: where a learner chooses their country, which the site then
    keeps in its addresses (``?pais=bo``) so lessons show that country's notes."""

    intro = models.TextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + ["intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["countries.CountryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("índice de países")
        verbose_name_plural = _("índices de países")

    def countries(self):
        return CountryPage.objects.child_of(self).live().public().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["countries"] = self.countries()
        return context


class CountryPage(PrintableMixin, Page):
    """One country: the legal situation of sex work in careful, general
    terms, rights, what to do if detained or abused by police, how to file a
    complaint, where to find legal aid and health services, and the national
    member organisation. Its rights card is the pocket PDF built from it."""

    print_variant = "card"
    print_documents = {"card": RightsCardDocument, "card-sheet": CardSheetDocument}

    code = models.CharField(
        _("país"),
        max_length=2,
        choices=COUNTRIES,
        help_text=_("El país de esta página. Cada país tiene una sola página por idioma."),
    )
    intro = models.TextField(_("entradilla"), blank=True, max_length=400)
    example_content = models.BooleanField(
        _("contenido de ejemplo"),
        default=False,
        help_text=_(
            "Muestra un aviso bien visible: el texto es un ejemplo que la organización "
            "nacional todavía tiene que revisar."
        ),
    )
    last_reviewed = models.DateField(
        _("última revisión"),
        null=True,
        blank=True,
        help_text=_("Cuándo revisó este texto por última vez una persona que conoce las leyes."),
    )
    legal_status = RichTextField(
        _("situación legal del trabajo sexual"), blank=True, features=rich_text.SECTION
    )
    rights = RichTextField(_("derechos y leyes"), blank=True, features=rich_text.SECTION)
    if_detained = RichTextField(
        _("si te detienen o la policía te maltrata"), blank=True, features=rich_text.SECTION
    )
    complaints = RichTextField(_("cómo denunciar"), blank=True, features=rich_text.SECTION)
    support = RichTextField(
        _("apoyo legal y servicios de salud"), blank=True, features=rich_text.SECTION
    )
    card_points = models.TextField(
        _("lo esencial para la cartilla"),
        blank=True,
        help_text=_(
            "Frases cortas para la cartilla de derechos de bolsillo: una por línea, no más de ocho."
        ),
    )
    organisation_name = models.CharField(_("organización nacional"), max_length=200, blank=True)
    organisation_text = models.TextField(_("sobre la organización"), blank=True)
    organisation_contact = models.TextField(
        _("contacto de la organización"),
        blank=True,
        help_text=_("Teléfono, dirección o correo, en texto simple."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel(["code", "last_reviewed"]),
        "example_content",
        "intro",
        "legal_status",
        "rights",
        "if_detained",
        "complaints",
        "support",
        InlinePanel("contacts", heading=_("Contactos de ayuda"), label=_("contacto")),
        MultiFieldPanel(
            ["organisation_name", "organisation_text", "organisation_contact"],
            heading=_("Organización nacional"),
        ),
        FieldPanel("card_points"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("legal_status"),
        index.SearchField("rights"),
        index.SearchField("if_detained"),
        index.SearchField("complaints"),
        index.SearchField("support"),
        index.FilterField("code"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("code"),
        SynchronizedField("example_content"),
        SynchronizedField("last_reviewed"),
        TranslatableField("intro"),
        TranslatableField("legal_status"),
        TranslatableField("rights"),
        TranslatableField("if_detained"),
        TranslatableField("complaints"),
        TranslatableField("support"),
        TranslatableField("card_points"),
        SynchronizedField("organisation_name"),
        TranslatableField("organisation_text"),
        SynchronizedField("organisation_contact"),
        TranslatableField("contacts"),
    ]
    parent_page_types = ["countries.CountryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("página de país")
        verbose_name_plural = _("páginas de país")

    @property
    def country_name(self):
        return country_name(self.code)

    @property
    def card_point_list(self):
        return lines(self.card_points)

    @cached_property
    def contact_list(self):
        return list(self.contacts.all())

    def sections(self):
        """The topics in reading order, as (anchor, heading, rich text); the
        anchors are in the page's language (``#situacion-legal``)."""
        anchors = {
            "legal_status": pgettext_lazy("ancla", "situacion-legal"),
            "rights": pgettext_lazy("ancla", "derechos"),
            "if_detained": pgettext_lazy("ancla", "si-te-detienen"),
            "complaints": pgettext_lazy("ancla", "como-denunciar"),
            "support": pgettext_lazy("ancla", "apoyo"),
        }
        return [
            (str(anchor), self._meta.get_field(name).verbose_name, getattr(self, name))
            for name, anchor in anchors.items()
            if getattr(self, name)
        ]

    def clean(self):
        super().clean()
        # One page per country in each language.
        others = CountryPage.objects.filter(code=self.code, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if self.code and self.locale_id and others.exists():
            raise ValidationError({"code": _("Ya hay una página para este país en este idioma.")})
        if len(self.card_point_list) > 8:
            raise ValidationError(
                {"card_points": _("La cartilla es pequeña: escribe ocho frases como máximo.")}
            )


class HelpContact(TranslatableMixin, Orderable):
    """A place to call or go: shown as plain text (a phone number as a
    ``tel:`` link), never fetched, embedded or put on a map."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergencias")
        LEGAL_AID = "legal_aid", _("Apoyo legal")
        HEALTH = "health", _("Salud y VIH")
        HUMAN_RIGHTS = "human_rights", _("Defensoría o derechos humanos")
        ORGANISATION = "organisation", _("Organización de trabajadoras sexuales")
        OTHER = "other", _("Otro")

    page = ParentalKey(CountryPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nombre"), max_length=200)
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    phone = models.CharField(
        _("teléfono"),
        max_length=40,
        blank=True,
        help_text=_("Solo números, espacios, + y guiones."),
    )
    address = models.CharField(_("dirección"), max_length=300, blank=True)
    hours = models.CharField(_("horario"), max_length=200, blank=True)
    website = models.CharField(
        _("sitio web"),
        max_length=200,
        blank=True,
        help_text=_("Se muestra como texto, sin enlace: por ejemplo, defensoria.example.org"),
    )
    note = models.CharField(_("nota"), max_length=300, blank=True)

    panels = [
        FieldRowPanel(["name", "kind"]),
        FieldRowPanel(["phone", "hours"]),
        "address",
        "website",
        "note",
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind"),
        SynchronizedField("phone"),
        SynchronizedField("address"),
        TranslatableField("hours"),
        SynchronizedField("website"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("contacto de ayuda")
        verbose_name_plural = _("contactos de ayuda")

    def __str__(self):
        return self.name

    @property
    def kind_label(self):
        """The kind, to show beside the name; empty when the name already
        says it ("Emergencias", not "Emergencias · Emergencias")."""
        label = str(self.get_kind_display())
        return "" if label.casefold() in self.name.casefold() else label

    @property
    def tel(self):
        """The number as a ``tel:`` address: only + and digits."""
        digits = re.sub(r"[^0-9+]", "", self.phone)
        return f"tel:{digits}" if digits.strip("+") else ""

    def clean(self):
        super().clean()
        if self.phone and not PHONE.match(self.phone):
            raise ValidationError({"phone": _("Escribe solo números, espacios, + y guiones.")})
        if "<" in self.website or " " in self.website.strip():
            raise ValidationError({"website": _("Escribe solo la dirección, sin espacios.")})


class CountryNote(TranslatableMixin, Orderable):
    """A few lines in a lesson for learners of one country: shown only when
    they chose that country (``?pais=bo``)."""

    lesson = ParentalKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="country_notes"
    )
    country = models.CharField(_("país"), max_length=2, choices=COUNTRIES)
    text = RichTextField(_("texto"), features=rich_text.SECTION)

    panels = ["country", "text"]
    translatable_fields = [SynchronizedField("country"), TranslatableField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("nota por país")
        verbose_name_plural = _("notas por país")

    def __str__(self):
        return country_name(self.country)

    @property
    def country_name(self):
        return country_name(self.country)
