"""Capil entry forms: impossible dates and names are form errors, never a crash."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pencatatan_sipil.forms import KelahiranForm, PerceraianForm

BESOK = (timezone.localdate() + timedelta(days=1)).isoformat()
KEMARIN = (timezone.localdate() - timedelta(days=1)).isoformat()

KELAHIRAN = {
    "nama_anak": "alya putri",
    "jenis_kelamin": "P",
    "tempat_lahir": "BINTAN",
    "tanggal_lahir": KEMARIN,
    "anak_ke": "1",
    "penolong": "BIDAN/PERAWAT",
    "nik_ibu": "2102015708900001",
    "nomor_kk": "2102010101200001",
    "saksi_1": "AHMAD",
    "saksi_2": "RINA",
}


def test_a_plausible_birth_is_accepted_and_the_name_upper_cased():
    form = KelahiranForm(KELAHIRAN)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["nama_anak"] == "ALYA PUTRI"


@pytest.mark.parametrize(
    ("tanggal", "message"),
    [(BESOK, "setelah hari ini"), ("1850-01-01", "130 tahun"), ("0001-01-01", "130 tahun")],
    ids=["besok", "1850", "tahun-1"],
)
def test_birth_date_in_the_future_or_impossibly_old_is_a_field_error(tanggal, message):
    form = KelahiranForm({**KELAHIRAN, "tanggal_lahir": tanggal})
    assert not form.is_valid()
    assert message in form.errors["tanggal_lahir"][0]


def test_inkracht_date_in_the_future_is_a_field_error():
    form = PerceraianForm(
        {
            "nik_suami": "2102011708850001",
            "nik_istri": "2102015708900001",
            "pengadilan": "PN TANJUNGPINANG",
            "nomor_putusan": "12/PDT.G/2026/PN TPG",
            "tanggal_putusan": KEMARIN,
            "tanggal_inkracht": BESOK,
        }
    )
    assert not form.is_valid()
    assert "setelah hari ini" in form.errors["tanggal_inkracht"][0]


@pytest.mark.parametrize("nama", ["ALYA 😀", "ALYA\u202eAYLA", "<script>alert(1)</script>", "Алия"])
def test_names_outside_siak_are_refused(nama):
    form = KelahiranForm({**KELAHIRAN, "nama_anak": nama, "saksi_1": nama})
    assert not form.is_valid()
    assert "huruf latin" in form.errors["nama_anak"][0] and "huruf latin" in form.errors["saksi_1"][0]
