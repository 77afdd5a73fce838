"""Default data of the daftar gaji: the gaji pokok table and tunjangan umum (editable in the admin).

Source of the gaji pokok values: Lampiran II PP 15/2019 (the 18th amendment of PP 7/1977), the
first masa kerja golongan column of each golongan only (MKG 0, or MKG 3 for I/b–I/d and II/b–II/d).
The table's other masa kerja columns are NOT loaded here: the Bendahara gaji or the admin enters
them from the Lampiran in the admin (Tabel gaji pokok). Until then a pegawai gets the value of the
highest column at or below their masa kerja, and the daftar gaji marks such a row «tabel belum
lengkap» so nobody mistakes it for the legal amount.

Tunjangan umum: Perpres 12/2006 (I Rp175.000, II Rp180.000, III Rp185.000, IV Rp190.000).
"""

from decimal import Decimal

SUMBER_GAJI = "Lampiran II PP 15/2019 (kolom masa kerja awal)"
SUMBER_TUNJANGAN_UMUM = "Perpres 12/2006"

# golongan kode → (masa kerja golongan of its first column, gaji pokok)
GAJI_POKOK_AWAL = {
    "I/a": (0, 1_560_800),
    "I/b": (3, 1_704_500),
    "I/c": (3, 1_776_600),
    "I/d": (3, 1_851_800),
    "II/a": (0, 2_022_200),
    "II/b": (3, 2_208_400),
    "II/c": (3, 2_301_800),
    "II/d": (3, 2_399_200),
    "III/a": (0, 2_579_400),
    "III/b": (0, 2_688_500),
    "III/c": (0, 2_802_300),
    "III/d": (0, 2_920_800),
    "IV/a": (0, 3_044_300),
    "IV/b": (0, 3_173_100),
    "IV/c": (0, 3_307_300),
    "IV/d": (0, 3_447_200),
    "IV/e": (0, 3_593_100),
}

TUNJANGAN_UMUM = {"I": 175_000, "II": 180_000, "III": 185_000, "IV": 190_000}


def load(apps=None) -> None:
    """Create the rows that are missing (idempotent; an admin's edits are kept)."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    golongan = apps.get_model("sekretariat", "Golongan")
    gaji_pokok = apps.get_model("sekretariat", "GajiPokok")
    tunjangan_umum = apps.get_model("sekretariat", "TunjanganUmum")
    by_kode = {g.kode: g for g in golongan.objects.filter(kode__in=GAJI_POKOK_AWAL)}
    for kode, (masa_kerja, nilai) in GAJI_POKOK_AWAL.items():
        if kode in by_kode:
            gaji_pokok.objects.get_or_create(
                golongan=by_kode[kode],
                masa_kerja=masa_kerja,
                defaults={"gaji_pokok": Decimal(nilai), "sumber": SUMBER_GAJI},
            )
    for ruang, nilai in TUNJANGAN_UMUM.items():
        tunjangan_umum.objects.get_or_create(
            ruang=ruang, defaults={"nilai": Decimal(nilai), "sumber": SUMBER_TUNJANGAN_UMUM}
        )
