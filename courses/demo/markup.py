"""The small Markdown subset the demo content is written in, turned into
Wagtail rich text (see FORMAT.md). Text is escaped first, so the source
can never inject HTML."""

import re

from django.utils.html import escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_BULLET = re.compile(r"^[-•]\s+")
_NUMBER = re.compile(r"^\d+[.)]\s+")


def inline(text):
    text = escape(text.strip())
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text)


def to_html(source):
    """Turn markup into HTML: headings, paragraphs, bulleted and numbered lists."""
    html = []
    for chunk in re.split(r"\n\s*\n", (source or "").strip()):
        chunk_lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not chunk_lines:
            continue
        html.extend(_chunk_to_html(chunk_lines))
    return "".join(html)


def _chunk_to_html(chunk_lines):
    out, paragraph, list_tag, items = [], [], None, []

    def flush_paragraph():
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def flush_list():
        nonlocal list_tag
        if list_tag:
            out.append(
                f"<{list_tag}>{''.join(f'<li>{inline(i)}</li>' for i in items)}</{list_tag}>"
            )
            items.clear()
            list_tag = None

    for line in chunk_lines:
        heading = re.match(r"^(#{2,3})\s+(.*)$", line)
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if heading:
            flush_paragraph()
            flush_list()
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif bullet or number:
            flush_paragraph()
            tag = "ul" if bullet else "ol"
            if list_tag and list_tag != tag:
                flush_list()
            list_tag = tag
            items.append(line[(bullet or number).end() :])
        elif list_tag and items:
            # A wrapped line continues the list item above it.
            items[-1] += " " + line
        else:
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return out
