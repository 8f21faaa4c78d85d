"""Editor roles: the groups the migration creates, what each may do, and the
review workflow (issue 7)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from wagtail.models import Collection, Locale, Page, WorkflowPage

import pytest

from cms.models import HomePage, StandardPage
from cms.security.roles import (
    LOCALE_EDITOR_GROUPS,
    MODERATORS,
    PRIVATE_COLLECTION,
    TRAINERS,
    TRANSLATORS,
    WORKFLOW,
)

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
    page = StandardPage.objects.get(slug="acerca-de")
    permissions = page.permissions_for_user(editor)
    assert editor.has_perm("wagtailadmin.access_admin")
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()


def test_editors_of_another_language_cannot_touch_spanish_pages():
    editor = member_of(LOCALE_EDITOR_GROUPS["en"])
    page = StandardPage.objects.get(slug="acerca-de")
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
    page = StandardPage.objects.get(slug="acerca-de")
    assert page.permissions_for_user(moderator).can_publish()
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == WORKFLOW and workflow.active
    assert page.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


def test_translators_edit_without_publishing():
    translator = member_of(TRANSLATORS)
    permissions = StandardPage.objects.get(slug="acerca-de").permissions_for_user(translator)
    assert permissions.can_edit() and not permissions.can_publish()


def test_trainers_sign_in_but_edit_no_page():
    trainer = member_of(TRAINERS)
    assert trainer.has_perm("wagtailadmin.access_admin")
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
