"""The chain of the laporan perkembangan kependudukan: Kasi → Kabid → Sekretaris → Kadis (TTE) →
ADB, every return path back to the Kasi, and the refusals (403 role, 409 state, 400 input)."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from pypdf import PdfReader

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Dokumen
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.tte.services import record_ref
from dukcapil.workflow.models import KartuKendali, WorkItem
from piak.models import LaporanPerkembangan
from piak.services import laporan_penduduk as svc
from tests.factories import TTE_PASSPHRASE, committed

from .laporan_penduduk_helpers import piak_team, register_uji

pytestmark = pytest.mark.django_db


@pytest.fixture
def tim(catalogue, kadis_p12):
    people = piak_team(kadis_p12)
    register_uji(people["kasi"])
    return people


def buat(tim, **kw) -> LaporanPerkembangan:
    laporan = svc.laporan_buat(user=tim["kasi"], **({"jenis": "semester", "tahun": 2026, "periode_ke": 2} | kw))
    return svc.laporan_simpan_analisis(user=tim["kasi"], pk=laporan.pk, analisis="Penduduk bertambah satu kelahiran.")


def open_item(laporan) -> str:
    ct = ContentType.objects.get_for_model(laporan)
    return WorkItem.objects.get(content_type=ct, object_id=laporan.pk, selesai_pada__isnull=True).aksi


def to_tte(tim, laporan=None) -> LaporanPerkembangan:
    laporan = laporan or buat(tim)
    svc.laporan_aksi(user=tim["kasi"], pk=laporan.pk, method="ajukan", expected_status="draf")
    svc.laporan_aksi(user=tim["kabid"], pk=laporan.pk, method="koreksi", expected_status="kabid")
    return svc.laporan_aksi(user=tim["sekretaris"], pk=laporan.pk, method="paraf", expected_status="sekretaris")


def test_the_report_goes_kasi_kabid_sekretaris_to_the_kadis_inbox_with_sop_times(tim, client):
    laporan = buat(tim)
    assert open_item(laporan) == "lapduk_susun"
    # times from the Bintan SOP: Kasi 2 hari, Kabid 10 menit, Sekretaris 5 menit, Kadis 5 menit
    assert laporan.standar_waktu["kabid"] == 10 and laporan.standar_waktu["sekretaris"] == 5
    assert laporan.standar_waktu["tte"] == 5 and laporan.standar_waktu["draf"] > 60

    laporan = to_tte(tim, laporan)
    assert laporan.status == "tte" and open_item(laporan) == "tte"
    assert Notifikasi.objects.filter(penerima=tim["kadis"], judul__contains="Menunggu TTE").exists()
    cards = KartuKendali.objects.filter(object_id=laporan.pk, content_type__model="laporanperkembangan")
    assert list(cards.order_by("waktu", "pk").values_list("transisi", flat=True)) == [
        "buat",
        "ajukan",
        "koreksi",
        "paraf",
    ]
    client.force_login(tim["kadis"])
    inbox = client.get(reverse("kotak-masuk")).content.decode()
    assert f'value="{record_ref(laporan)}"' in inbox


def test_the_kadis_signs_it_and_the_adb_registers_it(tim, client):
    laporan = to_tte(tim)
    client.force_login(tim["kadis"])
    with committed():
        response = client.post(
            reverse("tte-batch-start"), {"record": [record_ref(laporan)], "passphrase": TTE_PASSPHRASE}
        )
    assert response.status_code == 302
    laporan.refresh_from_db()
    assert laporan.status == "terbit" and open_item(laporan) == "lapduk_registrasi"
    dokumen = Dokumen.objects.get(content_type__model="laporanperkembangan", object_id=laporan.pk)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(dokumen.berkas_pdf.read())).pages)
    assert "Penduduk per kecamatan" in text and "Penduduk bertambah satu kelahiran." in text
    # the signed report's data never changes afterwards
    with pytest.raises(BerkasConflict):
        svc.laporan_hitung_ulang(user=tim["kasi"], pk=laporan.pk)

    # step 6: the Kadis gives the Kasi further directions; only the Kadis, only once signed
    with pytest.raises(BerkasForbidden):
        svc.laporan_beri_arahan(user=tim["kabid"], pk=laporan.pk, arahan="Sebarkan ke kecamatan.")
    laporan = svc.laporan_beri_arahan(user=tim["kadis"], pk=laporan.pk, arahan="Sebarkan ke kecamatan.")
    assert laporan.arahan == "Sebarkan ke kecamatan."
    assert Notifikasi.objects.filter(penerima=tim["kasi"], judul__startswith="Arahan Kadis").exists()

    with pytest.raises(BerkasForbidden):
        svc.laporan_registrasi(user=tim["kasi"], pk=laporan.pk, nomor="470/001/PIAK/2027")
    laporan = svc.laporan_registrasi(
        user=tim["adb"], pk=laporan.pk, nomor="470/001/PIAK/2027", expected_status="terbit"
    )
    assert laporan.status == "terdaftar" and laporan.nomor == "470/001/PIAK/2027"


@pytest.mark.parametrize(
    ("sampai", "pengembali"),
    [("kabid", "kabid"), ("sekretaris", "sekretaris"), ("tte", "kadis")],
)
def test_each_step_returns_the_report_to_the_kasi_with_a_note(tim, sampai, pengembali):
    laporan = buat(tim)
    steps = [("kasi", "ajukan", "draf"), ("kabid", "koreksi", "kabid"), ("sekretaris", "paraf", "sekretaris")]
    for who, method, state in steps:
        if laporan.status == sampai:
            break
        laporan = svc.laporan_aksi(user=tim[who], pk=laporan.pk, method=method, expected_status=state)
    assert laporan.status == sampai

    with pytest.raises(BerkasInvalid):
        svc.laporan_aksi(user=tim[pengembali], pk=laporan.pk, method="kembalikan", catatan=" ")
    laporan = svc.laporan_aksi(
        user=tim[pengembali], pk=laporan.pk, method="kembalikan", catatan="Tambahkan analisis migrasi."
    )
    assert laporan.status == "draf" and laporan.putaran == 2 and laporan.catatan == "Tambahkan analisis migrasi."
    assert open_item(laporan) == "lapduk_susun"
    assert Notifikasi.objects.filter(penerima=tim["kasi"], judul__contains="dikembalikan").exists()
    # the Kasi edits the analysis again and submits it again
    svc.laporan_simpan_analisis(user=tim["kasi"], pk=laporan.pk, analisis="Analisis migrasi ditambahkan.")
    laporan = svc.laporan_aksi(user=tim["kasi"], pk=laporan.pk, method="ajukan")
    assert laporan.status == "kabid"


def test_refusals_say_why_and_change_nothing(tim):
    with pytest.raises(BerkasForbidden):  # a Kasi of another bidang
        svc.laporan_buat(user=tim["kasi_daftar"], jenis="semester", tahun=2026, periode_ke=2)
    with pytest.raises(BerkasInvalid):
        svc.laporan_buat(user=tim["kasi"], jenis="semester", tahun=2026, periode_ke=3)
    laporan = svc.laporan_buat(user=tim["kasi"], jenis="semester", tahun=2026, periode_ke=2)
    with pytest.raises(BerkasConflict):  # one report per period
        svc.laporan_buat(user=tim["kasi"], jenis="semester", tahun=2026, periode_ke=2)
    with pytest.raises(BerkasInvalid):  # no analysis yet
        svc.laporan_aksi(user=tim["kasi"], pk=laporan.pk, method="ajukan")
    svc.laporan_simpan_analisis(user=tim["kasi"], pk=laporan.pk, analisis="Analisis.")
    svc.laporan_aksi(user=tim["kasi"], pk=laporan.pk, method="ajukan")
    with pytest.raises(BerkasConflict):  # a stale page
        svc.laporan_aksi(user=tim["kabid"], pk=laporan.pk, method="koreksi", expected_status="draf")
    for not_kabid in ("kasi", "sekretaris", "kadis"):  # only the Kabid corrects
        with pytest.raises(BerkasForbidden):
            svc.laporan_aksi(user=tim[not_kabid], pk=laporan.pk, method="koreksi")
    with pytest.raises(BerkasConflict):  # directions come after the signature
        svc.laporan_beri_arahan(user=tim["kadis"], pk=laporan.pk, arahan="Terlalu dini.")
    with pytest.raises(BerkasConflict):  # the analysis is frozen once submitted
        svc.laporan_simpan_analisis(user=tim["kasi"], pk=laporan.pk, analisis="Diubah diam-diam.")
    laporan.refresh_from_db()
    assert laporan.status == "kabid" and laporan.analisis == "Analisis."
