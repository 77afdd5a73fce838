from . import keuangan, naskah, presensi, spj, surat_masuk  # noqa: F401
