from decimal import Decimal

import pytest
from django.urls import reverse

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from sekretariat.models import BarisDaftarGaji, DaftarGaji, GajiPokok, Golongan, ProfilGaji, StatusDaftarGaji
from sekretariat.selectors import gaji as sel
from sekretariat.services import gaji as svc

from .kepegawaian_helpers import pegawai
from .keuangan_helpers import orang_keuangan

pytestmark = pytest.mark.django_db
DETAIL_QUERIES = 8  # the page with its rows, totals, kartu kendali and actions


@pytest.fixture
def o(catalogue):
    return orang_keuangan()


@pytest.fixture
def dua(o):
    """Two employees whose November 2026 pay is computed by hand in the tests below."""
    GajiPokok.objects.create(
        golongan=Golongan.objects.get(kode="III/a"), masa_kerja=20, gaji_pokok=Decimal("3500000"), sumber="uji"
    )
    a = pegawai("Ani", tmt_cpns="200503", seq=1)  # MKG 21 in November 2026 → column 20: 3.500.000
    ProfilGaji.objects.create(pegawai=a, pasangan=True, jumlah_anak=3, tunjangan_jabatan=Decimal("540000"))
    b = pegawai("Budi", tmt_cpns="202601", seq=2, status="cpns")  # MKG 0: 80% of 2.579.400
    return a, b


def test_two_employees_totals_computed_by_hand(o, dua):
    daftar = svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    rows = {r.nama: r for r in sel.baris(daftar)}
    ani, budi = rows["Ani"], rows["Budi"]
    # Ani: 3.500.000; istri 10% = 350.000; 2 of 3 anak × 2% = 140.000; jabatan 540.000; no tunjangan umum
    assert (ani.gaji_pokok, ani.tunjangan_pasangan, ani.tunjangan_anak, ani.jumlah_anak) == (3500000, 350000, 140000, 2)
    assert (ani.tunjangan_jabatan, ani.tunjangan_umum, ani.kotor) == (540000, 0, 4530000)
    # IWP on 3.990.000: 8% 319.200, 2% 79.800
    assert (ani.iwp_8, ani.iwp_2) == (Decimal("319200"), Decimal("79800"))
    # Budi (CPNS): 2.579.400 × 80% = 2.063.520; tunjangan umum III 185.000; IWP 165.082 + 41.270
    assert (budi.gaji_pokok, budi.tunjangan_umum, budi.kotor) == (2063520, 185000, 2248520)
    assert (budi.iwp_8, budi.iwp_2) == (Decimal("165082"), Decimal("41270"))

    svc.daftar_gaji_isi_pph21(user=o["bendahara"], pk=daftar.pk, pph21={ani.pk: Decimal("25000")})
    total = sel.jumlah(sel.baris(daftar))
    assert total["kotor"] == Decimal("6778520")
    assert total["potongan"] == Decimal("399000") + Decimal("206352") + Decimal("25000")
    assert total["bersih"] == Decimal("4106000") + Decimal("2042168")


def test_second_list_for_the_same_month_is_refused(o, dua):
    svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    with pytest.raises(BerkasInvalid, match="sudah ada"):
        svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    assert DaftarGaji.objects.count() == 1
    assert BarisDaftarGaji.objects.count() == 2


def test_missing_table_cell_refuses_the_whole_list(o, dua):
    pegawai("Citra", seq=3, golongan="IV/a")
    GajiPokok.objects.filter(golongan__kode="IV/a").delete()
    with pytest.raises(BerkasInvalid) as exc:
        svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    assert "Citra: tabel gaji pokok belum memuat golongan IV/a" in exc.value.fields["bulan"][0]
    assert not DaftarGaji.objects.exists()


