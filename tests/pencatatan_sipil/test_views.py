"""Counter, operator and register pages of Pencatatan Sipil; concurrent nomor akta."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.models import Layanan
from pencatatan_sipil.choices import JenisAkta
from pencatatan_sipil.layanan import next_nomor_akta
from tests.factories import register_service

pytestmark = pytest.mark.django_db


def test_entry_page_refuses_other_roles_wrong_state_and_bad_input(capil, warga, client):
    keluarga = warga[0]
    ayah = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    url = reverse("pencatatan_sipil:entri", args=[berkas.nomor_registrasi])
    client.force_login(capil["loket"])
    assert client.get(url).status_code == 403
    client.force_login(capil["operator"])
    page = client.get(url)
    assert page.status_code == 200 and "Nama anak" in page.content.decode()
    bad = client.post(url, {"nama_anak": "X", "nik_ibu": "123"})
    assert bad.status_code == 400 and "Periksa kembali" in bad.content.decode()
    wrong_mother = {
        "nama_anak": "ALYA",
        "jenis_kelamin": "P",
        "tempat_lahir": "BINTAN",
        "tanggal_lahir": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "anak_ke": "1",
        "penolong": "BIDAN/PERAWAT",
        "nik_ibu": ayah.nik,
        "nomor_kk": keluarga.nomor_kk,
        "saksi_1": "A",
        "saksi_2": "B",
    }
    refused = client.post(url, wrong_mother)
    assert refused.status_code == 400 and "bukan perempuan" in refused.content.decode()
    ok = client.post(url, {**wrong_mother, "nik_ibu": keluarga.anggota.get(hubungan="ISTRI").nik, "kirim": "1"})
    assert ok.status_code == 302
    berkas.refresh_from_db()
    assert berkas.status == Status.VERIFIKASI
    assert client.get(url).status_code == 409


def test_counter_refuses_an_unknown_akta_with_a_message(capil, warga, client):
    person = warga[0].anggota.get(hubungan="KEPALA KELUARGA")
    layanan = Layanan.objects.get(kode="pembetulan-akta")
    client.force_login(capil["loket"])
    page = client.post(
        reverse("intake", args=[layanan.kode]),
        {
            "nik": person.nik,
            "nama": person.nama,
            "tanggal_lahir": person.tanggal_lahir.isoformat(),
            "jenis_kelamin": person.jenis_kelamin,
            "detail-nomor_akta_rujukan": "2102-LT-01012020-9999",
        },
    )
    assert page.status_code == 400 and "tidak ada dalam register akta" in page.content.decode()


def test_register_lookup_is_post_only_and_for_staff(capil, warga, client):
    client.force_login(capil["pengambilan"])
    assert client.post(reverse("pencatatan_sipil:register"), {"q": "x"}).status_code == 403
    client.force_login(capil["operator"])
    page = client.post(reverse("pencatatan_sipil:register"), {"q": "2102-LT-01012020-0001"})
    assert page.status_code == 200 and "tidak ditemukan" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_nomor_akta_is_unique_under_concurrent_issuing(catalogue):
    numbers: list[str] = []
    errors: list[Exception] = []
    barrier = threading.Barrier(6)
    today = timezone.localdate()

    def worker():
        try:
            barrier.wait(timeout=5)
            for _ in range(5):
                with transaction.atomic():
                    numbers.append(next_nomor_akta(JenisAkta.KELAHIRAN, today)[0])
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    assert len(numbers) == 30 and len(set(numbers)) == 30
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert serials == list(range(serials[0], serials[0] + 30))  # no gap, none reused
    with transaction.atomic():
        other_jenis = next_nomor_akta(JenisAkta.KEMATIAN, today)[0]
    assert "-KM-" in other_jenis and other_jenis.endswith("-0001")


def test_berkas_page_shows_the_entry_with_labels_and_indonesian_dates(capil, warga, client):
    from dukcapil.documents import format_tanggal
    from tests.pencatatan_sipil.test_layanan import entering, family, kelahiran_data

    keluarga, ayah, ibu = family(warga)
    lahir = timezone.localdate() - timedelta(days=10)
    berkas = register_service("akta-kelahiran", ayah, capil["loket"])
    entering(capil, kelahiran_data(keluarga, ayah, ibu, lahir))(berkas)
    client.force_login(capil["kasi"])
    page = client.get(reverse("berkas-detail", args=[berkas.nomor_registrasi])).content.decode()
    assert f"<dd>{format_tanggal(lahir)}</dd>" in page
    assert lahir.isoformat() not in page
    assert "<dt>Tempat kelahiran (kabupaten/kota)</dt>" in page  # the form's label, not the key
    assert "<dd>Perempuan</dd>" in page  # the choice's label, not «P»
