import re

PLAN_URL = re.compile(r"^/es/planificador/(?P<share>[\w-]{16})/editar/(?P<secret>[\w-]{43})/$")


def create_plan(client, activity=None, **data):
    """Create a plan through the planner; returns (edit_url, share_url)."""
    fields = {"title": "Taller en Asunción", "start_time": "09:00", **data}
    if activity is not None:
        fields["actividad"] = activity.pk
    response = client.post("/es/planificador/", fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    match = PLAN_URL.match(response["Location"])
    assert match, response["Location"]
    return response["Location"], f"/es/planificador/{match['share']}/"


def plan_of(edit_url):
    from courses.planner.models import WorkshopPlan

    return WorkshopPlan.objects.get(share_key=PLAN_URL.match(edit_url)["share"])


def titles(plan):
    return [item.title for item in plan.items.order_by("position")]
