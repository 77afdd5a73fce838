"""The IKM demo: a full semester of answers giving a plausible index, and its report in the chain."""

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.ikm.demo import _semester_lalu, build_ikm_demo
from dukcapil.ikm.models import LaporanIKM
from dukcapil.ikm.selectors import hasil
from tests.factories import staff

pytestmark = pytest.mark.django_db


def test_last_semester_has_120_answers_over_six_layanan_and_a_report_in_the_naskah_chain(catalogue):
    build_ikm_demo({"kasi_piak": staff(Role.KASI, bidang="piak")})

    tahun, semester = _semester_lalu(timezone.localdate())
    h = hasil(tahun, semester)
    assert h.kantor.responden == 120 and len(h.per_layanan) == 6
    assert h.kantor.mutu.huruf == "B" and 76 < h.kantor.ikm < 88
    assert [u.nama for u in h.kantor.terendah] == ["Waktu penyelesaian"]
    laporan = LaporanIKM.objects.get()
    assert (laporan.tahun, laporan.semester) == (tahun, semester)
    assert laporan.naskah.status == "periksa" and laporan.data["kantor"]["responden"] == 120
