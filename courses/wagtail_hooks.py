from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GlossaryTerm, Topic

# Each term exists once per language: the column tells them apart, and
# Wagtail adds its own language filter to lists of translatable snippets.
# Search uses the models' own search_fields (naming fields here made the
# SQLite search backend fail with a 500).
LANGUAGE_COLUMN = Column("locale", label=_("Idioma"), sort_key="locale")


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", LANGUAGE_COLUMN]
    panels = ["name", "slug", "description"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    list_display = ["term", "slug", LANGUAGE_COLUMN]
    panels = ["term", "slug", "definition"]


class CurriculumSnippets(SnippetViewSetGroup):
    menu_label = _("Currículo")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (TopicViewSet, GlossaryTermViewSet)


register_snippet(CurriculumSnippets)
