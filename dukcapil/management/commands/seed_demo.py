from django.core.management.base import BaseCommand

from dukcapil.choices import Status
from dukcapil.demo import DEMO_PASSWORD, DEMO_TTE_PASSPHRASE, DEMO_USERS, seed_demo
from dukcapil.models import Berkas
from dukcapil.warga.demo import demo_account


class Command(BaseCommand):
    help = "Isi kantor demo: katalog minimal, satu pengguna per peran, dan berkas di setiap status."

    def handle(self, *args, **options) -> None:
        _, created = seed_demo()
        self.stdout.write(self.style.SUCCESS(f"Data demo siap ({created} berkas baru)."))
        self.stdout.write(f"Pengguna demo (kata sandi khusus demo: {DEMO_PASSWORD}):")
        self.stdout.write(f"Passphrase TTE demo untuk kadis: {DEMO_TTE_PASSPHRASE}")
        for username, _first, _last, role, bidang in DEMO_USERS:
            self.stdout.write(f"  {username:<12} {role.label:<20} {bidang or 'semua bidang'}")
        akun = demo_account()
        if akun is not None:
            self.stdout.write(
                f"Akun warga demo (/warga/masuk/): {akun.email} atau NIK {akun.nik}, kata sandi {DEMO_PASSWORD}"
            )
        ready = Berkas.objects.filter(status=Status.SIAP_DIAMBIL).order_by("pk").first()
        if ready is not None:
            self.stdout.write(
                f"Coba Cek status (/cek-status/): nomor {ready.nomor_registrasi} "
                f"dengan NIK {ready.pemohon_nik} (data demo)."
            )
