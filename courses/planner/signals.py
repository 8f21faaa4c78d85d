"""A publish or unpublish in the curriculum frees the plan packs it made
stale, once the change is committed (see tasks.forget_stale_plan_packs)."""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published, page_unpublished

from .tasks import forget_stale_plan_packs


def _forget_later(sender, instance, **kwargs):
    transaction.on_commit(partial(forget_stale_plan_packs.enqueue, instance.pk))


def connect():
    page_published.connect(_forget_later, dispatch_uid="taller-planner-published")
    page_unpublished.connect(_forget_later, dispatch_uid="taller-planner-unpublished")
