"""Each demo guide's agenda is true: it fits a half day, the length its
introduction announces is the sum of its activities, and the before/after
self-assessment and the workshop evaluation are scheduled in its steps and
preparation, not only attached. Reads the Spanish sources, like the loader."""

import re
import tomllib

import pytest

from courses.demo.loader import CONTENT_DIR

MODULES = sorted(p for p in (CONTENT_DIR / "modules").iterdir() if p.is_dir())
HALF_DAY = 240  # minutes, breaks included
SHEETS = ("autoevaluacion-antes-y-despues", "evaluacion-del-taller")


def read(path):
    with path.open("rb") as f:
        return tomllib.load(f)


def sheet_titles(folder):
    handouts = [read(path) for path in sorted((folder / "handouts").glob("*.toml"))]
    return {h["slug"]: h["title"] for h in handouts if h["slug"] in SHEETS}


@pytest.mark.parametrize("folder", MODULES, ids=lambda p: p.name)
def test_the_agenda_fits_a_half_day_and_its_total_is_the_one_announced(folder):
    guide = read(folder / "guide.toml")
    total = sum(a["minutes"] for a in guide["activities"])
    assert total <= HALF_DAY
    assert any(a.get("kind") == "break" for a in guide["activities"])
    announced = re.search(r"(\d+) minutos", guide["introduction"])
    assert announced and int(announced.group(1)) == total


def unscheduled(folder):
    """The evaluation sheets' titles that a guide attaches but never schedules."""
    guide = read(folder / "guide.toml")
    titles = sheet_titles(folder)
    preparation = " ".join(guide["preparation"])
    missing = set()
    for activity in guide["activities"]:
        steps = " ".join(activity.get("steps", []))
        for slug in set(activity.get("handouts", [])) & titles.keys():
            if f"«{titles[slug]}»" not in steps:
                missing.add(f"{activity['title']}: {titles[slug]}")
    for title in titles.values():
        if f"«{title}»" not in preparation:
            missing.add(f"preparation: {title}")
    return missing


@pytest.mark.parametrize("folder", MODULES, ids=lambda p: p.name)
def test_the_evaluation_sheets_are_scheduled_where_they_are_used(folder):
    assert sheet_titles(folder).keys() == set(SHEETS)
    assert unscheduled(folder) == set()
