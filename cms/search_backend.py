"""Wagtail's database search backend, with PostgreSQL searching each
language with its own stemming and without accents.

Learners type on phones, often without accents, and in their own words:
"policia" must find "policía", "derecho" must find "derechos". PostgreSQL
does both with a text search configuration per language (made by the
migration cms/0008_search_configurations: the language's stemmer after
``unaccent``). Wagtail's backend takes one ``SEARCH_CONFIG`` for everything;
here each page is indexed with the configuration of its locale, and a search
uses the one of the language it is made in (the search view searches one
language). The admin's page search uses Wagtail's autocomplete, which
keeps its own "simple" configuration for every language. On SQLite and
other databases nothing changes.
"""

from collections import defaultdict
from contextvars import ContextVar

from django.db import connection
from django.utils.translation import get_language

from wagtail.models import Locale
from wagtail.search.backends import database

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

# Language code → PostgreSQL text search configuration.
SEARCH_CONFIGS = {"es": "taller_es", "pt-br": "taller_pt", "en": "taller_en"}

_indexing_language = ContextVar("taller_indexing_language", default=None)


class LanguageIndex(PostgresIndex):
    """Indexes each object with the configuration of its locale."""

    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_language = defaultdict(list)
        for obj in objs:
            by_language[languages.get(getattr(obj, "locale_id", None))].append(obj)
        for code, group in by_language.items():
            token = _indexing_language.set(code)
            try:
                super().add_items(model, group)
            finally:
                _indexing_language.reset(token)


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    @property
    def config(self):
        """The language being indexed, else the language of the request."""
        code = _indexing_language.get() or get_language()
        return SEARCH_CONFIGS.get(code, self.default_config)

    @config.setter
    def config(self, value):  # SEARCH_CONFIG: for objects without a locale
        self.default_config = value


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    if connection.vendor != "postgresql":
        return database.SearchBackend(params)
    return LanguageSearchBackend(params)
