from .surat_masuk import *  # noqa: F403
