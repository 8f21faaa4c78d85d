"""Read the translated demo files and check that each one has its source's shape.

A translation is a copy of a Spanish file with the human text translated
(see FORMAT.md, "Translations"). Everything that is a reference rather than
text (block types, illustrations, minutes, glossary and topic slugs…) must be
left as in the source, and every list must keep its length and order, so the
loader can pair each translated value with the value it translates.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from .sources import ContentError, read_toml

# Values that are references or numbers, never text: kept exactly.
KEPT_KEYS = {
    "type",
    "image",
    "cover",
    "minutes",
    "kind",
    "correct",
    "lines",
    "topic",
    "copies",
    "copies_for",
    "people_per_group",
    "pocket_card",
}


class ShapeError(ValueError):
    pass


@dataclass
class Translation:
    """The translated files of one language, by the path of their source."""

    language: str
    folder: Path
    files: dict = field(default_factory=dict)  # relative path (str) -> data

    def get(self, *parts):
        return self.files.get("/".join(parts))


def translated_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def read_translations(content_dir):
    """Every language folder under ``translations/``, checked against the
    Spanish sources; raises ContentError naming the first wrong file."""
    root = content_dir / "translations"
    if not root.is_dir():
        return []
    languages = translated_languages()
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name not in languages:
            raise ContentError(
                f"{folder}: unknown language {folder.name!r} (expected one of "
                f"{', '.join(languages)})"
            )
        translation = Translation(folder.name, folder)
        for path in sorted(folder.rglob("*.toml")):
            relative = path.relative_to(folder).as_posix()
            source = content_dir / relative
            if not source.is_file():
                raise ContentError(f"{path}: there is no source file {relative} to translate")
            data = read_toml(path)
            try:
                check_shape(read_toml(source), data)
            except ShapeError as error:
                raise ContentError(f"{path}: differs from its source {relative}: {error}") from None
            translation.files[relative] = data
        found.append(translation)
    order = {code: i for i, code in enumerate(languages)}
    return sorted(found, key=lambda t: order[t.language])


def check_shape(source, translated, where="", parent_key=""):
    """Raise ShapeError unless ``translated`` has the structure of ``source``."""
    here = where or "the top level"
    if isinstance(source, dict):
        if not isinstance(translated, dict):
            raise ShapeError(f"{here} should be a table")
        if source.keys() != translated.keys():
            missing = sorted(source.keys() - translated.keys())
            extra = sorted(translated.keys() - source.keys())
            detail = "; ".join(
                part
                for part in (
                    missing and f"missing {', '.join(missing)}",
                    extra and f"unexpected {', '.join(extra)}",
                )
                if part
            )
            raise ShapeError(f"{here}: {detail}")
        for key, value in source.items():
            path = f"{where}.{key}" if where else key
            if key in KEPT_KEYS or _is_reference(source, key, parent_key):
                if translated[key] != value:
                    raise ShapeError(f"{path} must stay {value!r} (found {translated[key]!r})")
                continue
            check_shape(value, translated[key], path, key)
    elif isinstance(source, list):
        if not isinstance(translated, list):
            raise ShapeError(f"{here} should be a list")
        if len(source) != len(translated):
            raise ShapeError(
                f"{here} has {len(translated)} items where the source has {len(source)}"
            )
        for i, (a, b) in enumerate(zip(source, translated, strict=True)):
            check_shape(a, b, f"{where}[{i + 1}]", parent_key)
    elif type(source) is not type(translated) and not (
        isinstance(source, int | float) and isinstance(translated, int | float)
    ):
        raise ShapeError(f"{here} should be a {type(source).__name__}")


def _is_reference(table, key, parent_key):
    """Keys that point at other records: the term of a glossary block, the
    handouts an activity uses, and the slugs of topics and glossary terms."""
    if key == "term" and table.get("type") == "glossary":
        return True
    if key == "handouts" and parent_key == "activities":
        return True
    return key == "slug" and parent_key in ("topics", "glossary")
