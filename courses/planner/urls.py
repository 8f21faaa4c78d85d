"""The planner's routes, inside each language's prefix. Keys that do not
have the exact shape of a share key or an edit secret never match (404)."""

from django.urls import path, register_converter

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

edit = "planificador/<planshare:share_key>/editar/<plansecret:secret>/"

urlpatterns = [
    path("planificador/", views.start, name="start"),
    path("planificador/<planshare:share_key>/", views.view, name="view"),
    path("planificador/<planshare:share_key>/paquete/<packkind:kind>/", views.pack, name="pack"),
    path(
        "planificador/<planshare:share_key>/paquete/<packkind:kind>/<planpaper:paper>/",
        views.pack,
        name="pack_paper",
    ),
    path("planificador/<planshare:share_key>/en-vivo/", views.live, name="live"),
    path("planificador/<planshare:share_key>/proyector/", views.projector, name="projector"),
    path(edit, views.edit, name="edit"),
    path(edit + "anadir/", views.add, name="add"),
    path(edit + "elemento/<int:item_id>/", views.item, name="item"),
    path(edit + "borrar/", views.delete, name="delete"),
]
