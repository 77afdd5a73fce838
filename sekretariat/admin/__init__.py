from . import bmd, keuangan, naskah, presensi, surat_masuk  # noqa: F401
