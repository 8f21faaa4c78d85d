"""A workshop's timing: start times, running totals and the total."""

from datetime import time
from types import SimpleNamespace

import pytest

from courses.agenda import build_agenda
from courses.models import FacilitatorGuidePage
from courses.printing.documents import document_for
from courses.text import format_minutes


def items(*minutes):
    return [
        SimpleNamespace(title="", minutes=m, is_break=False, agenda_label="", agenda_notes="")
        for m in minutes
    ]


def test_each_activity_starts_when_the_previous_one_ends():
    agenda = build_agenda(items(20, 10, 35, 15), start=time(9, 0))
    assert [row.starts for row in agenda] == [time(9, 0), time(9, 20), time(9, 30), time(10, 5)]
    assert [row.ends for row in agenda] == [time(9, 20), time(9, 30), time(10, 5), time(10, 20)]
    assert [row.cumulative for row in agenda] == [20, 30, 65, 80]
    assert agenda.total_minutes == 80
    assert agenda.ends == time(10, 20)


def test_each_row_reads_its_title_label_and_notes_from_its_item():
    lunch = SimpleNamespace(
        title="Almuerzo", minutes=60, is_break=True, agenda_label="", agenda_notes=""
    )
    own = SimpleNamespace(
        title="Mapa", minutes=30, is_break=False, agenda_label="Actividad propia",
        agenda_notes="Traer tizas",
    )  # fmt: skip
    first, second = build_agenda([lunch, own], start=time(13, 0))
    assert (first.title, first.is_break, first.label, first.notes) == ("Almuerzo", True, "", "")
    assert (second.title, second.label, second.notes) == ("Mapa", "Actividad propia", "Traer tizas")


def test_an_empty_workshop_lasts_nothing():
    agenda = build_agenda([], start=time(14, 30))
    assert agenda.total_minutes == 0
    assert agenda.ends == time(14, 30)


def test_a_workshop_may_run_past_midnight_without_error():
    agenda = build_agenda(items(90), start=time(23, 0))
    assert agenda.ends == time(0, 30)


@pytest.mark.parametrize(
    ("minutes", "text"), [(45, "45 min"), (60, "1 h"), (220, "3 h 40 min"), (0, "0 min")]
)
def test_durations_read_as_people_say_them(minutes, text):
    assert format_minutes(minutes) == text


@pytest.mark.django_db
def test_the_guide_page_shows_start_times_and_the_total(client):
    guide = FacilitatorGuidePage.objects.live().first()
    response = client.get(guide.url)
    html = response.content.decode()
    assert response.status_code == 200
    for row in guide.agenda:
        assert row.starts.strftime("%H:%M") in html
    total = format_minutes(guide.total_minutes)
    assert f"duración total: {total}" in html
    assert f"{guide.agenda.start:%H:%M} a {guide.agenda.ends:%H:%M}" in html


@pytest.mark.django_db
def test_the_guide_page_and_the_printed_guide_show_the_same_agenda(client):
    guide = FacilitatorGuidePage.objects.live().filter(locale__language_code="es").first()
    page = client.get(guide.url).content.decode()
    printed = document_for(guide, "facilitator").html()
    total = f"Total, de {guide.agenda.start:%H:%M} a {guide.agenda.ends:%H:%M}"
    for html in (page, printed):
        assert '<th scope="col">Hora</th>' in html
        assert '<th scope="col" class="num">Duración</th>' in html
        assert total in html
        for row in guide.agenda:
            assert f'<span class="agenda__label">{row.item.get_kind_display()}</span>' in html
    assert '<a href="#actividad-1">' in page  # on screen, each title leads to its steps


@pytest.mark.django_db
def test_the_printed_agenda_in_english_heads_its_times_as_times():
    """The column of start times says "Hora" ("Time"): "Inicio" is the breadcrumbs' "Home"."""
    guide = FacilitatorGuidePage.objects.live().filter(locale__language_code="en").first()
    html = document_for(guide, "facilitator").html()
    assert '<th scope="col">Time</th>' in html
    assert ">Home<" not in html
