from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.notifikasi.models import Notifikasi
from dukcapil.selectors import work_items
from sekretariat.models import BuktiSpj, SpjAdministratif, SpjFungsional, StatusSpj
from sekretariat.selectors import spj as sel
from sekretariat.services import spj as svc

from .keuangan_helpers import orang_keuangan, pdf_upload, sampai_sp2d, siapkan, spj, sub_kegiatan

pytestmark = pytest.mark.django_db


@pytest.fixture
def o(catalogue):
    return orang_keuangan()


def _data(spp, nilai="1000000", nomor="SPJ-9"):
    return svc.SpjData(
        spp=spp, nomor_spj=nomor, tanggal=date(2026, 11, 3), kode_rekening="5.1.02", uraian="ATK", nilai=Decimal(nilai)
    )


def test_spj_goes_bendahara_ppk_pptk_with_inbox_and_a_return_path(o):
    spp = sampai_sp2d(o, siapkan(o["pptk"], sub_kegiatan()))
    record = spj(o, spp, tandatangani=False)
    assert [i.object_id for i in work_items(o["bendahara"]) if i.aksi == "spj_susun"] == [record.pk]
    with pytest.raises(BerkasInvalid, match="Lampirkan sedikitnya satu bukti"):
        svc.spj_ajukan(user=o["bendahara"], pk=record.pk)
    svc.bukti_tambah(user=o["bendahara"], pk=record.pk, jenis="nota", keterangan="Nota toko", berkas=pdf_upload())
    svc.spj_ajukan(user=o["bendahara"], pk=record.pk, expected_status="konsep")
    with pytest.raises(BerkasInvalid, match="Tulis apa yang harus diperbaiki"):
        svc.spj_kembalikan(user=o["ppk"], pk=record.pk, catatan=" ")
    svc.spj_kembalikan(user=o["ppk"], pk=record.pk, catatan="Nota tanpa stempel toko.")
    record.refresh_from_db()
    assert record.status == StatusSpj.KONSEP
    assert Notifikasi.objects.filter(penerima=o["bendahara"], pesan="Nota tanpa stempel toko.").exists()
    svc.spj_ajukan(user=o["bendahara"], pk=record.pk)
    with pytest.raises(BerkasForbidden):
        svc.spj_verifikasi(user=o["pptk"], pk=record.pk)
    svc.spj_verifikasi(user=o["ppk"], pk=record.pk)
    svc.spj_tolak_tandatangan(user=o["pptk"], pk=record.pk, catatan="Nilai kuitansi berbeda.")
    record.refresh_from_db()
    assert record.status == StatusSpj.KONSEP
    svc.spj_ajukan(user=o["bendahara"], pk=record.pk)
    svc.spj_verifikasi(user=o["ppk"], pk=record.pk)
    svc.spj_tandatangani(user=o["pptk"], pk=record.pk)
    record.refresh_from_db()
    assert (record.status, record.ditandatangani_oleh) == (StatusSpj.DITANDATANGANI, o["pptk"])
    with pytest.raises(BerkasConflict):
        svc.spj_kembalikan(user=o["ppk"], pk=record.pk, catatan="terlambat")
    with pytest.raises(BerkasConflict):
        svc.bukti_tambah(user=o["bendahara"], pk=record.pk, jenis="nota", keterangan="x", berkas=pdf_upload())


def test_spj_without_sp2d_or_spp_is_refused_and_nothing_saved(o):
    spp = siapkan(o["pptk"], sub_kegiatan())
    with pytest.raises(BerkasInvalid, match="SPJ tanpa SPP"):
        svc.spj_susun(user=o["bendahara"], data=_data(None))
    with pytest.raises(BerkasInvalid, match="SP2D untuk SPP .* belum terbit"):
        svc.spj_susun(user=o["bendahara"], data=_data(spp))
    assert not SpjAdministratif.objects.exists()


def test_amount_above_the_remaining_pagu_is_refused(o):
    sub = sub_kegiatan(pagu="30000000")
    a = sampai_sp2d(o, siapkan(o["pptk"], sub, nomor="A", nilai="20000000"))
    spj(o, a, nomor="J1", nilai="20000000", tandatangani=False)
    b = siapkan(o["pptk"], sub, nomor="B", nilai="20000000")
    b = sampai_sp2d(o, b)
    with pytest.raises(BerkasInvalid, match=r"melebihi sisa pagu sub kegiatan .*Rp10\.000\.000"):
        svc.spj_susun(user=o["bendahara"], data=_data(b, nilai="10000001"))
    with pytest.raises(BerkasInvalid, match="belum di-SPJ-kan"):
        svc.spj_susun(user=o["bendahara"], data=_data(a, nilai="1"))
    assert SpjAdministratif.objects.count() == 1
    svc.spj_susun(user=o["bendahara"], data=_data(b, nilai="10000000"))  # exactly the rest is allowed


