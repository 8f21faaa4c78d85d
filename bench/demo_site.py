"""A throw-away demo site, for the benchmarks and the two-server test.

Either built in a folder and served by gunicorn with production settings
(``production_env``, ``build``, ``start_server``), or set up in this process
with test settings (``set_up_in_process``, then ``load_demo``). Either way
it is the demo curriculum in a temporary database, nobody's real data.
"""

import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import django
from django.core.management import call_command

PROJECT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, str(PROJECT / "manage.py")]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(folder, **settings):
    """The environment of a site kept in ``folder`` (its SQLite database
    too), answering on 127.0.0.1 over plain HTTP; ``settings`` add to it or
    override it."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "throw-away-demo-site-only",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        **settings,
    }


def build(env):
    """Migrate, collect the static files and load the demo curriculum."""
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["load_demo_content"],
    ):
        subprocess.run([*MANAGE, *command, "-v0"], env=env, cwd=PROJECT, check=True)


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def wait_until_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/robots.txt", timeout=2)  # noqa: S310 - local
                return
            except OSError:
                time.sleep(0.1)
        self.process.kill()
        raise RuntimeError(f"gunicorn at {self.url} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def start_server(env, workers=1, log=None, port=None):
    """gunicorn serving the site of ``env`` on ``port`` (a free one if not
    given), its output to ``log`` (a file) when given. Call
    ``wait_until_up`` before using it."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application",
         "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
         "--no-control-socket", "--log-level", "warning"],
        env=env, cwd=PROJECT, stdout=log, stderr=subprocess.STDOUT if log else None,
    )  # fmt: skip
    return Server(f"http://127.0.0.1:{port}", process)


def set_up_in_process():
    """Django set up in this process with test settings and an empty SQLite
    database in a temporary folder (removed at exit); returns the folder.
    Call it before anything imports the settings."""
    folder = Path(tempfile.mkdtemp(prefix="taller-bench-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    os.environ["STATIC_ROOT"] = str(folder / "static")
    sys.path.insert(0, str(PROJECT))
    django.setup()
    return folder


def load_demo():
    """The demo curriculum, in the database of ``set_up_in_process``."""
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
