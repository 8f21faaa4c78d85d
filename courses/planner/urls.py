"""The planner's routes, inside each language's prefix. Keys that do not
have the exact shape of a share key or an edit secret never match (404)."""

from django.urls import path, register_converter
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import views

app_name = "planner"


class ShareKey:
    regex = "[A-Za-z0-9_-]{16}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class EditSecret(ShareKey):
    regex = "[A-Za-z0-9_-]{43}"


class PackKind(ShareKey):
    regex = "pdf|zip"


class Paper(ShareKey):
    regex = "a4|letter"


register_converter(ShareKey, "planshare")
register_converter(EditSecret, "plansecret")
register_converter(PackKind, "packkind")
register_converter(Paper, "planpaper")


def route(template):
    """A path in the active language's words (``/en/planner/…``); the words
    are translated with the context "dirección"."""
    words = {
        word: pgettext_lazy("dirección", word)
        for word in (
            "planificador",
            "editar",
            "paquete",
            "anadir",
            "elemento",
            "borrar",
            "en-vivo",
            "proyector",
        )
    }
    return format_lazy(template, **words)


plan = "{planificador}/<planshare:share_key>/"
edit = plan + "{editar}/<plansecret:secret>/"

urlpatterns = [
    path(route("{planificador}/"), views.start, name="start"),
    path(route(plan), views.view, name="view"),
    path(route(plan + "{paquete}/<packkind:kind>/"), views.pack, name="pack"),
    path(
        route(plan + "{paquete}/<packkind:kind>/<planpaper:paper>/"),
        views.pack,
        name="pack_paper",
    ),
    path(route(plan + "{en-vivo}/"), views.live, name="live"),
    path(route(plan + "{proyector}/"), views.projector, name="projector"),
    path(route(edit), views.edit, name="edit"),
    path(route(edit + "{anadir}/"), views.add, name="add"),
    path(route(edit + "{elemento}/<int:item_id>/"), views.item, name="item"),
    path(route(edit + "{borrar}/"), views.delete, name="delete"),
]
