import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def test_local_admin_gets_a_generated_password_shown_once(capsys):
    call_command("create_local_admin")
    out = capsys.readouterr().out
    password = re.search(r"password:\s+(\S+)", out).group(1)
    assert len(password) >= 16
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)

    call_command("create_local_admin")
    out = capsys.readouterr().out
    assert "already exists" in out
    assert password not in out


def test_two_machines_get_different_passwords(capsys):
    call_command("create_local_admin", username="one")
    call_command("create_local_admin", username="two")
    passwords = re.findall(r"password:\s+(\S+)", capsys.readouterr().out)
    assert len(set(passwords)) == 2
