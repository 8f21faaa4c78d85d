"""Response headers that tell browsers what a page may do."""

from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.utils import translation

from csp.middleware import CSPMiddleware, PolicyParts


def is_admin_path(path):
    return path.startswith(tuple(settings.TALLER_ADMIN_PATH_PREFIXES))


def is_admin_preview(request):
    """Wagtail renders a preview by sending a made-up request for the page's
    public address through the middleware (``is_dummy``); its answer is shown
    inside the admin's preview panel, so it must accept the admin as frame."""
    return getattr(request, "is_dummy", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with two policies.

    Public pages get ``CONTENT_SECURITY_POLICY``: everything from our own
    origin, no inline script or style at all. The Wagtail admin (and its
    previews, which render public templates inside the admin) gets
    ``TALLER_ADMIN_CONTENT_SECURITY_POLICY``: still our origin only, but
    Wagtail 8 writes a few inline scripts and styles of its own.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        for_admin = is_admin_path(request.path_info) or is_admin_preview(request)
        if not report_only and parts.config is None and for_admin:
            return PolicyParts(
                config=settings.TALLER_ADMIN_CONTENT_SECURITY_POLICY,
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class PreviewFrameOptionsMiddleware:
    """``X-Frame-Options: SAMEORIGIN`` on previews, which the admin shows in a
    frame of its own origin. Listed after Django's XFrameOptionsMiddleware,
    so it answers first and Django's keeps ``DENY`` for everything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_preview(request):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response


class PermissionsPolicyMiddleware:
    """Switch off the browser features no page of Taller uses (camera,
    microphone, location…), so nothing on a page can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.TALLER_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class RefuseNulBytesMiddleware:
    """A NUL byte in a path or query (``/media/images/%00``) is never a
    real address, and file storage and the database raise on it: before any
    view, a path with one is not found (the friendly 404) and a query with
    one is a bad request, instead of a 500 and an error e-mail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A host this site does not serve is a bad request (400), as Django's
        # CommonMiddleware says later; checked first, or the 404 page below
        # would build its absolute links from that host and fail with a 500.
        request.get_host()
        if "\x00" in request.path_info:
            # Refused before LocaleMiddleware: the 404 page speaks the
            # address's language (or the default), not the last request's.
            language = translation.get_language_from_path(request.path_info)
            translation.activate(language or settings.LANGUAGE_CODE)
            raise Http404("NUL byte in the path")
        if "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        return self.get_response(request)
