"""The jenis naskah of written warnings (SP I–III), loaded by the migration; ``load()`` after a flush."""

TEMPLAT_SP = (
    "<p>Berdasarkan hasil pemeriksaan atas pelanggaran disiplin yang dilakukan oleh pegawai tersebut, "
    "dengan ini diberikan peringatan tertulis.</p>"
    "<p>Pelanggaran: ...</p>"
    "<p>Kepada yang bersangkutan diminta untuk memperbaiki sikap dan perilaku serta menaati ketentuan "
    "disiplin pegawai negeri sipil.</p>"
)


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="surat-peringatan",
        defaults={"nama": "Surat Peringatan", "tata": "berjudul", "rute_paraf": ["sekretaris"],
                  "templat_isi": TEMPLAT_SP, "urutan": 21},
    )  # fmt: skip
