from django.db import models


class JenisAkta(models.TextChoices):
    """The registers the office keeps (register akta); each has its own nomor akta series."""

    KELAHIRAN = "kelahiran", "Akta Kelahiran"
    LAHIR_MATI = "lahir_mati", "Lahir Mati"
    KEMATIAN = "kematian", "Akta Kematian"
    PERKAWINAN = "perkawinan", "Akta Perkawinan"
    PERCERAIAN = "perceraian", "Akta Perceraian"
    PENGAKUAN = "pengakuan", "Akta Pengakuan Anak"
    PENGESAHAN = "pengesahan", "Akta Pengesahan Anak"


# The code in the nomor akta (kode wilayah-KODE-DDMMYYYY-urut), as on SIAK-printed akta.
KODE_AKTA = {
    JenisAkta.KELAHIRAN: "LT",
    JenisAkta.LAHIR_MATI: "LM",
    JenisAkta.KEMATIAN: "KM",
    JenisAkta.PERKAWINAN: "KW",
    JenisAkta.PERCERAIAN: "CR",
    JenisAkta.PENGAKUAN: "PA",
    JenisAkta.PENGESAHAN: "PS",
}


class StatusAkta(models.TextChoices):
    BERLAKU = "berlaku", "Berlaku"
    BATAL = "batal", "Dibatalkan"


class JenisCatatan(models.TextChoices):
    """Marginal notes (catatan pinggir) written on a register akta."""

    KEWARGANEGARAAN = "kewarganegaraan", "Perubahan status kewarganegaraan"
    PERISTIWA_LAIN = "peristiwa_lain", "Peristiwa penting lainnya"
    PEMBETULAN = "pembetulan", "Pembetulan akta"
    PERUBAHAN_NAMA = "perubahan_nama", "Perubahan nama"
    PEMBATALAN = "pembatalan", "Pembatalan"
    PERCERAIAN = "perceraian", "Perceraian"
    PENGANGKATAN = "pengangkatan", "Pengangkatan anak"
    PENGAKUAN = "pengakuan", "Pengakuan anak"
    PENGESAHAN = "pengesahan", "Pengesahan anak"
    KUTIPAN_KEDUA = "kutipan_kedua", "Penerbitan kutipan kedua"


class KasusKewarganegaraan(models.TextChoices):
    """The five cases of P.5.2 step 6."""

    WNA_KE_WNI = "wna_ke_wni", "Warga negara asing menjadi WNI"
    WNI_KE_WNA = "wni_ke_wna", "WNI menjadi warga negara asing"
    GANDA_TERBATAS = "ganda_terbatas", "Anak berkewarganegaraan ganda terbatas yang telah mendapat sertifikat"
    GANDA_MEMILIH = "ganda_memilih", "Anak berkewarganegaraan ganda yang telah memilih kewarganegaraan"
    GANDA_TIDAK_MEMILIH = "ganda_tidak_memilih", "Anak berkewarganegaraan ganda yang tidak memilih kewarganegaraan"


class JenisPermohonanAkta(models.TextChoices):
    """The seeds' sixteen civil-registration services (P.5.1–P.5.8), one berkas variant each."""

    KELAHIRAN = "kelahiran", "Pencatatan kelahiran"
    LAHIR_MATI = "lahir_mati", "Pencatatan lahir mati"
    KEMATIAN = "kematian", "Pencatatan kematian"
    PERKAWINAN = "perkawinan", "Pencatatan perkawinan"
    PERCERAIAN = "perceraian", "Pencatatan perceraian"
    KEWARGANEGARAAN = "kewarganegaraan", "Pencatatan perubahan status kewarganegaraan"
    PERISTIWA_LAIN = "peristiwa_lain", "Pencatatan peristiwa penting lainnya"
    PEMBETULAN = "pembetulan", "Pembetulan akta"
    PERUBAHAN_NAMA = "perubahan_nama", "Pencatatan perubahan nama"
    BATAL_KAWIN = "batal_kawin", "Pembatalan perkawinan"
    BATAL_CERAI = "batal_cerai", "Pembatalan perceraian"
    BATAL_AKTA = "batal_akta", "Pembatalan akta"
    PENGANGKATAN = "pengangkatan", "Pencatatan pengangkatan anak"
    PENGAKUAN = "pengakuan", "Pencatatan pengakuan anak"
    PENGESAHAN = "pengesahan", "Pencatatan pengesahan anak"
    KUTIPAN_KEDUA = "kutipan_kedua", "Penerbitan kutipan kedua"
