"""Default leave types (PP 11/2017 tentang Manajemen PNS, bagian Cuti, Pasal 310–340, as set out in
Peraturan BKN 24/2017) and the jenis naskah «surat-izin-cuti». Editable in admin; ``load()`` creates
only what is missing (idempotent), after a flush too (post_migrate, ``naskah_data.DEFAULT_DATA``)."""

# (kode, nama, satuan, batas, potong_saldo, hak_tahunan, masa_kerja_tahun, meniadakan_cuti_tahunan, dasar_hukum)
JENIS_CUTI = [
    ("tahunan", "Cuti tahunan", "hari_kerja", 24, True, 12, 1, False,
     "PP 11/2017 Pasal 310–313: 12 hari kerja setahun setelah bekerja 1 tahun; sisa dibawa paling "
     "banyak 18 (1 tahun) atau 24 hari kerja (2 tahun tidak digunakan)"),
    ("besar", "Cuti besar", "bulan", 3, False, 0, 5, True,
     "PP 11/2017: paling lama 3 bulan setelah bekerja 5 tahun terus-menerus; tidak berhak cuti tahunan "
     "pada tahun yang sama"),
    ("sakit", "Cuti sakit", "bulan", 12, False, 0, 0, False,
     "PP 11/2017: paling lama 1 tahun (dapat ditambah 6 bulan atas keterangan Tim Penguji Kesehatan)"),
    ("melahirkan", "Cuti melahirkan", "bulan", 3, False, 0, 0, False,
     "PP 11/2017: paling lama 3 bulan, untuk kelahiran anak pertama sampai ketiga"),
    ("alasan-penting", "Cuti karena alasan penting", "bulan", 1, False, 0, 0, False,
     "PP 11/2017: paling lama 1 bulan"),
    ("cltn", "Cuti di luar tanggungan negara", "bulan", 36, False, 0, 5, False,
     "PP 11/2017: paling lama 3 tahun setelah bekerja 5 tahun terus-menerus"),
]  # fmt: skip

TEMPLAT_IZIN = (
    "<p>Diberikan cuti kepada pegawai negeri sipil berikut: ...</p>"
    "<p>Selama menjalankan cuti alamat yang bersangkutan adalah ...</p>"
    "<p>Dengan ketentuan sebelum menjalankan cuti wajib menyerahkan pekerjaannya kepada atasan langsungnya; "
    "setelah selesai menjalankan cuti wajib melaporkan diri kepada atasan langsungnya dan bekerja kembali "
    "sebagaimana biasa.</p>"
)
KODE_NASKAH = "surat-izin-cuti"


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    jenis_cuti = apps.get_model("sekretariat", "JenisCuti")
    for urutan, (kode, nama, satuan, batas, potong, hak, masa, meniadakan, dasar) in enumerate(JENIS_CUTI, 1):
        jenis_cuti.objects.get_or_create(
            kode=kode,
            defaults={"nama": nama, "satuan": satuan, "batas": batas, "potong_saldo": potong, "hak_tahunan": hak,
                      "masa_kerja_tahun": masa, "meniadakan_cuti_tahunan": meniadakan, "dasar_hukum": dasar,
                      "urutan": urutan},
        )  # fmt: skip
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode=KODE_NASKAH,
        defaults={"nama": "Surat Izin Cuti", "tata": "berjudul", "rute_paraf": ["sekretaris"],
                  "templat_isi": TEMPLAT_IZIN, "urutan": 22},
    )  # fmt: skip
