"""The planner's request rules, without the database: which POSTs count as
cross-site, and log lines that never show an edit secret."""

import pytest

from cms.crosssite import is_cross_site
from cms.security.logs import without_query_strings

SECRET = "Hc3br9LYwlTfWbeQBVvGk5dkDgcRxexJtFodki7MvIw"


@pytest.mark.parametrize(
    ("headers", "cross"),
    [
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, True),  # a sibling subdomain is another site
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, True),
        ({"HTTP_ORIGIN": "http://testserver"}, False),
        ({"HTTP_ORIGIN": "https://evil.example"}, True),
        ({"HTTP_ORIGIN": "null"}, True),
        ({}, False),  # not a browser form: nothing to forge
    ],
)
def test_cross_site_posts_are_recognised(rf, headers, cross):
    assert is_cross_site(rf.post("/es/planificador/", **headers)) is cross


def test_log_lines_hide_the_edit_secret():
    line = f"Not Found: /es/planificador/qwEnN-w4h0dZqYX9/editar/{SECRET}/anadir/"
    cleaned = without_query_strings(line)
    assert SECRET not in cleaned
    assert cleaned == "Not Found: /es/planificador/qwEnN-w4h0dZqYX9/editar/[…]/anadir/"
    # In English the address has its own words, and the secret is hidden too.
    english = without_query_strings(f"GET /en/planner/qwEnN-w4h0dZqYX9/edit/{SECRET}/add/")
    assert english == "GET /en/planner/qwEnN-w4h0dZqYX9/edit/[…]/add/"
