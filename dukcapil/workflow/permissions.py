"""Who may do what: the one permissions table of the office (role × bidang × action).

Every layer asks this module and nothing else: the FSM ``permission=`` callables on the models
(``requires``), the services (``ensure``), the buttons and menus of the pages (``izin`` template
tag / ``user_actions``), the kotak masuk (``actions_of`` gives the actions whose work items a user
holds) and the API. A role is a Django group named after ``Role``; a user belongs to one bidang
(none: office-wide, e.g. the Kadis) and optionally a sub-unit (seksi / subbagian).

Scope of a grant:
- ``BIDANG``: records of the user's own bidang (every bidang for a user without one);
- ``KANTOR``: records of every bidang (the Sekretariat's letters cross bidang, the Kadis signs all).

System-only transitions (printing done, blangko received, the sweep) have no row here: no user
path can reach them (``SYSTEM`` as their permission always answers no).
"""

from dataclasses import dataclass
from enum import Enum
from functools import cache

from django.db import models
from django.db.models import Q

from ..choices import Role


class Aksi(models.TextChoices):
    LIHAT = "lihat", "Melihat berkas bidangnya"
    TERIMA = "terima", "Menerima berkas di loket"
    ENTRI = "entri", "Mengentri data (operator SIAK)"
    VERIFIKASI = "verifikasi", "Memverifikasi dan memaraf (Kasi)"
    VALIDASI = "validasi", "Memvalidasi dan memaraf (Kabid)"
    TTE = "tte", "Menandatangani secara elektronik (Kadis)"
    SERAHKAN = "serahkan", "Menyerahkan dokumen kepada pemohon"
    BATALKAN = "batalkan", "Membatalkan berkas"
    BLANGKO = "blangko", "Mencatat penerimaan blangko"
    LIHAT_REGISTER = "lihat_register", "Melihat database penduduk dan register akta"
    PRODUKSI_ULANG = "produksi_ulang", "Memproduksi ulang dokumen yang tertahan di «cetak»"
    PEREKAMAN = "perekaman", "Menjadwalkan dan mencatat perekaman KTP-el"
    # naskah dinas and surat (Sekretariat, and every bidang's letters)
    KONSEP_NASKAH = "konsep_naskah", "Menyusun konsep naskah dinas"
    PERIKSA_NASKAH = "periksa_naskah", "Memeriksa konsep naskah dinas (Kasubag)"
    PARAF_NASKAH = "paraf_naskah", "Memaraf naskah dinas (Sekretaris/Kabid)"
    NOMOR_NASKAH = "nomor_naskah", "Memberi nomor, mengirim dan mengarsipkan naskah"
    AGENDA_SURAT = "agenda_surat", "Mengagendakan surat masuk"
    DISPOSISI = "disposisi", "Memberi disposisi surat masuk"
    TINDAK_LANJUT = "tindak_lanjut", "Menindaklanjuti disposisi"
    # --- presensi (Sekretariat, issue 15) ---
    PRESENSI = "presensi", "Mengimpor presensi, mencatat keterangan dan menyusun rekap presensi"
    # --- end presensi ---
    # --- disiplin (Sekretariat, issue 15) ---
    DISIPLIN = "disiplin", "Mencatat teguran dan surat peringatan disiplin pegawai"
    # --- end disiplin ---
    # --- bmd: barang milik daerah, KIR, mutasi, usulan pemeliharaan/penghapusan (Sekretariat, issue 15) ---
    BMD_LIHAT = "bmd_lihat", "Melihat KIR dan barang milik daerah"
    BMD_KELOLA = "bmd_kelola", "Mengelola KIR, label, mutasi dan usulan BMD (pengurus barang)"
    BMD_PERIKSA = "bmd_periksa", "Memeriksa usulan pemeliharaan/penghapusan BMD (Kasubag Umum)"
    BMD_PARAF = "bmd_paraf", "Memaraf usulan pemeliharaan/penghapusan BMD (Sekretaris)"
    BMD_SETUJUI = "bmd_setujui", "Menyetujui usulan pemeliharaan/penghapusan BMD (Kadis)"
    # --- end bmd ---

    # keuangan (SPP → SPM → SP2D; sekretariat/models/keuangan.py)
    SPP_SIAPKAN = "spp_siapkan", "Menyiapkan SPP (PPTK)"
    SPP_AJUKAN = "spp_ajukan", "Mengajukan SPP (Bendahara)"
    SPP_PERIKSA = "spp_periksa", "Memeriksa SPP (PPK)"
    SPM_TANDATANGAN = "spm_tandatangan", "Menandatangani SPM (PA)"
    SP2D_CATAT = "sp2d_catat", "Mencatat SP2D dan pencairan (Bendahara)"
    KEUANGAN_LIHAT = "keuangan_lihat", "Melihat register SPP, DPA dan realisasi"
    DPA_IMPOR = "dpa_impor", "Mengimpor DPA"
    # --- end keuangan
    # SPJ dan daftar gaji (keuangan, issue 15; sekretariat/models/spj.py, gaji.py)
    SPJ_SUSUN = "spj_susun", "Menyusun SPJ administratif (Bendahara/PPTK)"
    SPJ_VERIFIKASI = "spj_verifikasi", "Memverifikasi SPJ (PPK)"
    SPJ_TANDATANGAN = "spj_tandatangan", "Menandatangani SPJ administratif (PPTK)"
    SPJ_FUNGSIONAL_SUSUN = "spj_fungsional_susun", "Menyusun SPJ fungsional dan mencatat terima BPPKAD (Bendahara)"
    SPJ_FUNGSIONAL_TANDATANGAN = "spj_fungsional_tandatangan", "Menandatangani SPJ fungsional (PA)"
    GAJI_SUSUN = "gaji_susun", "Menyusun daftar gaji (Bendahara gaji)"
    GAJI_PERIKSA = "gaji_periksa", "Memeriksa daftar gaji (PPK)"
    GAJI_TANDATANGAN = "gaji_tandatangan", "Menandatangani daftar gaji (PA)"
    # --- end SPJ dan daftar gaji
    # perencanaan dan pelaporan (sekretariat/models/perencanaan.py)
    PERENCANAAN_SUSUN = "perencanaan_susun", "Menyusun dokumen perencanaan/pelaporan (pemegang)"
    PERENCANAAN_PERIKSA = "perencanaan_periksa", "Memeriksa dokumen perencanaan (Kasubag)"
    PERENCANAAN_PARAF = "perencanaan_paraf", "Memaraf dokumen perencanaan (Sekretaris)"
    PERENCANAAN_SETUJUI = "perencanaan_setujui", "Menyetujui dokumen perencanaan (Kadis)"
    # --- end perencanaan

    # kepegawaian (Sekretariat, Subbag Umum dan Kepegawaian)
    LIHAT_PEGAWAI = "lihat_pegawai", "Melihat data pegawai, DUK dan buku kendali"
    KELOLA_PEGAWAI = "kelola_pegawai", "Mengelola data pegawai dan usulan kepegawaian"
    # --- cuti pegawai (Sekretariat, issue 15) ---
    CUTI_PERIKSA = "cuti_periksa", "Memeriksa permohonan cuti dan mengelola register saldo cuti (Kasubag)"
    CUTI_PARAF = "cuti_paraf", "Memaraf permohonan cuti (Sekretaris)"
    CUTI_PUTUS = "cuti_putus", "Menyetujui atau menolak permohonan cuti (Kadis)"
    # --- end cuti ---
    # --- Anjab/ABK dan program pengembangan SDM (Sekretariat, issue 15, Probolinggo P1.2.3) ---
    ANJAB_LIHAT = "anjab_lihat", "Melihat Anjab/ABK dan program pengembangan SDM"
    ANJAB_KELOLA = "anjab_kelola", "Membuka putaran Anjab/ABK, menghimpun usulan dan mencatat Perwali (Kasubag)"
    ANJAB_ISI = "anjab_isi", "Mengisi formulir Anjab/ABK jabatan (pemangku jabatan, analis)"
    ANJAB_VERIFIKASI = "anjab_verifikasi", "Memverifikasi atau mengembalikan isian Anjab/ABK (analis kepegawaian)"
    PROGRAM_SDM = "program_sdm", "Menyusun program pengembangan SDM (Kadis, Kasubag)"
    # --- end Anjab/ABK ---

    # --- laporan perkembangan kependudukan (PIAK, piak/models/laporan_penduduk.py) ---
    LAPDUK_LIHAT = "lapduk_lihat", "Melihat laporan perkembangan kependudukan"
    LAPDUK_SUSUN = "lapduk_susun", "Menyusun dan menganalisa laporan perkembangan kependudukan (Kasi PIAK)"
    LAPDUK_KOREKSI = "lapduk_koreksi", "Mengoreksi laporan perkembangan kependudukan (Kabid PIAK)"
    LAPDUK_PARAF = "lapduk_paraf", "Menyetujui dan memaraf laporan perkembangan kependudukan (Sekretaris)"
    LAPDUK_REGISTRASI = "lapduk_registrasi", "Meregistrasi laporan perkembangan kependudukan (ADB)"
    # --- end laporan perkembangan kependudukan ---

    # --- PIAK kerja sama/permintaan data (issue 16) ---
    KERJASAMA_LIHAT = "kerjasama_lihat", "Melihat register kerja sama dan permintaan data (PIAK)"
    KERJASAMA_KELOLA = "kerjasama_kelola", "Menyusun dan mencatat perjanjian kerja sama (Kasi PIAK)"
    KERJASAMA_BAHAS = "kerjasama_bahas", "Membahas dan menyetujui draf perjanjian kerja sama (Kabid PIAK)"
    KERJASAMA_PARAF = "kerjasama_paraf", "Memaraf perjanjian kerja sama (Sekretaris)"
    PERMINTAAN_PERIKSA = "permintaan_periksa", "Memeriksa PKS dan memverifikasi permintaan data (Kasi PIAK)"
    PERMINTAAN_OLAH = "permintaan_olah", "Mengolah permintaan data dan mencatat data yang keluar (ADB)"
    PERMINTAAN_SETUJUI = "permintaan_setujui", "Memverifikasi hasil permintaan data (Kabid PIAK)"
    # --- end PIAK kerja sama/permintaan data ---

    # PIAK pengaduan/publikasi (piak/models/pengaduan.py, publikasi.py; Probolinggo P.6.5, P.6.2)
    PENGADUAN_KELOLA = "pengaduan_kelola", "Mencatat, mentriase dan menutup pengaduan/permintaan informasi (PIAK)"
    PENGADUAN_JAWAB = "pengaduan_jawab", "Menjawab pengaduan yang ditugaskan ke bidangnya (Kasi/Kabid)"
    PENGADUAN_SETUJUI = "pengaduan_setujui", "Menyetujui jawaban pengaduan (Kabid PIAK)"
    PUBLIKASI_SUSUN = "publikasi_susun", "Menyusun draf publikasi dan mencatat posting (tim pengelola PIAK)"
    PUBLIKASI_PERIKSA = "publikasi_periksa", "Memeriksa draf publikasi (Kasi PIAK)"
    PUBLIKASI_SEKRETARIS = "publikasi_sekretaris", "Menyetujui draf publikasi (Sekretaris)"
    PUBLIKASI_KADIS = "publikasi_kadis", "Menyetujui draf publikasi (Kadis)"
    # --- end PIAK pengaduan/publikasi

    # --- PIAK gangguan (SIAK, jaringan, perangkat) ---
    GANGGUAN_LAPOR = "gangguan_lapor", "Melaporkan gangguan SIAK, jaringan atau perangkat"
    GANGGUAN_TANGANI = "gangguan_tangani", "Mentriase, menugaskan dan menyelesaikan gangguan (PIAK)"
    GANGGUAN_REKAP = "gangguan_rekap", "Melihat daftar gangguan dan laporan berkala monitoring"
    GANGGUAN_MONITORING = "gangguan_monitoring", "Menyusun laporan berkala monitoring jaringan (Kasi PIAK)"
    # --- end PIAK gangguan
    # --- PIAK operasional (registers of the data centre and the SIAK devices)
    OPERASIONAL_LIHAT = "operasional_lihat", "Melihat register operasional pusat data dan perangkat SIAK"
    OPERASIONAL_KELOLA = "operasional_kelola", "Mencatat register operasional pusat data (ADB/Kasi PIAK)"
    # --- end PIAK operasional

    # --- PIAK inovasi layanan (P.6.6) ---
    INOVASI_LIHAT = "inovasi_lihat", "Melihat program inovasi layanan"
    INOVASI_KELOLA = "inovasi_kelola", "Mengusulkan dan mengelola program inovasi layanan (Bidang PIAK)"
    INOVASI_SETUJUI = "inovasi_setujui", "Menyetujui atau mengembalikan rancangan inovasi (Kadis)"
    # --- end PIAK inovasi

    # --- PIAK distribusi blangko ke kecamatan ---
    BLANGKO_DIST_LIHAT = "blangko_dist_lihat", "Melihat stok dan permintaan blangko kecamatan (PIAK)"
    BLANGKO_DIST_CATAT = "blangko_dist_catat", "Mencatat penerimaan, permintaan dan serah terima blangko (PIAK)"
    BLANGKO_DIST_USUL = "blangko_dist_usul", "Mengusulkan jumlah blangko untuk kecamatan (Kasi PIAK)"
    BLANGKO_DIST_PUTUS = "blangko_dist_putus", "Memutuskan jumlah blangko untuk kecamatan (Kabid PIAK)"
    # --- end PIAK distribusi blangko

    # --- PIAK update data kependudukan (P.6.7) ---
    UPDATE_DATA_LIHAT = "update_data_lihat", "Melihat permohonan update data kependudukan"
    UPDATE_DATA_OLAH = "update_data_olah", "Menerima, memverifikasi dan mengajukan update data ke Ditjen (PIAK)"
    # --- end PIAK update data
    # --- PIAK sosialisasi kebijakan kependudukan (Lumajang) ---
    SOSIALISASI_LIHAT = "sosialisasi_lihat", "Melihat jadwal dan laporan sosialisasi kebijakan kependudukan"
    SOSIALISASI_KELOLA = "sosialisasi_kelola", "Merencanakan dan melaksanakan sosialisasi kebijakan kependudukan (PIAK)"
    # --- end PIAK sosialisasi

    # --- layanan online: the loket verifies applications made from a citizen's account (PELITA 3) ---
    VERIFIKASI_ONLINE = "verifikasi_online", "Memverifikasi permohonan online dan unggahan persyaratannya (FO)"
    # --- end layanan online
    # --- IKM: Survei Kepuasan Masyarakat (dukcapil/ikm, Permenpan-RB 14/2017) ---
    LIHAT_IKM = "lihat_ikm", "Melihat hasil survei kepuasan masyarakat (IKM)"
    LAPORAN_IKM = "laporan_ikm", "Menyusun laporan IKM semester dan analisisnya (Kasi)"
    # --- end IKM

    # --- kinerja layanan (issue 18): SLA dashboards, the late list, the monthly report ---
    LIHAT_KINERJA = "lihat_kinerja", "Melihat kinerja layanan dan daftar berkas terlambat"
    LAPORAN_KINERJA = "laporan_kinerja", "Menyusun laporan kinerja pelayanan bulanan (Kasubag)"
    # --- end kinerja layanan

    # --- antrian: kiosk/online tickets called at a loket (dukcapil/antrian/) ---
    PANGGIL_ANTRIAN = "panggil_antrian", "Memanggil dan melayani antrian di loket (front office)"
    STATISTIK_ANTRIAN = "statistik_antrian", "Melihat statistik antrian (waktu tunggu dan layanan)"
    # --- end antrian


