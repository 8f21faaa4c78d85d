from django import template

from ..text import format_minutes

register = template.Library()


@register.filter
def duration(minutes):
    """Minutes as people say them: "45 min", "3 h 40 min"."""
    return format_minutes(minutes)
