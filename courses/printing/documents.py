"""What can be printed: one class per kind of document.

A document knows which pages it is made of (so its cache key changes when
any of them is published again), how it is named (plainly, or discreetly
when the site asks for it) and how its HTML is built. Rendering and
caching live elsewhere; this module only describes.
"""

import hashlib
import inspect
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail.models import Page, Site

from cms.site_settings import SiteSettings

from . import conf, store
from .content import guide_context
from .fit import fitted

# Bump when a PDF must be made again for a reason no file shows (a new
# WeasyPrint, say): the layout fingerprint covers the code and templates.
FORMAT_VERSION = 1
LAYOUT_MODULES = (
    "documents.py",
    "content.py",
    "render.py",
    "fetcher.py",
    "privacy.py",
    "fit.py",
    "imposition.py",
    "cards.py",
)
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "print"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "print"

WEB_ONLY_TEMPLATES = {"links.html", "_link_meta.html", "error.html", "warmup.html"}
PAPER_CSS = {"a4": "A4", "letter": "letter"}


def paper_label(paper):
    return {"a4": pgettext("papel", "A4"), "letter": pgettext("papel", "Carta")}[paper]


class NotPrintable(Http404):
    """No such printed version of this page."""


DOCUMENT_KINDS = []  # every PrintDocument class, for the layout fingerprint


