"""Whole walks through the office in a real browser, from the counter to the citizen's status check."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from dukcapil.choices import Status
from dukcapil.models import Berkas, Layanan
from tests.factories import berkas_in

from .conftest import no_traceback

pytestmark = pytest.mark.e2e

PEMOHON = {"nik": "2102011708850001", "nama": "Budi Santoso", "tanggal_lahir": "1985-08-17", "jenis_kelamin": "L"}
KEPALA = {
    "nik": "2102011708850001",
    "nama": "Budi Santoso",
    "jenis_kelamin": "L",
    "tempat_lahir": "Kijang",
    "tanggal_lahir": "1985-08-17",
    "agama": "ISLAM",
    "pendidikan": "SLTA/SEDERAJAT",
    "pekerjaan": "Nelayan",
    "status_perkawinan": "BELUM KAWIN",
    "hubungan": "KEPALA KELUARGA",
    "kewarganegaraan": "WNI",
    "nama_ayah": "Ahmad",
    "nama_ibu": "Siti",
}
ALAMAT = {
    "kode_wilayah": "210201",
    "alamat": "Jl. Pos 3",
    "rt": "001",
    "rw": "002",
    "desa_kelurahan": "Kijang Kota",
    "kecamatan": "Bintan Timur",
    "kabupaten_kota": "Bintan",
    "provinsi": "Kepulauan Riau",
    "kode_pos": "29151",
}


def fill(page, values: dict, prefix: str = ""):
    """Type or choose each value into the field of that name, whatever its widget."""
    for name, value in values.items():
        field = page.locator(f'[name="{prefix}{name}"]').first
        tag = field.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
        if tag.startswith("select"):
            field.select_option(str(value))
        elif tag.endswith(":radio"):
            page.check(f'[name="{prefix}{name}"][value="{value}"]')
        else:
            field.fill(str(value))


def intake(desk, kode: str, pemohon: dict, detail: dict | None = None, tick: str = "all") -> str:
    """The counter registers a berkas; ``tick`` is "all", "none" or "wajib-but-one"."""
    response = desk.goto(f"/loket/{kode}/", f"loket {kode}")
    assert response.status == 200
    page = desk.page
    fill(page, pemohon)
    if detail:
        fill(page, detail, prefix="detail-")
    boxes = page.locator('input[name="persyaratan"]')
    if tick == "all":
        for i in range(boxes.count()):
            boxes.nth(i).check()
    desk.shot(f"loket {kode} terisi")
    response = desk.submit(page.get_by_role("button", name="Simpan berkas"), f"loket {kode} tersimpan")
    assert response.status == 200, desk.text()
    nomor = page.url.rstrip("/").rsplit("/", 1)[1]
    assert Berkas.objects.filter(nomor_registrasi=nomor).exists(), page.url
    return nomor


def act(desk, nomor: str, label: str, step: str):
    """An officer opens the berkas and presses the action button with this label."""
    desk.goto(f"/berkas/{nomor}/", f"{step} berkas")
    response = desk.submit(desk.page.get_by_role("button", name=label), step)
    assert response.status == 200, desk.text()
    assert "baru saja diproses" not in desk.text()


def sign_in_inbox(desk, nomor: str):
    """The Kadis ticks the berkas in the kotak masuk and signs the batch with the passphrase."""
    from tests.factories import TTE_PASSPHRASE

    desk.goto("/kotak-masuk/", "kadis kotak masuk")
    page = desk.page
    page.get_by_role("checkbox", name=f"Pilih {nomor}").check()
    page.fill("#id_passphrase", TTE_PASSPHRASE)
    desk.shot("kadis memilih berkas")
    desk.submit(page.get_by_role("button", name="Tandatangani berkas terpilih"), "kadis batch tte")
    assert "Selesai" in desk.text() and "1 dari 1 dokumen ditandatangani" in desk.text(), desk.text()


def hand_over(desk, nomor: str, nama: str, nik: str):
    desk.goto(f"/pengambilan/{nomor}/", "pengambilan")
    fill(desk.page, {"penerima_nama": nama, "penerima_nik": nik, "hubungan": "sendiri"})
    desk.submit(desk.page.get_by_role("button", name="Serahkan dan catat"), "diserahkan")
    assert f"Berkas {nomor} diserahkan" in desk.text(), desk.text()


def check_status(desk, nomor: str, nik: str, step: str = "cek status") -> str:
    desk.goto("/cek-status/", "cek status kosong")
    fill(desk.page, {"nomor_registrasi": nomor, "nik": nik})
    desk.submit(desk.page.get_by_role("button", name="Cek status"), step)
    no_traceback(desk)
    return desk.text()


def test_kk_baru_from_the_counter_to_the_citizen(desks, e2e_team):
    team = e2e_team
    nomor = intake(desks(team["loket"]), "kk", PEMOHON, {"jenis": "baru"})
    assert "Diterima, menunggu entri operator" in desks(team["loket"]).text()

    operator = desks(team["operator"])
    operator.goto(f"/pendaftaran/kk/{nomor}/entri/", "entri kk")
    fill(operator.page, ALAMAT)
    fill(operator.page, KEPALA, prefix="anggota-0-")
    operator.shot("entri kk terisi")
    response = operator.submit(operator.page.get_by_role("button", name="Simpan dan kirim"), "entri kk terkirim")
    assert response.status == 200, operator.text()

    act(desks(team["kasi"]), nomor, "Verifikasi", "kasi verifikasi")
    act(desks(team["kabid"]), nomor, "Validasi", "kabid validasi")
    sign_in_inbox(desks(team["kadis"]), nomor)
    hand_over(desks(team["pengambilan"]), nomor, PEMOHON["nama"], PEMOHON["nik"])

    page = check_status(desks(None), nomor, PEMOHON["nik"])
    assert "Sudah diserahkan" in page


def test_akta_kelahiran_from_the_counter_to_the_citizen(desks, e2e_team, warga):
    capil = e2e_team["capil"]
    keluarga = warga[0]
    ayah = keluarga.anggota.get(hubungan="KEPALA KELUARGA")
    ibu = keluarga.anggota.get(hubungan="ISTRI")
    pemohon = {
        "nik": ayah.nik,
        "nama": ayah.nama,
        "tanggal_lahir": ayah.tanggal_lahir.isoformat(),
        "jenis_kelamin": ayah.jenis_kelamin,
    }
    nomor = intake(desks(capil["loket"]), "akta-kelahiran", pemohon)
    assert "Diterima, menunggu entri operator" in desks(capil["loket"]).text()

    operator = desks(capil["operator"])
    operator.goto(f"/capil/berkas/{nomor}/entri/", "entri kelahiran")
    lahir = timezone.localdate() - timedelta(days=10)
    fill(
        operator.page,
        {
            "nama_anak": "ALYA PUTRI",
            "jenis_kelamin": "P",
            "tempat_lahir": "BINTAN",
            "tanggal_lahir": lahir.isoformat(),
            "pukul": "08:15",
            "anak_ke": "3",
            "penolong": "BIDAN/PERAWAT",
            "nik_ibu": ibu.nik,
            "nik_ayah": ayah.nik,
            "nomor_kk": keluarga.nomor_kk,
            "saksi_1": "HENDRA",
            "saksi_2": "YANTI",
        },
    )
    operator.shot("entri kelahiran terisi")
    response = operator.submit(operator.page.get_by_role("button", name="Simpan dan kirim"), "entri kelahiran terkirim")
    assert response.status == 200, operator.text()
    assert Berkas.objects.get(nomor_registrasi=nomor).status == Status.VERIFIKASI

    act(desks(capil["kasi"]), nomor, "Verifikasi", "kasi verifikasi")
    act(desks(capil["kabid"]), nomor, "Validasi", "kabid validasi")
    sign_in_inbox(desks(capil["kadis"]), nomor)
    kadis = desks(capil["kadis"])
    kadis.goto(f"/berkas/{nomor}/", "berkas ditandatangani")
    assert "Siap diambil" in kadis.text() and "ditandatangani elektronik" in kadis.text()
    hand_over(desks(capil["pengambilan"]), nomor, ayah.nama, ayah.nik)

    page = check_status(desks(None), nomor, ayah.nik)
    assert "Sudah diserahkan" in page


def test_missing_persyaratan_returns_the_berkas_with_the_list(desks, e2e_team):
    loket = desks(e2e_team["loket"])
    nomor = intake(loket, "kk", PEMOHON, {"jenis": "baru"}, tick="none")
    assert "Dikembalikan ke pemohon" in loket.text() and "Persyaratan kurang" in loket.text()
    kurang = loket.page.inner_text("ul.late")
    wajib = Layanan.objects.get(kode="kk").persyaratan_berlaku().filter(wajib=True)
    assert wajib.exists()
    for persyaratan in wajib:
        assert persyaratan.nama in kurang
    status = check_status(desks(None), nomor, PEMOHON["nik"])
    assert "Dikembalikan" in status and "Persyaratan belum lengkap" in status


def test_a_stale_tab_gets_409_and_the_message(desks, e2e_team):
    berkas = berkas_in(Status.VERIFIKASI, e2e_team)
    nomor = berkas.nomor_registrasi
    first = desks(e2e_team["kasi"])
    second = first.tab("tab kedua")
    first.goto(f"/berkas/{nomor}/", "tab pertama dibuka")
    second.goto(f"/berkas/{nomor}/", "tab kedua dibuka")
    response = first.submit(first.page.get_by_role("button", name="Verifikasi"), "tab pertama verifikasi")
    assert response.status == 200
    response = second.submit(second.page.get_by_role("button", name="Verifikasi"), "tab kedua basi")
    assert response.status == 409
    assert "baru saja diproses" in second.text()
    no_traceback(second)
    assert Berkas.objects.get(pk=berkas.pk).status == Status.VALIDASI


def test_unknown_token_and_unknown_berkas_are_404_without_a_traceback(desks, e2e_team):
    warga = desks(None)
    response = warga.goto(f"/verifikasi/{uuid.uuid4()}/", "token tidak dikenal")
    assert response.status == 404
    no_traceback(warga)
    loket = desks(e2e_team["loket"])
    for path, step in (
        ("/berkas/KK-000000-9999/", "berkas tidak dikenal"),
        ("/pengambilan/KK-000000-9999/", "pengambilan tidak dikenal"),
    ):
        response = loket.goto(path, step)
        assert response.status == 404, path
        no_traceback(loket)
