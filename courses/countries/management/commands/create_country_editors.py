from django.core.management.base import BaseCommand
from django.db import transaction

from courses.countries.editors import create_country_editors


class Command(BaseCommand):
    help = (
        "Create (or bring up to date) one editor group per country: it may edit that "
        "country's pages and help contacts in every language, and the lessons' notes "
        "for that country. Run again after adding a country or a lesson."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = create_country_editors()
        if options["verbosity"]:
            for group in groups:
                self.stdout.write(f"{group.name}: {group.page_permissions.count()} pages")
