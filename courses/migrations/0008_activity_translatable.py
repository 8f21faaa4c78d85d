import uuid

import django.db.models.deletion
from django.db import migrations, models

from courses.child_translations import key_by_position


def key_activities(apps, schema_editor):
    key_by_position(apps, apps.get_model("courses", "Activity"), "guide")


class Migration(migrations.Migration):
    """Activities become translatable, so wagtail-localize translates them
    with their guide instead of copying the source's text over them."""

    dependencies = [
        ("courses", "0006_printed_file_content_type_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="activity",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(key_activities, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="activity",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="activity",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="activity",
            unique_together={("translation_key", "locale")},
        ),
    ]
