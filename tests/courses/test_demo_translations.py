"""Translated demo content: real Wagtail translations, refused when mis-shaped.

The tests build a small English translation of their own from the Spanish
sources (titles and slugs changed, as a translator would), so they do not
depend on how far the translators have got.
"""

import re
import shutil

from django.core.management import CommandError, call_command

from wagtail.models import Locale, Revision

import pytest

from cms.models import HomePage
from courses.demo.loader import CONTENT_DIR
from courses.demo.translations import ShapeError, check_shape
from courses.models import (
    FacilitatorGuidePage,
    GlossaryTerm,
    HandoutPage,
    LessonPage,
    ModulePage,
    Topic,
)

MODULE = "modules/01-autoestima-y-cuidado-colectivo"
LESSON = f"{MODULE}/lessons/03-cuidado-colectivo.toml"


def translate(text, *, slugs="all"):
    """A stand-in for a translator: every title gets an English marker and
    page slugs get an "en-" prefix; everything else is left as it is."""
    text = text.replace('title = "', 'title = "EN ').replace('name = "', 'name = "EN ')
    count = 1 if slugs == "first" else 0
    if slugs:
        text = re.sub(r'^slug = "', 'slug = "en-', text, count=count, flags=re.MULTILINE)
    return text


@pytest.fixture
def content(tmp_path):
    """The Spanish sources with an English translation of module 01's
    module page, one lesson (with its handout) and the guide."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root, ignore=shutil.ignore_patterns("translations"))
    english = root / "translations" / "en"
    for name, slugs in [
        ("topics.toml", None),  # topic slugs are references: kept
        ("pages.toml", "all"),
        (f"{MODULE}/module.toml", "first"),  # not the glossary terms' slugs
        (LESSON, "all"),
        (f"{MODULE}/guide.toml", None),
    ]:
        target = english / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(translate((root / name).read_text("utf-8"), slugs=slugs), "utf-8")
    return root


@pytest.mark.django_db
def test_translations_are_wagtail_translations_of_their_source(content):
    # Start from Spanish only (the session's database holds the real
    # translations, as far as they have got).
    HomePage.objects.filter(locale__language_code="en").delete()
    call_command("load_demo_content", content_dir=str(content), verbosity=0)
    english = Locale.objects.get(language_code="en")
    source = ModulePage.objects.get(slug="autoestima-y-cuidado-colectivo")
    module = ModulePage.objects.get(translation_key=source.translation_key, locale=english)
    assert module.slug == "en-autoestima-y-cuidado-colectivo"
    assert module.title == "EN " + source.title
    assert module.live
    catalogue = module.get_parent().specific
    assert catalogue.locale == english
    assert catalogue.translation_key == source.get_parent().translation_key
    home = catalogue.get_parent()
    assert home.locale == english and home.depth == 2
    assert module.url.startswith("/en/en-modulos/")

    lesson = LessonPage.objects.get(locale=english, slug="en-cuidado-colectivo")
    spanish_lesson = lesson.get_translation(Locale.get_default())
    assert lesson.get_parent().pk == module.pk
    # Same block ids, so wagtail-localize pairs each block with its source.
    assert [b.id for b in lesson.body] == [b.id for b in spanish_lesson.body]
    glossary = next(b for b in lesson.body if b.block_type == "glossary")
    assert glossary.value["term"].locale == english
    assert module.topic.locale == english
    assert (
        Topic.objects.filter(locale=english).count()
        == Topic.objects.filter(locale=Locale.get_default()).count()
    )

    handout = HandoutPage.objects.get(locale=english, slug="en-mi-red-de-cuidado")
    assert handout.get_parent().pk == lesson.pk
    # The guide's activities link the translated handouts; one that has no
    # translation yet is left out rather than linked in Spanish.
    guide = FacilitatorGuidePage.objects.get(
        locale=english,
        translation_key__in=[
            g.translation_key for g in FacilitatorGuidePage.objects.child_of(source)
        ],
    )
    linked = {h.pk for a in guide.activities.all() for h in a.handouts.all()}
    assert handout.pk in linked
    assert all(HandoutPage.objects.get(pk=pk).locale == english for pk in linked)

    # An untranslated lesson exists in Spanish only.
    other = LessonPage.objects.child_of(source).exclude(slug="cuidado-colectivo").first()
    assert not other.get_translations().filter(locale=english).exists()


@pytest.mark.django_db
def test_loading_translations_twice_changes_nothing(content, capsys):
    call_command("load_demo_content", content_dir=str(content), verbosity=0)
    revisions = Revision.objects.count()
    call_command("load_demo_content", content_dir=str(content))
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_a_translation_changes_only_its_own_page(content, capsys):
    call_command("load_demo_content", content_dir=str(content), verbosity=0)
    lesson = content / "translations" / "en" / LESSON
    lesson.write_text(
        lesson.read_text("utf-8").replace('slug = "en-cuidado-colectivo"', 'slug = "care"'), "utf-8"
    )
    call_command("load_demo_content", content_dir=str(content))
    assert "0 created, 1 updated" in capsys.readouterr().out
    page = LessonPage.objects.get(locale__language_code="en", slug="care")
    assert page.url.endswith("/en-autoestima-y-cuidado-colectivo/care/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "message"),
    [
        # A list item fewer than the source.
        (lambda t: re.sub(r'objectives = \[\n\s*"[^"]*",', "objectives = [", t, count=1), "items"),
        # A block type changed.
        (lambda t: t.replace('type = "key_message"', 'type = "text"', 1), "must stay"),
        # A key that the source does not have.
        (lambda t: t.replace('intro = "', 'resumen = "', 1), "unexpected resumen"),
        # A glossary term (a reference) translated.
        (lambda t: t.replace('term = "cuidado-colectivo"', 'term = "collective-care"'), "term"),
    ],
)
def test_a_mis_shaped_translation_is_refused_naming_the_file(content, change, message):
    lesson = content / "translations" / "en" / LESSON
    lesson.write_text(change(lesson.read_text("utf-8")), "utf-8")
    revisions, terms = Revision.objects.count(), GlossaryTerm.objects.count()
    with pytest.raises(CommandError, match=message) as error:
        call_command("load_demo_content", content_dir=str(content), verbosity=0)
    assert "translations/en/" + LESSON in str(error.value)
    assert (Revision.objects.count(), GlossaryTerm.objects.count()) == (revisions, terms)


@pytest.mark.django_db
def test_a_translation_without_a_source_or_of_an_unknown_language_is_refused(content):
    stray = content / "translations" / "en" / MODULE / "lessons" / "09-no-existe.toml"
    stray.write_text('slug = "x"\n', "utf-8")
    with pytest.raises(CommandError, match="no source file"):
        call_command("load_demo_content", content_dir=str(content), verbosity=0)
    stray.unlink()
    (content / "translations" / "fr").mkdir()
    with pytest.raises(CommandError, match="unknown language 'fr'"):
        call_command("load_demo_content", content_dir=str(content), verbosity=0)


def test_shape_check_keeps_references_and_lets_text_change():
    source = {
        "slug": "a",
        "topics": [{"slug": "derechos", "name": "Derechos"}],
        "activities": [{"title": "Uno", "minutes": 10, "handouts": ["hoja"]}],
    }
    check_shape(
        source,
        {
            "slug": "a-en",
            "topics": [{"slug": "derechos", "name": "Rights"}],
            "activities": [{"title": "One", "minutes": 10, "handouts": ["hoja"]}],
        },
    )
    with pytest.raises(ShapeError, match=r"topics\[1\]\.slug must stay"):
        check_shape(source, {**source, "topics": [{"slug": "rights", "name": "Rights"}]})
    with pytest.raises(ShapeError, match=r"activities\[1\]\.handouts must stay"):
        check_shape(
            source, {**source, "activities": [{"title": "x", "minutes": 10, "handouts": []}]}
        )
    with pytest.raises(ShapeError, match="minutes must stay"):
        check_shape(
            source, {**source, "activities": [{"title": "x", "minutes": 5, "handouts": ["hoja"]}]}
        )
