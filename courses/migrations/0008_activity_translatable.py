from django.db import migrations

from courses.child_translations import make_translatable


class Migration(migrations.Migration):
    """Activities become translatable, so wagtail-localize translates them
    with their guide instead of copying the source's text over them."""

    dependencies = [
        ("courses", "0007_handout_copies_and_pocket_card"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_translatable("courses", "activity", "guide")
