"""Cuti in the browser: the employee asks, the Kasubag forwards, the Sekretaris initials, the Kadis
approves; the balance page then shows the days taken and the surat izin cuti in the naskah chain."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from sekretariat import cuti_data, kepegawaian_data, naskah_data
from sekretariat.demo_cuti import _rentang
from sekretariat.models import PermohonanCuti
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai

from .conftest import no_traceback

pytestmark = pytest.mark.e2e


def test_an_employee_asks_for_leave_and_the_chain_approves_it(desks, e2e_team):
    naskah_data.load()
    kepegawaian_data.load()
    cuti_data.load()
    akun = staff(Role.STAF, bidang="sekretariat", first_name="Fikri", last_name="Ramadhan", nip="199505032020011011")
    pegawai("Fikri Ramadhan", pengguna=akun)  # CPNS 2005: two unused years, 24 days
    mulai, selesai = _rentang(timezone.localdate() + timedelta(days=7), 3)

    employee = desks(akun)
    employee.goto("/sekretariat/cuti/", "saldo sebelum")
    assert "24" in employee.page.inner_text("#sisa-cuti")
    employee.goto("/sekretariat/cuti/ajukan/", "formulir")
    employee.page.select_option("#id_jenis", label="Cuti tahunan")
    employee.page.fill("#id_mulai", mulai.isoformat())
    employee.page.fill("#id_selesai", selesai.isoformat())
    employee.page.fill("#id_alasan", "Pernikahan saudara kandung.")
    employee.page.fill("#id_alamat", "Jl. Melati 5, Bintan")
    employee.submit(employee.page.get_by_role("button", name="Ajukan ke Kasubag"), "diajukan")
    no_traceback(employee)
    permohonan = PermohonanCuti.objects.get()
    assert "Diperiksa Kasubag" in employee.text() and permohonan.lama == 3

    handled = {}
    for role, button, step in (
        (Role.KASUBAG, "Teruskan ke Sekretaris", "diteruskan"),
        (Role.SEKRETARIS, "Paraf, teruskan ke Kadis", "diparaf"),
        (Role.KADIS, "Setujui cuti", "disetujui"),
    ):
        user = e2e_team["kadis"] if role == Role.KADIS else staff(role, bidang="sekretariat")
        desk = handled[role] = desks(user)
        desk.goto("/", f"kotak masuk {step}")
        assert permohonan.nomor in desk.text()  # the request waits in their kotak masuk
        desk.goto(permohonan.get_absolute_url(), f"sebelum {step}")
        desk.submit(desk.page.get_by_role("button", name=button), step)
        no_traceback(desk)
    assert "Disetujui, surat izin cuti diproses" in desk.text() and "Diperiksa" in desk.text()

    employee.goto("/sekretariat/cuti/", "saldo sesudah")
    assert employee.page.inner_text("#sisa-cuti") == "21"
    assert employee.page.inner_text("#diambil-cuti") == "3"

    kasubag = handled[Role.KASUBAG]
    kasubag.goto("/sekretariat/cuti/register/", "register saldo")
    row = kasubag.page.locator("tr", has_text="Fikri Ramadhan")
    assert row.locator("td").nth(6).inner_text() == "21"
