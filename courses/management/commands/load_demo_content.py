from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from courses.countries.demo import CountryLoader, demo_lesson_slugs
from courses.demo.loader import DemoLoader
from courses.demo.localize import register_translations
from courses.demo.sources import CONTENT_DIR, ContentError
from courses.models import GlossaryTerm, Topic
from courses.reports.demo import load_feedback_page


class Command(BaseCommand):
    help = (
        "Load the starter curriculum (modules, lessons, handouts, facilitator guides) "
        "from courses/demo/content. Safe to run again: only what changed is updated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content-dir", default=str(CONTENT_DIR), help="Folder with the TOML sources."
        )

    def handle(self, *args, content_dir, **options):
        content_dir = Path(content_dir)
        try:
            # All or nothing: curriculum, countries, the feedback page and
            # the translation records commit together or not at all.
            with transaction.atomic():
                loader = DemoLoader(content_dir=content_dir)
                # Country files are read and checked first, so a broken one
                # stops the command before anything is written.
                countries = CountryLoader(
                    loader.report,
                    content_dir / "countries",
                    lesson_slugs=demo_lesson_slugs(content_dir),
                )
                countries.read()
                report = loader.load()
                countries.load()
                # The anonymous feedback page (courses/reports), after the home page exists.
                for outcome, label in load_feedback_page():
                    report.note(outcome, label)
                # So that "Traducir" and "Sincronizar" work on the demo's pages.
                recorded = register_translations(snippet_models=(Topic, GlossaryTerm))
        except (ContentError, ValidationError) as error:
            raise CommandError(f"Demo content not loaded (nothing was changed): {error}") from error
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content: {len(report.created)} created, {len(report.updated)} updated, "
                    f"{report.unchanged} unchanged."
                )
            )
        if recorded and options["verbosity"]:
            self.stdout.write(f"Translations recorded for the translation editor: {recorded}.")
        for reason in report.skipped:
            self.stdout.write(self.style.WARNING(f"Translation skipped: {reason}"))
        if options["verbosity"] > 1:
            for label in report.created:
                self.stdout.write(f"  created {label}")
            for label in report.updated:
                self.stdout.write(f"  updated {label}")
