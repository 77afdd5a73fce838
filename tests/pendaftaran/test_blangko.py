"""Blangko stock: each printed card's blangko serial, spoiled blanks, the report per month (issue 12)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from pendaftaran.blangko import blangko_report, blangko_rusak_catat, blangko_seri_catat, clean_nomor_seri
from pendaftaran.document_builders import build_kartu_pdf
from pendaftaran.layanan import permohonan_update
from pendaftaran.models import MutasiBlangko, StokBlangko
from tests.factories import register_service, to_pickup

pytestmark = pytest.mark.django_db

URL = reverse("pendaftaran:blangko")


def card_text(berkas) -> str:
    pdf = build_kartu_pdf(berkas).pdf
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def printed_ktp_el(team, warga, index=0):
    person = warga[index].anggota.get(hubungan="KEPALA KELUARGA")

    def enter(berkas):
        permohonan_update(berkas_id=berkas.pk, user=team["operator"], data={"catatan_cek_data": "Data cocok"})

    berkas = to_pickup(register_service("ktp-el-cetak", person, team["loket"]), team, enter)
    assert berkas.status == Status.SIAP_DIAMBIL
    return berkas, MutasiBlangko.objects.get(berkas=berkas, jumlah=-1)


@pytest.fixture
def stok(db):
    StokBlangko.objects.update_or_create(jenis="ktp-el", defaults={"jumlah": 10})


def test_card_shows_the_recorded_blangko_serial_not_the_registration_number(client, team, warga, stok):
    berkas, row = printed_ktp_el(team, warga)
    # before: no serial recorded, and the registration number is not passed off as one
    assert row.nomor_seri == ""
    assert "No. Seri Blangko" not in card_text(berkas)
    client.force_login(team["operator"])
    page = client.get(URL).content.decode()
    assert "Kartu tercetak belum bernomor seri blangko (1)" in page and berkas.nomor_registrasi in page
    response = client.post(URL, {"aksi": "seri", "mutasi": row.pk, "nomor_seri": "blk-2026-000123 "})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.nomor_seri == "BLK-2026-000123"
    assert "No. Seri Blangko: BLK-2026-000123" in card_text(berkas)
    assert "Kartu tercetak belum bernomor seri blangko (0)" in client.get(URL).content.decode()
    with pytest.raises(BerkasConflict, match="sudah dicatat"):
        blangko_seri_catat(user=team["operator"], mutasi_id=row.pk, nomor_seri="BLK-2026-000999")


def test_a_duplicate_serial_is_refused_with_a_message(client, team, warga, stok):
    first, first_row = printed_ktp_el(team, warga, 0)
    second, second_row = printed_ktp_el(team, warga, 1)
    blangko_seri_catat(user=team["operator"], mutasi_id=first_row.pk, nomor_seri="BLK-2026-000123")
    client.force_login(team["operator"])
    response = client.post(URL, {"aksi": "seri", "mutasi": second_row.pk, "nomor_seri": "BLK-2026-000123"})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Nomor seri BLK-2026-000123 sudah tercatat (kartu berkas {first.nomor_registrasi})" in page
    second_row.refresh_from_db()
    assert second_row.nomor_seri == ""
    # a spoiled blank's serial cannot be reused either, nor a printed card's for a spoiled one
    blangko_rusak_catat(user=team["operator"], jenis="ktp-el", nomor_seri="BLK-2026-000200", alasan="Tinta luntur")
    with pytest.raises(BerkasInvalid, match=r"sudah tercatat \(blangko rusak\)"):
        blangko_seri_catat(user=team["operator"], mutasi_id=second_row.pk, nomor_seri="BLK-2026-000200")
    with pytest.raises(BerkasInvalid, match="sudah tercatat"):
        blangko_rusak_catat(user=team["operator"], jenis="ktp-el", nomor_seri="BLK-2026-000123", alasan="Macet")


@pytest.mark.parametrize("bad", ["", "12345", "BLK 2026 000123", "BLK--2026-0001", "ABCDEFGH", "<script>1234"])
def test_serial_format_is_checked(bad):
    with pytest.raises(BerkasInvalid, match="Nomor seri blangko 6–30 karakter"):
        clean_nomor_seri(bad)


def test_spoiled_blanks_reduce_stock_and_appear_in_the_report(client, team, warga, stok):
    berkas, _row = printed_ktp_el(team, warga)
    assert StokBlangko.objects.get(jenis="ktp-el").jumlah == 9
    client.force_login(team["operator"])
    response = client.post(
        URL, {"aksi": "rusak", "jenis": "ktp-el", "nomor_seri": "BLK-2026-000777", "alasan": "Gagal cetak: chip"}
    )
    assert response.status_code == 302
    assert StokBlangko.objects.get(jenis="ktp-el").jumlah == 8
    spoiled = MutasiBlangko.objects.get(rusak=True)
    assert spoiled.berkas is None and spoiled.jumlah == -1 and "Gagal cetak: chip" in spoiled.keterangan
    # no reason: refused, nothing taken
    refused = client.post(URL, {"aksi": "rusak", "jenis": "ktp-el", "nomor_seri": "BLK-2026-000778", "alasan": ""})
    assert refused.status_code == 400
    assert StokBlangko.objects.get(jenis="ktp-el").jumlah == 8
    [ktp] = [r for r in blangko_report() if r["jenis"] == "ktp-el"]
    assert (ktp["terbit"], ktp["rusak"]) == (1, 1)
    page = client.get(URL).content.decode()
    assert "Laporan per bulan" in page
    assert "<td>Blangko KTP-el</td><td>0</td><td>1</td><td>1</td>" in page.replace("\n", "")


def test_spoiled_with_an_empty_stock_is_refused(team, stok):
    StokBlangko.objects.filter(jenis="kia").update(jumlah=0)
    StokBlangko.objects.get_or_create(jenis="kia")
    with pytest.raises(BerkasConflict, match="kosong"):
        blangko_rusak_catat(user=team["operator"], jenis="kia", nomor_seri="KIA-2026-000001", alasan="Rusak")
    with pytest.raises(BerkasForbidden):
        blangko_rusak_catat(user=team["kasi"], jenis="ktp-el", nomor_seri="BLK-2026-000001", alasan="Rusak")


BLANGKO_PAGE_QUERIES = 10  # with the unread-notification badge


def test_blangko_page_query_count_does_not_grow(client, team, django_assert_num_queries, stok):
    client.force_login(team["operator"])
    for i in range(2):
        blangko_rusak_catat(user=team["operator"], jenis="ktp-el", nomor_seri=f"BLK-2026-00010{i}", alasan="Rusak")
    with django_assert_num_queries(BLANGKO_PAGE_QUERIES):
        assert client.get(URL).status_code == 200
    for i in range(5):
        blangko_rusak_catat(user=team["operator"], jenis="ktp-el", nomor_seri=f"BLK-2026-00020{i}", alasan="Rusak")
    with django_assert_num_queries(BLANGKO_PAGE_QUERIES):
        assert client.get(URL).status_code == 200


def test_waiting_list_is_paged_and_its_heading_counts_all(client, team, monkeypatch):
    from dukcapil.models import Berkas
    from tests.factories import berkas_in

    monkeypatch.setattr("pendaftaran.views.MENUNGGU_PER_HALAMAN", 2)
    made = [berkas_in(Status.VERIFIKASI, team, seq=seq) for seq in range(1, 4)]
    Berkas.objects.filter(pk__in=[b.pk for b in made]).update(status=Status.MENUNGGU_BLANGKO)
    client.force_login(team["operator"])
    first = client.get(URL).content.decode()
    assert "Berkas menunggu blangko (3)" in first
    assert [b.nomor_registrasi in first for b in made] == [True, True, False]
    second = client.get(URL, {"halaman": 2}).content.decode()
    assert [b.nomor_registrasi in second for b in made] == [False, False, True]
    assert "halaman 2 dari 2" in second
