"""Which cached files a publish makes stale, and what to render again.

Documents are built from several pages (a guide holds its module's
handouts, a handout shows its module's title), so a publish anywhere in a
module is checked against every file cached for that module. A file whose
key no longer matches is deleted and, because someone used it, rendered
again. With a real background worker the page's files are also rendered
ahead of the first download (conf.warm_on_publish), on every paper: a
facilitator choosing between A4 and Letter sees the size of both before
spending data on either.
"""

from wagtail.models import Page

from . import conf, store
from .documents import NotPrintable, document_for, documents_for
from .models import PrintedFile


def current_document(record):
    """The document ``record`` would be made from today (its page live and
    still printable in that variant), or None: then the file is stale."""
    target = record.page.specific
    if not target.live:
        return None
    try:
        return document_for(target, record.variant, record.paper, record.language)
    except NotPrintable:
        return None


def holds(target, page):
    """Whether ``target``'s printed versions hold ``page``."""
    kinds = documents_for(target)
    if not kinds:
        return False
    return any(page.pk == p.pk for p in document_for(target).pages())


def refresh_after_change(page_id):
    """Delete the cached files a change of ``page_id`` made stale: (how many
    were deleted, the renders wanted again, each once)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0, []
    # The page's module (lessons, handouts and guides name theirs), else the
    # page itself (a module, a country page).
    module = getattr(page.specific, "module", None)
    scope = module or page
    records = PrintedFile.objects.filter(page__path__startswith=scope.path).select_related("page")
    stale, wanted = [], []
    for record in records:
        current = current_document(record)
        if current is None or current.key() != record.key:
            stale.append(record)
            if current is not None:
                wanted.append((record.page_id, record.variant, record.paper, record.language))
    store.forget(stale)
    if conf.warm_on_publish() and page.live:
        # The page's own, and its module's documents that hold it (the guide).
        targets = [page.specific] + [
            child
            for child in scope.get_children().live().specific()
            if child.pk != page.pk and holds(child, page)
        ]
        for target in targets:
            for variant in documents_for(target):
                for paper in conf.PAPERS:
                    wanted.append((target.pk, variant, paper, None))
    return len(stale), list(dict.fromkeys(wanted))
