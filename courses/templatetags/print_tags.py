"""Template helpers for the print templates (templates/print/)."""

import logging
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from PIL import Image as PILImage

from courses.printing.conf import warm_on_publish
from courses.printing.downloads import downloads_for
from courses.printing.sheets import participants_from, sheets_for

register = template.Library()
logger = logging.getLogger("courses.printing")

PRINT_RENDITION = "width-1400"


@register.filter
def css_string(value):
    """``value`` as a quoted CSS string, safe inside <style>: every
    character that is not a plain letter, digit or space is escaped."""
    out = []
    for char in str(value or ""):
        if char.isalnum() and char.isascii() or char in " .,:;-_()·":
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return mark_safe('"' + "".join(out) + '"')  # noqa: S308 - every other char is escaped


@register.filter
def print_block_template(block):
    return f"print/blocks/{block.block_type}.html"


@register.simple_tag
def print_image(image, alt=None, css_class="figure__image"):
    """An <img> for print, or a clear placeholder when the file is missing
    from storage or is not a readable image: a PDF with one illustration
    missing is still useful in a workshop, a failed PDF is not."""
    if image is None:
        return ""
    alt = image.title if alt is None else alt
    try:
        rendition = image.get_rendition(PRINT_RENDITION)
        with rendition.file.open("rb") as source:
            PILImage.open(source).verify()
    except Exception as error:  # missing file, broken upload, unknown format…
        logger.warning("Print: image %s (%s) cannot be used: %s", image.pk, image.title, error)
        return format_html(
            '<div class="missing-image" role="img" aria-label="{}"><strong>{}</strong> {}</div>',
            alt,
            _("Imagen no disponible."),
            alt or image.title,
        )
    return format_html(
        '<img class="{}" src="{}" alt="{}" width="{}" height="{}">',
        css_class,
        # By storage name under MEDIA_URL, even on remote storage: the print
        # fetcher reads it through the storage API, never over the network.
        settings.MEDIA_URL + quote(rendition.file.name),
        alt,
        rendition.width,
        rendition.height,
    )


@register.simple_tag
def pdf_pending_label():
    """What a download link says while its file does not exist yet: made in
    the background when a worker runs the queue, else on the first request."""
    return _("se está preparando") if warm_on_publish() else _("se prepara al pedirlo")


@register.simple_tag(takes_context=True)
def print_downloads(context, page, *variants, module=None):
    """Download links (with sizes when cached) for ``page``: see
    courses.printing.downloads. An empty list when there is none, never an
    error on a web page."""
    try:
        return downloads_for(page, variants or None, context.get("request"), module)
    except Exception:
        logger.exception("Print: could not list downloads for page %s", page.pk)
        return []


@register.simple_tag(takes_context=True)
def print_sheets(context, page, paper):
    """Sheets to print for the workshop of ``page`` (a guide, or a module
    and its guide) for the number of participants in ``?participantes=``
    (20 by default): see courses.printing.sheets. ``{"participants": n,
    "count": Sheets or None}``, None until its files exist; never an error
    on a web page."""
    request = context.get("request")
    participants = participants_from(request.GET.get("participantes") if request else None)
    guide = getattr(page.specific, "guide", None) or page
    try:
        sheets = sheets_for(guide, paper, participants, request)
    except Exception:
        logger.exception("Print: could not count sheets for page %s", page.pk)
        sheets = None
    return {"participants": participants, "count": sheets}
