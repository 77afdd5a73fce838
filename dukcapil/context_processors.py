from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .workflow.permissions import actions_of


def office(request) -> dict:
    return {"office": settings.OFFICE}


def izin(request) -> dict:
    """The actions the user holds (dukcapil.workflow.permissions), for menus: {% if "terima" in izin %}."""
    return {"izin": SimpleLazyObject(lambda: frozenset(actions_of(request.user)))}
