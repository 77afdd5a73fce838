"""The citizen's account: sign-up checked against the register, one-time code, login, separation from staff."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.notifikasi.models import PesanKeluar
from dukcapil.warga.models import PendaftaranWarga, Warga

from .conftest import PASSWORD, last_code

pytestmark = pytest.mark.django_db

EMAIL = "pemohon@example.id"


def sign_up(client, person, **overrides):
    data = {
        "nik": person.nik,
        "nama": person.nama.title(),  # typed in another case: still the same name
        "email": EMAIL,
        "telepon": "081234567890",
        "kata_sandi": PASSWORD,
        "kata_sandi_ulang": PASSWORD,
    } | overrides
    return client.post(reverse("warga:daftar"), data)


def test_sign_up_with_the_code_from_the_email_creates_a_citizen_account_and_signs_in(client, penduduk):
    response = sign_up(client, penduduk)
    assert response.status_code == 302 and response["Location"] == reverse("warga:kode")
    pesan = PesanKeluar.objects.get(kepada=[EMAIL])
    assert penduduk.nik not in pesan.isi  # no NIK in a message to the citizen
    code = last_code(EMAIL)
    pending = PendaftaranWarga.objects.get()
    assert code not in pending.kode_hash and len(pending.kode_hash) == 64  # stored hashed

    wrong = "000000" if code != "000000" else "111111"
    response = client.post(reverse("warga:kode"), {"kode": wrong})
    assert response.status_code == 400
    assert "Kode salah. Sisa 4 percobaan." in response.content.decode()

    response = client.post(reverse("warga:kode"), {"kode": code})
    assert response.status_code == 302 and response["Location"] == reverse("warga:beranda")
    akun = Warga.objects.get(nik=penduduk.nik)
    assert akun.user.groups.count() == 0 and not akun.user.is_staff
    assert penduduk.nik not in akun.user.username
    assert not PendaftaranWarga.objects.exists()
    page = client.get(reverse("warga:beranda"))
    assert page.status_code == 200 and akun.nama in page.content.decode()


def test_expired_code_is_refused(client, penduduk):
    sign_up(client, penduduk)
    code = last_code(EMAIL)
    PendaftaranWarga.objects.update(kode_kedaluwarsa=timezone.now() - timedelta(seconds=1))
    response = client.post(reverse("warga:kode"), {"kode": code})
    assert response.status_code == 400
    assert "Kode sudah kedaluwarsa" in response.content.decode()
    assert not Warga.objects.exists()


def test_five_wrong_codes_lock_the_sign_up_until_the_wait_is_over(client, penduduk, settings):
    sign_up(client, penduduk)
    code = last_code(EMAIL)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(settings.WARGA_OTP_MAKS_PERCOBAAN):
        client.post(reverse("warga:kode"), {"kode": wrong})
    # then even the right code is refused, and a new code cannot be asked for yet
    response = client.post(reverse("warga:kode"), {"kode": code})
    assert response.status_code == 409
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert not Warga.objects.exists()
    response = client.post(reverse("warga:kirim-ulang"), follow=True)
    assert "Kode baru dapat diminta setelah pukul" in response.content.decode()
    assert PesanKeluar.objects.filter(kepada=[EMAIL]).count() == 1

    # after the wait a new code is sent, and it works
    PendaftaranWarga.objects.update(
        terakhir_gagal=timezone.now() - settings.WARGA_OTP_TUNGGU,
        kode_dibuat=timezone.now() - settings.WARGA_OTP_TUNGGU,
    )
    client.post(reverse("warga:kirim-ulang"))
    assert PesanKeluar.objects.filter(kepada=[EMAIL]).count() == 2
    new_code = last_code(EMAIL)
    assert client.post(reverse("warga:kode"), {"kode": new_code}).status_code == 302
    assert Warga.objects.filter(nik=penduduk.nik).exists()


def test_resend_is_rate_limited(client, penduduk):
    sign_up(client, penduduk)
    response = client.post(reverse("warga:kirim-ulang"), follow=True)
    assert "Kode baru saja dikirim" in response.content.decode()
    assert PesanKeluar.objects.filter(kepada=[EMAIL]).count() == 1


@pytest.mark.parametrize("case", ["nik_not_in_register", "other_name", "account_exists"])
def test_a_mismatch_gets_one_neutral_message_and_nothing_is_sent(client, penduduk, penduduk_lain, akun_lain, case):
    overrides = {
        "nik_not_in_register": {"nik": "9999999999999999"},
        "other_name": {"nama": penduduk_lain.nama},
        "account_exists": {"nik": penduduk_lain.nik, "nama": penduduk_lain.nama, "email": "lain@example.id"},
    }[case]
    before = PesanKeluar.objects.count()
    response = sign_up(client, penduduk, **overrides)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Data tidak dapat diverifikasi" in body
    assert "tidak ada dalam database" not in body and "tidak ditemukan" not in body
    assert not PendaftaranWarga.objects.exists()
    assert PesanKeluar.objects.count() == before


def test_login_by_nik_or_email_and_staff_pages_refuse_the_citizen(client, akun):
    response = client.post(reverse("warga:masuk"), {"identitas": akun.nik, "kata_sandi": "salah-sekali"})
    assert response.status_code == 400 and "NIK/email atau kata sandi salah" in response.content.decode()

    response = client.post(reverse("warga:masuk"), {"identitas": akun.email.upper(), "kata_sandi": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("warga:beranda")
    for url in (reverse("kotak-masuk"), reverse("intake-pilih"), reverse("cari"), reverse("warga:petugas")):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("home"))["Location"] == reverse("warga:beranda")

    client.logout()
    response = client.post(reverse("warga:masuk"), {"identitas": akun.nik, "kata_sandi": PASSWORD})
    assert response.status_code == 302


def test_citizen_pages_refuse_an_officer(client, loket_capil):
    client.force_login(loket_capil)
    assert client.get(reverse("warga:beranda")).status_code == 403


def test_failed_logins_lock_the_account_through_axes(client, akun, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("warga:masuk"), {"identitas": akun.nik, "kata_sandi": "salah-sekali"})
    response = client.post(reverse("warga:masuk"), {"identitas": akun.nik, "kata_sandi": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_hostile_input_on_sign_up_and_login_is_refused_without_a_500(client, penduduk):
    from tests.test_form_fuzz import HOSTILE, _check, _post

    data = {
        "nik": penduduk.nik,
        "nama": penduduk.nama,
        "email": "pemohon@example.id",
        "telepon": "",
        "kata_sandi": PASSWORD,
        "kata_sandi_ulang": PASSWORD,
    }
    for name, value in HOSTILE.items():
        for field in ("nik", "nama", "email", "telepon"):
            response = _post(client, reverse("warga:daftar"), data, field, value)
            _check(response, f"daftar {field} {name}")
            assert response.status_code in (302, 400, 429), (field, name)
            client.session.pop("warga_pendaftaran", None)
        _check(_post(client, reverse("warga:masuk"), {"identitas": "x", "kata_sandi": "y"}, "identitas", value), name)
    assert not Warga.objects.exclude(nik=penduduk.nik).exists()
