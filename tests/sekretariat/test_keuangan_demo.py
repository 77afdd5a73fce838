import pytest
from django.utils import timezone

from dukcapil.choices import Role
from sekretariat.demo_keuangan import build_keuangan_demo
from sekretariat.models import StatusSpp, SubKegiatanDpa
from sekretariat.selectors.keuangan import realisasi

from ..factories import staff

pytestmark = pytest.mark.django_db


def test_demo_has_this_years_dpa_and_an_spp_in_each_state(catalogue):
    made = build_keuangan_demo({"kadis": staff(Role.KADIS, bidang=None)})
    assert {spp.status for spp in made} == set(StatusSpp.values)
    tahun = timezone.localdate().year
    assert SubKegiatanDpa.objects.filter(tahun=tahun).count() == 6
    programs, total = realisasi(tahun)
    assert len(programs) == 4
    assert total.realisasi == 0  # realisasi counts signed SPJ: see test_spj_demo
