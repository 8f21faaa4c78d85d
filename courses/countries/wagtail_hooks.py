from django.core.exceptions import PermissionDenied

from wagtail import hooks

from courses.models import LessonPage

from .forms import countries_whose_notes
from .models import CountryPage


@hooks.register("before_edit_page")
def country_editors_edit_only_their_pages(request, page):
    """A country's editors hold page permissions on their country's pages and
    on the lessons (for the notes); this keeps them off the pages below a
    lesson (its handouts), which those permissions would also reach."""
    countries = countries_whose_notes(request.user)
    if countries is None:
        return None
    specific = page.specific
    if isinstance(specific, LessonPage):
        return None
    if isinstance(specific, CountryPage) and specific.code in countries:
        return None
    raise PermissionDenied
