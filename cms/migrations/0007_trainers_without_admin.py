"""Trainers (Facilitación) lose the Wagtail admin.

They read private pages and download the private workshop materials, which
both need only a sign-in through the site's own login page; with the admin,
its bulk-action pages showed them any page's title by id, drafts included.
Their image and document "choose" permission went with it: choosing is an
admin action.
"""

from django.db import migrations

TRAINERS = "Facilitación"


def remove_admin_access(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name=TRAINERS).first()
    if group is None:
        return
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupCollectionPermission.objects.filter(
        group=group, permission__codename__in=["choose_image", "choose_document"]
    ).delete()


def restore_admin_access(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=TRAINERS).first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        for permission in Permission.objects.filter(
            codename__in=["choose_image", "choose_document"]
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_create_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(remove_admin_access, restore_admin_access),
    ]
