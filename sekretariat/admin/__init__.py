from . import cuti, keuangan, naskah, presensi, spj, surat_masuk  # noqa: F401
