import re

import pytest
from django.urls import reverse

from dukcapil.choices import Status
from dukcapil.models import Berkas, Layanan
from tests.factories import berkas_in, committed, register, wajib_ids

pytestmark = pytest.mark.django_db


def test_login_page_is_indonesian(client):
    page = client.get(reverse("login")).content.decode()
    assert "Masuk petugas" in page and "Kata sandi" in page


def test_staff_pages_need_login(client):
    response = client.get(reverse("kotak-masuk"))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def intake_data(layanan, **overrides):
    data = {
        "nik": "2102011708850001",
        "nama": "Budi Santoso",
        "tanggal_lahir": "1985-08-17",
        "jenis_kelamin": "L",
        "telepon": "0812",
        "detail-jenis": "baru",
        "persyaratan": [str(i) for i in wajib_ids(layanan)],
    }
    data.update(overrides)
    return data


def test_intake_registers_and_shows_the_berkas(client, team):
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    with committed():
        response = client.post(reverse("intake", args=["kk"]), intake_data(layanan))
    berkas = Berkas.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "berkas-detail", args=[berkas.nomor_registrasi]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Diterima, menunggu entri operator" in page and "Cetak resi" in page
    resi = client.get(reverse("dokumen-unduh", args=[berkas.nomor_registrasi, "resi"]))
    assert resi.status_code == 200 and resi["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"nik": "12345"}, "NIK harus 16 digit angka."),
        ({"nik": "9902011708850001"}, "NIK tidak valid: kode wilayah atau tanggal lahir di dalam NIK tidak benar."),
        ({"tanggal_lahir": "1985-08-18"}, "Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17-08-..85)."),
        ({"jenis_kelamin": "P"}, "Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan laki-laki)."),
        ({"nama": ""}, "Bidang ini harus diisi."),
    ],
    ids=["nik-pendek", "nik-tidak-valid", "tanggal-lahir", "jenis-kelamin", "nama-kosong"],
)
def test_intake_bad_input_is_explained_and_nothing_saved(client, team, overrides, message):
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    data = intake_data(layanan, **overrides)
    response = client.post(reverse("intake", args=["kk"]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<p class="error" role="alert">{message}</p>' in page
    assert Berkas.objects.count() == 0
    # what the officer typed is still in the form, the wrong value included
    typed = [name for name in ("nik", "nama", "tanggal_lahir", "telepon") if data[name]]
    assert [name for name in typed if f'name="{name}" value="{data[name]}"' not in page] == []


def test_a_field_error_is_read_out_with_its_input(client, team):
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    page = client.post(reverse("intake", args=["kk"]), intake_data(layanan, nama="")).content.decode()
    assert 'aria-describedby="id_nama_error"' in page
    assert re.search(r'<div id="id_nama_error"><p class="error" role="alert">[^<]*harus diisi', page)


def test_intake_missing_persyaratan_returns_with_the_list(client, team):
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    response = client.post(reverse("intake", args=["kk"]), intake_data(layanan, persyaratan=[]), follow=True)
    berkas = Berkas.objects.get()
    assert berkas.status == Status.DIKEMBALIKAN
    page = response.content.decode()
    assert "Persyaratan kurang" in page and "Pengantar RT/RW" in page
    assert "Periksa ulang dan terima" in page  # the same berkas can be resubmitted


def test_intake_refused_for_other_roles(client, team):
    client.force_login(team["kasi"])
    layanan = Layanan.objects.get(kode="kk")
    assert client.post(reverse("intake", args=["kk"]), intake_data(layanan)).status_code == 403
    assert Berkas.objects.count() == 0


def test_detail_shows_only_the_actions_the_user_may_take_now(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    url = reverse("berkas-detail", args=[berkas.nomor_registrasi])
    client.force_login(team["kasi"])
    page = client.get(url).content.decode()
    assert "Verifikasi dan paraf (Kasi)" in page and "Kembalikan ke operator" in page
    assert "Validasi dan paraf" not in page and 'name="passphrase"' not in page  # no signing here
    client.force_login(team["kabid"])
    page = client.get(url).content.decode()
    assert "Verifikasi dan paraf" not in page and "Batalkan berkas" in page
    assert "Kembalikan ke operator" not in page  # the Kabid sends back only at his own stage


def test_kasi_of_another_bidang_never_sees_the_berkas(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    client.force_login(team["kasi_capil"])
    assert client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi])).status_code == 404
    assert berkas.nomor_registrasi not in client.get(reverse("kotak-masuk")).content.decode()
    response = client.post(
        reverse("berkas-action", args=[berkas.nomor_registrasi, "verifikasi"]), {"expected_status": "verifikasi"}
    )
    assert response.status_code == 404
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI


def test_action_forbidden_for_role_is_403_and_wrong_state_is_409(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    client.force_login(team["operator"])
    response = client.post(
        reverse("berkas-action", args=[berkas.nomor_registrasi, "verifikasi"]), {"expected_status": "verifikasi"}
    )
    assert response.status_code == 403
    assert "tidak berwenang" in response.content.decode()
    client.force_login(team["kasi"])
    client.post(
        reverse("berkas-action", args=[berkas.nomor_registrasi, "verifikasi"]), {"expected_status": "verifikasi"}
    )
    # a second click from the same stale page
    response = client.post(
        reverse("berkas-action", args=[berkas.nomor_registrasi, "verifikasi"]), {"expected_status": "verifikasi"}
    )
    assert response.status_code == 409
    assert "baru saja diproses" in response.content.decode()
    berkas.refresh_from_db()
    assert berkas.status == Status.VALIDASI
    assert berkas.kartu_kendali.filter(dari_status="verifikasi").count() == 1


def test_unknown_action_and_malformed_post_are_not_500(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    client.force_login(team["kasi"])
    assert (
        client.post(
            reverse("berkas-action", args=[berkas.nomor_registrasi, "hapus-semua"]), {"expected_status": "verifikasi"}
        ).status_code
        == 400
    )
    malformed = client.post(reverse("berkas-action", args=[berkas.nomor_registrasi, "verifikasi"]), {}, follow=True)
    assert malformed.redirect_chain == [(reverse("berkas-detail", args=[berkas.nomor_registrasi]), 302)]
    assert "Formulir tidak lengkap; muat ulang halaman dan coba lagi." in malformed.content.decode()
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI


def test_operator_entry_screen_validates_members_and_sends_to_kasi(client, team):
    berkas = register(team["loket"])
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    assert client.get(url).status_code == 200
    member = {
        "nik": "2102011708850001",
        "nama": "Budi Santoso",
        "jenis_kelamin": "L",
        "tempat_lahir": "Kijang",
        "tanggal_lahir": "1985-08-17",
        "agama": "ISLAM",
        "pendidikan": "SLTA/SEDERAJAT",
        "pekerjaan": "Nelayan",
        "golongan_darah": "",
        "status_perkawinan": "BELUM KAWIN",
        "tanggal_perkawinan": "",
        "hubungan": "KEPALA KELUARGA",
        "kewarganegaraan": "WNI",
        "no_paspor": "",
        "no_kitap": "",
        "nama_ayah": "Ahmad",
        "nama_ibu": "Siti",
    }
    data = {
        "kode_wilayah": "210201",
        "alamat": "Jl. Pos 3",
        "rt": "001",
        "rw": "002",
        "desa_kelurahan": "Kijang Kota",
        "kecamatan": "Bintan Timur",
        "kabupaten_kota": "Bintan",
        "provinsi": "Kepulauan Riau",
        "kode_pos": "29151",
        "anggota-TOTAL_FORMS": "1",
        "anggota-INITIAL_FORMS": "0",
        "anggota-MIN_NUM_FORMS": "0",
        "anggota-MAX_NUM_FORMS": "30",
        "kirim": "1",
    }
    data.update({f"anggota-0-{k}": v for k, v in member.items()})
    bad = {**data, "anggota-0-tanggal_lahir": "1985-08-18"}
    response = client.post(url, bad)
    assert response.status_code == 400 and "Tanggal lahir tidak sesuai dengan NIK" in response.content.decode()
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI
    assert berkas.permohonan_kk.anggota.get().nama == "BUDI SANTOSO"


# session, user, user + group permissions, work items, the berkas page (with layanan and bidang),
# the overdue disposisi the Kasi gave (the Sekretariat's banner), the unread notification badge, the
# officer's bidang in the header, the open gangguan that stop a layanan (PIAK's banner): the same
# for 2 rows as for 11.
INBOX_QUERIES = 9


def test_inbox_lists_oldest_first_with_pinned_query_count(client, team, django_assert_num_queries):
    client.force_login(team["kasi"])
    first = berkas_in(Status.VERIFIKASI, team, seq=1)
    second = berkas_in(Status.VERIFIKASI, team, seq=2)
    client.get(reverse("kotak-masuk"))  # warm the session/permission caches of this client
    with django_assert_num_queries(INBOX_QUERIES):
        page = client.get(reverse("kotak-masuk")).content.decode()
    assert page.index(first.nomor_registrasi) < page.index(second.nomor_registrasi)
    for seq in range(3, 12):
        berkas_in(Status.VERIFIKASI, team, seq=seq)
    with django_assert_num_queries(INBOX_QUERIES):
        page = client.get(reverse("kotak-masuk")).content.decode()
    assert page.count('href="/berkas/KK-') == 11


def test_inbox_heading_counts_every_waiting_berkas_not_the_shown_slice(client, team, monkeypatch):
    monkeypatch.setattr("dukcapil.views.INBOX_LIMIT", 3)
    made = [berkas_in(Status.VERIFIKASI, team, seq=seq) for seq in range(1, 6)]
    client.force_login(team["kasi"])
    page = client.get(reverse("kotak-masuk")).content.decode()
    heading = re.search(r'<p class="muted" id="jumlah-menunggu">(.*?)</p>', page, re.S).group(1)
    assert heading.startswith("5 berkas menunggu Anda; 3 yang terlama ditampilkan")
    assert page.count('href="/berkas/KK-') == 3
    assert made[-1].nomor_registrasi not in page  # the newest waits beyond the slice


def test_public_status_shows_timeline_and_nothing_personal(client, team):
    berkas = berkas_in(Status.VALIDASI, team)
    response = client.post(
        reverse("status-publik"), {"nomor_registrasi": berkas.nomor_registrasi, "nik": berkas.pemohon_nik}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Menunggu validasi Kabid" in page and "Menunggu verifikasi Kasi" in page
    assert berkas.pemohon_nama not in page and berkas.pemohon_nik not in page
    for member in berkas.permohonan_kk.anggota.all():
        assert member.nama not in page and member.nik not in page
    assert team["kasi"].first_name not in page  # no officer names either


def test_public_status_wrong_pair_is_answered_like_unknown_number(client, team):
    berkas = berkas_in(Status.VALIDASI, team)
    wrong_nik = client.post(
        reverse("status-publik"), {"nomor_registrasi": berkas.nomor_registrasi, "nik": "2102011708850099"}
    )
    unknown = client.post(reverse("status-publik"), {"nomor_registrasi": "KK-000000-9999", "nik": "2102011708850099"})
    assert wrong_nik.status_code == unknown.status_code == 404

    def body(r):
        return (
            re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())
            .replace(berkas.nomor_registrasi, "X")
            .replace("KK-000000-9999", "X")
        )

    assert body(wrong_nik) == body(unknown)
    bad = client.post(reverse("status-publik"), {"nomor_registrasi": "", "nik": "12ab"})
    assert bad.status_code == 400 and "NIK harus 16 digit." in bad.content.decode()


def test_public_status_is_rate_limited(client, team):
    for _ in range(20):
        client.post(reverse("status-publik"), {"nomor_registrasi": "KK-1", "nik": "2102011708850099"})
    response = client.post(reverse("status-publik"), {"nomor_registrasi": "KK-1", "nik": "2102011708850099"})
    assert response.status_code == 429 and "Terlalu banyak percobaan" in response.content.decode()


def test_entry_screen_refuses_other_roles_and_other_stages(client, team):
    berkas = berkas_in(Status.VERIFIKASI, team)
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    client.force_login(team["kasi"])
    assert client.get(url).status_code == 403
    client.force_login(team["operator"])
    response = client.get(url)
    assert (
        response.status_code == 409 and "hanya dapat diubah saat berkas berada di operator" in response.content.decode()
    )


def test_double_click_on_intake_registers_once(client, team):
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    data = intake_data(layanan, token="6f1c1a52-3f59-4b55-9a0e-2f8f0a1b7c11")
    first = client.post(reverse("intake", args=["kk"]), data)
    second = client.post(reverse("intake", args=["kk"]), data)
    assert Berkas.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_resubmit_from_the_berkas_page(client, team):
    berkas = register(team["loket"], complete=False)
    client.force_login(team["loket"])
    layanan = Layanan.objects.get(kode="kk")
    with committed():
        response = client.post(
            reverse("berkas-resubmit", args=[berkas.nomor_registrasi]),
            {"persyaratan": [str(i) for i in wajib_ids(layanan)], "expected_status": "dikembalikan"},
            follow=True,
        )
    assert "kini lengkap dan diterima" in response.content.decode()
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA
    again = client.post(
        reverse("berkas-resubmit", args=[berkas.nomor_registrasi]),
        {"persyaratan": [], "expected_status": "dikembalikan"},
    )
    assert again.status_code == 409


def test_inbox_pages_go_on_to_the_newer_items_oldest_first(client, team, monkeypatch):
    monkeypatch.setattr("dukcapil.views.INBOX_LIMIT", 2)
    made = [berkas_in(Status.VERIFIKASI, team, seq=seq) for seq in range(1, 6)]
    client.force_login(team["kasi"])
    first = client.get(reverse("kotak-masuk")).content.decode()
    assert 'href="?halaman=2">lebih baru »</a>' in first and "lebih lama" not in first
    second = client.get(reverse("kotak-masuk"), {"halaman": 2}).content.decode()
    heading = re.search(r'<p class="muted" id="jumlah-menunggu">(.*?)</p>', second, re.S).group(1)
    assert heading.startswith("5 berkas menunggu Anda; halaman 2: yang ke-3 sampai ke-4")
    shown = [b.nomor_registrasi for b in made if b.nomor_registrasi in second]
    assert shown == [made[2].nomor_registrasi, made[3].nomor_registrasi]
    last = client.get(reverse("kotak-masuk"), {"halaman": 3}).content.decode()
    assert made[4].nomor_registrasi in last and "lebih baru" not in last and 'href="?halaman=2">« lebih lama' in last
    nonsense = client.get(reverse("kotak-masuk"), {"halaman": "x"})
    assert nonsense.status_code == 200 and made[0].nomor_registrasi in nonsense.content.decode()
