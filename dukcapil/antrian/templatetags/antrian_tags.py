from django import template

from ..selectors import menit as _menit

register = template.Library()


@register.filter
def menit(value) -> str:
    """A duration in minutes with a decimal comma («7,5»); «-» when there is none."""
    return _menit(value)
