"""Small text helpers shared by models and templates."""

import re
import unicodedata

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WORDS_PER_MINUTE = 180  # unhurried reading on a phone screen


def lines(text):
    """The non-empty lines of a "one item per line" field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def words_in(value):
    """Count the words in stream data (raw JSON) or plain/HTML text."""
    if isinstance(value, dict):
        return sum(words_in(v) for k, v in value.items() if k not in ("type", "id"))
    if isinstance(value, list):
        return sum(words_in(v) for v in value)
    if isinstance(value, str):
        return len(re.findall(r"\w+", strip_tags(value)))
    return 0


def reading_minutes(*values):
    return max(1, round(sum(words_in(v) for v in values) / WORDS_PER_MINUTE))


def format_minutes(total):
    """ "45 min", "1 h", "3 h 40 min"."""
    hours, minutes = divmod(int(total or 0), 60)
    if not hours:
        return ngettext("%(m)d min", "%(m)d min", minutes) % {"m": minutes}
    if not minutes:
        return _("%(h)d h") % {"h": hours}
    return _("%(h)d h %(m)d min") % {"h": hours, "m": minutes}


def clean_text(value):
    """Letters, marks, digits, spaces and common punctuation; no control
    or invisible characters; spaces collapsed."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(char for char in value if unicodedata.category(char)[0] != "C" or char in " \t")
    return re.sub(r"\s+", " ", value).strip()
