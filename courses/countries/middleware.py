"""Old addresses that name the country in another language's word
(``/en/…?pais=bo``) move permanently to this language's (``?country=bo``).
Before the page cache, which reads only the right word."""

from django.http import HttpResponsePermanentRedirect

from .choice import address_with_parameter_renamed


class CountryParameterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            address = address_with_parameter_renamed(request)
            if address is not None:
                return HttpResponsePermanentRedirect(address)
        return self.get_response(request)
