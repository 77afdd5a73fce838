"""The queue's screens: kiosk, online form, ticket page, loket console, display JSON, statistics."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dukcapil.antrian import services as svc
from dukcapil.antrian import views
from dukcapil.antrian.models import Panggilan, StatusTiket, SumberTiket, Tiket

from .conftest import SELASA, pada

pytestmark = pytest.mark.django_db
S = StatusTiket


def issue(jalur, minute=0):
    return svc.tiket_terbitkan(jalur=jalur, tanggal=SELASA.date(), sumber=SumberTiket.KIOSK, now=pada(8, minute))


# --- kiosk ---------------------------------------------------------------------------------------


def test_a_tap_at_the_kiosk_prints_a_ticket_for_an_80mm_receipt(client, antrian, jam):
    issue(antrian["a"])
    page = client.get(reverse("antrian:kiosk"))
    assert page.status_code == 200 and "Pendaftaran Penduduk" in page.content.decode()
    assert 'data-diam="30"' in page.content.decode()

    taken = client.post(reverse("antrian:kiosk"), {"jalur": antrian["a"].pk})

    tiket = Tiket.objects.get(nomor=2)
    assert taken.status_code == 302 and taken["Location"] == reverse("antrian:kiosk-tiket", args=[tiket.token])
    html = client.get(taken["Location"]).content.decode()
    assert "A002" in html and "1 orang menunggu di depan Anda" in html and "Selasa, 3 November 2026" in html
    assert "data-cetak-otomatis" in html and "antrian/kiosk.js" in html and "antrian/struk-80.css" in html
    assert re.search(r'<img class="struk-qr" src="data:image/svg\+xml', html)
    assert "<script>" not in html and "style=" not in html
    assert "antrian/struk-58.css" in client.get(taken["Location"] + "?kertas=58").content.decode()


def test_the_kiosk_refuses_a_closed_line_or_a_full_quota_in_indonesian(client, antrian, jam):
    jam.return_value = pada(16, 0)
    closed = client.post(reverse("antrian:kiosk"), {"jalur": antrian["a"].pk})
    assert closed.status_code == 409 and "sudah ditutup (pukul 15.00 WIB)" in closed.content.decode()

    jam.return_value = pada(10, 0)
    antrian["b"].kuota_harian = 0
    antrian["b"].save(update_fields=["kuota_harian"])
    full = client.post(reverse("antrian:kiosk"), {"jalur": antrian["b"].pk})
    assert full.status_code == 409
    assert "Kuota antrian Pencatatan Sipil untuk 03-11-2026 sudah habis" in full.content.decode()
    assert client.post(reverse("antrian:kiosk"), {"jalur": "x"}).status_code == 400
    assert not Tiket.objects.exists()


# --- online --------------------------------------------------------------------------------------


def nik_of_register():
    from pendaftaran.models import Penduduk

    return Penduduk.objects.order_by("pk").values_list("nik", flat=True).first()


def form(jalur, nik, **extra):
    return {"jalur": jalur.pk, "tanggal": SELASA.date().isoformat(), "nik": nik, "email": "warga@example.com"} | extra


def test_online_ticket_goes_to_a_token_page_without_the_nik(client, antrian, warga, jam):
    nik = nik_of_register()
    assert "Selasa, 3 November 2026" in client.get(reverse("antrian:ambil")).content.decode()

    taken = client.post(reverse("antrian:ambil"), form(antrian["a"], nik))

    tiket = Tiket.objects.get()
    assert taken.status_code == 302 and taken["Location"] == reverse("antrian:tiket", args=[tiket.token])
    assert nik not in taken["Location"]
    page = client.get(taken["Location"]).content.decode()
    assert "A001" in page and "0 orang menunggu" in page and nik not in page and nik[-4:] not in page

    again = client.post(reverse("antrian:ambil"), form(antrian["a"], nik))
    assert again.status_code == 409 and "sudah memiliki nomor antrian" in again.content.decode()

    unknown = client.post(reverse("antrian:ambil"), form(antrian["b"], "2102015708850099"))
    assert unknown.status_code == 400 and "NIK tidak dapat diverifikasi" in unknown.content.decode()

    bad = client.post(reverse("antrian:ambil"), form(antrian["b"], "12345", email="", tanggal="2026-12-31"))
    text = bad.content.decode()
    assert bad.status_code == 400 and "NIK harus 16 digit angka." in text
    assert "Pilih salah satu tanggal yang tersedia." in text and "atau email untuk menerima" in text
    assert Tiket.objects.count() == 1


def test_the_online_form_is_rate_limited(client, antrian, warga, jam, monkeypatch):
    monkeypatch.setattr(views, "AMBIL_LIMIT", 2)
    for _ in range(2):
        client.post(reverse("antrian:ambil"), form(antrian["a"], "2102015708850099"))
    refused = client.post(reverse("antrian:ambil"), form(antrian["a"], nik_of_register()))
    assert refused.status_code == 429 and "Terlalu banyak permintaan nomor antrian" in refused.content.decode()
    assert not Tiket.objects.exists()


def test_the_holder_cancels_from_the_ticket_page(client, antrian, jam):
    tiket = issue(antrian["a"])
    done = client.post(reverse("antrian:tiket-batal", args=[tiket.token]))
    assert done.status_code == 302
    tiket.refresh_from_db()
    assert tiket.status == S.BATAL
    assert client.get(reverse("antrian:tiket", args=["00000000-0000-4000-8000-000000000000"])).status_code == 404


# --- console -------------------------------------------------------------------------------------


def test_console_calls_serves_and_finishes_with_pinned_queries(client, antrian, jam, django_assert_num_queries):
    for m in range(12):
        issue(antrian["a"], m)
    loket = antrian["loket"][1]
    client.force_login(antrian["fo1"])
    url = reverse("antrian:loket", args=[loket.pk])
    client.get(url)  # warm the session and the user's grants

    # session, user, groups, loket, lines, their layanan, the active ticket, the waiting (10 shown),
    # their count, the skipped ones; the page header's notification count and bidang: 12 whatever the queue
    with django_assert_num_queries(12):
        page = client.get(url)
    assert page.status_code == 200 and "12</span> menunggu" in page.content.decode()

    called = client.post(reverse("antrian:loket-panggil", args=[loket.pk]))
    assert called.status_code == 302
    tiket = Tiket.objects.get(nomor=1)
    assert tiket.status == S.DIPANGGIL and tiket.petugas == antrian["fo1"]
    page = client.get(url).content.decode()
    assert 'id="tiket-aktif">A001' in page

    aksi = reverse("antrian:loket-aksi", args=[loket.pk, tiket.pk, "layani"])
    assert client.post(aksi, {"expected_status": S.DIPANGGIL}).status_code == 302
    page = client.get(url).content.decode()
    assert "Daftarkan berkas" in page
    # a page still showing «dipanggil» (another tab): 409, nothing changes
    stale = client.post(aksi, {"expected_status": S.DIPANGGIL})
    assert stale.status_code == 409 and "baru saja diproses" in stale.content.decode()
    selesai = reverse("antrian:loket-aksi", args=[loket.pk, tiket.pk, "selesai"])
    assert client.post(selesai, {"expected_status": S.DILAYANI}).status_code == 302
    tiket.refresh_from_db()
    assert tiket.status == S.SELESAI


def test_console_is_forbidden_to_another_bidang_and_to_other_roles(client, antrian, jam):
    loket = antrian["loket"][1]
    issue(antrian["a"])
    for user in ("fo_capil", "operator", "kabid"):
        client.force_login(antrian[user])
        assert client.get(reverse("antrian:loket", args=[loket.pk])).status_code == 403
        assert client.post(reverse("antrian:loket-panggil", args=[loket.pk])).status_code == 403
    assert not Panggilan.objects.exists()
    client.force_login(antrian["fo_capil"])
    lokets = client.get(reverse("antrian:loket-list")).content.decode()
    assert "Loket 3" in lokets and "Loket 1<" not in lokets


# --- display -------------------------------------------------------------------------------------


def test_display_endpoint_with_pinned_queries(client, antrian, jam, django_assert_num_queries):
    for m in range(6):
        issue(antrian["a"], m)
    for nomor, user in ((1, "fo1"), (2, "fo2")):
        svc.tiket_panggil_berikut(loket_id=antrian["loket"][nomor].pk, user=antrian[user], now=pada(9, nomor))
    url = reverse("antrian:layar-panggilan")

    with django_assert_num_queries(4):  # last id, the calls (with ticket, line, loket), lokets, open tickets
        data = client.get(url, {"sejak": 0}).json()

    assert [p["kode"] for p in data["panggilan"]] == ["A001", "A002"]
    assert data["panggilan"][0]["teks"] == "Nomor antrian A 0 0 1, silakan menuju loket 1"
    assert set(data["panggilan"][0]) == {"id", "kode", "jalur", "loket", "loket_nama", "waktu", "jam", "ulang", "teks"}
    assert client.get(url, {"sejak": "x"}).status_code == 400
    page = client.get(reverse("antrian:layar")).content.decode()
    assert "Aktifkan suara" in page and f'data-sejak="{data["terakhir"]}"' in page and "antrian/layar.js" in page
    assert "<script>" not in page and "style=" not in page


# --- statistics ------------------------------------------------------------------------------------


def test_statistics_page_and_xlsx(client, antrian, jam, django_assert_num_queries):
    t = issue(antrian["a"])
    loket, fo = antrian["loket"][1], antrian["fo1"]
    svc.tiket_panggil_berikut(loket_id=loket.pk, user=fo, now=pada(8, 10))
    svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi="layani", user=fo, now=pada(8, 11))
    svc.tiket_aksi(tiket_id=t.pk, loket_id=loket.pk, aksi="selesai", user=fo, now=pada(8, 18, 30))
    client.force_login(antrian["kabid"])
    query = {"mulai": (SELASA.date() - timedelta(days=1)).isoformat(), "sampai": SELASA.date().isoformat()}

    client.get(reverse("antrian:statistik"), query)
    # session, user, groups; three grouped statistics queries; the header's notification count and bidang
    with django_assert_num_queries(8):
        page = client.get(reverse("antrian:statistik"), query).content.decode()
    assert "<td>10,0</td>" in page and "<td>7,5</td>" in page  # waited 10 min, served 7.5 min

    xlsx = client.get(reverse("antrian:statistik-xlsx"), query)
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)]
    assert rows[0][:4] == ("03-11-2026", "A Pendaftaran Penduduk", None, 1) and rows[0][7:9] == (10.0, 10.0)
    assert rows[1][2] == f"Loket 1 {loket.nama}" and rows[1][9] == 7.5

    bad = client.get(reverse("antrian:statistik"), {"mulai": "2026-11-05", "sampai": "2026-11-01"})
    assert bad.status_code == 400 and "Tanggal akhir tidak boleh sebelum tanggal mulai." in bad.content.decode()
    assert client.get(reverse("antrian:statistik"), {"mulai": "kemarin", "sampai": ""}).status_code == 400
    client.force_login(antrian["operator"])
    assert client.get(reverse("antrian:statistik")).status_code == 403


def test_hostile_input_on_the_online_form_never_breaks_it(client, antrian, warga, jam, monkeypatch):
    from tests.test_form_fuzz import fuzz

    monkeypatch.setattr(views, "AMBIL_LIMIT", 10_000)
    valid = form(antrian["a"], nik_of_register(), telepon="081234567890")
    fields = ["jalur", "tanggal", "nik", "telepon", "email"]
    refused = fuzz(client, reverse("antrian:ambil"), valid, fields, Tiket.objects.count)
    assert refused > 50 and Tiket.objects.count() == 1  # the one valid submission, then its duplicates refused
