"""Topics and glossary terms: small shared records, edited as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from cms import rich_text


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A topic area of the curriculum (self-esteem, rights, advocacy…).

    Learners filter the catalogue by topic; each module has one.
    """

    name = models.CharField(_("nombre"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    description = models.TextField(_("descripción"), blank=True)

    # The language filter of the admin's list works while searching too.
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("temas")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A word learners may not know, with a short plain definition.

    Lessons reference terms; the glossary page lists them all.
    """

    term = models.CharField(_("término"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    definition = RichTextField(_("definición"), features=rich_text.SENTENCE)

    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("término del glosario")
        verbose_name_plural = _("términos del glosario")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_term_slug_per_locale")
        ]

    def __str__(self):
        return self.term


class GlossaryPage(Page):
    """Every glossary term of this language, A to Z, each with an anchor."""

    intro = models.TextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + ["intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("página del glosario")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = GlossaryTerm.objects.filter(locale_id=self.locale_id)
        return context
