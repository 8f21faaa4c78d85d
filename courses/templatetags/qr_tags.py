"""A QR code of a module's address for printed handouts and pack covers,
drawn on the server as inline SVG (the print fetcher opens no ``data:``
URL, and an inline drawing needs no fetch at all)."""

from django import template
from django.utils.safestring import mark_safe

import segno

register = template.Library()


def module_address(module):
    """The module's address online as people type it: no scheme, no final slash."""
    url = module.get_full_url() or ""
    return url, url.split("://", 1)[-1].rstrip("/")


@register.simple_tag
def module_qr(module, doc=None):
    """``{"svg": …, "address": …}`` for ``module``, or ``None``: no module,
    or a discreet print (the address names the module's topic)."""
    if module is None or getattr(doc, "discreet", False):
        return None
    url, address = module_address(module)
    if not url:
        return None
    # The address only: nothing about who prints it or for which workshop.
    code = segno.make(url, error="m", micro=False)
    # The title is the drawing's alternative text in the tagged PDF.
    svg = code.svg_inline(
        border=2, dark="#000", light="#fff", omitsize=True, title=f"QR: {address}"
    )
    return {"svg": mark_safe(svg), "address": address, "url": url}  # noqa: S308 (segno's own drawing)
