"""Domain errors, mapped to HTTP in one place (views and the API exception handler)."""


class BerkasError(Exception):
    http_status = 400

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class BerkasInvalid(BerkasError):
    """The input is incomplete or wrong (400)."""


class BerkasForbidden(BerkasError):
    """The user's role or bidang may not do this (403)."""

    http_status = 403


class BerkasConflict(BerkasError):
    """The berkas's state does not allow this now, e.g. someone else acted first (409)."""

    http_status = 409


class DuplicateBerkas(BerkasConflict):
    """An open berkas for the same subject and layanan exists already (409); ``nomor`` names it."""

    def __init__(self, message: str, *, nomor: str):
        super().__init__(message)
        self.nomor = nomor


class EffectsConflict(BerkasConflict):
    """An approval's register change met a register that changed since the operator saw it (409).

    The approval is not applied; the berkas goes back to the operator with this message."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message, fields={field: [message]})
        self.field = field
