"""Logs that keep what is needed to fix the site and nothing a learner typed.

A search query, a feedback form or a link someone shared can carry personal
content in its query string. Query strings are cut from every log line, the
request object is dropped before a handler (the error e-mail to ADMINS) can
print its GET, POST, cookies or address, and error reports hide local
variables.
"""

import logging
import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

# A path followed by a query string, as it appears in log messages
# ("Not Found: /es/buscar/?q=…", "GET /es/?a=b HTTP/1.1").
QUERY_STRING = re.compile(r"(?P<path>/[^\s?#\"']*)\?[^\s\"']*")
HIDDEN = "?[…]"
# The secret part of a workshop plan's edit link (courses/planner): whoever
# reads the log could otherwise change the plan. "editar" in Spanish and
# Portuguese, "edit" in English (see courses/planner/urls.py).
PLAN_SECRET = re.compile(r"(?:(?<=/editar/)|(?<=/edit/))[A-Za-z0-9_-]{43}")


def without_query_strings(text):
    text = PLAN_SECRET.sub("[…]", text)
    return QUERY_STRING.sub(lambda match: match["path"] + HIDDEN, text)


class StripPersonalData(logging.Filter):
    """A handler filter: cut query strings, drop the request."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: keep it as it is
            return True
        record.msg = without_query_strings(message)
        record.args = ()
        if hasattr(record, "request"):
            record.request = None
        return True


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports (the debug page, the e-mail to ADMINS) without what
    visitors sent: no GET or POST values, no cookies, no addresses, no query
    string, no local variables (which hold requests and form data)."""

    hidden_meta = re.compile(
        r"QUERY_STRING|REQUEST_URI|RAW_URI|REMOTE_ADDR|REMOTE_HOST|HTTP_X_FORWARDED|"
        r"HTTP_X_REAL_IP|HTTP_FORWARDED|HTTP_CF_CONNECTING_IP|HTTP_COOKIE|HTTP_REFERER|"
        r"HTTP_USER_AGENT|HTTP_AUTHORIZATION",
        flags=re.IGNORECASE,
    )

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        return {
            key: self.cleansed_substitute if self.hidden_meta.match(key) else value
            for key, value in meta.items()
        }

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return []


class PrivateExceptionReporter(ExceptionReporter):
    """Error reports that show the path but not the query string or the
    names of uploaded files."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            data["request_GET_items"] = [(key, HIDDEN) for key in self.request.GET]
            data["request_FILES_items"] = [(key, HIDDEN) for key in self.request.FILES]
            data["request_insecure_uri"] = without_query_strings(data["request_insecure_uri"])
        return data
