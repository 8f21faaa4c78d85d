"""The planner through HTTP: building a plan from two modules with a break,
reordering, minutes, the edit secret as the only way to change a plan, the
read-only share link, every kind of bad input, and the privacy rules (no
cookie, never cached, no referrer)."""

import datetime
import re

from django.core.management import call_command

import pytest

from cms.caching import is_cacheable_response
from courses.planner.models import MAX_ITEMS, PlanItem, WorkshopPlan

from .helpers import create_plan, plan_of, titles

pytestmark = pytest.mark.django_db


def add_break(client, edit_url, minutes="15", **extra):
    return client.post(edit_url + "anadir/", {"kind": "break", "minutes": minutes, **extra})


def item_action(client, edit_url, item, action, **data):
    return client.post(f"{edit_url}elemento/{item.pk}/", {"accion": action, **data})


@pytest.fixture
def two_module_plan(client, rights_activities, care_activities):
    edit_url, share_url = create_plan(client, rights_activities[1], start_time="10:00")
    assert (
        client.post(edit_url + "anadir/", {"actividad": care_activities[0].pk}).status_code == 302
    )
    assert add_break(client, edit_url, "15", title="Merienda").status_code == 302
    return edit_url, share_url


def test_a_plan_from_two_modules_with_a_break_shows_its_run_sheet(
    client, two_module_plan, rights_activities, care_activities
):
    edit_url, share_url = two_module_plan
    first, second = rights_activities[1], care_activities[0]
    plan = plan_of(edit_url)
    assert titles(plan) == [first.title, second.title, "Merienda"]
    assert [i.kind for i in plan.items.order_by("position")] == ["activity", "activity", "break"]

    total = first.minutes + second.minutes + 15
    end_first = datetime.datetime(2000, 1, 1, 10) + datetime.timedelta(minutes=first.minutes)
    page = client.get(share_url).content.decode()
    assert f"10:00–{end_first:%H:%M}" in page
    end = datetime.datetime(2000, 1, 1, 10) + datetime.timedelta(minutes=total)
    assert f"Total, de 10:00 a {end:%H:%M}" in page
    assert plan_of(edit_url).total_minutes == total


def test_reordering_and_changing_minutes(client, two_module_plan):
    edit_url, share_url = two_module_plan
    plan = plan_of(edit_url)
    items = list(plan.items.order_by("position"))
    assert item_action(client, edit_url, items[2], "subir").status_code == 302
    assert item_action(client, edit_url, items[0], "bajar").status_code == 302
    assert titles(plan) == [items[2].title, items[0].title, items[1].title]

    response = item_action(client, edit_url, items[1], "guardar", minutes="50", notes="En ronda")
    assert response.status_code == 302
    changed = PlanItem.objects.get(pk=items[1].pk)
    assert (changed.minutes, changed.notes) == (50, "En ronda")
    assert changed.title == items[1].title  # an activity keeps the curriculum's title
    assert plan_of(edit_url).total_minutes == 15 + items[0].minutes + 50

    assert item_action(client, edit_url, items[2], "quitar").status_code == 302
    assert titles(plan) == [items[0].title, items[1].title]


def test_the_secret_link_warning_is_shown_once(client, rights_activities):
    edit_url, _share = create_plan(client, rights_activities[0])
    first = client.get(edit_url).content.decode()
    again = client.get(edit_url).content.decode()
    assert "quien lo tenga puede cambiar el plan" in first
    assert "Guarda este enlace" in first and "Guarda este enlace" not in again
    assert edit_url in first  # the link itself, to copy


@pytest.mark.parametrize(
    "mangle",
    [
        lambda share, secret: f"/es/planificador/{share}/editar/{secret[:-1]}x/",  # wrong secret
        lambda share, secret: f"/es/planificador/{share}/editar/{secret[:-2]}/",  # too short
        lambda share, secret: f"/es/planificador/{share}/editar/{secret}!/",  # bad character
        lambda share, secret: f"/es/planificador/{'A' * 16}/editar/{secret}/",  # unknown plan
        lambda share, secret: f"/es/planificador/{share[:-1]}/editar/{secret}/",
    ],
)
def test_the_edit_secret_is_required_and_bad_keys_are_404(client, rights_activities, mangle):
    edit_url, _share = create_plan(client, rights_activities[0])
    share, secret = re.match(r"/es/planificador/([\w-]+)/editar/([\w-]+)/", edit_url).groups()
    if secret[-1] == "x":
        secret = secret[:-1] + "y"
    bad = mangle(share, secret)
    assert client.get(bad).status_code == 404
    assert client.post(bad, {"title": "Cambiado", "start_time": "08:00"}).status_code == 404
    assert add_break(client, bad).status_code == 404
    assert client.post(bad + "borrar/").status_code == 404
    plan = plan_of(edit_url)
    assert plan.title == "Taller en Asunción" and plan.items.count() == 1


