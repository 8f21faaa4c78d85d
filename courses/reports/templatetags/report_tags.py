"""Links into the anonymous workshop reports and the feedback page: the
report form pre-filled (``?modulos=12,14&plan=…``, see forms.initial_from_query)
and the feedback page of the visitor's language."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from cms.site_chrome import site_chrome
from courses.models import ModulePage

from ..models import FeedbackFormPage

register = template.Library()


def report_url(module_ids=(), plan_title=""):
    params = {}
    if module_ids:
        params["modulos"] = ",".join(str(pk) for pk in module_ids)
    if plan_title:
        params["plan"] = plan_title[:200]
    url = reverse("reports:report")
    return f"{url}?{urlencode(params, safe=',')}" if params else url


@register.simple_tag
def module_report_url(module):
    """The report form with this module chosen."""
    return report_url([module.pk] if module is not None else [])


@register.simple_tag
def plan_report_url(plan):
    """The report form with the plan's title and the modules its activities
    come from (in the plan's order), in one query for the modules."""
    guide_paths = []
    for item in plan.item_list:
        if item.kind == item.Kind.ACTIVITY and item.activity is not None:
            guide = item.activity.guide
            if guide.path not in guide_paths:
                guide_paths.append(guide.path)
    ids = []
    if guide_paths:
        parents = [path[: -ModulePage.steplen] for path in guide_paths]
        by_path = dict(ModulePage.objects.filter(path__in=parents).values_list("path", "pk"))
        ids = list(dict.fromkeys(by_path[p] for p in parents if p in by_path))
    return report_url(ids, plan.title)


@register.simple_tag(takes_context=True)
def feedback_page(context):
    """The live feedback page under this site's home page in the visitor's
    language, or None (found with the header's pages, cms.site_chrome)."""
    return site_chrome(context).first_child(FeedbackFormPage)
