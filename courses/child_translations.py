"""For migrations that make a page's inline records translatable.

Existing records get their page's locale, and a ``translation_key`` made
from their page's key and their position: the records at the same place in
a page and in its translations share a key, as wagtail-localize expects of
a record and the record that translates it.
"""

import uuid


def key_by_position(model, parent_field):
    """Give every record of ``model`` (a historical model, ordered by
    ``sort_order`` within its parent) its locale and translation key."""
    records = model.objects.select_related(parent_field).order_by(
        f"{parent_field}_id", "sort_order", "pk"
    )
    position, parent_id = 0, None
    for record in records:
        parent = getattr(record, parent_field)
        position = position + 1 if parent.pk == parent_id else 0
        parent_id = parent.pk
        record.locale_id = parent.locale_id
        record.translation_key = uuid.uuid5(parent.translation_key, str(position))
        record.save(update_fields=["locale", "translation_key"])
