"""Seed data for naskah dinas keluar, loaded by the data migration and editable in admin afterwards.

KLASIFIKASI: the main classes 000–900 of the kode klasifikasi arsip of the Lampiran of Permendagri
83/2022 (Pedoman Klasifikasi Arsip di Lingkungan Kementerian Dalam Negeri dan Pemerintah Daerah)
and the second-level codes this office uses for its outgoing letters (umum, kependudukan,
kepegawaian, keuangan). Check them against the Lampiran of the regulation in force before
production use; add or deactivate codes in admin (*Kode klasifikasi arsip*).

JENIS: the naskah dinas of Permendagri 1/2023 (tata naskah dinas) the Sekretariat writes, each with
its tata letak, its own fields and its paraf route (roles, in order).
"""

KLASIFIKASI = """
000 Umum
005 Undangan
045 Kearsipan
050 Perencanaan
060 Organisasi dan Ketatalaksanaan
090 Perjalanan Dinas
100 Pemerintahan
200 Politik
300 Keamanan dan Ketertiban
400 Kesejahteraan Rakyat
470 Kependudukan
471 Pendaftaran Penduduk
472 Pencatatan Sipil
474 Pengelolaan Informasi Administrasi Kependudukan
500 Perekonomian
600 Pekerjaan Umum dan Ketenagaan
700 Pengawasan
800 Kepegawaian
810 Pengadaan Pegawai
820 Mutasi Pegawai
850 Cuti
870 Tata Usaha Kepegawaian
890 Pendidikan dan Pelatihan Pegawai
900 Keuangan
903 Anggaran
910 Pendapatan
930 Belanja
"""


def klasifikasi_rows() -> list[tuple[str, str, str | None]]:
    """(kode, nama, kode induk): 471 under 470, 470 under 400, 005 under 000."""
    rows = [line.split(" ", 1) for line in KLASIFIKASI.strip().splitlines()]
    kodes = {kode for kode, _ in rows}
    result = []
    for kode, nama in rows:
        parents = [p for p in (kode[:2] + "0", kode[0] + "00") if p != kode and p in kodes]
        result.append((kode, nama, parents[0] if parents else None))
    return result


def _isian(*fields: tuple[str, str, str, bool]) -> list[dict]:
    """(nama, label, jenis: teks|baris, wajib) → the JenisNaskah.isian definitions."""
    return [{"nama": n, "label": label, "jenis": j, "wajib": w} for n, label, j, w in fields]


_DASAR = ("dasar", "Dasar", "baris", True)
_PENUTUP = "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
_UNDANGAN = (
    "<p>Dengan hormat, kami mengundang Bapak/Ibu untuk hadir pada:</p>"
    "<table><tr><th>Hari/tanggal</th><th>Pukul</th><th>Tempat</th><th>Acara</th></tr>"
    "<tr><td>...</td><td>...</td><td>...</td><td>...</td></tr></table>"
    "<p>Mengingat pentingnya acara tersebut, dimohon hadir tepat waktu.</p>"
)
_KEPUTUSAN = "<p><b>KESATU</b>: ...</p><p><b>KEDUA</b>: Keputusan ini mulai berlaku pada tanggal ditetapkan.</p>"
_KEPUTUSAN_ISIAN = _isian(
    ("menimbang", "Menimbang", "baris", True),
    ("mengingat", "Mengingat", "baris", True),
    ("menetapkan", "Menetapkan", "teks", False),
)
_LAPORAN = "<ol><li>Pendahuluan</li><li>Kegiatan yang dilaksanakan</li><li>Hasil</li><li>Penutup</li></ol>"
_SEKRETARIS, _KABID_SEKRETARIS = ["sekretaris"], ["kabid", "sekretaris"]

