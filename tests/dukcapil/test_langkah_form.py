"""The admin's SOP step form accepts the catalogue's performer codes and refuses unknown ones."""

import pytest

from dukcapil.forms import LangkahSOPForm
from dukcapil.models import LangkahSOP

pytestmark = pytest.mark.django_db


def data_of(step: LangkahSOP, **changes) -> dict:
    data = {f: getattr(step, f) for f in LangkahSOPForm._meta.fields if f != "sop"} | {"sop": step.sop_id}
    return data | {"waktu_satuan": step.waktu_satuan or "", "tahap": step.tahap or ""} | changes


@pytest.mark.parametrize("peran", ['["pemohon"]', '["kecamatan", "petugas_loket"]', "[]"])
def test_catalogue_performer_codes_are_accepted(catalogue, peran):
    step = LangkahSOP.objects.select_related("sop").first()
    form = LangkahSOPForm(data_of(step, peran=peran), instance=step)
    assert form.is_valid(), form.errors


def test_an_unknown_code_is_refused_with_the_known_ones(catalogue):
    step = LangkahSOP.objects.select_related("sop").first()
    form = LangkahSOPForm(data_of(step, peran='["raja"]'), instance=step)
    assert not form.is_valid()
    assert "pemohon" in form.errors["peran"][0]
