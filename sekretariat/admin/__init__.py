from . import naskah  # noqa: F401
