from django.core.management.base import BaseCommand, CommandError

from courses.demo.loader import CONTENT_DIR, ContentError, DemoLoader


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
        from pathlib import Path

        from courses.countries.demo import CountryLoader

        try:
            loader = DemoLoader(content_dir=Path(content_dir))
            # Country files are read and checked first, so a broken one
            # stops the command before anything is written.
            countries = CountryLoader(loader.report, Path(content_dir) / "countries")
            countries.read()
            report = loader.load()
            countries.load()
        except ContentError as error:
            raise CommandError(f"Demo content not loaded (nothing was changed): {error}") from error
        # The anonymous feedback page (courses/reports), after the home page exists.
        from courses.reports.demo import load_feedback_page

        for outcome, label in load_feedback_page():
            report.note(outcome, label)
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content: {len(report.created)} created, {len(report.updated)} updated, "
                    f"{report.unchanged} unchanged."
                )
            )
        for reason in report.skipped:
            self.stdout.write(self.style.WARNING(f"Translation skipped: {reason}"))
        if options["verbosity"] > 1:
            for label in report.created:
                self.stdout.write(f"  created {label}")
            for label in report.updated:
                self.stdout.write(f"  updated {label}")
