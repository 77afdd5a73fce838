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

    def handle(self, *args, slug: str, no_activate: bool, **options) -> None:
        try:
            result = load_office(slug=slug, activate=not no_activate)
        except BerkasError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.kantor}: {result.sops} SOP, {result.langkah} langkah, {result.persyaratan} persyaratan"
                + (f"; {result.layanan_linked} layanan memakai SOP kantor ini" if not no_activate else "")
            )
        )
