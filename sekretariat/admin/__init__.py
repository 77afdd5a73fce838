from . import naskah, presensi, surat_masuk  # noqa: F401
