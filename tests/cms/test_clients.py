"""Who a request comes from, for the per-client limits: the trusted
proxy's header is believed only from the proxy, and one client cannot use
up the site's budget for everybody."""

import ipaddress

from django.test import Client, RequestFactory, override_settings

import pytest

from cms import clients
from courses.reports.models import WorkshopReport
from tests.reports.test_form import URL, valid


def address_of(**meta):
    return clients.client_address(RequestFactory().get("/", **meta))


def test_the_header_is_believed_only_from_a_trusted_proxy():
    from_proxy = address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.9")
    assert from_proxy == ipaddress.ip_address("198.51.100.9")
    from_anyone = address_of(REMOTE_ADDR="203.0.113.4", HTTP_X_REAL_IP="198.51.100.9")
    assert from_anyone == ipaddress.ip_address("203.0.113.4")


@override_settings(TALLER_TRUSTED_PROXIES=["10.0.0.0/8"])
def test_trusted_proxies_are_networks():
    assert address_of(REMOTE_ADDR="10.4.5.6", HTTP_X_REAL_IP="198.51.100.9") == (
        ipaddress.ip_address("198.51.100.9")
    )
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.9") == (
        ipaddress.ip_address("127.0.0.1")
    )


@override_settings(
    TALLER_CLIENT_ADDRESS_HEADER="X-Forwarded-For", TALLER_TRUSTED_PROXIES=["127.0.0.1"]
)
def test_with_x_forwarded_for_a_client_cannot_choose_its_address():
    # The client wrote the first entry itself; the proxy appended the real one.
    forwarded = "192.0.2.1, 198.51.100.9"
    assert address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded) == (
        ipaddress.ip_address("198.51.100.9")
    )


def test_a_missing_or_broken_header_falls_back_to_the_peer():
    assert address_of(REMOTE_ADDR="127.0.0.1") == ipaddress.ip_address("127.0.0.1")
    broken = address_of(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="<script>")
    assert broken == ipaddress.ip_address("127.0.0.1")


def test_the_key_names_no_address():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.9")
    key = clients.client_key(request)
    assert "198" not in key and len(key) == 24


@pytest.mark.django_db
def test_junk_from_one_client_does_not_block_a_real_report_from_another():
    """Behind the proxy: 200 junk posts (none saved) from one client, then a
    real workshop report from another client is filed."""
    junk = Client()
    for _ in range(200):
        response = junk.post(
            URL, {"notas": "spam"}, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.66"
        )
        assert response.status_code in (400, 429)
    assert not WorkshopReport.objects.exists()
    response = Client().post(URL, valid(), REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.30")
    assert response.status_code == 302
    assert WorkshopReport.objects.count() == 1