class Lingkup(Enum):
    BIDANG = "bidang"
    KANTOR = "kantor"


B, K = Lingkup.BIDANG, Lingkup.KANTOR
A = Aksi

# The table. Add a row here, and the services, pages, kotak masuk and API follow.
TABLE: dict[Role, dict[Aksi, Lingkup]] = {
    Role.PETUGAS_LOKET: {A.LIHAT: B, A.TERIMA: B, A.SERAHKAN: B, A.BATALKAN: B, A.LIHAT_REGISTER: B},
    Role.OPERATOR_SIAK: {
        A.LIHAT: B,
        A.ENTRI: B,
        A.BLANGKO: B,
        A.LIHAT_REGISTER: B,
        A.KONSEP_NASKAH: B,
        A.PEREKAMAN: B,
    },
    Role.KASI: {
        A.LIHAT: B,
        A.VERIFIKASI: B,
        A.BATALKAN: B,
        A.LIHAT_REGISTER: B,
        A.KONSEP_NASKAH: B,
        A.PERIKSA_NASKAH: B,  # the letters of their own bidang (the Kasubag checks every bidang's)
        A.TINDAK_LANJUT: B,
        A.DISPOSISI: B,
        A.PRODUKSI_ULANG: B,
    },
    Role.KABID: {
        A.LIHAT: B,
        A.VALIDASI: B,
        A.LIHAT_REGISTER: B,  # validating an entry is checking it against the register, as the Kasi does
        A.BATALKAN: B,
        A.PERIKSA_NASKAH: B,
        A.PARAF_NASKAH: B,
        A.TINDAK_LANJUT: B,
        A.DISPOSISI: B,
    },
    Role.KADIS: {A.LIHAT: K, A.TTE: K, A.DISPOSISI: K},
    Role.PETUGAS_PENGAMBILAN: {A.LIHAT: B, A.SERAHKAN: B},
    Role.ADMIN: {A.LIHAT: K, A.PRODUKSI_ULANG: K},
    Role.SEKRETARIS: {A.LIHAT: K, A.PARAF_NASKAH: K, A.DISPOSISI: K, A.TINDAK_LANJUT: K},
    Role.KASUBAG: {A.PERIKSA_NASKAH: K, A.KONSEP_NASKAH: B, A.DISPOSISI: B, A.TINDAK_LANJUT: B},
    Role.AGENDARIS: {A.AGENDA_SURAT: K, A.NOMOR_NASKAH: K},
    Role.ADB: {A.LIHAT_REGISTER: K, A.PEREKAMAN: K, A.TINDAK_LANJUT: B},
    Role.PPTK: {A.KONSEP_NASKAH: B, A.TINDAK_LANJUT: B},
    Role.BENDAHARA: {A.KONSEP_NASKAH: B, A.TINDAK_LANJUT: B},
    Role.PPK: {A.KONSEP_NASKAH: B, A.TINDAK_LANJUT: B},
    Role.STAF: {A.KONSEP_NASKAH: B, A.TINDAK_LANJUT: B},
}
# --- presensi (Sekretariat, issue 15): the Kasubag Umum and the Sekretariat's staff keep it ---
TABLE[Role.KASUBAG][A.PRESENSI] = K
TABLE[Role.SEKRETARIS][A.PRESENSI] = K
TABLE[Role.STAF][A.PRESENSI] = B
# --- end presensi ---
# --- disiplin (Sekretariat, issue 15): the Kasubag Umum and Kepegawaian and the Sekretaris ---
TABLE[Role.KASUBAG][A.DISIPLIN] = K
TABLE[Role.SEKRETARIS][A.DISIPLIN] = K
# --- end disiplin ---

