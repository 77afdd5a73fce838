"""Pages fit the office's screens (1366×768) and the citizen's phone, whatever the text in them."""

import pytest

from dukcapil.choices import Status
from tests.factories import act, berkas_in

pytestmark = pytest.mark.e2e


def width(desk) -> int:
    return desk.page.evaluate("document.documentElement.scrollWidth")


def test_staff_pages_fit_1366_even_with_a_long_unbroken_note(desks, e2e_team):
    berkas = berkas_in(Status.VERIFIKASI, e2e_team)
    act(berkas, "koreksi", e2e_team["kasi"], note="X" * 3000)  # a pasted note without spaces
    operator = desks(e2e_team["operator"])
    operator.page.set_viewport_size({"width": 1366, "height": 768})
    operator.goto(f"/berkas/{berkas.nomor_registrasi}/", "berkas dengan catatan panjang")
    assert width(operator) <= 1366
    operator.goto(f"/pendaftaran/kk/{berkas.nomor_registrasi}/entri/", "entri kk")
    assert width(operator) <= 1366
    assert operator.page.locator("table.entry").count() == 1  # the member table scrolls inside its card


@pytest.mark.parametrize("path", ["/cek-status/", "/layanan/", "/"])
def test_citizen_pages_fit_a_phone(desks, e2e_team, path):
    citizen = desks(None)
    citizen.page.set_viewport_size({"width": 390, "height": 844})
    citizen.goto(path, "ponsel")
    assert width(citizen) <= 390
