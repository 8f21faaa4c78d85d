"""The site shell: home page, plain pages and site-wide settings."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import rich_text


class HomePage(Page):
    """The front door: what Taller is, the topic areas, featured modules,
    and one way in for learners and one for trainers."""

    intro = models.TextField(_("entradilla"), blank=True)
    body = RichTextField(_("bienvenida"), blank=True, features=rich_text.ARTICLE)
    learners_title = models.CharField(_("título para quien estudia"), max_length=120, blank=True)
    learners_text = models.TextField(_("texto para quien estudia"), blank=True)
    trainers_title = models.CharField(_("título para quien facilita"), max_length=120, blank=True)
    trainers_text = models.TextField(_("texto para quien facilita"), blank=True)

    content_panels = Page.content_panels + [
        "intro",
        "body",
        MultiFieldPanel(["learners_title", "learners_text"], heading=_("Para quien estudia")),
        MultiFieldPanel(["trainers_title", "trainers_text"], heading=_("Para quien facilita")),
        InlinePanel("featured_modules", heading=_("Módulos destacados"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "courses.ModuleIndexPage",
        "courses.GlossaryPage",
        "countries.CountryIndexPage",
        "cms.StandardPage",
        "reports.FeedbackFormPage",
    ]

    class Meta:
        verbose_name = _("página de inicio")

    def get_context(self, request, *args, **kwargs):
        from courses.models import ModuleIndexPage, ModulePage, Topic

        context = super().get_context(request, *args, **kwargs)
        # The chosen modules in their order, fetched together (not one by one),
        # in this page's language: a translation synchronised by
        # wagtail-localize keeps the modules its source chose.
        chosen = list(self.featured_modules.values_list("module__translation_key", flat=True))
        found = (
            ModulePage.objects.live()
            .public()
            .filter(translation_key__in=chosen, locale_id=self.locale_id)
        )
        found = {
            module.translation_key: module
            for module in found.select_related("topic", "cover_image")
        }
        featured = [found[key] for key in chosen if key in found]
        catalogue = ModuleIndexPage.objects.child_of(self).live().first()
        if not featured and catalogue:
            featured = list(catalogue.specific.modules()[:6])
        featured = ModulePage.for_cards(featured)
        modules = ModulePage.objects.descendant_of(self).live().public()
        context.update(
            featured_modules=featured,
            catalogue=catalogue,
            topics=Topic.objects.filter(pk__in=modules.values("topic")).order_by("name"),
        )
        return context


class FeaturedModule(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_modules")
    module = models.ForeignKey(
        "courses.ModulePage", verbose_name=_("módulo"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("module", "courses.ModulePage")]


class StandardPage(Page):
    """A plain page: about the site, how to stay safe, contact…"""

    intro = models.TextField(_("entradilla"), blank=True)
    body = RichTextField(_("contenido"), blank=True, features=rich_text.ARTICLE)

    content_panels = Page.content_panels + ["intro", "body"]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("página simple")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who publishes this site and under which licence."""

    organisation_name = models.CharField(
        _("nombre de la organización"), max_length=200, default="Taller"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence_text = models.CharField(
        _("licencia"),
        max_length=200,
        default="CC BY-SA 4.0",
        help_text=_("Licencia de los contenidos, que se muestra al pie y en los PDF."),
    )
    licence_url = models.URLField(
        _("enlace a la licencia"),
        blank=True,
        default="https://creativecommons.org/licenses/by-sa/4.0/deed.es",
    )
    default_paper = models.CharField(
        _("tamaño de papel de los PDF"),
        max_length=10,
        choices=[("a4", _("A4")), ("letter", _("Carta (EE. UU.)"))],
        default="a4",
        help_text=_(
            "El papel de los enlaces «Descargar PDF». El otro tamaño sigue disponible "
            "en un enlace aparte."
        ),
    )
    discreet_downloads = models.BooleanField(
        _("nombres discretos en las descargas"),
        default=False,
        help_text=_(
            "Los PDF se llaman, por ejemplo, «taller-modulo-2-guia.pdf» y su título no "
            "menciona el tema: para quien teme que alguien vea sus descargas."
        ),
    )
    quick_exit_url = models.URLField(
        _("sitio de la salida rápida"),
        max_length=500,
        default="https://www.google.com/",
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_(
            "Adónde lleva el botón «Salir rápido»: un sitio común que no llame la atención, "
            "como un buscador o el pronóstico del tiempo."
        ),
    )
    discreet_mode = models.BooleanField(
        _("modo discreto"),
        default=False,
        help_text=_(
            "Todas las páginas muestran en la pestaña del navegador (y en el historial) un "
            "título neutro, sin el nombre del sitio ni el tema."
        ),
    )
    discreet_title = models.CharField(
        _("título neutro"),
        max_length=60,
        blank=True,
        help_text=_("El título de las pestañas en modo discreto. Si queda vacío: «Notas»."),
    )
    contact_email = models.EmailField(_("correo de contacto"), blank=True)
    contact_text = models.TextField(
        _("otros contactos"),
        blank=True,
        help_text=_("Teléfono, dirección u otras formas de contacto, en texto simple."),
    )

    panels = [
        "organisation_name",
        FieldPanel("logo"),
        MultiFieldPanel(["licence_text", "licence_url"], heading=_("Licencia")),
        MultiFieldPanel(["default_paper", "discreet_downloads"], heading=_("PDF para imprimir")),
        MultiFieldPanel(["contact_email", "contact_text"], heading=_("Contacto")),
        MultiFieldPanel(
            ["quick_exit_url", "discreet_mode", "discreet_title"],
            heading=_("Seguridad de quien lee"),
        ),
    ]

    class Meta:
        verbose_name = _("ajustes del sitio")


@receiver(post_save, sender=HomePage)
def give_locale_editors_their_home_page(sender, instance, created, raw=False, **kwargs):
    """A new home page is a new language: its editors get their permissions."""
    if created and not raw:
        from cms.security.roles import grant_locale_editors

        grant_locale_editors(instance)
