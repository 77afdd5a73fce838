"""Builders for the cuti tests: the people who handle leave, employees linked to accounts, a fixed today."""

from datetime import date

import pytest
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.models import HariLibur
from sekretariat import cuti_data, naskah_data
from sekretariat.models import JenisCuti, PermohonanCuti
from sekretariat.services import cuti as svc
from tests.factories import staff

from .kepegawaian_helpers import pegawai

# a Monday; the week after next holds Ascension Day (Thu 14 May 2026) and the cuti bersama after it
HARI_INI = date(2026, 5, 4)


@pytest.fixture(name="kantor_cuti")
def kantor_cuti_fixture(catalogue, data_kepegawaian, monkeypatch):
    naskah_data.load()
    cuti_data.load()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: HARI_INI)
    HariLibur.objects.create(tanggal=date(2026, 5, 15), jenis=HariLibur.Jenis.CUTI_BERSAMA, keterangan="Cuti bersama")
    people = {
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Kurnia", last_name="Kasubag"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Sari", last_name="Sekretaris"),
        "kadis": staff(Role.KADIS, bidang=None, first_name="Ahmad", last_name="Kadis"),
        "agendaris": staff(Role.AGENDARIS, bidang="sekretariat", first_name="Ayu", last_name="Agendaris"),
        "fikri": staff(Role.STAF, bidang="sekretariat", first_name="Fikri", last_name="Ramadhan"),
        "wulan": staff(Role.STAF, bidang="pendaftaran", first_name="Wulan", last_name="Sari"),
    }
    people["p_fikri"] = pegawai("Fikri Ramadhan", seq=1, pengguna=people["fikri"])
    people["p_wulan"] = pegawai("Wulan Sari", seq=2, pengguna=people["wulan"])
    return people


def tahunan() -> JenisCuti:
    return JenisCuti.objects.get(kode="tahunan")


def data(mulai: date, selesai: date, jenis: JenisCuti | None = None, **kw) -> svc.CutiData:
    return svc.CutiData(
        jenis=jenis or tahunan(), mulai=mulai, selesai=selesai, alasan=kw.get("alasan", "Keperluan keluarga."),
        alamat=kw.get("alamat", "Jl. Melati 5, Bintan"),
    )  # fmt: skip


def riwayat(p, mulai: date, lama: int, status: str = "selesai", jenis: JenisCuti | None = None, user=None):
    """A past request as the register holds it (built directly: only its days and state matter)."""
    return PermohonanCuti.objects.create(
        bidang_id=user.bidang_id if user and user.bidang_id else _sek(),
        pegawai=p, jenis=jenis or tahunan(), mulai=mulai, selesai=mulai, lama=lama, hari_kerja=lama,
        alasan="Lalu.", alamat="Bintan", diajukan_oleh=user or p.pengguna, status=status,
    )  # fmt: skip


def _sek() -> int:
    from dukcapil.models import Bidang

    return Bidang.objects.get(kode="sekretariat").pk


def sampai(k: dict, p, target: str):
    """Drive a request to ``target`` (sekretaris, kadis, disetujui) through the services."""
    svc.cuti_teruskan(user=k["kasubag"], pk=p.pk)
    if target in ("kadis", "disetujui"):
        svc.cuti_paraf(user=k["sekretaris"], pk=p.pk)
    if target == "disetujui":
        svc.cuti_setujui(user=k["kadis"], pk=p.pk)
    p.refresh_from_db()
    return p
