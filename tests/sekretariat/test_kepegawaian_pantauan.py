"""The buku kendali's watch lists: KARIS/KARSU for married PNS without a card, MPP for those whose
batas usia pensiun is within the MPP window; the KARIS/KARSU card number and the SK of an MPP or
pensiun recorded when the BKD replies («menunggu BKD» until then)."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasInvalid
from sekretariat.models import Naskah, Pegawai, UsulanKepegawaian
from sekretariat.selectors.kepegawaian import buku_kendali
from sekretariat.services.kepegawaian import usulan_mulai, usulan_terima_kartu, usulan_terima_sk

from ..factories import staff
from .kepegawaian_helpers import data_kepegawaian, pegawai  # noqa: F401

pytestmark = pytest.mark.usefixtures("data_kepegawaian")
HARI_INI = date(2026, 12, 1)
# nothing else falls due for these employees around HARI_INI
TENANG = {"tmt_kgb": date(2026, 1, 1), "tmt_pangkat": date(2024, 4, 1)}


@pytest.fixture
def kasubag(catalogue):
    return staff(Role.KASUBAG, bidang="sekretariat")


def _sent(usulan) -> None:
    """The surat went through periksa → paraf → nomor → TTE and was sent (the naskah tests walk that chain)."""
    Naskah.objects.filter(pk=usulan.naskah_id).update(status="terkirim")


def _rows(**kw):
    return [(r.pegawai.nama, r.jenis, r.tanggal) for r in buku_kendali(hari_ini=HARI_INI, **kw)]


def test_karis_karsu_lists_married_pns_without_a_card(kasubag):
    pegawai("Suami", seq=1, tanggal_menikah=date(2015, 6, 1), **TENANG)
    pegawai("Istri", seq=2, jenis_kelamin="P", tanggal_menikah=date(2019, 3, 9), **TENANG)
    pegawai("Sudah punya", seq=3, tanggal_menikah=date(2012, 1, 1), nomor_karis_karsu="KS-1", **TENANG)
    pegawai("Lajang", seq=4, **TENANG)
    pegawai("PPPK", nip="198005122021211005", status="pppk", tanggal_menikah=date(2020, 1, 1), **TENANG)

    assert _rows() == [("Suami", "karis", date(2015, 6, 1)), ("Istri", "karsu", date(2019, 3, 9))]
    assert _rows(jenis="karsu") == [("Istri", "karsu", date(2019, 3, 9))]


def test_mpp_lists_whose_bup_is_within_the_window_which_is_configurable(kasubag):
    # pelaksana, BUP 58: born 10 Aug 1969 → TMT pensiun 1 Sep 2027 (9 months away); 10 Feb 1970 → 1 Mar 2028
    dekat = pegawai("Sembilan bulan", seq=1, lahir=date(1969, 8, 10), jabatan="Pengadministrasi Perkantoran",
                    tmt_cpns="199003", **TENANG)  # fmt: skip
    pegawai("Lima belas bulan", seq=2, lahir=date(1970, 2, 10), jabatan="Pengadministrasi Perkantoran",
            tmt_cpns="199003", **TENANG)  # fmt: skip

    assert _rows() == [("Sembilan bulan", "mpp", date(2027, 9, 1))]
    assert dekat.tmt_pensiun == date(2027, 9, 1)
    assert _rows(mpp_bulan=6) == []
    with override_settings(KEPEGAWAIAN_MPP_BULAN=18):
        assert [r[0] for r in _rows()] == ["Sembilan bulan", "Lima belas bulan"]


def test_karis_usulan_goes_to_the_bkd_and_the_card_number_returns_to_the_pegawai(kasubag):
    p = pegawai("Hendra Gunawan", tanggal_menikah=date(2016, 5, 21), **TENANG)
    with pytest.raises(BerkasInvalid, match="diusulkan adalah KARIS"):
        usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="karsu", jatuh_tempo=date(2016, 5, 21))
    usulan = usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="karis", jatuh_tempo=date(2016, 5, 21))
    assert usulan.naskah.tujuan_nama == "Kepala Badan Kepegawaian Daerah"
    assert "Tanggal perkawinan" in usulan.naskah.isi and "21 Mei 2016" in usulan.naskah.isi
    assert usulan.keadaan == "Diusulkan, menunggu kartu"
    kartu = {"nomor_kartu": "KS.2026/0099", "tanggal": date(2026, 11, 30), "expected_status": "diusulkan"}
    with pytest.raises(BerkasConflict, match="belum ditandatangani"):
        usulan_terima_kartu(user=kasubag, pk=usulan.pk, **kartu)
    _sent(usulan)
    with pytest.raises(BerkasConflict, match="nomor kartunya"):
        usulan_terima_sk(user=kasubag, pk=usulan.pk, nomor_sk="SK", tanggal_sk=date(2026, 11, 30), tmt_sk=None,
                         expected_status="diusulkan")  # fmt: skip

    usulan_terima_kartu(user=kasubag, pk=usulan.pk, **kartu)

    usulan = UsulanKepegawaian.objects.get(pk=usulan.pk)
    p.refresh_from_db()
    assert (usulan.status, usulan.nomor_kartu, usulan.keadaan) == ("sk_diterima", "KS.2026/0099", "Kartu diterima")
    assert p.nomor_karis_karsu == "KS.2026/0099"
    assert p.history.first().history_user == kasubag
    assert _rows() == []
    with pytest.raises(BerkasConflict, match="sudah memiliki kartu"):
        usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="karis", jatuh_tempo=date(2016, 5, 21))


def test_mpp_waits_for_the_bkd_until_its_sk_is_recorded(kasubag):
    p = pegawai("Joko", lahir=date(1969, 8, 10), jabatan="Pengadministrasi Perkantoran", tmt_cpns="199003", **TENANG)
    usulan = usulan_mulai(user=kasubag, pegawai_id=p.pk, jenis="mpp", jatuh_tempo=p.tmt_pensiun)
    assert usulan.naskah.tujuan_nama == "Bupati cq. Kepala Badan Kepegawaian Daerah"
    assert not usulan.menunggu_bkd  # the letter has not gone out yet
    _sent(usulan)
    usulan = UsulanKepegawaian.objects.select_related("naskah").get(pk=usulan.pk)
    assert usulan.menunggu_bkd and usulan.keadaan == "Menunggu BKD"

    usulan_terima_sk(user=kasubag, pk=usulan.pk, nomor_sk="800/55/BKD/2026", tanggal_sk=date(2026, 11, 28),
                     tmt_sk=None, expected_status="diusulkan")  # fmt: skip

    usulan = UsulanKepegawaian.objects.select_related("naskah").get(pk=usulan.pk)
    assert not usulan.menunggu_bkd
    assert (usulan.keadaan, usulan.nomor_sk, usulan.tanggal_sk) == (
        "SK diterima",
        "800/55/BKD/2026",
        date(2026, 11, 28),
    )


def test_the_buku_kendali_page_starts_karis_and_shows_menunggu_bkd(client, kasubag, django_assert_num_queries):
    p = pegawai("Hendra Gunawan", tanggal_menikah=date(2016, 5, 21), **TENANG)
    joko = pegawai("Joko", seq=2, lahir=date(1969, 8, 10), jabatan="Pengadministrasi Perkantoran",
                   tmt_cpns="199003", **TENANG)  # fmt: skip
    client.force_login(kasubag)
    url = reverse("sekretariat:buku-kendali-pegawai")
    page = client.get(url).content.decode()
    assert "KARIS (kartu istri)" in page and "Masa persiapan pensiun" in page
    assert page.count("Mulai usulan") == 2

    response = client.post(reverse("sekretariat:usulan-mulai", args=[p.pk]),
                           {"jenis": "karis", "jatuh_tempo": "2016-05-21"})  # fmt: skip
    karis = UsulanKepegawaian.objects.get(pegawai=p)
    assert response.url == karis.get_absolute_url()
    detail = client.get(karis.get_absolute_url()).content.decode()
    assert 'id="catat-kartu"' in detail and 'id="catat-sk"' not in detail
    assert "<dt>Tanggal perkawinan</dt><dd>21 Mei 2016</dd>" in detail
    mpp = usulan_mulai(user=kasubag, pegawai_id=joko.pk, jenis="mpp", jatuh_tempo=joko.tmt_pensiun)
    _sent(mpp)
    _sent(karis)
    with django_assert_num_queries(7):  # as the other rows: the open usulan come with their naskah
        page = client.get(url).content.decode()
    assert "Menunggu BKD" in page and "Diusulkan, menunggu kartu" in page and "Mulai usulan" not in page

    bad = client.post(karis.get_absolute_url(), {"nomor_kartu": "", "tanggal": "2026-11-30"})
    assert bad.status_code == 400
    done = client.post(karis.get_absolute_url(),
                       {"nomor_kartu": "KS-7", "tanggal": "2026-11-30", "expected_status": "diusulkan"})  # fmt: skip
    assert done.status_code == 302
    assert Pegawai.objects.get(pk=p.pk).nomor_karis_karsu == "KS-7"
    assert "KARIS" not in client.get(url).content.decode().split("<tbody>")[1]
