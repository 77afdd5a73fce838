"""Demo data pegawai: twelve employees whose NIPs decode, one KGB and one pension due within three
months (and a kenaikan pangkat overdue), so the DUK and the buku kendali have something to show."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from .models import Golongan, Jabatan, Pegawai
from .services.kepegawaian import pegawai_tambah

# nama, gelar depan, gelar belakang, golongan, jabatan, unit, tingkat, pendidikan, sex, birth, TMT CPNS (yyyymm)
PEGAWAI = [
    (
        "Ahmad Fauzi",
        "Drs.",
        "M.Si.",
        "IV/c",
        "Kepala Dinas",
        "Pimpinan",
        70,
        "Administrasi Publik",
        1,
        date(1970, 3, 14),
        "199503",
    ),
    ("Ratna Dewi", "", "S.H., M.H.", "IV/b", "Sekretaris", "Sekretariat", 70, "Hukum", 2, date(1972, 8, 2), "199803"),
    (
        "Bambang Susilo",
        "",
        "S.Sos.",
        "IV/a",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk",
        "Bidang Pelayanan Pendaftaran Penduduk",
        60,
        "Sosiologi",
        1,
        date(1974, 1, 20),
        "199912",
    ),
    (
        "Sri Wahyuni",
        "",
        "S.E.",
        "IV/a",
        "Kepala Bidang Pelayanan Pencatatan Sipil",
        "Bidang Pelayanan Pencatatan Sipil",
        60,
        "Manajemen",
        2,
        date(1976, 11, 5),
        "200112",
    ),
    (
        "Teguh Prasetyo",
        "",
        "S.AP.",
        "III/d",
        "Kepala Subbagian Umum dan Kepegawaian",
        "Sekretariat",
        60,
        "Administrasi Publik",
        1,
        date(1979, 6, 9),
        "200503",
    ),
    (
        "Dewi Lestari",
        "",
        "S.Kom.",
        "III/c",
        "Administrator Database Kependudukan Ahli Muda",
        "Bidang Pengelolaan Informasi Administrasi Kependudukan",
        60,
        "Teknik Informatika",
        2,
        date(1984, 4, 17),
        "200901",
    ),
    (
        "Hendra Gunawan",
        "",
        "S.T.",
        "III/b",
        "Administrator Database Kependudukan Ahli Pertama",
        "Bidang Pengelolaan Informasi Administrasi Kependudukan",
        60,
        "Teknik Elektro",
        1,
        date(1988, 9, 30),
        "201403",
    ),
    (
        "Siti Aminah",
        "",
        "A.Md.",
        "II/d",
        "Pranata Komputer Terampil",
        "Bidang Pelayanan Pendaftaran Penduduk",
        50,
        "Manajemen Informatika",
        2,
        date(1990, 2, 11),
        "201503",
    ),
    ("Joko Santoso", "", "", "III/a", "Pengadministrasi Perkantoran", "Sekretariat", 30, "SMA IPS", 1, None, "199003"),
    (
        "Wulan Sari",
        "",
        "S.Sos.",
        "III/a",
        "Pengolah Data dan Informasi",
        "Sekretariat",
        60,
        "Ilmu Komunikasi",
        2,
        date(1992, 7, 23),
        "201903",
    ),
    (
        "Fikri Ramadhan",
        "",
        "",
        "II/b",
        "Penata Layanan Operasional",
        "Bidang Pelayanan Pencatatan Sipil",
        30,
        "SMK Perkantoran",
        1,
        date(1995, 5, 3),
        "202001",
    ),
    ("Nur Hidayah", "", "S.Ak.", "III/b", "Bendahara", "Sekretariat", 60, "Akuntansi", 2, date(1987, 12, 8), "201203"),
]


def _nip(lahir: date, tmt: str, sex: int, seq: int) -> str:
    return f"{lahir:%Y%m%d}{tmt}{sex}{seq:03d}"


def build_kepegawaian_demo(users) -> list[Pegawai]:
    today = timezone.localdate()
    kasubag = users["kasubag"]
    golongan = {g.kode: g for g in Golongan.objects.all()}
    jabatan = {j.nama: j for j in Jabatan.objects.all()}
    made = []
    for seq, (nama, depan, belakang, gol, jab, unit, tingkat, pendidikan, sex, lahir, tmt) in enumerate(PEGAWAI, 1):
        if lahir is None:  # the pelaksana who reaches 58 next month: pension due
            lahir = (today - relativedelta(years=58) + relativedelta(months=1)).replace(day=15)
        tmt_cpns = date(int(tmt[:4]), int(tmt[4:]), 1)
        # Hendra's KGB falls due next month; Siti's kenaikan pangkat is overdue; the rest are not due
        tmt_kgb = (
            today.replace(day=1) - relativedelta(years=2) + relativedelta(months=1) if seq == 7 else date(2025, 4, 1)
        )
        tmt_pangkat = date(2022, 10, 1) if seq == 8 else date(2023, 4, 1) + relativedelta(months=seq)
        data = dict(
            nip=_nip(lahir, tmt, sex, seq),
            gelar_depan=depan,
            nama=nama,
            gelar_belakang=belakang,
            tanggal_lahir=lahir,
            status="pns",
            golongan=golongan[gol],
            tmt_pangkat=tmt_pangkat,
            jabatan=jabatan[jab],
            tmt_jabatan=max(tmt_cpns, date(2021, 1, 4)),
            unit=unit,
            tmt_kgb=tmt_kgb,
            tingkat_pendidikan=tingkat,
            pendidikan=pendidikan,
            diklat="PIM II" if seq <= 2 else ("PIM III" if seq <= 4 else ("PIM IV" if seq == 5 else "")),
            pengguna=users.get("kasubag") if seq == 5 else (users.get("sekretaris") if seq == 2 else None),
            aktif=True,
        )
        made.append(pegawai_tambah(user=kasubag, data=data))
    return made
