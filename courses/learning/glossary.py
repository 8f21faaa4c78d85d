"""Glossary terms in a lesson link to their short definition on the same page.

The first time a lesson's text uses a term of the glossary, the words become
a link to the definition: the term's glossary block when the lesson has one,
otherwise a short list of definitions at the end of the lesson. Without
JavaScript the link jumps to the definition and the back button returns;
with it (learning/lesson.js) the definition opens right under the words.
"""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from courses.models import GlossaryTerm

# No links inside links, headings, buttons or the self-check (whose options
# become buttons), nor inside a glossary block itself.
SKIPPED_TAGS = {"a", "button", "summary", "dfn", "h1", "h2", "h3", "h4", "h5", "h6"}
RAW_TAGS = {"script", "style"}
SKIPPED_CLASSES = {"glossary-term", "self-check"}
VOID_TAGS = {"br", "img", "hr", "input", "source", "wbr", "meta", "link", "area", "col", "embed"}


def anchor(slug):
    return f"termino-{slug}"


@dataclass
class Term:
    slug: str
    term: str
    definition: str  # plain text

    @property
    def anchor(self):
        return anchor(self.slug)


@dataclass
class LinkedBody:
    html: str
    linked: list = field(default_factory=list)  # terms linked in the text
    defined: set = field(default_factory=set)  # slugs with a glossary block here

    @property
    def extra_terms(self):
        """Linked terms whose definition is not already on the page."""
        return [term for term in self.linked if term.slug not in self.defined]


def terms_for_locale(locale_id):
    return [
        Term(t.slug, t.term, " ".join(strip_tags(t.definition).split()))
        for t in GlossaryTerm.objects.filter(locale_id=locale_id)
        if t.term.strip()
    ]


def link_terms(body_html, terms):
    linker = _Linker(terms)
    linker.feed(str(body_html))
    linker.close()
    return LinkedBody(mark_safe("".join(linker.out)), linker.linked, linker.defined)  # noqa: S308


class _Linker(HTMLParser):
    """Rewrites HTML as it reads it, changing only text outside skipped parts."""

    def __init__(self, terms):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.stack = []  # (tag, skipped)
        self.by_key = {t.term.casefold(): t for t in terms}
        self.linked, self.defined, self.seen_ids = [], set(), set()
        ordered = sorted(terms, key=lambda t: len(t.term), reverse=True)
        self.pattern = (
            re.compile(
                r"(?<!\w)(" + "|".join(re.escape(t.term) for t in ordered) + r")(?!\w)",
                re.IGNORECASE,
            )
            if ordered
            else None
        )

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        element_id = values.get("id") or ""
        if element_id.startswith("termino-"):
            if element_id in self.seen_ids:  # the same term twice: one anchor only
                text = text.replace(f'id="{element_id}"', "", 1)
            self.seen_ids.add(element_id)
            self.defined.add(element_id.removeprefix("termino-"))
        self.out.append(text)
        if tag not in VOID_TAGS:
            skipped = tag in SKIPPED_TAGS | RAW_TAGS or bool(classes & SKIPPED_CLASSES)
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in RAW_TAGS:
            self.out.append(data)
            return
        if self.skipping or self.pattern is None:
            self.out.append(html.escape(data, quote=False))
            return
        position = 0
        for match in self.pattern.finditer(data):
            term = self.by_key.get(match.group(1).casefold())
            if term is None or term in self.linked:
                continue
            self.linked.append(term)
            self.out.append(html.escape(data[position : match.start()], quote=False))
            self.out.append(
                f'<a class="term" href="#{term.anchor}" data-term>'
                f"{html.escape(match.group(1), quote=False)}</a>"
            )
            position = match.end()
        self.out.append(html.escape(data[position:], quote=False))

    def handle_entityref(self, name):  # only with convert_charrefs=False
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")