@dataclass
class PrintDocument:
    page: Page | None  # None for a file that belongs to no page (a plan's pack)
    paper: str
    language: str
    preview: bool = False
    # The page's module when the caller knows it already (a pack that looked
    # up the modules of all its handouts in one query).
    known_module: Page | None = field(default=None, compare=False, repr=False)
    # Likewise the site and its settings, for documents that belong to no
    # page or that a larger document (a guide, a pack) makes for its parts.
    known_site: Site | None = field(default=None, compare=False, repr=False)
    known_settings: object | None = field(default=None, compare=False, repr=False)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        DOCUMENT_KINDS.append(cls)

    @classmethod
    def offered_by(cls, page):
        """Whether ``page`` offers this kind: every page of a type that
        declares it, unless a kind says otherwise (pocket cards)."""
        return True

    variant = ""
    extension = "pdf"
    content_type = "application/pdf"
    template = ""

    # What the document is made of

    @cached_property
    def module(self):
        """The module the page belongs to, as the page itself says (lessons,
        handouts and guides have a ``module``); None for a page outside any
        module, or an unsaved draft in preview, which has no place in the
        tree yet."""
        if self.known_module is not None:
            return self.known_module
        try:
            return getattr(self.page, "module", None)
        except ObjectDoesNotExist:
            return None

    def pages(self):
        """The pages whose published content appears in this document."""
        return [p for p in (self.page, self.module) if p is not None]

    def privacy_owner(self):
        """The page whose readers may read this file (Wagtail checks its
        view restrictions before serving it); None for a file anyone with
        its link may read."""
        return self.page

    @cached_property
    def site(self):
        if self.known_site is not None:
            return self.known_site
        site = self.page.get_site() if self.page is not None and self.page.path else None
        if site is None and self.module is not None:
            site = self.module.get_site()
        return site or Site.objects.filter(is_default_site=True).first()

    @cached_property
    def site_settings(self):
        if self.known_settings is not None:
            return self.known_settings
        return settings_for(self.site)

    def part(self, kind, page):
        """A document of ``kind`` for ``page`` as a part of this one: same
        paper, language and draft state, and the module, site and settings
        this one has looked up already."""
        return self._sharing_lookups(kind, page, self.paper)

    def sibling(self, kind, paper):
        """Another printed version of this page, ``kind`` on ``paper``,
        sharing what this one has looked up: a page's download links look
        its module, site and settings up once."""
        return self._sharing_lookups(kind, self.page, paper)

    def _sharing_lookups(self, kind, page, paper):
        return kind(
            page,
            paper,
            self.language,
            preview=self.preview,
            known_module=self.module,
            known_site=self.site,
            known_settings=self.site_settings,
        )

    @cached_property
    def base_url(self):
        root = self.site.root_url if self.site else settings.WAGTAILADMIN_BASE_URL
        return root.rstrip("/") + "/"

    @property
    def paper_label(self):
        return paper_label(self.paper)

    @property
    def discreet(self):
        return bool(getattr(self.site_settings, "discreet_downloads", False))

    # The cache key

    def key(self):
        """A name for this exact document: pages and their published
        revisions, language, paper, variant, site settings and the print
        layout. Keyed with SECRET_KEY so storage names cannot be guessed."""
        s = self.site_settings
        parts = {
            "format": FORMAT_VERSION,
            "layout": layout_fingerprint(),
            "variant": self.variant,
            "paper": self.paper,
            "language": self.language,
            "base": self.base_url,
            "settings": [
                s.organisation_name,
                s.licence_text,
                s.licence_url,
                s.logo_id,
                self.discreet,
            ],
            "pages": [(p.pk, revision_marker(p)) for p in self.pages()],
            "extra": self.key_extra(),
        }
        encoded = json.dumps(parts, sort_keys=True, default=str)
        return salted_hmac("taller.printing", encoded, algorithm="sha256").hexdigest()

    def key_extra(self):
        return None

    # Names

    @cached_property
    def module_number(self):
        if self.module is None:
            return 0
        ids = list(
            type(self.module)
            .objects.sibling_of(self.module, inclusive=True)
            .live()
            .order_by("path")
            .values_list("pk", flat=True)
        )
        return ids.index(self.module.pk) + 1 if self.module.pk in ids else 0

    def neutral_name(self):
        """Words that say nothing about the topic: "módulo 2, hoja 3"."""
        raise NotImplementedError

    def plain_name(self):
        raise NotImplementedError

    @property
    def title(self):
        with translation.override(self.language):
            if self.discreet:
                return f"{self.site_name} · {self.neutral_name()}"
            return self.plain_name()

    @property
    def site_name(self):
        return getattr(settings, "WAGTAIL_SITE_NAME", "Taller")

    @property
    def author(self):
        if self.discreet:
            return self.site_name
        return self.site_settings.organisation_name or self.site_name

    @property
    def file_name(self):
        return self.file_name_for(None)

    def file_name_for(self, plain_name):
        """The file name, with ``plain_name`` (when given) in place of the
        document's plain name: a pack names two handouts of the same title
        apart. A discreet name stays neutral: it is unique already."""
        with translation.override(self.language):
            if self.discreet:
                stem = slugify(f"{self.site_name} {self.neutral_name()}")
            else:
                stem = slugify(plain_name or self.plain_name())
            if self.paper != "a4":
                stem += "-" + slugify(paper_label(self.paper))
        return f"{stem[:120]}.{self.extension}"

    # Rendering

    @property
    def published(self):
        dates = [p.last_published_at for p in self.pages() if p.last_published_at]
        return max(dates) if dates else timezone.now()

    def context(self):
        s = self.site_settings
        return {
            "doc": self,
            "page": self.page,
            "module": self.module,
            "site_settings": s,
            "print_css": static("print/print.css"),
            "paper_css": PAPER_CSS[self.paper],
            "running_title": (self.module or self.page).title if self.page else "",
            "licence": s.licence_text,
            "organisation": self.author,
        }

    def html(self, **extra):
        with translation.override(self.language):
            return render_to_string(self.template, {**self.context(), **extra})

    def html_parts(self):
        """(parts, cover) for render.render_pdf."""
        return [self.html()], None

    # Laid out again tighter when that saves a nearly empty page (fit.py).
    fit_to_paper = False

    def fits(self, data, pages):
        """Whether a layout fits the paper well enough to keep (fit.py)."""
        from .fit import last_page_is_not_nearly_empty

        return last_page_is_not_nearly_empty(data, pages)

    @cached_property
    def fitted(self):
        """``(bytes, pages, tightness)`` of a one-part document fitted to
        its paper (see fit.py)."""
        from .render import render_pdf  # loaded late, as in render_bytes

        return fitted(
            lambda tight: render_pdf([self.html(tightness=tight)], self.base_url), self.fits
        )

    def render_bytes(self):
        """Render now (no cache): ``(bytes, page_count)``."""
        from .render import render_pdf  # WeasyPrint is slow to import: only on a first render

        if self.fit_to_paper:
            data, pages, _tightness = self.fitted
        else:
            parts, cover = self.html_parts()
            data, pages = render_pdf(parts, self.base_url, cover=cover)
        return self.impose(data, pages)

    def impose(self, data, pages):
        """The rendered PDF placed on its sheets (booklets, card sheets):
        ``(bytes, page_count)``."""
        return data, pages


