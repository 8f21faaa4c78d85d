"""Who may translate and sync (wagtail-localize's "Traducir" and
"Sincronizar páginas traducidas"), and who may publish through a sync."""

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

import pytest
from wagtail_localize.models import TranslationSource

from courses.countries.editors import create_country_editors, group_name
from courses.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db

CHECKBOX = 'type="checkbox" name="publish_translations"'  # "Publicar inmediatamente"


def member_of(name):
    user = User.objects.create_user(f"u-{abs(hash(name))}", password="x" * 16)
    user.groups.add(Group.objects.get(name=name))
    client = Client()
    client.force_login(user)
    return client


def portuguese_lesson():
    portuguese = Locale.objects.get(language_code="pt-br")
    lesson = next(
        page
        for page in LessonPage.objects.filter(locale=Locale.get_default()).order_by("path")
        if page.get_translation_or_none(portuguese)
    )
    return lesson, LessonPage.objects.get(pk=lesson.get_translation(portuguese).pk)


@pytest.mark.parametrize("group", ["Traducción", "Moderación"])
def test_translators_and_moderators_may_translate_a_module(group):
    module = ModulePage.objects.filter(locale=Locale.get_default()).first()
    client = member_of(group)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[module.pk]))
    assert response.status_code == 200


def test_country_editors_may_not_translate_the_shared_curriculum():
    create_country_editors()
    module = ModulePage.objects.filter(locale=Locale.get_default()).first()
    client = member_of(group_name("bo"))
    url = reverse("wagtail_localize:submit_page_translation", args=[module.pk])
    assert client.get(url).status_code == 302  # to the admin's home, "permission denied"
    # Nor is "Traducir" offered on the lessons she edits (her country's notes).
    lesson = LessonPage.objects.filter(locale=Locale.get_default()).first()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert editor.status_code == 200
    assert "/admin/localize/submit/" not in editor.text


def test_a_translators_sync_brings_the_new_strings_and_a_moderators_publishes(
    django_capture_on_commit_callbacks,
):
    lesson, translated = portuguese_lesson()
    live_intro = translated.intro
    lesson.intro = "Una entradilla nueva."
    lesson.save_revision().publish()
    url = reverse(
        "wagtail_localize:update_translations",
        args=[TranslationSource.objects.get(object_id=lesson.translation_key).pk],
    )

    translator = member_of("Traducción")
    assert CHECKBOX not in translator.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert translator.post(url, {"publish_translations": "on"}).status_code == 302
    translated.refresh_from_db()
    assert translated.intro == live_intro  # not published
    source = TranslationSource.objects.get(object_id=lesson.translation_key)
    assert source.stringsegment_set.filter(string__data="Una entradilla nueva.").exists()

    moderator = member_of("Moderación")
    assert CHECKBOX in moderator.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert moderator.post(url, {"publish_translations": "on"}).status_code == 302
    translated.refresh_from_db()
    assert translated.intro == "Una entradilla nueva."
