"""Cuti screens: the balance page, the form's refusals, the step buttons (403/409), the register."""

import io
from datetime import date

from django.urls import reverse
from openpyxl import load_workbook

from sekretariat.models import PermohonanCuti
from sekretariat.services import cuti as svc

from .cuti_helpers import data, kantor_cuti_fixture, riwayat, sampai  # noqa: F401
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401


def _post_ajukan(client, **fields):
    body = {"jenis": svc.JenisCuti.objects.get(kode="tahunan").pk, "mulai": "2026-05-13", "selesai": "2026-05-19",
            "alasan": "Keperluan keluarga.", "alamat": "Jl. Melati 5"} | fields  # fmt: skip
    return client.post(reverse("sekretariat:cuti-ajukan"), body)


def test_the_employee_asks_and_the_balance_page_shows_it_pending(client, kantor_cuti):
    client.force_login(kantor_cuti["fikri"])
    response = _post_ajukan(client)
    p = PermohonanCuti.objects.get()
    assert response.status_code == 302 and response["Location"] == p.get_absolute_url()
    page = client.get(reverse("sekretariat:cuti-saldo")).content.decode()
    assert p.nomor in page and "Sedang diproses</dt><dd>3</dd>" in page
    assert '<strong id="sisa-cuti">21</strong>' in page  # 12 + 12 carried (two unused years), 3 pending


def test_the_form_refuses_with_a_400_and_saves_nothing(client, kantor_cuti):
    client.force_login(kantor_cuti["fikri"])
    response = _post_ajukan(client, mulai="2026-05-19", selesai="2026-05-13")
    assert response.status_code == 400
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in response.content.decode()
    response = _post_ajukan(client, mulai="2026-06-01", selesai="2026-07-31")
    assert response.status_code == 400 and "Saldo cuti tahunan 2026 tidak cukup" in response.content.decode()
    assert not PermohonanCuti.objects.exists()


def test_those_who_handle_leave_open_any_employees_balance_others_get_404(client, kantor_cuti):
    k = kantor_cuti
    riwayat(k["p_wulan"], date(2025, 3, 3), 12)
    url = reverse("sekretariat:cuti-saldo") + f"?pegawai={k['p_wulan'].pk}"
    client.force_login(k["kasubag"])
    page = client.get(url).content.decode()
    # 2025's 12 days used the 12 carried from 2023–2024 first: 6 of 2025's own carry, 18 in all
    assert "Saldo cuti Wulan Sari" in page and '<strong id="sisa-cuti">18</strong>' in page
    client.force_login(k["fikri"])
    assert client.get(url).status_code == 404


def test_a_page_without_a_linked_pegawai_says_so(client, kantor_cuti):
    client.force_login(kantor_cuti["agendaris"])
    assert "belum terhubung dengan data pegawai" in client.get(reverse("sekretariat:cuti-saldo")).content.decode()


def test_steps_answer_403_for_a_role_and_409_for_a_state(client, kantor_cuti):
    k = kantor_cuti
    p = svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12)))
    aksi = lambda a: reverse("sekretariat:cuti-aksi", args=[p.pk, a])  # noqa: E731
    client.force_login(k["fikri"])
    assert client.post(aksi("teruskan"), {"expected_status": "diajukan"}).status_code == 403
    client.force_login(k["sekretaris"])
    assert client.post(aksi("paraf"), {"expected_status": "diajukan"}).status_code == 409
    client.force_login(k["kasubag"])
    assert client.post(aksi("teruskan"), {"expected_status": "diajukan"}).status_code == 302
    response = client.post(aksi("teruskan"), {"expected_status": "diajukan"})  # a stale page
    assert response.status_code == 409 and "baru saja diproses" in response.content.decode()
    client.force_login(k["wulan"])
    assert client.get(p.get_absolute_url()).status_code == 404  # another employee's request


def test_the_detail_shows_each_holder_their_buttons(client, kantor_cuti):
    k = kantor_cuti
    p = sampai(k, svc.cuti_ajukan(user=k["fikri"], data=data(date(2026, 5, 11), date(2026, 5, 12))), "kadis")
    client.force_login(k["kadis"])
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Setujui cuti" in page and "Tolak cuti" in page
    client.force_login(k["fikri"])
    page = client.get(p.get_absolute_url()).content.decode()
    assert "Batalkan permohonan" in page and "Setujui cuti" not in page


def _register(client, django_assert_num_queries, queries: int, **params):
    with django_assert_num_queries(queries):
        response = client.get(reverse("sekretariat:cuti-register"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_register_has_a_pinned_query_count_and_pages(client, kantor_cuti, django_assert_num_queries):
    k = kantor_cuti
    riwayat(k["p_fikri"], date(2025, 3, 3), 10)
    client.force_login(k["kasubag"])
    # session, user, groups, count, page, jenis tahunan, requests, cuti besar, notifications badge, bidang
    page = _register(client, django_assert_num_queries, 10)
    assert "Fikri Ramadhan" in page and "Wulan Sari" in page
    for n in range(3, 30):
        pegawai(f"Pegawai {n:02d}", seq=n)
    page = _register(client, django_assert_num_queries, 10)
    assert "Halaman 1 dari 2" in page
    assert "Pegawai 29" not in page and "Pegawai 29" in _register(client, django_assert_num_queries, 10, halaman=2)


def test_the_register_downloads_as_xlsx_with_every_employee(client, kantor_cuti):
    riwayat(kantor_cuti["p_fikri"], date(2025, 3, 3), 10)
    client.force_login(kantor_cuti["kasubag"])
    response = client.get(reverse("sekretariat:cuti-register"), {"format": "xlsx", "tahun": 2026})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    fikri = next(r for r in rows if r[1] == "Fikri Ramadhan")
    assert fikri[3:9] == [12, 6, 18, 0, 0, 18]  # 2025 used its carried days first: 6 of its own carry


def test_the_register_is_refused_to_staff(client, kantor_cuti):
    client.force_login(kantor_cuti["fikri"])
    assert client.get(reverse("sekretariat:cuti-register")).status_code == 403
