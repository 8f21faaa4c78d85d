"""Handouts that fit the paper: a handout that spills onto a last, nearly
empty page is laid out again a little tighter (smaller type, closer
writing lines), once or twice, and the tighter layout is kept when it
saves the page. Most handouts then fit one sheet printed on both sides."""

from .measure import page_fills

# A last page less full than this is worth another layout to save it.
NEARLY_EMPTY = 0.4
# 0: as designed; 1: compact; 2: more compact (still 11.5 pt, 7 mm lines).
TIGHTNESS = (0, 1, 2)


def fitted(render):
    """Render with ``render(tightness)`` (returning ``(bytes, pages)``) and
    return ``(bytes, pages, tightness)``: the loosest layout whose last page
    is not nearly empty, else the loosest of those with the fewest pages."""
    tried = []
    for tightness in TIGHTNESS:
        data, pages = render(tightness)
        tried.append((pages, tightness, data))
        if pages == 1 or _last_page_fill(data) >= NEARLY_EMPTY:
            break
    pages, tightness, data = min(tried, key=lambda t: (t[0], t[1]))
    return data, pages, tightness


def _last_page_fill(data):
    """How full the last page is; 1 (nothing to save) for a PDF that cannot
    be read back."""
    try:
        return page_fills(data)[-1]
    except Exception:
        return 1.0
