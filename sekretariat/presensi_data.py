"""Presensi data the office starts with: jam kerja per weekday (editable in admin) and the jenis
naskah of the monthly rekap. Loaded by the migration; ``load()`` again after a flush (tests)."""

JAM_KERJA = [(0, "07:30", "16:00"), (1, "07:30", "16:00"), (2, "07:30", "16:00"), (3, "07:30", "16:00"),
             (4, "07:30", "16:30")]  # fmt: skip
REKAP_ISI = "<p>Berikut rekapitulasi presensi pegawai sebagai bahan penilaian prestasi kerja pegawai.</p>"


def load(apps=None) -> None:
    """Create the office hours and the jenis «rekap-presensi» unless they exist (idempotent)."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    jam_kerja = apps.get_model("sekretariat", "JamKerja")
    for hari, masuk, pulang in JAM_KERJA:
        jam_kerja.objects.get_or_create(hari=hari, defaults={"jam_masuk": masuk, "jam_pulang": pulang})
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="rekap-presensi",
        defaults={
            "nama": "Rekap Presensi",
            "tata": "berjudul",
            "rute_paraf": ["sekretaris"],
            "templat_isi": REKAP_ISI,
            "urutan": 20,
        },
    )
