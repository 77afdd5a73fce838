"""PIAK's operational registers through their services: who may write, what is refused, and the
three flags (no verified restore in N days, access without pakta, device unchecked this quarter)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from piak.models import KunjunganRuangServer, PemeriksaanPerangkat
from piak.selectors import operasional as sel
from piak.services import operasional as svc

from .conftest import pdf

pytestmark = pytest.mark.django_db


def backup(user, days_ago: int = 1, jenis: str = "database"):
    return svc.backup_catat(user=user, data={
        "jenis": jenis, "waktu": timezone.now() - timedelta(days=days_ago), "media": "HDD eksternal",
        "lokasi_penyimpanan": "Brankas", "ukuran_mb": Decimal("100.5"), "checksum": "a" * 64,
    })  # fmt: skip


def device(user, seri: str = "SRV-1", lokasi: str = "Kantor Dinas"):
    data = {"jenis": "server", "merek": "Server SIAK", "nomor_seri": seri, "lokasi": lokasi}
    return svc.perangkat_catat(user=user, data=data)


def test_a_backup_is_flagged_until_a_successful_restore_within_the_limit(piak, settings):
    settings.PIAK_BATAS_UJI_PEMULIHAN_HARI = 90
    adb, kabid = piak["adb"], piak["kabid_piak"]
    b = backup(adb, days_ago=200)
    assert [x.pk for x in sel.backup_list(kabid, belum_uji=True)] == [b.pk]
    today = timezone.localdate()
    svc.backup_uji_catat(user=adb, backup_pk=b.pk, tanggal=today - timedelta(days=100), hasil="berhasil")
    svc.backup_uji_catat(user=adb, backup_pk=b.pk, tanggal=today - timedelta(days=5), hasil="gagal")
    assert sel.backup_list(kabid, belum_uji=True).count() == 1  # too old, and a failure does not count
    svc.backup_uji_catat(user=adb, backup_pk=b.pk, tanggal=today - timedelta(days=4), hasil="berhasil")
    row = sel.backup_list(kabid).get()
    assert row.uji_valid is True and row.uji_terakhir == today - timedelta(days=4)
    assert sel.backup_list(kabid, belum_uji=True).count() == 0
    settings.PIAK_BATAS_UJI_PEMULIHAN_HARI = 3  # a stricter setting flags it again
    assert sel.backup_list(kabid, belum_uji=True).count() == 1


def test_a_restore_test_before_the_backup_is_refused(piak):
    b = backup(piak["adb"], days_ago=2)
    with pytest.raises(BerkasInvalid, match="sebelum tanggal backup"):
        svc.backup_uji_catat(user=piak["adb"], backup_pk=b.pk, tanggal=timezone.localdate() - timedelta(days=10),
                             hasil="berhasil")  # fmt: skip
    assert not b.uji.exists()


def test_only_piak_adb_and_kasi_write_the_kabid_and_kadis_read(piak):
    for reader in (piak["kabid_piak"], piak["kadis"], piak["kasi_lain"]):
        with pytest.raises(BerkasForbidden):
            backup(reader)
    assert sel.boleh_lihat(piak["kadis"]) and sel.boleh_lihat(piak["kabid_piak"])
    assert not sel.boleh_lihat(piak["kasi_lain"]) and not sel.boleh_kelola(piak["kabid_piak"])
    backup(piak["kasi_piak"])
    assert sel.backup_list(piak["kasi_lain"]).count() == 0 and sel.backup_list(piak["kadis"]).count() == 1


def test_time_out_before_time_in_is_refused_and_an_open_visit_closes_once(piak):
    adb, now = piak["adb"], timezone.now()
    with pytest.raises(BerkasInvalid, match="Waktu keluar tidak boleh sebelum waktu masuk"):
        svc.kunjungan_catat(user=adb, data={"nama_tamu": "Andi", "instansi": "CV X", "keperluan": "Servis",
                                            "masuk": now, "keluar": now - timedelta(hours=1)})  # fmt: skip
    assert not KunjunganRuangServer.objects.exists()
    visit = svc.kunjungan_catat(user=adb, data={"staf": adb, "keperluan": "Backup", "masuk": now,
                                                "kunci_diambil": True})  # fmt: skip
    assert visit.masih_di_dalam and sel.kunjungan_list(adb, di_dalam=True).get() == visit
    with pytest.raises(BerkasInvalid):
        svc.kunjungan_keluar(user=adb, pk=visit.pk, keluar=now - timedelta(minutes=5), kunci_dikembalikan=True)
    svc.kunjungan_keluar(user=adb, pk=visit.pk, keluar=now + timedelta(hours=1), kunci_dikembalikan=True)
    visit.refresh_from_db()
    assert not visit.masih_di_dalam and visit.kunci_dikembalikan
    with pytest.raises(BerkasConflict):
        svc.kunjungan_keluar(user=adb, pk=visit.pk, keluar=now + timedelta(hours=2), kunci_dikembalikan=True)


def test_an_active_access_without_pakta_is_flagged_until_uploaded(piak):
    kasi, today = piak["kasi_piak"], timezone.localdate()
    tanpa = svc.akses_catat(user=kasi, data={"nama_luar": "Rudi", "instansi": "ADB Provinsi", "hak": "read",
                                             "diberikan": today})  # fmt: skip
    svc.akses_catat(user=kasi, data={"staf": piak["adb"], "hak": "admin", "diberikan": today, "pakta": pdf()})
    svc.akses_catat(user=kasi, data={"nama_luar": "Lama", "instansi": "Vendor", "hak": "write",
                                     "diberikan": today - timedelta(days=50),
                                     "dicabut": today - timedelta(days=1)})  # fmt: skip
    assert [a.pk for a in sel.akses_list(kasi, status="tanpa_pakta")] == [tanpa.pk]
    assert sel.akses_list(kasi, status="aktif").count() == 2 and sel.akses_list(kasi, status="dicabut").count() == 1
    svc.akses_pakta_unggah(user=kasi, pk=tanpa.pk, pakta=pdf())
    assert not sel.akses_list(kasi, status="tanpa_pakta").exists()


def test_devices_not_checked_this_quarter_are_listed_and_a_second_check_is_409(piak):
    adb, today = piak["adb"], timezone.localdate()
    checked, unchecked = device(adb, "SRV-1"), device(adb, "PRN-9", "Kecamatan Bintan Timur")
    svc.perangkat_periksa(user=adb, perangkat_pk=checked.pk, tanggal=today, kondisi="rusak_ringan")
    assert [p.pk for p in sel.perangkat_list(adb, belum_diperiksa=True)] == [unchecked.pk]
    row = sel.perangkat_list(adb).get(pk=checked.pk)
    assert row.kondisi_terakhir == "rusak_ringan" and row.diperiksa_terakhir == today
    with pytest.raises(BerkasConflict, match="sudah diperiksa pada triwulan"):
        svc.perangkat_periksa(user=adb, perangkat_pk=checked.pk, tanggal=today, kondisi="baik")
    assert PemeriksaanPerangkat.objects.filter(perangkat=checked).count() == 1
    with pytest.raises(BerkasConflict, match="sudah tercatat"):
        device(adb, "srv-1")
