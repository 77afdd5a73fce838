from . import keuangan, naskah, presensi, surat_masuk  # noqa: F401
