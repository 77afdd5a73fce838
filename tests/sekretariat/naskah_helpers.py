"""Builders for naskah dinas keluar tests: the Sekretariat's staff and naskah driven through the services."""

from datetime import date

from dukcapil.choices import Role
from sekretariat import naskah_data
from sekretariat.models import JenisNaskah, KlasifikasiArsip, Naskah
from sekretariat.services import naskah as services
from tests.factories import staff

ISI = "<p>Dengan hormat, bersama ini kami sampaikan <b>data agregat</b> kependudukan.</p>"


def sek_team(team: dict) -> dict:
    """The Sekretariat's staff beside the berkas team (whose Kadis signs)."""
    naskah_data.load()  # idempotent: a transactional test may have flushed the seed rows
    return {
        "staf": staff(Role.STAF, bidang="sekretariat", first_name="Rina", last_name="Staf"),
        "kasubag": staff(Role.KASUBAG, bidang="sekretariat", first_name="Budi", last_name="Kasubag"),
        "sekretaris": staff(Role.SEKRETARIS, bidang="sekretariat", first_name="Sri", last_name="Sekretaris"),
        "agendaris": staff(Role.AGENDARIS, bidang="sekretariat", first_name="Agus", last_name="Agendaris"),
        "kabid": team["kabid"],
        "kadis": team["kadis"],
    }


def konsep(sek: dict, *, jenis: str = "surat-dinas", hal: str = "Permohonan data agregat", **fields) -> Naskah:
    return services.naskah_buat(
        user=fields.pop("user", sek["staf"]),
        jenis=JenisNaskah.objects.get(kode=jenis),
        hal=hal,
        isi=fields.pop("isi", ISI),
        tujuan_nama=fields.pop("tujuan_nama", "Kepala Bappeda Kabupaten Bintan"),
        tujuan_alamat="Tanjung Uban",
        tujuan_email="bappeda@example.go.id",
        **fields,
    )


def klasifikasi(kode: str = "470") -> KlasifikasiArsip:
    return KlasifikasiArsip.objects.get(kode=kode)


def to_penomoran(sek: dict, **kwargs) -> Naskah:
    n = konsep(sek, **kwargs)
    services.naskah_ajukan(pk=n.pk, user=sek["staf"])
    services.naskah_setujui(pk=n.pk, user=sek["kasubag"])
    n.refresh_from_db()
    for _ in services.paraf_kurang(n):
        services.naskah_paraf(pk=n.pk, user=sek["sekretaris"])
    n.refresh_from_db()
    return n


def to_tte(sek: dict, tanggal: date | None = None, **kwargs) -> Naskah:
    n = to_penomoran(sek, **kwargs)
    return services.naskah_beri_nomor(pk=n.pk, user=sek["agendaris"], klasifikasi=klasifikasi(), tanggal=tanggal)
