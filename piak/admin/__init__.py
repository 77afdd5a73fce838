from . import pengaduan, publikasi  # noqa: F401
