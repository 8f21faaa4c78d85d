"""Printed versions of course pages: handouts, lessons, facilitator guides
and workshop packs, as cached, tagged PDFs.

One way in:

    get_printed_file(page, variant=None, paper=None, language=None)

returns the stored file (a ``PrintedFile``) for that page, rendering it
first if needed, safely and once across processes. Pages serve it through
their ``…/pdf/`` routes (pages.py); links with sizes come from
``downloads_for``; ``build_pdfs`` renders everything ahead of time.
See docs/pdfs.md.
"""


def get_printed_file(page, variant=None, paper=None, language=None):
    from . import store
    from .documents import document_for

    return store.ensure(document_for(page, variant, paper, language))
