"""The pack's download links (with their size once cached) and serving the
files. Rendering goes to the task queue (tasks.py), then through the
printing store: once, under its lock."""

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header

from cms import clients
from courses.printing import conf, store
from courses.printing.bounded import RenderError
from courses.printing.documents import paper_label, paper_of
from courses.printing.models import PrintedFile
from courses.printing.store import RenderBusy

from .pack import plan_pack, remember
from .tasks import QUEUED, QUEUED_SECONDS, render_plan_pack

logger = logging.getLogger(__name__)

# A render costs seconds of CPU, and each edit of a plan makes a new file:
# renders (not cached downloads) are limited per client and for the site.
RENDER_RATE, RENDER_SITE_RATE, RENDER_WINDOW = 20, 200, 600
PREPARING_REFRESH = 10  # seconds before the "being prepared" page reloads


@dataclass
class PackLink:
    url: str
    kind: str
    paper: str
    paper_label: str
    is_default_paper: bool
    size: int | None = None
    pages: int | None = None


def pack_documents(plan):
    """Every document the plan offers: the PDF, and the ZIP when its
    activities use handouts; default paper first."""
    first = plan_pack(plan, "pdf", "a4")
    paper = paper_of(first.site_settings)
    papers = [paper] + [p for p in conf.PAPERS if p != paper]
    kinds = ["pdf", "zip"] if first.handouts else ["pdf"]
    site, site_settings = first.site, first.site_settings
    return [
        (kind, p, plan_pack(plan, kind, p, site, site_settings)) for kind in kinds for p in papers
    ]


def pack_downloads(plan):
    if not plan.item_list:
        return []
    documents = pack_documents(plan)
    keys = [document.key() for _kind, _paper, document in documents]
    cached = {r.key: r for r in PrintedFile.objects.filter(key__in=keys)}
    links = []
    for (kind, paper, _document), key in zip(documents, keys, strict=True):
        record = cached.get(key)
        links.append(
            PackLink(
                url=reverse("planner:pack_paper", args=[plan.share_key, kind, paper]),
                kind=kind,
                paper=paper,
                paper_label=paper_label(paper),
                is_default_paper=paper == documents[0][1],
                size=record.size if record else None,
                pages=record.pages if record else None,
            )
        )
    return links


def serve_pack(request, plan, kind, paper=None):
    """The plan's pack if it is ready; else it is queued for rendering (at
    most once at a time) and the visitor gets a page that says so and comes
    back by itself. Whatever the plan's size, this request does no render."""
    if not plan.item_list:
        raise Http404("empty plan")
    matches = [
        (p, document)
        for k, p, document in pack_documents(plan)
        if k == kind and (paper is None or p == paper)
    ]
    if not matches:
        raise Http404("no such pack")
    paper, document = matches[0]
    key = document.key()
    try:
        ready = store.finished(key)
    except RenderError as error:  # it failed a moment ago: not again yet
        return _failure(request, plan, error)
    if ready is None:
        queued = cache.add(QUEUED + key, True, QUEUED_SECONDS)
        if queued:
            if not clients.allow(
                request, "planner-pack", RENDER_RATE, RENDER_SITE_RATE, RENDER_WINDOW
            ):
                cache.delete(QUEUED + key)
                return _failure(request, plan, RenderBusy(""), status=429)
            render_plan_pack.enqueue(plan.pk, kind, paper)
            ready = store.lookup(key)  # the immediate backend has made it already
        if ready is None:
            return _preparing(request, plan)
    try:
        record, source = store.open_rendered(document)
    except RenderError as error:
        logger.error("Planner: pack %s of plan %s failed: %s", kind, plan.pk, error)
        return _failure(request, plan, error)
    remember(plan, record)
    with source:
        response = HttpResponse(source.read(), content_type=record.content_type)
    response["Content-Length"] = str(record.size)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=document.extension != "pdf", filename=document.file_name
    )
    return response


def _preparing(request, plan):
    """202 and a page that reloads itself (no JavaScript) until the file is ready."""
    response = render(
        request,
        "planner/pack_preparing.html",
        {"plan": plan, "refresh": PREPARING_REFRESH},
        status=202,
    )
    response["Retry-After"] = str(PREPARING_REFRESH)
    return response


def _failure(request, plan, error, status=503):
    busy = isinstance(error, RenderBusy)
    response = render(
        request,
        "planner/pack_problem.html",
        {"plan": plan, "busy": busy, "message": str(error), "limited": status == 429},
        status=status,
    )
    response["Retry-After"] = "60" if busy else "600"
    return response
