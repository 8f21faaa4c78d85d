"""Small pages placed on big sheets, with pypdf page transformations:

- a **booklet**: A5 pages (or half-Letter) two to a side of an A4 (or
  Letter) sheet, in the order that, printed on both sides (flip on the
  short edge), folded once and stapled in the fold, reads 1, 2, 3…;
- a **card sheet**: four identical A6 cards (or quarter-Letter) on one
  sheet, with dashed cut lines; printed on both sides, each card's back
  lands behind its front, as the four copies are the same.
"""

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import DecodedStreamObject, NameObject

# Sheets in points. ISO rounds A5 and A6 down to whole millimetres, so two
# A5 pages are a little narrower than A4: they are centred on the sheet.
SHEETS = {"a4": (595.276, 841.89), "letter": (612.0, 792.0)}


def booklet_order(count):
    """The source page (0-based) for each half of each side, in printing
    order: ``[(left, right), …]`` two sides per sheet, ``None`` for a blank
    page. The count is padded to a multiple of 4 (a folded sheet holds 4)."""
    total = -(-count // 4) * 4
    sides = []
    for sheet in range(total // 4):
        front = (total - 1 - 2 * sheet, 2 * sheet)
        back = (2 * sheet + 1, total - 2 - 2 * sheet)
        sides += [front, back]
    return [tuple(n if n < count else None for n in side) for side in sides]


def impose_booklet(data, paper):
    """The PDF ``data`` (half-size pages) as a booklet on ``paper`` turned
    sideways: ``(bytes, sides)``."""
    reader = PdfReader(io.BytesIO(data))
    source = reader.pages
    width = float(source[0].mediabox.width)
    height = float(source[0].mediabox.height)
    sheet_height, sheet_width = SHEETS[paper]  # landscape
    x0, y0 = (sheet_width - 2 * width) / 2, (sheet_height - height) / 2
    writer = PdfWriter()
    for left, right in booklet_order(len(source)):
        side = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for index, offset in ((left, x0), (right, x0 + width)):
            if index is not None:
                move = Transformation().translate(offset, y0)
                side.merge_transformed_page(source[index], move)
        side.merge_page(_fold_marks(sheet_width, sheet_height))
        writer.add_page(side)
    return _bytes(writer, reader), len(writer.pages)


def impose_four_up(data, paper):
    """Each page of ``data`` (quarter-size) four times on a ``paper`` sheet,
    with dashed cut lines between the copies: ``(bytes, sheets)``."""
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    sheet_width, sheet_height = SHEETS[paper]
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        x0, y0 = (sheet_width - 2 * width) / 2, (sheet_height - 2 * height) / 2
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for x, y in ((0, height), (width, height), (0, 0), (width, 0)):
            sheet.merge_transformed_page(page, Transformation().translate(x0 + x, y0 + y))
        mid_x, mid_y = x0 + width, y0 + height
        # Dashed, mid-grey: seen to cut along, faint where a cut misses.
        sheet.merge_page(
            _drawing(
                sheet_width,
                sheet_height,
                f"q 0.5 G 0.6 w [4 3] 0 d {mid_x:.2f} 0 m {mid_x:.2f} {sheet_height:.2f} l S "
                f"0 {mid_y:.2f} m {sheet_width:.2f} {mid_y:.2f} l S Q",
            )
        )
        writer.add_page(sheet)
    return _bytes(writer, reader), len(writer.pages)


def _fold_marks(width, height):
    """Short ticks at the top and bottom of a side's middle: where to fold."""
    middle = width / 2
    return _drawing(
        width,
        height,
        f"q 0.5 G 0.6 w {middle:.2f} 0 m {middle:.2f} 12 l S "
        f"{middle:.2f} {height - 12:.2f} m {middle:.2f} {height:.2f} l S Q",
    )


def _drawing(width, height, operators):
    """A page holding only the given PDF drawing operators."""
    page = PageObject.create_blank_page(width=width, height=height)
    stream = DecodedStreamObject()
    stream.set_data(operators.encode())
    page[NameObject("/Contents")] = stream
    return page


def _bytes(writer, reader):
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(v, str)})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
