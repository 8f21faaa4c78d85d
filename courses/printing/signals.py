"""Publishing, unpublishing or moving a page refreshes its printed files,
once the change is committed."""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published, page_unpublished

from .tasks import refresh_printed_files


def _refresh_later(sender, instance, **kwargs):
    transaction.on_commit(partial(refresh_printed_files.enqueue, instance.pk))


def connect():
    page_published.connect(_refresh_later, dispatch_uid="taller-printing-published")
    page_unpublished.connect(_refresh_later, dispatch_uid="taller-printing-unpublished")
