"""The plan's workshop pack, read back: one PDF with the cover, the
run-sheet, the activities and each handout used exactly once; a ZIP of the
handouts; cached by content, so an edit makes a new file and deleting the
plan deletes its files."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from courses.planner.models import PlanPrint
from courses.planner.pack import PlanPackDocument
from courses.printing import store
from courses.printing.documents import HandoutDocument
from courses.printing.models import PrintedFile

from .helpers import create_plan, plan_of

pytestmark = pytest.mark.django_db


def with_handouts(activities):
    return [a for a in activities if a.handouts.live().exists()]


def outline_titles(reader):
    found = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                found.append(entry.title)

    walk(reader.outline)
    return found


def pack_handouts(plan):
    """The plan's live handouts, each once, with the name the pack gives it."""
    handouts = PlanPackDocument.for_plan(plan, "a4").handouts
    # Each module has its own before/after self-assessment sheet, of the
    # same title: the plan's activities of two modules use two of them.
    assert len({h.pk for h in handouts}) > len({h.title for h in handouts})
    return handouts


@pytest.fixture
def plan_urls(client, rights_activities, care_activities):
    """A plan using one handout twice (the same activity added twice), an
    activity of another module and a break."""
    first = with_handouts(rights_activities)[0]
    edit_url, share_url = create_plan(client, first, title="Taller en Quito")
    client.post(
        edit_url + "anadir/", {"actividad": [first.pk, with_handouts(care_activities)[0].pk]}
    )
    client.post(edit_url + "anadir/", {"kind": "break", "minutes": "20", "title": "Almuerzo"})
    return edit_url, share_url


def test_the_pack_pdf_has_the_run_sheet_and_each_handout_once(client, plan_urls):
    edit_url, share_url = plan_urls
    plan = plan_of(edit_url)
    response = client.get(share_url + "paquete/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and not response.cookies
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert "Taller en Quito" in text
    for item in plan.item_list:
        assert item.title in text
    assert f"Total, de 09:00 a {plan.run_sheet.ends:%H:%M}" in text

    handouts = pack_handouts(plan)
    used = {h.pk for i in plan.item_list if i.activity for h in i.activity.handouts.live()}
    assert {h.pk for h in handouts} == used
    labels = [h.pack_label for h in handouts]
    assert len(set(labels)) == len(handouts)  # every sheet has its own name
    headings = outline_titles(reader)
    for handout in handouts:
        # One bookmark per handout, naming its module when the title repeats.
        assert headings.count(handout.pack_label) == 1, (handout.pack_label, headings)
        if handout.pack_label != handout.title:
            module = HandoutDocument(handout, "a4", "es").module
            assert module.title in handout.pack_label
            assert handout.title not in headings
    assert reader.metadata.title == "Taller en Quito: paquete del taller"


def test_the_pack_is_rendered_once_and_replaced_after_an_edit(client, plan_urls):
    edit_url, share_url = plan_urls
    first = client.get(share_url + "paquete/pdf/").content
    again = client.get(share_url + "paquete/pdf/").content
    assert first == again
    assert PrintedFile.objects.filter(variant="plan-pack").count() == 1
    page = client.get(edit_url).content.decode()
    assert "KB" in page  # the size shows once the file exists

    item = plan_of(edit_url).items.order_by("position").first()
    client.post(f"{edit_url}elemento/{item.pk}/", {"accion": "guardar", "minutes": "33"})
    changed = client.get(share_url + "paquete/pdf/").content
    assert changed != first
    assert "33 min" in "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(changed)).pages)
    # The file of the plan before the edit is gone: nobody can ask for it.
    assert PrintedFile.objects.filter(variant="plan-pack").count() == 1


def test_the_zip_holds_each_handout_once_and_a_note(client, plan_urls):
    edit_url, share_url = plan_urls
    plan = plan_of(edit_url)
    response = client.get(share_url + "paquete/zip/letter/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    handouts = pack_handouts(plan)
    assert len(names) == len(set(names)) == len(handouts) + 1
    assert names[-1] == "como-imprimir.txt"
    note = archive.read("como-imprimir.txt").decode()
    assert "Taller en Quito" in note
    for name, handout in zip(names, handouts, strict=False):
        # Each file is that handout's own PDF, named after its pack name.
        own = HandoutDocument(handout, "letter", "es")
        with store.read(store.ensure(own)) as source:
            assert archive.read(name) == source.read()
        assert name == own.file_name_for(handout.pack_label)
        assert note.count(f"«{handout.pack_label}»") == 1
        assert note.count(f"- {name} (") == 1


def test_deleting_the_plan_deletes_its_pack(client, plan_urls):
    edit_url, share_url = plan_urls
    client.get(share_url + "paquete/pdf/")
    client.get(share_url + "paquete/zip/")
    assert PlanPrint.objects.count() == 2
    handout_files = PrintedFile.objects.filter(variant="participant").count()
    assert handout_files >= 2
    client.post(edit_url + "borrar/")
    assert not PrintedFile.objects.filter(variant__in=["plan-pack", "plan-zip"]).exists()
    # The handouts' own files are shared with their pages: they stay.
    assert PrintedFile.objects.filter(variant="participant").count() == handout_files


def test_an_empty_plan_has_no_pack_and_bad_pack_urls_are_404(client):
    edit_url, share_url = create_plan(client)
    assert client.get(share_url + "paquete/pdf/").status_code == 404
    assert client.get(share_url + "paquete/exe/").status_code == 404
    assert client.get(share_url + "paquete/pdf/a3/").status_code == 404
    assert "Añade actividades" in client.get(edit_url).content.decode()


def test_publishing_a_guide_the_plan_uses_clears_its_pack(
    client, plan_urls, rights_activities, django_capture_on_commit_callbacks
):
    _edit_url, share_url = plan_urls
    client.get(share_url + "paquete/pdf/")
    assert PrintedFile.objects.filter(variant="plan-pack").exists()
    guide = rights_activities[0].guide
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert not PrintedFile.objects.filter(variant="plan-pack").exists()
    assert not PlanPrint.objects.exists()
    # Asked again, it is made again from the published guide.
    assert client.get(share_url + "paquete/pdf/").status_code == 200
