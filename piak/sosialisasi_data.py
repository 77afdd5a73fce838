"""Default data of sosialisasi kebijakan kependudukan: the categories of participants counted from the
daftar hadir (the office edits them in admin). The report uses the jenis naskah «Nota Dinas Laporan
Pelaksanaan» of ``piak.inovasi_data``; the letter to the kecamatan and the surat tugas use the
Sekretariat's «Surat Dinas» and «Surat Tugas». Idempotent."""

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
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    kategori = apps.get_model("piak", "KategoriPeserta")
    if kategori.objects.exists():
        return
    for urutan, nama in enumerate(KATEGORI, start=1):
        kategori.objects.get_or_create(nama=nama, defaults={"urutan": urutan})
