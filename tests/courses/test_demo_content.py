"""The starter curriculum: complete, browsable, and safe to load twice."""

from django.core.management import CommandError, call_command

from wagtail.models import Page, Revision

import pytest

from courses.models import (
    Activity,
    FacilitatorGuidePage,
    GlossaryTerm,
    HandoutPage,
    LessonPage,
    ModulePage,
)

pytestmark = pytest.mark.django_db


def test_three_modules_each_with_lessons_handouts_and_a_guide():
    modules = ModulePage.objects.live()
    assert modules.count() >= 3
    for module in modules:
        assert len(module.lessons) >= 3, module.title
        assert len(module.handouts) >= 2, module.title
        assert module.guide is not None, module.title
        assert len(module.guide.activity_list) >= 6, module.title
        assert module.cover_image is not None


def test_each_guide_is_a_realistic_half_day_to_one_day_workshop():
    for guide in FacilitatorGuidePage.objects.live():
        assert 180 <= guide.total_minutes <= 480, (guide.title, guide.total_minutes)
        activities = [a for a in guide.activity_list if not a.is_break]
        assert all(a.step_list for a in activities), guide.title
        assert any(a.is_break for a in guide.activity_list), guide.title


def test_lessons_are_real_pages_of_learning():
    for lesson in LessonPage.objects.live():
        block_types = {block.block_type for block in lesson.body}
        assert {"text", "key_message", "self_check"} <= block_types, lesson.title
        assert lesson.reading_minutes >= 3, lesson.title


def test_activities_link_handouts_of_their_own_module():
    for activity in Activity.objects.prefetch_related("handouts"):
        for handout in activity.handouts.all():
            assert handout.module.pk == activity.guide.module.pk


def test_loading_twice_changes_nothing(capsys):
    counts = (Page.objects.count(), Revision.objects.count(), GlossaryTerm.objects.count())
    call_command("load_demo_content")
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert (Page.objects.count(), Revision.objects.count(), GlossaryTerm.objects.count()) == counts


def test_an_edited_source_updates_only_that_page(tmp_path, capsys):
    import shutil

    from courses.demo.loader import CONTENT_DIR

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    lesson_file = next((content / "modules").glob("01-*/lessons/01-*.toml"))
    lesson_file.write_text(
        lesson_file.read_text(encoding="utf-8").replace('title = "', 'title = "Nuevo: ', 1),
        encoding="utf-8",
    )
    call_command("load_demo_content", content_dir=str(content))
    assert "0 created, 1 updated" in capsys.readouterr().out
    assert LessonPage.objects.filter(title__startswith="Nuevo: ").count() == 1


def test_broken_sources_are_refused_and_nothing_is_written(tmp_path):
    import shutil

    from courses.demo.loader import CONTENT_DIR

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    guide = next((content / "modules").glob("02-*/guide.toml"))
    guide.write_text(
        guide.read_text(encoding="utf-8")
        + '\n[[activities]]\ntitle = "x"\nminutes = 5\nhandouts = ["no-existe"]\n',
        encoding="utf-8",
    )
    revisions = Revision.objects.count()
    # The message names the guide's file and the missing handout.
    unknown = r"02-[a-z-]+/guide\.toml: 'x' uses unknown handouts no-existe"
    with pytest.raises(CommandError, match=unknown):
        call_command("load_demo_content", content_dir=str(content))
    assert Revision.objects.count() == revisions

    guide.write_text("this is = not [valid toml", encoding="utf-8")
    with pytest.raises(CommandError, match="guide.toml"):
        call_command("load_demo_content", content_dir=str(content))

    with pytest.raises(CommandError, match="not found"):
        call_command("load_demo_content", content_dir=str(tmp_path / "missing"))


def test_handouts_are_print_first_and_hold_no_facilitator_material():
    for handout in HandoutPage.objects.live():
        assert len(handout.body) >= 1
        assert handout.module is not None