def test_bukti_with_a_wrong_file_type_is_refused(o):
    record = spj(o, sampai_sp2d(o, siapkan(o["pptk"], sub_kegiatan())), tandatangani=False)
    palsu = SimpleUploadedFile("kuitansi.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    with pytest.raises(BerkasInvalid, match="harus berupa PDF, JPEG, atau PNG"):
        svc.bukti_tambah(user=o["bendahara"], pk=record.pk, jenis="kuitansi", keterangan="K", berkas=palsu)
    assert not BuktiSpj.objects.exists()


def test_spj_fungsional_figures_against_hand_computed_values(o, settings):
    a = sub_kegiatan(kode="1.01.0001", kegiatan="1.01", program="1", pagu="50000000")
    b = sub_kegiatan(kode="1.01.0002", kegiatan="1.01", program="1", pagu="20000000")
    oktober = sampai_sp2d(o, siapkan(o["pptk"], a, nomor="S1", nilai="10000000", tanggal=date(2026, 10, 5)))
    spj(o, oktober, nomor="J1", nilai="4000000", tanggal=date(2026, 10, 20))
    spj(o, oktober, nomor="J2", nilai="1500000", tanggal=date(2026, 11, 3))
    spj(o, oktober, nomor="J3", nilai="700000", tanggal=date(2026, 11, 4), tandatangani=False)  # not signed
    nov = sampai_sp2d(o, siapkan(o["pptk"], b, nomor="S2", nilai="3000000", tanggal=date(2026, 11, 2)))
    spj(o, nov, nomor="J4", nilai="2500000", tanggal=date(2026, 11, 10))
    spj(o, nov, nomor="J5", nilai="100000", tanggal=date(2026, 12, 1))  # next month

    rows = {r.kode: r for r in sel.hitung_spj_fungsional(2026, 11)}
    # a: anggaran 50.000.000; October 4.000.000; November 1.500.000; total 5.500.000; sisa 44.500.000
    r = rows["1.01.0001"]
    assert (r.anggaran, r.lalu, r.ini, r.sampai_ini, r.sisa) == (
        Decimal("50000000"),
        Decimal("4000000"),
        Decimal("1500000"),
        Decimal("5500000"),
        Decimal("44500000"),
    )
    r = rows["1.01.0002"]
    assert (r.lalu, r.ini, r.sampai_ini, r.sisa) == (0, Decimal("2500000"), Decimal("2500000"), Decimal("17500000"))
    total = sel.jumlah(rows.values())
    assert (total["anggaran"], total["sampai_ini"], total["sisa"]) == (70000000, 8000000, 62000000)


def test_spj_fungsional_flow_keeps_its_rows_once_signed_and_records_bppkad(o, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2026, 12, 5))
    a = sub_kegiatan(pagu="50000000")
    spp = sampai_sp2d(o, siapkan(o["pptk"], a, nilai="10000000", tanggal=date(2026, 11, 2)))
    spj(o, spp, nomor="J1", nilai="4000000", tanggal=date(2026, 11, 20))
    f = svc.spj_fungsional_susun(user=o["bendahara"], tahun=2026, bulan=11)
    with pytest.raises(BerkasInvalid, match="sudah ada"):
        svc.spj_fungsional_susun(user=o["bendahara"], tahun=2026, bulan=11)
    with pytest.raises(BerkasInvalid, match="bulan yang sudah berjalan"):
        svc.spj_fungsional_susun(user=o["bendahara"], tahun=2027, bulan=1)
    svc.spj_fungsional_ajukan(user=o["bendahara"], pk=f.pk)
    svc.spj_fungsional_kembalikan(user=o["ppk"], pk=f.pk, catatan="Cek BKU.")
    svc.spj_fungsional_ajukan(user=o["bendahara"], pk=f.pk)
    svc.spj_fungsional_verifikasi(user=o["ppk"], pk=f.pk)
    with pytest.raises(BerkasForbidden):
        svc.spj_fungsional_tandatangani(user=o["pptk"], pk=f.pk)
    svc.spj_fungsional_tandatangani(user=o["kadis"], pk=f.pk)
    spj(o, spp, nomor="J2", nilai="1000000", tanggal=date(2026, 11, 25))  # signed later: the report keeps its rows
    f.refresh_from_db()
    assert [(r.lalu, r.ini) for r in sel.fungsional_rows(f)] == [(0, Decimal("4000000"))]
    with pytest.raises(BerkasInvalid, match="Nomor tanda terima BPPKAD wajib diisi"):
        svc.spj_fungsional_catat_terima(user=o["bendahara"], pk=f.pk, nomor_terima="", tanggal_terima=None)
    svc.spj_fungsional_catat_terima(
        user=o["bendahara"], pk=f.pk, nomor_terima="TT-88/BPPKAD", tanggal_terima=date(2026, 12, 5)
    )
    f = SpjFungsional.objects.get()
    assert (f.status, f.nomor_terima, f.ditandatangani_oleh) == ("diterima", "TT-88/BPPKAD", o["kadis"])


def test_standard_minutes_come_from_the_lumajang_spj_sop(o):
    record = spj(o, sampai_sp2d(o, siapkan(o["pptk"], sub_kegiatan())), tandatangani=False)
    # step 2 (Bendahara menyusun): 2 jam; step 3 (Kasubag Keu/PPK memeriksa): 30 menit; step 5: 5 menit
    assert record.standar_waktu == {"konsep": 120, "diajukan": 30, "diverifikasi": 5}
