"""Two-step verification for the admin (issue 14): set up from the account
page with an authenticator app, recovery codes, asked at sign-in, and
required of administrators and moderators by a setting."""

from django.contrib.auth.models import Group, User
from django.test import Client, override_settings
from django.urls import reverse

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "una-clave-larga-de-prueba"
VERIFY = "/admin/verificacion/"


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def person(name="moderadora", *, superuser=False, group=None):
    user = User.objects.create_user(name, password=PASSWORD, is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def sign_in(client, username, token=None):
    data = {"username": username, "password": PASSWORD}
    if token is not None:
        data["otp_token"] = token
    return client.post(reverse("wagtailadmin_login"), data)


@override_settings(TALLER_REQUIRE_TWO_FACTOR=True)
def test_a_moderator_must_set_it_up_and_gets_recovery_codes():
    user = person(group="Moderators")
    client = Client()
    client.force_login(user)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)

    page = client.get(VERIFY)
    assert "Verificación en dos pasos" in page.text
    assert "<svg" in page.text  # the QR code, drawn here
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    done = client.post(VERIFY, {"token": code_for(device)})
    assert "la verificación en dos pasos está activada" in done.text
    assert done.text.count("<li><code>") == 10
    assert client.get("/admin/pages/").status_code == 200


@override_settings(TALLER_REQUIRE_TWO_FACTOR=True)
def test_an_editor_without_it_is_not_forced_and_can_choose_it_in_the_account_page():
    user = person("editora", group="Editors")
    client = Client()
    client.force_login(user)
    assert client.get("/admin/pages/").status_code == 200
    account = client.get(reverse("wagtailadmin_account"))
    assert VERIFY in account.text
    assert "Verificación en dos pasos" in account.text


@override_settings(TALLER_REQUIRE_TWO_FACTOR=True)
def test_sign_in_asks_for_the_code_once_it_is_set_up():
    user = person(superuser=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()

    response = sign_in(client, user.username)
    assert response.status_code == 200
    assert "Escribe el código de tu aplicación o un código de recuperación." in response.text
    assert "_auth_user_id" not in client.session
    wrong = "000000" if code_for(device) != "000000" else "111111"
    assert sign_in(client, user.username, wrong).status_code == 200
    assert "_auth_user_id" not in client.session
    device.throttle_reset()  # a wrong code makes the next try wait a moment

    response = sign_in(client, user.username, code_for(device))
    assert response.status_code == 302
    assert client.get("/admin/pages/").status_code == 200  # verified: no detour


@override_settings(TALLER_REQUIRE_TWO_FACTOR=True)
def test_a_recovery_code_works_once():
    user = person(superuser=True)
    enrolled = Client()
    enrolled.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
    codes_page = enrolled.post(VERIFY, {"token": code_for(device)}).text
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page for code in codes)

    assert sign_in(Client(), user.username, codes[0]).status_code == 302
    assert sign_in(Client(), user.username, codes[0]).status_code == 200  # used up
    assert StaticToken.objects.filter(device__user=user).count() == 9


@override_settings(TALLER_REQUIRE_TWO_FACTOR=True)
def test_a_session_without_the_code_is_asked_for_it_before_the_admin():
    user = person(superuser=True)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.force_login(user)  # as after signing in on the public site's form
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
    assert "Escribe el código" in client.get(VERIFY).text
    response = client.post(VERIFY + "?next=/admin/pages/", {"token": code_for(device)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@override_settings(TALLER_REQUIRE_TWO_FACTOR=False)
def test_the_setting_turns_the_requirement_off():
    client = Client()
    client.force_login(person(superuser=True))
    assert client.get("/admin/pages/").status_code == 200
