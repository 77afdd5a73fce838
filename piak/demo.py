"""Demo data of PIAK: one function per process, called from ``dukcapil.demo._seed_piak``."""

from datetime import date

from django.utils import timezone

from dukcapil.models import User


def _semester_lalu(today: date, back: int) -> tuple[int, int]:
    """(tahun, semester) ``back`` semesters before the one ``today`` is in."""
    index = today.year * 2 + (0 if today.month <= 6 else 1) - back
    return index // 2, index % 2 + 1


def build_laporan_penduduk_demo(users: dict[str, User]) -> list:
    """Laporan perkembangan kependudukan from the demo register, through the real services:
    the semester before last signed and registered, last semester's waiting for the Kadis's TTE
    (the Kadis signs it in the browser with the demo passphrase), and this month's DP3AK report
    as the Kasi's draft."""
    from dukcapil.demo import DEMO_TTE_PASSPHRASE
    from dukcapil.tte.services import record_ref, tte_batch_start

    from .services import laporan_penduduk as svc

    kasi, kabid, sekretaris, adb = users["kasi_piak"], users["kabid_piak"], users["sekretaris"], users["adb"]
    today = timezone.localdate()
    made = []
    for back, target in ((2, "terdaftar"), (1, "tte")):
        tahun, semester = _semester_lalu(today, back)
        laporan = svc.laporan_buat(user=kasi, jenis="semester", tahun=tahun, periode_ke=semester)
        svc.laporan_simpan_analisis(
            user=kasi,
            pk=laporan.pk,
            analisis=(
                f"Jumlah penduduk per {laporan.tanggal_akhir:%d-%m-%Y}: {laporan.data['jumlah']['total']} jiwa. "
                "Cakupan akta kelahiran anak dan KIA perlu ditingkatkan melalui jemput bola ke sekolah dan posyandu."
            ),
        )
        svc.laporan_aksi(user=kasi, pk=laporan.pk, method="ajukan")
        if back == 1:  # the Kabid sent it back once: the kartu kendali shows the return path
            svc.laporan_aksi(
                user=kabid, pk=laporan.pk, method="kembalikan", catatan="Tambahkan analisis per kecamatan."
            )
            svc.laporan_simpan_analisis(
                user=kasi, pk=laporan.pk, analisis=laporan.analisis + "\nAnalisis per kecamatan ditambahkan."
            )
            svc.laporan_aksi(user=kasi, pk=laporan.pk, method="ajukan")
        svc.laporan_aksi(user=kabid, pk=laporan.pk, method="koreksi")
        svc.laporan_aksi(user=sekretaris, pk=laporan.pk, method="paraf")
        if target == "terdaftar":
            tte_batch_start(user=users["kadis"], records=[record_ref(laporan)], passphrase=DEMO_TTE_PASSPHRASE)
            laporan.refresh_from_db()
            if laporan.status == "terbit":  # signed at once (tasks in process)
                svc.laporan_registrasi(user=adb, pk=laporan.pk, nomor=f"470/{laporan.pk:03d}/PIAK/{tahun}")
        laporan.refresh_from_db()
        made.append(laporan)
    made.append(svc.laporan_buat(user=kasi, jenis="bulanan_dp3ak", tahun=today.year, periode_ke=today.month))
    return made
