from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from dukcapil import ratelimit, selectors
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


class StatusLookupThrottle(BaseThrottle):
    """The rate in REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['status_publik'], per client address."""

    def allow_request(self, request, view) -> bool:
        rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"].get("status_publik")
        if not rate:
            return True
        count, period = rate.split("/")
        window = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period[0]]
        allowed, self._wait = ratelimit.hit("status-api", ratelimit.client_ip(request.META), int(count), window)
        return allowed

    def wait(self) -> float:
        return self._wait


class StatusLookupView(APIView):
    """Citizen lookup: nomor registrasi + NIK in the body (never in the URL)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [StatusLookupThrottle]

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
