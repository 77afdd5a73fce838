from celery import shared_task

__all__ = ["rekap_harian"]


@shared_task(name="kinerja.rekap_harian")
def rekap_harian() -> int:
    """Nightly: roll up yesterday and every day changed since its roll-up (``services.rekap_harian``)."""
    from .services import rekap_harian as run

    return run()
