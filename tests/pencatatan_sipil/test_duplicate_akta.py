"""The one-open-berkas rule keys on the subject of the service, not on the applicant."""

import pytest

from dukcapil.models import Berkas
from tests.factories import register_service

from .test_layanan import family

pytestmark = pytest.mark.django_db


def test_twins_one_mother_two_open_akta_kelahiran(capil, warga):
    _keluarga, _ayah, ibu = family(warga)
    first = register_service("akta-kelahiran", ibu, capil["loket"])
    second = register_service("akta-kelahiran", ibu, capil["loket"])
    assert first.pk != second.pk and Berkas.objects.filter(pemohon_nik=ibu.nik).count() == 2
    assert first.kunci_subjek is None


def test_a_new_akta_has_no_subject_known_at_intake(capil, warga):
    from pencatatan_sipil.layanan import subject_key

    berkas = Berkas(layanan=register_service("akta-kelahiran", family(warga)[1], capil["loket"]).layanan)
    assert subject_key(berkas, {}) is None  # a new akta: no subject known at intake