# keuangan: PA = the Kadis
for _role, _row in {
    Role.PPTK: {A.SPP_SIAPKAN: B, A.KEUANGAN_LIHAT: K},
    Role.BENDAHARA: {A.SPP_AJUKAN: B, A.SP2D_CATAT: B, A.KEUANGAN_LIHAT: K, A.DPA_IMPOR: K},
    Role.PPK: {A.SPP_PERIKSA: B, A.KEUANGAN_LIHAT: K, A.DPA_IMPOR: K},
    Role.KADIS: {A.SPM_TANDATANGAN: K, A.KEUANGAN_LIHAT: K},
    Role.SEKRETARIS: {A.KEUANGAN_LIHAT: K},
}.items():
    TABLE[_role].update(_row)
del _role, _row
# --- end keuangan
# SPJ dan daftar gaji (issue 15): Bendahara/PPTK → PPK → PPTK (administratif) or PA (fungsional, gaji)
for _role, _row in {
    Role.PPTK: {A.SPJ_SUSUN: B, A.SPJ_TANDATANGAN: B},
    Role.BENDAHARA: {A.SPJ_SUSUN: B, A.SPJ_FUNGSIONAL_SUSUN: B, A.GAJI_SUSUN: B},
    Role.PPK: {A.SPJ_VERIFIKASI: B, A.GAJI_PERIKSA: B},
    Role.KADIS: {A.SPJ_FUNGSIONAL_TANDATANGAN: K, A.GAJI_TANDATANGAN: K},
}.items():
    TABLE[_role].update(_row)
