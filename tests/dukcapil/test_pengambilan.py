"""The pickup desk hands documents only to the right person (issue 12, item 3) and keeps the buku
pengambilan, printable per day."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dukcapil import services
from dukcapil.choices import Role, Status
from dukcapil.exceptions import BerkasInvalid
from dukcapil.models import AksesDataPribadi, Pengambilan
from pendaftaran.layanan import permohonan_update
from tests.factories import act, berkas_in, register_service, serahkan, staff, to_pickup

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% surat kuasa\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def kia_ready(team, warga, child_name="KEISHA ANINDYA"):
    """A KIA for a child of the register's first family, ready at the pickup desk."""
    child = warga[0].anggota.get(nama=child_name)

    def enter(berkas):
        permohonan_update(berkas_id=berkas.pk, user=team["operator"], data={"no_akta_kelahiran": "2102-LT-0001"})

    return to_pickup(register_service("kia", child, team["loket"]), team, enter)


def refused(berkas, team, **penerima):
    with pytest.raises(BerkasInvalid) as exc:
        serahkan(berkas, team["pengambilan"], **penerima)
    berkas.refresh_from_db()
    assert berkas.status == Status.SIAP_DIAMBIL
    assert not Pengambilan.objects.filter(berkas=berkas).exists()
    return exc.value


def test_pemohon_sendiri_must_be_the_pemohon(team, warga):
    berkas = kia_ready(team, warga)
    stranger = warga[1].anggota.first()
    exc = refused(berkas, team, nama=stranger.nama, nik=stranger.nik, hubungan="sendiri")
    assert exc.fields == {
        "penerima_nik": [
            "NIK penerima bukan NIK pemohon. Bila yang mengambil orang lain, pilih anggota keluarga atau "
            "penerima kuasa."
        ]
    }
    assert serahkan(berkas, team["pengambilan"]).pengambilan.hubungan == "sendiri"


def test_anggota_keluarga_must_be_an_active_member_of_the_pemohons_kk(team, warga):
    berkas = kia_ready(team, warga)
    outsider = warga[1].anggota.first()
    exc = refused(berkas, team, nama=outsider.nama, nik=outsider.nik, hubungan="keluarga")
    assert exc.fields == {"penerima_nik": ["NIK penerima tidak tercatat sebagai anggota aktif KK pemohon."]}
    mother = warga[0].anggota.get(hubungan="ISTRI")
    record = serahkan(berkas, team["pengambilan"], nama=mother.nama, nik=mother.nik, hubungan="keluarga").pengambilan
    assert (record.penerima_nik, record.hubungan) == (mother.nik, Pengambilan.Hubungan.KELUARGA)


def test_anggota_keluarga_needs_the_pemohon_in_an_active_kk(team, warga):
    berkas = kia_ready(team, warga)
    warga[0].anggota.filter(nik=berkas.pemohon_nik).update(keluarga=None)  # the register moved the pemohon out
    mother = warga[0].anggota.get(hubungan="ISTRI")
    exc = refused(berkas, team, nama=mother.nama, nik=mother.nik, hubungan="keluarga")
    assert exc.fields == {"hubungan": ["Pemohon tidak tercatat dalam KK aktif; gunakan surat kuasa."]}


def test_kuasa_needs_the_surat_kuasa_number_and_date(team, warga):
    berkas = kia_ready(team, warga)
    kuasa = warga[2].anggota.first()
    exc = refused(berkas, team, nama=kuasa.nama, nik=kuasa.nik, hubungan="kuasa")
    assert exc.fields == {
        "surat_kuasa_nomor": ["Nomor surat kuasa wajib diisi untuk penerima kuasa."],
        "surat_kuasa_tanggal": ["Tanggal surat kuasa wajib diisi untuk penerima kuasa."],
    }
    tomorrow = timezone.localdate() + timedelta(days=1)
    exc = refused(
        berkas,
        team,
        nama=kuasa.nama,
        nik=kuasa.nik,
        hubungan="kuasa",
        surat_kuasa_nomor="1",
        surat_kuasa_tanggal=tomorrow,
    )
    assert exc.fields == {"surat_kuasa_tanggal": ["Tanggal surat kuasa tidak boleh setelah hari ini."]}
    record = serahkan(
        berkas,
        team["pengambilan"],
        nama=kuasa.nama,
        nik=kuasa.nik,
        hubungan="kuasa",
        surat_kuasa_nomor="sk/12/2026",
        surat_kuasa_tanggal=date(2026, 11, 30),
    ).pengambilan
    assert (record.penerima_nik, record.penerima_nama) == (kuasa.nik, kuasa.nama.upper())
    assert (record.surat_kuasa_nomor, record.surat_kuasa_tanggal) == ("SK/12/2026", date(2026, 11, 30))
    assert not record.surat_kuasa_scan


