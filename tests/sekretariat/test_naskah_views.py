"""sekretariat.views.naskah: the screens, their refusals, the registers and their query counts."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from dukcapil.choices import Status
from sekretariat.models import Ekspedisi, JenisNaskah, Naskah
from sekretariat.services import naskah as services
from tests.factories import berkas_in

from .naskah_helpers import konsep, sek_team, to_penomoran, to_tte

pytestmark = pytest.mark.django_db


def test_a_staff_member_writes_a_konsep_from_the_template_with_its_own_fields(client, team):
    sek = sek_team(team)
    client.force_login(sek["staf"])
    page = client.get(reverse("sekretariat:naskah-baru", args=["surat-tugas"])).content.decode()
    assert "Dasar" in page and "Untuk" in page and "penuh tanggung jawab" in page  # fields and template text

    # a required field of the jenis missing: 400 with the message, nothing saved
    response = client.post(reverse("sekretariat:naskah-baru", args=["surat-tugas"]), {"hal": "Jemput bola"})
    assert response.status_code == 400 and not Naskah.objects.exists()

    response = client.post(
        reverse("sekretariat:naskah-baru", args=["surat-tugas"]),
        {
            "hal": "Pelayanan jemput bola",
            "sifat": "biasa",
            "isi": '<p onclick="x()">Laksanakan <b>dengan baik</b>.</p><script>alert(1)</script>',
            "isian_dasar": "DPA 2026",
            "isian_kepada": "Rina Staf",
            "isian_untuk": "Perekaman KTP-el di Kecamatan Teluk Sebong",
        },
    )
    naskah = Naskah.objects.get()
    assert response.status_code == 302 and response["Location"] == naskah.get_absolute_url()
    assert naskah.isi == "<p>Laksanakan <b>dengan baik</b>.</p>"
    assert naskah.data["untuk"] == "Perekaman KTP-el di Kecamatan Teluk Sebong"
    assert naskah.jenis == JenisNaskah.objects.get(kode="surat-tugas") and naskah.bidang.kode == "sekretariat"


def test_the_diff_page_shows_what_changed_between_versions(client, team):
    sek = sek_team(team)
    n = konsep(sek)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    services.naskah_kembalikan(pk=n.pk, user=sek["kasubag"], catatan="Tambahkan semester.")
    services.naskah_ubah(pk=n.pk, user=sek["staf"], isi="<p>Data agregat semester II tahun 2026.</p>")
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    client.force_login(sek["kasubag"])
    page = client.get(reverse("sekretariat:naskah-diff", args=[n.pk]), {"a": 1, "b": 3}).content.decode()
    page = page.replace("&nbsp;", " ")
    assert "Versi 1 (diajukan)" in page and "Versi 3 (diajukan)" in page
    assert 'class="diff_add"' in page or 'class="diff_chg"' in page
    assert "semester II tahun 2026" in page


def test_the_edit_form_of_a_konsep_is_for_its_bidang_writers_not_for_its_readers(client, team):
    sek = sek_team(team)
    n = konsep(sek)
    url = reverse("sekretariat:naskah-ubah", args=[n.pk])

    client.force_login(sek["agendaris"])  # sees every naskah (to number it), writes none
    refused = client.get(url)
    assert refused.status_code == 403
    assert "Hanya penyusun konsep naskah bidang ini" in refused.content.decode()

    client.force_login(sek["staf"])  # its writer
    page = client.get(url)
    assert page.status_code == 200 and n.hal in page.content.decode()


def test_refusals_are_403_for_a_role_and_409_for_a_state_or_a_stale_page(client, team):
    sek = sek_team(team)
    n = konsep(sek)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    url = reverse("sekretariat:naskah-action", args=[n.pk, "setujui"])

    client.force_login(sek["agendaris"])  # sees the naskah (nomor), may not check it
    assert client.post(url, {"expected_status": "periksa"}).status_code == 403

    client.force_login(sek["kasubag"])
    assert client.post(url, {"expected_status": "periksa"}).status_code == 302
    stale = client.post(url, {"expected_status": "periksa"})
    assert stale.status_code == 409 and "baru saja diproses" in stale.content.decode()

    # numbering before the paraf: 409 naming the missing paraf
    client.force_login(sek["agendaris"])
    early = client.post(
        reverse("sekretariat:naskah-action", args=[n.pk, "nomor"]),
        {"expected_status": "paraf", "klasifikasi": "", "tanggal": "2026-12-01"},
    )
    assert early.status_code == 409 and "belum diparaf Sekretaris" in early.content.decode()


def test_an_upload_that_is_not_a_pdf_or_image_or_too_large_is_refused(client, team, settings):
    sek = sek_team(team)
    n = to_tte(sek)
    n.refresh_from_db()
    Naskah.objects.filter(pk=n.pk).update(status="terbit")  # as if signed (signing is tested elsewhere)
    client.force_login(sek["agendaris"])
    url = reverse("sekretariat:naskah-action", args=[n.pk, "ekspedisi"])
    form = {"expected_status": "terbit", "tanggal": n.tanggal_naskah.isoformat(), "penerima": "Andi", "cara": "kurir"}

    fake = SimpleUploadedFile("tanda-terima.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(url, {**form, "tanda_terima": fake})
    assert response.status_code == 400 and "harus berupa PDF, JPEG, atau PNG" in response.content.decode()

    settings.SEKRETARIAT_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), content_type="application/pdf")
    response = client.post(url, {**form, "tanda_terima": big})
    assert response.status_code == 400 and "terlalu besar" in response.content.decode()
    assert not Ekspedisi.objects.exists()


def test_the_kadis_kotak_masuk_shows_naskah_beside_berkas(client, team):
    sek = sek_team(team)
    n = to_tte(sek)
    berkas = berkas_in(Status.TTE, team)
    client.force_login(sek["kadis"])
    page = client.get(reverse("kotak-masuk")).content.decode()
    assert n.nomor_naskah in page and "Surat Dinas: Permohonan data agregat" in page
    assert berkas.nomor_registrasi in page


def test_the_kotak_masuk_reads_naskah_in_one_query_however_many(client, team, django_assert_num_queries):
    sek = sek_team(team)
    to_tte(sek)
    client.force_login(sek["kadis"])
    client.get(reverse("kotak-masuk"))
    # session, user, groups, work items, naskah, TTE ulang, overdue disposisi given (banner), stopped
    # layanan (PIAK's banner), unread badge
    with django_assert_num_queries(9) as one:
        client.get(reverse("kotak-masuk"))
    to_tte(sek, hal="Kedua")
    to_tte(sek, hal="Ketiga")
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(reverse("kotak-masuk")).content.decode()
    assert page.count('name="record"') == 3


def test_the_naskah_list_reads_a_fixed_number_of_queries(client, team, django_assert_num_queries):
    sek = sek_team(team)
    for i in range(3):
        konsep(sek, hal=f"Surat {i}")
    client.force_login(sek["kasubag"])
    client.get(reverse("sekretariat:naskah-list"))
    with django_assert_num_queries(7):  # session, user, groups, naskah, jenis, unread badge, bidang
        page = client.get(reverse("sekretariat:naskah-list"))
    for i in range(4, 8):
        konsep(sek, hal=f"Surat {i}")
    with django_assert_num_queries(7):  # session, user, groups, naskah, jenis, unread badge, bidang
        page = client.get(reverse("sekretariat:naskah-list"))
    assert page.content.decode().count("Permohonan") == 0 and page.content.decode().count("Surat 7") == 1


def _numbered(sek, n: int) -> list[Naskah]:
    return [to_tte(sek, hal=f"Undangan rapat koordinasi {i}") for i in range(n)]


def test_buku_agenda_keluar_filters_searches_prints_and_exports(client, team, django_assert_num_queries, cetak_pdf):
    sek = sek_team(team)
    rows = _numbered(sek, 3)
    to_penomoran(sek, hal="Belum bernomor")  # not in the book
    client.force_login(sek["agendaris"])
    url = reverse("sekretariat:buku-agenda-keluar")
    client.get(url)
    with django_assert_num_queries(6):  # session, user, groups, rows, unread badge, bidang
        page = client.get(url).content.decode()
    assert all(r.nomor_naskah in page for r in rows) and "Belum bernomor" not in page

    found = client.get(url, {"q": "koordinasi 1"}).content.decode()
    assert rows[1].nomor_naskah in found and rows[0].nomor_naskah not in found
    tomorrow = rows[0].tanggal_naskah.replace(year=rows[0].tanggal_naskah.year + 1)
    assert "Tidak ada surat keluar" in client.get(url, {"dari": tomorrow.isoformat()}).content.decode()
    bad = client.get(url, {"dari": tomorrow.isoformat(), "sampai": rows[0].tanggal_naskah.isoformat()})
    assert bad.status_code == 400 and "Tanggal awal periode" in bad.content.decode()

    xlsx = client.get(url, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(min_row=3, values_only=True))
    assert values[0][:3] == ("No. urut", "Tanggal", "Nomor naskah")
    assert [v[2] for v in values[1:]] == [r.nomor_naskah for r in rows]
    assert values[1][4] == "Undangan rapat koordinasi 0"

    pdf = cetak_pdf(client, url, {"format": "pdf"})
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.pdf)).pages)
    assert "BUKU AGENDA SURAT KELUAR" in text and rows[2].nomor_naskah in text


def test_buku_ekspedisi_lists_each_delivery(client, team, django_assert_num_queries):
    sek = sek_team(team)
    naskah = _numbered(sek, 2)
    for n in naskah:
        Naskah.objects.filter(pk=n.pk).update(status="terbit")
        services.naskah_catat_ekspedisi(
            pk=n.pk, user=sek["agendaris"], penerima=f"Penerima {n.pk}", cara="kurir", tanggal=n.tanggal_naskah,
            kurir="Caraka Joko",
        )  # fmt: skip
    client.force_login(sek["agendaris"])
    url = reverse("sekretariat:buku-ekspedisi")
    client.get(url)
    with django_assert_num_queries(6):  # session, user, groups, rows, unread badge, bidang
        page = client.get(url).content.decode()
    assert all(f"Penerima {n.pk}" in page for n in naskah) and "Caraka Joko" in page
    sheet = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    assert [r[4] for r in sheet.iter_rows(min_row=4, values_only=True)] == [f"Penerima {n.pk}" for n in naskah]
