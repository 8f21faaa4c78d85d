"""Build the starter curriculum from the TOML sources in ``content/``.

Idempotent: every page, snippet and image is found by its slug or name and
only changed (and republished) when its source changed, so loading twice
changes nothing. Block ids are derived from the source position, which
keeps the stored JSON stable between runs.

Translations (``content/translations/<language>/``, see FORMAT.md) become
real Wagtail translations: the same ``translation_key`` as the Spanish page
or snippet, in the language's locale, under the translated parent. Their
block ids are those of the Spanish blocks they translate.
"""

import datetime
import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms.models import HomePage, SiteSettings, StandardPage
from courses.blocks import HandoutStreamBlock, LessonStreamBlock
from courses.models import (
    Activity,
    FacilitatorGuidePage,
    GlossaryPage,
    GlossaryTerm,
    HandoutPage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    Topic,
)

from . import illustrations
from .markup import inline, to_html
from .sources import CONTENT_DIR, ContentError, read_toml
from .translations import read_translations

ID_NAMESPACE = uuid.UUID("6f3c2a8e-5d41-4b7a-9a36-1c2f0e8d7b55")
IMAGE_COLLECTION_TITLE = "Taller demo"
# guide.toml names no slug (a module has one guide): one per language.
GUIDE_SLUGS = {
    "es": "guia-de-facilitacion",
    "pt-br": "guia-de-facilitacao",
    "en": "facilitator-guide",
}


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)

    def note(self, outcome, label):
        if outcome == "created":
            self.created.append(label)
        elif outcome == "updated":
            self.updated.append(label)
        else:
            self.unchanged += 1


def block_id(*parts):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def list_items(values, *id_parts):
    """ListBlock data in Wagtail's current format, with stable ids."""
    return [
        {"type": "item", "value": value, "id": block_id(*id_parts, i)}
        for i, value in enumerate(values)
    ]


def lines_text(values):
    return "\n".join(v.strip() for v in values or [])


