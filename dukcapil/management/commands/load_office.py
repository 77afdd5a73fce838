from django.core.management.base import BaseCommand, CommandError

from dukcapil.catalogue import available_offices, load_office
from dukcapil.exceptions import BerkasError


class Command(BaseCommand):
    help = "Muat katalog SOP satu kantor dari fixtures/offices/<slug>.json (idempoten)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help=f"kantor: {', '.join(available_offices())}")
        parser.add_argument(
            "--no-activate", action="store_true", help="muat saja, tanpa menjadikannya kantor deployment ini"
        )
        parser.add_argument(
            "--reset", action="store_true", help="timpa juga waktu langkah yang sudah diubah admin dengan isi berkas"
        )

    def handle(self, *args, slug: str, no_activate: bool, reset: bool, **options) -> None:
        try:
            result = load_office(slug=slug, activate=not no_activate, reset=reset)
        except BerkasError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.kantor}: {result.sops} SOP, {result.langkah} langkah, {result.persyaratan} persyaratan"
                + (f"; {result.layanan_linked} layanan memakai SOP kantor ini" if not no_activate else "")
            )
        )
        if result.dipertahankan:
            self.stdout.write("Waktu yang diubah admin dipertahankan (pakai --reset untuk menimpa):")
            for line in result.dipertahankan:
                self.stdout.write(f"  {line}")
