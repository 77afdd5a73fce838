"""The report's aggregates against a register whose counts are worked out by hand, the snapshot
kept on the report, counts only (no NIK, no name), and a query count independent of the register's
size."""

import io
import json
from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.choices import Role
from dukcapil.models import Berkas, Bidang, Layanan
from pendaftaran.models import AnggotaKeluarga, Penduduk, PermohonanKK
from piak.documents.laporan_penduduk import render_pdf, render_xlsx
from piak.models import LaporanPerkembangan
from piak.selectors.laporan_penduduk import agregat
from piak.services import laporan_penduduk as svc
from tests.factories import staff

from .laporan_penduduk_helpers import keluarga, orang, register_uji

pytestmark = pytest.mark.django_db
AWAL, AKHIR = date(2026, 7, 1), date(2026, 12, 31)


def row(rows: list[dict], label: str) -> tuple[int, int, int]:
    found = [r for r in rows if r["label"] == label]
    assert len(found) == 1, label
    return found[0]["L"], found[0]["P"], found[0]["total"]


def three(cell: dict) -> tuple[int, int, int]:
    return cell["L"], cell["P"], cell["total"]


@pytest.fixture
def kasi(catalogue):
    return staff(Role.KASI, bidang="piak")


def test_semester_aggregates_match_the_register_counted_by_hand(kasi):
    register_uji(kasi)
    data = agregat("semester", AWAL, AKHIR)

    # a, b, c, d, k in Bintan Timur; e, h in Gunung Kijang; f died and g moved out before the end
    assert three(data["jumlah"]) == (4, 3, 7)
    wilayah = {w["label"]: w for w in data["wilayah"]}
    assert three(wilayah["BINTAN TIMUR"]) == (3, 2, 5)
    assert three(wilayah["GUNUNG KIJANG"]) == (1, 1, 2)
    assert row(wilayah["GUNUNG KIJANG"]["desa"], "KAWAL") == (1, 1, 2)
    # the age on 31-12-2026 decides the group: 4 (a, k), exactly 5 (b), 17 and 18 (c, d) and 16 (h), 75 (e)
    umur = data["umur"]
    assert [r["label"] for r in umur][:2] == ["0–4", "5–9"] and umur[-1]["label"] == "75+"
    assert row(umur, "0–4") == (2, 0, 2)
    assert row(umur, "5–9") == (0, 1, 1)
    assert row(umur, "10–14") == (0, 0, 0)
    assert row(umur, "15–19") == (1, 2, 3)
    assert row(umur, "70–74") == (0, 0, 0)  # f would be 74, but died
    assert row(umur, "75+") == (1, 0, 1)
    assert sum(r["total"] for r in umur) == 7
    assert row(data["agama"], "Islam") == (4, 2, 6)
    assert row(data["agama"], "Kristen") == (0, 1, 1)
    assert row(data["perkawinan"], "Belum kawin") == (3, 2, 5)
    assert row(data["perkawinan"], "Kawin") == (1, 1, 2)
    assert row(data["pekerjaan"], "BELUM/TIDAK BEKERJA") == (2, 1, 3)
    assert row(data["pekerjaan"], "PELAJAR/MAHASISWA") == (1, 1, 2)

    k = data["kepemilikan"]
    assert three(k["wajib_ktp"]) == (2, 2, 4)  # c, e (17+); d (17); h (married at 16)
    assert three(k["wajib_ktp_rekam"]) == (2, 0, 2)
    assert three(k["akta_semua"]) == (2, 1, 3)
    assert three(k["anak_0_18"]) == (3, 3, 6)  # a, c, k; b, d, h
    assert three(k["akta_0_18"]) == (2, 1, 3)
    assert three(k["anak_0_17"]) == (2, 3, 5)  # c (18) is no longer a child for KIA
    assert three(k["akta_0_17"]) == (1, 1, 2)
    assert three(k["kia_0_17"]) == (0, 1, 1)

    p = data["peristiwa"]
    assert three(p["lahir"]) == (1, 0, 1)
    assert three(p["mati"]) == (0, 1, 1)
    assert three(p["pindah_keluar"]) == (1, 0, 1)
    assert three(p["datang"]) == (0, 0, 0)


def test_a_month_before_the_death_and_the_move_still_counts_both(kasi):
    register_uji(kasi)
    data = agregat("semester", date(2026, 1, 1), date(2026, 6, 30))
    # k is not born yet; f (died in October) and g (moved in November) still live here
    assert three(data["jumlah"]) == (4, 4, 8)
    assert three(data["peristiwa"]["mati"]) == (0, 0, 0)


def test_the_dp3ak_report_counts_children_by_age_and_sex(kasi):
    register_uji(kasi)
    data = agregat("bulanan_dp3ak", date(2026, 12, 1), AKHIR)
    anak = data["umur_anak"]
    assert [r["label"] for r in anak] == ["0–4", "5–9", "10–14", "15–17"]
    assert row(anak, "0–4") == (2, 0, 2)
    assert row(anak, "5–9") == (0, 1, 1)
    assert row(anak, "15–17") == (0, 2, 2)  # d and h; c is 18
    assert row(data["anak_wilayah"], "BINTAN TIMUR") == (2, 2, 4)
    assert three(data["kepemilikan"]["kia_0_17"]) == (0, 1, 1)
    assert "agama" not in data and "wilayah" not in data
    assert three(data["peristiwa"]["lahir"]) == (0, 0, 0)  # k was born in August


