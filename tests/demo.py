"""The addresses of the demo curriculum that smoke tests visit: browser
tests, query budgets, and tests whose point is the demo content itself.
When editors rename or move a demo page, this is the one file to change.

Unit tests build their own pages instead (tests/factories.py).
"""

from wagtail.models import Page

from cms.models import HomePage

CATALOGUE = "/es/modulos/"

# Module 2, "Conocer y defender nuestros derechos".
RIGHTS_MODULE = CATALOGUE + "conocer-y-defender-nuestros-derechos/"
RIGHTS_LESSONS = [
    RIGHTS_MODULE + "es-legal/",
    RIGHTS_MODULE + "derechos-que-siempre-valen/",
    RIGHTS_MODULE + "violencia-institucional/",
    RIGHTS_MODULE + "durante-y-despues-de-un-abuso/",
]
LESSON = RIGHTS_LESSONS[1]
LESSON_WITH_COUNTRY_NOTES = RIGHTS_LESSONS[0]
RIGHTS_HANDOUT = LESSON + "si-me-detienen/"
RIGHTS_GUIDE = RIGHTS_MODULE + "guia-de-facilitacion/"

# Module 1, "Autoestima y cuidado colectivo".
CARE_MODULE = CATALOGUE + "autoestima-y-cuidado-colectivo/"
CARE_HANDOUT = CARE_MODULE + "cuidado-colectivo/mi-red-de-cuidado/"
CARE_GUIDE = CARE_MODULE + "guia-de-facilitacion/"

# Module 3, translated by hand in the tests of translation.
ADVOCACY_MODULE = CATALOGUE + "incidencia-politica-y-participacion/"

ABOUT = "/es/acerca-de/"
SAFETY = "/es/cuidarse-en-internet/"
GLOSSARY = "/es/glosario/"
FEEDBACK = "/es/tu-opinion/"
COUNTRIES = "/es/paises/"
COUNTRY = COUNTRIES + "bolivia/"


def page_at(address):
    """The demo page at ``address``, as the site serves it."""
    language, rest = address.strip("/").split("/", 1)
    home = HomePage.objects.get(locale__language_code=language)
    return Page.objects.get(url_path=f"{home.url_path}{rest}/").specific
