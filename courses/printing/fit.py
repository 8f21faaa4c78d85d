"""Documents that fit the paper: a handout that spills onto a last, nearly
empty page is laid out again a little tighter (smaller type, closer
writing lines), once or twice, and the tighter layout is kept when it
saves the page. Most handouts then fit one sheet printed on both sides.
A pocket card is tightened until it fits its two sides, a guide until no
page after its cover is nearly empty (see each document's ``fits``)."""

from .measure import page_fills

# A last page less full than this is worth another layout to save it.
NEARLY_EMPTY = 0.4
# No page of a guide or pack should be less full than this (its cover aside).
LEAST_FILL = 0.2
# 0: as designed; 1: compact; 2: more compact (still 11.5 pt, 7 mm lines).
TIGHTNESS = (0, 1, 2)


def fitted(render, fits=None):
    """Render with ``render(tightness)`` (returning ``(bytes, pages)``) and
    return ``(bytes, pages, tightness)``: the loosest layout that
    ``fits(data, pages)`` (by default, whose last page is not nearly
    empty), else the loosest of those with the fewest pages."""
    fits = fits or last_page_is_not_nearly_empty
    tried = []
    for tightness in TIGHTNESS:
        data, pages = render(tightness)
        tried.append((pages, tightness, data))
        if pages == 1 or fits(data, pages):
            break
    pages, tightness, data = min(tried, key=lambda t: (t[0], t[1]))
    return data, pages, tightness


def last_page_is_not_nearly_empty(data, pages):
    return _fills(data)[-1] >= NEARLY_EMPTY


def no_page_is_nearly_empty(data, pages):
    """After the cover: a page holding a few lines is paper wasted."""
    return all(fill >= LEAST_FILL for fill in _fills(data)[1:])


def _fills(data):
    """How full each page is; full (nothing to save) for a PDF that cannot
    be read back."""
    try:
        return page_fills(data)
    except Exception:
        return [1.0]
