import io
import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dukcapil.models import Bidang
from piak.models import Pengaduan, StatusPengaduan
from piak.selectors.pengaduan import statistik_bulan
from piak.services import pengaduan as svc

from .conftest import fake_png, png
from .test_pengaduan_services import answered, data

pytestmark = pytest.mark.django_db

FORM = {
    "nama": "Siti Aminah",
    "kontak": "0812 3456 7801",
    "email": "siti@contoh.example",
    "jenis": "informasi",
    "kategori": "akta",
    "isi": "Berapa lama pembuatan akta kelahiran?",
}


def submit(client, **overrides):
    return client.post(reverse("piak:pengaduan-kirim"), FORM | overrides)


def shown(response, element_id: str) -> str:
    return re.search(rf'id="{element_id}">([^<]+)<', response.content.decode()).group(1)


def test_the_citizen_submits_without_login_and_gets_a_ticket_and_a_code_once(client, o):
    page = client.get(reverse("piak:pengaduan-kirim"))
    assert page.status_code == 200 and "Pengaduan dan permintaan informasi" in page.content.decode()
    response = submit(client, lampiran=png())
    assert response.status_code == 200
    nomor, kode = shown(response, "nomor-tiket"), shown(response, "kode-rahasia")
    p = Pengaduan.objects.get(nomor_tiket=nomor)
    assert p.saluran == "web" and p.kontak == "+6281234567801" and p.lampiran
    assert kode not in p.kode_hash and "no-cache" in response["Cache-Control"]


def test_the_home_and_status_pages_link_the_public_pages(client, o):
    home = client.get(reverse("home")).content.decode()
    assert reverse("piak:pengaduan-kirim") in home and reverse("piak:pengaduan-cek") in home
    assert reverse("piak:pengaduan-kirim") in client.get(reverse("status-publik")).content.decode()


@pytest.mark.parametrize(
    "overrides,field_message",
    [
        ({"isi": "x" * 10_000}, "Isi terlalu panjang: 10.000 karakter, paling banyak 2.000 karakter."),
        ({"kontak": "12345"}, "Nomor telepon tidak valid."),
        ({"kontak": "+1 202 555 0100"}, "Nomor telepon tidak valid."),
        ({"email": "bukan-email"}, "Masukkan alamat email dengan format yang benar."),
    ],
)
def test_bad_input_on_the_public_form_is_refused_with_a_message(client, o, overrides, field_message):
    response = submit(client, **overrides)
    assert response.status_code == 400 and field_message in response.content.decode()
    assert not Pengaduan.objects.exists()


def test_a_file_that_is_not_an_image_or_pdf_is_refused_by_its_content(client, o):
    response = submit(client, lampiran=fake_png())
    assert response.status_code == 400 and "Lampiran harus berupa PDF, JPEG, atau PNG." in response.content.decode()
    assert not Pengaduan.objects.exists()


def test_the_public_form_is_rate_limited_with_the_indonesian_page(client, o):
    for _ in range(5):
        assert submit(client).status_code == 200
    refused = submit(client)
    page = refused.content.decode()
    assert refused.status_code == 429 and "Terlalu banyak permintaan" in page and "Terlalu banyak percobaan" in page
    assert int(refused["Retry-After"]) > 0 and Pengaduan.objects.count() == 5


def test_the_status_page_is_rate_limited(client, o):
    url = reverse("piak:pengaduan-cek")
    for _ in range(20):
        client.post(url, {"nomor_tiket": "ADU-0000-AAAAAA", "kode": "SALAH"})
    refused = client.post(url, {"nomor_tiket": "ADU-0000-AAAAAA", "kode": "SALAH"})
    assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.content.decode()


def test_the_status_page_shows_the_answer_and_no_personal_data(client, o):
    p = svc.pengaduan_buat(
        user=None, data=data(nama="Budi Santoso", email="budi@contoh.example", isi="Rahasia isi aduan saya.")
    )
    kode = p.kode
    p = p.pengaduan
    svc.pengaduan_triase(
        user=o["adb"], pk=p.pk, kategori="ktp_el", bidang_penjawab=Bidang.objects.get(kode="pendaftaran")
    )
    before = client.post(reverse("piak:pengaduan-cek"), {"nomor_tiket": p.nomor_tiket, "kode": kode})
    assert before.status_code == 200 and "Sedang diproses" in before.content.decode()
    svc.pengaduan_jawab(user=o["kasi"], pk=p.pk, jawaban="Silakan ambil KTP-el besok.")
    svc.pengaduan_setujui(user=o["kabid_piak"], pk=p.pk)

    page = client.post(reverse("piak:pengaduan-cek"), {"nomor_tiket": p.nomor_tiket, "kode": kode}).content.decode()
    assert "Silakan ambil KTP-el besok." in page and "KTP-el" in page and "Dijawab" in page
    for private in ("Budi", "Santoso", "budi@contoh.example", "081234567890", "+6281234567890", "Rahasia isi"):
        assert private not in page, private
    assert "Hendra" not in page  # nor who answered