class HandoutDocument(PrintDocument):
    """A participant handout: what people take home. No facilitator notes."""

    variant = "participant"
    template = "print/handout.html"
    fit_to_paper = True

    @cached_property
    def number(self):
        handouts = self.module.handouts if self.module else []
        ids = [h.pk for h in handouts]
        return ids.index(self.page.pk) + 1 if self.page.pk in ids else 0

    def neutral_name(self):
        return _("módulo %(m)s, hoja %(n)s") % {"m": self.module_number, "n": self.number}

    def plain_name(self):
        return self.page.title


class LessonDocument(PrintDocument):
    """A lesson on paper, for participants: self-checks without answers."""

    variant = "participant"
    template = "print/lesson.html"

    def neutral_name(self):
        number = self.page.position[0] if not self.preview else None
        return _("módulo %(m)s, lección %(n)s") % {"m": self.module_number, "n": number or 0}

    def plain_name(self):
        return self.page.title


class GuideDocument(PrintDocument):
    """The facilitator guide: the module run as a workshop, with notes,
    safety guidance, the handouts as an annex and the self-check answers."""

    variant = "facilitator"
    template = "print/guide.html"
    include_handouts = True
    fit_handouts = True
    # A few lines alone on a page before the annexes: laid out a little tighter.
    fit_to_paper = True

    def fits(self, data, pages):
        from .fit import no_page_is_nearly_empty

        return no_page_is_nearly_empty(data, pages)

    @cached_property
    def handouts(self):
        return list(self.module.handouts) if self.module else []

    @cached_property
    def lessons(self):
        return list(self.module.lessons) if self.module else []

    def pages(self):
        return super().pages() + self.handouts + self.lessons

    def neutral_name(self):
        return _("módulo %(m)s, guía") % {"m": self.module_number}

    def plain_name(self):
        module = self.module.title if self.module else ""
        return _("%(module)s: guía de facilitación") % {"module": module}

    def handout_documents(self):
        return self.handout_parts

    @cached_property
    def handout_parts(self):
        # Made once: each is fitted to the paper, and a guide fitted to the
        # paper is laid out more than once.
        return [self.part(HandoutDocument, h) for h in self.handouts]

    def annex_handouts(self):
        """The handouts of the annex, each laid out as on its own (fitted to
        the paper, see fit.py); a booklet's half pages are not."""
        if not self.include_handouts:
            return []
        return [
            {"page": doc.page, "tightness": doc.fitted[2] if self.fit_handouts else 0}
            for doc in self.handout_documents()
        ]

    def context(self):
        return {
            **super().context(),
            **guide_context(self.page, self.handouts, self.lessons),
            "include_handouts": self.include_handouts,
            "annex_handouts": self.annex_handouts(),
        }


