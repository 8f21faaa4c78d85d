"""Remember a few lookups for the length of one request.

A cold page render asks the same questions many times: which site, its
settings, which pages are private, which locale. Each answer is stable for
the duration of a request, so the first one is kept here and reused. Outside
a request (management commands, tasks, tests calling models directly)
nothing is kept and every lookup runs. Any save or delete empties the memo,
so code that writes and then reads again (the admin) sees its own change.
"""

import contextvars

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

_memo = contextvars.ContextVar("taller_request_memo", default=None)


def remembered(key, compute):
    """``compute()``, computed once per request for ``key``."""
    store = _memo.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def seed(key, value):
    """Remember ``value`` for ``key`` in this request (answered elsewhere)."""
    store = _memo.get()
    if store is not None:
        store[key] = value


class RequestMemoMiddleware:
    """Gives each request an empty memo and drops it afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


@receiver(post_save, dispatch_uid="taller_request_memo_save")
@receiver(post_delete, dispatch_uid="taller_request_memo_delete")
def forget_on_write(**kwargs):
    store = _memo.get()
    if store:
        store.clear()
