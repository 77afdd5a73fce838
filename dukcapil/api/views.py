import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from dukcapil import ratelimit, selectors, status_cache
from dukcapil.choices import Status
from dukcapil.workflow.permissions import Aksi, can

from .filters import QueueFilter
from .serializers import (
    QueueItemSerializer,
    QueueSummarySerializer,
    StatusLookupInputSerializer,
    StatusLookupOutputSerializer,
)

NOT_FOUND = "Berkas tidak ditemukan. Periksa kembali nomor registrasi dan NIK."
NOT_FOUND_BODY = json.dumps({"detail": NOT_FOUND}).encode()


def _status_rate() -> tuple[int, int] | None:
    """(requests, seconds) of REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['status_publik']; None: off."""
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get("status_publik")
    if not rate:
        return None
    count, period = rate.split("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]


class StatusLookupThrottle(BaseThrottle):
    """The rate in REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['status_publik'], per client address."""

    def allow_request(self, request, view) -> bool:
        rate = _status_rate()
        if rate is None:
            return True
        allowed, self._wait = ratelimit.hit("status-api", ratelimit.client_ip(request.META), *rate)
        return allowed

    def wait(self) -> float:
        return self._wait


def _well_formed(raw: bytes) -> tuple[str, str] | None:
    """(nomor, NIK) when the body is what StatusLookupInputSerializer accepts without a message."""
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    nomor, nik = body.get("nomor_registrasi"), body.get("nik")
    if not (isinstance(nomor, str) and isinstance(nik, str)):
        return None
    nomor, nik = nomor.strip(), nik.strip()
    if not (0 < len(nomor) <= 30 and len(nik) == 16 and nik.isascii() and nik.isdigit()):
        return None
    return nomor, nik


def _json(body: bytes, status_code: int, **headers) -> HttpResponse:
    response = HttpResponse(body, status=status_code, content_type="application/json")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def status_lookup_fast(request) -> HttpResponse | None:
    """The lookup without DRF's machinery, for a well-formed JSON body: the throttle and the cached
    answer in one Redis round trip, the database on a miss only. None: let the full view answer
    (anything malformed gets its field errors there, counted by the same throttle once)."""
    if request.method != "POST" or request.content_type != "application/json":
        return None
    given = _well_formed(request.body)
    if given is None:
        return None
    cache_key = status_cache.key(*given)
    rate = _status_rate()
    if rate is None:
        allowed, wait, cached = True, 0, None
    else:
        allowed, wait, cached = ratelimit.hit_and_get("status-api", ratelimit.client_ip(request.META), *rate, cache_key)
    if not allowed:
        detail = {"detail": f"Terlalu banyak permintaan. Coba lagi dalam {wait} detik."}
        return _json(json.dumps(detail).encode(), 429, Retry_After=str(wait))
    if cached is not None:
        return _json(cached, 200)
    found = selectors.public_status_lookup(*given)
    if found is None:
        return _json(NOT_FOUND_BODY, 404)
    body = JSONRenderer().render(StatusLookupOutputSerializer(found).data)
    status_cache.store(cache_key, body)
    return _json(body, 200)


class StatusLookupView(APIView):
    """Citizen lookup: nomor registrasi + NIK in the body (never in the URL).

    A well-formed request takes the fast path (``status_lookup_fast``); this class still describes
    the endpoint for the schema and answers everything else with DRF's parsing and field errors."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [StatusLookupThrottle]

    def dispatch(self, request, *args, **kwargs):
        fast = status_lookup_fast(request)
        if fast is not None:
            return fast
        return super().dispatch(request, *args, **kwargs)

    @extend_schema(request=StatusLookupInputSerializer, responses={200: StatusLookupOutputSerializer})
    def post(self, request):
        given = StatusLookupInputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        found = selectors.public_status_lookup(given.validated_data["nomor_registrasi"], given.validated_data["nik"])
        if found is None:
            return Response({"detail": NOT_FOUND}, status=status.HTTP_404_NOT_FOUND)
        return Response(StatusLookupOutputSerializer(found).data)


class StaffPermission(permissions.BasePermission):
    message = "Hanya petugas yang dapat melihat antrian berkas."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and can(request.user, Aksi.LIHAT))


class QueueListView(generics.ListAPIView):
    """Berkas in the requesting officer's bidang, oldest in their current status first."""

    permission_classes = [StaffPermission]
    serializer_class = QueueItemSerializer
    filterset_class = QueueFilter

    def get_queryset(self):
        return (
            selectors.berkas_visible_to(self.request.user)
            .select_related("layanan", "bidang")
            .order_by("status_sejak", "pk")
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "now": timezone.now()}


class QueueSummaryView(APIView):
    permission_classes = [StaffPermission]

    @extend_schema(responses={200: QueueSummarySerializer})
    def get(self, request):
        summary = selectors.queue_summary(selectors.berkas_visible_to(request.user))
        labels = dict(Status.choices)
        data = {
            "per_status": [
                {"kode": r["status"], "nama": labels.get(r["status"], r["status"]), "jumlah": r["jumlah"]}
                for r in summary["per_status"]
            ],
            "per_layanan": [
                {"kode": r["layanan__kode"], "nama": r["layanan__nama"], "jumlah": r["jumlah"]}
                for r in summary["per_layanan"]
            ],
            "per_bidang": [
                {"kode": r["bidang__kode"], "nama": r["bidang__nama"], "jumlah": r["jumlah"]}
                for r in summary["per_bidang"]
            ],
        }
        return Response(QueueSummarySerializer(data).data)
