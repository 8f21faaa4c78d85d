"""``…/en-vivo/`` and ``…/proyector/`` as routes of a facilitator guide."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import views


class LiveFacilitationMixin(RoutablePageMixin):
    @path("en-vivo/", name="live")
    def live_view(self, request):
        return views.facilitate(request, views.guide_context(self))

    @path("proyector/", name="projector")
    def projector_view(self, request):
        return views.project(request, views.guide_context(self))

    def get_cached_paths(self):
        return [*super().get_cached_paths(), "en-vivo/", "proyector/"]
