"""Inovasi layanan services: the P.6.6 chain with the Kadis's return, refusals (403/409/400) and
the nota dinas laporan pelaksanaan drafted as a naskah from the record."""

import pytest
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.workflow.models import KartuKendali, WorkItem
from piak.models import Inovasi, StatusInovasi
from piak.services import inovasi as svc
from sekretariat.models import StatusNaskah

from .conftest import pdf
from .inovasi_helpers import piak_inovasi, sampai_rancangan, sampai_selesai, usul  # noqa: F401

pytestmark = pytest.mark.django_db
S = StatusInovasi


def _holders(inovasi) -> set[str]:
    items = WorkItem.objects.filter(object_id=inovasi.pk, selesai_pada__isnull=True, content_type__model="inovasi")
    return {item.aksi for item in items}


def test_the_chain_with_a_return_from_the_kadis(p):
    inovasi = sampai_rancangan(p)
    assert inovasi.status == S.RANCANGAN
    assert _holders(inovasi) == {"inovasi_setujui"}  # the Kadis's kotak masuk
    assert inovasi.rancangan.read().startswith(b"%PDF")

    svc.inovasi_kembalikan(user=p["kadis"], pk=inovasi.pk, alasan="Tambahkan alur tanpa ponsel.")
    inovasi.refresh_from_db()
    assert inovasi.status == S.TIM_DIBENTUK and inovasi.catatan == "Tambahkan alur tanpa ponsel."
    assert _holders(inovasi) == {"inovasi_kelola"}

    svc.inovasi_ajukan(user=p["kasi_piak"], pk=inovasi.pk, berkas=pdf("Rancangan v2", "v2.pdf"))
    svc.inovasi_setujui(user=p["kadis"], pk=inovasi.pk)
    # no rekanan: received straight after the approval
    svc.inovasi_terima(user=p["kasi_piak"], pk=inovasi.pk, tanggal=timezone.localdate(), bast_nomor="BAST-1")
    svc.inovasi_sosialisasikan(user=p["kasi_piak"], pk=inovasi.pk, tanggal=timezone.localdate(), uraian="Di MPP.")
    svc.inovasi_selesaikan(user=p["kasi_piak"], pk=inovasi.pk)
    inovasi.refresh_from_db()
    assert inovasi.status == S.SELESAI and inovasi.rekanan == ""
    transisi = list(
        KartuKendali.objects.filter(object_id=inovasi.pk, content_type__model="inovasi")
        .order_by("waktu", "pk")
        .values_list("transisi", flat=True)
    )
    assert transisi == ["usul", "bentuk_tim", "ajukan", "kembalikan", "ajukan", "setujui", "terima",
                        "sosialisasikan", "selesaikan"]  # fmt: skip
    assert _holders(inovasi) == set()


def test_only_piak_proposes_and_only_the_kadis_approves(p):
    with pytest.raises(BerkasForbidden):
        usul({**p, "kasi_piak": p["kasi_lain"]})
    inovasi = sampai_rancangan(p)
    with pytest.raises(BerkasForbidden):
        svc.inovasi_setujui(user=p["kasi_piak"], pk=inovasi.pk)
    inovasi.refresh_from_db()
    assert inovasi.status == S.RANCANGAN


def test_a_step_out_of_turn_is_a_conflict(p):
    inovasi = usul(p)
    with pytest.raises(BerkasConflict):
        svc.inovasi_terima(user=p["kasi_piak"], pk=inovasi.pk, tanggal=timezone.localdate(), bast_nomor="B-1")
    with pytest.raises(BerkasConflict):
        svc.inovasi_bentuk_tim(user=p["kasi_piak"], pk=inovasi.pk, tim=[p["adb"]], sk_nomor="SK-1",
                               sk_tanggal=timezone.localdate(), expected_status=S.RANCANGAN)  # fmt: skip
    assert Inovasi.objects.get().status == S.DIUSULKAN


def test_a_design_that_is_not_a_document_is_refused_and_nothing_moves(p):
    from django.core.files.uploadedfile import SimpleUploadedFile

    inovasi = usul(p)
    svc.inovasi_bentuk_tim(user=p["kasi_piak"], pk=inovasi.pk, tim=[p["adb"]], sk_nomor="SK-1",
                           sk_tanggal=timezone.localdate())  # fmt: skip
    fake = SimpleUploadedFile("rancangan.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    with pytest.raises(BerkasInvalid):
        svc.inovasi_ajukan(user=p["kasi_piak"], pk=inovasi.pk, berkas=fake)
    inovasi.refresh_from_db()
    assert inovasi.status == S.TIM_DIBENTUK and not inovasi.rancangan


def test_the_nota_dinas_is_a_naskah_filled_from_the_programme(p):
    inovasi = sampai_selesai(p, "Cetak mandiri dokumen")
    inovasi = svc.inovasi_nota_dinas(user=p["kasi_piak"], pk=inovasi.pk)
    naskah = inovasi.nota_dinas
    assert naskah.jenis.kode == "nota-dinas-laporan-pelaksanaan"
    assert naskah.jenis.rute_paraf == ["kabid"]
    assert naskah.status == StatusNaskah.KONSEP and naskah.pembuat == p["kasi_piak"]
    assert naskah.hal == "Laporan pelaksanaan inovasi layanan Cetak mandiri dokumen"
    assert naskah.data["dari"] == svc.DARI
    for part in ("Cetak mandiri dokumen", "SK nomor 800/1/SK/2026", "Rudi Kasi", "CV Solusi Digital",
                 "027/51/BAST/2026", "48 peserta"):  # fmt: skip
        assert part in naskah.isi
    with pytest.raises(BerkasConflict):  # one nota dinas per programme
        svc.inovasi_nota_dinas(user=p["kasi_piak"], pk=inovasi.pk)


def test_no_nota_dinas_before_the_programme_is_finished(p):
    inovasi = sampai_rancangan(p)
    with pytest.raises(BerkasConflict):
        svc.inovasi_nota_dinas(user=p["kasi_piak"], pk=inovasi.pk)
    assert Inovasi.objects.get().nota_dinas_id is None
