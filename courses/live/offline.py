"""What a saved module adds for whoever facilitates it: the guide page and
its two live views, rendered as an anonymous visitor gets them, so live
mode opens in a room with no connection (see courses/learning/package.py)."""

from copy import copy

from courses.models import FacilitatorGuidePage

from . import views


def live_pages(module, request):
    """``[(url, html), …]`` for the module's published guide, if any."""
    guide = FacilitatorGuidePage.objects.child_of(module).live().public().specific().first()
    if guide is None:
        return []
    context = views.guide_context(guide)
    renders = (
        (guide.url, guide.serve),
        (context["live_url"], lambda r: views.facilitate(r, context)),
        (context["projector_url"], lambda r: views.project(r, context)),
    )
    pages = []
    for url, render in renders:
        # At its own address, as the language switcher's links depend on it.
        page_request = copy(request)
        page_request.path = page_request.path_info = url
        response = render(page_request)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200:
            pages.append((url, response.content))
    return pages
