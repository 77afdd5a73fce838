"""The jenis naskah of the surat usulan pemeliharaan/penghapusan BMD (to BPKAD), loaded by the
migration and again after a flush (sekretariat.naskah_data.DEFAULT_DATA)."""

JENIS_USULAN_BMD = {
    "kode": "surat-usulan-bmd",
    "nama": "Surat Usulan Pemeliharaan/Penghapusan BMD",
    "tata": "surat_dinas",
    "rute_paraf": ["sekretaris"],
    "urutan": 91,
    "templat_isi": (
        "<p>Dengan hormat, bersama ini kami usulkan pemeliharaan/penghapusan barang milik daerah "
        "sebagaimana daftar terlampir.</p>"
    ),
}


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps
    jenis = dict(JENIS_USULAN_BMD)
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(kode=jenis.pop("kode"), defaults=jenis)
