"""Inside each language's prefix (cms/urls.py): /es/informe-de-taller/ …"""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "reports"

urlpatterns = [
    # Paths in the active language's words (context "dirección").
    path(pgettext_lazy("dirección", "informe-de-taller/"), views.report_form, name="report"),
    path(
        pgettext_lazy("dirección", "informe-de-taller/gracias/"),
        views.report_thanks,
        name="report_thanks",
    ),
    path(pgettext_lazy("dirección", "opinion/<int:page_id>/"), views.feedback, name="feedback"),
]
