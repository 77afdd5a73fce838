import pytest
from django.utils import timezone

from dukcapil.choices import Role
from sekretariat.demo_perencanaan import build_perencanaan_demo
from sekretariat.models import StatusPerencanaan

from ..factories import staff

pytestmark = pytest.mark.django_db


def test_demo_has_this_years_calendar_with_a_document_in_each_state(catalogue):
    sek = "sekretariat"
    users = {
        "kasubag": staff(Role.KASUBAG, bidang=sek),
        "sekretaris": staff(Role.SEKRETARIS, bidang=sek),
        "staf_umum": staff(Role.STAF, bidang=sek),
        "kadis": staff(Role.KADIS, bidang=None),
    }
    docs = build_perencanaan_demo(users)
    assert {d.tahun for d in docs} == {timezone.localdate().year}
    for d in docs:
        d.refresh_from_db()
    assert {d.status for d in docs} == set(StatusPerencanaan.values)
    assert all(d.pemegang_id == users["staf_umum"].pk for d in docs)
