from rest_framework import status
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from dukcapil.exceptions import BerkasError


def exception_handler(exc, context):
    """Domain errors become 400/403/409 with an Indonesian message; never a 500."""
    if isinstance(exc, BerkasError):
        body = {"detail": exc.message}
        if exc.fields:
            body["errors"] = exc.fields
        return Response(body, status=exc.http_status)
    if isinstance(exc, Throttled):
        wait = int(exc.wait or 60)
        return Response(
            {"detail": f"Terlalu banyak permintaan. Coba lagi dalam {wait} detik."},
            status=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(wait)},
        )
    response = drf_exception_handler(exc, context)
    if (
        response is not None
        and response.status_code == status.HTTP_400_BAD_REQUEST
        and "detail" not in (response.data if isinstance(response.data, dict) else {})
    ):
        response.data = {"detail": "Permintaan tidak valid.", "errors": response.data}
    return response
