"""Demo presensi: last month's fingerprint export for every active employee of data pegawai (imported
through the service, as the Staf would), a few keterangan, and the month's rekap as a naskah konsep."""

from datetime import date, time, timedelta

from django.utils import timezone

from . import presensi_data
from .models import JenisKeterangan
from .selectors.presensi import hari_kerja_bulan, pegawai_aktif
from .services import presensi as svc


def _bulan_lalu() -> tuple[int, int]:
    first = timezone.localdate().replace(day=1) - timedelta(days=1)
    return first.year, first.month


def _jam(base: time, minutes: int) -> str:
    total = base.hour * 60 + base.minute + minutes
    return f"{total // 60:02d}.{total % 60:02d}"


def build_presensi_demo(users) -> list:
    """Rows made: the import, the keterangan and the rekap (deterministic, no randomness)."""
    presensi_data.load()
    tahun, bulan = _bulan_lalu()
    petugas = users.get("kasubag") or next(iter(users.values()))
    days = hari_kerja_bulan(tahun, bulan, date(tahun, bulan, 28) + timedelta(days=4))
    pegawai = list(pegawai_aktif())
    lines = ["NIP;tanggal;jam masuk;jam pulang"]
    absent: list[tuple[int, date, str]] = []
    for i, p in enumerate(pegawai):
        for n, day in enumerate(days):
            if (i + n) % 17 == 5:  # away: a keterangan for some, nothing for others
                if i % 2 == 0:
                    absent.append((p.pk, day, JenisKeterangan.SAKIT if n % 2 else JenisKeterangan.DINAS_LUAR))
                continue
            late = (i * 7 + n * 3) % 23 - 15  # mostly early, sometimes up to 7 minutes late
            pulang = time(16, 30) if day.weekday() == 4 else time(16, 0)
            early = -20 if (i + n) % 11 == 3 else (i + n) % 9
            out = "" if (i + n) % 29 == 7 else _jam(pulang, early)
            lines.append(f"{p.nip};{day:%Y-%m-%d};{_jam(time(7, 30), late)};{out}")
    made: list = []
    if len(lines) > 1:
        data = "\n".join(lines).encode()
        made.append(svc.presensi_impor(user=petugas, nama_berkas=f"mesin-{tahun}-{bulan:02d}.csv", data=data))
    for pegawai_id, day, jenis in absent:
        note = "Surat keterangan dokter" if jenis == JenisKeterangan.SAKIT else "Rapat koordinasi di provinsi"
        made.append(svc.keterangan_catat(user=petugas, pegawai_id=pegawai_id, tanggal=day, jenis=jenis, catatan=note))
    made.append(svc.rekap_ajukan(user=petugas, tahun=tahun, bulan=bulan))
    return made
