"""How much paper does a workshop take? Prints, for each demo module in
each language, on A4:

- pages and sheets (printed on both sides) of the facilitator guide and of
  the workshop pack;
- sheets of the A5 booklets (guide and pack), imposed two pages to a side,
  to compare with the full-size sheets: a booklet should take about half;
- sheets of "Todo para imprimir" for 20 participants: the pack's guide
  once, each handout as many times as its copies say (per participant, per
  group, or for the whole workshop);
- pages less than a fifth full (courses/printing/measure.py), outside the
  covers (the first page of the guide and of the pack), in the guide, the
  pack and the handouts.

Usage: .venv/bin/python bench/print.py  (builds its own throw-away SQLite
database with the demo curriculum in a temporary folder; several minutes).
"""

import demo_site  # bench/, the script's folder

WORK = demo_site.set_up_in_process()

from courses.models import ModulePage  # noqa: E402
from courses.printing.documents import document_for  # noqa: E402
from courses.printing.measure import page_fills  # noqa: E402

PARTICIPANTS = 20
THIN = 0.2


def sheets(pages):
    return (pages + 1) // 2


def copies(handout):
    """Copies of a handout for the workshop (older code: per participant)."""
    if hasattr(handout, "copies_to_print"):
        return handout.copies_to_print(PARTICIPANTS)
    return getattr(handout, "copies_per_participant", 1) * PARTICIPANTS


def thin_pages(data, skip_first=False):
    fills = page_fills(data)[1 if skip_first else 0 :]
    return sum(1 for fill in fills if fill < THIN)


def main():
    print(f"Building a demo database in {WORK} …", flush=True)
    demo_site.load_demo()
    print(
        f"{'module':<34} {'lang':<5} {'guide p/sh':>10} {'pack p/sh':>10} "
        f"{'booklets':>9} {'all for ' + str(PARTICIPANTS):>11} {'thin':>5}"
    )
    totals = [0, 0, 0, 0, 0, 0, 0, 0]
    for module in ModulePage.objects.live().order_by("locale__language_code", "path"):
        guide = module.guide
        if guide is None or not guide.live:
            continue
        guide_pdf, guide_pages = document_for(guide, "facilitator", "a4").render_bytes()
        pack_pdf, pack_pages = document_for(guide, "pack", "a4").render_bytes()
        thin = thin_pages(guide_pdf, skip_first=True) + thin_pages(pack_pdf, skip_first=True)
        # A booklet's "pages" are the sides of its sheets.
        guide_booklet = document_for(guide, "booklet", "a4").render_bytes()[1] // 2
        pack_booklet = document_for(guide, "pack-booklet", "a4").render_bytes()[1] // 2
        handout_pages, handout_sheets = 0, 0
        for handout in module.handouts:
            data, pages = document_for(handout, "participant", "a4").render_bytes()
            thin += thin_pages(data)
            handout_pages += pages
            handout_sheets += sheets(pages) * copies(handout)
        everything = sheets(pack_pages - handout_pages) + handout_sheets
        row = [guide_pages, sheets(guide_pages), pack_pages, sheets(pack_pages)]
        row += [guide_booklet, pack_booklet, everything, thin]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(
            f"{module.title[:34]:<34} {module.locale.language_code:<5} "
            f"{guide_pages:>4}/{sheets(guide_pages):<5} {pack_pages:>4}/{sheets(pack_pages):<5} "
            f"{guide_booklet:>4}/{pack_booklet:<4} {everything:>11} {thin:>5}",
            flush=True,
        )
    g, gs, p, ps, gb, pb, e, t = totals
    print(f"{'total':<34} {'':<5} {g:>4}/{gs:<5} {p:>4}/{ps:<5} {gb:>4}/{pb:<4} {e:>11} {t:>5}")


if __name__ == "__main__":
    main()