def test_unknown_ticket_and_wrong_code_get_the_same_answer(client, o):
    tiket = svc.pengaduan_buat(user=None, data=data())
    nomor = tiket.pengaduan.nomor_tiket
    wrong = client.post(reverse("piak:pengaduan-cek"), {"nomor_tiket": nomor, "kode": "ZZZZ9999"})
    unknown = client.post(reverse("piak:pengaduan-cek"), {"nomor_tiket": "ADU-0000-ZZZZZZ", "kode": "ZZZZ9999"})

    def body(r):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())

    assert wrong.status_code == unknown.status_code == 404
    assert body(wrong) == body(unknown)
    assert "Tiket tidak ditemukan atau kode salah." in body(wrong) and nomor not in body(wrong)


def test_a_closed_answer_cannot_be_edited_from_the_page(client, o):
    p = answered(o)
    svc.pengaduan_tutup(user=o["adb"], pk=p.pk)
    client.force_login(o["kasi"])
    url = reverse("piak:pengaduan-aksi", args=[p.pk, "jawab"])
    response = client.post(url, {"expected_status": StatusPengaduan.DITRIASE, "jawaban": "Diubah."})
    assert response.status_code == 409
    assert Pengaduan.objects.get(pk=p.pk).jawaban == "Blangko sudah tersedia; silakan ambil besok."


def test_a_role_that_may_not_act_gets_403_and_an_outsider_404(client, o):
    p = svc.pengaduan_buat(user=None, data=data()).pengaduan
    svc.pengaduan_triase(
        user=o["adb"], pk=p.pk, kategori="ktp_el", bidang_penjawab=Bidang.objects.get(kode="pendaftaran")
    )
    client.force_login(o["adb"])  # PIAK sees it but does not answer for Pendaftaran
    url = reverse("piak:pengaduan-aksi", args=[p.pk, "jawab"])
    assert client.post(url, {"expected_status": "ditriase", "jawaban": "x"}).status_code == 403
    client.force_login(o["kasi_capil"])  # Capil is not asked: it does not even see the ticket
    assert client.get(reverse("piak:pengaduan-detail", args=[p.pk])).status_code == 404
    client.force_login(o["loket"])
    assert client.get(reverse("piak:pengaduan")).status_code == 403


def test_the_list_costs_the_same_queries_for_3_or_30_tickets(client, o, django_assert_num_queries):
    client.force_login(o["kasi_piak"])
    for _ in range(3):
        svc.pengaduan_buat(user=None, data=data())
    client.get(reverse("piak:pengaduan"))  # warm the content-type cache
    # session, user, groups, bidang (page header), count, the page's rows (bidang joined), notifications
    with django_assert_num_queries(7):
        first = client.get(reverse("piak:pengaduan"))
    for _ in range(27):
        svc.pengaduan_buat(user=None, data=data())
    with django_assert_num_queries(7):
        second = client.get(reverse("piak:pengaduan"))
    assert first.content.decode().count("ADU-") == 3 and second.content.decode().count("ADU-") == 30


