"""Reads of update data kependudukan: the requests a user may see, and the register's current
values of the person for the ADB's check (the caller writes the access log)."""

from django.db.models import QuerySet
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can_in_bidang
from pendaftaran.models import Penduduk
from sekretariat.selectors.surat_masuk import timeline

from ..models.update_data import PermohonanUpdateData, StatusUpdateData

BIDANG_PIAK = "piak"
S = StatusUpdateData
# the register is shown while PIAK checks the request and sends it on
TAHAP_REGISTER = (S.DITERIMA, S.DIVERIFIKASI)


def boleh_lihat(user) -> bool:
    return can_in_bidang(user, Aksi.UPDATE_DATA_LIHAT, BIDANG_PIAK)


def boleh_olah(user) -> bool:
    return can_in_bidang(user, Aksi.UPDATE_DATA_OLAH, BIDANG_PIAK)


def update_data_list(user, *, status: str = "") -> QuerySet[PermohonanUpdateData]:
    """PIAK and the leaders see every request; nobody else any (404/403 in the views)."""
    if not boleh_lihat(user):
        return PermohonanUpdateData.objects.none()
    qs = PermohonanUpdateData.objects.all()
    if status in S.values:
        qs = qs.filter(status=status)
    return qs.order_by("-diterima_pada", "-pk")


def update_data_for(user, pk: int) -> PermohonanUpdateData:
    found = update_data_list(user).select_related("diterima_oleh").filter(pk=pk).first()
    if found is None:
        raise Http404("Permohonan update data tidak ditemukan.")
    return found


def update_data_timeline(permohonan: PermohonanUpdateData):
    return timeline(permohonan, dict(S.choices))


def data_register(user, permohonan: PermohonanUpdateData) -> tuple[bool, Penduduk | None]:
    """(shown, person): the register's row of the request's NIK, for PIAK's processing officers
    while the request is being checked; (False, None) for everyone else or at other stages."""
    if permohonan.status not in TAHAP_REGISTER or not boleh_olah(user):
        return False, None
    return True, Penduduk.objects.select_related("keluarga").filter(nik=permohonan.nik).first()
