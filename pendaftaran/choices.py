from django.db import models


class JenisPermohonanKK(models.TextChoices):
    BARU = "baru", "KK baru"
    HILANG = "hilang", "KK hilang"
    RUSAK = "rusak", "KK rusak"
    PERUBAHAN_DATA = "perubahan_data", "Perubahan data"
    TAMBAH_ANGGOTA = "tambah_anggota", "Penambahan anggota keluarga"
    KURANG_ANGGOTA = "kurang_anggota", "Pengurangan anggota keluarga"
    PISAH = "pisah", "Pisah KK"
    RENTAN = "rentan", "Penduduk rentan tanpa dokumen"
    DATANG = "datang", "Datang dari kabupaten/kota lain (SKDWNI)"
    DATANG_LN = "datang_ln", "Datang dari luar negeri (SKDLN)"


class AlasanPengurangan(models.TextChoices):
    MENINGGAL = "meninggal", "Meninggal dunia"
    CERAI = "cerai", "Bercerai"
    PINDAH = "pindah", "Pindah keluar"
    GANDA = "ganda", "Data ganda"


class StatusPenduduk(models.TextChoices):
    AKTIF = "aktif", "Aktif"
    MENINGGAL = "meninggal", "Meninggal dunia"
    PINDAH = "pindah", "Pindah keluar daerah"
    PINDAH_LN = "pindah_ln", "Pindah ke luar negeri"
    GANDA = "ganda", "Data ganda (dihapus)"


class Agama(models.TextChoices):
    ISLAM = "ISLAM", "Islam"
    KRISTEN = "KRISTEN", "Kristen"
    KATHOLIK = "KATHOLIK", "Katholik"
    HINDU = "HINDU", "Hindu"
    BUDHA = "BUDHA", "Budha"
    KONGHUCU = "KONGHUCU", "Khonghucu"
    KEPERCAYAAN = "KEPERCAYAAN", "Kepercayaan terhadap Tuhan YME"


class Pendidikan(models.TextChoices):
    TIDAK_SEKOLAH = "TIDAK/BELUM SEKOLAH", "Tidak/belum sekolah"
    BELUM_TAMAT_SD = "BELUM TAMAT SD/SEDERAJAT", "Belum tamat SD/sederajat"
    SD = "TAMAT SD/SEDERAJAT", "Tamat SD/sederajat"
    SLTP = "SLTP/SEDERAJAT", "SLTP/sederajat"
    SLTA = "SLTA/SEDERAJAT", "SLTA/sederajat"
    D1_D2 = "DIPLOMA I/II", "Diploma I/II"
    D3 = "AKADEMI/DIPLOMA III/S. MUDA", "Akademi/Diploma III/Sarjana Muda"
    S1 = "DIPLOMA IV/STRATA I", "Diploma IV/Strata I"
    S2 = "STRATA II", "Strata II"
    S3 = "STRATA III", "Strata III"


class StatusPerkawinan(models.TextChoices):
    BELUM_KAWIN = "BELUM KAWIN", "Belum kawin"
    KAWIN = "KAWIN", "Kawin"
    CERAI_HIDUP = "CERAI HIDUP", "Cerai hidup"
    CERAI_MATI = "CERAI MATI", "Cerai mati"


class Hubungan(models.TextChoices):
    KEPALA_KELUARGA = "KEPALA KELUARGA", "Kepala keluarga"
    SUAMI = "SUAMI", "Suami"
    ISTRI = "ISTRI", "Istri"
    ANAK = "ANAK", "Anak"
    MENANTU = "MENANTU", "Menantu"
    CUCU = "CUCU", "Cucu"
    ORANG_TUA = "ORANG TUA", "Orang tua"
    MERTUA = "MERTUA", "Mertua"
    FAMILI_LAIN = "FAMILI LAIN", "Famili lain"
    PEMBANTU = "PEMBANTU", "Pembantu"
    LAINNYA = "LAINNYA", "Lainnya"


class GolonganDarah(models.TextChoices):
    TIDAK_TAHU = "", "Tidak tahu"
    A = "A", "A"
    B = "B", "B"
    AB = "AB", "AB"
    O = "O", "O"  # noqa: E741 - the blood group


class Kewarganegaraan(models.TextChoices):
    WNI = "WNI", "WNI"
    WNA = "WNA", "WNA"
