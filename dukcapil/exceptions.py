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
