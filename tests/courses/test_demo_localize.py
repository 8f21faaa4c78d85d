"""The demo's translations in wagtail-localize (issue 14), and a demo load
that writes all or nothing (issue 16)."""

import shutil

from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Locale, Page, Revision

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from courses.demo.loader import CONTENT_DIR
from courses.models import FacilitatorGuidePage, GlossaryTerm, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def translated_spanish_pages():
    spanish = Page.objects.filter(locale=Locale.get_default(), depth__gt=1).specific()
    return [page for page in spanish if page.get_translations().exists()]


def first_translated(model, locale):
    return next(
        page
        for page in translated_spanish_pages()
        if isinstance(page, model) and page.get_translation_or_none(locale)
    )


@pytest.fixture
def sync_and_publish(admin_client, django_capture_on_commit_callbacks):
    """ "Sincronizar páginas traducidas" on a Spanish page, publishing the
    translations; returns the page's TranslationSource."""

    def sync(page):
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"},
            )
        assert response.status_code == 302
        return source

    return sync


def test_every_translated_demo_page_has_a_source_and_its_translations():
    pages = translated_spanish_pages()
    # Every page type of the demo, guides, home and feedback pages included.
    spanish = Page.objects.filter(locale=Locale.get_default(), depth__gt=1).specific()
    assert {type(page) for page in pages} == {type(page) for page in spanish}
    for page in pages:
        source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
        targets = set(
            Translation.objects.filter(source=source).values_list("target_locale", flat=True)
        )
        assert targets == set(page.get_translations().values_list("locale", flat=True)), page


def test_translated_glossary_terms_have_sources_too():
    term = next(
        t
        for t in GlossaryTerm.objects.filter(locale=Locale.get_default())
        if t.get_translations().exists()
    )
    assert TranslationSource.objects.filter(object_id=term.translation_key).exists()


def test_the_translation_editor_opens_with_the_existing_translation():
    portuguese = Locale.objects.get(language_code="pt-br")
    lesson = first_translated(LessonPage, portuguese)
    translated = lesson.get_translation(portuguese)
    translation = Translation.objects.get(
        source__object_id=lesson.translation_key, target_locale=portuguese
    )
    assert translation.get_progress() == (
        translation.source.stringsegment_set.count(),
        translation.source.stringsegment_set.count(),
    )
    assert StringTranslation.objects.filter(locale=portuguese, data=translated.title).exists()


def test_editors_can_sync_demo_pages_and_find_them_in_the_translations_report(admin_client):
    module = ModulePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    source = TranslationSource.objects.get(object_id=module.translation_key)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).text
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html
    # The translated page opens in the translation editor, complete.
    portuguese = module.get_translation(Locale.objects.get(language_code="pt-br"))
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[portuguese.pk])).text
    assert "wagtail-localize" in editor.lower() or "translation-editor" in editor
    report = admin_client.get(reverse("wagtail_localize:translations_report_results"))
    assert report.status_code == 200
    assert module.title in report.text


def test_a_second_load_records_nothing_new(capsys):
    counts = (
        TranslationSource.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
        Revision.objects.count(),
    )
    call_command("load_demo_content")
    out = capsys.readouterr().out
    assert "0 created, 0 updated" in out
    assert "Translations recorded" not in out
    assert (
        TranslationSource.objects.count(),
        Translation.objects.count(),
        StringTranslation.objects.count(),
        Revision.objects.count(),
    ) == counts


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def test_a_failure_in_the_country_pages_leaves_the_curriculum_unchanged(content):
    lesson_file = next((content / "modules").glob("01-*/lessons/01-*.toml"))
    lesson_file.write_text(
        lesson_file.read_text("utf-8").replace('title = "', 'title = "Nuevo: ', 1), "utf-8"
    )
    # The country index takes the slug of a sibling page: refused when saved,
    # after the curriculum (with the changed lesson) has been written.
    glossary_slug = next(
        line.split('"')[1]
        for line in (content / "pages.toml")
        .read_text("utf-8")
        .split("[glossary_page]")[1]
        .splitlines()
        if line.startswith("slug")
    )
    index = content / "countries" / "index.toml"
    index.write_text(
        index.read_text("utf-8").replace('slug = "paises"', f'slug = "{glossary_slug}"'), "utf-8"
    )
    revisions = Revision.objects.count()
    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("load_demo_content", content_dir=str(content), verbosity=0)
    assert Revision.objects.count() == revisions
    assert not LessonPage.objects.filter(title__startswith="Nuevo: ").exists()


