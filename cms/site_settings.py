"""Site-wide settings: who publishes the site, under which licence, how its
PDFs and its quick exit behave. Apart from the page models, so printing can
read them without importing the pages (which show printed downloads)."""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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
