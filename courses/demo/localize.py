"""wagtail-localize records for the demo's translations.

The loader writes translations as plain Wagtail translations (same
``translation_key``, another locale). wagtail-localize only offers
"Traducir", "Sincronizar páginas traducidas" and its translation editor for
pages it knows the source of, so each translated demo page and snippet gets
what wagtail-localize itself would have made: a ``TranslationSource`` for
the Spanish record, a ``Translation`` per translated language, and the
translated text of every segment as ``StringTranslation``s, so that the
translation editor opens complete and a sync keeps what translators wrote.

Inline records that translate (a guide's activities, a form's questions,
a country's contacts) share the ``translation_key`` of the Spanish record
they translate, so their text is recorded with their page's.
"""

from collections import defaultdict

from wagtail.models import Locale, Page

from wagtail_localize.models import (
    String,
    StringTranslation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def register_translations(snippet_models=()):
    """Record every demo translation in wagtail-localize. Returns how many
    Spanish records had something new recorded (0 on a second run)."""
    default = Locale.get_default()
    pages = Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific()
    records = list(pages)
    for model in snippet_models:
        records += model.objects.filter(locale=default).order_by("pk")
    return sum(register(record) for record in records)


def register(instance):
    translations = list(instance.get_translations().select_related("locale"))
    if isinstance(instance, Page):
        translations = [t.specific for t in translations]
    if not translations:
        return False
    source, changed = TranslationSource.update_or_create_from_instance(instance)
    for translated in translations:
        _record, made = LocalizeTranslation.objects.get_or_create(
            source=source, target_locale=translated.locale, defaults={"enabled": True}
        )
        changed |= made
        changed |= copy_strings(source, instance, translated)
    return changed


def copy_strings(source, original, translated):
    """Store the text of ``translated`` as the translation of each segment
    of ``original`` at the same place. The loader gives translated blocks
    the ids of the blocks they translate, so segment paths match; a field
    whose segments do not line up is left for the translator."""
    theirs = strings_by_path(translated)
    changed = False
    for path, values in strings_by_path(original).items():
        if len(theirs.get(path, ())) != len(values):
            continue
        context = TranslationContext.objects.get(object_id=source.object_id, path=path)
        for value, translation in zip(values, theirs[path], strict=True):
            string = String.from_value(source.locale, value.string)
            current = StringTranslation.objects.filter(
                translation_of=string, locale=translated.locale, context=context
            ).first()
            data = translation.string.data
            if current is None:
                StringTranslation.objects.create(
                    translation_of=string,
                    locale=translated.locale,
                    context=context,
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
            elif current.data != data:
                current.data = data
                current.save()
            else:
                continue
            changed = True
    return changed


def strings_by_path(instance):
    found = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            found[segment.path].append(segment)
    return found