def test_the_snapshot_does_not_change_when_the_register_does(kasi):
    people = register_uji(kasi)
    laporan = svc.laporan_buat(user=kasi, jenis="semester", tahun=2026, periode_ke=2)
    before = laporan.data
    people["a"].status = "meninggal"
    people["a"].tanggal_kematian = date(2026, 11, 1)
    people["a"].save()
    orang(keluarga("BINTAN TIMUR", "KIJANG KOTA"), "BARU DATANG", "P", date(1980, 1, 1))

    laporan = LaporanPerkembangan.objects.get(pk=laporan.pk)
    assert laporan.data == before
    assert three(laporan.data["jumlah"]) == (4, 3, 7)
    # recomputing the draft (the Kasi's button) reads the register again
    laporan = svc.laporan_hitung_ulang(user=kasi, pk=laporan.pk, expected_status="draf")
    assert three(laporan.data["jumlah"]) == (3, 4, 7)


def test_no_nik_or_name_in_the_snapshot_the_pdf_or_the_xlsx(kasi):
    people = register_uji(kasi)
    laporan = svc.laporan_buat(user=kasi, jenis="semester", tahun=2026, periode_ke=2)
    laporan.analisis = "Jumlah penduduk naik."
    snapshot = json.dumps(laporan.data)
    pdf = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(laporan))).pages)
    wb = load_workbook(io.BytesIO(render_xlsx(laporan)))
    cells = " ".join(str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None)
    assert "BINTAN TIMUR" in pdf and "BINTAN TIMUR" in cells and "Penduduk per kecamatan" in wb.sheetnames
    assert "LAPORAN PERKEMBANGAN KEPENDUDUKAN SEMESTER II 2026" in pdf
    for person in people.values():
        for text, where in ((snapshot, "snapshot"), (pdf, "PDF"), (cells, "XLSX")):
            assert person.nik not in text, (where, person.nik)
            assert person.nama not in text, (where, person.nama)
            assert person.keluarga.nomor_kk not in text, (where, "nomor KK")


def _queries(n: int) -> int:
    kk = keluarga("BINTAN TIMUR", "KIJANG KOTA")
    for i in range(n):
        orang(kk, f"WARGA {i}", "L" if i % 2 else "P", date(1960 + i % 60, 1 + i % 12, 1 + i % 28))
    with CaptureQueriesContext(connection) as ctx:
        data = agregat("semester", AWAL, AKHIR)
    assert data["jumlah"]["total"] == n
    return len(ctx.captured_queries)


def test_the_aggregates_take_the_same_number_of_queries_for_5_and_50_persons(kasi):
    small = _queries(5)
    Penduduk.objects.all().delete()
    assert _queries(50) == small
    assert small == 13  # one query per table, whatever the size of the register


def _kedatangan(kasi, kode: str, diterapkan, jenis_kelamin: list[str]) -> None:
    """A KK berkas of an arrival (SKDWNI) applied to the register at ``diterapkan``, with its members."""
    berkas = Berkas.objects.create(
        bidang=Bidang.objects.get(kode="pendaftaran"),
        nomor_registrasi=f"UJI-{kode}-{diterapkan:%m%d}",
        layanan=Layanan.objects.get(kode=kode),
        pemohon_nik="2102010101800001",
        pemohon_nama="PEMOHON DATANG",
        pemohon_tanggal_lahir=date(1980, 1, 1),
        pemohon_jenis_kelamin="L",
        dibuat_oleh=kasi,
    )
    permohonan = PermohonanKK.objects.create(berkas=berkas, jenis="baru", diterapkan_pada=diterapkan)
    for i, jk in enumerate(jenis_kelamin, start=1):
        AnggotaKeluarga.objects.create(
            permohonan=permohonan,
            urutan=i,
            nik=f"21020101018{i:05d}",
            hubungan="ANAK",
            nama=f"ANGGOTA {i}",
            jenis_kelamin=jk,
            tempat_lahir="X",
            tanggal_lahir=date(1990, 1, i),
            agama="ISLAM",
            pendidikan="TIDAK/BELUM SEKOLAH",
            pekerjaan="-",
            status_perkawinan="BELUM KAWIN",
            nama_ayah="A",
            nama_ibu="B",
        )


def test_arrivals_count_the_members_of_applied_skdwni_berkas_in_the_period(kasi):
    dalam = timezone.make_aware(datetime(2026, 9, 1, 10))
    _kedatangan(kasi, "skdwni", dalam, ["L", "P", "P"])
    _kedatangan(kasi, "skdwni", timezone.make_aware(datetime(2026, 3, 1, 10)), ["L"])  # the semester before
    _kedatangan(kasi, "kk", dalam, ["L"])  # a new KK of residents is not an arrival
    assert three(agregat("semester", AWAL, AKHIR)["peristiwa"]["datang"]) == (1, 2, 3)
