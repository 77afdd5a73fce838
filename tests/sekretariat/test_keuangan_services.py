from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import KartuKendali
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.selectors import work_items
from dukcapil.workflow.models import WorkItem
from sekretariat.models import Spp, StatusSpp, SubKegiatanDpa
from sekretariat.services import keuangan as svc

from .keuangan_helpers import orang_keuangan, siapkan, sub_kegiatan, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    return orang_keuangan()


def _kartu(spp) -> list[tuple[str, str, str]]:
    ct = ContentType.objects.get_for_model(Spp)
    return list(
        KartuKendali.objects.filter(content_type=ct, object_id=spp.pk)
        .order_by("waktu", "pk")
        .values_list("transisi", "ke_status", "pelaku__username")
    )


def test_spp_goes_from_pptk_to_cair_with_a_card_per_step_and_inbox_items(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    assert [i.object_id for i in work_items(o["bendahara"])] == [spp.pk]
    assert list(work_items(o["ppk"])) == []

    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk, expected_status="konsep")
    assert [i.object_id for i in work_items(o["ppk"])] == [spp.pk]
    svc.spp_setujui(user=o["ppk"], pk=spp.pk, expected_status="diajukan")
    assert [i.object_id for i in work_items(o["kadis"])] == [spp.pk]
    svc.spm_tandatangani(
        user=o["kadis"], pk=spp.pk, nomor_spm="SPM-77/2026", tanggal_spm=date(2026, 11, 4), expected_status="disetujui"
    )
    svc.sp2d_catat(user=o["bendahara"], pk=spp.pk, nomor_sp2d="SP2D-9/2026", tanggal_sp2d=date(2026, 11, 6))
    svc.spp_cair(user=o["bendahara"], pk=spp.pk, tanggal_cair=date(2026, 11, 7))

    spp.refresh_from_db()
    assert spp.status == StatusSpp.CAIR
    assert (spp.nomor_spm, spp.nomor_sp2d, spp.tanggal_cair) == ("SPM-77/2026", "SP2D-9/2026", date(2026, 11, 7))
    assert [t for t, _, _ in _kartu(spp)] == [
        "siapkan",
        "ajukan",
        "setujui",
        "tandatangani_spm",
        "catat_sp2d",
        "catat_cair",
    ]
    assert _kartu(spp)[3][2] == o["kadis"].username
    ct = ContentType.objects.get_for_model(Spp)
    assert not WorkItem.objects.filter(content_type=ct, object_id=spp.pk, selesai_pada__isnull=True).exists()


def test_standard_minutes_come_from_the_lumajang_spp_spm_sop(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    # step 3 (Kasubag Keuangan/PPK checks): 30 minutes; step 5 (Kepala Dinas signs): 1 hour
    assert spp.standar_waktu["diajukan"] == 30
    assert spp.standar_waktu["disetujui"] == 60


def test_ppk_returns_the_spp_with_a_note_and_the_pptk_is_told(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk)

    with pytest.raises(BerkasInvalid) as empty:
        svc.spp_kembalikan(user=o["ppk"], pk=spp.pk, catatan="  ")
    assert "catatan" in empty.value.fields

    svc.spp_kembalikan(user=o["ppk"], pk=spp.pk, catatan="Kuitansi belum dilampirkan.", expected_status="diajukan")
    spp.refresh_from_db()
    assert spp.status == StatusSpp.KONSEP
    assert spp.catatan == "Kuitansi belum dilampirkan."
    notice = Notifikasi.objects.get(penerima=o["pptk"])
    assert notice.pesan == "Kuitansi belum dilampirkan."
    assert spp.nomor in notice.judul
    # back with the Bendahara, who submits it again
    assert [i.object_id for i in work_items(o["bendahara"])] == [spp.pk]
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk, expected_status="konsep")
    spp.refresh_from_db()
    assert spp.status == StatusSpp.DIAJUKAN