def test_flow_with_return_and_the_signed_month_is_a_snapshot(o, dua):
    ani, _ = dua
    daftar = svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    with pytest.raises(BerkasForbidden):
        svc.daftar_gaji_susun(user=o["pptk"], tahun=2026, bulan=12)
    svc.daftar_gaji_ajukan(user=o["bendahara"], pk=daftar.pk)
    svc.daftar_gaji_kembalikan(user=o["ppk"], pk=daftar.pk, catatan="Tunjangan anak Ani dicek.")
    svc.daftar_gaji_ajukan(user=o["bendahara"], pk=daftar.pk)
    svc.daftar_gaji_periksa(user=o["ppk"], pk=daftar.pk)
    svc.daftar_gaji_tolak_tandatangan(user=o["kadis"], pk=daftar.pk, catatan="Lampirkan SK jabatan.")
    svc.daftar_gaji_ajukan(user=o["bendahara"], pk=daftar.pk)
    svc.daftar_gaji_periksa(user=o["ppk"], pk=daftar.pk)
    svc.daftar_gaji_tandatangani(user=o["kadis"], pk=daftar.pk)
    daftar.refresh_from_db()
    assert daftar.status == StatusDaftarGaji.DITANDATANGANI

    ani.golongan = Golongan.objects.get(kode="IV/a")
    ani.save(update_fields=["golongan"])
    ProfilGaji.objects.filter(pegawai=ani).update(jumlah_anak=0, pasangan=False)
    row = BarisDaftarGaji.objects.get(daftar=daftar, pegawai=ani)
    assert (row.golongan, row.gaji_pokok, row.tunjangan_anak) == ("III/a", 3500000, 140000)
    with pytest.raises(BerkasConflict):
        svc.daftar_gaji_hitung_ulang(user=o["bendahara"], pk=daftar.pk)
    with pytest.raises(BerkasConflict):
        svc.daftar_gaji_isi_pph21(user=o["bendahara"], pk=daftar.pk, pph21={row.pk: Decimal(1)})
    # next month's list sees the new data
    desember = svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=12)
    assert BarisDaftarGaji.objects.get(daftar=desember, pegawai=ani).golongan == "IV/a"


def test_daftar_gaji_pages_query_counts_and_xlsx(o, dua, client, django_assert_num_queries):
    daftar = svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    client.force_login(o["ppk"])
    client.get(reverse("sekretariat:daftar-gaji-list"))  # warm the session and grants
    with django_assert_num_queries(7):
        assert client.get(reverse("sekretariat:daftar-gaji-list")).status_code == 200
    client.get(reverse("sekretariat:daftar-gaji-detail", args=[daftar.pk]))
    pegawai("Citra", seq=3)  # one more row does not cost one more query
    svc.daftar_gaji_hitung_ulang(user=o["bendahara"], pk=daftar.pk)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(reverse("sekretariat:daftar-gaji-detail", args=[daftar.pk]))
    assert response.status_code == 200
    assert "4.530.000" in response.content.decode()
    xlsx = client.get(reverse("sekretariat:daftar-gaji-detail", args=[daftar.pk]) + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(o["bendahara"])
    dup = client.post(reverse("sekretariat:daftar-gaji-list"), {"tahun": 2026, "bulan": 11})
    assert dup.status_code == 400
    assert "sudah ada" in dup.content.decode()
    client.force_login(o["staf"])
    assert client.get(reverse("sekretariat:daftar-gaji-list")).status_code == 403


def test_daftar_gaji_prints_a4_landscape_through_cetakan(o, dua, client, django_capture_on_commit_callbacks):
    from pypdf import PdfReader

    from dukcapil.cetakan.models import Cetakan

    daftar = svc.daftar_gaji_susun(user=o["bendahara"], tahun=2026, bulan=11)
    client.force_login(o["kadis"])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(reverse("sekretariat:daftar-gaji-cetak", args=[daftar.pk])).status_code == 302
    cetakan = Cetakan.objects.get(jenis="daftar-gaji")
    page = PdfReader(cetakan.file.open("rb")).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = page.extract_text()
    assert "DAFTAR GAJI" in text and "Ani" in text and "4.530.000" in text
