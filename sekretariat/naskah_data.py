"""Seed data for naskah dinas keluar, loaded by the data migration and editable in admin afterwards.

KLASIFIKASI: the main classes 000–900 of the kode klasifikasi arsip of the Lampiran of Permendagri
83/2022 (Pedoman Klasifikasi Arsip di Lingkungan Kementerian Dalam Negeri dan Pemerintah Daerah)
and the second-level codes this office uses for its outgoing letters (umum, kependudukan,
kepegawaian, keuangan). Check them against the Lampiran of the regulation in force before
production use; add or deactivate codes in admin (*Kode klasifikasi arsip*).

JENIS: the naskah dinas of Permendagri 1/2023 (tata naskah dinas) the Sekretariat writes, each with
its tata letak, its own fields and its paraf route (roles, in order).
"""

KLASIFIKASI = [
    ("000", "Umum", None),
    ("005", "Undangan", "000"),
    ("045", "Kearsipan", "000"),
    ("050", "Perencanaan", "000"),
    ("060", "Organisasi dan Ketatalaksanaan", "000"),
    ("090", "Perjalanan Dinas", "000"),
    ("100", "Pemerintahan", None),
    ("200", "Politik", None),
    ("300", "Keamanan dan Ketertiban", None),
    ("400", "Kesejahteraan Rakyat", None),
    ("470", "Kependudukan", "400"),
    ("471", "Pendaftaran Penduduk", "470"),
    ("472", "Pencatatan Sipil", "470"),
    ("474", "Pengelolaan Informasi Administrasi Kependudukan", "470"),
    ("500", "Perekonomian", None),
    ("600", "Pekerjaan Umum dan Ketenagaan", None),
    ("700", "Pengawasan", None),
    ("800", "Kepegawaian", None),
    ("810", "Pengadaan Pegawai", "800"),
    ("820", "Mutasi Pegawai", "800"),
    ("850", "Cuti", "800"),
    ("870", "Tata Usaha Kepegawaian", "800"),
    ("890", "Pendidikan dan Pelatihan Pegawai", "800"),
    ("900", "Keuangan", None),
    ("903", "Anggaran", "900"),
    ("910", "Pendapatan", "900"),
    ("930", "Belanja", "900"),
]

_TEKS = "teks"
_BARIS = "baris"

JENIS = [
    {
        "kode": "surat-dinas",
        "nama": "Surat Dinas",
        "tata": "surat_dinas",
        "isian": [],
        "rute_paraf": ["kabid", "sekretaris"],
        "templat_isi": "<p>Dengan hormat,</p><p>Sehubungan dengan ..., bersama ini kami sampaikan ...</p>"
        "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>",
    },
    {
        "kode": "nota-dinas",
        "nama": "Nota Dinas",
        "tata": "nota_dinas",
        "isian": [{"nama": "dari", "label": "Dari", "jenis": _TEKS, "wajib": True}],
        "rute_paraf": ["sekretaris"],
        "templat_isi": "<p>Bersama ini kami laporkan ...</p>",
    },
    {
        "kode": "surat-tugas",
        "nama": "Surat Tugas",
        "tata": "surat_tugas",
        "isian": [
            {"nama": "dasar", "label": "Dasar", "jenis": _BARIS, "wajib": True},
            {"nama": "kepada", "label": "Kepada (nama, NIP, jabatan)", "jenis": _BARIS, "wajib": True},
            {"nama": "untuk", "label": "Untuk", "jenis": _BARIS, "wajib": True},
        ],
        "rute_paraf": ["sekretaris"],
        "templat_isi": "<p>Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.</p>",
    },
    {
        "kode": "sppd",
        "nama": "Surat Perintah Perjalanan Dinas",
        "tata": "surat_tugas",
        "isian": [
            {"nama": "dasar", "label": "Dasar", "jenis": _BARIS, "wajib": True},
            {"nama": "kepada", "label": "Pegawai yang diperintah", "jenis": _BARIS, "wajib": True},
            {"nama": "untuk", "label": "Maksud perjalanan, tujuan dan lama", "jenis": _BARIS, "wajib": True},
        ],
        "rute_paraf": ["sekretaris"],
        "templat_isi": "<p>Biaya perjalanan dibebankan pada DPA Dinas tahun anggaran berjalan.</p>",
    },
    {
        "kode": "undangan",
        "nama": "Undangan",
        "tata": "surat_dinas",
        "isian": [],
        "rute_paraf": ["sekretaris"],
        "templat_isi": "<p>Dengan hormat, kami mengundang Bapak/Ibu untuk hadir pada:</p>"
        "<table><tr><th>Hari/tanggal</th><th>Pukul</th><th>Tempat</th><th>Acara</th></tr>"
        "<tr><td>...</td><td>...</td><td>...</td><td>...</td></tr></table>"
        "<p>Mengingat pentingnya acara tersebut, dimohon hadir tepat waktu.</p>",
    },
    {
        "kode": "surat-keterangan",
        "nama": "Surat Keterangan",
        "tata": "berjudul",
        "isian": [],
        "rute_paraf": [],
        "templat_isi": "<p>Yang bertanda tangan di bawah ini menerangkan bahwa ...</p>",
    },
    {
        "kode": "keputusan",
        "nama": "Keputusan",
        "tata": "keputusan",
        "isian": [
            {"nama": "menimbang", "label": "Menimbang", "jenis": _BARIS, "wajib": True},
            {"nama": "mengingat", "label": "Mengingat", "jenis": _BARIS, "wajib": True},
            {"nama": "menetapkan", "label": "Menetapkan", "jenis": _TEKS, "wajib": False},
        ],
        "rute_paraf": ["kabid", "sekretaris"],
        "templat_isi": "<p><b>KESATU</b>: ...</p>"
        "<p><b>KEDUA</b>: Keputusan ini mulai berlaku pada tanggal ditetapkan.</p>",
    },
    {
        "kode": "laporan",
        "nama": "Laporan",
        "tata": "berjudul",
        "isian": [],
        "rute_paraf": ["sekretaris"],
        "templat_isi": "<ol><li>Pendahuluan</li><li>Kegiatan yang dilaksanakan</li><li>Hasil</li><li>Penutup</li></ol>",
    },
]


def load(apps=None) -> None:
    """Create the classification and the jenis naskah unless they exist (idempotent)."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    klasifikasi = apps.get_model("sekretariat", "KlasifikasiArsip")
    jenis = apps.get_model("sekretariat", "JenisNaskah")
    pengaturan = apps.get_model("sekretariat", "PengaturanNaskah")
    rows = {}
    for kode, nama, induk in KLASIFIKASI:
        rows[kode], _ = klasifikasi.objects.get_or_create(kode=kode, defaults={"nama": nama, "induk": rows.get(induk)})
    for urutan, row in enumerate(JENIS):
        jenis.objects.get_or_create(kode=row["kode"], defaults={**row, "urutan": urutan})
    if not pengaturan.objects.exists():
        pengaturan.objects.create()