class PackDocument(PrintDocument):
    """Documents bound in one PDF: a cover on how to print them (each part's
    pages and copies), the main part, then every handout, laid out as one
    document so its page numbers run on and match the cover's contents. The
    module's workshop pack and a plan's pack are both made by this builder."""

    fit_handouts = True  # each handout laid out as on its own (fit.py)

    def main_part_name(self):
        """The first part's name in the contents: the guide, the plan."""
        raise NotImplementedError

    def handout_documents(self):
        raise NotImplementedError

    def handout_label(self, handout):
        """A handout's name in the pack's contents and bookmarks."""
        return handout.title

    def pack_parts(self):
        """The cover's contents and the handouts to lay out after the main part."""
        with translation.override(self.language):
            name = self.main_part_name()
        parts = [{"name": name, "anchor": "parte-guia", "end": "parte-guia-fin"}]
        sheets = []
        for document in self.handout_documents():
            # Laid out as on its own (a booklet's half pages are not).
            _data, pages, tightness = document.fitted if self.fit_handouts else (None, None, 0)
            handout = document.page
            label = self.handout_label(handout)
            bookmark = label if label != handout.title else ""
            sheets.append({"page": handout, "tightness": tightness, "bookmark": bookmark})
            parts.append(
                {
                    "name": label,
                    "anchor": f"hoja-{handout.pk}",
                    "end": f"hoja-{handout.pk}-fin",
                    "pages": pages,
                    "copies": handout.copies_short_label,
                }
            )
        return {"parts": parts, "pack_handouts": sheets}

    def context(self):
        return {**super().context(), **self.pack_parts()}


class PackArchiveDocument(PrintDocument):
    """Documents as separate PDFs in a ZIP (each the same cached file as its
    own download) with a plain-text note on how to print them."""

    extension = "zip"
    content_type = "application/zip"
    readme_template = ""

    def part_documents(self):
        """[(document, its name in the pack or None for its own title)]."""
        raise NotImplementedError

    def key_extra(self):
        return [document.key() for document, _label in self.part_documents()]

    def render_bytes(self):
        labelled = self.part_documents()
        labels = {id(document): label for document, label in labelled}
        archive = PdfArchive(self.published)
        rows = []
        for document, record, data in rendered_parts([d for d, _label in labelled]):
            label = labels[id(document)]
            name = archive.add(document.file_name_for(label), data)
            title = label or document.page.title
            copies = getattr(document.page, "copies_label", "")
            rows.append(
                {"file": name, "pages": record.pages, "document": document, "title": title}
                | {"copies": copies}
            )
        with translation.override(self.language):
            context = {**self.context(), "rows": rows}
            archive.add_note(render_to_string(self.readme_template, context))
        return archive.bytes(), None


class GuidePack:
    """What a module's workshop pack holds: its guide (without the handouts
    annex) and every handout of the module."""

    @cached_property
    def guide(self):
        guide = self.part(GuideDocument, self.page)
        guide.include_handouts = False  # the pack lays its handouts out itself
        return guide

    @property
    def handouts(self):
        return self.guide.handouts

    def pages(self):
        return self.guide.pages()

    def handout_documents(self):
        return self.guide.handout_documents()

    def neutral_name(self):
        return _("módulo %(m)s, paquete") % {"m": self.module_number}

    def plain_name(self):
        module = self.module.title if self.module else ""
        return _("%(module)s: paquete del taller") % {"module": module}


class ModulePackDocument(GuidePack, PackDocument):
    """The module's workshop pack as one PDF: a page on how to print it, the
    guide, then every handout, with page numbers that run on."""

    variant = "pack"
    template = "print/pack.html"
    # Fitted to the paper as the guide it holds.
    fit_to_paper = True
    fits = GuideDocument.fits

    def main_part_name(self):
        return _("Guía de facilitación")

    def context(self):
        # The guide's own context (agenda, materials, activities), then the pack's.
        return {**self.guide.context(), **super().context()}


class ModulePackZipDocument(GuidePack, PackArchiveDocument):
    """The module's workshop pack as a ZIP of the guide and handout PDFs."""

    variant = "pack-zip"
    readme_template = "print/pack_readme.txt"

    def part_documents(self):
        documents = [self.part(GuideDocument, self.page)]
        return [(document, None) for document in documents + self.handout_documents()]


def rendered_parts(documents):
    """(document, its PrintedFile, its bytes) for each document, rendered
    now or taken from the print cache (rendered again if storage lost it).
    Raises RenderBusy if storage lost a part twice: the bundle is not made
    with a part missing."""
    parts = []
    for document in documents:
        record, source = store.open_rendered(document)
        with source:
            parts.append((document, record, source.read()))
    return parts


