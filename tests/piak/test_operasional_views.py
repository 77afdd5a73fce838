"""PIAK's operational register screens: forms (400 with Indonesian messages, nothing saved), 403
for roles outside PIAK, flags on the pages, pinned query counts, the XLSX exports, the pakta upload."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from piak.models import AksesDatabase, Backup, KunjunganRuangServer, PemeriksaanPerangkat, PerangkatSiak
from piak.services import operasional as svc

from .conftest import pdf
from .test_operasional_services import backup, device

pytestmark = pytest.mark.django_db
MASIH = '<strong class="flag">masih di dalam</strong>'
LISTS = ["operasional-backup", "operasional-kunjungan", "operasional-akses", "operasional-perangkat"]


def _dt(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.parametrize("name", LISTS + [n + "-xlsx" for n in LISTS])
def test_officers_outside_piak_get_403_and_the_kadis_reads(client, piak, name):
    client.force_login(piak["kasi_lain"])
    assert client.get(reverse("piak:" + name)).status_code == 403
    client.force_login(piak["kadis"])
    assert client.get(reverse("piak:" + name)).status_code == 200


@pytest.mark.parametrize("name", [n + "-baru" for n in LISTS])
def test_readers_may_not_write(client, piak, name):
    client.force_login(piak["kabid_piak"])
    response = client.post(reverse("piak:" + name), {})
    assert response.status_code == 403
    assert "Hanya ADB dan Kasi PIAK" in response.content.decode()


def test_backup_form_errors_are_400_in_indonesian(client, piak):
    client.force_login(piak["adb"])
    data = {"jenis": "database", "waktu": _dt(timezone.now()), "media": "HDD", "lokasi_penyimpanan": "Brankas",
            "ukuran_mb": "0", "checksum": "bukan-checksum"}  # fmt: skip
    response = client.post(reverse("piak:operasional-backup-baru"), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Ukuran backup harus lebih dari 0 MB." in text and "Checksum harus berupa MD5" in text
    assert not Backup.objects.exists()
    data |= {"ukuran_mb": "1500.5", "checksum": "D41D8CD98F00B204E9800998ECF8427E"}
    assert client.post(reverse("piak:operasional-backup-baru"), data).status_code == 302
    assert Backup.objects.get().checksum == "d41d8cd98f00b204e9800998ecf8427e"


def test_backup_page_flags_the_unverified_and_the_restore_form_clears_it(client, piak):
    b = backup(piak["adb"], days_ago=3)
    client.force_login(piak["kasi_piak"])
    page = client.get(reverse("piak:operasional-backup")).content.decode()
    assert "Belum ada restore terverifikasi dalam 90 hari" in page
    url = reverse("piak:operasional-backup-uji", args=[b.pk])
    response = client.post(
        url, {"tanggal": (timezone.localdate() + timedelta(days=2)).isoformat(), "hasil": "berhasil"}
    )
    assert response.status_code == 400 and "tidak boleh di masa depan" in response.content.decode()
    assert client.post(url, {"tanggal": timezone.localdate().isoformat(), "hasil": "berhasil"}).status_code == 302
    page = client.get(reverse("piak:operasional-backup")).content.decode()
    assert "Belum ada restore terverifikasi" not in page and "Berhasil" in page


def test_visit_time_out_before_time_in_is_400_and_an_open_visit_shows_masih_di_dalam(client, piak):
    client.force_login(piak["adb"])
    now = timezone.now()
    data = {"nama_tamu": "Andi Saputra", "instansi": "CV Mitra", "keperluan": "Ganti switch",
            "masuk": _dt(now), "keluar": _dt(now - timedelta(hours=1)), "kunci_diambil": "on"}  # fmt: skip
    response = client.post(reverse("piak:operasional-kunjungan-baru"), data)
    assert response.status_code == 400
    assert "Waktu keluar tidak boleh sebelum waktu masuk." in response.content.decode()
    response = client.post(reverse("piak:operasional-kunjungan-baru"), {"keperluan": "x", "masuk": _dt(now)})
    assert response.status_code == 400 and "Pilih pegawai atau tulis nama tamu." in response.content.decode()
    assert not KunjunganRuangServer.objects.exists()
    data["keluar"] = ""
    assert client.post(reverse("piak:operasional-kunjungan-baru"), data).status_code == 302
    visit = KunjunganRuangServer.objects.get()
    assert MASIH in client.get(reverse("piak:operasional-kunjungan")).content.decode()
    keluar = reverse("piak:operasional-kunjungan-keluar", args=[visit.pk])
    assert client.post(keluar, {"keluar": _dt(now - timedelta(hours=2))}).status_code == 400
    assert client.post(keluar, {"keluar": _dt(now + timedelta(hours=1)), "kunci_dikembalikan": "on"}).status_code == 302
    assert client.post(keluar, {"keluar": _dt(now + timedelta(hours=2))}).status_code == 409
    assert MASIH not in client.get(reverse("piak:operasional-kunjungan")).content.decode()


def test_access_pakta_is_checked_by_content_and_the_missing_one_is_flagged(client, piak):
    client.force_login(piak["kasi_piak"])
    data = {"nama_luar": "Rudi Hartono", "instansi": "ADB Provinsi", "hak": "read",
            "diberikan": timezone.localdate().isoformat()}  # fmt: skip
    fake = SimpleUploadedFile("pakta.pdf", b"bukan pdf sama sekali", content_type="application/pdf")
    response = client.post(reverse("piak:operasional-akses-baru"), data | {"pakta": fake})
    assert response.status_code == 400 and "Pakta integritas harus berupa PDF" in response.content.decode()
    assert not AksesDatabase.objects.exists()
    assert client.post(reverse("piak:operasional-akses-baru"), data).status_code == 302
    akses = AksesDatabase.objects.get()
    assert "Belum ada pakta integritas" in client.get(reverse("piak:operasional-akses")).content.decode()
    url = reverse("piak:operasional-akses-pakta", args=[akses.pk])
    assert client.post(url, {"pakta": pdf()}).status_code == 302
    assert "Belum ada pakta integritas" not in client.get(reverse("piak:operasional-akses")).content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_device_page_lists_those_unchecked_this_quarter(client, piak):
    adb, today = piak["adb"], timezone.localdate()
    lama, baru = device(adb, "PKT-1"), device(adb, "SRV-2")
    awal_triwulan = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    svc.perangkat_periksa(user=adb, perangkat_pk=lama.pk, tanggal=awal_triwulan - timedelta(days=1), kondisi="baik")
    client.force_login(adb)
    periksa = {"tanggal": today.isoformat(), "kondisi": "rusak_berat", "catatan": "Catu daya mati."}
    response = client.post(reverse("piak:operasional-perangkat-periksa", args=[baru.pk]), periksa)
    assert response.status_code == 302
    page = client.get(reverse("piak:operasional-perangkat"), {"belum_diperiksa": "1"}).content.decode()
    assert "1 perangkat belum diperiksa" in page and "PKT-1" in page and "SRV-2" not in page
    response = client.post(reverse("piak:operasional-perangkat-periksa", args=[baru.pk]),
                           {"tanggal": today.isoformat(), "kondisi": "baik"})  # fmt: skip
    assert response.status_code == 409 and PemeriksaanPerangkat.objects.filter(perangkat=baru).count() == 1
    response = client.post(reverse("piak:operasional-perangkat-baru"),
                           {"jenis": "printer", "merek": "", "nomor_seri": "SRV-2", "lokasi": "Kantor"})  # fmt: skip
    assert response.status_code == 400 and PerangkatSiak.objects.count() == 2


@pytest.mark.parametrize("n", [3, 30])
def test_list_pages_read_a_fixed_number_of_queries(client, piak, django_assert_num_queries, n):
    adb, kasi, today = piak["adb"], piak["kasi_piak"], timezone.localdate()
    for i in range(n):
        b = backup(adb, days_ago=i + 1)
        svc.backup_uji_catat(user=adb, backup_pk=b.pk, tanggal=today, hasil="berhasil")
        svc.kunjungan_catat(user=adb, data={"staf": kasi, "keperluan": "Cek", "masuk": timezone.now(),
                                            "pendamping": adb})  # fmt: skip
        svc.akses_catat(user=kasi, data={"staf": adb, "hak": "read", "diberikan": today})
        svc.perangkat_periksa(user=adb, perangkat_pk=device(adb, f"S-{i}").pk, tanggal=today, kondisi="baik")
    client.force_login(piak["kabid_piak"])
    client.get(reverse("piak:operasional-backup"))  # warm the session/user caches
    # session, user, groups, bidang, notification badge; the page's count and rows (+ the unchecked count)
    for name, queries in (("operasional-backup", 7), ("operasional-kunjungan", 7), ("operasional-akses", 7),
                          ("operasional-perangkat", 8)):  # fmt: skip
        with django_assert_num_queries(queries):
            assert client.get(reverse("piak:" + name)).status_code == 200


def test_xlsx_exports_hold_the_rows_and_the_flags(client, piak):
    b = backup(piak["adb"])
    svc.akses_catat(user=piak["kasi_piak"], data={"nama_luar": "Rudi", "instansi": "ADB Provinsi", "hak": "read",
                                                  "diberikan": timezone.localdate()})  # fmt: skip
    client.force_login(piak["kadis"])
    ws = load_workbook(io.BytesIO(client.get(reverse("piak:operasional-backup-xlsx")).content)).active
    assert ws["A1"].value == "Log backup" and ws["F4"].value == b.checksum and ws["I4"].value == "perlu uji pemulihan"
    ws = load_workbook(io.BytesIO(client.get(reverse("piak:operasional-akses-xlsx")).content)).active
    assert [c.value for c in ws[4]][:3] == ["Rudi", "ADB Provinsi", "Baca (read)"] and ws["F4"].value == "BELUM ADA"