def test_kuasa_scan_is_checked_by_content_and_size(team, warga, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    berkas = kia_ready(team, warga)
    kuasa = warga[2].anggota.first()
    base = dict(
        nama=kuasa.nama,
        nik=kuasa.nik,
        hubungan="kuasa",
        surat_kuasa_nomor="SK/1",
        surat_kuasa_tanggal=date(2026, 11, 30),
    )
    exe = SimpleUploadedFile("kuasa.pdf", b"MZ\x90\0 not a pdf", content_type="application/pdf")
    assert refused(berkas, team, **base, surat_kuasa_scan=exe).fields == {
        "surat_kuasa_scan": ["Pindaian surat kuasa harus berupa PDF, JPEG, atau PNG."]
    }
    big = SimpleUploadedFile("kuasa.pdf", PDF + b"\0" * services.SURAT_KUASA_MAX_BYTES)
    assert refused(berkas, team, **base, surat_kuasa_scan=big).fields == {
        "surat_kuasa_scan": ["Pindaian surat kuasa terlalu besar (maksimal 2 MB)."]
    }
    png = SimpleUploadedFile("foto.bin", PNG, content_type="application/octet-stream")
    record = serahkan(berkas, team["pengambilan"], **base, surat_kuasa_scan=png).pengambilan
    assert record.surat_kuasa_scan.name.endswith(f"{berkas.nomor_registrasi}-surat-kuasa.png")
    assert record.surat_kuasa_scan.read() == PNG


def test_the_pickup_page_shows_field_errors_and_saves_nothing(client, team, warga, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    berkas = kia_ready(team, warga)
    kuasa = warga[2].anggota.first()
    url = reverse("serahkan", args=[berkas.nomor_registrasi])
    client.force_login(team["pengambilan"])
    form = client.get(url).content.decode()
    assert 'enctype="multipart/form-data"' in form
    assert [form.count(f'name="surat_kuasa_{f}"') for f in ("nomor", "tanggal", "scan")] == [1, 1, 1]
    data = {"penerima_nama": kuasa.nama, "penerima_nik": kuasa.nik, "expected_status": "siap_diambil"}
    page = client.post(url, {**data, "hubungan": "sendiri"})
    assert page.status_code == 400 and "NIK penerima bukan NIK pemohon." in page.content.decode()
    page = client.post(url, {**data, "hubungan": "keluarga"})
    assert page.status_code == 400
    assert "NIK penerima tidak tercatat sebagai anggota aktif KK pemohon." in page.content.decode()
    page = client.post(url, {**data, "hubungan": "kuasa"})
    assert page.status_code == 400 and "Nomor surat kuasa wajib diisi" in page.content.decode()
    assert not Pengambilan.objects.exists()
    scan = SimpleUploadedFile("sk.pdf", PDF, content_type="application/pdf")
    ok = client.post(
        url,
        {
            **data,
            "hubungan": "kuasa",
            "surat_kuasa_nomor": "SK/7",
            "surat_kuasa_tanggal": "2026-11-30",
            "surat_kuasa_scan": scan,
        },
    )
    assert ok.status_code == 302
    record = Pengambilan.objects.get(berkas=berkas)
    assert record.surat_kuasa_nomor == "SK/7" and record.surat_kuasa_scan.read() == PDF


def test_a_cancelled_berkas_goes_back_to_the_right_person_too(team, warga):
    berkas = register_service("kia", warga[0].anggota.get(nama="KEISHA ANINDYA"), team["loket"])
    berkas = act(berkas, "batalkan", team["loket"], note="Pemohon membatalkan.")
    stranger = warga[1].anggota.first()
    with pytest.raises(BerkasInvalid, match="NIK penerima berbeda"):
        serahkan(berkas, team["pengambilan"], nama=stranger.nama, nik=stranger.nik, hubungan="sendiri")
    assert not Pengambilan.objects.filter(berkas=berkas).exists()


# --- buku pengambilan ---------------------------------------------------------------------------

# session, user, groups, unread badge, kantor (layout), the day's rows with berkas/layanan/petugas, documents
BUKU_QUERIES = 7


def test_buku_pengambilan_lists_the_day_with_masked_nik(client, team, warga):
    berkas = kia_ready(team, warga)
    mother = warga[0].anggota.get(hubungan="ISTRI")
    serahkan(berkas, team["pengambilan"], nama=mother.nama, nik=mother.nik, hubungan="keluarga")
    client.force_login(team["pengambilan"])
    today = timezone.localdate()
    page = client.get(reverse("buku-pengambilan"), {"tanggal": today.isoformat()})
    body = page.content.decode()
    assert page.status_code == 200
    assert berkas.nomor_registrasi in body and mother.nama.upper() in body
    assert mother.nik not in body and mother.nik[:4] + "********" + mother.nik[-4:] in body
    assert "Anggota keluarga dalam KK yang sama" in body
    assert 'href="/static/css/buku-pengambilan.css" media="print"' in body
    other_day = client.get(reverse("buku-pengambilan"), {"tanggal": (today - timedelta(days=1)).isoformat()})
    assert berkas.nomor_registrasi not in other_day.content.decode()
    assert client.get(reverse("buku-pengambilan"), {"tanggal": "kemarin"}).status_code == 400


def test_buku_pengambilan_is_for_the_pickup_roles_of_the_bidang(client, team, warga):
    berkas = kia_ready(team, warga)
    serahkan(berkas, team["pengambilan"])
    client.force_login(team["kasi"])
    assert client.get(reverse("buku-pengambilan")).status_code == 403
    client.force_login(staff(Role.PETUGAS_PENGAMBILAN, bidang="pencatatan_sipil"))
    page = client.get(reverse("buku-pengambilan"))
    assert page.status_code == 200 and berkas.nomor_registrasi not in page.content.decode()


def test_buku_pengambilan_query_count_is_pinned(client, team, warga):
    child = warga[0].anggota.get(nama="KEISHA ANINDYA")

    def handed_back():
        berkas = act(register_service("kia", child, team["loket"]), "batalkan", team["loket"], note="Batal.")
        serahkan(berkas, team["pengambilan"])

    serahkan(kia_ready(team, warga), team["pengambilan"])
    handed_back()
    client.force_login(team["pengambilan"])
    url = reverse("buku-pengambilan")
    client.get(url)  # warm the per-process caches (content types, catalogue)
    with CaptureQueriesContext(connection) as two:
        assert client.get(url).content.decode().count("Berkas batal dikembalikan") == 1
    for _ in range(3):
        handed_back()
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).content.decode().count("Berkas batal dikembalikan") == 4
    assert len(two.captured_queries) == len(five.captured_queries) == BUKU_QUERIES, [
        q["sql"] for q in five.captured_queries
    ]


@pytest.mark.parametrize("role", ["kasi", "kabid", "operator", "kadis", "admin"])
def test_the_pickup_page_is_refused_to_those_who_do_not_hand_over_and_logs_nothing(client, team, role):
    berkas = berkas_in(Status.SIAP_DIAMBIL, team)
    before = AksesDataPribadi.objects.count()
    client.force_login(team[role])
    page = client.get(reverse("serahkan", args=[berkas.nomor_registrasi]))
    assert page.status_code == 403
    assert "Hanya petugas pengambilan atau loket bidang ini" in page.content.decode()
    assert berkas.pemohon_nama not in page.content.decode()
    assert AksesDataPribadi.objects.count() == before
