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

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from courses.models import ModulePage
from courses.printing import privacy, store
from courses.printing.content import materials_checklist
from courses.printing.documents import (
    HandoutDocument,
    PdfArchive,
    PrintDocument,
    pack_contents,
    rendered_parts,
)
from courses.printing.models import PrintedFile

from .models import PlanPrint

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
        return [self.page, *self.guides, *self.handouts]

    def privacy_owner(self):
        return None  # read by anyone with the plan's share link

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
        modules = self.handout_modules
        return [
            HandoutDocument(h, self.paper, self.language, known_module=modules.get(h.pk))
            for h in self.handouts
        ]

    def handout_html(self, document):
        """A handout's part of the pack: its bookmark is its name in the pack
        when that differs from its title."""
        label = document.page.pack_label
        return document.html(bookmark=label if label != document.page.title else "")

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

    def html_parts(self):
        handouts = self.handout_documents()
        parts = [self.html()] + [self.handout_html(doc) for doc in handouts]
        names = [_("Plan y actividades")] + [doc.page.pack_label for doc in handouts]

        def cover(counts, cover_pages):
            rows = pack_contents(names, counts, cover_pages)
            return self.html(template="print/plan_cover.html", parts=rows)

        return parts, cover

    def html(self, template=None, **extra):
        with translation.override(self.language):
            return render_to_string(template or self.template, {**self.context(), **extra})


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
            rows.append({"file": name, "pages": record.pages, "title": label})
        with translation.override(self.language):
            context = {**PrintDocument.context(self), "rows": rows, "plan": self.plan}
            archive.add_note(render_to_string("print/plan_readme.txt", context))
        return archive.bytes(), None


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
PLAN_VARIANTS = {PDF_VARIANT: "pdf", ZIP_VARIANT: "zip"}


def plan_document(plan, record):
    """The document ``record`` (a pack file) would be made from for ``plan``
    today, or None (no plan, or nothing in it): then the file is stale."""
    if plan is None or not plan.item_list or record.variant not in PLAN_VARIANTS:
        return None
    return DOCUMENTS[PLAN_VARIANTS[record.variant]](plan, record.paper)
