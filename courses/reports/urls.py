"""Inside each language's prefix (cms/urls.py): /es/informe-de-taller/ …"""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("informe-de-taller/", views.report_form, name="report"),
    path("informe-de-taller/gracias/", views.report_thanks, name="report_thanks"),
    path("opinion/<int:page_id>/", views.feedback, name="feedback"),
]
