"""The file cache (one machine without Redis) lists its folder, to trim it,
at most once a minute instead of before every write."""

import time

from cms import file_cache
from cms.file_cache import FileCache


def test_writes_do_not_list_the_folder_each_time_and_the_cache_is_still_trimmed(
    tmp_path, monkeypatch
):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 4, "CULL_FREQUENCY": 2}})
    listings = []
    list_files = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or list_files())

    for n in range(10):
        cache.set(f"key-{n}", n)
    assert len(listings) == 1  # the first write only
    assert cache.get("key-9") == 9
    assert len(list(tmp_path.glob("*.djcache"))) == 10  # over the limit, for now

    a_minute_later = time.monotonic() + file_cache.CULL_INTERVAL_SECONDS + 1
    monkeypatch.setattr(file_cache.time, "monotonic", lambda: a_minute_later)
    cache.set("key-10", 10)
    assert len(listings) == 2
    assert len(list(tmp_path.glob("*.djcache"))) == 6  # half of ten removed, one written
    assert cache.get("key-10") == 10
