"""Render every printed version of every published course page.

For a deploy (so the first visitor never waits and every link shows its
size) or for an offline copy (``--copy-to`` a folder or USB stick).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from tqdm import tqdm

from courses.countries.models import CountryPage
from courses.models import FacilitatorGuidePage, HandoutPage, LessonPage, PrintedFile
from courses.planner.models import PlanPrint
from courses.planner.pack import PLAN_VARIANTS, plan_document
from courses.printing import conf, store
from courses.printing.bounded import RenderError
from courses.printing.documents import document_for, documents_for
from courses.printing.freshness import current_document


class Command(BaseCommand):
    help = (
        "Render (or check) the PDFs and workshop packs of every published course page, "
        "and the rights card of every country page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--paper",
            choices=[*conf.PAPERS, "all"],
            default="all",
            help="Paper size (default: all).",
        )
        parser.add_argument("--language", help="Only pages in this language (e.g. es, pt-br).")
        parser.add_argument(
            "--force", action="store_true", help="Render again even what is cached."
        )
        parser.add_argument(
            "--prune",
            action="store_true",
            help=(
                "Delete cached files that no longer match what is published (or their "
                "plan), and stored files that no record points to."
            ),
        )
        parser.add_argument("--copy-to", type=Path, help="Also copy every file into this folder.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        papers = conf.PAPERS if options["paper"] == "all" else (options["paper"],)
        pages = (
            Page.objects.live()
            .public()
            .type(HandoutPage, LessonPage, FacilitatorGuidePage, CountryPage)
        )
        if options["language"]:
            pages = pages.filter(locale__language_code=options["language"])
        documents = []
        for page in pages.specific().order_by("path"):
            for variant in documents_for(page):
                for paper in papers:
                    documents.append(document_for(page, variant, paper))
        if options["copy_to"]:
            options["copy_to"].mkdir(parents=True, exist_ok=True)

        failures, rendered = [], 0
        bar = tqdm(
            documents,
            desc="PDF",
            unit="doc",
            file=self.stderr,
            disable=options["no_progress"],
            dynamic_ncols=True,
        )
        for document in bar:
            key = document.key()
            bar.set_postfix_str(document.file_name[:40], refresh=False)
            if options["force"]:
                store.forget(list(PrintedFile.objects.filter(key=key)))
            cached = store.lookup(key) is not None
            try:
                record = store.ensure(document)
            except RenderError as error:
                failures.append(f"{document.page.url_path} ({document.variant}): {error}")
                continue
            rendered += not cached
            if options["copy_to"]:
                self.copy(record, document, options["copy_to"])

        pruned = 0
        if options["prune"]:
            pruned = self.prune(options["language"])
        self.stdout.write(
            f"{len(documents)} documents: {rendered} rendered, "
            f"{len(documents) - rendered - len(failures)} already cached, "
            f"{len(failures)} failed" + (f", {pruned} stale deleted" if options["prune"] else "")
        )
        if failures:
            raise CommandError("Some documents failed:\n" + "\n".join(failures))

    def prune(self, language):
        """Delete what is stale or orphaned, whatever this run rendered:
        records whose page or plan would make a different file today (or
        none), and stored files without a record. Files of the other paper,
        of private pages and of plans stay while they are current."""
        records = PrintedFile.objects.select_related("page")
        if language:
            records = records.filter(language=language)
        plans = {
            link.printed_file_id: link.plan
            for link in PlanPrint.objects.select_related("plan").filter(printed_file__in=records)
        }
        stale = []
        for record in records:
            if record.variant in PLAN_VARIANTS:
                current = plan_document(plans.get(record.pk), record)
            else:
                current = current_document(record)
            if current is None or current.key() != record.key:
                stale.append(record)
        store.forget(stale)
        orphans = store.orphans()
        for name in orphans:
            store.storage().delete(name)
        return len(stale) + len(orphans)

    def copy(self, record, document, folder):
        source = store.read(record)
        if source is None:
            return
        language = folder / document.language
        language.mkdir(exist_ok=True)
        with source, open(language / document.file_name, "wb") as target:
            target.write(source.read())
