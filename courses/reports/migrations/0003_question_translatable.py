import uuid

import django.db.models.deletion
from django.db import migrations, models

from courses.child_translations import key_by_position


def key_questions(apps, schema_editor):
    key_by_position(apps, apps.get_model("reports", "FeedbackFormField"), "page")


class Migration(migrations.Migration):
    """A feedback form's questions become translatable, so wagtail-localize
    translates them with their page instead of copying the source's over them."""

    dependencies = [
        ("reports", "0002_report_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedbackformfield",
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
            model_name="feedbackformfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(key_questions, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="feedbackformfield",
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
            model_name="feedbackformfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="feedbackformfield",
            unique_together={("translation_key", "locale")},
        ),
    ]
