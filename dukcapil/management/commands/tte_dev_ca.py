from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dukcapil.models import User
from dukcapil.tte.services import install_dev_certificate


class Command(BaseCommand):
    help = (
        "Buat CA pengembangan (sekali) dan sertifikat penandatangan PKCS#12 untuk seorang pengguna. "
        "Hanya untuk demo dan pengujian; kantor memakai sertifikat dari CA resminya (BSrE)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--user", required=True, help="username penandatangan, mis. kadis")
        parser.add_argument("--passphrase", required=True, help="passphrase PKCS#12 (hanya untuk demo)")
        parser.add_argument("--nama", help="nama pada sertifikat (default: nama lengkap pengguna)")
        parser.add_argument("--nik", default="", help="NIK penandatangan (untuk layanan BSrE)")

    def handle(self, *args, user: str, passphrase: str, nama: str | None, nik: str, **options) -> None:
        account = User.objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"Pengguna «{user}» tidak ada.")
        cert = install_dev_certificate(user=account, passphrase=passphrase, nama=nama, nik=nik)
        self.stdout.write(self.style.SUCCESS(f"Sertifikat {cert.nama}: {cert.p12_path}"))
        self.stdout.write(f"CA pengembangan (akar kepercayaan): {settings.TTE_DIR / 'dev-root-ca.pem'}")
