from django.db import migrations

from courses.child_translations import make_translatable


class Migration(migrations.Migration):
    """Activities become translatable, so wagtail-localize translates them
    with their guide instead of copying the source's text over them."""

    dependencies = [
        ("courses", "0006_printed_file_content_type_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("courses", "activity", "guide")
