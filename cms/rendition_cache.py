"""The cache Wagtail keeps image renditions in (its "renditions" alias).

Wagtail 8.0 reads a picture's renditions from the cache with ``get_many``,
then writes back every one it did not mark as read from the cache, and it
does not mark those. So every first render after a publish rewrote them
all: nine writes for one picture in three formats and three widths, each a
file written and renamed with the file cache. Marking what ``get_many``
found, as Wagtail marks renditions it already holds, stops those writes.
"""

from django_redis.cache import RedisCache

from .file_cache import FileCache


class MarksWhatItFound:
    def get_many(self, keys, version=None):
        found = super().get_many(keys, version=version)
        for rendition in found.values():
            rendition._from_cache = True  # Wagtail then leaves it out of set_many
        return found


class FileRenditionCache(MarksWhatItFound, FileCache):
    pass


class RedisRenditionCache(MarksWhatItFound, RedisCache):
    pass
