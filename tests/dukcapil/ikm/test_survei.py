"""The public questionnaire: validation (nothing saved on a bad answer), one answer per resi
token, the kiosk, the rate limit, and the invitation printed on the resi."""

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.ikm.models import ResponIKM, UndanganIKM
from dukcapil.models import Dokumen, Layanan
from tests.factories import register

pytestmark = pytest.mark.django_db

RESPONDEN = {"kelompok_umur": "26-35", "jenis_kelamin": "P", "pendidikan": "sma", "pekerjaan": "wirausaha"}


def jawaban(nilai=(4, 3, 3, 4, 3, 4, 4, 2, 3), **extra) -> dict:
    data = {f"u{i}": str(v) for i, v in enumerate(nilai, start=1)} | RESPONDEN
    return data | extra


@pytest.fixture
def kk(catalogue):
    return Layanan.objects.get(kode="kk")


def test_a_citizen_answers_at_the_desk_qr_and_the_answer_is_kept_without_a_name(client, kk):
    page = client.get(reverse("ikm:survei"))
    html = page.content.decode()
    assert page.status_code == 200 and "Tidak sesuai" in html and "Sangat sesuai" in html and "Gratis" in html
    assert "Dikelola dengan baik" in html and 'name="nama"' not in html

    response = client.post(reverse("ikm:survei"), jawaban(layanan=kk.pk, saran="Kursi tunggu kurang."))

    assert response.status_code == 302 and response["Location"] == reverse("ikm:terima-kasih")
    respon = ResponIKM.objects.get()
    assert [getattr(respon, f"u{i}") for i in range(1, 10)] == [4, 3, 3, 4, 3, 4, 4, 2, 3]
    assert (respon.layanan, respon.saluran, respon.saran) == (kk, "loket", "Kursi tunggu kurang.")
    assert (respon.kelompok_umur, respon.jenis_kelamin, respon.pendidikan, respon.pekerjaan) == (
        "26-35", "P", "sma", "wirausaha"
    )  # fmt: skip


@pytest.mark.parametrize("nilai", ["0", "5"])
def test_an_answer_outside_one_to_four_is_refused_in_indonesian_and_nothing_is_saved(client, kk, nilai):
    response = client.post(reverse("ikm:survei"), jawaban(layanan=kk.pk) | {"u3": nilai})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Jawaban pertanyaan 3 (Waktu penyelesaian) harus salah satu dari nilai 1 sampai 4." in html
    assert ResponIKM.objects.count() == 0


def test_a_missing_answer_is_named_and_nothing_is_saved(client, kk):
    data = jawaban(layanan=kk.pk)
    del data["u8"], data["pendidikan"]

    response = client.post(reverse("ikm:survei"), data)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Pilih salah satu jawaban untuk pertanyaan 8 (Penanganan pengaduan, saran dan masukan)." in html
    assert "Pilih pendidikan." in html
    assert ResponIKM.objects.count() == 0


def test_the_resi_carries_its_own_survey_link_and_the_token_takes_one_answer(client, team):
    berkas = register(team["loket"])
    undangan = UndanganIKM.objects.get(berkas=berkas)
    resi = Dokumen.objects.get(berkas=berkas, jenis="resi")
    text = "".join(page.extract_text() for page in PdfReader(resi.berkas_pdf.open("rb")).pages)
    assert "Survei Kepuasan Masyarakat" in text and undangan.token in text.replace("\n", "")

    url = reverse("ikm:survei-resi", args=[undangan.token])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and berkas.layanan.nama in html
    assert 'name="layanan"' not in html  # preset from the berkas
    assert berkas.pemohon_nama not in html and berkas.nomor_registrasi not in html

    first = client.post(url, jawaban())
    second = client.post(url, jawaban(nilai=(1,) * 9))

    assert first.status_code == 302
    assert second.status_code == 200 and "sudah diisi" in second.content.decode()
    respon = ResponIKM.objects.get()
    assert respon.layanan == berkas.layanan and respon.saluran == "resi" and respon.u1 == 4
    undangan.refresh_from_db()
    assert undangan.dijawab_pada is not None


def test_a_used_token_is_refused_by_the_service_with_409(team):
    from dukcapil.exceptions import BerkasConflict
    from dukcapil.ikm.services import respon_kirim

    berkas = register(team["loket"])
    token = UndanganIKM.objects.get(berkas=berkas).token
    values = {f"u{i}": 3 for i in range(1, 10)} | RESPONDEN
    respon_kirim(saluran="resi", jawaban=values, token=token)

    with pytest.raises(BerkasConflict) as refused:
        respon_kirim(saluran="resi", jawaban=values, token=token)
    assert refused.value.http_status == 409 and "sudah diisi" in refused.value.message
    assert ResponIKM.objects.count() == 1


def test_an_unknown_token_is_404(client, catalogue):
    assert client.get(reverse("ikm:survei-resi", args=["tidak-ada-token-seperti-ini"])).status_code == 404


def test_the_kiosk_returns_to_an_empty_form_after_an_answer(client, kk):
    page = client.get(reverse("ikm:kiosk"))
    html = page.content.decode()
    assert 'data-kiosk-idle="90"' in html and "ikm/kiosk.js" in html

    response = client.post(reverse("ikm:kiosk"), jawaban(layanan=kk.pk))

    assert response.status_code == 302 and response["Location"] == reverse("ikm:kiosk-terima-kasih")
    thanks = client.get(response["Location"]).content.decode()
    assert f'content="6;url={reverse("ikm:kiosk")}"' in thanks
    assert ResponIKM.objects.get().saluran == "kios"


def test_the_public_form_is_rate_limited_per_address(client, kk, monkeypatch):
    from dukcapil.ikm import views

    monkeypatch.setattr(views, "BATAS_PUBLIK", (2, 3600))
    statuses = [client.post(reverse("ikm:survei"), jawaban(layanan=kk.pk)).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert ResponIKM.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_answers_sent_at_once_on_one_resi_token_keep_one(team):
    import threading

    from django.db import connection

    from dukcapil.exceptions import BerkasConflict
    from dukcapil.ikm.services import respon_kirim

    token = UndanganIKM.objects.get(berkas=register(team["loket"])).token
    values = {f"u{i}": 4 for i in range(1, 10)} | RESPONDEN
    kept, refused, errors = [], [], []
    barrier = threading.Barrier(2)

    def send():
        try:
            barrier.wait()
            kept.append(respon_kirim(saluran="resi", jawaban=values, token=token).pk)
        except BerkasConflict as exc:
            refused.append(exc.http_status)
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(kept) == 1 and refused == [409]
    assert ResponIKM.objects.count() == 1


HOSTILE = ["", "A" * 10_000, "<script>alert(1)</script>", "'; DROP TABLE x; --", "-1", "3.5", "BUDI\x00"]


@pytest.mark.parametrize("field", ["layanan", "u1", "u9", "kelompok_umur", "pekerjaan", "saran"])
def test_hostile_input_on_the_public_form_is_never_a_500_and_saves_nothing(client, kk, field):
    for value in HOSTILE:
        response = client.post(reverse("ikm:survei"), jawaban(layanan=kk.pk) | {field: value})
        body = response.content.decode()
        if field == "saran" and value in ("", "<script>alert(1)</script>", "'; DROP TABLE x; --", "-1", "3.5"):
            assert response.status_code == 302, (field, value)  # a suggestion is free text
            continue
        assert response.status_code == 400, (field, value)
        assert "<script>alert" not in body
    saved = ResponIKM.objects.all()
    assert all("\x00" not in r.saran for r in saved)
    if field != "saran":
        assert saved.count() == 0
