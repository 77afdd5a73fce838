"""The Pendaftaran screens as staff use them: entry, blangko, register lookup, pickup desk."""

import pytest
from django.urls import reverse

from dukcapil.choices import Status
from pendaftaran.models import StokBlangko
from tests.factories import act, committed, register_service, to_pickup

pytestmark = pytest.mark.django_db


def kepala(keluarga):
    return keluarga.anggota.get(hubungan="KEPALA KELUARGA")


def test_entry_page_validates_and_sends_on(client, team, warga):
    berkas = register_service("kia", warga[0].anggota.get(nama="KEISHA ANINDYA"), team["loket"])
    url = reverse("pendaftaran:entri", args=[berkas.nomor_registrasi])
    client.force_login(team["kasi"])
    assert client.get(url).status_code == 403
    client.force_login(team["operator"])
    page = client.get(url)
    assert page.status_code == 200 and "Nomor akta kelahiran" in page.content.decode()
    bad = client.post(url, {"no_akta_kelahiran": "", "kirim": "1"})
    assert bad.status_code == 400 and "Periksa kembali" in bad.content.decode()
    with committed():
        sent = client.post(url, {"no_akta_kelahiran": "2102-LT-01012022-0001", "kirim": "1"})
    assert sent.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI
    assert client.get(url).status_code == 409


def test_skpwni_entry_refuses_a_nik_outside_the_family(client, team, warga):
    keluarga = warga[1]
    berkas = register_service("skpwni", kepala(keluarga), team["loket"])
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri", args=[berkas.nomor_registrasi])
    data = {
        "alasan_pindah": "PEKERJAAN",
        "klasifikasi": "ANTAR PROVINSI",
        "jenis_kepindahan": "ANGGOTA KELUARGA",
        "tujuan_alamat": "JL. A",
        "tujuan_rt": "1",
        "tujuan_rw": "2",
        "tujuan_desa": "B",
        "tujuan_kecamatan": "C",
        "tujuan_kabupaten": "D",
        "tujuan_provinsi": "E",
        "tanggal_pindah": "2026-12-01",
        "nik_anggota": [kepala(warga[2]).nik],
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "bukan anggota KK pemohon" in response.content.decode()


def test_blangko_delivery_prints_waiting_berkas(client, team, warga):
    StokBlangko.objects.filter(jenis="kia").update(jumlah=0)
    child = warga[0].anggota.get(nama="KEISHA ANINDYA")

    def enter(berkas):
        client.force_login(team["operator"])
        client.post(reverse("pendaftaran:entri", args=[berkas.nomor_registrasi]), {"no_akta_kelahiran": "2102-LT-1"})

    berkas = to_pickup(register_service("kia", child, team["loket"]), team, enter)
    assert berkas.status == Status.MENUNGGU_BLANGKO
    client.force_login(team["operator"])
    page = client.get(reverse("pendaftaran:blangko"))
    assert berkas.nomor_registrasi in page.content.decode()
    zero = client.post(reverse("pendaftaran:blangko"), {"jenis": "kia", "jumlah": "0"})
    assert zero.status_code == 400
    assert "Pastikan nilai ini lebih besar dari atau sama dengan 1." in zero.content.decode()
    assert StokBlangko.objects.get(jenis="kia").jumlah == 0
    response = client.post(reverse("pendaftaran:blangko"), {"jenis": "kia", "jumlah": "5", "keterangan": "BAST 7"})
    assert response.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    client.force_login(team["kasi"])
    assert client.get(reverse("pendaftaran:blangko")).status_code == 403


def test_register_lookup_is_for_staff_and_shows_the_family(client, team, warga):
    url = reverse("pendaftaran:register")
    client.force_login(team["pengambilan"])
    assert client.get(url).status_code == 403
    client.force_login(team["operator"])
    page = client.post(url, {"q": warga[0].nomor_kk}).content.decode()
    assert kepala(warga[0]).nama in page and "KEISHA ANINDYA" in page
    assert "tidak ditemukan" in client.post(url, {"q": "1234"}, follow=True).content.decode()


def test_pickup_desk_needs_the_owner_for_a_ktp_el(client, team, warga):
    owner = kepala(warga[0])

    def enter(berkas):
        client.force_login(team["operator"])
        client.post(reverse("pendaftaran:entri", args=[berkas.nomor_registrasi]), {"catatan_cek_data": "ok"})

    berkas = to_pickup(register_service("ktp-el-cetak", owner, team["loket"]), team, enter)
    client.force_login(team["pengambilan"])
    url = reverse("serahkan", args=[berkas.nomor_registrasi])
    notice = (
        "<strong>KTP-el:</strong> hanya diserahkan kepada pemiliknya sendiri, setelah aktivasi "
        "(sidik jari pemilik dicocokkan). Tidak dapat dikuasakan."
    )
    assert notice in client.get(url).content.decode()
    wife = warga[0].anggota.get(hubungan="ISTRI")
    base = {
        "penerima_nama": wife.nama,
        "penerima_nik": wife.nik,
        "hubungan": "keluarga",
        "expected_status": "siap_diambil",
    }
    refused = client.post(url, {**base, "aktivasi_ktp_el": "on"})
    assert refused.status_code == 400 and "NIK penerima harus NIK pemilik" in refused.content.decode()
    bad_nik = client.post(url, {**base, "penerima_nik": "123"})
    assert bad_nik.status_code == 400 and "NIK harus 16 digit angka." in bad_nik.content.decode()
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    ok = client.post(
        url,
        {
            **base,
            "penerima_nama": owner.nama,
            "penerima_nik": owner.nik,
            "hubungan": "sendiri",
            "aktivasi_ktp_el": "on",
        },
    )
    assert ok.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.DISERAHKAN
    # the berkas page offers no way around the activation: only the link to the pickup page
    other = to_pickup(register_service("ktp-el-cetak", kepala(warga[1]), team["loket"]), team, enter)
    client.force_login(team["pengambilan"])
    page = client.get(reverse("berkas-detail", args=[other.nomor_registrasi])).content.decode()
    assert f'href="{reverse("serahkan", args=[other.nomor_registrasi])}"' in page
    assert f"/berkas/{other.nomor_registrasi}/serahkan/" not in page
    refused = client.post(
        f"/berkas/{other.nomor_registrasi}/serahkan/", {"expected_status": "siap_diambil", "catatan": "diambil"}
    )
    assert refused.status_code == 400
    other.refresh_from_db()
    assert other.status == Status.SIAP_DIAMBIL


def test_pickup_list_query_count_does_not_grow_with_rows(client, team, warga):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def cancel(person):
        berkas = register_service("kia", person, team["loket"])
        act(berkas, "batalkan", team["loket"], note="Pemohon membatalkan.")

    child = warga[0].anggota.get(nama="KEISHA ANINDYA")
    cancel(child)
    client.force_login(team["pengambilan"])
    url = reverse("pengambilan")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(3):
        cancel(child)
    with CaptureQueriesContext(connection) as four:
        page = client.get(url).content.decode()
    assert page.count("Pemohon membatalkan.") == 4
    assert len(four.captured_queries) == len(one.captured_queries)
