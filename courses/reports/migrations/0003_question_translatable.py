from django.db import migrations

from courses.child_translations import make_translatable


class Migration(migrations.Migration):
    """A feedback form's questions become translatable, so wagtail-localize
    translates them with their page instead of copying the source's over them."""

    dependencies = [
        ("reports", "0002_report_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("reports", "feedbackformfield", "page")