def test_unknown_or_malformed_share_keys_are_404(client):
    for url in (
        "/es/planificador/AAAAAAAAAAAAAAAA/",
        "/es/planificador/short/",
        "/es/planificador/AAAAAAAAAAAAAAAA/paquete/pdf/",
        "/es/planificador/AAAAAAAAAAAAAAA%3F/",
    ):
        assert client.get(url).status_code == 404


def test_the_share_link_cannot_change_the_plan(client, two_module_plan):
    edit_url, share_url = two_module_plan
    page = client.get(share_url).content.decode()
    assert re.search(r"/editar/[\w-]{43}/", page) is None  # no edit link leaks
    assert 'method="post"' not in page
    assert client.post(share_url, {"title": "Cambiado"}).status_code == 405
    assert client.post(share_url + "anadir/", {"kind": "break", "minutes": 5}).status_code == 404
    assert plan_of(edit_url).title == "Taller en Asunción"


def test_editing_the_details(client, two_module_plan):
    edit_url, _share = two_module_plan
    response = client.post(
        edit_url,
        {
            "title": "Formación de formadoras",
            "start_time": "14:30",
            "date": "2027-03-08",
            "place": "Bogotá",
            "target_minutes": "60",
        },
    )
    assert response.status_code == 302
    plan = plan_of(edit_url)
    assert (plan.title, plan.start_time, plan.place) == (
        "Formación de formadoras",
        datetime.time(14, 30),
        "Bogotá",
    )
    page = client.get(edit_url).content.decode()
    assert "se pasa" in page  # the run-sheet is longer than the 60-minute target


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        ("-5", "al menos 1"),
        ("0", "al menos 1"),
        ("481", "como mucho 480"),
        ("99999999999", "como mucho 480"),
        ("diez", "con números"),
        ("", "cuántos minutos"),
    ],
)
def test_bad_minutes_are_refused_with_a_message_and_nothing_saved(
    client, two_module_plan, minutes, message
):
    edit_url, _share = two_module_plan
    plan = plan_of(edit_url)
    before = list(plan.items.values_list("title", "minutes"))
    response = add_break(client, edit_url, minutes)
    assert response.status_code == 400
    assert message in response.content.decode()
    item = plan.items.order_by("position").first()
    response = item_action(client, edit_url, item, "guardar", minutes=minutes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(plan.items.values_list("title", "minutes")) == before


def test_too_many_items_are_refused(client, rights_activities):
    edit_url, _share = create_plan(client, start_time="00:00")
    plan = plan_of(edit_url)
    PlanItem.objects.bulk_create(
        PlanItem(plan=plan, position=n, kind="own", title=f"Parte {n}", minutes=1)
        for n in range(MAX_ITEMS)
    )
    response = client.post(edit_url + "anadir/", {"actividad": rights_activities[0].pk})
    assert response.status_code == 400
    assert "hasta 60 elementos" in response.content.decode()
    assert plan.items.count() == MAX_ITEMS


def test_running_past_midnight_is_refused(client, rights_activities):
    edit_url, _share = create_plan(client, start_time="23:30")
    response = add_break(client, edit_url, "45")
    assert response.status_code == 400
    assert "medianoche" in response.content.decode()
    assert plan_of(edit_url).items.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "start_time": "09:00"},
        {"title": "x" * 241, "start_time": "09:00"},
        {"title": "Taller", "start_time": "25:00"},
        {"title": "Taller", "start_time": "09:00", "date": "2027-02-30"},
        {"title": "Taller", "start_time": "09:00", "target_minutes": "-1"},
        {"title": "Taller", "start_time": "09:00", "place": "p" * 201},
    ],
)
def test_bad_plan_details_are_refused_and_no_plan_is_created(client, data):
    response = client.post("/es/planificador/", data)
    assert response.status_code == 400
    assert "Revisa lo que escribiste" in response.content.decode()
    assert not WorkshopPlan.objects.exists()


def test_bad_activity_choices(client, two_module_plan):
    edit_url, _share = two_module_plan
    count = plan_of(edit_url).items.count()
    assert client.post(edit_url + "anadir/", {"actividad": "999999"}).status_code == 400
    assert client.post(edit_url + "anadir/", {"actividad": "1; drop"}).status_code == 400
    assert client.post(edit_url + "elemento/999999/", {"accion": "subir"}).status_code == 404
    assert client.post(edit_url + "elemento/1/", {"accion": "volar"}).status_code == 400
    assert client.get(edit_url + "?modulo=abc").status_code == 404
    assert client.get("/es/planificador/?actividad=abc").status_code == 404
    assert client.get("/es/planificador/?actividad=999999").status_code == 404
    assert plan_of(edit_url).items.count() == count


def test_an_item_of_another_plan_cannot_be_changed(client, two_module_plan, rights_activities):
    edit_url, _share = two_module_plan
    other_edit, _other_share = create_plan(client, rights_activities[0])
    other_item = plan_of(other_edit).items.get()
    assert item_action(client, edit_url, other_item, "quitar").status_code == 404
    assert PlanItem.objects.filter(pk=other_item.pk).exists()


