"""For migrations that make a page's inline records translatable.

Existing records get their page's locale, and a ``translation_key`` made
from their page's key and their position: the records at the same place in
a page and in its translations share a key, as wagtail-localize expects of
a record and the record that translates it.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def key_by_position(apps, model, page_field):
    """Give every record of ``model`` (a historical model, ordered by
    ``sort_order`` within its page) its locale and translation key."""
    Page = apps.get_model("wagtailcore", "Page")
    page_id = f"{page_field}_id"
    records = list(model.objects.order_by(page_id, "sort_order", "pk"))
    # Read from Page itself: some page classes cannot be built in a migration.
    pages = Page.objects.filter(pk__in={getattr(r, page_id) for r in records})
    pages = {page.pk: page for page in pages.only("locale_id", "translation_key")}
    position, previous = 0, None
    for record in records:
        page = pages[getattr(record, page_id)]
        position = position + 1 if page.pk == previous else 0
        previous = page.pk
        record.locale_id = page.locale_id
        record.translation_key = uuid.uuid5(page.translation_key, str(position))
        record.save(update_fields=["locale", "translation_key"])


def make_translatable(app_label, model_name, page_field):
    """The operations that add TranslatableMixin's fields to ``model_name``:
    nullable first, filled in by position, then required and unique."""

    def key_records(apps, schema_editor):
        key_by_position(apps, apps.get_model(app_label, model_name), page_field)

    def locale(null):
        return models.ForeignKey(
            editable=False,
            null=null,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="wagtailcore.locale",
            verbose_name="locale",
        )

    return [
        migrations.AddField(model_name=model_name, name="locale", field=locale(null=True)),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(key_records, migrations.RunPython.noop),
        migrations.AlterField(model_name=model_name, name="locale", field=locale(null=False)),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]
