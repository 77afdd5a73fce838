from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from dukcapil.models import SOP
from dukcapil.sop_export import write_check_csv


class Command(BaseCommand):
    help = (
        "Cetak langkah SOP sebagai CSV (office,sop,urutan,uraian,pelaksana,kelengkapan,waktu_menit,waktu_teks,output)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--office", required=True, help="slug kantor")
        parser.add_argument("--sop", help="nomor atau slug satu SOP")

    def handle(self, *args, office: str, sop: str | None, **options) -> None:
        sops = SOP.objects.filter(kantor__slug=office).select_related("kantor").prefetch_related("langkah")
        if sop:
            sops = sops.filter(Q(slug=sop) | Q(nomor=sop))
        sops = list(sops.order_by("pk"))
        if not sops:
            raise CommandError(
                f"Tidak ada SOP untuk kantor «{office}»" + (f" dengan nomor/slug «{sop}»." if sop else ".")
            )
        write_check_csv(sops, self.stdout)
