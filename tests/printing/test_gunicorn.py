"""The shipped gunicorn configuration never kills a worker in the middle of
a render: its timeout is above the longest a printed file's request may
take (waiting for another render of it, then rendering it)."""

from pathlib import Path

from django.conf import settings

from gunicorn.app.base import Application

from courses.printing import conf


class Loaded(Application):
    """gunicorn reading the project's configuration file as it does at start."""

    def __init__(self, path):
        self.path = path
        super().__init__()

    def init(self, parser, opts, args):
        return None

    def load_config(self):
        self.load_config_from_file(self.path)

    def load(self):
        return None


def test_the_gunicorn_timeout_is_above_the_render_limits_and_there_is_no_control_socket():
    loaded = Loaded(str(Path(settings.BASE_DIR) / "gunicorn.conf.py")).cfg
    assert loaded.timeout > conf.lock_wait() + conf.timeout()
    assert loaded.control_socket_disable is True
    assert loaded.worker_class_str == "sync"
    assert loaded.workers >= 2
