"""Public views: the workshop report form and the feedback form's entry
point for answers. Neither sets a cookie nor keeps anything about who
sent it (see antispam.py for why there is no CSRF token)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from . import antispam
from .forms import WorkshopReportForm, initial_from_query
from .models import FeedbackFormPage


@csrf_exempt
@sensitive_post_parameters()
@require_http_methods(["GET", "HEAD", "POST"])
def report_form(request):
    language = get_language()
    if request.method != "POST":
        form = WorkshopReportForm(
            initial=initial_from_query(request.GET, language), language=language
        )
        return render(request, "reports/report_form.html", {"form": form})
    if antispam.is_cross_site(request):
        raise PermissionDenied
    form = WorkshopReportForm(request.POST, language=language)
    status = 200
    if antispam.is_trap_filled(request):
        return _thanks_redirect()
    if antispam.is_over_limit(request, "report"):
        status = 429
    elif form.is_valid():
        form.save()
        return _thanks_redirect()
    else:
        status = 400
    response = render(
        request,
        "reports/report_form.html",
        {"form": form, "too_many": status == 429},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(antispam.WINDOW)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _thanks_redirect():
    # Post/redirect/get: reloading the thank-you page sends nothing twice.
    return HttpResponseRedirect(reverse("reports:report_thanks"))


@require_GET
def report_thanks(request):
    return render(request, "reports/report_thanks.html")


@csrf_exempt
@sensitive_post_parameters()
@require_http_methods(["POST"])
def feedback(request, page_id):
    """Answers to a feedback page arrive here rather than at the page's own
    address: Wagtail's page view requires a CSRF cookie for POSTs, and the
    page sets none. The page itself checks, stores and thanks."""
    page = FeedbackFormPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page.specific.serve(request)
