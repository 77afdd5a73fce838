from . import cuti, keuangan, naskah, presensi, surat_masuk  # noqa: F401
