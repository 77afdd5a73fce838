from decimal import Decimal

import pytest

from sekretariat.selectors import keuangan as sel
from sekretariat.services import keuangan as svc

from .keuangan_helpers import orang_keuangan, sampai_sp2d, siapkan, spj, sub_kegiatan

pytestmark = pytest.mark.django_db


def test_realisasi_sums_the_signed_spj_per_kegiatan_and_program_against_pagu(catalogue):
    o = orang_keuangan()
    a1 = sub_kegiatan(kode="1.01.0001", kegiatan="1.01", program="1", pagu="100000000")
    a2 = sub_kegiatan(kode="1.01.0002", kegiatan="1.01", program="1", pagu="50000000")
    b1 = sub_kegiatan(kode="1.02.0001", kegiatan="1.02", program="1", pagu="40000000")
    c1 = sub_kegiatan(kode="2.01.0001", kegiatan="2.01", program="2", pagu="10000000")
    sub_kegiatan(kode="2.01.0001", kegiatan="2.01", program="2", pagu="999", tahun=2025)  # another year

    spj(o, sampai_sp2d(o, siapkan(o["pptk"], a1, nomor="S1", nilai="30000000")), nomor="J1", nilai="30000000")
    cair = sampai_sp2d(o, siapkan(o["pptk"], a2, nomor="S2", nilai="15000000"))
    svc.spp_cair(user=o["bendahara"], pk=cair.pk, tanggal_cair=cair.tanggal_sp2d)
    spj(o, cair, nomor="J2", nilai="15000000")
    c = sampai_sp2d(o, siapkan(o["pptk"], c1, nomor="S3", nilai="2500000"))
    spj(o, c, nomor="J3", nilai="2500000")
    # an SP2D whose SPJ is not signed yet is not realised; nor an SPP before its SP2D
    spj(o, sampai_sp2d(o, siapkan(o["pptk"], b1, nomor="S5", nilai="7000000")), nomor="J4", tandatangani=False)
    siapkan(o["pptk"], b1, nomor="S4", nilai="9000000")

    programs, total = sel.realisasi(2026)

    assert [(p.kode, p.pagu, p.realisasi) for p in programs] == [
        ("1", Decimal("190000000"), Decimal("45000000")),
        ("2", Decimal("10000000"), Decimal("2500000")),
    ]
    kegiatan = programs[0].kegiatan
    assert [(k.kode, k.pagu, k.realisasi, k.sisa, k.persen) for k in kegiatan] == [
        ("1.01", Decimal("150000000"), Decimal("45000000"), Decimal("105000000"), Decimal("30.00")),
        ("1.02", Decimal("40000000"), Decimal("0"), Decimal("40000000"), Decimal("0")),
    ]
    assert (total.pagu, total.realisasi, total.persen) == (Decimal("200000000"), Decimal("47500000"), Decimal("23.75"))
    chart = sel.chart_data(programs)
    assert chart["realisasi"] == [45000000.0, 2500000.0]
    assert chart["persen"] == [23.68, 25.0]


def test_register_search_and_status_filter(catalogue):
    o = orang_keuangan()
    sub = sub_kegiatan()
    first = siapkan(o["pptk"], sub, nomor="SPP-AAA")
    second = sampai_sp2d(o, siapkan(o["pptk"], sub, nomor="SPP-BBB"))
    assert list(sel.spp_list(sel.Periode(q="aaa"))) == [first]
    assert list(sel.spp_list(sel.Periode(q="SP2D-0451"))) == [second]
    assert list(sel.spp_list(sel.Periode(), status="sp2d")) == [second]
