"""Default data of sosialisasi kebijakan kependudukan: the categories of participants counted from the
daftar hadir (the office edits them in admin). The report uses the jenis naskah «Nota Dinas Laporan
Pelaksanaan» of ``piak.inovasi_data``; the letter to the kecamatan and the surat tugas use the
Sekretariat's «Surat Dinas» and «Surat Tugas». Idempotent."""

from django.apps import apps as django_apps

KATEGORI = [
    "Aparatur kecamatan",
    "Kepala desa/lurah dan perangkat desa",
    "Ketua RT/RW",
    "Kader posyandu dan PKK",
    "Tokoh masyarakat dan tokoh agama",
    "Pelajar/guru",
    "Masyarakat umum",
]


def load(apps=None) -> None:
    apps = apps or django_apps  # the migration's historical apps, or the live registry
    kategori = apps.get_model("piak", "KategoriPeserta")
    if kategori.objects.exists():
        return
    for urutan, nama in enumerate(KATEGORI, start=1):
        kategori.objects.get_or_create(nama=nama, defaults={"urutan": urutan})
