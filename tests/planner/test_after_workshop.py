"""The plan's "after the workshop" box: the anonymous report form,
pre-filled with the plan's title and modules."""

import html
import re

import pytest

from courses.models import ModulePage

from .helpers import create_plan, plan_of

pytestmark = pytest.mark.django_db


def report_link(page_html):
    found = re.findall(r'href="(/es/informe-de-taller/\?[^"]*)"', page_html)
    assert len(found) == 1, found
    return html.unescape(found[0])


def test_edit_and_share_pages_link_to_a_prefilled_report(
    client, rights_activities, care_activities
):
    edit_url, share_url = create_plan(client, rights_activities[1], title="Taller & café en Quito")
    client.post(edit_url + "anadir/", {"actividad": care_activities[0].pk})
    client.post(edit_url + "anadir/", {"actividad": rights_activities[2].pk})  # same module again
    modules = [
        ModulePage.objects.get(pk=activities[0].guide.get_parent().pk)
        for activities in (rights_activities, care_activities)
    ]
    for url in (edit_url, share_url):
        page = client.get(url).content.decode()
        assert "Después del taller" in page
        link = report_link(page)
        assert f"modulos={modules[0].pk},{modules[1].pk}&" in link
        form = client.get(link).context["form"]
        assert set(form.initial["modulos"]) == {m.pk for m in modules}
        assert form.initial["plan"] == "Taller & café en Quito"
    assert plan_of(edit_url).title == "Taller & café en Quito"


def test_a_plan_without_curriculum_activities_links_with_its_title_only(client):
    edit_url, share_url = create_plan(client, title="Solo pausas")
    link = report_link(client.get(share_url).content.decode())
    assert "modulos" not in link
    assert client.get(link).context["form"].initial == {"plan": "Solo pausas"}
