"""Which release of the code is running, for cache keys.

A deploy must not keep serving HTML (or anything else long-lived) made by
the previous code: the release goes into those keys. It comes from the
``RELEASE`` environment variable when the deployment sets one (a version or
a commit), otherwise from a hash of the files that shape a page: the code,
its templates, static files and compiled translations. Hashed once, when the
settings load (a few tens of milliseconds).
"""

import hashlib
from pathlib import Path

SHAPING_FOLDERS = ("cms", "courses", "templates")
SKIPPED = {"__pycache__", "migrations", "demo"}  # content and schema, not the page's shape


def code_hash(base_dir):
    """A short hash of every file under the folders that shape a page."""
    digest = hashlib.sha256()
    base_dir = Path(base_dir)
    for folder in SHAPING_FOLDERS:
        for path in sorted((base_dir / folder).rglob("*")):
            relative = path.relative_to(base_dir)
            if not path.is_file() or SKIPPED & set(relative.parts) or path.suffix == ".pyc":
                continue
            digest.update(str(relative).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
