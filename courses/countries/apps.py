from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountriesConfig(AppConfig):
    """Rights information by country: country pages, help contacts,
    country notes in lessons and the pocket rights card."""

    name = "courses.countries"
    label = "countries"
    verbose_name = _("Países")
