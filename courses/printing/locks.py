"""A lock shared by every process, so concurrent first requests render once.

With Redis configured (REDIS_URL), Redis holds it; otherwise the database
does, through a row with a unique key: that works on SQLite and PostgreSQL
and needs nothing more to run. A lock expires, so a process that died
while holding it cannot block the file for ever.
"""

import contextlib
import uuid
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from django_redis import get_redis_connection
from redis.exceptions import LockError

from . import conf
from .models import RenderLock


class DatabaseLock:
    def __init__(self, key, ttl):
        self.key = key
        self.ttl = ttl
        self.owner = uuid.uuid4().hex

    def acquire(self):
        now = timezone.now()
        try:
            with transaction.atomic():
                RenderLock.objects.filter(key=self.key, expires_at__lt=now).delete()
                RenderLock.objects.create(
                    key=self.key, owner=self.owner, expires_at=now + timedelta(seconds=self.ttl)
                )
        except IntegrityError:
            return False
        except DatabaseError:  # e.g. SQLite "database is locked" under contention
            return False
        return True

    def release(self):
        RenderLock.objects.filter(key=self.key, owner=self.owner).delete()


class RedisLock:
    def __init__(self, key, ttl):
        self.lock = get_redis_connection("default").lock(
            f"taller:print-lock:{key}", timeout=ttl, blocking=False
        )

    def acquire(self):
        return bool(self.lock.acquire(blocking=False))

    def release(self):
        with contextlib.suppress(LockError):  # expired meanwhile: another may hold it now
            self.lock.release()


def render_lock(key, ttl):
    """A lock for the file ``key``, held at most ``ttl`` seconds."""
    if conf.redis_url():
        return RedisLock(key, ttl)
    return DatabaseLock(key, ttl)
