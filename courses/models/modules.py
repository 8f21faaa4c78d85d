"""The catalogue of training modules and the module page itself."""

from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from cms import rich_text

from ..text import lines

# lessons.py and guides.py import this module too: each imports the others
# whole, not their names, so any of them may load first.
from . import guides, lessons
from .snippets import Topic


class ModuleIndexPage(Page):
    """The catalogue: every published module, filterable by topic."""

    intro = models.TextField(_("introducción"), blank=True)

    content_panels = Page.content_panels + ["intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.ModulePage"]
    admin_default_ordering = "ord"  # modules in the catalogue's order
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catálogo de módulos")

    def modules(self):
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = self.modules()
        topics = Topic.objects.filter(pk__in=modules.exclude(topic=None).values("topic")).order_by(
            "name"
        )
        # An unknown topic is not an error: the page says so and shows nothing.
        chosen = request.GET.get("tema", "")[:100]
        if chosen:
            modules = modules.filter(topic__slug=chosen)
        context.update(
            modules=ModulePage.for_cards(modules),
            topics=topics,
            chosen_topic=next((t for t in topics if t.slug == chosen), None),
            topic_query=chosen,
        )
        return context


class ModulePage(Page):
    """A training module: a topic, its lessons in order, a facilitator guide
    and the handouts to print. Learners study it online; trainers run it
    as a workshop."""

    topic = models.ForeignKey(
        "courses.Topic",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
    )
    summary = models.TextField(
        _("resumen"), max_length=400, help_text=_("Una o dos frases para el catálogo.")
    )
    introduction = RichTextField(_("introducción"), blank=True, features=rich_text.ARTICLE)
    objectives = models.TextField(
        _("objetivos de aprendizaje"), blank=True, help_text=_("Un objetivo por línea.")
    )
    audience = models.TextField(_("para quién es"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen de portada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        "topic",
        "summary",
        "introduction",
        "objectives",
        "audience",
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["courses.ModuleIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.FacilitatorGuidePage", "courses.HandoutPage"]
    # The explorer lists lessons in the order the site shows them.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("módulo")
        verbose_name_plural = _("módulos")

    @property
    def objective_list(self):
        return lines(self.objectives)

    def lesson_pages(self):
        """The module's live, public lessons in order, as a queryset."""
        return lessons.LessonPage.objects.child_of(self).live().public().order_by("path")

    @cached_property
    def lessons(self):
        return list(self.lesson_pages())

    @cached_property
    def guide(self):
        guide = guides.FacilitatorGuidePage.objects.child_of(self).live().public().first()
        return guide

    @cached_property
    def handouts(self):
        """Every handout of the module, in reading order (module's own, then by lesson)."""
        handouts = lessons.HandoutPage.objects.descendant_of(self).live().public()
        return list(handouts.select_related("locale").order_by("path"))

    @classmethod
    def for_cards(cls, modules):
        """``modules`` (a queryset) with what their cards show, in the same
        few queries however many modules there are: the topic, the cover
        image with its renditions, and two annotations, ``lesson_count``
        (live, public lessons) and ``guide_minutes`` (the workshop's length
        from the live, public guide, as ``workshop_minutes`` counts it)."""
        private = Page.objects.private_q()  # the view restrictions, read once
        children = {"path__startswith": OuterRef("path"), "depth": OuterRef("depth") + 1}
        live_lessons = lessons.LessonPage.objects.live().exclude(private).filter(**children)
        guide = guides.FacilitatorGuidePage.objects.live().exclude(private).filter(**children)
        activities = guides.Activity.objects.filter(guide=OuterRef("guide_id"))
        # Grouped by a column that is the same on every row: one number per module.
        lesson_count = live_lessons.order_by().values("depth").annotate(n=Count("pk")).values("n")
        minutes = activities.order_by().values("guide").annotate(n=Sum("minutes")).values("n")
        covers = get_image_model().objects.prefetch_renditions()
        return (
            modules.select_related("topic")
            .prefetch_related(Prefetch("cover_image", queryset=covers))
            .annotate(
                lesson_count=Coalesce(Subquery(lesson_count), 0),
                guide_id=Subquery(guide.order_by("path").values("pk")[:1]),
                guide_minutes=Coalesce(Subquery(minutes), 0),
            )
        )

    @cached_property
    def workshop_minutes(self):
        """The total length of the workshop, from the guide's timed activities."""
        return self.guide.total_minutes if self.guide else 0
