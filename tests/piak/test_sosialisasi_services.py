"""Sosialisasi kebijakan kependudukan (Lumajang SOP): the plan, the material, the letter to the
kecamatan through the naskah chain, the attendance and notulen, the nota dinas to the Kadis; who may
act (403), steps out of turn (409) and bad input (400), with nothing saved."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.selectors import work_items
from dukcapil.workflow.models import KartuKendali
from piak.models import KehadiranSosialisasi, Sosialisasi, StatusSosialisasi
from piak.services import sosialisasi as svc
from sekretariat.models import StatusNaskah

from .conftest import pdf
from .sosialisasi_helpers import (  # noqa: F401
    hadir,
    pelaksanaan,
    piak_sosialisasi,
    rencana,
    rencanakan,
    sampai_dilaksanakan,
    sampai_siap,
    terbit,
)

pytestmark = pytest.mark.django_db
S = StatusSosialisasi


def test_the_whole_sop_from_plan_to_the_kadis_signed_report(p):
    kasi = p["kasi_piak"]
    sos = rencanakan(p)
    assert (sos.status, sos.nomor, sos.tenggat) == (S.DIRENCANAKAN, f"SOS-{sos.pk:04d}", sos.tanggal)
    # the SOP's minutes: 2 hari for the material, 2 jam for the letter, 1 jam for the report
    assert sos.standar_waktu == {"direncanakan": 2 * 450, "materi_siap": 120, "dilaksanakan": 60}
    assert [w.record for w in work_items(kasi)] == [sos]

    svc.sosialisasi_siapkan_materi(user=kasi, pk=sos.pk, berkas=pdf("Materi KIA", "materi.pdf"),
                                   uraian="Syarat dan manfaat KIA.", expected_status=S.DIRENCANAKAN)  # fmt: skip
    sos = svc.sosialisasi_susun_surat(user=kasi, pk=sos.pk, kepada="Camat Sukodono",
                                      koordinasi="Sekcam menyiapkan balai desa.")  # fmt: skip
    surat = sos.surat
    assert (sos.status, surat.jenis.kode, surat.status, surat.tujuan_nama) == (
        S.SURAT,
        "surat-dinas",
        StatusNaskah.KONSEP,
        "Camat Sukodono",
    )
    for part in ("Kepemilikan KIA", "Kecamatan Sukodono Desa/Kelurahan Klanting", "Balai Desa Klanting",
                 "Sekcam menyiapkan balai desa."):  # fmt: skip
        assert part in surat.isi
    assert list(work_items(kasi)) == []  # the letter is in the naskah chain now, not with the Kasi

    terbit(surat)
    sos.refresh_from_db()
    assert sos.status == S.SIAP

    sos = svc.sosialisasi_laksanakan(user=kasi, pk=sos.pk, data=pelaksanaan())
    assert sos.status == S.DILAKSANAKAN and sos.daftar_hadir and sos.notulen.startswith("Warga menanyakan")
    counts = dict(KehadiranSosialisasi.objects.filter(sosialisasi=sos).values_list("kategori__nama", "jumlah"))
    assert counts == {"Ketua RT/RW": 12, "Kader posyandu dan PKK": 8}

    sos = svc.sosialisasi_laporkan(user=kasi, pk=sos.pk)
    nota = sos.nota_dinas
    assert (sos.status, nota.jenis.kode, nota.jenis.rute_paraf, nota.tujuan_nama) == (
        S.DILAPORKAN,
        "nota-dinas-laporan-pelaksanaan",
        ["kabid"],
        "Kepala Dinas",
    )
    for part in ("20 orang", "Ketua RT/RW: 12 orang", "Kader posyandu dan PKK: 8 orang", "Syarat dan manfaat KIA.",
                 "Warga menanyakan syarat KIA untuk bayi.", "(prioritas tinggi: Cakupan KIA desa 38%)."):  # fmt: skip
        assert part in nota.isi

    terbit(nota)
    sos.refresh_from_db()
    assert sos.status == S.SELESAI
    ct = ContentType.objects.get_for_model(Sosialisasi)
    cards = KartuKendali.objects.filter(content_type=ct, object_id=sos.pk).order_by("waktu", "pk")
    assert [c.transisi for c in cards] == ["rencanakan", "siapkan_materi", "susun_surat", "surat_terbit",
                                           "laksanakan", "laporkan", "laporan_terbit"]  # fmt: skip
    assert cards[1].pelaku == kasi and cards[3].pelaku is None  # the system followed the signed letter


def test_a_plan_in_the_past_or_without_its_priority_data_is_refused(p):
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(BerkasInvalid) as past:
        rencanakan(p, tanggal=yesterday)
    assert past.value.fields == {"tanggal": ["Tanggal rencana sosialisasi tidak boleh sebelum hari ini."]}
    with pytest.raises(BerkasInvalid) as missing:
        rencanakan(p, dasar_prioritas=" ", kecamatan="")
    assert set(missing.value.fields) == {"dasar_prioritas", "kecamatan"}
    with pytest.raises(BerkasInvalid):
        rencanakan(p, prioritas="darurat")
    assert not Sosialisasi.objects.exists()


def test_only_piak_plans_and_acts(p):
    with pytest.raises(BerkasForbidden):
        svc.sosialisasi_rencanakan(user=p["kasi_lain"], data=rencana())
    sos = rencanakan(p)
    with pytest.raises(BerkasForbidden):  # the ADB of PIAK reads, does not act
        svc.sosialisasi_batalkan(user=p["adb"], pk=sos.pk, alasan="x")
    with pytest.raises(BerkasForbidden):
        svc.sosialisasi_siapkan_materi(user=p["kasi_lain"], pk=sos.pk, berkas=pdf(), uraian="x")
    assert Sosialisasi.objects.get().status == S.DIRENCANAKAN


def test_a_stale_page_and_a_step_out_of_turn_are_conflicts(p):
    sos = rencanakan(p)
    with pytest.raises(BerkasConflict, match="baru saja diproses"):
        svc.sosialisasi_batalkan(user=p["kasi_piak"], pk=sos.pk, alasan="x", expected_status=S.MATERI_SIAP)
    with pytest.raises(BerkasConflict, match="tidak dapat dilakukan pada tahap ini"):
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan())
    with pytest.raises(BerkasConflict):  # the letter is signed by the chain, never by hand
        svc.sosialisasi_laporkan(user=p["kasi_piak"], pk=sos.pk)
    assert Sosialisasi.objects.get().status == S.DIRENCANAKAN
    assert not KehadiranSosialisasi.objects.exists()


def test_a_material_or_daftar_hadir_that_is_not_a_document_is_refused_and_nothing_moves(p):
    sos = rencanakan(p)
    fake = SimpleUploadedFile("materi.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    with pytest.raises(BerkasInvalid) as refused:
        svc.sosialisasi_siapkan_materi(user=p["kasi_piak"], pk=sos.pk, berkas=fake, uraian="Syarat KIA.")
    assert "berkas" in refused.value.fields
    sos.refresh_from_db()
    assert sos.status == S.DIRENCANAKAN and not sos.materi

    siap = sampai_siap(p, tema="IKD")
    fake = SimpleUploadedFile("hadir.png", b"<html>bukan gambar</html>", content_type="image/png")
    with pytest.raises(BerkasInvalid) as refused:
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=siap.pk, data=pelaksanaan(daftar_hadir=fake))
    assert "daftar_hadir" in refused.value.fields
    assert Sosialisasi.objects.get(pk=siap.pk).status == S.SIAP and not KehadiranSosialisasi.objects.exists()


def test_attendance_must_count_someone_and_the_date_cannot_be_in_the_future(p):
    sos = sampai_siap(p)
    nobody, negative = hadir(**{"Ketua RT/RW": 0}), hadir(**{"Ketua RT/RW": -3})
    with pytest.raises(BerkasInvalid, match="sedikitnya untuk satu kategori"):
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan(kehadiran=nobody))
    with pytest.raises(BerkasInvalid, match="tidak boleh negatif"):
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan(kehadiran=negative))
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(BerkasInvalid) as future:
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan(tanggal=tomorrow))
    assert future.value.fields == {"tanggal": ["Tanggal pelaksanaan tidak boleh di masa depan."]}
    with pytest.raises(BerkasInvalid, match="Notulen"):
        svc.sosialisasi_laksanakan(user=p["kasi_piak"], pk=sos.pk, data=pelaksanaan(notulen="  "))
    assert Sosialisasi.objects.get().status == S.SIAP and not KehadiranSosialisasi.objects.exists()


def test_the_surat_tugas_is_a_naskah_once_between_the_material_and_the_event(p):
    sos = rencanakan(p)
    with pytest.raises(BerkasConflict):
        svc.sosialisasi_surat_tugas(user=p["kasi_piak"], pk=sos.pk, kepada="Rudi, Kasi PIAK")
    svc.sosialisasi_siapkan_materi(user=p["kasi_piak"], pk=sos.pk, berkas=pdf(), uraian="Syarat KIA.")
    sos = svc.sosialisasi_surat_tugas(user=p["kasi_piak"], pk=sos.pk, kepada="Rudi, Kasi PIAK")
    tugas = sos.surat_tugas
    assert tugas.jenis.kode == "surat-tugas" and tugas.data["kepada"] == "Rudi, Kasi PIAK"
    assert "Klanting, Kec. Sukodono" in tugas.data["untuk"]
    with pytest.raises(BerkasConflict, match="sudah disusun"):
        svc.sosialisasi_surat_tugas(user=p["kasi_piak"], pk=sos.pk, kepada="Fajar")
    assert Sosialisasi.objects.get().status == S.MATERI_SIAP  # the surat tugas moves no stage


def test_a_cancelled_plan_needs_a_reason_and_leaves_the_inbox(p):
    sos = rencanakan(p)
    with pytest.raises(BerkasInvalid):
        svc.sosialisasi_batalkan(user=p["kasi_piak"], pk=sos.pk, alasan=" ")
    sos = svc.sosialisasi_batalkan(user=p["kasi_piak"], pk=sos.pk, alasan="Bentrok dengan musrenbang.")
    assert sos.status == S.DIBATALKAN and sos.catatan == "Bentrok dengan musrenbang."
    assert list(work_items(p["kasi_piak"])) == []
