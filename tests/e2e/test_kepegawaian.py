"""Data pegawai in the browser: the Kasubag adds an employee (a NIP that does not match the birth
date is refused first), imports a CSV, edits one field and sees it in the history, then opens the
DUK (and its PDF) and the buku kendali, where she starts the usulan of the KGB that falls due."""

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from dukcapil.choices import Role
from sekretariat import kepegawaian_data
from sekretariat.models import Golongan, Naskah, Pegawai, UsulanKepegawaian
from tests.factories import staff
from tests.sekretariat.kepegawaian_helpers import pegawai as buat_pegawai

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

CSV = """nip,nama,gelar_belakang,tanggal_lahir,status,golongan,tmt_pangkat,jabatan,tmt_jabatan,unit,tmt_kgb,\
tingkat_pendidikan
197003142000031001,Ahmad Senior,M.Si.,14-03-1970,PNS,IV/b,2021-04-01,Sekretaris,2021-01-04,Sekretariat,2025-04-01,S-2
"""


def test_the_kasubag_keeps_data_pegawai_and_reads_the_duk_and_the_buku_kendali(desks, e2e_team, tmp_path):
    kepegawaian_data.load()
    kasubag = desks(staff(Role.KASUBAG, bidang="sekretariat", first_name="Teguh"))
    today = timezone.localdate()

    # add an employee: the birth date typed does not match the NIP, then corrected
    kasubag.goto("/sekretariat/pegawai/", "daftar pegawai kosong")
    kasubag.page.get_by_role("link", name="Tambah pegawai").click()
    page = kasubag.page
    page.fill("#id_nip", "198809302014031007")
    page.fill("#id_nama", "Hendra Gunawan")
    page.fill("#id_gelar_belakang", "S.T.")
    page.fill("#id_tanggal_lahir", "1988-09-29")
    page.select_option("#id_golongan", label=str(Golongan.objects.get(kode="III/b")))
    page.fill("#id_tmt_pangkat", "2023-11-01")
    page.select_option("#id_jabatan", label="Administrator Database Kependudukan Ahli Pertama")
    page.fill("#id_tmt_jabatan", "2021-01-04")
    page.fill("#id_unit", "Bidang PIAK")
    kgb = today.replace(day=1) - relativedelta(years=2) + relativedelta(months=1)
    page.fill("#id_tmt_kgb", kgb.isoformat())
    page.select_option("#id_tingkat_pendidikan", label="S-1")
    response = kasubag.submit(page.get_by_role("button", name="Simpan"), "nip tidak cocok")
    assert response.status == 400
    assert "Tanggal lahir dalam NIP (30-09-1988) berbeda" in kasubag.text()
    page.fill("#id_tanggal_lahir", "1988-09-30")
    response = kasubag.submit(page.get_by_role("button", name="Simpan"), "pegawai tersimpan")
    assert response.status == 200, kasubag.text()
    assert "19880930 201403 1 007" in kasubag.text()

    # import a second one from a CSV
    kasubag.goto("/sekretariat/pegawai/impor/", "halaman impor")
    berkas = tmp_path / "pegawai.csv"
    berkas.write_text(CSV)
    page.set_input_files("#id_berkas", str(berkas))
    kasubag.submit(page.get_by_role("button", name="Impor"), "impor selesai")
    assert "1 pegawai baru" in kasubag.text()

    # edit one field; the history shows it
    hendra = Pegawai.objects.get(nama="Hendra Gunawan")
    kasubag.goto(f"/sekretariat/pegawai/{hendra.pk}/ubah/", "ubah data")
    page.fill("#id_unit", "Bidang Pengelolaan Informasi Administrasi Kependudukan")
    kasubag.submit(page.get_by_role("button", name="Simpan"), "data diubah")
    assert "Unit kerja: Bidang PIAK → Bidang Pengelolaan Informasi Administrasi Kependudukan" in kasubag.text()

    # the DUK puts IV/b before III/b; the PDF prints
    page.get_by_role("link", name="DUK").click()
    kasubag.shot("duk")
    text = kasubag.text()
    assert text.index("Ahmad Senior") < text.index("Hendra Gunawan")
    pdf = page.request.get("/sekretariat/pegawai/duk/?format=pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")

    # the buku kendali lists Hendra's KGB, due next month
    page.get_by_role("link", name="Buku kendali").click()
    kasubag.shot("buku kendali")
    row = page.locator("tr", has_text="Hendra Gunawan")
    assert "Kenaikan gaji berkala" in row.inner_text()

    # … and starts its usulan: the surat usulan konsep is linked and its state shown
    response = kasubag.submit(row.get_by_role("button", name="Mulai usulan"), "usulan dimulai")
    assert response.status == 200, kasubag.text()
    usulan = UsulanKepegawaian.objects.get()
    assert "Kenaikan gaji berkala: Hendra Gunawan, S.T." in kasubag.text()
    nomor = usulan.naskah.nomor
    assert page.locator("dd", has_text=nomor).inner_text().strip() == f"{nomor} · Konsep"
    page.get_by_role("link", name=usulan.naskah.nomor).click()
    kasubag.shot("konsep surat usulan")
    assert "Usulan kenaikan gaji berkala a.n. Hendra Gunawan" in kasubag.text()
    kasubag.goto("/sekretariat/pegawai/buku-kendali/", "buku kendali menautkan usulan")
    assert usulan.nomor in page.locator("tr", has_text="Hendra Gunawan").inner_text()
    no_traceback(kasubag)


