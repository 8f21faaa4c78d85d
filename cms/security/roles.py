"""Editor roles: groups created by the migration cms/migrations/0005_roles.

Page permissions in Wagtail belong to a page and the pages below it. Each
language has its own home page, so the editors of a language get their
permissions on that home page; when a home page for a language is created
(by the demo loader or by translating the site), ``grant_locale_editors``
gives its editors their permissions there.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

# Language code → group name. The migration creates the same groups.
LOCALE_EDITOR_GROUPS = {
    "es": "Edición · español",
    "pt-br": "Edición · português (Brasil)",
    "en": "Edición · English",
}
TRANSLATORS = "Traducción"
MODERATORS = "Moderación"
TRAINERS = "Facilitación"
PRIVATE_COLLECTION = "Materiales privados de facilitación"
WORKFLOW = "Revisión antes de publicar"
# Editors write and submit for review; moderators publish.
LOCALE_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")


def grant_locale_editors(home_page):
    """Give the editors of the home page's language their permissions on it."""
    name = LOCALE_EDITOR_GROUPS.get(home_page.locale.language_code)
    group = Group.objects.filter(name=name).first() if name else None
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=LOCALE_EDITOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=permission
        )
