"""Screens of surat masuk: recording with its scan, the disposisi forms, PDFs, registers, query counts."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from sekretariat.models import Instansi, InstruksiDisposisi, SuratMasuk
from sekretariat.services import surat_masuk as svc

from .conftest import catat, disposisi_data, scan_pdf, to_kadis

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _form(**overrides):
    data = {
        "tanggal_terima": "2026-11-30",
        "asal_baru": "Dinas Pendidikan Kabupaten",
        "asal_alamat": "Jl. Pahlawan 3",
        "nomor_surat": "421/555/DIKBUD/2026",
        "tanggal_surat": "2026-11-28",
        "perihal": "Permohonan data penduduk usia sekolah",
        "sifat": "segera",
        "lampiran": "1 lembar",
        "pindaian": scan_pdf(),
    }
    return data | overrides


def test_agendaris_records_a_letter_and_the_address_book_is_reused(client, kantor):
    client.force_login(kantor["agendaris"])
    response = client.post(reverse("sekretariat:surat-masuk-baru"), _form())
    surat = SuratMasuk.objects.get()
    assert response.status_code == 302 and response["Location"] == surat.get_absolute_url()
    assert surat.asal.nama == "Dinas Pendidikan Kabupaten"
    instansi = Instansi.objects.get()
    response = client.post(
        reverse("sekretariat:surat-masuk-baru"), _form(asal_baru="", asal=str(instansi.pk), nomor_surat="421/556")
    )
    assert response.status_code == 302
    assert Instansi.objects.count() == 1
    assert SuratMasuk.objects.filter(asal=instansi).count() == 2
    page = client.get(surat.get_absolute_url()).content.decode()
    assert "Permohonan data penduduk usia sekolah" in page
    assert client.get(reverse("sekretariat:surat-masuk-pindaian", args=[surat.pk])).status_code == 200


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf"),
            "harus berupa PDF",
        ),
        (SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n garbage without pages", content_type="application/pdf"), "rusak"),
        (SimpleUploadedFile("surat.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, content_type="image/png"), "rusak"),
    ],
)
def test_upload_that_is_not_a_readable_pdf_or_image_is_refused(client, kantor, upload, message):
    client.force_login(kantor["agendaris"])
    response = client.post(reverse("sekretariat:surat-masuk-baru"), _form(pindaian=upload))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SuratMasuk.objects.exists()


def test_upload_over_the_configured_limit_is_refused(client, kantor, settings):
    settings.SEKRETARIAT_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("besar.pdf", scan_pdf().read() + b"\n%" + b"x" * (1024 * 1024 + 10))
    client.force_login(kantor["agendaris"])
    response = client.post(reverse("sekretariat:surat-masuk-baru"), _form(pindaian=big))
    assert response.status_code == 400
    assert "terlalu besar (maksimal 1 MB)" in response.content.decode()


def test_only_agendaris_opens_the_form(client, kantor):
    client.force_login(kantor["kasi"])
    assert client.get(reverse("sekretariat:surat-masuk-baru")).status_code == 403


def test_kadis_writes_disposisi_in_the_browser_and_recipient_read_time_is_kept(client, kantor):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    client.force_login(kantor["kadis"])
    page = client.get(surat.get_absolute_url()).content.decode()
    assert "Kirim disposisi" in page and "Siapkan jawaban" in page
    instruksi = InstruksiDisposisi.objects.get(nama="Hadiri")
    response = client.post(
        reverse("sekretariat:surat-masuk-aksi", args=[surat.pk, "disposisi"]),
        {
            "expected_status": "kadis",
            "kepada": [kantor["kabid"].pk],
            "instruksi": [instruksi.pk],
            "isi": "Wakili rapat",
            "sifat": "segera",
        },
    )
    assert response.status_code == 302
    d = surat.disposisi.get()
    client.force_login(kantor["kabid"])
    assert client.get(reverse("kotak-masuk")).content.decode().count(d.get_absolute_url()) == 1
    client.get(d.get_absolute_url())
    d.refresh_from_db()
    assert d.dibaca_pada is not None


def test_disposisi_to_someone_outside_the_office_is_a_form_error(client, kantor):
    from dukcapil.models import User

    tamu = User.objects.create_user("tamu", password="x")
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    client.force_login(kantor["kadis"])
    response = client.post(
        reverse("sekretariat:surat-masuk-aksi", args=[surat.pk, "disposisi"]),
        {"expected_status": "kadis", "kepada": [tamu.pk], "isi": "x", "sifat": "biasa"},
    )
    assert response.status_code == 400
    assert "Penerima tidak dikenal atau di luar kantor" in response.content.decode()
    assert not surat.disposisi.exists()


def test_wrong_role_403_and_stale_state_409(client, kantor):
    surat = catat(kantor["agendaris"])
    client.force_login(kantor["kadis"])
    url = reverse("sekretariat:surat-masuk-aksi", args=[surat.pk, "teruskan"])
    assert client.post(url, {"expected_status": "kasubag"}).status_code == 403
    client.force_login(kantor["kasubag"])
    assert client.post(url, {"expected_status": "kasubag"}).status_code == 302
    response = client.post(url, {"expected_status": "kasubag"})
    assert response.status_code == 409
    assert "baru saja diproses" in response.content.decode()


def test_lembar_disposisi_pdf_holds_agenda_data_and_the_disposisi(client, kantor, cetak_pdf):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    (d,) = svc.surat_masuk_disposisi(
        user=kantor["kadis"],
        pk=surat.pk,
        expected_status="kadis",
        data=disposisi_data([kantor["sekretaris"]], instruksi=["Siapkan jawaban"], isi="Siapkan bahan rapat"),
    )
    svc.disposisi_teruskan(
        user=kantor["sekretaris"], pk=d.pk, expected_status="terbuka", data=disposisi_data([kantor["kasubag"]])
    )
    client.force_login(kantor["agendaris"])
    response = cetak_pdf(client, reverse("sekretariat:lembar-disposisi", args=[surat.pk]))
    assert response["Content-Disposition"] == f'inline; filename="lembar-disposisi-{surat.nomor_agenda:04d}-2026.pdf"'
    text = _pdf_text(response.pdf)
    for expected in (
        "LEMBAR DISPOSISI",
        "Bappeda Kabupaten",
        "005/123/BAPPEDA/2026",
        "27 November 2026",
        "30 November 2026",
        surat.nomor,
        "Undangan rapat koordinasi adminduk",
        "[X] Biasa",
        "[X] Siapkan jawaban",
        "Siapkan bahan rapat",
        "Sari Sekretaris",
        "Kurnia Kasubag",
    ):
        assert expected in text, expected


def test_agenda_book_pdf_and_xlsx_hold_the_period_rows(client, kantor, cetak_pdf):
    inside = catat(kantor["agendaris"], perihal="Rapat evaluasi semester")
    catat(
        kantor["agendaris"],
        perihal="Surat lama",
        tanggal_terima=timezone.localdate().replace(year=2025),
        tanggal_surat=timezone.localdate().replace(year=2025) - timedelta(days=2),
    )
    client.force_login(kantor["kasubag"])
    url = reverse("sekretariat:buku-agenda-masuk")
    query = {"dari": "2026-11-01", "sampai": "2026-11-30"}
    text = _pdf_text(cetak_pdf(client, url, query | {"format": "pdf"}).pdf)
    assert "Buku Agenda Surat Masuk" in text and "Rapat evaluasi semester" in text and inside.nomor in text
    assert "Surat lama" not in text
    book = load_workbook(io.BytesIO(client.get(url, query | {"format": "xlsx"}).content))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "Rapat evaluasi semester" in values and "Surat lama" not in values
    page = client.get(url, {"q": "evaluasi"}).content.decode()
    assert "Rapat evaluasi semester" in page


def test_open_disposisi_register_pdf(client, kantor, cetak_pdf):
    surat = to_kadis(catat(kantor["agendaris"]), kantor)
    svc.surat_masuk_disposisi(
        user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kabid"]])
    )
    client.force_login(kantor["sekretaris"])
    text = _pdf_text(cetak_pdf(client, reverse("sekretariat:register-disposisi"), {"format": "pdf"}).pdf)
    assert "Budi Kabid" in text and surat.nomor in text and "belum dibaca" in text


def _letters(kantor, n):
    for i in range(n):
        surat = to_kadis(catat(kantor["agendaris"], perihal=f"Surat ke-{i}"), kantor)
        svc.surat_masuk_disposisi(
            user=kantor["kadis"], pk=surat.pk, expected_status="kadis", data=disposisi_data([kantor["kabid"]])
        )


@pytest.mark.parametrize("n", [1, 5])
def test_list_pages_have_pinned_query_counts(client, kantor, django_assert_num_queries, n):
    """Session, user, groups, the notification badge, the page's own queries: the same for 1 letter as for 5."""
    _letters(kantor, n)
    client.force_login(kantor["sekretaris"])
    for name, queries in [("buku-agenda-masuk", 8), ("surat-masuk", 8), ("register-disposisi", 8)]:
        with django_assert_num_queries(queries):
            assert client.get(reverse(f"sekretariat:{name}")).status_code == 200
    client.force_login(kantor["kadis"])
    with django_assert_num_queries(6):
        assert client.get(reverse("sekretariat:disposisi-diberikan")).status_code == 200
    # the Kabid's kotak masuk lists the disposisi (each with its letter) in one query per record type,
    # plus one count of the overdue disposisi the Kabid gave (the banner), one of the stopped layanan (PIAK)
    client.force_login(kantor["kabid"])
    with django_assert_num_queries(9):
        response = client.get(reverse("kotak-masuk"))
    assert response.content.decode().count("Disposisi: Surat ke-") == n


