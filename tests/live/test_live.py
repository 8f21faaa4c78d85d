"""Facilitate live: the facilitator's view and the projector's view of a
guide and of a plan, what each may show, and what a saved module keeps."""

import json

from django.utils.html import strip_tags

import pytest

from courses.models import FacilitatorGuidePage
from tests import demo

from ..planner.helpers import create_plan, plan_of

pytestmark = pytest.mark.django_db


def spanish_guide():
    return FacilitatorGuidePage.objects.live().filter(locale__language_code="es").first()


def text_of(response):
    return " ".join(strip_tags(response.content.decode()).split())


def sentences(html):
    """Pieces of a rich text field as they read on a page."""
    text = " ".join(strip_tags(html).split())
    return [piece.strip() for piece in text.split(".") if len(piece.strip()) > 25]


def test_the_guide_page_leads_to_live_mode_and_the_projector(client):
    guide = spanish_guide()
    html = client.get(guide.url).content.decode()
    assert f'href="{guide.url}en-vivo/"' in html
    assert f'href="{guide.url}proyector/"' in html
    assert "Facilitar en vivo" in html


def test_live_mode_without_javascript_is_the_agenda_with_start_times(client):
    guide = spanish_guide()
    response = client.get(guide.url + "en-vivo/")
    assert response.status_code == 200
    assert not response.cookies
    text = text_of(response)
    for row in guide.agenda:
        assert f"{row.starts:%H:%M} {row.item.title}" in text
    first = guide.activity_list[0]
    assert first.step_list[0] in text
    for piece in sentences(first.facilitator_notes)[:1] + sentences(first.safety_note)[:1]:
        assert piece in text
    html = response.content.decode()
    # Progressive: the panel and its script; no inline script (CSP).
    assert "data-live-panel hidden" in html
    assert "/live/live.js" in html
    assert "<script>" not in html


def test_the_projector_shows_what_participants_see_and_never_the_notes(client):
    guide = spanish_guide()
    response = client.get(guide.url + "proyector/")
    assert response.status_code == 200
    text = text_of(response)
    for activity in guide.activity_list:
        assert activity.title in text
        for line in activity.participant_list:
            assert line in text
        for piece in sentences(activity.debrief)[:1]:
            assert piece in text
        hidden = sentences(activity.facilitator_notes) + sentences(activity.safety_note)
        hidden += sentences(activity.opt_out) + activity.step_list
        for piece in hidden:
            assert piece not in text, piece


def test_participant_instructions_replace_the_default(client):
    guide = spanish_guide()
    activity = guide.activity_list[0]
    # By default the room sees the objectives.
    assert activity.participant_list == [activity.objectives.strip()]
    activity.participant_instructions = "Formen un círculo.\n\nDigan su nombre y un gesto."
    activity.key_message = "Aquí nadie está sola."
    activity.save()
    text = text_of(client.get(guide.url + "proyector/"))
    assert "Formen un círculo." in text
    assert "Digan su nombre y un gesto." in text
    assert "Aquí nadie está sola." in text
    assert activity.objectives.strip() not in text


def test_live_views_answer_get_only(client):
    guide = spanish_guide()
    for path in ("en-vivo/", "proyector/"):
        assert client.post(guide.url + path).status_code == 405


def test_a_plan_carries_the_participant_instructions_and_runs_live(client):
    guide = spanish_guide()
    activity = guide.activity_list[0]
    activity.participant_instructions = "Elijan un lugar en el círculo."
    activity.save()
    edit_url, share_url = create_plan(client, activity)
    plan = plan_of(edit_url)
    item = plan.item_list[0]
    assert item.participant_instructions == "Elijan un lugar en el círculo."
    # Plan edit page and share page both lead to live mode.
    for url in (edit_url, share_url):
        html = client.get(url).content.decode()
        assert f'href="{share_url}en-vivo/"' in html
        assert f'href="{share_url}proyector/"' in html
    client.post(
        edit_url + "anadir/",
        {"kind": "own", "title": "Ronda de mates", "minutes": 10, "notes": "Traer el termo"},
    )
    live = client.get(share_url + "en-vivo/")
    assert live.status_code == 200
    assert "private" in live["Cache-Control"]
    text = text_of(live)
    assert f"09:00 {activity.title}" in text
    assert f"09:{activity.minutes:02d} Ronda de mates" in text
    assert "Traer el termo" in text
    projector = text_of(client.get(share_url + "proyector/"))
    assert "Elijan un lugar en el círculo." in projector
    assert "Ronda de mates" in projector
    assert "Traer el termo" not in projector
    for piece in sentences(activity.facilitator_notes) + sentences(activity.safety_note):
        assert piece not in projector


def test_a_saved_module_keeps_its_guide_in_live_mode(client):
    guide = spanish_guide()
    module = guide.get_parent().specific
    package = json.loads(client.get(f"/es/aprender/modulos/{module.pk}/paquete.json").content)
    urls = {entry["url"] for entry in package["files"]}
    assert {guide.url, guide.url + "en-vivo/", guide.url + "proyector/"} <= urls
    assert any(url.endswith(".js") and "/live/live" in url for url in urls)
    assert any(url.endswith(".css") and "/live/live" in url for url in urls)


def test_demo_sources_may_say_what_the_room_sees(tmp_path):
    import shutil

    from django.core.management import call_command

    from courses.demo.loader import CONTENT_DIR

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    # The same keys in the source and its translations (the loader compares shapes).
    for guide_file in content.glob("**/modules/01-*/guide.toml"):
        source = guide_file.read_text(encoding="utf-8")
        first = source.index("[[activities]]") + len("[[activities]]\n")
        guide_file.write_text(
            source[:first]
            + 'participant_instructions = ["Formen un círculo.", "Cada una dice su nombre."]\n'
            + 'key_message = "Aquí nadie está sola."\n'
            + source[first:],
            encoding="utf-8",
        )
    call_command("load_demo_content", content_dir=str(content), verbosity=0)
    guide = demo.page_at(demo.CARE_GUIDE)
    activity = guide.activity_list[0]
    assert activity.participant_list == ["Formen un círculo.", "Cada una dice su nombre."]
    assert activity.key_message == "Aquí nadie está sola."
