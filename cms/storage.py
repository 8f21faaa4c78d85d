"""S3-compatible storage whose files are addressed on the site's own origin.

Visitors must never contact another origin (a bucket's host would see their
address and what they read), so uploaded files are linked as /media/… and
served from there: by Django (SERVE_MEDIA=true) or by a reverse proxy that
forwards /media/images/ to the bucket.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from storages.backends.s3 import S3Storage


class SameOriginS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)
