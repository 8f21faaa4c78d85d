"""wagtail-localize's "Sincronizar páginas traducidas", publishing only for
those who may publish.

Its form offers "Publicar inmediatamente" to anyone with its permission to
submit translations, and then publishes every translation without asking
Wagtail whether that person may publish them: translators, who send their
work to review, could publish through it. Here the option is offered (and
honoured) only for someone who may publish every translation of the page.
Anyone else's sync brings the changed strings into the translation editor,
and the translations change when someone who may publish them does.
"""

from django import forms
from django.core.exceptions import ObjectDoesNotExist

from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name

from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    # A snippet without drafts is only updated when "published".
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance)))


class SyncTranslationsView(UpdateTranslationsView):
    def get_form(self):
        form = super().get_form()
        if not self.may_publish_translations():
            field = form.fields["publish_translations"]
            field.disabled = True  # a posted "on" is ignored
            field.widget = forms.HiddenInput()
        return form

    def may_publish_translations(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                instance = translation.get_target_instance()
            except ObjectDoesNotExist:
                return False
            if not may_publish(self.request.user, instance):
                return False
        return True
