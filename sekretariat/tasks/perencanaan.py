from celery import shared_task

__all__ = ["ingatkan_perencanaan"]


@shared_task(name="sekretariat.tasks.ingatkan_perencanaan")
def ingatkan_perencanaan() -> int:
    """Daily: remind the holders of planning and reporting documents coming due (idempotent per day)."""
    from ..services.perencanaan import perencanaan_ingatkan

    return perencanaan_ingatkan()
