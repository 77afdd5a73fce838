from . import surat_masuk_admin  # noqa: F401
