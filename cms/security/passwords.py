"""Password rules beyond Django's own validators."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumDistinctCharactersValidator:
    """Refuse passwords made of a few repeated characters ("aaaaaaaaaaaa",
    "abababababab"), which pass a length check but are guessed at once."""

    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password)) < self.min_distinct:
            raise ValidationError(
                ngettext(
                    "La contraseña debe tener al menos %(min)d carácter distinto.",
                    "La contraseña debe tener al menos %(min)d caracteres distintos.",
                    self.min_distinct,
                )
                % {"min": self.min_distinct},
                code="password_too_repetitive",
            )

    def get_help_text(self):
        return _(
            "Usa una frase larga o una mezcla de caracteres distintos, no uno o dos repetidos."
        )
