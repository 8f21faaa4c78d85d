"""Every printable a facilitator guide asks for exists as a handout.

The convention (courses/demo/FORMAT.md, "Printables"): a guide names
something to print, in its `preparation` list or an activity's `materials`,
by the handout's title in «», and the activity lists that handout's slug in
`handouts`. These tests read the Spanish sources only: translations have the
same shape, and the loader refuses them otherwise.
"""

import re
import tomllib

import pytest

from courses.demo.loader import CONTENT_DIR

# Words that say an entry is something printed for the day.
PRINTED = re.compile(
    r"\b(imprim\w*|impres[oa]s?|copias?|hojas? (?:«|de observación)|tarjetas de roles"
    r"|guion(?:es)? (?:impreso|ficticio|de la escena|del sociodrama)|caso ficticio)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«([^«»]+)»")


MODULES = sorted(p for p in (CONTENT_DIR / "modules").iterdir() if p.is_dir())


def read(path):
    with path.open("rb") as f:
        return tomllib.load(f)


def handout_titles(folder):
    """The module's handouts, title → slug: module-wide and under each lesson."""
    handouts = read(folder / "module.toml").get("handouts", [])
    handouts += [read(path) for path in sorted((folder / "handouts").glob("*.toml"))]
    for path in sorted((folder / "lessons").glob("*.toml")):
        handouts += read(path).get("handouts", [])
    return {h["title"]: h["slug"] for h in handouts}


def unprovided(entries, titles):
    """Entries that ask for something printed without naming a handout by title."""
    return {
        entry
        for entry in entries
        if PRINTED.search(entry) and not set(QUOTED.findall(entry)) & titles.keys()
    }


@pytest.mark.parametrize("folder", MODULES, ids=lambda p: p.name)
def test_every_printable_a_guide_names_is_a_handout(folder):
    guide = read(folder / "guide.toml")
    titles = handout_titles(folder)
    entries = list(guide.get("preparation", []))
    entries += [m for a in guide["activities"] for m in a.get("materials", [])]
    missing = unprovided(entries, titles)
    assert missing == set(), "printables with no handout"


@pytest.mark.parametrize("folder", MODULES, ids=lambda p: p.name)
def test_a_handout_named_in_materials_is_linked_to_its_activity(folder):
    titles = handout_titles(folder)
    for activity in read(folder / "guide.toml")["activities"]:
        named = {
            titles[title]
            for material in activity.get("materials", [])
            for title in QUOTED.findall(material)
            if title in titles
        }
        assert named <= set(activity.get("handouts", [])), activity["title"]


def test_the_check_catches_a_printable_with_no_handout():
    titles = {"Registro de incidentes": "registro-de-incidentes"}
    assert unprovided(
        [
            "Copias de «Registro de incidentes»",
            "Imprimir el guion de la escena «En la esquina»",
            "Caso ficticio impreso",
            "Cartel que diga «Centro de salud»",
            "Marcadores",
        ],
        titles,
    ) == {"Imprimir el guion de la escena «En la esquina»", "Caso ficticio impreso"}
