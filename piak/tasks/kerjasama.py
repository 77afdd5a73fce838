from celery import shared_task

__all__ = ["kerjasama_harian"]


@shared_task(name="piak.tasks.kerjasama_harian")
def kerjasama_harian() -> dict[str, int]:
    """Daily: end the agreements past their term; remind the Kasi/Kabid PIAK 90 and 30 days before."""
    from ..services.kerjasama import kerjasama_harian as run

    return run()
