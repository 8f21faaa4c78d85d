from django.core.management import call_command

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the starter curriculum once into the test database: most tests
    read it, and each test still runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database is rolled back
    after a test, and cached pages must not outlive what they show."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def clean_print_cache():
    """Failed renders are remembered in the cache for a while: forget them
    after the test too, as database ids (and so cache keys) come back after
    each rollback."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fake_renders(monkeypatch):
    """Skip WeasyPrint where only the bookkeeping is under test: each
    render returns a one-page fake PDF and is counted."""
    from courses.printing.documents import PrintDocument

    calls = []

    def fake(document):
        calls.append(document)
        return b"%PDF-1.7 fake " + document.key().encode(), 1

    monkeypatch.setattr(PrintDocument, "render_bytes", fake)
    return calls