# (kode, nama, tata, isian, rute_paraf, templat_isi)
JENIS = [
    ("surat-dinas", "Surat Dinas", "surat_dinas", [], _KABID_SEKRETARIS,
     "<p>Dengan hormat,</p><p>Sehubungan dengan ..., bersama ini kami sampaikan ...</p>" + _PENUTUP),
    ("nota-dinas", "Nota Dinas", "nota_dinas", _isian(("dari", "Dari", "teks", True)), _SEKRETARIS,
     "<p>Bersama ini kami laporkan ...</p>"),
    ("surat-tugas", "Surat Tugas", "surat_tugas",
     _isian(_DASAR, ("kepada", "Kepada (nama, NIP, jabatan)", "baris", True), ("untuk", "Untuk", "baris", True)),
     _SEKRETARIS, "<p>Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.</p>"),
    ("sppd", "Surat Perintah Perjalanan Dinas", "surat_tugas",
     _isian(_DASAR, ("kepada", "Pegawai yang diperintah", "baris", True),
            ("untuk", "Maksud perjalanan, tujuan dan lama", "baris", True)),
     _SEKRETARIS, "<p>Biaya perjalanan dibebankan pada DPA Dinas tahun anggaran berjalan.</p>"),
    ("undangan", "Undangan", "surat_dinas", [], _SEKRETARIS, _UNDANGAN),
    ("surat-keterangan", "Surat Keterangan", "berjudul", [], [],
     "<p>Yang bertanda tangan di bawah ini menerangkan bahwa ...</p>"),
    ("keputusan", "Keputusan", "keputusan", _KEPUTUSAN_ISIAN, _KABID_SEKRETARIS, _KEPUTUSAN),
    ("laporan", "Laporan", "berjudul", [], _SEKRETARIS, _LAPORAN),
]  # fmt: skip


INSTRUKSI_DISPOSISI = [
    "Tindak lanjuti",
    "Pelajari",
    "Edarkan",
    "Arsipkan",
    "Hadiri",
    "Siapkan jawaban",
    "Untuk diketahui",
    "Koordinasikan",
    "Proses sesuai ketentuan",
    "Tanggapan dan saran",
    "Wakili",
    "Laporkan hasilnya",
]


# The modules holding the Sekretariat's default data, each with ``load(apps=None)`` (idempotent).
# A new process adds its ``<process>_data`` module here.
DEFAULT_DATA = (
    "sekretariat.naskah_data",
    "sekretariat.presensi_data",
    "sekretariat.disiplin_data",
    "sekretariat.kepegawaian_data",
    "sekretariat.cuti_data",
    "sekretariat.gaji_data",
    "sekretariat.bmd_data",
    "sekretariat.anjab_data",
)


def load_defaults(sender=None, apps=None, **kwargs) -> None:
    """The Sekretariat's default data: run by its migrations and again after every migrate or flush
    (post_migrate), so a database emptied by a test or a reset office gets it back. Idempotent."""
    from importlib import import_module

    for module in DEFAULT_DATA:
        import_module(module).load(apps)


def laporan_berjudul(apps, *, kode: str, nama: str, rute_paraf: list[str], templat_isi: str, urutan: int = 40) -> None:
    """A report module's jenis naskah (tata «berjudul»), created unless its kode exists (idempotent;
    editable in admin afterwards). ``apps``: a migration's app registry, or None for the live one."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    apps.get_model("sekretariat", "JenisNaskah").objects.get_or_create(
        kode=kode,
        defaults={"nama": nama, "tata": "berjudul", "rute_paraf": rute_paraf, "templat_isi": templat_isi,
                  "urutan": urutan},
    )  # fmt: skip


def load(apps=None) -> None:
    """Create the classification and the jenis naskah unless they exist (idempotent)."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    instruksi = apps.get_model("sekretariat", "InstruksiDisposisi")
    if not instruksi.objects.exists():
        for urutan, nama in enumerate(INSTRUKSI_DISPOSISI, start=1):
            instruksi.objects.get_or_create(nama=nama, defaults={"urutan": urutan})
    klasifikasi = apps.get_model("sekretariat", "KlasifikasiArsip")
    jenis = apps.get_model("sekretariat", "JenisNaskah")
    pengaturan = apps.get_model("sekretariat", "PengaturanNaskah")
    rows = {}
    for kode, nama, induk in klasifikasi_rows():
        rows[kode], _ = klasifikasi.objects.get_or_create(kode=kode, defaults={"nama": nama, "induk": rows.get(induk)})
    for urutan, (kode, nama, tata, isian, rute, templat) in enumerate(JENIS):
        jenis.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "tata": tata,
                "isian": isian,
                "rute_paraf": rute,
                "templat_isi": templat,
                "urutan": urutan,
            },
        )
    if not pengaturan.objects.exists():
        pengaturan.objects.create()