def test_the_givers_kotak_masuk_counts_overdue_disposisi_in_one_query(client, kantor, django_assert_num_queries):
    from sekretariat.models import Disposisi

    client.force_login(kantor["kadis"])
    client.get(reverse("kotak-masuk"))
    # session, user, groups, work items, unread badge, overdue count, stopped layanan (PIAK's banner)
    with django_assert_num_queries(7) as before:
        page = client.get(reverse("kotak-masuk")).content.decode()
    assert "melewati batas waktu" not in page

    # given: two letters whose disposisi passed their batas waktu, one still in time
    for i in range(2):
        surat = to_kadis(catat(kantor["agendaris"], nomor_surat=f"005/{i}/X/2026"), kantor)
        made = svc.surat_masuk_disposisi(
            user=kantor["kadis"],
            pk=surat.pk,
            expected_status="kadis",
            data=disposisi_data([kantor["kabid"]], batas_waktu=timezone.localdate()),
        )
        if i == 0:
            late = made[0]
    Disposisi.objects.exclude(pk=late.pk).update(batas_waktu=timezone.localdate() - timedelta(days=2))
    Disposisi.objects.filter(pk=late.pk).update(batas_waktu=timezone.localdate() - timedelta(days=1))

    with django_assert_num_queries(len(before.captured_queries)):
        page = client.get(reverse("kotak-masuk")).content.decode()
    link = reverse("sekretariat:disposisi-diberikan")
    assert f'<a href="{link}">2 disposisi yang Anda berikan melewati batas waktu</a>' in page

    # the recipient (who gave none) sees no banner; closing one lowers the count
    svc.disposisi_tutup(user=kantor["kabid"], pk=late.pk, expected_status="terbuka", catatan="Sudah")
    assert "1 disposisi yang Anda berikan melewati batas waktu" in client.get(reverse("kotak-masuk")).content.decode()
    client.force_login(kantor["kabid"])
    assert "disposisi yang Anda berikan" not in client.get(reverse("kotak-masuk")).content.decode()
