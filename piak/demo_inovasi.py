"""Demo data of inovasi layanan, driven through the services as the officers would.

Three programmes at three stages of P.6.6: a fresh proposal waiting for its Tim; a design sent to
the Kadis (returned once, then resubmitted); and an application built by a rekanan, received,
socialised and finished, its nota dinas laporan pelaksanaan drafted and sent for the Kabid's paraf.
"""

from datetime import timedelta

from django.utils import timezone

from dukcapil.models import User
from sekretariat.demo import _scan


def build_inovasi_demo(users: dict[str, User]) -> list:
    from sekretariat.services.naskah import naskah_ajukan

    from .services import inovasi as svc

    kasi, kabid, kadis, adb = users["kasi_piak"], users["kabid_piak"], users["kadis"], users["adb"]
    today = timezone.localdate()

    def usul(nama: str, jenis: str, cakupan: str, latar: str, bulan: int):
        data = svc.UsulData(
            nama=nama, latar_belakang=latar, jenis=jenis, cakupan=cakupan, target=today + timedelta(days=30 * bulan)
        )
        return svc.inovasi_usul(user=kasi, data=data)

    # 1. a proposal waiting for its Tim
    baru = usul(
        "Layanan adminduk keliling sekolah", "jemput_bola", "Perekaman KTP-el pemula di SMA/SMK se-kabupaten",
        "Banyak pemilih pemula belum merekam KTP-el menjelang usia 17 tahun.", 4,
    )  # fmt: skip
    # 2. the design with the Kadis, after one return
    rancangan = usul(
        "Antrean daring layanan Dukcapil", "aplikasi", "Loket kantor dinas dan 4 kecamatan",
        "Antrean fisik menumpuk pada pagi hari; warga menunggu lebih dari dua jam.", 3,
    )  # fmt: skip
    svc.inovasi_bentuk_tim(user=kasi, pk=rancangan.pk, tim=[kasi, adb], sk_nomor="800/112/SK/2026",
                           sk_tanggal=today - timedelta(days=10))  # fmt: skip
    svc.inovasi_ajukan(user=kasi, pk=rancangan.pk, berkas=_scan("Rancangan antrean daring v1"))
    svc.inovasi_kembalikan(user=kadis, pk=rancangan.pk, alasan="Tambahkan alur untuk warga tanpa ponsel pintar.")
    svc.inovasi_ajukan(user=kasi, pk=rancangan.pk, berkas=_scan("Rancangan antrean daring v2"),
                       catatan="Ditambah pendaftaran melalui petugas desa.")  # fmt: skip
    # 3. built by a rekanan, received, socialised, finished; the nota dinas with the Kabid
    selesai = usul(
        "Cetak mandiri dokumen kependudukan (ADM)", "aplikasi", "Anjungan dukcapil mandiri di mal pelayanan publik",
        "Warga perlu mencetak KK dan akta yang sudah ber-TTE tanpa antre di loket.", 2,
    )  # fmt: skip
    svc.inovasi_bentuk_tim(user=kasi, pk=selesai.pk, tim=[kasi, kabid, adb], sk_nomor="800/087/SK/2026",
                           sk_tanggal=today - timedelta(days=60))  # fmt: skip
    svc.inovasi_ajukan(user=kasi, pk=selesai.pk, berkas=_scan("Profil inovasi anjungan mandiri"))
    svc.inovasi_setujui(user=kadis, pk=selesai.pk, catatan="Lanjutkan melalui pengadaan.")
    svc.inovasi_pengadaan(user=kasi, pk=selesai.pk, rekanan="CV Solusi Digital Nusantara",
                          kontrak_nomor="027/045/PPK-DUKCAPIL/2026")  # fmt: skip
    svc.inovasi_terima(user=kasi, pk=selesai.pk, tanggal=today - timedelta(days=7), bast_nomor="027/051/BAST/2026")
    svc.inovasi_sosialisasikan(
        user=kasi, pk=selesai.pk, tanggal=today - timedelta(days=2),
        uraian="Sosialisasi kepada camat, operator kecamatan dan petugas MPP di aula dinas; 48 peserta.",
    )  # fmt: skip
    svc.inovasi_selesaikan(user=kasi, pk=selesai.pk)
    selesai = svc.inovasi_nota_dinas(user=kasi, pk=selesai.pk)
    naskah_ajukan(user=kasi, pk=selesai.nota_dinas_id)
    return [baru, rancangan, selesai]
