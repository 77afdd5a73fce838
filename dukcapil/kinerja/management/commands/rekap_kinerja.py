"""Backfill the daily kinerja roll-ups over a date range (each day recomputed, idempotent)."""

from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ...services import rekap_hitung


class Command(BaseCommand):
    help = "Hitung ulang rekap harian kinerja layanan untuk rentang tanggal (YYYY-MM-DD)."

    def add_arguments(self, parser):
        parser.add_argument("--dari", required=True, help="tanggal awal, YYYY-MM-DD")
        parser.add_argument("--sampai", help="tanggal akhir, YYYY-MM-DD (bawaan: kemarin)")

    def handle(self, *args, dari: str, sampai: str | None, **options):
        kemarin = timezone.localdate() - timedelta(days=1)
        try:
            awal = date.fromisoformat(dari)
            akhir = date.fromisoformat(sampai) if sampai else kemarin
        except ValueError as exc:
            raise CommandError("Tanggal harus berformat YYYY-MM-DD.") from exc
        akhir = min(akhir, kemarin)  # today is always read live
        if akhir < awal:
            raise CommandError("Rentang tanggal kosong atau terbalik (hari ini selalu dihitung langsung).")
        jumlah = rekap_hitung(hari=[awal + timedelta(days=i) for i in range((akhir - awal).days + 1)])
        self.stdout.write(f"Rekap kinerja dihitung untuk {jumlah} hari ({awal} s.d. {akhir}).")
