"""Plans and the run-sheet maths: start and end of each item, total, target,
the one-day rule, the secret kept as a hash only."""

import datetime
import hashlib

from django.core.exceptions import ValidationError

import pytest

from courses.planner import editing
from courses.planner.models import PlanItem, WorkshopPlan


def make_plan(start="09:00", items=(), target=None):
    plan, secret = editing.create_plan(
        {
            "title": "Plan",
            "start_time": datetime.time.fromisoformat(start),
            "target_minutes": target,
        },
        "es",
        [PlanItem(kind=PlanItem.Kind.OWN, title=t, minutes=m) for t, m in items],
    )
    return WorkshopPlan.objects.get(pk=plan.pk), secret


pytestmark = pytest.mark.django_db


def test_the_edit_secret_is_stored_only_as_its_hash():
    plan, secret = make_plan()
    assert len(secret) == 43
    assert plan.edit_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(WorkshopPlan.objects.filter(pk=plan.pk).values().get())
    assert plan.accepts(secret)
    assert not plan.accepts(secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    assert not plan.accepts("")


def test_share_keys_are_unguessable_and_distinct():
    keys = {make_plan()[0].share_key for _ in range(20)}
    assert len(keys) == 20
    assert all(len(key) == 16 for key in keys)


def test_run_sheet_gives_each_item_its_start_end_and_the_total():
    plan, _ = make_plan("09:30", [("Apertura", 20), ("Pausa", 15), ("Cierre", 45)])
    rows = [(r.item.title, r.starts, r.ends) for r in plan.run_sheet]
    t = datetime.time
    assert rows == [
        ("Apertura", t(9, 30), t(9, 50)),
        ("Pausa", t(9, 50), t(10, 5)),
        ("Cierre", t(10, 5), t(10, 50)),
    ]
    assert plan.total_minutes == 80
    assert plan.run_sheet.ends == t(10, 50)


def test_target_length_warns_only_when_passed():
    plan, _ = make_plan(items=[("A", 100), ("B", 30)], target=120)
    assert plan.over_target == 10
    plan.target_minutes = 130
    assert plan.over_target == 0
    plan.target_minutes = None
    assert plan.over_target == 0


def test_a_plan_may_end_exactly_at_midnight_but_not_later():
    plan, _ = make_plan("22:00", [("Noche", 120)])
    assert plan.run_sheet.ends == datetime.time(0, 0)
    with pytest.raises(ValidationError):
        editing.add_items(plan, [PlanItem(kind="break", title="Pausa", minutes=1)])
    assert plan.items.count() == 1
    with pytest.raises(ValidationError):
        make_plan("23:00", [("Tarde", 61)])
    assert not WorkshopPlan.objects.filter(start_time=datetime.time(23, 0)).exists()


def test_changing_the_start_time_past_midnight_is_refused_and_nothing_saved():
    plan, _ = make_plan("09:00", [("Largo", 480)])
    with pytest.raises(ValidationError):
        editing.update_details(plan, {"start_time": datetime.time(17, 0), "title": "Nuevo"})
    plan.refresh_from_db()
    assert plan.start_time == datetime.time(9, 0)
    assert plan.title == "Plan"


def test_at_most_sixty_items_and_a_refused_batch_adds_none():
    plan, _ = make_plan("00:00", [(f"Item {n}", 1) for n in range(58)])
    batch = [PlanItem(kind="own", title=f"Más {n}", minutes=1) for n in range(3)]
    with pytest.raises(ValidationError):
        editing.add_items(plan, batch)
    assert plan.items.count() == 58
    editing.add_items(plan, batch[:2])
    assert plan.items.count() == 60


def test_moving_and_removing_keep_positions_in_order():
    plan, _ = make_plan(items=[("A", 10), ("B", 10), ("C", 10)])
    items = {i.title: i.pk for i in plan.items.all()}
    editing.move_item(plan, items["C"], -1)
    editing.move_item(plan, items["A"], -1)  # already first: nothing happens
    assert [i.title for i in plan.items.order_by("position")] == ["A", "C", "B"]
    editing.remove_item(plan, items["C"])
    assert list(plan.items.order_by("position").values_list("title", "position")) == [
        ("A", 0),
        ("B", 1),
    ]


def test_an_item_survives_its_activity_leaving_the_curriculum(rights_activities):
    activity = rights_activities[0]
    plan, _ = make_plan()
    editing.add_items(plan, [editing.activity_item(activity)])
    activity.delete()
    item = plan.items.get()
    assert item.activity is None
    assert item.title == activity.title
    assert item.activity_gone and not item.from_curriculum
