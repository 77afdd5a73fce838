"""Status and role vocabularies, in one place, with Indonesian labels and a colour."""

from django.db import models


class Status(models.TextChoices):
    BARU = "baru", "Baru di loket"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    MENUNGGU_KONFIRMASI = "menunggu_konfirmasi", "Menunggu konfirmasi keabsahan dari Dukcapil penerbit"
    DITERIMA = "diterima", "Diterima, menunggu entri operator"
    PERBAIKAN = "perbaikan", "Perbaikan oleh operator"
    VERIFIKASI = "verifikasi", "Menunggu verifikasi Kasi"
    VALIDASI = "validasi", "Menunggu validasi Kabid"
    TTE = "tte", "Menunggu TTE Kadis"
    CETAK = "cetak", "Dokumen sedang dicetak"
    MENUNGGU_BLANGKO = "menunggu_blangko", "Menunggu blangko"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    DISERAHKAN = "diserahkan", "Sudah diserahkan"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


STATUS_COLOURS = {
    Status.BARU: "grey",
    Status.DIKEMBALIKAN: "orange",
    Status.MENUNGGU_KONFIRMASI: "orange",
    Status.DITERIMA: "blue",
    Status.PERBAIKAN: "orange",
    Status.VERIFIKASI: "blue",
    Status.VALIDASI: "blue",
    Status.TTE: "purple",
    Status.CETAK: "purple",
    Status.MENUNGGU_BLANGKO: "orange",
    Status.SIAP_DIAMBIL: "green",
    Status.DISERAHKAN: "grey",
    Status.DIBATALKAN: "red",
}

FINAL_STATUSES = (Status.DISERAHKAN, Status.DIBATALKAN)
# States in which a berkas can still be cancelled (before the document is produced).
CANCELLABLE_STATUSES = (
    Status.DIKEMBALIKAN,
    Status.MENUNGGU_KONFIRMASI,
    Status.DITERIMA,
    Status.PERBAIKAN,
    Status.VERIFIKASI,
    Status.VALIDASI,
    Status.TTE,
)


class KategoriBatal(models.TextChoices):
    """Why a berkas was cancelled, as the citizen may read it (the note itself stays internal)."""

    PERMINTAAN_PEMOHON = "permintaan_pemohon", "Atas permintaan pemohon"
    PERSYARATAN = "persyaratan", "Persyaratan tidak dapat dipenuhi"
    DATA_TIDAK_SESUAI = "data_tidak_sesuai", "Data tidak sesuai dengan database kependudukan"
    GANDA = "ganda", "Permohonan ganda"
    LAINNYA = "lainnya", "Alasan lain (hubungi loket)"


class Alur(models.TextChoices):
    """Order of the back-office work, as the layanan's SOP prescribes it."""

    ENTRI_DULU = "entri_dulu", "Entri operator, lalu verifikasi Kasi dan validasi Kabid"
    VERIFIKASI_DULU = "verifikasi_dulu", "Verifikasi manual Kasi dan Kabid, lalu entri operator"


class Role(models.TextChoices):
    """Staff roles; each is a Django group of the same label. What a role may do is written once,
    in dukcapil.workflow.permissions."""

    PETUGAS_LOKET = "petugas_loket", "Petugas Loket"
    OPERATOR_SIAK = "operator_siak", "Operator SIAK"
    KASI = "kasi", "Kasi"
    KABID = "kabid", "Kabid"
    KADIS = "kadis", "Kadis"
    PETUGAS_PENGAMBILAN = "petugas_pengambilan", "Petugas Pengambilan"
    ADMIN = "admin", "Admin"
    SEKRETARIS = "sekretaris", "Sekretaris"
    KASUBAG = "kasubag", "Kasubag"
    AGENDARIS = "agendaris", "Agendaris (pengadministrasi surat)"
    ADB = "adb", "Administrator Database (ADB)"
    PPTK = "pptk", "PPTK"
    BENDAHARA = "bendahara", "Bendahara"
    PPK = "ppk", "PPK"
    STAF = "staf", "Staf"


class Peran(models.TextChoices):
    """Who performs an SOP step, as coded in the office catalogues (fixtures/offices/SCHEMA.md)."""

    PEMOHON = "pemohon", "Pemohon"
    PETUGAS_LOKET = "petugas_loket", "Petugas loket / front office"
    OPERATOR_SIAK = "operator_siak", "Operator SIAK / petugas pelayanan"
    PETUGAS_SCAN = "petugas_scan", "Petugas scan"
    PETUGAS_REGISTER = "petugas_register", "Petugas register"
    PETUGAS_PENGAMBILAN = "petugas_pengambilan", "Petugas pengambilan"
    KASI = "kasi", "Kepala seksi"
    KABID = "kabid", "Kepala bidang"
    KADIS = "kadis", "Kepala dinas"
    SEKRETARIS = "sekretaris", "Sekretaris"
    KASUBAG = "kasubag", "Kepala sub bagian"
    STAF = "staf", "Staf"
    BENDAHARA = "bendahara", "Bendahara"
    TIM = "tim", "Tim"
    KECAMATAN = "kecamatan", "Kecamatan"
    DESA = "desa", "Desa/kelurahan"
    VENDOR = "vendor", "Vendor"
    DITJEN = "ditjen", "Ditjen Dukcapil"
    LAINNYA = "lainnya", "Lainnya"


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"
