"""Pangkat/golongan ruang and the Dinas's jabatan as data: loaded by migration 0003_kepegawaian
and again after a test flushes the database."""

GOLONGAN = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]

# The Dinas's own jabatan (Perbup SOTK); bup left empty uses the PP 11/2017 value of the kind.
JABATAN = [
    ("Kepala Dinas", 10),
    ("Sekretaris", 20),
    ("Kepala Bidang Pelayanan Pendaftaran Penduduk", 20),
    ("Kepala Bidang Pelayanan Pencatatan Sipil", 20),
    ("Kepala Bidang Pengelolaan Informasi Administrasi Kependudukan", 20),
    ("Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan", 20),
    ("Kepala Subbagian Umum dan Kepegawaian", 30),
    ("Kepala Subbagian Perencanaan dan Keuangan", 30),
    ("Kepala Seksi", 30),
    ("Administrator Database Kependudukan Ahli Muda", 35),
    ("Administrator Database Kependudukan Ahli Pertama", 40),
    ("Analis Kebijakan Ahli Madya", 25),
    ("Pranata Komputer Terampil", 45),
    ("Pengadministrasi Perkantoran", 50),
    ("Pengolah Data dan Informasi", 50),
    ("Penata Layanan Operasional", 50),
    ("Bendahara", 50),
]

# The surat usulan to BKPSDM/BKD (Lumajang: Prosedur Pengusulan Kenaikan Gaji Berkala, Kenaikan
# Pangkat, MPP, Pensiun, KARIS/KARSU): Kasubag checks, Sekretaris paraf, Kadis signs, then it is sent.
JENIS_USULAN = {
    "kode": "surat-usulan-kepegawaian",
    "nama": "Surat Usulan Kepegawaian",
    "tata": "surat_dinas",
    "rute_paraf": ["sekretaris"],
    "urutan": 90,
    "templat_isi": "<p>Dengan hormat, bersama ini kami usulkan {usulan} bagi pegawai berikut.</p>",
}


def load(apps=None) -> None:
    if apps is None:
        from django.apps import apps
    golongan_model, jabatan_model, jenis_naskah_model = (
        apps.get_model("sekretariat", name) for name in ("Golongan", "Jabatan", "JenisNaskah")
    )
    jenis = dict(JENIS_USULAN)
    jenis_naskah_model.objects.get_or_create(kode=jenis.pop("kode"), defaults=jenis)
    for urutan, (kode, pangkat) in enumerate(GOLONGAN, start=1):
        golongan_model.objects.update_or_create(kode=kode, defaults={"pangkat": pangkat, "urutan": urutan})
    for nama, jenis in JABATAN:
        jabatan_model.objects.get_or_create(nama=nama, defaults={"jenis": jenis})
