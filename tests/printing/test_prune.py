"""``build_pdfs --prune`` removes only what is stale or orphaned: files of
the other paper, of private pages and of workshop plans stay while they
are current; a file whose content changed, a plan's file after the plan is
edited and a stored file without a record go."""

import io

from django.core.files.base import ContentFile
from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from courses.models import PrintedFile
from courses.planner.pack import PlanPackDocument, remember
from courses.printing import conf, store
from courses.printing.documents import PrintDocument, document_for

from .conftest import first_module

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_print_cache")]


@pytest.fixture
def fake_renders(monkeypatch):
    def fake(document):
        return b"%PDF-1.7 fake " + document.key().encode(), 1

    monkeypatch.setattr(PrintDocument, "render_bytes", fake)


def test_prune_keeps_current_files_of_every_kind_and_removes_stale_and_orphaned_ones(
    client, fake_renders, rights_plan
):
    module = first_module()
    handout, other, lesson = module.handouts[0], module.handouts[1], module.lessons[0]
    letter = store.ensure(document_for(handout, paper="letter"))
    PageViewRestriction.objects.create(page=lesson, restriction_type=PageViewRestriction.LOGIN)
    private = store.ensure(document_for(lesson, paper="a4"))
    plan_pack = store.ensure(PlanPackDocument.for_plan(rights_plan, "a4"))
    remember(rights_plan, plan_pack)
    stale = store.ensure(document_for(other, paper="letter"))
    PrintedFile.objects.filter(pk=stale.pk).update(key="0" * 64)  # made from older content
    orphan = f"{conf.storage_prefix()}/ff/{'f' * 64}.pdf"
    store.storage().save(orphan, ContentFile(b"%PDF-1.7 left by a crash"))

    out = io.StringIO()
    call_command(
        "build_pdfs", "--paper", "a4", "--language", "es", "--prune", "--no-progress", stdout=out
    )

    kept = set(PrintedFile.objects.values_list("pk", flat=True))
    assert {letter.pk, private.pk, plan_pack.pk} <= kept
    assert stale.pk not in kept
    assert not store.storage().exists(stale.file_name)
    assert not store.storage().exists(orphan)
    assert store.storage().exists(letter.file_name)
    assert "stale deleted" in out.getvalue()

    # The plan changes: its old pack is stale now.
    rights_plan.title = "Otro taller"
    rights_plan.save()
    call_command(
        "build_pdfs",
        "--paper",
        "a4",
        "--language",
        "es",
        "--prune",
        "--no-progress",
        stdout=io.StringIO(),
    )
    assert not PrintedFile.objects.filter(pk=plan_pack.pk).exists()
    assert PrintedFile.objects.filter(pk=letter.pk).exists()


@pytest.fixture
def rights_plan(client, db):
    from courses.planner.views import published_activities
    from tests.planner.helpers import create_plan, plan_of

    activity = published_activities().filter(guide__locale__language_code="es").first()
    edit_url, _share_url = create_plan(client, activity)
    return plan_of(edit_url)