def test_monthly_statistics_match_hand_computed_values(o):
    # given: four tickets in one month, set to known times and deadlines
    t0 = timezone.make_aware(datetime(2026, 3, 2, 9, 0))
    pendaftaran = Bidang.objects.get(kode="pendaftaran")
    capil = Bidang.objects.get(kode="pencatatan_sipil")
    rows = [  # saluran, kategori, bidang, received, answered after (hours), deadline (days after receipt)
        ("web", "ktp_el", pendaftaran, t0, 24, 10),
        ("web", "kk", pendaftaran, t0 + timedelta(days=1), 72, 2),  # late: answered day 4, due day 3
        ("whatsapp", "akta", capil, t0 + timedelta(days=2), 48, 10),
        ("telepon", "akta", None, t0 + timedelta(days=3), None, None),  # not triaged yet
    ]
    for saluran, kategori, bidang, diterima, jam, tenggat in rows:
        p = svc.pengaduan_buat(user=None if saluran == "web" else o["adb"], data=data(saluran=saluran)).pengaduan
        Pengaduan.objects.filter(pk=p.pk).update(
            kategori=kategori,
            bidang_penjawab=bidang,
            diterima_pada=diterima,
            dijawab_pada=diterima + timedelta(hours=jam) if jam else None,
            tenggat=(diterima + timedelta(days=tenggat)).date() if tenggat else None,
        )
    svc.pengaduan_buat(user=None, data=data())  # this month's: not in March

    stat = statistik_bulan(2026, 3)

    # then: 4 tickets, 3 answered (24 h, 72 h, 48 h → median 48 h = 2 days), 2 of 3 within the deadline
    assert (stat.total.jumlah, stat.total.dijawab, stat.total.tepat_waktu) == (4, 3, 2)
    assert stat.total.median == timedelta(hours=48) and stat.total.median_hari == 2.0
    assert stat.total.persen_tepat == 66.7
    assert {r.label: r.jumlah for r in stat.per_saluran} == {"Formulir daring": 2, "WhatsApp": 1, "Telepon": 1}
    assert {r.label: r.jumlah for r in stat.per_kategori} == {
        "KTP-el": 1,
        "Kartu Keluarga": 1,
        "Akta pencatatan sipil": 2,
    }
    by_bidang = {r.label: r for r in stat.per_bidang}
    assert by_bidang[pendaftaran.nama].median == timedelta(hours=48)  # median of 24 h and 72 h
    assert by_bidang[pendaftaran.nama].persen_tepat == 50.0
    assert by_bidang[capil.nama].persen_tepat == 100.0
    assert by_bidang["Belum ditriase"].dijawab == 0 and by_bidang["Belum ditriase"].median is None


def test_statistics_page_and_xlsx(client, o, django_assert_num_queries):
    answered(o)
    client.force_login(o["kabid_piak"])
    bulan = timezone.localdate().strftime("%Y-%m")
    page = client.get(reverse("piak:pengaduan-statistik"), {"bulan": bulan})
    assert page.status_code == 200 and "Formulir daring" in page.content.decode()
    with django_assert_num_queries(9):  # session, user, groups, bidang, the four aggregates, notifications
        client.get(reverse("piak:pengaduan-statistik"), {"bulan": bulan})
    xlsx = client.get(reverse("piak:pengaduan-statistik-xlsx"), {"bulan": bulan})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Formulir daring", 1, 1, 1, 100.0] == values[3][:5]
    assert client.get(reverse("piak:pengaduan-statistik"), {"bulan": "2026-13"}).status_code == 400
    client.force_login(o["kasi"])
    assert client.get(reverse("piak:pengaduan-statistik")).status_code == 403


def test_staff_record_a_whatsapp_ticket_and_the_bidang_answers_from_the_page(client, o):
    client.force_login(o["adb"])
    response = client.post(reverse("piak:pengaduan-catat"), FORM | {"saluran": "whatsapp"})
    assert response.status_code == 200
    p = Pengaduan.objects.get(nomor_tiket=shown(response, "nomor-tiket"))
    assert p.saluran == "whatsapp" and p.dicatat_oleh == o["adb"]
    pendaftaran = Bidang.objects.get(kode="pendaftaran")
    client.post(
        reverse("piak:pengaduan-aksi", args=[p.pk, "triase"]),
        {"expected_status": "baru", "kategori": "akta", "bidang_penjawab": pendaftaran.pk},
    )
    client.force_login(o["kasi"])
    assert p.nomor_tiket in client.get(reverse("kotak-masuk")).content.decode()
    client.post(reverse("piak:pengaduan-aksi", args=[p.pk, "jawab"]), {"expected_status": "ditriase", "jawaban": "Ya."})
    client.force_login(o["kabid_piak"])
    client.post(reverse("piak:pengaduan-aksi", args=[p.pk, "setujui"]), {"expected_status": "persetujuan"})
    p.refresh_from_db()
    assert p.status == StatusPengaduan.DIJAWAB and p.jawaban == "Ya." and p.penjawab == o["kasi"]
