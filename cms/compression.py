from django.middleware.gzip import GZipMiddleware


class HtmlGZipMiddleware(GZipMiddleware):
    """Compress text responses when no proxy does it, but never the admin.

    Admin pages carry CSRF tokens and compression of secrets beside text an
    attacker controls is what the BREACH attack exploits; public pages hold
    no secrets. Static files are already compressed by WhiteNoise, and
    binary files (images, PDFs) would not shrink.
    """

    def process_response(self, request, response):
        if request.path.startswith("/admin/"):
            return response
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(("text/", "application/xml", "application/json")):
            return response
        return super().process_response(request, response)
