"""The two live views, for a facilitator guide (routes of the page, see
pages.py) and for a plan (planner URLs, read through the share link).

Both answer GET only and are the same for everybody: the state of a running
workshop never reaches the server."""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse

from .schedule import guide_items, plan_items


def _live(request, template, context):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return TemplateResponse(request, template, context)


def guide_context(guide):
    return {
        "page": guide,
        "title": guide.title,
        "items": guide_items(guide),
        "agenda": guide.agenda,
        # Keys the state on this device: one running workshop per guide.
        "live_key": f"guia-{guide.pk}",
        "back_url": guide.url,
        "live_url": guide.url + guide.reverse_subpage("live"),
        "projector_url": guide.url + guide.reverse_subpage("projector"),
    }


def plan_context(plan):
    return {
        "plan": plan,
        "title": plan.title,
        "items": plan_items(plan),
        "agenda": plan.run_sheet,
        "live_key": f"plan-{plan.share_key}",
        "back_url": reverse("planner:view", args=[plan.share_key]),
        "live_url": reverse("planner:live", args=[plan.share_key]),
        "projector_url": reverse("planner:projector", args=[plan.share_key]),
    }


def facilitate(request, context):
    return _live(request, "live/facilitate.html", context)


def project(request, context):
    return _live(request, "live/project.html", context)
