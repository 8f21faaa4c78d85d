"""Lessons (read online) and handouts (printed for workshops)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import HandoutStreamBlock, LessonStreamBlock
from ..countries.forms import LessonPageForm
from ..printing.cards import HandoutCardsDocument
from ..printing.documents import HandoutDocument, LessonDocument
from ..printing.editable import DocxHandoutDocument, OdtHandoutDocument
from ..printing.pages import PrintableMixin
from ..text import lines, reading_minutes
from . import modules  # which imports this one: see there

PER_PARTICIPANT, PER_GROUP, PER_WORKSHOP = "participant", "group", "workshop"
COPIES_FOR = [
    (PER_PARTICIPANT, _("cada participante")),
    (PER_GROUP, _("cada grupo")),
    (PER_WORKSHOP, _("todo el taller")),
]


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
        "pocket-cards": HandoutCardsDocument,
    }

    intro = models.TextField(
        _("entradilla"), max_length=300, blank=True, help_text=_("Para qué sirve esta hoja.")
    )
    body = StreamField(HandoutStreamBlock(), verbose_name=_("contenido"), blank=True)
    # How many copies to print: most sheets, some for each participant; role
    # cards and scripts, for each group; an answer key, for the whole workshop.
    copies = models.PositiveSmallIntegerField(
        _("copias"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_(
            "Cuántas copias de esta hoja hacen falta, por participante, por grupo o para "
            "todo el taller (abajo). La guía, el paquete del taller, sus instrucciones de "
            "impresión y la cuenta de hojas leen este número."
        ),
    )
    copies_for = models.CharField(
        _("copias para"),
        max_length=12,
        choices=COPIES_FOR,
        default=PER_PARTICIPANT,
    )
    people_per_group = models.PositiveSmallIntegerField(
        _("personas por grupo"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(30)],
        help_text=_("Solo para copias por grupo: cuántas personas tiene cada grupo."),
    )

    pocket_card = models.BooleanField(
        _("tarjeta de bolsillo"),
        default=False,
        help_text=_(
            "Una hoja corta para llevar encima: se ofrece también como cuatro tarjetas "
            "en una hoja (A6, o un cuarto de carta), para recortar."
        ),
    )

    content_panels = Page.content_panels + [
        "intro",
        "body",
        MultiFieldPanel(
            ["copies", "copies_for", "people_per_group", "pocket_card"],
            heading=_("Para imprimir"),
        ),
    ]
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

    def copies_to_print(self, participants):
        """Copies of this sheet for a workshop of ``participants``."""
        if self.copies_for == PER_WORKSHOP:
            return self.copies
        if self.copies_for == PER_GROUP:
            return self.copies * -(-participants // self.people_per_group)
        return self.copies * participants

    @property
    def copies_each_participant(self):
        """Copies each participant takes; 0 for a sheet shared by a group
        or the whole workshop."""
        return self.copies if self.copies_for == PER_PARTICIPANT else 0

    @property
    def copies_label(self):
        """ "2 copias por participante", "1 copia por grupo de 5", "3 copias
        para todo el taller": what the guide, the pack and its note say."""
        n = self.copies
        if self.copies_for == PER_WORKSHOP:
            text = ngettext(
                "%(n)s copia para todo el taller", "%(n)s copias para todo el taller", n
            )
        elif self.copies_for == PER_GROUP:
            text = ngettext(
                "%(n)s copia por grupo de %(size)s", "%(n)s copias por grupo de %(size)s", n
            )
        else:
            text = ngettext("%(n)s copia por participante", "%(n)s copias por participante", n)
        return text % {"n": n, "size": self.people_per_group}

    @property
    def copies_short_label(self):
        """The same, short, for the pack's contents: "2 por participante"."""
        if self.copies_for == PER_WORKSHOP:
            text = gettext("%(n)s para todo el taller")
        elif self.copies_for == PER_GROUP:
            text = gettext("%(n)s por grupo de %(size)s")
        else:
            text = gettext("%(n)s por participante")
        return text % {"n": self.copies, "size": self.people_per_group}
