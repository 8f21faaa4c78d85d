"""The site shell: home page and plain pages (site-wide settings in site_settings.py)."""

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.models import FacilitatorGuidePage, ModuleIndexPage, ModulePage, Topic

from . import rich_text
from .security.roles import grant_locale_editors
from .site_settings import SiteSettings

__all__ = ["FeaturedModule", "HomePage", "SiteSettings", "StandardPage"]


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
        context = super().get_context(request, *args, **kwargs)
        # The chosen modules in their order, fetched together (not one by one),
        # in this page's language: a translation synchronised by
        # wagtail-localize keeps the modules its source chose.
        chosen = list(self.featured_modules.values_list("module__translation_key", flat=True))
        here = ModulePage.objects.live().public().filter(locale_id=self.locale_id)
        found = ModulePage.for_cards(here.filter(translation_key__in=chosen))
        found = {module.translation_key: module for module in found}
        featured = [found[key] for key in chosen if key in found]
        catalogue = ModuleIndexPage.objects.child_of(self).live().first()
        if not featured and catalogue:
            featured = list(ModulePage.for_cards(catalogue.specific.modules())[:6])
        modules = ModulePage.objects.descendant_of(self).live().public()
        context.update(
            featured_modules=featured,
            featured_guides=FacilitatorGuidePage.of_modules(featured),
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


@receiver(post_save, sender=HomePage)
def give_locale_editors_their_home_page(sender, instance, created, raw=False, **kwargs):
    """A new home page is a new language: its editors get their permissions."""
    if created and not raw:
        grant_locale_editors(instance)
