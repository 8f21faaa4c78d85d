"""Who may read and edit workshop reports in the admin.

- Moderación: everything (they also delete spam and enter paper reports).
- Edición · <language>: read, mark as reviewed, correct.
- Facilitación (trainers) file reports through the public form and get no
  admin access to them: the list shows every trainer's workshops.

Group names are copied here on purpose (a migration must not import code
that may change). Groups that do not exist yet are created, as
cms/migrations/0005_roles does.
"""

from django.db import migrations

MODERATORS = "Moderación"
LOCALE_EDITORS = ("Edición · español", "Edición · português (Brasil)", "Edición · English")
GRANTS = {
    MODERATORS: ("add", "change", "delete", "view"),
    **{name: ("change", "view") for name in LOCALE_EDITORS},
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="reports", model="workshopreport")
    for name, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_workshopreport",
                defaults={"name": f"Can {action} informe de taller"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("cms", "0005_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