del _role, _row
# --- end SPJ dan daftar gaji
# perencanaan dan pelaporan: the holder writes, Kasubag → Sekretaris → Kadis
for _role, _row in {
    Role.STAF: {A.PERENCANAAN_SUSUN: B},
    Role.PPTK: {A.PERENCANAAN_SUSUN: B},
    Role.BENDAHARA: {A.PERENCANAAN_SUSUN: B},
    Role.PPK: {A.PERENCANAAN_SUSUN: B},
    Role.KASUBAG: {A.PERENCANAAN_SUSUN: B, A.PERENCANAAN_PERIKSA: B},
    Role.SEKRETARIS: {A.PERENCANAAN_SUSUN: K, A.PERENCANAAN_PARAF: K},
    Role.KADIS: {A.PERENCANAAN_SETUJUI: K},
}.items():
    TABLE[_role].update(_row)
del _role, _row
# --- end perencanaan

# --- kepegawaian: the Kasubag Umum dan Kepegawaian keeps the data, the leaders read it ---
TABLE[Role.KASUBAG] |= {A.LIHAT_PEGAWAI: K, A.KELOLA_PEGAWAI: K}
TABLE[Role.SEKRETARIS] |= {A.LIHAT_PEGAWAI: K}
TABLE[Role.KADIS] |= {A.LIHAT_PEGAWAI: K}
TABLE[Role.ADMIN] |= {A.LIHAT_PEGAWAI: K, A.KELOLA_PEGAWAI: K}
# --- end kepegawaian ---
# --- cuti pegawai (Sekretariat, issue 15): Kasubag checks, Sekretaris initials, Kadis decides ---
TABLE[Role.KASUBAG][A.CUTI_PERIKSA] = K
TABLE[Role.SEKRETARIS][A.CUTI_PARAF] = K
TABLE[Role.KADIS][A.CUTI_PUTUS] = K
# --- end cuti ---
# --- Anjab/ABK dan program pengembangan SDM (P1.2.3): the Kasubag opens and compiles, the staff
# (pemangku jabatan, the analis kepegawaian of the Sekretariat) fill and verify, the Kadis draws up
# the programme with the Kasubag; the Sekretaris reads ---
TABLE[Role.STAF] |= {A.ANJAB_LIHAT: B, A.ANJAB_ISI: B, A.ANJAB_VERIFIKASI: B}
TABLE[Role.KASUBAG] |= {A.ANJAB_LIHAT: K, A.ANJAB_KELOLA: K, A.ANJAB_ISI: K, A.PROGRAM_SDM: K}
TABLE[Role.SEKRETARIS] |= {A.ANJAB_LIHAT: K}
TABLE[Role.KADIS] |= {A.ANJAB_LIHAT: K, A.PROGRAM_SDM: K}
# --- end Anjab/ABK ---

