from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from cms.security.sync_translations import SyncTranslationsView
from cms.security.two_factor import has_two_factor, two_factor_view


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [path("verificacion/", two_factor_view, name="taller_two_factor")]


# Before wagtail-localize's own view at the same address (see the module).
@hooks.register("register_admin_urls", order=-1)
def sync_translations_url():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslationsView.as_view(),
            name="taller_update_translations",
        )
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    active = has_two_factor(request.user)
    return {
        "url": reverse("taller_two_factor"),
        "label": _("Verificación en dos pasos"),
        "help_text": _("Activada: puedes crear códigos de recuperación nuevos.")
        if active
        else _("Protege tu cuenta con un código de tu teléfono además de la contraseña."),
    }
