"""Checks on what editors upload, beyond Wagtail's own.

Wagtail already refuses images whose content does not match their
extension, that are too heavy (WAGTAILIMAGES_MAX_UPLOAD_SIZE) or have too
many pixels (WAGTAILIMAGES_MAX_IMAGE_PIXELS), and documents with an
extension outside WAGTAILDOCS_EXTENSIONS or over WAGTAILDOCS_MAX_UPLOAD_SIZE.
These forms add a limit on each side of an image, and check that a
document's content is what its extension says, so a web page or a program
cannot be uploaded as "notes.pdf".
"""

import codecs
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

ZIP_MAGIC = b"PK\x03\x04"
# How a file of each allowed extension must begin.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "odt": (ZIP_MAGIC,),
    "ods": (ZIP_MAGIC,),
    "odp": (ZIP_MAGIC,),
    "docx": (ZIP_MAGIC,),
    "xlsx": (ZIP_MAGIC,),
    "pptx": (ZIP_MAGIC,),
}
TEXT_EXTENSIONS = {"txt", "csv"}
SNIFF_BYTES = 8192
# What a browser would take for a web page if it ever sniffed the file.
HTML_MARKERS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def read_start(uploaded):
    uploaded.seek(0)
    start = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return start


def check_document_content(uploaded):
    extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
    start = read_start(uploaded)
    if extension in DOCUMENT_SIGNATURES:
        if not start.startswith(DOCUMENT_SIGNATURES[extension]):
            raise ValidationError(
                _("El contenido de este archivo no es un .%(extension)s válido."),
                code="document_content_mismatch",
                params={"extension": extension},
            )
    elif extension in TEXT_EXTENSIONS:
        try:
            start.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is fine.
            if error.start < len(start) - 4:
                raise ValidationError(
                    _("Un archivo .%(extension)s debe ser texto (UTF-8)."),
                    code="document_not_text",
                    params={"extension": extension},
                ) from error
        # Browsers skip a byte order mark before they look for a page.
        text = start.removeprefix(codecs.BOM_UTF8).lstrip()
        if b"\x00" in start or text.lower().startswith(HTML_MARKERS):
            raise ValidationError(
                _("Un archivo .%(extension)s debe ser texto simple, no una página web."),
                code="document_not_text",
                params={"extension": extension},
            )


class SafeDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: every document upload in the admin."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_document_content(uploaded)
        return uploaded


class SafeImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image upload in the admin."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data and hasattr(uploaded, "image"):
            width, height = uploaded.image.get_size()
            limit = settings.TALLER_IMAGE_MAX_SIDE
            if max(width, height) > limit:
                raise ValidationError(
                    _(
                        "Esta imagen mide %(width)d × %(height)d píxeles; el máximo es "
                        "%(limit)d píxeles de lado. Redúcela antes de subirla."
                    ),
                    code="image_too_large",
                    params={"width": width, "height": height, "limit": limit},
                )
        return uploaded