# --- laporan perkembangan kependudukan (PIAK): Kasi → Kabid → Sekretaris → Kadis (TTE) → ADB ---
TABLE[Role.KASI] |= {A.LAPDUK_LIHAT: B, A.LAPDUK_SUSUN: B}
TABLE[Role.KABID] |= {A.LAPDUK_LIHAT: B, A.LAPDUK_KOREKSI: B}
TABLE[Role.SEKRETARIS] |= {A.LAPDUK_LIHAT: K, A.LAPDUK_PARAF: K}
TABLE[Role.KADIS] |= {A.LAPDUK_LIHAT: K}
TABLE[Role.ADB] |= {A.LAPDUK_LIHAT: B, A.LAPDUK_REGISTRASI: B}
# --- end laporan perkembangan kependudukan ---
# --- PIAK kerja sama/permintaan data (issue 16): Kasi checks and writes, ADB processes, Kabid
# verifies, the Sekretaris initials the PKS; the leaders read the register ---
TABLE[Role.KASI] |= {A.KERJASAMA_LIHAT: B, A.KERJASAMA_KELOLA: B, A.PERMINTAAN_PERIKSA: B}
TABLE[Role.KABID] |= {A.KERJASAMA_LIHAT: B, A.KERJASAMA_BAHAS: B, A.PERMINTAAN_SETUJUI: B}
TABLE[Role.ADB] |= {A.KERJASAMA_LIHAT: B, A.PERMINTAAN_OLAH: B}
TABLE[Role.SEKRETARIS] |= {A.KERJASAMA_LIHAT: K, A.KERJASAMA_PARAF: K}
TABLE[Role.KADIS] |= {A.KERJASAMA_LIHAT: K}
# --- end PIAK kerja sama/permintaan data ---
# --- PIAK pengaduan/publikasi: records belong to bidang PIAK, so «B» grants reach its staff only;
# the answer is asked of the bidang named at triage (its Kasi/Kabid: PENGADUAN_JAWAB in that bidang)
TABLE[Role.ADB] |= {A.PENGADUAN_KELOLA: B, A.PUBLIKASI_SUSUN: B}
TABLE[Role.KASI] |= {A.PENGADUAN_KELOLA: B, A.PENGADUAN_JAWAB: B, A.PUBLIKASI_SUSUN: B, A.PUBLIKASI_PERIKSA: B}
TABLE[Role.KABID] |= {A.PENGADUAN_KELOLA: B, A.PENGADUAN_JAWAB: B, A.PENGADUAN_SETUJUI: B, A.PUBLIKASI_SUSUN: B}
TABLE[Role.SEKRETARIS] |= {A.PUBLIKASI_SEKRETARIS: K}
TABLE[Role.KADIS] |= {A.PUBLIKASI_KADIS: K}
# --- end PIAK pengaduan/publikasi
# --- bmd (Sekretariat, issue 15): the pengurus barang is a Staf of the Sekretariat (or the Kasubag
# Umum); the Kasubag checks, the Sekretaris initials, the Kadis approves; the leaders read ---
TABLE[Role.STAF] |= {A.BMD_KELOLA: B, A.BMD_LIHAT: B}
TABLE[Role.KASUBAG] |= {A.BMD_KELOLA: K, A.BMD_LIHAT: K, A.BMD_PERIKSA: K}
TABLE[Role.SEKRETARIS] |= {A.BMD_LIHAT: K, A.BMD_PARAF: K}
TABLE[Role.KADIS] |= {A.BMD_LIHAT: K, A.BMD_SETUJUI: K}
TABLE[Role.ADMIN] |= {A.BMD_LIHAT: K}
# --- end bmd ---
# --- PIAK gangguan: every officer reports (and confirms their own); the ADB and the Kasi of PIAK
# triage, assign and resolve; the Kasi prepares the monthly report, the Kabid signs it (naskah chain) ---
for _role in TABLE:
    TABLE[_role][A.GANGGUAN_LAPOR] = K