def test_country_notes_are_checked_against_the_lessons_of_the_given_content(content, capsys):
    module = next((content / "modules").glob("01-*"))
    first = next((module / "lessons").glob("01-*.toml"))
    text = first.read_text("utf-8")
    slug = next(line.split('"')[1] for line in text.splitlines() if line.startswith("slug"))
    (module / "lessons" / "99-leccion-nueva.toml").write_text(
        text.replace(f'slug = "{slug}"', 'slug = "leccion-nueva"', 1), "utf-8"
    )
    country = content / "countries" / "bolivia.toml"
    country.write_text(
        country.read_text("utf-8")
        + '\n[[notes]]\nlesson = "leccion-nueva"\ntext = "Una nota para la lección nueva."\n',
        "utf-8",
    )
    call_command("load_demo_content", content_dir=str(content), verbosity=0)
    lesson = LessonPage.objects.get(slug="leccion-nueva")
    assert ["Una nota para la lección nueva." in n.text for n in lesson.country_notes.all()] == [
        True
    ]


def test_syncing_after_a_spanish_edit_keeps_the_portuguese(sync_and_publish):
    portuguese = Locale.objects.get(language_code="pt-br")
    lesson = first_translated(LessonPage, portuguese)
    before = LessonPage.objects.get(pk=lesson.get_translation(portuguese).pk)
    lesson.intro = "Una entradilla nueva, todavía sin traducir."
    lesson.save_revision().publish()
    source = sync_and_publish(lesson)
    after = LessonPage.objects.get(pk=before.pk)
    assert after.title == before.title
    assert after.body.get_prep_value() == before.body.get_prep_value()
    assert after.intro == "Una entradilla nueva, todavía sin traducir."  # until translated
    total, translated = Translation.objects.get(
        source=source, target_locale=portuguese
    ).get_progress()
    assert translated == total - 1


def test_a_spanish_guide_edit_reaches_the_portuguese_guide_through_a_sync(sync_and_publish):
    portuguese = Locale.objects.get(language_code="pt-br")
    guide = first_translated(FacilitatorGuidePage, portuguese)
    translated = guide.get_translation(portuguese).specific

    def activities():
        guide = FacilitatorGuidePage.objects.get(pk=translated.pk)
        return {a.translation_key: a for a in guide.activities.all()}

    before = activities()
    handouts_before = {key: set(a.handouts.all()) for key, a in before.items()}
    assert any(handouts_before.values())
    kept, edited = guide.activities.all()[:2]
    edited.title = "Una actividad con título nuevo"
    edited.save()
    guide.save_revision().publish()
    source = sync_and_publish(guide)
    after = activities()
    # The same records (workshop plans point at them), Portuguese where translated.
    assert {k: a.pk for k, a in after.items()} == {k: a.pk for k, a in before.items()}
    assert after[kept.translation_key].title == before[kept.translation_key].title
    assert after[edited.translation_key].title == "Una actividad con título nuevo"
    # Still linked to the Portuguese handouts, not to the Spanish ones the sync copies.
    assert {key: set(a.handouts.all()) for key, a in after.items()} == handouts_before
    total, done = Translation.objects.get(source=source, target_locale=portuguese).get_progress()
    assert done == total - 1
