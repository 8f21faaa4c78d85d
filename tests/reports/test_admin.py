"""Workshop reports in the admin: who may see them, the filters, the CSV
rows and the summary counts funders receive."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, User
from django.test import Client

import pytest

from courses.models import ModulePage
from courses.reports.models import WorkshopReport

pytestmark = pytest.mark.django_db

INDEX = "/admin/informes-de-talleres/"
SUMMARY = INDEX + "resumen/"


def modules():
    return list(ModulePage.objects.live().filter(locale__language_code="es").order_by("path"))


@pytest.fixture
def reports():
    """Three reviewed reports in two countries over two years, and one
    unreviewed that counts only when asked."""
    first, second, third = modules()[:3]
    made = []
    for held_on, country, participants, hours, mods in [
        (datetime.date(2025, 5, 10), "bo", 12, "3.5", [first]),
        (datetime.date(2026, 3, 8), "bo", 20, None, [first, second]),
        (datetime.date(2026, 6, 1), "pe", 9, "4.0", [third]),
    ]:
        report = WorkshopReport.objects.create(
            held_on=held_on,
            country=country,
            participants=participants,
            hours=hours,
            reviewed=True,
            notes="Nota interna sobre el grupo",
        )
        report.modules.set(mods)
        made.append(report)
    spam = WorkshopReport.objects.create(
        held_on=datetime.date(2026, 7, 1), country="pe", participants=400, programme="???"
    )
    return made + [spam]


def signed_in(group_name=None, superuser=False):
    user = User.objects.create_user("persona", password="x" * 14, is_superuser=superuser)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    client = Client()
    client.force_login(user)
    return client


def read_csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def test_anonymous_visitors_cannot_reach_the_reports(reports):
    client = Client()
    for url in (INDEX, SUMMARY, SUMMARY + "?csv=paises", INDEX + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_trainers_cannot_read_the_reports(reports):
    client = signed_in("Facilitación")
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(SUMMARY).status_code in (302, 403)


def test_editors_and_moderators_can(reports):
    response = signed_in("Edición · español").get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Fecha del taller", "País", "Participantes", "Módulos o plan", "Revisado"):
        assert heading.lower() in html.lower()
    assert "Bolivia" in html
    moderator = Client()
    user = User.objects.create_user("mod", password="x" * 14)
    user.groups.add(Group.objects.get(name="Moderación"))
    moderator.force_login(user)
    assert moderator.get(SUMMARY).status_code == 200
    assert moderator.get(INDEX + "new/").status_code == 200


def test_filters_by_country_module_and_period(reports):
    client = signed_in(superuser=True)
    first = modules()[0]

    def listed(**query):
        response = client.get(INDEX, query)
        assert response.status_code == 200
        return {obj.pk for obj in response.context["object_list"]}

    bo1, bo2, pe1, spam = (r.pk for r in reports)
    assert listed() == {bo1, bo2, pe1, spam}
    assert listed(country="bo") == {bo1, bo2}
    assert listed(modules=first.pk) == {bo1, bo2}
    assert listed(held_on_from="2026-01-01", held_on_to="2026-06-30") == {bo2, pe1}
    assert listed(reviewed="false") == {spam}
    assert listed(q="???") == {spam}


def test_csv_export_has_one_row_per_report_without_notes(reports):
    client = signed_in(superuser=True)
    response = client.get(INDEX, {"export": "csv", "country": "bo", "ordering": "held_on"})
    assert response.status_code == 200
    rows = read_csv(response)
    assert rows[0][:3] == ["Fecha del taller", "Código de país", "País"]
    assert len(rows) == 3
    assert rows[1][:3] == ["2025-05-10", "bo", "Bolivia"]
    assert rows[1][5] == "12"
    assert rows[2][3] == f"{modules()[0].title}, {modules()[1].title}"
    assert "Nota interna" not in str(rows)
    # Only CSV is offered.
    listing = client.get(INDEX, {"export": "xlsx"})
    assert listing["Content-Type"].startswith("text/html")
    assert "export=xlsx" not in client.get(INDEX).content.decode()
    assert "export=csv" in client.get(INDEX).content.decode()


def test_summary_counts_reviewed_reports_per_country_and_year(reports):
    client = signed_in(superuser=True)
    response = client.get(SUMMARY)
    assert response.status_code == 200
    countries = {
        (r.year, r.key): (r.workshops, r.participants) for r in response.context["countries"]
    }
    assert countries == {(2025, "bo"): (1, 12), (2026, "bo"): (1, 20), (2026, "pe"): (1, 9)}
    totals = {t["year"]: (t["workshops"], t["participants"]) for t in response.context["totals"]}
    assert totals == {2025: (1, 12), 2026: (2, 29)}
    first, second, third = modules()[:3]
    by_module = {
        (r.year, r.name): (r.workshops, r.participants) for r in response.context["modules"]
    }
    assert by_module == {
        (2025, first.title): (1, 12),
        (2026, first.title): (1, 20),
        (2026, second.title): (1, 20),
        (2026, third.title): (1, 9),
    }


def test_summary_can_include_unreviewed_and_follows_the_filters(reports):
    client = signed_in(superuser=True)
    response = client.get(SUMMARY, {"reviewed": "", "country": "pe"})
    countries = {
        (r.year, r.key): (r.workshops, r.participants) for r in response.context["countries"]
    }
    assert countries == {(2026, "pe"): (2, 409)}
    modules_rows = {r.name: r.workshops for r in response.context["modules"]}
    assert modules_rows["Otro plan o programa"] == 1


def test_summary_csv_for_funders(reports):
    client = signed_in(superuser=True)
    response = client.get(SUMMARY, {"csv": "paises"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows == [
        ["Año", "País", "Talleres", "Participantes", "Horas de taller"],
        ["2026", "Bolivia", "1", "20", ""],
        ["2026", "Perú", "1", "9", "4.0"],
        ["2025", "Bolivia", "1", "12", "3.5"],
    ]
    modules_csv = read_csv(client.get(SUMMARY, {"csv": "modulos", "country": "bo"}))
    assert modules_csv[0][1] == "Módulo"
    assert len(modules_csv) == 1 + 3


def test_editing_in_the_admin_validates_the_same_limits(reports):
    client = signed_in(superuser=True)
    report = reports[0]
    response = client.post(
        f"{INDEX}edit/{report.pk}/",
        {"held_on": "2025-05-10", "country": "bo", "participants": "900", "notes": ""},
    )
    assert response.status_code == 200  # the form again, with its error
    report.refresh_from_db()
    assert report.participants == 12


def test_summary_says_how_many_reports_wait_for_review_when_none_is_reviewed(db):
    for day in (1, 2):
        WorkshopReport.objects.create(
            held_on=datetime.date(2026, 7, day), country="bo", participants=8
        )
    html = signed_in(superuser=True).get(SUMMARY).content.decode()
    assert "No hay informes que contar" not in html
    assert "Ningún informe revisado todavía: 2 informes esperan revisión." in html
    assert "Contar también los que no están revisados" in html


def test_summary_with_no_report_at_all_says_there_is_nothing_to_count(db):
    html = signed_in(superuser=True).get(SUMMARY).content.decode()
    assert "No hay informes que contar." in html
