"""Reads of cuti pegawai: who may see what, an employee's history, the balance register."""

from django.db.models import Q, QuerySet
from django.http import Http404

from dukcapil.workflow.permissions import Aksi, can

from ..models import Pegawai, PermohonanCuti, StatusCuti
from .surat_masuk import timeline

AKSI_CUTI = (Aksi.CUTI_PERIKSA, Aksi.CUTI_PARAF, Aksi.CUTI_PUTUS)


def boleh_register(user) -> bool:
    """The Kasubag keeps the register; the Sekretaris and the Kadis, who decide on leave, read it."""
    return any(can(user, aksi) for aksi in AKSI_CUTI)


def riwayat(pegawai: Pegawai) -> QuerySet[PermohonanCuti]:
    return PermohonanCuti.objects.filter(pegawai=pegawai).select_related("naskah").order_by("-mulai", "-pk")


def permohonan_for(user, pk: int) -> PermohonanCuti:
    """A request, to its employee and to whoever handles leave; 404 to anyone else (not confirmed)."""
    found = PermohonanCuti.objects.select_related("pegawai__golongan", "pegawai__jabatan", "naskah", "diajukan_oleh")
    permohonan = found.filter(pk=pk).first()
    if permohonan is None or not (boleh_register(user) or permohonan.pegawai.pengguna_id == user.pk):
        raise Http404("Permohonan cuti tidak ditemukan.")
    return permohonan


def register(q: str = "") -> QuerySet[Pegawai]:
    rows = Pegawai.objects.filter(aktif=True).select_related("golongan", "jabatan").order_by("nama", "pk")
    if q:
        rows = rows.filter(Q(nama__icontains=q) | Q(nip__startswith=q))
    return rows


def cuti_timeline(permohonan: PermohonanCuti):
    return timeline(permohonan, dict(StatusCuti.choices))