def test_karis_from_the_buku_kendali_to_the_card_number(desks, e2e_team):
    """Married without a KARIS: the watch list starts the surat pengantar to the BKD; once it went
    out, the card's number is recorded and lands on data pegawai. The MPP row waits beside it."""
    kepegawaian_data.load()
    kasubag = desks(staff(Role.KASUBAG, bidang="sekretariat", first_name="Teguh"))
    today = timezone.localdate()
    tenang = {"tmt_kgb": today - relativedelta(months=6), "tmt_pangkat": today - relativedelta(years=1)}
    hendra = buat_pegawai("Hendra Gunawan", tanggal_menikah=today - relativedelta(years=3), **tenang)
    lahir = today - relativedelta(years=58) + relativedelta(months=8)
    buat_pegawai("Joko Santoso", seq=2, lahir=lahir, jabatan="Pengadministrasi Perkantoran", **tenang)

    kasubag.goto("/sekretariat/pegawai/buku-kendali/", "buku kendali dengan KARIS dan MPP")
    kasubag.shot("buku kendali pantauan")
    page = kasubag.page
    assert "Masa persiapan pensiun" in page.locator("tr", has_text="Joko Santoso").inner_text()
    row = page.locator("tr", has_text="Hendra Gunawan")
    assert "KARIS (kartu istri)" in row.inner_text()
    kasubag.submit(row.get_by_role("button", name="Mulai usulan"), "usulan KARIS dimulai")
    usulan = UsulanKepegawaian.objects.get(pegawai=hendra)
    assert "Diusulkan, menunggu kartu" in kasubag.text()
    Naskah.objects.filter(pk=usulan.naskah_id).update(status="terkirim")  # the naskah chain is walked elsewhere

    kasubag.goto(usulan.get_absolute_url(), "catat kartu")
    page.fill("#id_nomor_kartu", "KS.2026/0099")
    page.fill("#id_tanggal", today.isoformat())
    kasubag.submit(page.get_by_role("button", name="Catat nomor kartu"), "kartu dicatat")
    kasubag.shot("kartu dicatat")
    assert "Kartu diterima" in kasubag.text() and "KS.2026/0099" in kasubag.text()
    kasubag.goto(hendra.get_absolute_url(), "data pegawai dengan KARIS")
    assert "KARIS KS.2026/0099" in kasubag.text()
    no_traceback(kasubag)
