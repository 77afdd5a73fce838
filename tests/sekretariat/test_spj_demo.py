import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from dukcapil.choices import Role
from sekretariat.demo_kepegawaian import build_kepegawaian_demo
from sekretariat.demo_keuangan import build_keuangan_demo
from sekretariat.demo_spj import build_gaji_demo, build_spj_demo
from sekretariat.models import DaftarGaji, SpjAdministratif, SpjFungsional, StatusSpj
from sekretariat.selectors.keuangan import realisasi

from ..factories import staff

pytestmark = pytest.mark.django_db


def test_demo_has_spj_in_each_state_last_months_fungsional_signed_and_this_months_gaji(catalogue):
    users = {"kadis": staff(Role.KADIS, bidang=None), "kasubag": staff(Role.KASUBAG, bidang="sekretariat")}
    build_keuangan_demo(users)
    build_kepegawaian_demo(users)
    build_spj_demo(users)
    build_gaji_demo(users)
    today = timezone.localdate()
    assert set(SpjAdministratif.objects.values_list("status", flat=True)) == set(StatusSpj.values)
    assert SpjAdministratif.objects.filter(status="konsep").exclude(catatan="").exists()  # the returned one
    lalu = today.replace(day=1) - relativedelta(months=1)
    if lalu.year == today.year:
        f = SpjFungsional.objects.get()
        assert (f.bulan, f.status) == (lalu.month, "ditandatangani")
        assert sum(r.ini for r in f.baris.all()) == 18_750_000
    daftar = DaftarGaji.objects.get()
    assert (daftar.tahun, daftar.bulan, daftar.status) == (today.year, today.month, "konsep")
    assert daftar.baris.count() > 5
    assert realisasi(today.year)[1].realisasi > 0
