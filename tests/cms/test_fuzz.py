"""Fuzzing every public URL and form with Hypothesis (issue 7): malformed
paths, query strings, form posts and headers get a 4xx or a normal page,
never a 500, and anonymous requests write nothing to the database (no
half-written record, no session, no cookie)."""

from urllib.parse import quote, urlencode

from django.apps import apps
from django.test import Client
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Where signing in is the point: these may set a CSRF cookie and count
# failed attempts (django-axes), but must never create a session.
LOGIN_PATHS = ("/admin/login/", "/es/_util/login/")
# Written on purpose: failed logins, by network; image sizes made the first
# time a page shows them (a cache, derived from the images).
EXPECTED_WRITES = {"axes.AccessAttempt", "axes.AccessAttemptExpiration", "wagtailimages.Rendition"}


def public_urls():
    """Every published page, and every URL of the site's own views that
    needs no argument (search, robots, sitemap, learner tools…)."""
    urls = {page.url for page in Page.objects.live().specific() if page.depth > 1}
    resolver = get_resolver()
    names = [name for name in resolver.reverse_dict if isinstance(name, str)]
    for namespace, (_, sub) in resolver.namespace_dict.items():
        if not namespace.startswith("wagtail"):
            names += [f"{namespace}:{name}" for name in sub.reverse_dict if isinstance(name, str)]
    with translation.override("es"):
        for name in names:
            try:
                urls.add(reverse(name))
            except NoReverseMatch:
                continue
    urls = {url for url in urls if not url.startswith("/admin/")}
    return sorted(urls | set(LOGIN_PATHS) | {"/", "/documents/1/x.pdf", "/media/images/x.png"})


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label not in EXPECTED_WRITES
    }


latin1 = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f")
any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
odd_pieces = st.sampled_from(
    ["", "..", "%", "%zz", "%00", "%2e%2e", "//", "\\", "%ff%fe", "?", "#", ";", "~", "%C0%AF"]
)
path_suffix = st.lists(st.one_of(odd_pieces, any_text.map(quote)), max_size=4).map("/".join)
query_string = st.one_of(
    st.lists(st.tuples(any_text, any_text), max_size=5).map(urlencode),
    st.lists(st.one_of(odd_pieces, st.text(latin1, max_size=20)), max_size=6).map("&".join),
    st.sampled_from(
        [
            "q=" + "x" * 5000,
            "pagina=-1",
            "pagina=99999999999999999999",
            "pagina=1e9",
            "tema=%00",
            "tema[]=a&tema[]=b",
            "q=%ff",
            "q=' OR 1=1 --",
            "q=<script>alert(1)</script>",
        ]
    ),
)
header_values = st.one_of(
    st.text(latin1, max_size=80),
    st.sampled_from(["", "\t", "*", "es-AR;q=abc, xx;q=-1", "gzip;q=2", "bytes=5-1", "a" * 8000]),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": header_values,
        "HTTP_ACCEPT_ENCODING": header_values,
        "HTTP_COOKIE": header_values,
        "HTTP_USER_AGENT": header_values,
        "HTTP_REFERER": header_values,
        "HTTP_IF_NONE_MATCH": header_values,
        "HTTP_IF_MODIFIED_SINCE": header_values,
        "HTTP_RANGE": header_values,
        "HTTP_X_FORWARDED_FOR": header_values,
        "HTTP_X_FORWARDED_PROTO": header_values,
        "HTTP_HOST": st.sampled_from(
            ["testserver", "localhost", "evil.example", "", "[::1", "a b"]
        ),
    },
)
form_data = st.dictionaries(
    st.sampled_from(["q", "username", "password", "next", "csrfmiddlewaretoken", "modulo", "x"])
    | any_text,
    st.one_of(any_text, st.text(latin1, max_size=300), st.sampled_from(["", "0", "-1", "null"])),
    max_size=6,
)


@pytest.fixture(scope="module")
def urls(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return public_urls()


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_malformed_requests_never_cause_a_500_or_a_write(urls, data):
    client = Client(raise_request_exception=False)
    url = data.draw(st.sampled_from(urls), label="url")
    if data.draw(st.booleans(), label="add a suffix"):
        url = url.rstrip("/") + "/" + data.draw(path_suffix, label="suffix")
    query = data.draw(query_string, label="query")
    target = f"{url}?{query}" if query else url
    method = data.draw(st.sampled_from(["get", "head", "post", "put", "delete", "options"]))
    extra = data.draw(headers, label="headers")
    before = row_counts()
    if method == "post":
        if data.draw(st.booleans(), label="raw body"):
            response = client.post(
                target,
                data=data.draw(st.binary(max_size=500)),
                content_type=data.draw(
                    st.sampled_from(
                        [
                            "application/x-www-form-urlencoded",
                            "multipart/form-data; boundary=x",
                            "multipart/form-data",
                            "application/json",
                            "text/plain",
                        ]
                    )
                ),
                **extra,
            )
        else:
            response = client.post(target, data=data.draw(form_data), **extra)
    else:
        response = getattr(client, method)(target, **extra)
    assert response.status_code < 500, (method, target, extra, response.status_code)
    assert row_counts() == before, (method, target)
    assert "_auth_user_id" not in client.session
    if not url.startswith(LOGIN_PATHS):
        assert not response.cookies, (method, target, response.cookies)
