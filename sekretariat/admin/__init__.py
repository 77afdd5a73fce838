from . import anjab, bmd, cuti, keuangan, naskah, presensi, spj, surat_masuk  # noqa: F401
