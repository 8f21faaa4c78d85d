"""Editor roles: the groups the migration creates, what each may do, and the
review workflow (issue 7)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, WorkflowPage

import pytest

from cms.models import HomePage
from cms.security.roles import (
    LOCALE_EDITOR_GROUPS,
    MODERATORS,
    PRIVATE_COLLECTION,
    TRAINERS,
    TRANSLATORS,
    WORKFLOW,
)
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def member_of(name):
    user = get_user_model().objects.create_user(slugify(name) + "-x", password="x")
    user.groups.add(Group.objects.get(name=name))
    return user


def test_the_migration_creates_one_group_for_each_role():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(LOCALE_EDITOR_GROUPS.values()) | {TRANSLATORS, MODERATORS, TRAINERS} <= names


def test_spanish_editors_write_spanish_pages_but_do_not_publish():
    editor = member_of(LOCALE_EDITOR_GROUPS["es"])
    page = StandardPageFactory()
    permissions = page.permissions_for_user(editor)
    assert editor.has_perm("wagtailadmin.access_admin")
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()


def test_editors_of_another_language_cannot_touch_spanish_pages():
    editor = member_of(LOCALE_EDITOR_GROUPS["en"])
    page = StandardPageFactory()
    assert not page.permissions_for_user(editor).can_edit()


def test_each_language_home_page_of_the_demo_is_its_editors_only():
    homes = {home.locale.language_code: home for home in HomePage.objects.all()}
    assert set(homes) == set(LOCALE_EDITOR_GROUPS)
    for code, group in LOCALE_EDITOR_GROUPS.items():
        editor = member_of(group)
        for other, home in homes.items():
            assert home.permissions_for_user(editor).can_edit() == (other == code), (code, other)


def test_a_new_language_home_page_is_given_to_its_editors():
    # The demo has a home page in every language: take the English one away
    # (with its tree), then translate the site into English again.
    english = Locale.objects.get(language_code="en")
    HomePage.objects.get(locale=english).delete()
    home = HomePage.objects.get(locale__language_code="es")
    translation = home.copy_for_translation(english)
    editor = member_of(LOCALE_EDITOR_GROUPS["en"])
    assert translation.permissions_for_user(editor).can_edit()
    assert not home.permissions_for_user(editor).can_edit()


def test_moderators_publish_in_every_language_and_approve_the_workflow():
    moderator = member_of(MODERATORS)
    page = StandardPageFactory()
    assert page.permissions_for_user(moderator).can_publish()
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == WORKFLOW and workflow.active
    assert page.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_translators_edit_without_publishing():
    translator = member_of(TRANSLATORS)
    permissions = StandardPageFactory().permissions_for_user(translator)
    assert permissions.can_edit() and not permissions.can_publish()


def test_trainers_sign_in_but_edit_no_page():
    trainer = member_of(TRAINERS)
    assert not trainer.has_perm("wagtailadmin.access_admin")
    # No page of any type, in any language (the countries, the feedback
    # page and every home page included): trainers use the site, the
    # planner and private materials, and edit nothing.
    pages = Page.objects.filter(depth__gt=1).specific()
    assert {type(page).__name__ for page in pages} >= {"HomePage", "CountryPage"}
    for page in pages:
        permissions = page.permissions_for_user(trainer)
        assert not permissions.can_edit(), page
        assert not permissions.can_add_subpage(), page


def test_private_materials_are_restricted_to_the_roles():
    collection = Collection.objects.get(name=PRIVATE_COLLECTION)
    restriction = collection.view_restrictions.get()
    assert restriction.restriction_type == "groups"
    groups = set(restriction.groups.values_list("name", flat=True))
    assert {TRAINERS, MODERATORS} <= groups
    assert TRANSLATORS not in groups


def test_trainers_cannot_reach_the_admin_nor_its_bulk_actions():
    """Wagtail's bulk-action pages name any page by id, drafts included:
    trainers, who need no admin, do not get there."""
    draft = StandardPageFactory()
    draft.title = "Borrador secreto de prueba"
    draft.save_revision()
    client = Client()
    client.force_login(member_of(TRAINERS))
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={draft.pk}",
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={draft.pk}",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        followed = client.get(url, follow=True)
        assert "Borrador secreto de prueba" not in followed.content.decode(), url
        assert not followed.request["PATH_INFO"].startswith("/admin/bulk/"), url


def test_trainers_still_sign_in_on_the_site_and_read_private_materials():
    trainer = member_of(TRAINERS)
    trainer.set_password("una frase larga de facilitación")
    trainer.save()
    document = get_document_model().objects.create(
        title="Guía privada",
        file=ContentFile(b"%PDF-1.4 privado", name="guia-privada.pdf"),
        collection=Collection.objects.get(name=PRIVATE_COLLECTION),
    )
    client = Client()
    refused = client.get(document.url)
    assert refused.status_code == 302 and "/_util/login/" in refused["Location"]
    signed_in = client.post(
        "/es/_util/login/",
        {"username": trainer.username, "password": "una frase larga de facilitación"},
    )
    assert signed_in.status_code == 302
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4 privado")
