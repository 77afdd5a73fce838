"""Demo data of update data kependudukan (P.6.7), driven through the services with NIKs of the
demo register: one just received at the counter (with the pemohon's copy of the KK), one checked
and waiting to go to the Ditjen, one at the Ditjen with its ticket, one updated and confirmed to
the pemohon by email, one refused by the Ditjen and one refused at PIAK's check."""

from datetime import date, timedelta

from django.utils import timezone

from dukcapil.demo import make_nik
from dukcapil.models import User
from sekretariat.demo import _scan


def _nik_register(n: int) -> list[str]:
    from pendaftaran.models import Penduduk

    niks = list(Penduduk.objects.order_by("pk").values_list("nik", flat=True)[:n])
    # an empty register (a bare demo): valid NIKs of the demo's wilayah
    return niks + [make_nik(date(1990, 1, 1 + i), "L", 7000 + i) for i in range(n - len(niks))]


def build_update_data_demo(users: dict[str, User]) -> list:
    from .services import update_data as svc

    adb, kasi = users["adb"], users["kasi_piak"]
    today = timezone.localdate()
    niks = _nik_register(6)

    def terima(i: int, kanal: str, jenis: str, uraian: str, email: str = "", bukti=None):
        data = svc.PermohonanData(
            kanal=kanal, nik=niks[i], nama_pemohon=f"Pemohon demo {i + 1}", telepon=f"0812-3456-{7000 + i}",
            email=email, jenis_masalah=jenis, uraian=uraian, bukti=bukti,
        )  # fmt: skip
        return svc.update_data_terima(user=adb, data=data)

    baru = terima(0, "kantor", "biodata_beda", "Tanggal lahir di database pusat berbeda dengan KK.",
                  bukti=_scan("Fotokopi KK pemohon (demo)"))  # fmt: skip

    siap = terima(1, "online", "data_ganda", "NIK tercatat ganda: muncul dua biodata saat pencetakan KTP-el.")
    svc.update_data_verifikasi(user=adb, pk=siap.pk, sesuai=True, temuan="Register daerah memuat satu biodata; "
                               "data ganda ada di database pusat.")  # fmt: skip

    diajukan = terima(2, "kantor", "status_ktp_el", "Sudah perekaman, status di pusat masih belum rekam.")
    svc.update_data_verifikasi(user=kasi, pk=diajukan.pk, sesuai=True, temuan="Perekaman tercatat di register.")
    svc.update_data_ajukan(user=adb, pk=diajukan.pk, nomor_tiket="KONSOL-2026-004512", tanggal=today)

    selesai = terima(3, "surat", "nik_tidak_ditemukan", "NIK tidak ditemukan saat pendaftaran BPJS.",
                     email="pemohon.demo@example.org")  # fmt: skip
    svc.update_data_verifikasi(user=adb, pk=selesai.pk, sesuai=True, temuan="NIK aktif di register daerah.")
    svc.update_data_ajukan(user=adb, pk=selesai.pk, nomor_tiket="KONSOL-2026-004377", tanggal=today - timedelta(3))
    svc.update_data_hasil(user=adb, pk=selesai.pk, diupdate=True, keterangan="Data sudah dikonsolidasi.",
                          tanggal=today - timedelta(1))  # fmt: skip
    svc.update_data_konfirmasi(user=adb, pk=selesai.pk, kanal="email", tanggal=today)

    ditolak = terima(4, "kantor", "biodata_beda", "Nama ibu kandung berbeda dengan database pusat.")
    svc.update_data_verifikasi(user=adb, pk=ditolak.pk, sesuai=True, temuan="Nama ibu di register sesuai KK.")
    svc.update_data_ajukan(user=adb, pk=ditolak.pk, nomor_tiket="KONSOL-2026-004401", tanggal=today - timedelta(2))
    svc.update_data_hasil(user=adb, pk=ditolak.pk, diupdate=False, tanggal=today,
                          keterangan="Perubahan nama ibu memerlukan dokumen akta kelahiran.")  # fmt: skip

    tidak_sesuai = terima(5, "online", "lainnya", "Minta perubahan alamat.")
    svc.update_data_verifikasi(user=adb, pk=tidak_sesuai.pk, sesuai=False,
                               temuan="Perubahan alamat adalah layanan pindah datang, bukan update data.")  # fmt: skip
    return [baru, siap, diajukan, selesai, ditolak, tidak_sesuai]
