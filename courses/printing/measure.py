"""How full each page of a PDF is, read back from the PDF itself: the
lowest ink (text, rule, box or writing line) under the running header,
as a share of the page's body. Used by the tests and the print bench to
find pages that waste paper."""

import io

from pypdf import PdfReader

# Running headers and footers sit in the page margins: ink this close to the
# bottom edge is the footer, not content.
FOOTER_SHARE = 0.075
HEADER_SHARE = 0.06


def _apply(matrix, x, y):
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def page_fill(page):
    """The share (0–1) of ``page``'s body that holds content, from the top of
    the body down to its lowest ink."""
    height = float(page.mediabox.height)
    bottom_limit = height * FOOTER_SHARE
    top_limit = height * (1 - HEADER_SHARE)
    lowest = [top_limit]

    def note(y):
        if bottom_limit < y < top_limit:
            lowest[0] = min(lowest[0], y)

    def text(value, cm, tm, font, size):
        if value.strip():
            note(_apply(cm, tm[4], tm[5])[1] if tm else cm[5])

    def operand(operator, args, cm, tm):
        if operator == b"re" and len(args) == 4:
            x, y, w, h = (float(v) for v in args)
            note(_apply(cm, x, y)[1])
            note(_apply(cm, x, y + h)[1])
        elif operator in (b"m", b"l") and len(args) == 2:
            note(_apply(cm, float(args[0]), float(args[1]))[1])

    page.extract_text(visitor_text=text, visitor_operand_before=operand)
    return (top_limit - lowest[0]) / (top_limit - bottom_limit)


def page_fills(data):
    """The fill of every page of the PDF ``data``, in order."""
    reader = PdfReader(io.BytesIO(data))
    return [round(page_fill(page), 3) for page in reader.pages]
