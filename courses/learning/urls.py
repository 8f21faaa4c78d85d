"""Two sets of routes: ``root`` at the site root (a service worker controls
only the paths below its own, so it lives at /sw.js) and ``urlpatterns``
inside each language's prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import certificate, views

app_name = "learning"

root = [
    path("sw.js", views.service_worker, name="service_worker"),
]

urlpatterns = [
    # Paths in the active language's words (context "dirección").
    path(pgettext_lazy("dirección", "aprender/mis-modulos/"), views.my_modules, name="my_modules"),
    path(pgettext_lazy("dirección", "aprender/sin-conexion/"), views.offline, name="offline"),
    # Fetched by scripts, never shown: one spelling for every language.
    path("aprender/modulos/<int:module_id>/paquete.json", views.package, name="package"),
    path(
        pgettext_lazy("dirección", "aprender/certificado/"),
        certificate.certificate,
        name="certificate",
    ),
    path("aprender/app.webmanifest", views.web_manifest, name="web_manifest"),
]
