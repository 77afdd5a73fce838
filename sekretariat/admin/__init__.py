from . import naskah, surat_masuk  # noqa: F401
