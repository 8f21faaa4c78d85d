"""Facilitator guides: a module run as a workshop, activity by activity."""

import datetime
import operator
from functools import reduce

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms import rich_text

from ..agenda import build_agenda
from ..live.pages import LiveFacilitationMixin
from ..printing import privacy
from ..printing.booklet import GuideBookletDocument, PackBookletDocument
from ..printing.documents import GuideDocument, ModulePackDocument, ModulePackZipDocument
from ..printing.pages import WorkshopPackMixin
from ..text import lines

# lessons.py imports modules.py, which imports this module: take lessons whole.
from . import lessons


class FacilitatorGuidePage(LiveFacilitationMixin, WorkshopPackMixin, Page):
    """How to run the module as a workshop: preparation, then timed
    activities in order. Holds what participants never see (notes,
    answers, safety guidance)."""

    print_documents = {
        "facilitator": GuideDocument,
        "pack": ModulePackDocument,
        "pack-zip": ModulePackZipDocument,
        "booklet": GuideBookletDocument,
        "pack-booklet": PackBookletDocument,
    }

    introduction = RichTextField(_("introducción"), blank=True, features=rich_text.NOTE)
    preparation = models.TextField(
        _("preparación"),
        blank=True,
        help_text=_("Lo que hay que hacer antes del taller. Un punto por línea."),
    )
    start_time = models.TimeField(
        _("hora de inicio sugerida"),
        default=datetime.time(9, 0),
        help_text=_("Para calcular la hora de cada actividad en la agenda."),
    )

    content_panels = Page.content_panels + [
        "introduction",
        "preparation",
        "start_time",
        InlinePanel("activities", heading=_("Actividades"), label=_("Actividad"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields(
            "activities",
            [
                index.SearchField("title"),
                index.SearchField("objectives"),
                index.SearchField("steps"),
            ],
        ),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guía de facilitación")
        verbose_name_plural = _("guías de facilitación")

    @classmethod
    def of_modules(cls, modules):
        """The live, public guides of ``modules``, in the modules' order,
        fetched together (the home page links each featured module's guide)."""
        if not modules:
            return []
        position = {module.path: index for index, module in enumerate(modules)}
        parents = reduce(operator.or_, (cls.objects.child_of_q(module) for module in modules))
        guides = cls.objects.live().public().filter(parents)
        return sorted(guides, key=lambda guide: position[guide.path[: -cls.steplen]])

    def clean(self):
        super().clean()
        self.link_handouts_in_own_language()

    def link_handouts_in_own_language(self):
        """A translation copies its activities from the source guide, handout
        links included (wagtail-localize synchronises them as they are): link
        this language's handouts instead. One not translated yet is left out
        rather than linked in another language; the next sync adds it."""
        linked = [(activity, list(activity.handouts.all())) for activity in self.activities.all()]
        foreign = {
            h.translation_key for _, hs in linked for h in hs if h.locale_id != self.locale_id
        }
        if not foreign:
            return
        here = lessons.HandoutPage.objects.filter(
            translation_key__in=foreign, locale_id=self.locale_id
        )
        here = {handout.translation_key: handout for handout in here}
        for activity, handouts in linked:
            activity.handouts = [
                h if h.locale_id == self.locale_id else here[h.translation_key]
                for h in handouts
                if h.locale_id == self.locale_id or h.translation_key in here
            ]

    @property
    def preparation_list(self):
        return lines(self.preparation)

    @cached_property
    def activity_list(self):
        return list(self.activities.all())

    def get_context(self, request, *args, **kwargs):
        # The page lists each activity's handouts: fetch them all at once
        # (not in a preview, whose activities hold the editor's unsaved ones).
        if not getattr(request, "is_preview", False):
            prefetch_related_objects(self.activity_list, "handouts")
        return super().get_context(request, *args, **kwargs)

    @cached_property
    def agenda(self):
        return build_agenda(self.activity_list, start=self.start_time or datetime.time(9, 0))

    @property
    def total_minutes(self):
        return self.agenda.total_minutes

    @cached_property
    def module(self):
        return self.get_parent().specific

    @cached_property
    def restricted_paths(self):
        """The site's view restrictions, read once for all the activities."""
        return privacy.restricted_paths()


class Activity(TranslatableMixin, Orderable, ClusterableModel):
    """One timed activity of a workshop. A first-class record, so a trainer's
    own workshop plan can reuse it across modules. Translatable, so
    wagtail-localize translates its text with its guide (an activity shares
    its ``translation_key`` with the activity it translates)."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Apertura")
        ENERGISER = "energiser", _("Dinámica de energía")
        INPUT = "input", _("Exposición")
        DISCUSSION = "discussion", _("Conversación")
        REFLECTION = "reflection", _("Reflexión")
        ROLE_PLAY = "role_play", _("Juego de roles")
        PRACTICE = "practice", _("Práctica")
        EVALUATION = "evaluation", _("Evaluación")
        BREAK = "break", _("Pausa")

    guide = ParentalKey(FacilitatorGuidePage, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("título"), max_length=200)
    minutes = models.PositiveSmallIntegerField(
        _("minutos"), validators=[MinValueValidator(1), MaxValueValidator(480)]
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.DISCUSSION)
    objectives = models.TextField(_("objetivos"), blank=True)
    group_size = models.CharField(_("tamaño del grupo"), max_length=100, blank=True)
    materials = models.TextField(_("materiales"), blank=True, help_text=_("Uno por línea."))
    preparation = models.TextField(_("preparación"), blank=True)
    steps = models.TextField(_("pasos"), blank=True, help_text=_("Un paso por línea, en orden."))
    facilitator_notes = RichTextField(
        _("notas para quien facilita"), blank=True, features=rich_text.NOTE
    )
    safety_note = RichTextField(
        _("cuidado y seguridad"),
        blank=True,
        features=rich_text.NOTE,
        help_text=_("Contenidos que pueden afectar y cómo cuidar al grupo."),
    )
    opt_out = RichTextField(
        _("alternativa para quien prefiere no participar"), blank=True, features=rich_text.NOTE
    )
    debrief = RichTextField(_("cierre y preguntas"), blank=True, features=rich_text.NOTE)
    participant_instructions = models.TextField(
        _("indicaciones para participantes"),
        blank=True,
        help_text=_(
            "Lo que se proyecta para el grupo durante la actividad. Una indicación por "
            "línea. Si lo dejas vacío, se proyectan los objetivos."
        ),
    )
    key_message = models.TextField(
        _("mensaje clave"),
        blank=True,
        help_text=_("Una o dos frases que el grupo se lleva. También se proyecta."),
    )
    handouts = ParentalManyToManyField(
        "courses.HandoutPage", verbose_name=_("hojas que se usan"), blank=True, related_name="+"
    )

    panels = [
        MultiFieldPanel(["title", "minutes", "kind", "group_size"], heading=_("Actividad")),
        "objectives",
        "materials",
        "preparation",
        "steps",
        "facilitator_notes",
        "safety_note",
        "opt_out",
        "debrief",
        FieldPanel("handouts"),
        MultiFieldPanel(
            ["participant_instructions", "key_message"],
            heading=_("Para proyectar al grupo"),
            help_text=_(
                "La vista para proyectar muestra solo esto, las preguntas del cierre y el "
                "tiempo; nunca las notas ni el cuidado y seguridad."
            ),
        ),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")

    def __str__(self):
        return self.title

    @property
    def is_break(self):
        return self.kind == self.Kind.BREAK

    @property
    def agenda_label(self):
        return self.get_kind_display()

    agenda_notes = ""  # the agenda of a guide shows no notes: they come with the steps

    def shown_handouts(self):
        """The live handouts this activity uses that the guide's readers may
        read: a public guide never names a restricted handout."""
        guide = self.guide
        # From the handouts fetched with the guide's activities, if it did.
        handouts = sorted((h for h in self.handouts.all() if h.live), key=lambda h: h.path)
        return privacy.visible_with(guide, handouts, guide.restricted_paths)

    @property
    def material_list(self):
        return lines(self.materials)

    @property
    def step_list(self):
        return lines(self.steps)

    @property
    def participant_list(self):
        """What the room sees: the editor's own lines, else the objectives
        (the steps are written for whoever facilitates)."""
        return lines(self.participant_instructions) or lines(self.objectives)
