"""The demo's source files: where they are, how they are read, and the
error that says which one is wrong (for the loader, its translations and
the country pages)."""

import tomllib
from pathlib import Path

CONTENT_DIR = Path(__file__).parent / "content"


class ContentError(ValueError):
    """The source files are wrong; the message says where and how."""


def read_toml(path):
    try:
        with path.open("rb") as source:
            return tomllib.load(source)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: {error}") from error
