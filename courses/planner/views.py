"""The planner's pages: start a plan, edit it through its secret link, read
it through its share link, download its pack, delete it."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms import clients
from courses.live import views as live_views
from courses.models import Activity, FacilitatorGuidePage, ModulePage

from . import editing
from .downloads import pack_downloads, serve_pack
from .forms import ItemChangeForm, NewItemForm, PlanForm
from .models import PlanItem, WorkshopPlan
from .security import planner_view

CREATE_RATE, CREATE_SITE_RATE, CREATE_WINDOW = 20, 500, 3600


def published_activities():
    guides = FacilitatorGuidePage.objects.live().public()
    return Activity.objects.filter(guide__in=guides).select_related("guide")


def plan_for_share(share_key):
    return get_object_or_404(WorkshopPlan, share_key=share_key)


def plan_for_edit(share_key, secret):
    plan = plan_for_share(share_key)
    if not plan.accepts(secret):
        raise Http404("no such plan")
    return plan


def edit_url(plan, secret):
    return reverse("planner:edit", args=[plan.share_key, secret])


@planner_view
def start(request):
    """What the planner is, and a form for a new plan (with the activity the
    trainer chose on a guide page, if any)."""
    activity = None
    if request.method == "POST":
        activity_id = request.POST.get("actividad")
    else:
        activity_id = request.GET.get("actividad")
    if activity_id:
        if not activity_id.isdigit():
            raise Http404("bad activity")
        activity = get_object_or_404(published_activities(), pk=int(activity_id))
    if request.method == "POST":
        form = PlanForm(request.POST)
        if not clients.allow(
            request, "planner-create", CREATE_RATE, CREATE_SITE_RATE, CREATE_WINDOW
        ):
            response = render(
                request,
                "planner/start.html",
                {"form": form, "activity": activity, "busy": True},
                status=429,
            )
            response["Retry-After"] = str(CREATE_WINDOW)
            return response
        if form.is_valid():
            items = [editing.activity_item(activity)] if activity else []
            try:
                plan, secret = editing.create_plan(form.cleaned_data, get_language(), items)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(edit_url(plan, secret))
        status = 400
    else:
        form = PlanForm(initial={"title": _("Mi taller")})
        status = 200
    context = {"form": form, "activity": activity, "deleted": "borrado" in request.GET}
    return render(request, "planner/start.html", context, status=status)


@planner_view
def view(request, share_key):
    """The read-only plan: run-sheet and pack."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    plan = plan_for_share(share_key)
    plan.touch()
    return render(request, "planner/plan.html", {"plan": plan, "downloads": pack_downloads(plan)})


@planner_view
def edit(request, share_key, secret):
    plan = plan_for_edit(share_key, secret)
    details_form = None
    status = 200
    if request.method == "POST":
        details_form = PlanForm(request.POST, instance=WorkshopPlan(start_time=plan.start_time))
        if details_form.is_valid():
            try:
                editing.update_details(plan, details_form.cleaned_data)
            except ValidationError as error:
                details_form.add_error(None, error)
            else:
                return redirect(edit_url(plan, secret) + "?guardado=1")
        status = 400
    return edit_page(request, plan, secret, status=status, details_form=details_form)


def edit_page(request, plan, secret, status=200, **forms):
    plan.touch()
    welcome = plan.welcome_pending
    if welcome:
        WorkshopPlan.objects.filter(pk=plan.pk).update(welcome_pending=False)
    modules = ModulePage.objects.live().public().filter(locale__language_code=get_language())
    chosen = _chosen_module(request, modules)
    picker = []
    if chosen is not None:
        guides = FacilitatorGuidePage.objects.child_of(chosen).live().public()
        picker = list(Activity.objects.filter(guide__in=guides).order_by("sort_order"))
    added = request.GET.get("anadido", "")
    item_errors = forms.get("item_errors") or {}
    for plan_item in plan.item_list:
        plan_item.errors = item_errors.get(plan_item.pk, [])
    context = {
        "plan": plan,
        "secret": secret,
        "edit_url": request.build_absolute_uri(edit_url(plan, secret)),
        "share_url": request.build_absolute_uri(reverse("planner:view", args=[plan.share_key])),
        "welcome": welcome,
        "saved": "guardado" in request.GET,
        "added": [i for i in plan.item_list if str(i.pk) in added.split(",")],
        "modules": modules,
        "chosen": chosen,
        "picker": picker,
        "downloads": pack_downloads(plan),
        "details_form": forms.get("details_form") or PlanForm(instance=plan),
        "new_item_form": forms.get("new_item_form") or NewItemForm(initial={"kind": "break"}),
        "error": forms.get("error"),
        "pick_error": forms.get("pick_error"),
    }
    return render(request, "planner/edit.html", context, status=status)


