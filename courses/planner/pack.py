"""A plan's workshop pack, as documents of the printing pipeline: one PDF
(cover, run-sheet, materials, the activities' facilitator pages in order,
then each handout used, once) and a ZIP of the participant handouts.

Cached like every printed file: the key covers the plan's content and the
published revisions of the guides and handouts it uses, so an edit (or a
publish) gives a new file, and ``store.ensure`` renders it once under the
lock. ``PlanPrint`` remembers which cached files belong to a plan, so
deleting or expiring the plan deletes them too.
"""

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.models import ModulePage
from courses.printing import privacy, store
from courses.printing.content import materials_checklist
from courses.printing.documents import (
    HandoutDocument,
    PackArchiveDocument,
    PackDocument,
    PrintDocument,
)
from courses.printing.models import PrintedFile

from .models import PlanPrint, WorkshopPlan

PDF_VARIANT = "plan-pack"
ZIP_VARIANT = "plan-zip"


@dataclass
class PlanContents(PrintDocument):
    """What a plan's pack holds. It belongs to no page (``page`` is None):
    the plan owns its files (PlanPrint), and anyone with the plan's share
    link reads them, so they hold only public pages."""

    plan: WorkshopPlan | None = None

    @classmethod
    def for_plan(cls, plan, paper, site=None, site_settings=None):
        return cls(
            None, paper, plan.language, known_site=site, known_settings=site_settings, plan=plan
        )

    @cached_property
    def items(self):
        return self.plan.item_list

    @cached_property
    def activities(self):
        return [item.activity for item in self.items if item.from_curriculum]

    @cached_property
    def guides(self):
        seen = {}
        for activity in self.activities:
            seen.setdefault(activity.guide_id, activity.guide)
        return list(seen.values())

    @cached_property
    def handouts(self):
        """The live, public handouts the plan's activities use, each once, in
        order of first use. A plan's pack belongs to no page: anyone with its
        link reads it, so a restricted handout never enters it."""
        found = {}
        for activity in self.activities:
            for handout in activity.plan_handouts:
                if handout.live:
                    found.setdefault(handout.pk, handout)
        handouts = privacy.visible_with(None, found.values())
        self._label_handouts(handouts)
        return handouts

    @cached_property
    def handout_modules(self):
        """Each handout's module, looked up for all of them in one query."""
        found = {h.pk: h for a in self.activities for h in a.plan_handouts}
        step = ModulePage.steplen
        prefixes = {h.path[:end] for h in found.values() for end in range(step, len(h.path), step)}
        modules = {m.path: m for m in ModulePage.objects.filter(path__in=prefixes)}
        return {
            pk: next((modules[p] for p in modules if handout.path.startswith(p)), None)
            for pk, handout in found.items()
        }

    def _label_handouts(self, handouts):
        """Give each handout its name in this pack (``pack_label``): its
        title, or, when handouts of two modules share a title (each module
        has its own before/after self-assessment sheet), the title and its
        module, so the contents, bookmarks, ZIP names and note tell them
        apart. The printed sheet itself already names its module."""
        repeated = Counter(h.title for h in handouts)
        with translation.override(self.language):
            for handout in handouts:
                handout.pack_label = handout.title
                if repeated[handout.title] > 1:
                    module = self.handout_modules.get(handout.pk)
                    if module is not None:
                        handout.pack_label = _("%(title)s (%(module)s)") % {
                            "title": handout.title,
                            "module": module.title,
                        }

    def pages(self):
        return [*self.guides, *self.handouts]

    def privacy_owner(self):
        return None  # read by anyone with the plan's share link

    @property
    def published(self):
        return self.plan.updated_at or timezone.now()

    def handout_documents(self):
        modules = self.handout_modules
        return [
            HandoutDocument(
                h,
                self.paper,
                self.language,
                known_module=modules.get(h.pk),
                known_site=self.site,
                known_settings=self.site_settings,
            )
            for h in self.handouts
        ]


class PlanPackDocument(PlanContents, PackDocument):
    """The plan's pack in one PDF: cover, run-sheet, materials, the
    activities' facilitator pages in order, then each handout used, once."""

    variant = PDF_VARIANT
    template = "print/plan_pack.html"

    def key_extra(self):
        plan = self.plan
        return {
            "plan": plan.pk,
            "details": [plan.title, plan.date, plan.start_time, plan.place, plan.target_minutes],
            "items": [
                (item.kind, item.activity_id, item.title, item.minutes, item.notes)
                for item in self.items
            ],
        }

    # Names

    def neutral_name(self):
        return _("plan de taller")

    def plain_name(self):
        return _("%(title)s: paquete del taller") % {"title": self.plan.title}

    def main_part_name(self):
        return _("Plan y actividades")

    def handout_label(self, handout):
        return handout.pack_label  # its title, with its module where titles repeat

    def context(self):
        rows = []
        for row in self.plan.run_sheet:
            item = row.item
            used = []
            if item.from_curriculum:
                live = {h.pk: h for h in self.handouts}  # labelled for this pack
                used = [live[h.pk] for h in item.activity.plan_handouts if h.pk in live]
            rows.append({"row": row, "handouts": used})
        return {
            **super().context(),
            "plan": self.plan,
            "agenda": self.plan.run_sheet,
            "item_rows": rows,
            "materials": materials_checklist(self.activities),
            "handouts": self.handouts,
            "running_title": self.plan.title,
        }


class PlanZipDocument(PlanContents, PackArchiveDocument):
    """The participant handouts as separate PDFs (each the same cached file
    as the handout's own download) and a note on how to print them."""

    variant = ZIP_VARIANT
    readme_template = "print/plan_readme.txt"

    def plain_name(self):
        return _("%(title)s: hojas para participantes") % {"title": self.plan.title}

    def neutral_name(self):
        return _("plan de taller, hojas")

    def key_extra(self):
        return {"plan": self.plan.pk, "title": self.plan.title, "handouts": super().key_extra()}

    def part_documents(self):
        """Each handout, named in the pack by its label when that differs
        from its title (two modules' sheets of the same title)."""
        return [
            (doc, doc.page.pack_label if doc.page.pack_label != doc.page.title else None)
            for doc in self.handout_documents()
        ]

    def context(self):
        return {**super().context(), "plan": self.plan}


def remember(plan, record):
    """File the record under the plan, and delete the plan's files of the same
    kind made before its last edit: nobody can ask for them any more."""
    with transaction.atomic():
        PlanPrint.objects.get_or_create(plan=plan, printed_file=record)
        older = PrintedFile.objects.filter(
            pk__in=plan.prints.values("printed_file"),
            variant=record.variant,
            paper=record.paper,
        ).exclude(pk=record.pk)
        older = list(older)
    store.forget(older)


DOCUMENTS = {"pdf": PlanPackDocument, "zip": PlanZipDocument}
PLAN_VARIANTS = {PDF_VARIANT: "pdf", ZIP_VARIANT: "zip"}


def plan_pack(plan, kind, paper, site=None, site_settings=None):
    """The plan's pack of ``kind`` ("pdf" or "zip") on ``paper``."""
    return DOCUMENTS[kind].for_plan(plan, paper, site, site_settings)


def plan_document(plan, record):
    """The document ``record`` (a pack file) would be made from for ``plan``
    today, or None (no plan, or nothing in it): then the file is stale."""
    if plan is None or not plan.item_list or record.variant not in PLAN_VARIANTS:
        return None
    return plan_pack(plan, PLAN_VARIANTS[record.variant], record.paper)
