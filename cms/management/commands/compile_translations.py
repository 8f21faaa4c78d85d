"""Compile the interface translations (.po → .mo) without GNU gettext.

Django's ``compilemessages`` needs the ``msgfmt`` program, which a fresh
server may not have. polib (a dependency of wagtail-localize) writes the
same .mo files from Python, so ``make setup`` and CI work anywhere.
Fuzzy and untranslated entries are left out, as msgfmt does.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import polib


class Command(BaseCommand):
    help = "Compile the .po files under LOCALE_PATHS into .mo files (no gettext needed)."

    def handle(self, *args, **options):
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                try:
                    catalog = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{po_path}: {len(catalog.translated_entries())} strings")
        if options["verbosity"]:
            self.stdout.write(f"Compiled {compiled} translation catalogues.")