del _role
TABLE[Role.ADB] |= {A.GANGGUAN_TANGANI: B, A.GANGGUAN_REKAP: B}
TABLE[Role.KASI] |= {A.GANGGUAN_TANGANI: B, A.GANGGUAN_REKAP: B, A.GANGGUAN_MONITORING: B}
TABLE[Role.KABID] |= {A.GANGGUAN_REKAP: B}
TABLE[Role.KADIS] |= {A.GANGGUAN_REKAP: K}
# --- end PIAK gangguan
# --- PIAK inovasi layanan (P.6.6): the Kasi and Kabid of PIAK propose and run the programme, the
# Kadis approves or returns the design; the leaders read ---
TABLE[Role.KASI] |= {A.INOVASI_LIHAT: B, A.INOVASI_KELOLA: B}
TABLE[Role.KABID] |= {A.INOVASI_LIHAT: B, A.INOVASI_KELOLA: B}
TABLE[Role.ADB] |= {A.INOVASI_LIHAT: B}
TABLE[Role.SEKRETARIS] |= {A.INOVASI_LIHAT: K}
TABLE[Role.KADIS] |= {A.INOVASI_LIHAT: K, A.INOVASI_SETUJUI: K}
# --- end PIAK inovasi
# --- PIAK operasional: the ADB and the Kasi of PIAK keep the registers; the Kabid PIAK and the Kadis
# read them (SOP backup database, pengelolaan akses ke pusat data, monitoring perangkat) ---
TABLE[Role.ADB] |= {A.OPERASIONAL_LIHAT: B, A.OPERASIONAL_KELOLA: B}
TABLE[Role.KASI] |= {A.OPERASIONAL_LIHAT: B, A.OPERASIONAL_KELOLA: B}
TABLE[Role.KABID] |= {A.OPERASIONAL_LIHAT: B}
TABLE[Role.KADIS] |= {A.OPERASIONAL_LIHAT: K}
# --- end PIAK operasional
# --- PIAK distribusi blangko: ADB records deliveries, requests and the handover; the Kasi PIAK
# proposes the quantities, the Kabid PIAK decides them; the Kadis reads ---
TABLE[Role.ADB] |= {A.BLANGKO_DIST_LIHAT: B, A.BLANGKO_DIST_CATAT: B}
TABLE[Role.KASI] |= {A.BLANGKO_DIST_LIHAT: B, A.BLANGKO_DIST_CATAT: B, A.BLANGKO_DIST_USUL: B}
TABLE[Role.KABID] |= {A.BLANGKO_DIST_LIHAT: B, A.BLANGKO_DIST_PUTUS: B}
TABLE[Role.KADIS] |= {A.BLANGKO_DIST_LIHAT: K}
# --- end PIAK distribusi blangko ---
# --- PIAK update data kependudukan (P.6.7): the ADB and the Kasi of PIAK receive, check against the
# register, send to the Ditjen and confirm to the pemohon; the Kabid and the Kadis read ---
TABLE[Role.ADB] |= {A.UPDATE_DATA_LIHAT: B, A.UPDATE_DATA_OLAH: B}
TABLE[Role.KASI] |= {A.UPDATE_DATA_LIHAT: B, A.UPDATE_DATA_OLAH: B}
TABLE[Role.KABID] |= {A.UPDATE_DATA_LIHAT: B}
TABLE[Role.KADIS] |= {A.UPDATE_DATA_LIHAT: K}
# --- end PIAK update data
# --- layanan online (Pekanbaru PELITA 3, steps 2–3): the front office of the layanan's bidang
# registers and verifies an online application «melalui media pelayanan online» ---
TABLE[Role.PETUGAS_LOKET] |= {A.VERIFIKASI_ONLINE: B}
# --- end layanan online
# --- IKM: the office's leaders read the survey of every layanan; a Kasi draws the semester report
# up as a naskah (its chain: the Kabid's paraf, the Kadis's TTE) ---
for _role in (Role.KADIS, Role.SEKRETARIS, Role.KABID, Role.KASI, Role.ADMIN):
    TABLE[_role][A.LIHAT_IKM] = K
