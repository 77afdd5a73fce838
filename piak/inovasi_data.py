"""Default data of inovasi: the jenis naskah «Nota Dinas Laporan Pelaksanaan» (Lumajang «Mekanisme
Tata Cara Pelaksanaan Inovasi Pelayanan» last step: the results reported to the Kadis). Idempotent."""

from django.apps import apps as django_apps

TEMPLAT_NOTA = (
    "<p>Bersama ini dilaporkan pelaksanaan kegiatan sebagai berikut.</p>"
    "<p>Kegiatan: ...</p><p>Pelaksanaan: ...</p><p>Hasil: ...</p>"
    "<p>Demikian laporan ini disampaikan untuk menjadi periksa.</p>"
)


def load(apps=None) -> None:
    apps = apps or django_apps  # the migration's historical apps, or the live registry
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode="nota-dinas-laporan-pelaksanaan",
        defaults={"nama": "Nota Dinas Laporan Pelaksanaan", "tata": "nota_dinas", "rute_paraf": ["kabid"],
                  "isian": [{"nama": "dari", "label": "Dari", "jenis": "teks", "wajib": True}],
                  "templat_isi": TEMPLAT_NOTA, "urutan": 32},
    )  # fmt: skip
