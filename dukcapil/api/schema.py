"""The OpenAPI schema (drf-spectacular) documents the error responses every endpoint can give.

DRF answers bad input with 400, an unknown page or record with 404, a missing grant with 403 and
a throttle with 429 (exception_handler.py shapes them all as ``{"detail", "errors"?}``); the
generated schema only knows the success bodies. This AutoSchema adds the error responses to every
operation, and says that an empty filter value means no filter, so clients (and the schemathesis
drill in tests/dukcapil/api/test_schema.py) can rely on the schema.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import permissions, serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Pesan dalam Bahasa Indonesia.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per isian: daftar pesan kesalahan (hanya pada 400).",
    )


ERRORS = {
    "400": "Permintaan tidak valid (lihat `errors` per isian).",
    "403": "Tidak berwenang atau belum masuk.",
    "404": "Tidak ditemukan (berkas, atau halaman di luar jangkauan).",
    "429": "Terlalu banyak permintaan; coba lagi setelah `Retry-After` detik.",
}


class DukcapilAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=ERRORS[code]), code, direction=direction
                )
        return responses

    def _get_filter_parameters(self):
        # django-filter reads an empty value as "no filter" (a form's empty field): say so.
        return [{**parameter, "allowEmptyValue": True} for parameter in super()._get_filter_parameters()]

    def _error_codes(self) -> list[str]:
        codes = ["400", "404"]
        if not all(isinstance(p, permissions.AllowAny) for p in self.view.get_permissions()):
            codes.append("403")
        if self.view.get_throttles():
            codes.append("429")
        return sorted(codes)

    def _get_response_headers_for_code(self, status_code, direction="response"):
        headers = super()._get_response_headers_for_code(status_code, direction)
        if status_code == "429":
            headers = {**headers, "Retry-After": {"schema": {"type": "integer"}, "description": "Detik."}}
        return headers