class PdfArchive:
    """A ZIP of PDFs for a workshop, with a plain-text note on printing
    them: names made unique, dates from the content's publication (the
    same content gives the same bytes), PDFs stored as they are (they do
    not compress further), the note with Windows line ends for Notepad."""

    def __init__(self, published):
        self.stamp = timezone.localtime(published).timetuple()[:6]
        self.names = set()
        self.buffer = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buffer, "w")

    def add(self, name, data):
        """Store ``data`` under ``name`` (or ``name-2``… if taken); the name used."""
        name = _unique(name, self.names)
        self.zip.writestr(zipfile.ZipInfo(name, self.stamp), data, zipfile.ZIP_STORED)
        return name

    def add_note(self, text):
        """The "how to print" note, named in the active language."""
        name = _unique(slugify(_("como imprimir")) + ".txt", self.names)
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        self.zip.writestr(zipfile.ZipInfo(name, self.stamp), text, zipfile.ZIP_DEFLATED)

    def bytes(self):
        self.zip.close()
        return self.buffer.getvalue()


def _unique(name, taken):
    stem, dot, extension = name.rpartition(".")
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{stem}-{n}{dot}{extension}"
        n += 1
    taken.add(candidate)
    return candidate


def revision_marker(page):
    if getattr(page, "live_revision_id", None):
        return page.live_revision_id
    stamp = page.last_published_at or page.latest_revision_created_at
    return stamp.isoformat() if stamp else "draft"


@cache
def layout_fingerprint():
    """A digest of everything that decides what a PDF holds and how it looks:
    every print template and the print CSS, the printing code that builds
    and renders documents, the template tags print templates use, and the
    module of every kind of document (a page type's own, a plan's pack), so
    a deploy that changes any of them renders PDFs again. Web-only templates
    and serving code are left out."""
    digest = hashlib.sha256()
    for path in layout_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def layout_files():
    here = Path(__file__).parent
    files = [
        *sorted(TEMPLATE_DIR.rglob("*")),
        *sorted(STATIC_DIR.rglob("*")),
        *(here / name for name in LAYOUT_MODULES),
        *sorted((here.parent / "templatetags").glob("*.py")),
        *sorted({Path(inspect.getfile(kind)) for kind in DOCUMENT_KINDS}),
    ]
    return [path for path in files if path.is_file() and path.name not in WEB_ONLY_TEMPLATES]


def documents_for(page):
    """The printed versions a page offers, default first: what its page
    type declares in ``print_documents`` ({variant: document class}), less
    those this page does not offer."""
    kinds = getattr(page, "print_documents", None) or {}
    return {variant: kind for variant, kind in kinds.items() if kind.offered_by(page)}


def settings_for(site):
    return SiteSettings.for_site(site) if site else SiteSettings()


def default_paper(page=None):
    """The paper of the site the page belongs to, or of the default site
    (A4 unless set)."""
    site = page.get_site() if page is not None and page.path else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return paper_of(settings_for(site))


def paper_of(site_settings):
    paper = getattr(site_settings, "default_paper", "a4")
    return paper if paper in conf.PAPERS else "a4"


def document_for(page, variant=None, paper=None, language=None, preview=False):
    """The document for ``page`` in ``variant`` on ``paper``, or NotPrintable."""
    page = page.specific
    kinds = documents_for(page)
    if not kinds:
        raise NotPrintable(f"{type(page).__name__} has no printed version")
    variant = variant or next(iter(kinds))
    if variant not in kinds:
        raise NotPrintable(f"no {variant!r} version of {type(page).__name__}")
    paper = paper or default_paper(page)
    if paper not in conf.PAPERS:
        raise NotPrintable(f"unknown paper {paper!r}")
    language = language or page.locale.language_code
    if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})?", language):
        raise NotPrintable("bad language")
    return kinds[variant](page, paper, language, preview=preview)
