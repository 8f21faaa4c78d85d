"""Translators (Traducción) and moderators (Moderación) may use
wagtail-localize's "Traducir" and "Sincronizar páginas traducidas": both
need its global permission ``submit_translation``, which wagtail-localize
gives only to Wagtail's default Editors and Moderators groups.

Country editors (Edición: <país>) do not get it: it lets its holder
translate and sync any page, the shared curriculum included.
"""

from django.db import migrations

GROUPS = ["Traducción", "Moderación"]


def permission(apps):
    return (
        apps.get_model("auth", "Permission")
        .objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation")
        .first()
    )


def grant(apps, schema_editor):
    submit = permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(submit)


def revoke(apps, schema_editor):
    submit = permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(submit)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_search_configurations"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
