"""Sosialisasi screens: the plan form (400 in Indonesian, a past date refused), actions (403/409),
the attendance form, the detail with its letters and kartu kendali, the downloads and the list's
pinned query count."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from piak.models import KategoriPeserta, Sosialisasi, StatusSosialisasi

from .conftest import pdf
from .sosialisasi_helpers import piak_sosialisasi, rencanakan, sampai_dilaksanakan, sampai_siap  # noqa: F401

pytestmark = pytest.mark.django_db
S = StatusSosialisasi


def _rencana(tanggal) -> dict:
    return {"tema": "Kepemilikan KIA", "kecamatan": "Sukodono", "desa": "", "tempat": "Pendopo kecamatan",
            "tanggal": tanggal.isoformat(), "sasaran": "Kader posyandu", "prioritas": "tinggi",
            "dasar_prioritas": "Cakupan KIA 38%."}  # fmt: skip


def test_piak_plans_and_lands_on_the_event(client, p):
    client.force_login(p["kasi_piak"])
    response = client.post(reverse("piak:sosialisasi-rencana"), _rencana(timezone.localdate() + timedelta(days=7)))
    sos = Sosialisasi.objects.get()
    assert response.status_code == 302 and response["Location"] == sos.get_absolute_url()
    page = client.get(sos.get_absolute_url()).content.decode()
    assert "Kec. Sukodono" in page and "Kartu kendali" in page and 'id="aksi-siapkan_materi"' in page


def test_a_plan_dated_in_the_past_is_400_in_indonesian_and_saves_nothing(client, p):
    client.force_login(p["kasi_piak"])
    response = client.post(reverse("piak:sosialisasi-rencana"), _rencana(timezone.localdate() - timedelta(days=1)))
    assert response.status_code == 400
    assert "Tanggal rencana sosialisasi tidak boleh sebelum hari ini." in response.content.decode()
    assert not Sosialisasi.objects.exists()


def test_outsiders_get_403_readers_cannot_act_and_a_stale_page_gets_409(client, p):
    sos = rencanakan(p)
    client.force_login(p["kasi_lain"])
    assert client.get(reverse("piak:sosialisasi-list")).status_code == 403
    assert client.get(sos.get_absolute_url()).status_code == 403
    url = reverse("piak:sosialisasi-aksi", args=[sos.pk, "batalkan"])
    client.force_login(p["adb"])  # reads, does not act
    page = client.get(sos.get_absolute_url()).content.decode()
    assert "Tidak ada tindakan untuk Anda pada tahap ini." in page
    assert client.post(url, {"expected_status": "direncanakan", "alasan": "x"}).status_code == 403
    client.force_login(p["kasi_piak"])
    response = client.post(url, {"expected_status": "materi_siap", "alasan": "x"})
    assert response.status_code == 409 and "baru saja diproses" in response.content.decode()
    response = client.post(url, {"expected_status": "direncanakan", "alasan": ""})
    assert response.status_code == 400 and "Tulis alasan pembatalan." in response.content.decode()
    assert Sosialisasi.objects.get().status == S.DIRENCANAKAN


def test_material_then_letter_opens_the_naskah_konsep(client, p):
    sos = rencanakan(p)
    client.force_login(p["kasi_piak"])
    response = client.post(
        reverse("piak:sosialisasi-aksi", args=[sos.pk, "siapkan_materi"]),
        {"expected_status": "direncanakan", "berkas": pdf("Materi", "m.pdf"), "uraian": "Syarat KIA."},
    )
    assert response.status_code == 302
    download = client.get(reverse("piak:sosialisasi-berkas", args=[sos.pk, "materi"]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    response = client.post(reverse("piak:sosialisasi-aksi", args=[sos.pk, "susun_surat"]),
                           {"expected_status": "materi_siap", "kepada": "Camat Sukodono"})  # fmt: skip
    sos.refresh_from_db()
    assert sos.status == S.SURAT and response["Location"] == sos.surat.get_absolute_url()
    page = client.get(sos.get_absolute_url()).content.decode()
    assert "Menunggu surat pemberitahuan ke kecamatan ditandatangani" in page and sos.surat.hal in page


def test_attendance_form_counts_per_category_and_refuses_an_empty_count(client, p):
    sos = sampai_siap(p)
    rt = KategoriPeserta.objects.get(nama="Ketua RT/RW")
    client.force_login(p["kasi_piak"])
    url = reverse("piak:sosialisasi-aksi", args=[sos.pk, "laksanakan"])
    form = {"expected_status": "siap", "tanggal": timezone.localdate().isoformat(), "notulen": "Tanya jawab KIA."}
    response = client.post(url, form | {"daftar_hadir": pdf("Hadir", "h.pdf")})
    assert response.status_code == 400
    assert "Isi jumlah peserta sedikitnya untuk satu kategori" in response.content.decode()
    response = client.post(url, form | {"daftar_hadir": pdf("Hadir", "h.pdf"), f"jumlah_{rt.pk}": "-2"})
    assert response.status_code == 400 and "Jumlah peserta tidak boleh negatif." in response.content.decode()
    response = client.post(url, form | {"daftar_hadir": pdf("Hadir", "h.pdf"), f"jumlah_{rt.pk}": "25"})
    assert response.status_code == 302
    page = client.get(sos.get_absolute_url()).content.decode()
    assert "<td>Ketua RT/RW</td><td>25</td>" in page and "<th>Jumlah peserta</th><th>25</th>" in page
    assert "aksi-laporkan" not in page  # the chain button posts to …/laporkan/
    assert reverse("piak:sosialisasi-aksi", args=[sos.pk, "laporkan"]) in page


def test_the_report_button_drafts_the_nota_dinas_and_a_second_press_is_409(client, p):
    sos = sampai_dilaksanakan(p)
    url = reverse("piak:sosialisasi-aksi", args=[sos.pk, "laporkan"])
    client.force_login(p["kabid_piak"])  # parafs the nota dinas in the chain; the Kasi drafts it
    assert url not in client.get(sos.get_absolute_url()).content.decode()
    assert client.post(url, {"expected_status": "dilaksanakan", "catatan": ""}).status_code == 403
    client.force_login(p["kasi_piak"])
    response = client.post(url, {"expected_status": "dilaksanakan", "catatan": ""})
    sos.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == sos.nota_dinas.get_absolute_url()
    assert sos.status == S.DILAPORKAN
    assert client.post(url, {"expected_status": "dilaksanakan", "catatan": ""}).status_code == 409


def test_the_list_has_a_pinned_query_count(client, p, django_assert_num_queries):
    for n in range(3):
        rencanakan(p, tema=f"Tema {n}")
    sampai_dilaksanakan(p)
    client.force_login(p["kabid_piak"])
    client.get(reverse("piak:sosialisasi-list"))  # warm the session/permission caches
    with django_assert_num_queries(7):
        response = client.get(reverse("piak:sosialisasi-list"))
    assert response.content.decode().count('<td><a href="/piak/sosialisasi/') == 4
    assert "<td>20</td>" in response.content.decode()  # the held one: its participants summed in SQL
    for n in range(3, 8):
        rencanakan(p, tema=f"Tema {n}")
    with django_assert_num_queries(7):
        response = client.get(reverse("piak:sosialisasi-list"))
    assert response.content.decode().count('<td><a href="/piak/sosialisasi/') == 9
