"""Knobs for printing, read from Django settings with safe defaults.

Each is a plain setting so a deploy can tune it from its settings module
without touching the code: ``TALLER_PDF_TIMEOUT = 120`` and so on.
"""

from django.conf import settings

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

PAPERS = ("a4", "letter")


def timeout():
    """Seconds one render may take before it is stopped."""
    return float(getattr(settings, "TALLER_PDF_TIMEOUT", 60))


def memory_limit():
    """Bytes of extra address space one render may use before it is stopped."""
    return int(getattr(settings, "TALLER_PDF_MEMORY_MB", 768)) * 1024 * 1024


def lock_wait():
    """Seconds a request waits for another process rendering the same PDF."""
    return float(getattr(settings, "TALLER_PDF_LOCK_WAIT", timeout() + 15))


def storage_alias():
    """Which entry of STORAGES keeps the rendered files ("pdfs" when defined)."""
    alias = getattr(settings, "TALLER_PDF_STORAGE", None)
    if alias:
        return alias
    return "pdfs" if "pdfs" in getattr(settings, "STORAGES", {}) else "default"


def storage_prefix():
    return getattr(settings, "TALLER_PDF_PREFIX", "printed").strip("/")


def warm_on_publish():
    """Whether a publish renders the page's default PDFs even if nobody asked
    for them yet. ``None`` (the default) means: only when a real background
    worker runs the tasks, so publishing never waits for a render."""
    value = getattr(settings, "TALLER_PDF_WARM_ON_PUBLISH", None)
    if value is not None:
        return bool(value)
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return not type(backend).__name__.startswith(("Immediate", "Dummy"))


def redis_url():
    return getattr(settings, "REDIS_URL", "")
