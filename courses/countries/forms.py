"""The lesson editor for a national organisation: it may change the notes
for its own country, and nothing else of the lesson (courses/countries/editors.py)."""

import re

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm

EVERY_COUNTRY = "countries.change_countrynote"
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def countries_whose_notes(user):
    """The country codes whose notes ``user`` may change; None when the
    user is no country's editor (page permissions alone decide)."""
    if user is None or user.has_perm(EVERY_COUNTRY):
        return None
    codes = {
        permission.removeprefix("countries.notes_")
        for permission in user.get_all_permissions()
        if permission.startswith("countries.notes_")
    }
    return codes or None


def note_changed(form):
    """Whether a note's form changes it. The rich text editor hands back the
    same text with block keys of its own, so compare without them."""
    if not form.initial:
        return form.has_changed()
    before, after = form.initial, form.cleaned_data
    return before.get("country") != after.get("country") or plain(before.get("text")) != plain(
        after.get("text")
    )


def plain(html):
    return " ".join(BLOCK_KEY.sub("", html or "").split())


class LessonPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        allowed = countries_whose_notes(self.for_user)
        if allowed is None:
            return cleaned_data
        # Everything but the notes stays as it was: the lesson itself is the
        # network's, edited by its editors.
        for name in list(cleaned_data):
            if name in self._meta.fields and hasattr(self.instance, name):
                cleaned_data[name] = getattr(self.instance, name)
        notes = self.formsets.get("country_notes")
        if notes is not None and notes.is_valid():
            deleted = set(notes.deleted_forms) if notes.can_delete else set()
            for form in notes.forms:
                if form not in deleted and not note_changed(form):
                    continue
                touched = {form.initial.get("country"), form.cleaned_data.get("country")}
                if touched - {None, ""} - allowed:
                    form.add_error(
                        None,
                        _("Solo puedes cambiar las notas de tu país."),
                    )
        return cleaned_data
