"""Builders for inovasi layanan tests: a programme driven through the services up to a stage."""

from datetime import timedelta

import pytest
from django.utils import timezone

from piak import inovasi_data
from piak.services import inovasi as svc

from .conftest import pdf


@pytest.fixture(name="p")
def piak_inovasi(piak):
    inovasi_data.load()
    return piak


def usul(p, nama: str = "Antrean daring"):
    data = svc.UsulData(
        nama=nama, latar_belakang="Antrean menumpuk.", jenis="aplikasi", cakupan="Kantor dinas",
        target=timezone.localdate() + timedelta(days=60),
    )  # fmt: skip
    return svc.inovasi_usul(user=p["kasi_piak"], data=data)


def sampai_rancangan(p, nama: str = "Antrean daring"):
    inovasi = usul(p, nama)
    kasi = p["kasi_piak"]
    svc.inovasi_bentuk_tim(user=kasi, pk=inovasi.pk, tim=[kasi, p["adb"]], sk_nomor="800/1/SK/2026",
                           sk_tanggal=timezone.localdate())  # fmt: skip
    return svc.inovasi_ajukan(user=kasi, pk=inovasi.pk, berkas=pdf("Rancangan antrean", "rancangan.pdf"))


def sampai_selesai(p, nama: str = "Antrean daring"):
    inovasi = sampai_rancangan(p, nama)
    kasi, pk, today = p["kasi_piak"], inovasi.pk, timezone.localdate()
    svc.inovasi_setujui(user=p["kadis"], pk=pk)
    svc.inovasi_pengadaan(user=kasi, pk=pk, rekanan="CV Solusi Digital", kontrak_nomor="027/45/2026")
    svc.inovasi_terima(user=kasi, pk=pk, tanggal=today, bast_nomor="027/51/BAST/2026")
    svc.inovasi_sosialisasikan(user=kasi, pk=pk, tanggal=today, uraian="Sosialisasi di aula dinas, 48 peserta.")
    return svc.inovasi_selesaikan(user=kasi, pk=pk)
