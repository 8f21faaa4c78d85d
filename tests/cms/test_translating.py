"""Translators working offline: the README's "Translating" steps, through the
admin's own views (start a translation, download the PO file, upload it
back), then publish and read the translated page."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.models import Locale

import polib
import pytest
from wagtail_localize.models import Translation

from tests.factories import ModulePageFactory

pytestmark = pytest.mark.django_db

NEW_TITLE = "Autoestima e cuidado coletivo (revisado off-line)"


@pytest.fixture
def admin_client():
    user = get_user_model().objects.create_superuser("tradutora", "t@example.org", "x" * 16)
    client = Client()
    client.force_login(user)
    return client


def test_a_module_translated_offline_through_a_po_file(
    admin_client, django_capture_on_commit_callbacks
):
    portuguese = Locale.objects.get(language_code="pt-br")
    module = ModulePageFactory()

    # 1. "Translate" in the page's actions menu: choose Português (Brasil).
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{module.pk}/", {"locales": [portuguese.pk]}
        )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=portuguese
    )

    # 2. "Download PO file" in the translation editor.
    response = admin_client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(response.content.decode())
    assert any(entry.msgid == module.title for entry in po)

    # 3. Translate in any PO editor (here: every string, and the title by hand).
    for entry in po:
        entry.msgstr = NEW_TITLE if entry.msgid == module.title else f"[pt] {entry.msgid}"

    # 4. "Upload PO file" in the translation editor.
    upload = SimpleUploadedFile("modulo.po", str(po).encode(), "text/x-gettext-translation")
    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    # 5. "Publish in Português (Brasil)".
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = module.get_translation(portuguese)
    assert translated.live
    assert translated.title == NEW_TITLE
    response = Client().get(translated.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert NEW_TITLE in html
    assert '<html lang="pt-br">' in html


def test_a_po_file_made_for_another_translation_is_refused(admin_client):
    portuguese = Locale.objects.get(language_code="pt-br")
    english = Locale.objects.get(language_code="en")
    module = ModulePageFactory()
    for locale in (portuguese, english):
        admin_client.post(f"/admin/localize/submit/page/{module.pk}/", {"locales": [locale.pk]})
    to_portuguese = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=portuguese
    )
    to_english = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=english
    )
    po = polib.pofile(to_english.export_po().__unicode__())
    for entry in po:
        entry.msgstr = "wrong language"
    upload = SimpleUploadedFile("modulo.po", str(po).encode())
    response = admin_client.post(
        f"/admin/localize/translate/{to_portuguese.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
        follow=True,
    )
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"
    assert not to_portuguese.source.stringsegment_set.filter(
        string__translations__data="wrong language",
        string__translations__locale=portuguese,
    ).exists()
