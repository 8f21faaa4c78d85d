"""Rendered files in storage, recorded in the database, rendered once.

``ensure(document)`` is the heart of printing: return the stored file for
this exact document, or render it, with one renderer at a time per file
across every process. The file is saved completely before its row is
written, so a crash half-way leaves an orphan file, never a broken download.
"""

import hashlib
import logging
import time

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import conf, privacy
from .bounded import RenderError
from .locks import render_lock
from .models import PrintedFile, RenderLock

logger = logging.getLogger(__name__)

FAILURE_MEMORY = 120  # seconds a failed render is remembered, so a queue of
# requests does not retry a pathological page one after another
POLL = 0.1


class RenderBusy(RenderError):
    """The file is not ready yet (another process is still rendering it, or
    storage lost it twice): the visitor is asked to try again soon."""

    def __init__(self, message=None):
        if message is None:
            message = _("El PDF se está preparando. Prueba de nuevo en un minuto.")
        super().__init__(message)


def storage():
    return storages[conf.storage_alias()]


def lookup(key):
    return PrintedFile.objects.filter(key=key).first()


def finished(key):
    """The stored file for ``key`` if there is one; raises the recent failure
    if its last render failed; None while it still has to be made."""
    record = lookup(key)
    if record is None:
        failure = cache.get(_failure_key(key))
        if failure:
            raise RenderError(failure)
    return record


def ensure(document, *, wait=None):
    """The PrintedFile for ``document``, rendering it if needed. Checks
    first that the document holds nothing its readers may not read: when a
    file is made and every time it is served."""
    privacy.check(document.privacy_owner(), document.pages())
    key = document.key()
    record = finished(key)
    if record is not None:
        return record
    wait = conf.lock_wait() if wait is None else wait
    lock = render_lock(key, ttl=_lock_ttl(document))
    deadline = time.monotonic() + wait
    while not lock.acquire():
        time.sleep(POLL)
        record = finished(key)
        if record is not None:
            return record
        if time.monotonic() > deadline:
            raise RenderBusy()
    try:
        record = lookup(key)  # rendered by someone else while we waited
        if record is not None:
            return record
        try:
            data, pages = document.render_bytes()
        except RenderError as error:
            cache.set(_failure_key(key), str(error), FAILURE_MEMORY)
            raise
        # One line per render: how operators (and the two-server test) see
        # that concurrent first requests rendered a file once.
        logger.info(
            "Print: rendered %s %s %s (%d bytes)",
            document.page.pk if document.page else "-",
            document.variant,
            document.paper,
            len(data),
        )
        return save(document, key, data, pages)
    finally:
        lock.release()


def save(document, key, data, pages):
    name = f"{conf.storage_prefix()}/{key[:2]}/{key}.{document.extension}"
    files = storage()
    if files.exists(name):  # an orphan from a crash: replace it
        files.delete(name)
    saved = files.save(name, ContentFile(data))
    try:
        with transaction.atomic():
            record = PrintedFile.objects.create(
                key=key,
                page=document.page,
                revision_id=getattr(document.page, "live_revision_id", None),
                variant=document.variant,
                paper=document.paper,
                language=document.language,
                file_name=saved,
                content_type=document.content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                pages=pages,
            )
    except IntegrityError:
        # Only if two processes raced without the lock (an expired lock).
        files.delete(saved)
        return lookup(key)
    return record


def open_rendered(document):
    """The document's record and its file opened for reading, rendered or
    taken from the cache. If storage lost the file, it is rendered once more;
    raises RenderBusy if that second try lost it too."""
    record = ensure(document)
    source = read(record)
    if source is None:
        record = ensure(document)
        source = read(record)
    if source is None:
        raise RenderBusy()
    return record, source


def read(record):
    """The stored file opened for reading, or None if storage lost it
    (the row is then dropped, so the next request renders it again)."""
    try:
        return storage().open(record.file_name, "rb")
    except (FileNotFoundError, OSError):
        logger.warning("Print: %s is missing from storage; it will be rendered again", record)
        forget([record])
        return None


def forget(records):
    """Delete records and their files."""
    files = storage()
    for record in records:
        try:
            files.delete(record.file_name)
        except Exception:  # already gone, or storage down: the row goes anyway
            logger.warning("Print: could not delete %s", record.file_name)
        PrintedFile.objects.filter(pk=record.pk).delete()


def stored_names():
    """Every file name under the printed files' folder in storage."""
    files, prefix = storage(), conf.storage_prefix()
    try:
        folders, names = files.listdir(prefix)
    except FileNotFoundError:  # nothing was ever stored
        return []
    found = [f"{prefix}/{name}" for name in names]
    for folder in folders:
        found += [f"{prefix}/{folder}/{name}" for name in files.listdir(f"{prefix}/{folder}")[1]]
    return found


def orphans():
    """Stored files that no row points to (a crash between saving a file and
    recording it), leaving out those a render is writing right now."""
    recorded = set(PrintedFile.objects.values_list("file_name", flat=True))
    held = RenderLock.objects.filter(expires_at__gt=timezone.now())
    rendering = set(held.values_list("key", flat=True))
    return [
        name
        for name in stored_names()
        if name not in recorded and name.rsplit("/", 1)[-1].split(".")[0] not in rendering
    ]


def _failure_key(key):
    return f"taller:print-failed:{key}"


def _lock_ttl(document):
    parts = 1 + len(getattr(document, "handouts", []) or [])
    return int(conf.timeout() * (parts + 1) + 30)
