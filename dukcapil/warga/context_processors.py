from .middleware import is_warga


def warga(request) -> dict:
    """``akun_warga``: the page is seen by a citizen (the menu shows the citizen's links)."""
    return {"akun_warga": is_warga(getattr(request, "user", None))}
