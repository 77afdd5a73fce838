"""Update data kependudukan (P.6.7) services: the chain to the Ditjen and back to the pemohon, the
refusals (at PIAK's check and by the Ditjen), NIK and upload checks, 403/409, the email."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.workflow.models import KartuKendali, WorkItem
from piak.models import PermohonanUpdateData, StatusUpdateData
from piak.services import update_data as svc

from .update_data_helpers import report_pdf, terima, update_data_team  # noqa: F401 (the «upd» fixture)

pytestmark = pytest.mark.django_db
S = StatusUpdateData


def test_the_whole_chain_ends_with_the_pemohon_told_by_email(upd):
    adb, nik = upd["adb"], upd["person"].nik
    p = terima(adb, nik, email="siti@example.org", bukti=report_pdf("kk.pdf"))
    assert p.status == S.DITERIMA and p.bukti.name.endswith(f"upd-{p.pk:05d}-bukti.pdf")
    assert WorkItem.objects.filter(object_id=p.pk, aksi="update_data_olah", selesai_pada=None).exists()
    svc.update_data_verifikasi(user=adb, pk=p.pk, sesuai=True, temuan="Register: satu biodata.")
    today = timezone.localdate()
    svc.update_data_ajukan(user=upd["kasi"], pk=p.pk, nomor_tiket="KONSOL-1", tanggal=today)
    svc.update_data_hasil(user=adb, pk=p.pk, diupdate=True, keterangan="Sudah dikonsolidasi.", tanggal=today)
    assert not PesanKeluar.objects.exists()
    svc.update_data_konfirmasi(user=adb, pk=p.pk, kanal="email", tanggal=today, expected_status=S.DIUPDATE)
    p.refresh_from_db()
    assert p.status == S.SELESAI
    assert (p.nomor_tiket, p.diajukan_tanggal, p.konfirmasi_kanal) == ("KONSOL-1", today, "email")
    steps = list(KartuKendali.objects.filter(object_id=p.pk).order_by("pk").values_list("ke_status", flat=True))
    assert steps == [S.DITERIMA, S.DIVERIFIKASI, S.DIAJUKAN, S.DIUPDATE, S.SELESAI]
    mail = PesanKeluar.objects.get()
    assert mail.kepada == ["siti@example.org"] and "sudah diperbarui" in mail.isi
    assert nik not in mail.isi and nik not in mail.subjek  # the email names the request, not the NIK
    assert not WorkItem.objects.filter(
        object_id=p.pk, selesai_pada=None, content_type__model="permohonanupdatedata"
    ).exists()


def test_refused_at_the_check_goes_to_the_pemohon_with_the_reason(upd):
    p = terima(upd["adb"], upd["person"].nik)
    svc.update_data_verifikasi(user=upd["adb"], pk=p.pk, sesuai=False, temuan="Ini layanan pindah datang.")
    p.refresh_from_db()
    assert p.status == S.DITOLAK and p.alasan_tolak == "Ini layanan pindah datang."
    with pytest.raises(BerkasConflict, match="tidak dapat dilakukan"):
        svc.update_data_ajukan(user=upd["adb"], pk=p.pk, nomor_tiket="X", tanggal=timezone.localdate())
    svc.update_data_konfirmasi(user=upd["adb"], pk=p.pk, kanal="telepon", tanggal=timezone.localdate())
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.SELESAI
    assert not PesanKeluar.objects.exists()  # no email given: nothing sent


def test_refused_by_the_ditjen_keeps_its_reason(upd):
    adb, today = upd["adb"], timezone.localdate()
    p = terima(adb, upd["person"].nik, email="siti@example.org")
    svc.update_data_verifikasi(user=adb, pk=p.pk, sesuai=True, temuan="Sesuai.")
    svc.update_data_ajukan(user=adb, pk=p.pk, nomor_tiket="KONSOL-2", tanggal=today)
    svc.update_data_hasil(user=adb, pk=p.pk, diupdate=False, keterangan="Perlu akta kelahiran.", tanggal=today)
    p.refresh_from_db()
    assert p.status == S.DITOLAK and p.alasan_tolak == "Perlu akta kelahiran."
    svc.update_data_konfirmasi(user=adb, pk=p.pk, kanal="email", tanggal=today)
    assert "Perlu akta kelahiran." in PesanKeluar.objects.get().isi


@pytest.mark.parametrize(
    ("nik", "message"),
    [("12345", "16 digit"), ("35020115019000AB", "hanya boleh berisi angka"), ("3502013201900001", "tidak valid")],
)
def test_an_invalid_nik_is_refused_with_its_message_and_nothing_saved(upd, nik, message):
    with pytest.raises(BerkasInvalid, match=message) as exc:
        terima(upd["adb"], nik)
    assert "nik" in exc.value.fields
    assert not PermohonanUpdateData.objects.exists()


def test_a_fake_pdf_is_refused_by_its_content(upd):
    fake = SimpleUploadedFile("kk.pdf", b"MZ\x90\x00 not a pdf at all" * 20, content_type="application/pdf")
    with pytest.raises(BerkasInvalid) as exc:
        terima(upd["adb"], upd["person"].nik, bukti=fake)
    assert "bukti" in exc.value.fields
    assert not PermohonanUpdateData.objects.exists()


def test_outsiders_may_not_receive_or_act(upd):
    with pytest.raises(BerkasForbidden):
        terima(upd["kasi_dafduk"], upd["person"].nik)
    p = terima(upd["adb"], upd["person"].nik)
    for user in (upd["kabid"], upd["kasi_dafduk"]):  # the Kabid reads, does not process
        with pytest.raises(BerkasForbidden):
            svc.update_data_verifikasi(user=user, pk=p.pk, sesuai=True, temuan="x")
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.DITERIMA


def test_stale_page_is_409_and_dates_in_the_future_are_refused(upd):
    adb = upd["adb"]
    p = terima(adb, upd["person"].nik)
    svc.update_data_verifikasi(user=adb, pk=p.pk, sesuai=True, temuan="Sesuai.")
    with pytest.raises(BerkasConflict, match="baru saja diproses"):
        svc.update_data_verifikasi(user=adb, pk=p.pk, sesuai=True, temuan="Lagi.", expected_status=S.DITERIMA)
    besok = timezone.localdate() + timedelta(days=1)
    with pytest.raises(BerkasInvalid, match="tidak boleh di masa depan"):
        svc.update_data_ajukan(user=adb, pk=p.pk, nomor_tiket="KONSOL-3", tanggal=besok)
    svc.update_data_ajukan(user=adb, pk=p.pk, nomor_tiket="KONSOL-3", tanggal=timezone.localdate())
    svc.update_data_hasil(user=adb, pk=p.pk, diupdate=True, keterangan="ok", tanggal=timezone.localdate())
    with pytest.raises(BerkasInvalid, match="Pemohon tidak mencantumkan email"):
        svc.update_data_konfirmasi(user=adb, pk=p.pk, kanal="email", tanggal=timezone.localdate())
    assert PermohonanUpdateData.objects.get(pk=p.pk).status == S.DIUPDATE
