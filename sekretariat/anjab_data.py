"""The jenis naskah of the usulan Anjab dan ABK to the Bagian Organisasi (P1.2.3), loaded by the
migration and again after a flush (sekretariat.naskah_data.DEFAULT_DATA)."""

JENIS_USULAN_ANJAB = {
    "kode": "usulan-anjab-abk",
    "nama": "Usulan Analisis Jabatan dan Analisis Beban Kerja",
    "tata": "surat_dinas",
    "rute_paraf": ["sekretaris"],
    "urutan": 92,
    "templat_isi": "<p>Dengan hormat, bersama ini kami sampaikan usulan Analisis Jabatan dan Analisis Beban Kerja.</p>",
}


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps
    jenis = dict(JENIS_USULAN_ANJAB)
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(kode=jenis.pop("kode"), defaults=jenis)
