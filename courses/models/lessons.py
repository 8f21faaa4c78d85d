"""Lessons (read online) and handouts (printed for workshops)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import HandoutStreamBlock, LessonStreamBlock
from ..countries.forms import LessonPageForm
from ..printing.documents import HandoutDocument, LessonDocument
from ..printing.editable import DocxHandoutDocument, OdtHandoutDocument
from ..printing.pages import PrintableMixin
from ..text import lines, reading_minutes
from . import modules  # which imports this one: see there


class LessonPage(PrintableMixin, Page):
    """One lesson of a module: a page of learning that works on a cheap
    phone, with key messages, stories, questions and self-checks."""

    print_documents = {"participant": LessonDocument}

    intro = models.TextField(
        _("entradilla"), max_length=300, help_text=_("Una frase que resume la lección.")
    )
    objectives = models.TextField(_("objetivos"), blank=True, help_text=_("Un objetivo por línea."))
    body = StreamField(LessonStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = Page.content_panels + [
        "intro",
        "objectives",
        "body",
        # Defined in courses.countries: a note shown to learners of one country.
        InlinePanel("country_notes", heading=_("Notas por país"), label=_("nota")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = ["courses.HandoutPage"]
    # National organisations may change only their own country's notes.
    base_form_class = LessonPageForm

    class Meta:
        verbose_name = _("lección")
        verbose_name_plural = _("lecciones")

    @property
    def objective_list(self):
        return lines(self.objectives)

    @property
    def reading_minutes(self):
        return reading_minutes(self.intro, list(self.body.raw_data))

    @cached_property
    def module(self):
        # Deferred: the lesson's page reads only the module's title, address
        # and lessons, and the request's routing already has its parent, so
        # this costs no query. A field of the module's own, if read, is
        # loaded then.
        return self.get_parent().specific_deferred

    @cached_property
    def module_lessons(self):
        """The module's lessons, for the pager and "lesson n of m": titles and
        addresses only. Their blocks stay unread, which on a lesson's first
        render cost more than all of its queries."""
        return list(self.module.lesson_pages().defer_streamfields())

    def _neighbour(self, step):
        ids = [lesson.pk for lesson in self.module_lessons]
        if self.pk not in ids:
            return None
        index_ = ids.index(self.pk) + step
        return self.module_lessons[index_] if 0 <= index_ < len(ids) else None

    @property
    def previous_lesson(self):
        return self._neighbour(-1)

    @property
    def next_lesson(self):
        return self._neighbour(+1)

    @property
    def position(self):
        """(number of this lesson, number of lessons) within its module."""
        ids = [lesson.pk for lesson in self.module_lessons]
        return (ids.index(self.pk) + 1 if self.pk in ids else None), len(ids)

    @cached_property
    def handouts(self):
        # Titles and download links only: their blocks stay unread.
        handouts = HandoutPage.objects.child_of(self).live().public().order_by("path")
        return list(handouts.defer_streamfields())


class HandoutPage(PrintableMixin, Page):
    """A print-first sheet for participants: one or two pages on paper,
    large type, space to write. Never holds facilitator notes."""

    print_documents = {
        "participant": HandoutDocument,
        "docx": DocxHandoutDocument,
        "odt": OdtHandoutDocument,
    }

    intro = models.TextField(
        _("entradilla"), max_length=300, blank=True, help_text=_("Para qué sirve esta hoja.")
    )
    body = StreamField(HandoutStreamBlock(), verbose_name=_("contenido"), blank=True)
    copies_per_participant = models.PositiveSmallIntegerField(
        _("copias por participante"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_(
            "Cuántas copias de esta hoja necesita cada participante. La guía, el paquete "
            "del taller y sus instrucciones de impresión leen este número."
        ),
    )

    content_panels = Page.content_panels + ["intro", "body", "copies_per_participant"]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.LessonPage", "courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hoja para participantes")
        verbose_name_plural = _("hojas para participantes")

    @cached_property
    def module(self):
        return modules.ModulePage.objects.ancestor_of(self).first()