def test_an_spm_without_an_approved_spp_is_refused(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    with pytest.raises(BerkasConflict) as refused:
        svc.spm_tandatangani(user=o["kadis"], pk=spp.pk, nomor_spm="SPM-1/2026", tanggal_spm=date(2026, 11, 3))
    assert "Tandatangani SPM" in refused.value.message
    spp.refresh_from_db()
    assert spp.nomor_spm == ""
    assert spp.status == StatusSpp.KONSEP


def test_an_spm_for_no_spp_at_all_is_refused(o):
    with pytest.raises(BerkasInvalid) as refused:
        svc.spm_tandatangani(user=o["kadis"], pk=987654, nomor_spm="SPM-1/2026", tanggal_spm=date(2026, 11, 3))
    assert refused.value.message == "SPP tidak ditemukan."


def test_the_database_refuses_a_nomor_spm_on_an_spp_not_yet_approved(o):
    from django.db import IntegrityError, transaction

    spp = siapkan(o["pptk"], sub_kegiatan())
    with pytest.raises(IntegrityError), transaction.atomic():
        Spp.objects.filter(pk=spp.pk).update(nomor_spm="SPM-X")


def test_roles_act_only_on_their_own_step(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    with pytest.raises(BerkasForbidden):
        svc.spp_ajukan(user=o["pptk"], pk=spp.pk)
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk)
    with pytest.raises(BerkasForbidden):
        svc.spp_setujui(user=o["bendahara"], pk=spp.pk)
    with pytest.raises(BerkasForbidden):
        siapkan(o["staf"], sub_kegiatan(kode="X.1"), nomor="SPP-9")


def test_two_ppk_pages_one_wins_the_other_is_told(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk)
    svc.spp_setujui(user=o["ppk"], pk=spp.pk, expected_status="diajukan")
    with pytest.raises(BerkasConflict) as late:
        svc.spp_kembalikan(user=o["ppk"], pk=spp.pk, catatan="Kurang", expected_status="diajukan")
    assert "baru saja diproses" in late.value.message


def test_sp2d_date_before_the_spm_is_refused(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    svc.spp_ajukan(user=o["bendahara"], pk=spp.pk)
    svc.spp_setujui(user=o["ppk"], pk=spp.pk)
    svc.spm_tandatangani(user=o["kadis"], pk=spp.pk, nomor_spm="SPM-1", tanggal_spm=date(2026, 11, 10))
    with pytest.raises(BerkasInvalid) as early:
        svc.sp2d_catat(user=o["bendahara"], pk=spp.pk, nomor_sp2d="SP2D-1", tanggal_sp2d=date(2026, 11, 9))
    assert "tanggal_sp2d" in early.value.fields


def test_duplicate_nomor_sipd_in_one_year_is_a_field_error(o):
    sub = sub_kegiatan()
    siapkan(o["pptk"], sub)
    with pytest.raises(BerkasInvalid) as dup:
        siapkan(o["pptk"], sub)
    assert "nomor_sipd" in dup.value.fields


# --- DPA import ------------------------------------------------------------------------------


def test_dpa_import_saves_every_row(o):
    rows = [
        [2026, "5.01.01", "Program penunjang", "5.01.01.2.01", "Perencanaan", "5.01.01.2.01.0001", "Renstra", 12000000],
        [2026, "5.01.01", "Program penunjang", "5.01.01.2.02", "Keuangan", "5.01.01.2.02.0001", "Gaji", "350000000"],
    ]
    assert svc.dpa_impor(user=o["bendahara"], berkas=xlsx(rows)) == 2
    gaji = SubKegiatanDpa.objects.get(kode="5.01.01.2.02.0001")
    assert (gaji.tahun, gaji.pagu, gaji.kegiatan_nama) == (2026, Decimal("350000000"), "Keuangan")


def test_dpa_import_with_bad_rows_names_the_lines_and_saves_nothing(o):
    rows = [
        [2026, "5.01.01", "Program", "5.01.01.2.01", "Kegiatan", "5.01.01.2.01.0001", "Sub", 1000],
        [2026, "5.01.01", "Program", "5.01.01.2.01", "Kegiatan", "5.01.01.2.01.0002", "Sub 2", "seribu"],
        ["dua ribu", "5.01.01", "Program", "5.01.01.2.01", "Kegiatan", "5.01.01.2.01.0003", "Sub 3", 5],
        [2026, "5.01.01", "Program", "5.01.01.2.01", "Kegiatan", "5.01.01.2.01.0001", "Sub lagi", 7],
    ]
    with pytest.raises(BerkasInvalid) as bad:
        svc.dpa_impor(user=o["bendahara"], berkas=xlsx(rows))
    errors = bad.value.fields["berkas"]
    assert errors == [
        "Baris 3: pagu «seribu» bukan angka rupiah.",
        "Baris 4: tahun «dua ribu» bukan tahun anggaran.",
        "Baris 5: sub kegiatan 5.01.01.2.01.0001 sudah ada di baris 2.",
    ]
    assert not SubKegiatanDpa.objects.exists()


def test_dpa_import_with_a_missing_column_says_which(o):
    with pytest.raises(BerkasInvalid) as bad:
        svc.dpa_impor(user=o["ppk"], berkas=xlsx([], header=["tahun", "kode_program", "program"]))
    assert "kode_kegiatan" in bad.value.message


def test_dpa_import_of_a_file_that_is_not_xlsx(o):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(BerkasInvalid) as bad:
        svc.dpa_impor(user=o["ppk"], berkas=SimpleUploadedFile("dpa.xlsx", b"bukan xlsx"))
    assert bad.value.message == "Berkas bukan XLSX yang dapat dibaca."


def test_only_bendahara_or_ppk_import_the_dpa(o):
    with pytest.raises(BerkasForbidden):
        svc.dpa_impor(user=o["pptk"], berkas=xlsx([]))
