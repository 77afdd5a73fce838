"""Builders for sosialisasi tests: an event driven through the services up to a stage, its letters
signed as the TTE would sign them."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from piak import inovasi_data, sosialisasi_data
from piak.models import KategoriPeserta, Sosialisasi
from piak.services import sosialisasi as svc
from sekretariat.models import Naskah

from .conftest import pdf


@pytest.fixture(name="p")
def piak_sosialisasi(piak):
    inovasi_data.load()
    sosialisasi_data.load()
    return piak


def rencana(**overrides) -> svc.RencanaData:
    values = dict(
        tema="Kepemilikan KIA", kecamatan="Sukodono", desa="Klanting", tempat="Balai Desa Klanting",
        tanggal=timezone.localdate() + timedelta(days=14), sasaran="Kader posyandu dan orang tua",
        prioritas="tinggi", dasar_prioritas="Cakupan KIA desa 38%.",
    )  # fmt: skip
    return svc.RencanaData(**(values | overrides))


def rencanakan(p, **overrides) -> Sosialisasi:
    return svc.sosialisasi_rencanakan(user=p["kasi_piak"], data=rencana(**overrides))


def terbit(naskah: Naskah) -> None:
    """The letter signed (what the TTE task does at the end of the chain)."""
    with transaction.atomic():  # as the TTE task publishes it
        Naskah.objects.filter(pk=naskah.pk).update(status="cetak")
        Naskah.objects.get(pk=naskah.pk).signing_completed({}, None, "Ditandatangani secara elektronik.")


def hadir(**jumlah) -> dict[int, int]:
    """{kategori pk: number} from {"Ketua RT/RW": 12}-like names (underscores for spaces not needed)."""
    return {KategoriPeserta.objects.get(nama=nama).pk: n for nama, n in jumlah.items()}


def sampai_siap(p, **overrides) -> Sosialisasi:
    kasi = p["kasi_piak"]
    sos = rencanakan(p, tanggal=timezone.localdate(), **overrides)
    svc.sosialisasi_siapkan_materi(user=kasi, pk=sos.pk, berkas=pdf("Materi KIA", "materi.pdf"), uraian="Syarat KIA.")
    sos = svc.sosialisasi_susun_surat(user=kasi, pk=sos.pk, kepada="Camat Sukodono")
    terbit(sos.surat)
    return Sosialisasi.objects.get(pk=sos.pk)


def pelaksanaan(**overrides) -> svc.PelaksanaanData:
    values = dict(
        tanggal=timezone.localdate(), kehadiran=hadir(**{"Ketua RT/RW": 12, "Kader posyandu dan PKK": 8}),
        daftar_hadir=pdf("Daftar hadir", "hadir.pdf"), notulen="Warga menanyakan syarat KIA untuk bayi.",
    )  # fmt: skip
    return svc.PelaksanaanData(**(values | overrides))


def sampai_dilaksanakan(p) -> Sosialisasi:
    sos = sampai_siap(p)
    return svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan())
