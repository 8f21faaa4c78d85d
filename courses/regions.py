"""The countries of Latin America and the Caribbean, by ISO 3166-1 alpha-2
code (lowercase, as used in addresses: ``?pais=bo``).

One list for the whole project, so country pages, country notes and workshop
reports all speak of the same countries.
"""

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("ar", _("Argentina")),
    ("bz", _("Belice")),
    ("bo", _("Bolivia")),
    ("br", _("Brasil")),
    ("cl", _("Chile")),
    ("co", _("Colombia")),
    ("cr", _("Costa Rica")),
    ("cu", _("Cuba")),
    ("do", _("República Dominicana")),
    ("ec", _("Ecuador")),
    ("sv", _("El Salvador")),
    ("gt", _("Guatemala")),
    ("gy", _("Guyana")),
    ("ht", _("Haití")),
    ("hn", _("Honduras")),
    ("jm", _("Jamaica")),
    ("mx", _("México")),
    ("ni", _("Nicaragua")),
    ("pa", _("Panamá")),
    ("py", _("Paraguay")),
    ("pe", _("Perú")),
    ("pr", _("Puerto Rico")),
    ("sr", _("Surinam")),
    ("tt", _("Trinidad y Tobago")),
    ("uy", _("Uruguay")),
    ("ve", _("Venezuela")),
]

CODES = frozenset(code for code, _name in COUNTRIES)


def country_name(code):
    """The country's name in the active language, or '' for an unknown code."""
    return dict(COUNTRIES).get(code, "")
