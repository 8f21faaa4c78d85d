"""Each national organisation edits its own country.

``manage.py create_country_editors`` makes one group per country with
Wagtail's own page permissions on that country's pages, in every language
(their help contacts are inlines, so they come along), and on the lessons,
where the group may change only the country notes for its country. Editing
is not publishing: the network's moderators publish, through Wagtail's
workflow ("Moderators approval").

The notes rule lives in a permission per country, ``countries.notes_<code>``
("may change the notes for Bolivia"): Django's own, shown and granted in
the admin's group editor. ``countries.change_countrynote`` means "all
countries"; the command gives it to Wagtail's Editors and Moderators.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from wagtail.models import GroupPagePermission, Page

from courses.models import LessonPage
from courses.regions import country_name

from .models import CountryNote, CountryPage

FULL_EDITOR_GROUPS = ("Editors", "Moderators")


def notes_codename(code):
    return f"notes_{code}"


def group_name(code):
    return _("Edición: %(country)s") % {"country": country_name(code)}


def notes_permission(code):
    permission, _created = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(CountryNote),
        codename=notes_codename(code),
        defaults={"name": f"Can change the notes for {country_name(code)}"},
    )
    return permission


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def create_country_editors():
    """One group per country that has a page; idempotent. Returns the groups."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    change_page = page_permission("change_page")
    every_country = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(CountryNote), codename="change_countrynote"
    )
    for name in FULL_EDITOR_GROUPS:
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(every_country)
    lessons = list(LessonPage.objects.all())
    groups = []
    codes = sorted(set(CountryPage.objects.values_list("code", flat=True)))
    for code in codes:
        group, _created = Group.objects.get_or_create(name=group_name(code))
        group.permissions.add(access_admin, notes_permission(code))
        pages = list(CountryPage.objects.filter(code=code)) + lessons
        for page in pages:
            GroupPagePermission.objects.get_or_create(
                group=group, page=Page.objects.get(pk=page.pk), permission=change_page
            )
        groups.append(group)
    return groups
