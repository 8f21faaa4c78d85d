"""Two app servers against one PostgreSQL and one Redis, as when a site
scales out: a publish through either is seen by the other at once, and
the same uncached PDF asked of both at the same moment is rendered once.

Runs in CI's PostgreSQL + Redis stage; skipped elsewhere (it needs
DATABASE_URL pointing to PostgreSQL and REDIS_URL). It builds its own
database next to the test database and drops it afterwards.
"""

import os
import subprocess
import threading
import urllib.request
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench import demo_site
from tests.demo import LESSON

DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith(("postgres://", "postgresql://")) and REDIS_URL),
    reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL: run in CI's PostgreSQL + Redis stage",
)


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="module")
def database():
    import psycopg

    name = f"taller_two_servers_{uuid.uuid4().hex[:8]}"
    admin = with_database(DATABASE_URL, "postgres")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield with_database(DATABASE_URL, name)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    """The demo site, built once, served by two gunicorn processes."""
    folder = tmp_path_factory.mktemp("two-servers")
    env = demo_site.production_env(
        folder,  # one media folder for both, as S3 would be
        DATABASE_URL=database,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=folder.name,  # nothing shared with other runs
        LOG_LEVEL="INFO",
    )
    demo_site.build(env)
    started = []
    for name in ("a", "b"):
        log = open(folder / f"{name}.log", "w+")  # noqa: SIM115 - closed below
        started.append((demo_site.start_server(env, log=log), log))
    try:
        for server, _log in started:
            server.wait_until_up()
        yield {"urls": [server.url for server, _ in started], "env": env,
               "logs": [log for _, log in started]}  # fmt: skip
    finally:
        for server, log in started:
            server.stop()
            log.close()


def get(url):
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - local server
        return response.status, response.read(), dict(response.headers)


def run_orm(servers, code):
    """Run ``code`` with the servers' database, as another process would."""
    subprocess.run(
        [*demo_site.MANAGE, "shell", "-c", code],
        env=servers["env"],
        cwd=demo_site.PROJECT,
        check=True,
    )


def test_a_publish_through_one_server_is_seen_by_the_other_at_once(servers):
    first, second = servers["urls"]
    for url in (first, second):  # both have the page in the shared cache now
        assert get(url + LESSON)[0] == 200
    run_orm(
        servers,
        "from courses.models import LessonPage\n"
        f"page = LessonPage.objects.get(url_path__endswith='{LESSON.split('/')[-2]}/', "
        "locale__language_code='es')\n"
        "page.title = 'Derechos que valen siempre, edición nueva'\n"
        "page.save_revision().publish()\n",
    )
    for url in (second, first):
        assert "edición nueva" in get(url + LESSON)[1].decode()


def test_the_same_uncached_pdf_asked_of_both_at_once_is_rendered_once(servers):
    first, second = servers["urls"]
    url = LESSON + "pdf/letter/"
    results = [None, None]
    barrier = threading.Barrier(2)

    def ask(index, base):
        barrier.wait()
        results[index] = get(base + url)

    threads = [
        threading.Thread(target=ask, args=(i, base)) for i, base in enumerate((first, second))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    (status_a, body_a, _), (status_b, body_b, _) = results
    assert status_a == status_b == 200
    assert body_a == body_b and body_a.startswith(b"%PDF")
    renders = 0
    for log in servers["logs"]:
        log.seek(0)
        renders += sum("Print: rendered" in line and " letter " in line for line in log)
    assert renders == 1