def test_cross_site_posts_are_refused(client, two_module_plan):
    edit_url, _share = two_module_plan
    before = plan_of(edit_url).items.count()
    response = client.post(
        edit_url + "anadir/",
        {"kind": "break", "minutes": 5},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403
    response = client.post(
        edit_url + "anadir/",
        {"kind": "break", "minutes": 5},
        headers={"Origin": "https://example.org"},
    )
    assert response.status_code == 403
    assert plan_of(edit_url).items.count() == before
    response = client.post(
        edit_url + "anadir/",
        {"kind": "break", "minutes": 5},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
    )
    assert response.status_code == 302


def test_no_planner_response_sets_a_cookie_or_may_be_cached(client, two_module_plan):
    edit_url, share_url = two_module_plan
    item = plan_of(edit_url).items.first()
    responses = [
        client.get("/es/planificador/"),
        client.post("/es/planificador/", {"title": "", "start_time": "09:00"}),
        client.get(edit_url),
        client.get(share_url),
        add_break(client, edit_url, "-1"),
        item_action(client, edit_url, item, "subir"),
        client.get(edit_url + "borrar/"),
        client.get("/es/planificador/AAAAAAAAAAAAAAAA/"),
    ]
    for response in responses:
        assert not response.cookies, response
        if response.status_code != 404:
            assert "no-store" in response["Cache-Control"]
            assert "private" in response["Cache-Control"]
            assert response["Referrer-Policy"] == "no-referrer"
            assert "noindex" in response["X-Robots-Tag"]
            assert not is_cacheable_response(response)
    assert not client.cookies


def test_a_changed_plan_shows_at_once_on_its_share_link(client, two_module_plan):
    edit_url, share_url = two_module_plan
    assert "Merienda" in client.get(share_url).content.decode()
    client.post(edit_url, {"title": "Otro nombre", "start_time": "10:00"})
    assert "Otro nombre" in client.get(share_url).content.decode()


def test_deleting_a_plan(client, two_module_plan):
    edit_url, share_url = two_module_plan
    confirm = client.get(edit_url + "borrar/")
    assert "No se puede deshacer" in confirm.content.decode()
    assert WorkshopPlan.objects.count() == 1
    response = client.post(edit_url + "borrar/")
    assert response.status_code == 302 and "borrado" in response["Location"]
    assert not WorkshopPlan.objects.exists() and not PlanItem.objects.exists()
    assert client.get(share_url).status_code == 404
    assert client.get(edit_url).status_code == 404


def test_plan_creation_is_rate_limited(client):
    data = {"title": "Taller", "start_time": "09:00"}
    for _ in range(20):
        assert client.post("/es/planificador/", data, REMOTE_ADDR="203.0.113.5").status_code == 302
    response = client.post("/es/planificador/", data, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 429
    assert "Prueba de nuevo en una hora" in response.content.decode()
    assert WorkshopPlan.objects.count() == 20
    assert client.post("/es/planificador/", data, REMOTE_ADDR="203.0.113.6").status_code == 302


def test_expire_plans_removes_only_untouched_plans(client, rights_activities, capsys):
    old_edit, old_share = create_plan(client, rights_activities[0])
    fresh_edit, _ = create_plan(client, rights_activities[0])
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    WorkshopPlan.objects.filter(pk=plan_of(old_edit).pk).update(last_touched_at=long_ago)

    call_command("expire_plans", "--dry-run")
    assert "1 plans" in capsys.readouterr().out
    assert WorkshopPlan.objects.count() == 2

    call_command("expire_plans")
    assert "1 plans" in capsys.readouterr().out
    assert client.get(old_share).status_code == 404
    assert plan_of(fresh_edit)
    assert PlanItem.objects.count() == 1


def test_opening_a_plan_keeps_it_from_expiring(client, rights_activities):
    edit_url, share_url = create_plan(client, rights_activities[0])
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    WorkshopPlan.objects.update(last_touched_at=long_ago)
    client.get(share_url)
    assert plan_of(edit_url).last_touched_at.year > 2020


def test_the_guide_page_offers_to_add_each_activity(client, rights_activities):
    guide = rights_activities[0].guide
    page = client.get(guide.url).content.decode()
    for activity in rights_activities:
        if activity.kind != "break":
            assert f"/es/planificador/?actividad={activity.pk}" in page
    response = client.get(f"/es/planificador/?actividad={rights_activities[0].pk}")
    assert rights_activities[0].title in response.content.decode()


def test_the_picker_lists_a_modules_activities_without_javascript(
    client, two_module_plan, care_activities
):
    edit_url, _share = two_module_plan
    module = care_activities[0].guide.get_parent()
    page = client.get(f"{edit_url}?modulo={module.pk}").content.decode()
    for activity in care_activities:
        assert f'name="actividad" value="{activity.pk}"' in page