TABLE[Role.KASI][A.LAPORAN_IKM] = K
del _role
# --- end IKM
# --- PIAK sosialisasi kebijakan kependudukan (Lumajang): the Kasi PIAK plans, prepares, writes to the
# kecamatan, runs it and drafts the report (steps 1-4 and the nota dinas); the report reaches the
# Kadis through the naskah chain (step 5: the Kabid's paraf, the Kadis signs); the Kabid PIAK, the
# ADB and the leaders read ---
TABLE[Role.KASI] |= {A.SOSIALISASI_LIHAT: B, A.SOSIALISASI_KELOLA: B}
TABLE[Role.KABID] |= {A.SOSIALISASI_LIHAT: B}
TABLE[Role.ADB] |= {A.SOSIALISASI_LIHAT: B}
TABLE[Role.SEKRETARIS] |= {A.SOSIALISASI_LIHAT: K}
TABLE[Role.KADIS] |= {A.SOSIALISASI_LIHAT: K}
# --- end PIAK sosialisasi
# --- kinerja layanan (issue 18): the Kadis and the Sekretariat see every bidang, the Kabid and the
# Kasi their own; the Kasubag (perencanaan dan pelaporan) draws the monthly report up for the Kadis ---
TABLE[Role.KADIS] |= {A.LIHAT_KINERJA: K}
TABLE[Role.SEKRETARIS] |= {A.LIHAT_KINERJA: K}
TABLE[Role.KABID] |= {A.LIHAT_KINERJA: B}
TABLE[Role.KASI] |= {A.LIHAT_KINERJA: B}
TABLE[Role.KASUBAG] |= {A.LIHAT_KINERJA: K, A.LAPORAN_KINERJA: K}
# --- end kinerja layanan
# --- antrian: the front office calls its bidang's lokets; the counters' supervisors and the leaders
# read the waiting and service times of the whole waiting room ---
TABLE[Role.PETUGAS_LOKET] |= {A.PANGGIL_ANTRIAN: B, A.STATISTIK_ANTRIAN: K}
TABLE[Role.KASI] |= {A.STATISTIK_ANTRIAN: K}
TABLE[Role.KABID] |= {A.STATISTIK_ANTRIAN: K}
TABLE[Role.KADIS] |= {A.STATISTIK_ANTRIAN: K}
TABLE[Role.ADMIN] |= {A.STATISTIK_ANTRIAN: K}
# --- end antrian
del A, B, K

