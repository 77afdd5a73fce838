from django.conf import settings


def office(request) -> dict:
    return {"office": settings.OFFICE}
