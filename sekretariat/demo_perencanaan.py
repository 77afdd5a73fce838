"""Demo of the perencanaan dan pelaporan calendar: this year's documents, some held, one in each step."""

from django.utils import timezone

from dukcapil.models import User

from .models import DokumenPerencanaan, StatusPerencanaan
from .services import perencanaan as svc

# how far the demo takes the first documents of the year (the rest stay konsep)
SAMPAI = ["selesai", "selesai", "disetujui", "kadis", "sekretaris", "kasubag"]
LANGKAH = [("ajukan", "staf_umum"), ("periksa", "kasubag"), ("paraf", "sekretaris"), ("setujui", "kadis")]


def build_perencanaan_demo(users: dict[str, User]) -> list:
    from .demo import _scan  # a small PDF

    tahun = timezone.localdate().year
    svc.perencanaan_buat_kalender(user=None, tahun=tahun)
    docs = list(DokumenPerencanaan.objects.filter(tahun=tahun).order_by("tenggat", "pk"))
    kasubag, holder = users["kasubag"], users["staf_umum"]
    for dok in docs:
        svc.perencanaan_tetapkan_pemegang(user=kasubag, pk=dok.pk, pemegang=holder)
    order = [s.value for s in StatusPerencanaan]
    for dok, sampai in zip(docs, SAMPAI, strict=False):
        steps = order.index(sampai)
        for method, who in LANGKAH[: min(steps, len(LANGKAH))]:
            svc.perencanaan_aksi(user=users[who], pk=dok.pk, method=method)
        if sampai == "selesai":
            svc.perencanaan_unggah_final(user=holder, pk=dok.pk, berkas=_scan(dok.judul))
    return docs
