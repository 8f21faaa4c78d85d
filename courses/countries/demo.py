"""Demo country pages and country notes, from the TOML files in
``courses/demo/content/countries/`` (format: courses/demo/FORMAT.md,
"Countries").

Run at the end of ``load_demo_content``. All files are read and checked
before anything is written; a page is only saved (and a revision published)
when its source changed, so a second run writes nothing. Pages in other
languages are real translations (same ``translation_key`` as the Spanish
page) and are skipped, with a note, while that language has no home page.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale

from cms.models import HomePage
from courses.demo.markup import to_html
from courses.demo.sources import CONTENT_DIR, ContentError, read_toml
from courses.models import LessonPage
from courses.regions import CODES

from .models import PHONE, CountryIndexPage, CountryNote, CountryPage, HelpContact

COUNTRIES_DIR = CONTENT_DIR / "countries"
KEY_NAMESPACE = uuid.UUID("0b5c3f7e-2a9d-4e61-8f0a-7d4c2b1e9a36")
SECTIONS = ("legal_status", "rights", "if_detained", "complaints", "support")
CONTACT_FIELDS = ("name", "kind", "phone", "address", "hours", "website", "note")


def stable_key(*parts):
    """The same translation_key on every run, and for every language."""
    return uuid.uuid5(KEY_NAMESPACE, "/".join(str(p) for p in parts))


@dataclass
class Sources:
    index: dict
    countries: list  # Spanish, each with "_path"
    translations: dict = field(default_factory=dict)  # language -> {"index", "countries"}


def read_sources(folder=COUNTRIES_DIR, lesson_slugs=None):
    """Every country file, checked; ContentError naming the file otherwise."""
    if not folder.is_dir():
        return None
    lesson_slugs = demo_lesson_slugs() if lesson_slugs is None else lesson_slugs
    sources = Sources(index=_index(folder), countries=_countries(folder, lesson_slugs))
    codes = {c["code"]: c for c in sources.countries}
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if sub.name not in languages:
            raise ContentError(f"{sub}: unknown language {sub.name!r}")
        translated = _countries(sub, lesson_slugs)
        for country in translated:
            source = codes.get(country["code"])
            if source is None:
                raise ContentError(
                    f"{country['_path']}: no Spanish page for {country['code']!r} to translate"
                )
            if len(country.get("contacts", [])) != len(source.get("contacts", [])):
                raise ContentError(
                    f"{country['_path']}: has {len(country.get('contacts', []))} contacts where "
                    f"{source['_path'].name} has {len(source.get('contacts', []))}"
                )
            for a, b in zip(country.get("contacts", []), source.get("contacts", []), strict=True):
                if a.get("kind") != b.get("kind") or a.get("phone") != b.get("phone"):
                    raise ContentError(
                        f"{country['_path']}: contact {a.get('name')!r} must keep the kind "
                        "and phone of the Spanish contact in the same place"
                    )
        index = _index(sub) if (sub / "index.toml").exists() else None
        if translated and index is None:
            raise ContentError(f"{sub}: index.toml missing")
        sources.translations[sub.name] = {"index": index, "countries": translated}
    return sources


def _index(folder):
    path = folder / "index.toml"
    if not path.exists():
        raise ContentError(f"{path}: missing")
    data = read_toml(path)
    for key in ("slug", "title"):
        if not data.get(key):
            raise ContentError(f"{path}: {key} is required")
    return data


def _countries(folder, lesson_slugs):
    countries, seen = [], set()
    for path in sorted(folder.glob("*.toml")):
        if path.name == "index.toml":
            continue
        data = read_toml(path)
        data["_path"] = path
        for key in ("code", "slug", "title"):
            if not data.get(key):
                raise ContentError(f"{path}: {key} is required")
        if data["code"] not in CODES:
            raise ContentError(f"{path}: unknown country code {data['code']!r}")
        if data["code"] in seen:
            raise ContentError(f"{path}: a second page for {data['code']!r}")
        seen.add(data["code"])
        if len(data.get("card_points", [])) > 8:
            raise ContentError(f"{path}: card_points has more than eight lines")
        for contact in data.get("contacts", []):
            if not contact.get("name"):
                raise ContentError(f"{path}: a contact has no name")
            if contact.get("kind", "other") not in HelpContact.Kind.values:
                raise ContentError(f"{path}: unknown contact kind {contact.get('kind')!r}")
            if contact.get("phone") and not PHONE.match(contact["phone"]):
                raise ContentError(f"{path}: {contact['name']!r} has a malformed phone")
        for note in data.get("notes", []):
            if note.get("lesson") not in lesson_slugs:
                raise ContentError(f"{path}: a note for unknown lesson {note.get('lesson')!r}")
            if not note.get("text", "").strip():
                raise ContentError(f"{path}: the note for {note['lesson']!r} has no text")
        countries.append(data)
    return countries


def demo_lesson_slugs(content_dir=CONTENT_DIR):
    """The Spanish lesson slugs of the curriculum in ``content_dir`` (notes
    point at them)."""
    slugs = set()
    for path in (content_dir / "modules").glob("*/lessons/*.toml"):
        slug = read_toml(path).get("slug")
        if slug:
            slugs.add(slug)
    return slugs


@dataclass
class CountryLoader:
    report: object
    folder: Path = COUNTRIES_DIR
    sources: Sources | None = None
    # The lessons notes may point at: those of the curriculum being loaded
    # (``load_demo_content --content-dir``), the default demo's otherwise.
    lesson_slugs: set | None = None

    def read(self):
        self.sources = read_sources(self.folder, self.lesson_slugs)
        return self.sources

    def load(self):
        if self.sources is None and self.read() is None:
            return
        with transaction.atomic():
            default = Locale.get_default()
            home = HomePage.objects.filter(locale=default).first()
            if home is None:
                raise ContentError("no home page: load the curriculum first")
            index = self.save_index(home, self.sources.index, default)
            notes = {}
            for data in self.sources.countries:
                self.save_country(index, data)
                self.collect_notes(notes, data, default)
            for language, translated in self.sources.translations.items():
                locale, _ = Locale.objects.get_or_create(language_code=language)
                local_home = home.get_translation_or_none(locale)
                if local_home is None:
                    self.skip(
                        f"{language}: no home page in this language yet, countries not loaded"
                    )
                    continue
                local_index = self.save_index(local_home, translated["index"], locale)
                for data in translated["countries"]:
                    self.save_country(local_index, data)
                    self.collect_notes(notes, data, locale)
            for lesson, wanted in notes.items():
                self.save_notes(lesson, wanted)

    def skip(self, reason):
        skipped = getattr(self.report, "skipped", None)
        if skipped is not None:
            skipped.append(reason)

    # Pages

    def save_index(self, home, data, locale):
        return self.save_page(
            home,
            CountryIndexPage,
            stable_key("index"),
            locale,
            slug=data["slug"],
            title=data["title"],
            intro=data.get("intro", "").strip(),
        )

    def save_country(self, index, data):
        values = {
            "slug": data["slug"],
            "title": data["title"],
            "code": data["code"],
            "intro": data.get("intro", "").strip(),
            "example_content": bool(data.get("example", True)),
            "last_reviewed": data.get("last_reviewed"),
            "card_points": "\n".join(p.strip() for p in data.get("card_points", [])),
            "organisation_name": data.get("organisation", {}).get("name", ""),
            "organisation_text": data.get("organisation", {}).get("text", "").strip(),
            "organisation_contact": data.get("organisation", {}).get("contact", "").strip(),
            **{name: to_html(data.get(name, "")) for name in SECTIONS},
        }
        if isinstance(values["last_reviewed"], datetime.datetime):
            values["last_reviewed"] = values["last_reviewed"].date()
        contacts = [
            {
                "translation_key": stable_key("contact", data["code"], i),
                **{name: str(c.get(name, "")).strip() for name in CONTACT_FIELDS},
                "kind": c.get("kind", "other"),
            }
            for i, c in enumerate(data.get("contacts", []))
        ]
        return self.save_page(
            index,
            CountryPage,
            stable_key("country", data["code"]),
            index.locale,
            contacts=contacts,
            **values,
        )

    def save_page(self, parent, model, key, locale, *, contacts=None, **values):
        page = model.objects.filter(translation_key=key, locale=locale).first()
        label = f"{model._meta.verbose_name}: {values['slug']} ({locale.language_code})"
        if page is None:
            page = model(translation_key=key, locale=locale, **values)
            if contacts is not None:
                page.contacts = [HelpContact(locale=locale, **c) for c in contacts]
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.report.note("created", label)
            return page
        changed = any(getattr(page, k) != v for k, v in values.items())
        if contacts is not None and _contact_values(page) != contacts:
            changed = True
            page.contacts = [HelpContact(locale=locale, **c) for c in contacts]
        if changed:
            for k, v in values.items():
                setattr(page, k, v)
            page.save_revision().publish()
        self.report.note("updated" if changed else "unchanged", label)
        return page

    # Country notes in lessons

    def collect_notes(self, notes, data, locale):
        for note in data.get("notes", []):
            lesson = LessonPage.objects.filter(
                slug=note["lesson"], locale=Locale.get_default()
            ).first()
            if lesson is None:
                raise ContentError(f"{data['_path']}: lesson {note['lesson']!r} not loaded")
            if locale != lesson.locale:
                lesson = lesson.get_translation_or_none(locale)
                if lesson is None:
                    self.skip(f"{locale.language_code}: lesson {note['lesson']} not translated")
                    continue
            notes.setdefault(lesson.pk, []).append(
                {
                    "translation_key": stable_key("note", note["lesson"], data["code"]),
                    "country": data["code"],
                    "text": to_html(note["text"]),
                }
            )

    def save_notes(self, lesson_id, wanted):
        lesson = LessonPage.objects.get(pk=lesson_id)
        label = f"country notes: {lesson.slug} ({lesson.locale.language_code})"
        wanted = sorted(wanted, key=lambda n: n["country"])
        current = [
            {"translation_key": n.translation_key, "country": n.country, "text": n.text}
            for n in lesson.country_notes.all()
        ]
        if current == wanted:
            self.report.note("unchanged", label)
            return
        lesson.country_notes = [
            CountryNote(locale=lesson.locale, sort_order=i, **n) for i, n in enumerate(wanted)
        ]
        lesson.save_revision().publish()
        self.report.note("updated", label)


def _contact_values(page):
    return [
        {
            "translation_key": c.translation_key,
            **{name: getattr(c, name) for name in CONTACT_FIELDS},
        }
        for c in page.contacts.all()
    ]
