"""Each national organisation edits its own country (issue 14): the groups
made by ``create_country_editors``, tried with two organisations."""

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import querydict_from_html, rich_text

import pytest

from courses.countries.editors import group_name
from courses.countries.models import CountryPage
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors():
    call_command("create_country_editors", verbosity=0)
    made = {}
    for code in ("bo", "ar"):
        user = User.objects.create_user(f"edicion-{code}", password="x" * 16)
        user.groups.add(Group.objects.get(name=group_name(code)))
        client = Client()
        client.force_login(user)
        made[code] = (user, client)
    return made


def country_page(code):
    return CountryPage.objects.filter(code=code, locale__language_code="es").get()


def lesson_with_notes_for(*codes):
    for lesson in LessonPage.objects.filter(locale__language_code="es").order_by("path"):
        if set(codes) <= {note.country for note in lesson.country_notes.all()}:
            return lesson
    raise LookupError(codes)


def test_one_group_per_country_and_running_again_changes_nothing():
    call_command("create_country_editors", verbosity=0)
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    call_command("create_country_editors", verbosity=0)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts
    for code in set(CountryPage.objects.values_list("code", flat=True)):
        assert Group.objects.filter(name=group_name(code)).exists()
    assert Group.objects.filter(name="Edición: Bolivia").exists()


def test_an_organisation_edits_its_country_in_every_language_but_does_not_publish(editors):
    user, client = editors["bo"]
    pages = CountryPage.objects.filter(code="bo")
    assert pages.count() > 1
    for page in pages:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        if page.locale.language_code == "es":
            assert "contacts-FORMS" in response.text  # its help contacts, inline
        else:
            assert "Traducción de" in response.text  # wagtail-localize's editor
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit()
        assert not permissions.can_publish()


def test_an_organisation_is_refused_another_countrys_page(editors):
    _user, client = editors["bo"]
    argentina = country_page("ar")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[argentina.pk]), follow=True)
    assert "contacts-FORMS" not in response.text
    assert "permiso" in response.text
    assert not argentina.permissions_for_user(editors["bo"][0]).can_edit()


def test_an_organisation_cannot_edit_a_lessons_handouts(editors):
    _user, client = editors["bo"]
    handout = next(
        child
        for lesson in LessonPage.objects.filter(locale__language_code="es")
        for child in lesson.get_children()
    )
    response = client.get(reverse("wagtailadmin_pages:edit", args=[handout.pk]), follow=True)
    assert 'id="page-edit-form"' not in response.text


def edit_data(client, lesson):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).text
    data = querydict_from_html(html, form_id="page-edit-form")
    data.setdefault("body-count", "0")  # the stream is built by the browser
    return data


def form_errors(response):
    form = response.context["form"]
    return form.errors, {name: formset.errors for name, formset in form.formsets.items()}


def note_index(data, code):
    total = int(data["country_notes-TOTAL_FORMS"])
    return next(i for i in range(total) if data[f"country_notes-{i}-country"] == code)


def test_an_organisation_changes_its_own_note_and_nothing_else_of_the_lesson(editors):
    _user, client = editors["bo"]
    lesson = lesson_with_notes_for("bo", "ar")
    body = lesson.body.get_prep_value()
    data = edit_data(client, lesson)
    data[f"country_notes-{note_index(data, 'bo')}-text"] = rich_text(
        "<p>Nota nueva de Bolivia.</p>"
    )
    data["title"] = "Un título que no es suyo"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 302, form_errors(response)
    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    notes = {note.country: note.text for note in draft.country_notes.all()}
    assert "Nota nueva de Bolivia." in notes["bo"]
    assert draft.title == lesson.title
    assert draft.body.get_prep_value() == body


def test_an_organisation_cannot_change_another_countrys_note(editors):
    _user, client = editors["bo"]
    lesson = lesson_with_notes_for("bo", "ar")
    revisions = lesson.revisions.count()
    data = edit_data(client, lesson)
    data[f"country_notes-{note_index(data, 'ar')}-text"] = rich_text("<p>Cambiada por otra.</p>")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 200
    assert "Solo puedes cambiar las notas de tu país." in response.text
    assert lesson.revisions.count() == revisions

    # Argentina's own organisation can.
    _user, client = editors["ar"]
    data = edit_data(client, lesson)
    data[f"country_notes-{note_index(data, 'ar')}-text"] = rich_text(
        "<p>Cambiada por Argentina.</p>"
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 302
