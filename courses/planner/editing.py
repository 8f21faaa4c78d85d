"""Every change to a plan, each in one transaction: checked first (item
count, a day's length), then written, so a refused change saves nothing.

The plan row is locked while it changes, so two tabs editing the same plan
take turns instead of mixing up positions.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MAX_ITEMS, PlanItem, WorkshopPlan, check_fits_in_a_day


def _locked(plan):
    return WorkshopPlan.objects.select_for_update().get(pk=plan.pk)


def _items(plan):
    return list(PlanItem.objects.filter(plan=plan).order_by("position", "pk"))


def _touched(plan):
    plan.last_touched_at = timezone.now()
    plan.save(update_fields=["updated_at", "last_touched_at"])


def _renumber(items):
    for position, item in enumerate(items):
        item.position = position
    PlanItem.objects.bulk_update(items, ["position"])


def create_plan(cleaned, language, items=()):
    """A new plan and its edit secret (returned once, never stored)."""
    plan = WorkshopPlan(language=language, **cleaned)
    secret = plan.set_edit_secret()
    items = list(items)
    check_fits_in_a_day(plan, sum(item.minutes for item in items))
    with transaction.atomic():
        plan.save()
        for position, item in enumerate(items):
            item.plan, item.position = plan, position
        PlanItem.objects.bulk_create(items)
    return plan, secret


def activity_item(activity):
    return PlanItem(
        kind=PlanItem.Kind.ACTIVITY,
        activity=activity,
        title=activity.title[:200],
        minutes=min(max(activity.minutes, 1), 480),
        participant_instructions="\n".join(activity.participant_list)[:4000],
    )


def update_details(plan, cleaned):
    with transaction.atomic():
        locked = _locked(plan)
        for name, value in cleaned.items():
            setattr(locked, name, value)
        check_fits_in_a_day(locked, sum(item.minutes for item in _items(locked)))
        locked.last_touched_at = timezone.now()
        locked.save()
    return locked


def add_items(plan, new_items):
    with transaction.atomic():
        locked = _locked(plan)
        items = _items(locked)
        if len(items) + len(new_items) > MAX_ITEMS:
            raise ValidationError(
                _("Un plan puede tener hasta %(n)d elementos. Quita alguno antes de añadir más.")
                % {"n": MAX_ITEMS}
            )
        check_fits_in_a_day(locked, sum(i.minutes for i in items + list(new_items)))
        for offset, item in enumerate(new_items):
            item.plan, item.position = locked, len(items) + offset
        PlanItem.objects.bulk_create(new_items)
        _touched(locked)
    return new_items


def move_item(plan, item_id, delta):
    with transaction.atomic():
        locked = _locked(plan)
        items = _items(locked)
        index = _index(items, item_id)
        target = index + delta
        if 0 <= target < len(items):
            items.insert(target, items.pop(index))
            _renumber(items)
            _touched(locked)


def remove_item(plan, item_id):
    with transaction.atomic():
        locked = _locked(plan)
        items = _items(locked)
        item = items.pop(_index(items, item_id))
        item.delete()
        _renumber(items)
        _touched(locked)


def change_item(plan, item_id, cleaned):
    with transaction.atomic():
        locked = _locked(plan)
        items = _items(locked)
        item = items[_index(items, item_id)]
        item.minutes = cleaned["minutes"]
        item.notes = cleaned.get("notes", "")
        if item.kind != PlanItem.Kind.ACTIVITY and cleaned.get("title"):
            item.title = cleaned["title"]
        check_fits_in_a_day(locked, sum(i.minutes for i in items))
        item.save()
        _touched(locked)
    return item


class NoSuchItem(LookupError):
    pass


def _index(items, item_id):
    for index, item in enumerate(items):
        if item.pk == item_id:
            return index
    raise NoSuchItem(item_id)
