from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .workflow.permissions import actions_of


def office(request) -> dict:
    return {"office": settings.OFFICE}


def izin(request) -> dict:
    """The actions the user holds (dukcapil.workflow.permissions), for menus: {% if "terima" in izin %}."""
    return {"izin": SimpleLazyObject(lambda: frozenset(actions_of(request.user)))}


def notifikasi(request) -> dict:
    """The user's unread notices, for the badge beside the kotak masuk (one query, when shown)."""
    from .notifikasi.services import unread_count

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"notifikasi_baru": SimpleLazyObject(lambda: unread_count(user))}
