"""Status and role vocabularies, in one place, with Indonesian labels and a colour."""

from django.db import models


class Status(models.TextChoices):
    BARU = "baru", "Baru di loket"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke pemohon"
    DITERIMA = "diterima", "Diterima, menunggu entri operator"
    PERBAIKAN = "perbaikan", "Perbaikan oleh operator"
    VERIFIKASI = "verifikasi", "Menunggu verifikasi Kasi"
    VALIDASI = "validasi", "Menunggu validasi Kabid"
    TTE = "tte", "Menunggu TTE Kadis"
    CETAK = "cetak", "Dokumen sedang dicetak"
    SIAP_DIAMBIL = "siap_diambil", "Siap diambil"
    DISERAHKAN = "diserahkan", "Sudah diserahkan"
    DIBATALKAN = "dibatalkan", "Dibatalkan"


STATUS_COLOURS = {
    Status.BARU: "grey",
    Status.DIKEMBALIKAN: "orange",
    Status.DITERIMA: "blue",
    Status.PERBAIKAN: "orange",
    Status.VERIFIKASI: "blue",
    Status.VALIDASI: "blue",
    Status.TTE: "purple",
    Status.CETAK: "purple",
    Status.SIAP_DIAMBIL: "green",
    Status.DISERAHKAN: "grey",
    Status.DIBATALKAN: "red",
}

FINAL_STATUSES = (Status.DISERAHKAN, Status.DIBATALKAN)
# States in which a berkas can still be cancelled (before the document is produced).
CANCELLABLE_STATUSES = (
    Status.DIKEMBALIKAN,
    Status.DITERIMA,
    Status.PERBAIKAN,
    Status.VERIFIKASI,
    Status.VALIDASI,
    Status.TTE,
)


class Role(models.TextChoices):
    """Staff roles; each is a Django group of the same label."""

    PETUGAS_LOKET = "petugas_loket", "Petugas Loket"
    OPERATOR_SIAK = "operator_siak", "Operator SIAK"
    KASI = "kasi", "Kasi"
    KABID = "kabid", "Kabid"
    KADIS = "kadis", "Kadis"
    PETUGAS_PENGAMBILAN = "petugas_pengambilan", "Petugas Pengambilan"
    ADMIN = "admin", "Admin"


class Pelaksana(models.TextChoices):
    """Who performs an SOP step: the applicant or one of the staff roles."""

    PEMOHON = "pemohon", "Pemohon"
    PETUGAS_LOKET = "petugas_loket", "Petugas Loket / Front Office"
    OPERATOR_SIAK = "operator_siak", "Operator SIAK / Petugas Pelayanan"
    KASI = "kasi", "Kepala Seksi"
    KABID = "kabid", "Kepala Bidang"
    KADIS = "kadis", "Kepala Dinas"
    PETUGAS_PENGAMBILAN = "petugas_pengambilan", "Petugas Pengambilan"
    SISTEM = "sistem", "Sistem"


# Which role works the kotak masuk for berkas in each state.
INBOX_ROLE_FOR_STATUS = {
    Status.DITERIMA: Role.OPERATOR_SIAK,
    Status.PERBAIKAN: Role.OPERATOR_SIAK,
    Status.VERIFIKASI: Role.KASI,
    Status.VALIDASI: Role.KABID,
    Status.TTE: Role.KADIS,
    Status.SIAP_DIAMBIL: Role.PETUGAS_PENGAMBILAN,
    Status.DIKEMBALIKAN: Role.PETUGAS_LOKET,
}


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"
