"""Default data of kinerja: the jenis naskah of the monthly laporan kinerja pelayanan (Bintan:
«Indikator Kinerja, target, realisasi, dan presentase capaian kinerja»), drawn up by the Kasubag,
initialled by the Sekretaris and signed by the Kadis. Idempotent."""

JENIS_LAPORAN = "laporan-kinerja"

TEMPLAT_LAPORAN = (
    "<p>Berikut laporan kinerja pelayanan administrasi kependudukan.</p>"
    "<table><tr><th>Layanan</th><th>Berkas masuk</th><th>Selesai</th><th>Tepat waktu</th></tr>"
    "<tr><td>...</td><td>...</td><td>...</td><td>...</td></tr></table>"
)


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode=JENIS_LAPORAN,
        defaults={"nama": "Laporan Kinerja Pelayanan", "tata": "berjudul", "rute_paraf": ["sekretaris"],
                  "templat_isi": TEMPLAT_LAPORAN, "urutan": 40},
    )  # fmt: skip
