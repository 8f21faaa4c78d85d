"""Static files as they are sent: our own CSS and JavaScript lose their
comments and spare whitespace when collected; then WhiteNoise hashes and
compresses them as usual.

The sources stay commented for people to read, while learners on paid mobile
data get about a quarter fewer bytes (see docs/performance.md). Files of
other packages (Wagtail's admin) are left exactly as they ship.
"""

from pathlib import Path

from django.conf import settings

import rcssmin
import rjsmin
from whitenoise.storage import CompressedManifestStaticFilesStorage

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def is_ours(storage):
    location = getattr(storage, "location", None)
    if not location:
        return False
    base = Path(settings.BASE_DIR).resolve()
    path = Path(location).resolve()
    return path.is_relative_to(base) and ".venv" not in path.parts


class MinifyingStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def post_process(self, paths, dry_run=False, **options):
        if not dry_run:
            for name, (storage, _source) in paths.items():
                minify = MINIFIERS.get(Path(name).suffix)
                if minify and is_ours(storage):
                    target = Path(self.path(name))
                    target.write_text(minify(target.read_text(encoding="utf-8")), encoding="utf-8")
                    # Hash and compress the minified copy, not the source.
                    paths[name] = (self, name)
        yield from super().post_process(paths, dry_run, **options)
