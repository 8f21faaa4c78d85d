"""Django's file cache, for a single machine without Redis, minus one cost.

Before every write, Django's FileBasedCache lists its whole folder to see
whether it is full. With thousands of entries (pages, PDFs' sizes, Wagtail's
renditions) that listing costs more than the write itself, on the first
render of every page after a publish. Here it is done at most once a minute
in each process: the cache can run over MAX_ENTRIES by what is written in a
minute, and is then trimmed as before.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_INTERVAL_SECONDS = 60


class FileCache(FileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._next_cull = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        self._next_cull = now + CULL_INTERVAL_SECONDS
        super()._cull()
