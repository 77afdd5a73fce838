from . import keuangan, naskah, surat_masuk  # noqa: F401