def _chosen_module(request, modules):
    value = request.GET.get("modulo", "") or request.POST.get("modulo", "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404("bad module")
    return get_object_or_404(modules, pk=int(value))


@planner_view
def add(request, share_key, secret):
    """Add curriculum activities (``actividad``, one or more) or a break or
    own item (``kind``, ``title``, ``minutes``, ``notes``)."""
    plan = plan_for_edit(share_key, secret)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    new_item_form = None
    ids = request.POST.getlist("actividad")
    if not ids and "modulo" in request.POST:
        # "Añadir las marcadas" with nothing ticked: say so by the list.
        return edit_page(request, plan, secret, 400, pick_error=_("Marca al menos una actividad."))
    if ids:
        if not all(value.isdigit() for value in ids) or len(ids) > 60:
            return edit_page(request, plan, secret, 400, error=_("No encontramos esa actividad."))
        found = {a.pk: a for a in published_activities().filter(pk__in=[int(v) for v in ids])}
        if len(found) != len(set(ids)):
            return edit_page(request, plan, secret, 400, error=_("No encontramos esa actividad."))
        items = [editing.activity_item(found[int(value)]) for value in ids]
    else:
        new_item_form = NewItemForm(request.POST)
        if not new_item_form.is_valid():
            return edit_page(request, plan, secret, 400, new_item_form=new_item_form)
        items = [PlanItem(**new_item_form.cleaned_data)]
    try:
        editing.add_items(plan, items)
    except ValidationError as error:
        return edit_page(
            request, plan, secret, 400, error=" ".join(error.messages), new_item_form=new_item_form
        )
    # Back to the same module's list, still open, with the confirmation
    # where the trainer was looking (#anadido), not at the far-away items.
    query = {"anadido": ",".join(str(item.pk) for item in items)}
    module = request.POST.get("modulo", "")
    if module.isdigit() and len(module) < 10:
        query["modulo"] = module
    return redirect(f"{edit_url(plan, secret)}?{urlencode(query)}#anadido")


ITEM_ACTIONS = {"subir", "bajar", "quitar", "guardar"}


@planner_view
def item(request, share_key, secret, item_id):
    """Move, remove or change one item."""
    plan = plan_for_edit(share_key, secret)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    action = request.POST.get("accion", "")
    if action not in ITEM_ACTIONS:
        return edit_page(request, plan, secret, 400, error=_("No entendimos qué querías cambiar."))
    try:
        if action in ("subir", "bajar"):
            editing.move_item(plan, item_id, -1 if action == "subir" else 1)
        elif action == "quitar":
            editing.remove_item(plan, item_id)
            return redirect(edit_url(plan, secret) + "#plan-items")
        else:
            form = ItemChangeForm(request.POST)
            if not form.is_valid():
                errors = {item_id: [e for errs in form.errors.values() for e in errs]}
                return edit_page(request, plan, secret, 400, item_errors=errors)
            editing.change_item(plan, item_id, form.cleaned_data)
    except editing.NoSuchItem as error:
        raise Http404("no such item") from error
    except ValidationError as error:
        return edit_page(request, plan, secret, 400, item_errors={item_id: error.messages})
    return redirect(f"{edit_url(plan, secret)}#elemento-{item_id}")


@planner_view
def delete(request, share_key, secret):
    plan = plan_for_edit(share_key, secret)
    if request.method == "POST":
        plan.delete_with_files()
        return redirect(reverse("planner:start") + "?borrado=1")
    return render(request, "planner/delete.html", {"plan": plan, "secret": secret})


@planner_view
def pack(request, share_key, kind, paper=None):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    plan = plan_for_share(share_key)
    return serve_pack(request, plan, kind, paper)


@planner_view
def live(request, share_key):
    """Facilitate the plan live (courses/live): read through the share link."""
    plan = plan_for_share(share_key)
    plan.touch()
    return live_views.facilitate(request, live_views.plan_context(plan))


@planner_view
def projector(request, share_key):
    plan = plan_for_share(share_key)
    return live_views.project(request, live_views.plan_context(plan))
