"""Printed versions of pages: handouts, lessons, facilitator guides, rights
cards and workshop packs, as cached, tagged PDFs (and ZIPs of them).

A plug-in: page types declare their ``print_documents`` and printing
imports none of them. ``get_printed_file`` returns a page's stored file,
rendering it first if needed, safely and once across processes; pages serve
it through their ``…/pdf/`` routes (pages.py), ``downloads_for`` gives the
links with sizes, ``build_pdfs`` renders everything ahead of time, and a
plan's pack (a file that belongs to no page) goes through ``store.ensure``.
See docs/pdfs.md.
"""


def get_printed_file(page, variant=None, paper=None, language=None):
    # Imported here, not above: importing the package (for bounded.py or
    # conf.py, say, in a process without Django set up) loads no models.
    from .documents import document_for
    from .store import ensure

    return ensure(document_for(page, variant, paper, language))