_LABEL_TO_ROLE = {role.label: role for role in Role}


# --- asking the table -----------------------------------------------------------------------


@dataclass(frozen=True)
class Grants:
    """A user's grants, read once per request (NetBox caches a user's object permissions alike)."""

    roles: frozenset[Role]
    scopes: dict[Aksi, Lingkup]
    bidang_id: int | None
    superuser: bool

    def allows(self, aksi: str, bidang_id: int | None = None) -> bool:
        if self.superuser:
            return True
        scope = self.scopes.get(Aksi(aksi))
        if scope is None:
            return False
        if scope is Lingkup.KANTOR or self.bidang_id is None or bidang_id is None:
            return True
        return self.bidang_id == bidang_id


_NOBODY = Grants(frozenset(), {}, None, False)


def grants(user) -> Grants:
    if user is None or not user.is_authenticated or not user.is_active:
        return _NOBODY
    cached = getattr(user, "_dukcapil_grants", None)
    if cached is not None:
        return cached
    names = {g.name for g in user.groups.all()}
    roles = frozenset(_LABEL_TO_ROLE[n] for n in names if n in _LABEL_TO_ROLE)
    scopes: dict[Aksi, Lingkup] = {}
    for role in roles:
        for aksi, scope in TABLE.get(role, {}).items():
            if scopes.get(aksi) is not Lingkup.KANTOR:
                scopes[aksi] = scope
    result = Grants(roles, scopes, user.bidang_id, user.is_superuser)
    user._dukcapil_grants = result
    return result


def can(user, aksi: str, bidang_id: int | None = None) -> bool:
    """May the user do ``aksi`` on a record of ``bidang_id`` (None: at all, in some bidang)?"""
    return grants(user).allows(aksi, bidang_id)


def actions_of(user) -> set[str]:
    """Every action the user holds in some bidang (what the kotak masuk gathers)."""
    g = grants(user)
    return set(Aksi.values) if g.superuser else {a.value for a in g.scopes}


def bidang_filter(user, aksi: str, field: str = "bidang_id") -> Q:
    """The records of which bidang the user may ``aksi`` on, as a filter (a queryset's scope)."""
    g = grants(user)
    if g.superuser:
        return Q()
    scope = g.scopes.get(Aksi(aksi))
    if scope is None:
        return Q(pk__in=[])
    if scope is Lingkup.KANTOR or g.bidang_id is None:
        return Q()
    return Q(**{field: g.bidang_id})


def can_in_bidang(user, aksi: str, bidang_kode: str) -> bool:
    """``can`` for the records of the bidang named by its kode (a register belongs to one bidang)."""
    g = grants(user)
    if g.superuser:
        return True
    scope = g.scopes.get(Aksi(aksi))
    if scope is None:
        return False
    if scope is Lingkup.KANTOR or g.bidang_id is None:
        return True
    return user.bidang.kode == bidang_kode  # the page header shows the bidang: loaded once


def holders(aksi: str) -> list[Role]:
    """Who may act: the roles holding ``aksi`` (the disposisi and inbox pickers ask this)."""
    return [role for role, row in TABLE.items() if Aksi(aksi) in row]


# --- FSM permission callables ------------------------------------------------------------------


def requires(*actions: str):
    """``permission=`` for a transition: the user holds one of ``actions`` in the record's bidang."""

    def check(instance, user) -> bool:
        bidang_id = getattr(instance, "bidang_id", None)
        return any(can(user, aksi, bidang_id) for aksi in actions)

    check.actions = tuple(actions)  # type: ignore[attr-defined]
    return check


def requires_by_state(mapping: dict[str, str]):
    """``permission=`` whose action depends on the state the record is in (send back by whoever holds it)."""

    def check(instance, user) -> bool:
        aksi = mapping.get(instance.status)
        return aksi is not None and can(user, aksi, getattr(instance, "bidang_id", None))

    check.actions = tuple(sorted(set(mapping.values())))  # type: ignore[attr-defined]
    return check


def SYSTEM(instance, user) -> bool:  # noqa: N802 (a constant-like callable)
    """Transitions only the system runs (a Celery task, the sweep): refused on every user path."""
    return False


SYSTEM.actions = ()  # type: ignore[attr-defined]


@cache
def transition_actions(model) -> dict[str, tuple[str, ...]]:
    """{transition name: the actions its permission asks for} for every FSM transition of ``model``."""
    from django_fsm import FSMFieldMixin

    result: dict[str, tuple[str, ...]] = {}
    for field in model._meta.fields:
        if not isinstance(field, FSMFieldMixin):
            continue
        for transition in field.get_all_transitions(model):
            perm = transition.permission
            result[transition.name] = getattr(perm, "actions", None) if perm is not None else None
    return result
