from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import GlossaryTerm, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = ["name", "slug", "description"]


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    list_display = ["term", "slug"]
    search_fields = ["term"]
    panels = ["term", "slug", "definition"]


class CurriculumSnippets(SnippetViewSetGroup):
    menu_label = _("Currículo")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (TopicViewSet, GlossaryTermViewSet)


register_snippet(CurriculumSnippets)
