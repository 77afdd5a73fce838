"""Hostile input on every staff form reachable over HTTP: never a 500, never raw markup, nothing half saved.

Each form gets a valid submission with one field replaced at a time by a hostile value (future and
far-past dates, 10,000 characters, emoji, right-to-left override, markup, SQL, negative numbers,
control characters, the field missing or sent twice).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.models import Berkas, LangkahSOP, Layanan, Pengambilan
from pencatatan_sipil.models import PermohonanAkta
from pendaftaran.models import AnggotaKeluarga, PermohonanPenduduk
from tests.factories import berkas_in, register, register_service, wajib_ids
from tests.pencatatan_sipil import conftest as capil_conftest
from tests.pendaftaran.test_entry_kk_input import kk_post
from tests.sekretariat import conftest as sek_conftest
from tests.sekretariat.naskah_helpers import sek_team, to_tte

pytestmark = pytest.mark.django_db
capil = capil_conftest.capil  # the Pencatatan Sipil officers
kantor = sek_conftest.kantor  # the Sekretariat's people for a letter's route

SCRIPT = "<script>alert(1)</script>"
MISSING = object()
HOSTILE = {
    "masa-depan": "2999-01-01",
    "tahun-1": "0001-01-01",
    "1850": "1850-01-01",
    "panjang": "A" * 10_000,
    "emoji": "BUDI 😀🎉",
    "rtl": "BUDI \u202eOTNAS",
    "script": SCRIPT,
    "sql": "'; DROP TABLE x; --",
    "negatif": "-5",
    "nul": "BUDI\x00",
    "kosong": "",
    "hilang": MISSING,
    "ganda": ["BUDI", "2999-01-01"],
}


def _post(client, url, data, field, value):
    data = dict(data)
    if value is MISSING:
        data.pop(field, None)
    else:
        data[field] = value
    return client.post(url, data)


def _check(response, label):
    assert response.status_code < 500, label
    body = response.content.decode(errors="replace")
    assert "<script>alert" not in body, label
    return body


def fuzz(client, url, valid: dict, fields, snapshot, files=None):
    """Post ``valid`` with each of ``fields`` replaced by each hostile value; ``snapshot()`` is what a
    refused submission must leave unchanged; ``files()`` gives fresh uploads for each submission.
    Returns how many submissions were refused."""
    refused = 0
    echoed = False
    for field in fields:
        for name, value in HOSTILE.items():
            before = snapshot()
            response = _post(client, url, valid | (files() if files else {}), field, value)
            body = _check(response, f"{field}={name}")
            echoed = echoed or "&lt;script&gt;" in body
            if response.status_code >= 400:
                refused += 1
                assert snapshot() == before, f"{field}={name} refused but half saved"
    assert echoed, "a text field shows the hostile input back, escaped"
    return refused


def test_intake_of_a_kk_layanan(client, team):
    layanan = Layanan.objects.get(kode="kk")
    client.force_login(team["loket"])
    valid = {
        "nik": "2102011708850001",
        "nama": "Budi Santoso",
        "tanggal_lahir": "1985-08-17",
        "jenis_kelamin": "L",
        "telepon": "0812",
        "catatan": "",
        "detail-jenis": "baru",
        "persyaratan": [str(i) for i in wajib_ids(layanan)],
    }
    fields = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "telepon", "email", "catatan", "detail-jenis", "mulai"]
    fields += ["token", "persyaratan"]
    refused = fuzz(client, reverse("intake", args=["kk"]), valid, fields, Berkas.objects.count)
    assert refused > 50


def test_intake_of_an_akta_layanan(client, capil, warga):
    layanan = Layanan.objects.get(kode="akta-kelahiran")
    client.force_login(capil["loket"])
    ayah = warga[0].anggota.get(hubungan="KEPALA KELUARGA")
    valid = {
        "nik": ayah.nik,
        "nama": ayah.nama,
        "tanggal_lahir": ayah.tanggal_lahir.isoformat(),
        "jenis_kelamin": ayah.jenis_kelamin,
        "persyaratan": [str(i) for i in wajib_ids(layanan)],
    }
    fields = ["nik", "nama", "tanggal_lahir", "jenis_kelamin", "telepon", "catatan", "persyaratan"]
    fuzz(client, reverse("intake", args=["akta-kelahiran"]), valid, fields, Berkas.objects.count)


def test_operator_entry_of_a_kk(client, team):
    berkas = register(team["loket"], seq=43)
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri-kk", args=[berkas.nomor_registrasi])
    valid = {k: v for k, v in kk_post().items() if k != "kirim"}
    fields = ["rt", "rw", "kode_pos", "alamat", "kode_wilayah", "anggota-TOTAL_FORMS", "anggota-INITIAL_FORMS"]
    fields += [f"anggota-0-{f}" for f in ("nik", "nama", "tanggal_lahir", "tanggal_perkawinan", "nama_ibu", "agama")]

    def snapshot():
        berkas.refresh_from_db()
        rows = AnggotaKeluarga.objects.filter(permohonan__berkas=berkas).values_list("nik", "nama")
        return berkas.status, sorted(rows)

    fuzz(client, url, valid, fields, snapshot)
    # refused submissions with «Simpan dan kirim» do not send the berkas on
    response = client.post(url, {**valid, "rt": "-5", "kirim": "1"})
    assert response.status_code == 400
    berkas.refresh_from_db()
    assert berkas.status == Status.DITERIMA


def test_operator_entry_of_a_permohonan_penduduk(client, team, warga):
    keluarga = warga[1]
    berkas = register_service("skpwni", keluarga.anggota.get(hubungan="KEPALA KELUARGA"), team["loket"])
    client.force_login(team["operator"])
    url = reverse("pendaftaran:entri", args=[berkas.nomor_registrasi])
    valid = {
        "alasan_pindah": "PEKERJAAN",
        "klasifikasi": "ANTAR PROVINSI",
        "jenis_kepindahan": "KEPALA KELUARGA",
        "tujuan_alamat": "JL. A",
        "tujuan_rt": "1",
        "tujuan_rw": "2",
        "tujuan_desa": "B",
        "tujuan_kecamatan": "C",
        "tujuan_kabupaten": "D",
        "tujuan_provinsi": "E",
        "tanggal_pindah": (timezone.localdate() + timedelta(days=10)).isoformat(),
    }

    def snapshot():
        return PermohonanPenduduk.objects.get(berkas=berkas).data

    fuzz(client, url, valid, [*valid, "nik_anggota"], snapshot)


def test_operator_entry_of_an_akta_kelahiran(client, capil, warga):
    keluarga = warga[0]
    berkas = register_service("akta-kelahiran", keluarga.anggota.get(hubungan="KEPALA KELUARGA"), capil["loket"])
    client.force_login(capil["operator"])
    url = reverse("pencatatan_sipil:entri", args=[berkas.nomor_registrasi])
    valid = {
        "nama_anak": "ALYA",
        "jenis_kelamin": "P",
        "tempat_lahir": "BINTAN",
        "tanggal_lahir": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "anak_ke": "1",
        "penolong": "BIDAN/PERAWAT",
        "nik_ibu": keluarga.anggota.get(hubungan="ISTRI").nik,
        "nomor_kk": keluarga.nomor_kk,
        "saksi_1": "AHMAD",
        "saksi_2": "RINA",
    }

    def snapshot():
        return PermohonanAkta.objects.get(berkas=berkas).data

    fuzz(client, url, valid, [*valid, "pukul"], snapshot)
    newborn_1850 = client.post(url, {**valid, "tanggal_lahir": "1850-01-01", "kirim": "1"})
    assert newborn_1850.status_code == 400 and "130 tahun" in newborn_1850.content.decode()


def test_pickup_desk(client, team, warga):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team, seq=44)
    client.force_login(team["pengambilan"])
    url = reverse("serahkan", args=[berkas.nomor_registrasi])
    valid = {
        "penerima_nama": "BUDI SANTOSO",
        "penerima_nik": berkas.pemohon_nik,
        "hubungan": "sendiri",
        "catatan": "",
        "expected_status": Status.SIAP_DIAMBIL,
    }
    # a hostile note is still a note: that submission hands the document over, later ones get 409
    fuzz(client, url, valid, [*valid, "aktivasi_ktp_el"], Pengambilan.objects.count)
    assert Pengambilan.objects.filter(berkas=berkas).count() <= 1


def test_admin_sop_step_edit(client, team):
    langkah = LangkahSOP.objects.select_related("sop").order_by("pk").first()
    client.force_login(team["admin"])
    url = reverse("admin:dukcapil_langkahsop_change", args=[langkah.pk])
    page = client.get(url)
    assert page.status_code == 200
    valid = {
        "sop": str(langkah.sop_id),
        "urutan": str(langkah.urutan),
        "uraian": langkah.uraian,
        "pelaksana": langkah.pelaksana,
        "peran": "[]",
        "waktu_jumlah": "1",
        "waktu_satuan": langkah.waktu_satuan or "",
        "tahap": langkah.tahap or "",
    }

    def snapshot():
        return LangkahSOP.objects.count()

    refused = 0
    for field in ["urutan", "uraian", "pelaksana", "peran", "waktu_jumlah", "waktu_satuan", "tahap", "sop"]:
        for name, value in HOSTILE.items():
            before = snapshot()
            response = _post(client, url, valid, field, value)
            _check(response, f"{field}={name}")
            refused += response.status_code == 200
            assert snapshot() == before
    assert refused


# --- Sekretariat ---------------------------------------------------------------------------------


def test_surat_masuk_agenda(client, kantor):
    from sekretariat.models import SuratMasuk

    client.force_login(kantor["agendaris"])
    today = timezone.localdate().isoformat()
    valid = {
        "tanggal_terima": today,
        "asal": "",
        "asal_baru": "Dinas Pendidikan",
        "asal_alamat": "Jl. Merdeka 2",
        "nomor_surat": "421/1/2026",
        "tanggal_surat": today,
        "perihal": "Undangan rapat",
        "sifat": "biasa",
        "lampiran": "",
    }

    def scan():
        return {"pindaian": sek_conftest.scan_pdf()}

    url = reverse("sekretariat:surat-masuk-baru")
    assert fuzz(client, url, valid, [*valid, "pindaian"], SuratMasuk.objects.count, files=scan)
    numbers = list(SuratMasuk.objects.order_by("nomor_agenda").values_list("nomor_agenda", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # no gap from a refused one


def test_disposisi_by_the_kadis(client, kantor):
    from sekretariat.models import Disposisi, InstruksiDisposisi

    surat = sek_conftest.to_kadis(sek_conftest.catat(kantor["agendaris"]), kantor)
    client.force_login(kantor["kadis"])
    valid = {
        "kepada": str(kantor["sekretaris"].pk),
        "instruksi": str(InstruksiDisposisi.objects.order_by("pk").first().pk),
        "isi": "Tindak lanjuti.",
        "batas_waktu": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "sifat": "biasa",
        "expected_status": "kadis",
    }

    def snapshot():
        surat.refresh_from_db()
        return Disposisi.objects.count(), surat.status

    url = reverse("sekretariat:surat-masuk-aksi", args=[surat.pk, "disposisi"])
    assert fuzz(client, url, valid, list(valid), snapshot)
    assert Disposisi.objects.filter(surat=surat).count() <= 1  # one accepted submission at most


def test_konsep_naskah(client, team):
    from sekretariat.models import Naskah

    sek = sek_team(team)
    client.force_login(sek["staf"])
    valid = {
        "hal": "Permohonan data",
        "sifat": "biasa",
        "lampiran": "",
        "tujuan_instansi": "",
        "tujuan_nama": "Kepala Bappeda",
        "tujuan_alamat": "Tanjung Uban",
        "tujuan_email": "bappeda@example.go.id",
        "tembusan": "",
        "isi": "Dengan hormat.",
    }
    url = reverse("sekretariat:naskah-baru", args=["surat-dinas"])
    assert fuzz(client, url, valid, [*valid, "simpan_instansi"], Naskah.objects.count)
    for naskah in Naskah.objects.all():  # what was accepted is stored sanitized: no live markup
        assert "<script" not in naskah.isi


def test_ekspedisi_of_a_naskah(client, team):
    from dukcapil.workflow.services import record_transition
    from sekretariat.models import Ekspedisi

    sek = sek_team(team)
    naskah = to_tte(sek)
    # signed as far as the form is concerned (the PDF is not needed to record a courier delivery)
    record_transition(naskah, "sign", sek["kadis"])
    record_transition(naskah, "terbitkan", None)
    client.force_login(sek["agendaris"])
    valid = {
        "tanggal": timezone.localdate().isoformat(),
        "penerima": "Sdr. Andi",
        "cara": "kurir",
        "kurir": "Caraka Joko",
        "expected_status": "terbit",
    }
    url = reverse("sekretariat:naskah-action", args=[naskah.pk, "ekspedisi"])
    assert fuzz(client, url, valid, list(valid), Ekspedisi.objects.count)
    naskah.refresh_from_db()
    assert naskah.status == "terkirim"
    assert all(e.penerima.strip() and "\x00" not in e.penerima for e in Ekspedisi.objects.all())
