"""Cadangkan basis data PostgreSQL (pg_dump, format custom) dan media (dokumen bertanda tangan)
secara konsisten ke satu arsip bertanggal di direktori tujuan (lihat dukcapil/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dukcapil.backup import BackupError, backup_create


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path, help="direktori tujuan arsip, mis. /var/backups/dukcapil")

    def handle(self, *args, directory: Path, **options) -> None:
        try:
            result = backup_create(directory=directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        size = f"{result.bytes:,}".replace(",", ".")
        self.stdout.write(self.style.SUCCESS(f"Cadangan dibuat: {result.path}"))
        self.stdout.write(f"{result.dokumen} dokumen, {result.files} berkas media ({size} byte)")
