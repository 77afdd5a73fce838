"""Default data of gangguan: the jenis naskah of the monthly monitoring report (Lumajang «SOP
Monitoring Jaringan Komunikasi Data» step 6: the Kabid checks and signs it). Idempotent."""

TEMPLAT_LAPORAN = (
    "<p>Berikut laporan berkala monitoring jaringan komunikasi data, SIAK dan perangkat.</p>"
    "<table><tr><th>Kategori gangguan</th><th>Jumlah</th></tr><tr><td>...</td><td>...</td></tr></table>"
)


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="laporan-monitoring-jaringan",
        defaults={"nama": "Laporan Monitoring Jaringan", "tata": "berjudul", "rute_paraf": ["kabid"],
                  "templat_isi": TEMPLAT_LAPORAN, "urutan": 30},
    )  # fmt: skip
