"""Latihan pemulihan: pulihkan arsip cadangan ke basis data baru (sementara) dan cocokkan hash setiap
berkas dokumen dengan baris Dokumen-nya. Gagal (kode bukan nol) bila ada yang tidak cocok."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dukcapil.backup import BackupError, restore_drill


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="arsip dari manage.py backup")
        parser.add_argument("--keep", action="store_true", help="jangan hapus basis data hasil pemulihan")

    def handle(self, *args, archive: Path, keep: bool, **options) -> None:
        try:
            result = restore_drill(archive=archive, keep=keep)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"Basis data pemulihan: {result.database}" + (" (disimpan)" if keep else " (dihapus)"))
        for label, count in result.tabel.items():
            self.stdout.write(f"  {label}: {count} baris")
        self.stdout.write(
            f"Dokumen diperiksa: {result.dokumen}; cocok: {result.cocok}; hilang: {len(result.hilang)}; "
            f"hash berbeda: {len(result.berbeda)}; berkas media lain berbeda: {len(result.berkas_lain_berbeda)}"
        )
        for path in result.hilang:
            self.stderr.write(f"  HILANG  {path}")
        for path in result.berbeda + result.berkas_lain_berbeda:
            self.stderr.write(f"  BERBEDA {path}")
        if not result.ok:
            raise CommandError("Latihan pemulihan GAGAL: ada dokumen yang hilang atau tidak cocok dengan hash-nya.")
        self.stdout.write(self.style.SUCCESS("Latihan pemulihan BERHASIL: setiap dokumen cocok dengan hash-nya."))