@dataclass
class DemoLoader:
    content_dir: Path = CONTENT_DIR
    report: Report = field(default_factory=Report)

    def load(self):
        sources = self.read_sources()
        translations = read_translations(self.content_dir)
        with transaction.atomic():
            self.images = {}
            # The Spanish record behind each page key: translations find
            # their translation_key (and block ids) there.
            self.sources = {}
            self.source_topics, self.source_terms = {}, {}
            self.translating = False
            self.save_language(Locale.get_default(), sources)
            self.translating = True
            for translation in translations:
                locale, _ = Locale.objects.get_or_create(language_code=translation.language)
                self.save_language(locale, self.translated_sources(sources, translation))
        return self.report

    def save_language(self, locale, sources):
        self.locale = locale
        self.topics = {
            **self.source_topics,
            **{t["slug"]: self.save_topic(t) for t in sources["topics"]},
        }
        self.terms = {
            **self.source_terms,
            **{t["slug"]: self.save_term(t) for m in sources["modules"] for t in m["glossary"]},
        }
        if not self.translating:
            self.source_topics, self.source_terms = self.topics, self.terms
        if sources["pages"] is None:
            # Without its home page and module list, a language has nowhere
            # to put its modules: they wait until pages.toml is translated.
            if sources["modules"]:
                self.report.skipped.append(f"{locale.language_code}: pages.toml not translated")
            return
        home = self.save_home(sources["pages"]["home"])
        listing = sources["pages"]["catalogue"]
        catalogue = self.save_page(
            home,
            ModuleIndexPage,
            listing["slug"],
            ("catalogue",),
            title=listing["title"],
            show_in_menus=True,
            intro=listing.get("intro", ""),
        )
        for module in sources["modules"]:
            self.save_module(catalogue, module)
        glossary = sources["pages"]["glossary_page"]
        self.save_page(
            home,
            GlossaryPage,
            glossary["slug"],
            ("glossary",),
            title=glossary["title"],
            show_in_menus=True,
            intro=glossary.get("intro", ""),
        )
        for i, page in enumerate(sources["pages"].get("pages", [])):
            self.save_page(
                home,
                StandardPage,
                page["slug"],
                ("page", i),
                title=page["title"],
                show_in_menus=True,
                intro=page.get("intro", ""),
                body=to_html(page.get("body", "")),
            )

    # Reading and checking the sources before anything is written

    def read_sources(self):
        root = self.content_dir
        if not root.is_dir():
            raise ContentError(f"{root}: content folder not found")
        topics = read_toml(root / "topics.toml").get("topics", [])
        pages = read_toml(root / "pages.toml")
        modules = []
        for folder in sorted(p for p in (root / "modules").iterdir() if p.is_dir()):
            module = read_toml(folder / "module.toml")
            module.setdefault("glossary", [])
            # Module-wide handouts: inline in module.toml, or one file each
            # under handouts/ (for longer sheets such as evaluations).
            module.setdefault("handouts", [])
            for i, handout in enumerate(module["handouts"]):
                handout["_key"] = ("handout", folder.name, "module.toml", i)
            for path in sorted((folder / "handouts").glob("*.toml")):
                handout = read_toml(path)
                handout["_file"] = path.name
                handout["_key"] = ("handout", folder.name, "handouts", path.name)
                module["handouts"].append(handout)
            module["lessons"] = []
            for path in sorted((folder / "lessons").glob("*.toml")):
                lesson = read_toml(path)
                lesson["_file"] = path.name
                lesson["_key"] = ("lesson", folder.name, path.name)
                for i, handout in enumerate(lesson.get("handouts", [])):
                    handout["_key"] = ("handout", folder.name, path.name, i)
                module["lessons"].append(lesson)
            guide_path = folder / "guide.toml"
            module["guide"] = read_toml(guide_path) if guide_path.exists() else None
            module["_folder"] = folder.name
            modules.append(module)
        self.check(topics, modules)
        return {"topics": topics, "pages": pages, "modules": modules}

    def translated_sources(self, sources, translation):
        """The Spanish sources' structure, holding the translated files that
        exist; each translated page carries the key of the page it translates."""
        topics = (translation.get("topics.toml") or {}).get("topics", [])
        modules = []
        for source in sources["modules"]:
            base = f"modules/{source['_folder']}"
            translated = translation.get(base, "module.toml")
            if translated is None:
                if any(name.startswith(base + "/") for name in translation.files):
                    self.report.skipped.append(
                        f"{translation.language}: {base}/module.toml missing"
                    )
                continue
            module = {**translated, "_folder": source["_folder"]}
            module.setdefault("glossary", [])
            inline = [h for h in source["handouts"] if "_file" not in h]
            module["handouts"] = _paired(inline, translated.get("handouts", []))
            for handout in source["handouts"]:
                if "_file" in handout:
                    file = translation.get(base, "handouts", handout["_file"])
                    module["handouts"] += _paired([handout], [file] if file else [])
            module["lessons"] = []
            for lesson in source["lessons"]:
                file = translation.get(base, "lessons", lesson["_file"])
                if file:
                    module["lessons"].append(
                        {
                            **file,
                            "_key": lesson["_key"],
                            "handouts": _paired(
                                lesson.get("handouts", []), file.get("handouts", [])
                            ),
                        }
                    )
            module["guide"] = translation.get(base, "guide.toml")
            modules.append(module)
        return {"topics": topics, "pages": translation.get("pages.toml"), "modules": modules}

    def check(self, topics, modules):
        topic_slugs = {t["slug"] for t in topics}
        terms = [t["slug"] for m in modules for t in m["glossary"]]
        duplicates = {slug for slug in terms if terms.count(slug) > 1}
        if duplicates:
            raise ContentError(f"glossary terms defined twice: {', '.join(sorted(duplicates))}")
        for module in modules:
            where = module["_folder"]
            if module.get("topic") and module["topic"] not in topic_slugs:
                raise ContentError(f"{where}: unknown topic {module['topic']!r}")
            for name in [module.get("cover")] + [
                b.get("image") for lesson in module["lessons"] for b in lesson.get("body", [])
            ]:
                if name and name not in illustrations.DRAWINGS:
                    raise ContentError(f"{where}: unknown illustration {name!r}")
            for lesson in module["lessons"]:
                for block in lesson.get("body", []):
                    if block.get("type") == "glossary" and block.get("term") not in terms:
                        raise ContentError(
                            f"{where}/{lesson['slug']}: unknown glossary term {block.get('term')!r}"
                        )
            handouts = {h["slug"] for h in module["handouts"]} | {
                h["slug"] for lesson in module["lessons"] for h in lesson.get("handouts", [])
            }
            for activity in (module["guide"] or {}).get("activities", []):
                missing = set(activity.get("handouts", [])) - handouts
                if missing:
                    raise ContentError(
                        f"{where}/guide.toml: {activity['title']!r} uses unknown handouts "
                        f"{', '.join(sorted(missing))}"
                    )
                if activity.get("kind", "discussion") not in Activity.Kind.values:
                    raise ContentError(f"{where}/guide.toml: unknown kind {activity['kind']!r}")

    # Snippets and images

    def save_topic(self, data):
        return self.save_snippet(
            Topic, data["slug"], name=data["name"], description=data.get("description", "")
        )

    def save_term(self, data):
        return self.save_snippet(
            GlossaryTerm,
            data["slug"],
            term=data["term"],
            definition=f"<p>{inline(data['definition'])}</p>",
        )

    def save_snippet(self, model, slug, **values):
        instance = model.objects.filter(slug=slug, locale=self.locale).first()
        outcome = "unchanged"
        if instance is None:
            instance = model(slug=slug, locale=self.locale, **values)
            if self.translating:
                # A topic or term not in the Spanish sources cannot reach
                # here: translated files keep the source's slugs.
                sources = self.source_topics if model is Topic else self.source_terms
                instance.translation_key = sources[slug].translation_key
            outcome = "created"
        elif any(getattr(instance, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(instance, key, value)
            outcome = "updated"
        if outcome != "unchanged":
            instance.save()
        self.report.note(outcome, f"{model._meta.verbose_name}: {slug} ({self.locale})")
        return instance

    def image(self, name):
        if name not in self.images:
            Image = get_image_model()
            title = f"{IMAGE_COLLECTION_TITLE}: {name}"
            image = Image.objects.filter(title=title).first()
            if image is None:
                png = illustrations.render_png(name)
                image = Image(title=title)
                image.file = ImageFile(io.BytesIO(png), name=f"{name}.png")
                image.save()
                self.report.note("created", f"image: {name}")
            self.images[name] = image
        return self.images[name]

    # Pages

    def save_home(self, data):
        if self.translating:
            return self.save_translated_home(data)
        home = HomePage.objects.filter(locale=self.locale).first()
        values = {
            "title": data["title"],
            "intro": data.get("intro", ""),
            "body": to_html(data.get("body", "")),
            "learners_title": data.get("learners_title", ""),
            "learners_text": data.get("learners_text", ""),
            "trainers_title": data.get("trainers_title", ""),
            "trainers_text": data.get("trainers_text", ""),
        }
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install leaves a "Welcome" page at slug "home": replace it.
            for welcome in root.get_children().filter(slug="home"):
                if welcome.specific_class is Page and not welcome.get_children().exists():
                    welcome.delete()
            home = root.add_child(instance=HomePage(slug="inicio", locale=self.locale, **values))
            home.save_revision().publish()
            self.report.note("created", "home page")
        else:
            self.update_page(home, values, "home page")
        self.sources[("home",)] = home
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Taller",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        # Create the site's settings now (with their defaults) rather than on
        # the first visit, which would empty the page cache it fills.
        SiteSettings.for_site(site)
        return home

    def save_translated_home(self, data):
        """A home page per language, next to the Spanish one under the root:
        Wagtail serves it at the language's prefix of the same site."""
        source = self.sources[("home",)]
        return self.save_page(
            Page.get_first_root_node(),
            HomePage,
            f"{source.slug}-{self.locale.language_code}",
            ("home",),
            title=data["title"],
            intro=data.get("intro", ""),
            body=to_html(data.get("body", "")),
            learners_title=data.get("learners_title", ""),
            learners_text=data.get("learners_text", ""),
            trainers_title=data.get("trainers_title", ""),
            trainers_text=data.get("trainers_text", ""),
        )

    def save_page(self, parent, model, slug, key, *, activities=None, **values):
        """Create the child page ``slug`` of ``parent``, or update it if its
        source changed; publish either way. ``key`` names the source page
        (for example ``("lesson", folder, file)``), so a translation finds
        the Spanish page it translates."""
        label = f"{model._meta.verbose_name}: {slug}"
        translation_key = None
        if self.translating:
            translation_key = self.sources[key].translation_key
            page = model.objects.filter(translation_key=translation_key, locale=self.locale).first()
            values["slug"] = slug  # translated slugs may change
        else:
            page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(**{"slug": slug, **values}, locale=self.locale)
            if translation_key:
                page.translation_key = translation_key
            if activities is not None:
                page.activities = [Activity(**a) for a in activities]
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.report.note("created", label)
        else:
            self.update_page(page, values, label, activities)
        if not self.translating:
            self.sources[key] = page
        return page

    def block_owner(self, data):
        """What block ids derive from: the Spanish page's slug, so a
        translated block has the id of the block it translates."""
        return self.sources[data["_key"]].slug if self.translating else data["slug"]

    def update_page(self, page, values, label, activities=None):
        changed = any(_differs(page, key, value) for key, value in values.items())
        existing = list(page.activities.all()) if activities is not None else []
        if activities is not None and [_activity_values(a) for a in existing] != activities:
            # Update activities in place, so their ids (which plans may point
            # to) survive an edit of the source.
            changed = True
            updated = []
            for i, data in enumerate(activities):
                activity = existing[i] if i < len(existing) else Activity()
                for key, value in data.items():
                    setattr(activity, key, value)
                updated.append(activity)
            page.activities = updated
        if changed:
            for key, value in values.items():
                setattr(page, key, value)
            page.save_revision().publish()
        self.report.note("updated" if changed else "unchanged", label)

    def save_module(self, catalogue, data):
        folder = data["_folder"]
        module = self.save_page(
            catalogue,
            ModulePage,
            data["slug"],
            ("module", folder),
            title=data["title"],
            topic=self.topics.get(data.get("topic")),
            summary=data.get("summary", ""),
            introduction=to_html(data.get("introduction", "")),
            objectives=lines_text(data.get("objectives")),
            audience=data.get("audience", ""),
            cover_image=self.image(data["cover"]) if data.get("cover") else None,
        )
        if data.get("cover") and data.get("cover_alt") and not self.translating:
            # Cover images are described once, on the image itself.
            image = module.cover_image
            if image.description != data["cover_alt"]:
                image.description = data["cover_alt"]
                image.save(update_fields=["description"])
        # By the Spanish slug, which activities name.
        handouts = {}
        for handout in data["handouts"]:
            handouts[self.block_owner(handout)] = self.save_handout(module, handout)
        for lesson_data in data["lessons"]:
            lesson = self.save_page(
                module,
                LessonPage,
                lesson_data["slug"],
                lesson_data["_key"],
                title=lesson_data["title"],
                intro=lesson_data.get("intro", ""),
                objectives=lines_text(lesson_data.get("objectives")),
                body=self.stream(
                    LessonStreamBlock(), lesson_data.get("body", []), self.block_owner(lesson_data)
                ),
            )
            for handout in lesson_data.get("handouts", []):
                handouts[self.block_owner(handout)] = self.save_handout(lesson, handout)
        if data["guide"]:
            self.save_guide(module, data["guide"], handouts, folder)

    def save_handout(self, parent, data):
        return self.save_page(
            parent,
            HandoutPage,
            data["slug"],
            data["_key"],
            title=data["title"],
            intro=data.get("intro", ""),
            body=self.stream(HandoutStreamBlock(), data.get("body", []), self.block_owner(data)),
            copies=data.get("copies", 1),
            copies_for=data.get("copies_for", "participant"),
            people_per_group=data.get("people_per_group", 5),
            pocket_card=data.get("pocket_card", False),
        )

    def save_guide(self, module, data, handouts, folder):
        keys = self.activity_keys(module, folder, len(data.get("activities", [])))
        activities = [
            {
                "title": a["title"],
                "minutes": int(a["minutes"]),
                "kind": a.get("kind", "discussion"),
                "objectives": a.get("objectives", "").strip(),
                "group_size": a.get("group_size", ""),
                "materials": lines_text(a.get("materials")),
                "preparation": a.get("preparation", "").strip(),
                "steps": lines_text(a.get("steps")),
                "facilitator_notes": to_html(a.get("facilitator_notes", "")),
                "safety_note": to_html(a.get("safety_note", "")),
                "opt_out": to_html(a.get("opt_out", "")),
                "debrief": to_html(a.get("debrief", "")),
                "participant_instructions": lines_text(a.get("participant_instructions")),
                "key_message": a.get("key_message", "").strip(),
                # A translated guide links the translated handouts; one not
                # translated yet is left out rather than linked in Spanish.
                "handouts": _by_pk(
                    handouts[slug] for slug in a.get("handouts", []) if slug in handouts
                ),
                "sort_order": i,
                "translation_key": keys[i],
            }
            for i, a in enumerate(data.get("activities", []))
        ]
        return self.save_page(
            module,
            FacilitatorGuidePage,
            GUIDE_SLUGS.get(self.locale.language_code, GUIDE_SLUGS["es"]),
            ("guide", folder),
            title=data["title"],
            introduction=to_html(data.get("introduction", "")),
            preparation=lines_text(data.get("preparation")),
            start_time=datetime.time.fromisoformat(data.get("start_time", "09:00")),
            activities=activities,
        )

    def activity_keys(self, module, folder, count):
        """The ``translation_key`` of each activity: those of the Spanish
        guide's activities, at the same place, so that wagtail-localize
        pairs each translated activity with the one it translates."""
        if self.translating:
            guide = self.sources[("guide", folder)]
        else:
            guide = FacilitatorGuidePage.objects.child_of(module).first()
        keys = [activity.translation_key for activity in guide.activities.all()] if guide else []
        return keys[:count] + [uuid.uuid4() for _ in range(len(keys), count)]

    # StreamField data

    def stream(self, stream_block, blocks, owner):
        raw = [self.block_value(b, owner, i) for i, b in enumerate(blocks)]
        # Round-trip through the block so the value compares equal to what
        # Wagtail stores.
        return stream_block.get_prep_value(stream_block.to_python(raw))

    def block_value(self, block, owner, index):
        kind = block["type"]
        ident = (owner, index)
        value = {
            "text": lambda: to_html(block["text"]),
            "key_message": lambda: {"title": block["title"], "text": to_html(block["text"])},
            "help": lambda: {"title": block["title"], "text": to_html(block["text"])},
            "story": lambda: {"title": block["title"], "text": to_html(block["text"])},
            "figure": lambda: {
                "image": {
                    "image": self.image(block["image"]).pk,
                    "decorative": False,
                    "alt_text": block.get("alt", ""),
                },
                "caption": block.get("caption", ""),
            },
            "discussion": lambda: {
                "intro": block.get("intro", ""),
                "questions": list_items(block["questions"], *ident),
            },
            "self_check": lambda: {
                "question": block["question"],
                "options": list_items(
                    [
                        {
                            "text": o["text"],
                            "correct": bool(o.get("correct")),
                            "feedback": o.get("feedback", ""),
                        }
                        for o in block["options"]
                    ],
                    *ident,
                ),
                "explanation": to_html(block.get("explanation", "")),
            },
            "glossary": lambda: {"term": self.terms[block["term"]].pk},
            "checklist": lambda: {
                "title": block["title"],
                "items": list_items(block["items"], *ident),
            },
            "fill_in": lambda: {
                "title": block["title"],
                "fields": list_items(block["fields"], *ident),
                "lines": int(block.get("lines", 1)),
            },
            "facts": lambda: {
                "title": block["title"],
                "rows": list_items(
                    [{"label": r["label"], "text": r["text"]} for r in block["rows"]], *ident
                ),
            },
        }
        if kind not in value:
            raise ContentError(f"{owner}: unknown block type {kind!r}")
        return {"type": kind, "value": value[kind](), "id": block_id(*ident)}


def _by_pk(pages):
    """Linked handouts are a set: compare them in one order, whatever the
    order of the source list or of the pages in the tree."""
    return sorted(pages, key=lambda page: page.pk)


def _paired(sources, translations):
    """Translated handouts with the key of the Spanish handout each translates."""
    return [{**t, "_key": s["_key"]} for s, t in zip(sources, translations, strict=False)]


def _differs(page, key, value):
    current = getattr(page, key)
    if hasattr(current, "get_prep_value"):  # a StreamField value
        return current.get_prep_value() != value
    return current != value


def _activity_values(activity):
    return {
        "title": activity.title,
        "minutes": activity.minutes,
        "kind": activity.kind,
        "objectives": activity.objectives,
        "group_size": activity.group_size,
        "materials": activity.materials,
        "preparation": activity.preparation,
        "steps": activity.steps,
        "facilitator_notes": activity.facilitator_notes,
        "safety_note": activity.safety_note,
        "opt_out": activity.opt_out,
        "debrief": activity.debrief,
        "participant_instructions": activity.participant_instructions,
        "key_message": activity.key_message,
        "handouts": _by_pk(activity.handouts.all()),
        "sort_order": activity.sort_order,
        "translation_key": activity.translation_key,
    }
