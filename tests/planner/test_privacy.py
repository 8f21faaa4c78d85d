"""Private content never enters a plan's pack: a handout or guide behind a
view restriction stays out of the pack made for anyone with the plan's
link, and a pack made before a restriction is not served after it."""

import io
import zipfile

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from courses.planner.models import PlanItem
from courses.printing import store
from courses.printing.models import PrintedFile

from .helpers import create_plan, plan_of

pytestmark = pytest.mark.django_db


def text_of(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def first_page_text(data):
    return " ".join((PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").split())


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def with_notes_and_handouts(activities):
    return next(a for a in activities if a.facilitator_notes and a.handouts.live().count() >= 2)


def test_a_restricted_handout_stays_out_of_a_new_plans_pack_and_zip(client, rights_activities):
    activity = with_notes_and_handouts(rights_activities)
    private, public = list(activity.handouts.live().order_by("path"))[:2]
    restrict(private)
    _edit_url, share_url = create_plan(client, activity)

    pack = client.get(share_url + "paquete/pdf/").content
    text, cover = text_of(pack), first_page_text(pack)
    # The sheet itself never enters the pack: not among the parts its cover
    # lists, nor its words. (An activity's own text may name a sheet, as
    # "Copias de «…»": that is the editor's text about it, not the sheet.)
    assert public.title in cover
    assert private.title not in cover
    assert " ".join(private.intro.split()) not in text

    archive = zipfile.ZipFile(io.BytesIO(client.get(share_url + "paquete/zip/").content))
    note = next(n for n in archive.namelist() if n.endswith(".txt"))
    assert public.title in archive.read(note).decode()
    assert private.title not in archive.read(note).decode()
    assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == len(
        [h for h in activity.handouts.live() if h.pk != private.pk]
    )


def test_a_guide_restricted_after_the_plan_was_made_leaves_its_pack(client, rights_activities):
    activity = with_notes_and_handouts(rights_activities)
    _edit_url, share_url = create_plan(client, activity)
    before = client.get(share_url + "paquete/pdf/")
    assert "Notas para quien facilita" in text_of(before.content)
    module_title = activity.guide.get_parent().title
    assert module_title in client.get(share_url).content.decode()

    restrict(activity.guide)

    after = client.get(share_url + "paquete/pdf/")
    assert after.status_code == 200
    text = text_of(after.content)
    assert activity.title in text  # the run-sheet keeps the line the trainer planned
    assert "Notas para quien facilita" not in text
    assert "Cuidado y seguridad" not in text
    for handout in activity.handouts.all():
        assert handout.title not in text
    assert after.content != before.content
    assert module_title not in client.get(share_url).content.decode()


def test_an_item_of_a_restricted_guide_is_no_longer_from_the_curriculum(client, rights_activities):
    activity = rights_activities[0]
    edit_url, _share_url = create_plan(client, activity)
    plan = plan_of(edit_url)
    assert plan.item_list[0].from_curriculum
    restrict(activity.guide.get_parent())  # the whole module
    assert not PlanItem.objects.get(plan=plan).from_curriculum
    assert not plan_of(edit_url).item_list[0].from_curriculum


def test_a_cached_file_is_checked_again_when_it_is_served(client, rights_activities):
    """A file made when its handouts were public is refused once one of them
    is restricted, even if a document still lists it (made earlier)."""
    from courses.planner.pack import PlanPackDocument

    activity = with_notes_and_handouts(rights_activities)
    edit_url, share_url = create_plan(client, activity)
    document = PlanPackDocument.for_plan(plan_of(edit_url), "a4")
    assert store.ensure(document) is not None  # made and cached
    restrict(document.handouts[0])
    with pytest.raises(Exception) as refused:
        store.open_rendered(document)
    assert refused.value.__class__.__name__ == "PrivateContent"
    assert PrintedFile.objects.filter(variant="plan-pack").count() == 1
