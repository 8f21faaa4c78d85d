"""PostgreSQL text search configurations for each language of the site:
the language's stemmer after ``unaccent``, so "policia" finds "policía" and
"derecho" finds "derechos" (cms/search_backend.py uses them). Nothing to do
on other databases.

``unaccent`` is a trusted extension (PostgreSQL 13+): the database's owner
may create it. Run ``manage.py update_index`` after this migration.
"""

from django.db import migrations

# Configuration → the PostgreSQL language it copies (names as in
# cms/search_backend.py; frozen here).
STEMMERS = {"taller_es": "spanish", "taller_pt": "portuguese", "taller_en": "english"}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, language in STEMMERS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {language}_stem"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in STEMMERS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_trainers_without_admin"),
    ]

    operations = [
        migrations.RunPython(create_configurations, drop_configurations),
    ]
