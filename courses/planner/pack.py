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
from functools import cached_property

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from courses.printing.content import materials_checklist
from courses.printing.documents import (
    HandoutDocument,
    PdfArchive,
    PrintDocument,
    rendered_parts,
)

PDF_VARIANT = "plan-pack"
ZIP_VARIANT = "plan-zip"


class PlanPackDocument(PrintDocument):
    """The plan's pack in one PDF."""

    variant = PDF_VARIANT
    template = "print/plan_pack.html"

    def __init__(self, plan, paper, language=None):
        self.plan = plan
        super().__init__(anchor_page(plan), paper, language or plan.language)

    # What the document is made of

    @cached_property
    def module(self):
        return None

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
        """The live handouts the plan's activities use, each once, in order
        of first use."""
        found = {}
        for activity in self.activities:
            for handout in activity.handouts.live().order_by("path"):
                found.setdefault(handout.pk, handout)
        handouts = list(found.values())
        self._label_handouts(handouts)
        return handouts

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
                    module = HandoutDocument(handout, self.paper, self.language).module
                    if module is not None:
                        handout.pack_label = _("%(title)s (%(module)s)") % {
                            "title": handout.title,
                            "module": module.title,
                        }

    def pages(self):
        return [self.page, *self.guides, *self.handouts]

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

    @property
    def published(self):
        return self.plan.updated_at or timezone.now()

    # Rendering

    def handout_documents(self):
        return [HandoutDocument(h, self.paper, self.language) for h in self.handouts]

    def context(self):
        rows = []
        for row in self.plan.run_sheet:
            item = row.item
            used = []
            if item.from_curriculum:
                live = {h.pk: h for h in self.handouts}  # labelled for this pack
                used = [live[h.pk] for h in item.activity.handouts.all() if h.pk in live]
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

    def pack_parts(self):
        """The cover's contents and the handouts to lay out after the plan,
        in one document (see PackDocument.context)."""
        with translation.override(self.language):
            parts = [{"name": _("Plan y actividades"), "anchor": "parte-guia"}]
        parts[0]["end"] = "parte-guia-fin"
        sheets = []
        for document in self.handout_documents():
            _data, pages, tightness = document.fitted  # laid out as on its own
            handout = document.page
            label = handout.pack_label
            bookmark = label if label != handout.title else ""
            sheets.append({"page": handout, "tightness": tightness, "bookmark": bookmark})
            parts.append(
                {
                    "name": label,
                    "anchor": f"hoja-{handout.pk}",
                    "end": f"hoja-{handout.pk}-fin",
                    "pages": pages,
                    "copies": handout.copies_per_participant,
                }
            )
        return {"parts": parts, "pack_handouts": sheets}

    def html(self, template=None, **extra):
        with translation.override(self.language):
            context = {**self.context(), **self.pack_parts(), **extra}
            return render_to_string(template or self.template, context)


class PlanZipDocument(PlanPackDocument):
    """The participant handouts as separate PDFs (each the same cached file
    as the handout's own download) and a note on how to print them."""

    variant = ZIP_VARIANT
    extension = "zip"
    content_type = "application/zip"

    def plain_name(self):
        return _("%(title)s: hojas para participantes") % {"title": self.plan.title}

    def neutral_name(self):
        return _("plan de taller, hojas")

    def key_extra(self):
        return {"plan": self.plan.pk, "title": self.plan.title, "handouts": self.part_keys()}

    def part_keys(self):
        return [doc.key() for doc in self.handout_documents()]

    def render_bytes(self):
        archive = PdfArchive(self.published)
        rows = []
        for document, record, data in rendered_parts(self.handout_documents()):
            label = document.page.pack_label
            plain = label if label != document.page.title else None
            name = archive.add(document.file_name_for(plain), data)
            copies = document.page.copies_per_participant
            rows.append({"file": name, "pages": record.pages, "title": label, "copies": copies})
        with translation.override(self.language):
            context = {**PrintDocument.context(self), "rows": rows, "plan": self.plan}
            archive.add_note(render_to_string("print/plan_readme.txt", context))
        return archive.bytes(), None


def anchor_page(plan):
    """The page a plan's printed files are filed under (``PrintedFile`` needs
    one): the guide of its first curriculum activity, so a publish of that
    module clears them (their key changes anyway), else the site's home."""
    for item in plan.item_list:
        if item.from_curriculum:
            return item.activity.guide
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.specific if site else Page.objects.filter(depth=2).first()


DOCUMENTS = {"pdf": PlanPackDocument, "zip": PlanZipDocument}
