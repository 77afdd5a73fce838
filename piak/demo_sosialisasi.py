"""Demo data of sosialisasi kebijakan kependudukan, driven through the services as the officers
would: one event in each state of the Lumajang SOP (planned, material ready, letter to the
kecamatan with the Kabid, ready to go with its letter signed, held, reported to the Kadis, done with
its nota dinas signed) and one cancelled. The letters go through the real naskah chain (paraf,
number, the Kadis's TTE with the demo passphrase)."""

from datetime import timedelta

from django.utils import timezone

from dukcapil.models import User
from sekretariat.demo import _scan

PLAN = [
    # (tema, kecamatan, desa, tempat, days ahead, sasaran, prioritas, data prioritas, target state)
    ("Kepemilikan KIA bagi anak 0-17 tahun", "Sukodono", "Klanting", "Balai Desa Klanting", 21,
     "Kader posyandu, guru PAUD dan orang tua", "tinggi",
     "Cakupan KIA Desa Klanting 38%, terendah di kabupaten (data konsolidasi semester I).", "direncanakan"),
    ("Pencatatan kematian dan akta kematian", "Tempeh", "", "Pendopo Kecamatan Tempeh", 18,
     "Kepala desa, kasun dan modin", "tinggi",
     "Laporan kematian terlambat rata-rata 4 bulan; 212 penduduk meninggal belum dilaporkan.", "materi_siap"),
    ("Identitas Kependudukan Digital (IKD)", "Pasirian", "Bades", "Aula Desa Bades", 14,
     "Perangkat desa dan karang taruna", "sedang",
     "Aktivasi IKD Kecamatan Pasirian 6%, di bawah target kabupaten 25%.", "surat"),
    ("Perekaman KTP-el pemula", "Yosowilangun", "", "SMAN Yosowilangun", 10,
     "Siswa kelas XII dan guru BK", "sedang",
     "412 pemilih pemula belum merekam KTP-el menjelang pemilihan kepala desa.", "siap"),
    ("Pindah datang dan perubahan KK", "Senduro", "Argosari", "Balai Desa Argosari", 7,
     "Ketua RT/RW dan tokoh masyarakat", "rendah",
     "Banyak KK belum diperbarui setelah perpindahan antar desa.", "dilaksanakan"),
    ("Akta kelahiran dan akta perkawinan", "Candipuro", "", "Pendopo Kecamatan Candipuro", 5,
     "Modin, penyuluh KUA dan bidan desa", "tinggi",
     "Cakupan akta kelahiran 0-18 tahun Kecamatan Candipuro 81%.", "dilaporkan"),
    ("Layanan adminduk daring (Lumajang Digital)", "Lumajang", "Citrodiwangsan", "Kantor Kelurahan Citrodiwangsan",
     3, "Ketua RT/RW dan PKK", "sedang", "Permohonan daring kelurahan ini 3% dari seluruh permohonan.", "selesai"),
    ("Pemutakhiran data penduduk rentan", "Ranuyoso", "", "Pendopo Kecamatan Ranuyoso", 12,
     "Pendamping PKH dan perangkat desa", "rendah", "Data penduduk rentan belum padan dengan DTKS.", "dibatalkan"),
]  # fmt: skip
ORDER = ["direncanakan", "materi_siap", "surat", "siap", "dilaksanakan", "dilaporkan", "selesai"]
HADIR = {"Aparatur kecamatan": 4, "Kepala desa/lurah dan perangkat desa": 18, "Ketua RT/RW": 22,
         "Kader posyandu dan PKK": 9, "Masyarakat umum": 15}  # fmt: skip


def _sign(naskah, u: dict[str, User]) -> None:
    """The letter through the naskah chain: submitted, checked, paraf on its route, numbered, the Kadis's TTE."""
    from dukcapil.demo import DEMO_TTE_PASSPHRASE
    from dukcapil.tte.services import record_ref, tte_batch_start
    from sekretariat.models import KlasifikasiArsip
    from sekretariat.services import naskah as ns

    ns.naskah_ajukan(pk=naskah.pk, user=u["kasi_piak"])
    ns.naskah_setujui(pk=naskah.pk, user=u["kasubag"])
    for role in ns.paraf_kurang(naskah):
        ns.naskah_paraf(pk=naskah.pk, user=u["kabid_piak"] if role == "kabid" else u["sekretaris"])
    ns.naskah_beri_nomor(pk=naskah.pk, user=u["agendaris"], klasifikasi=KlasifikasiArsip.objects.get(kode="470"))
    tte_batch_start(user=u["kadis"], records=[record_ref(naskah)], passphrase=DEMO_TTE_PASSPHRASE)


def build_sosialisasi_demo(users: dict[str, User]) -> list:
    from sekretariat.services.naskah import naskah_ajukan

    from . import sosialisasi_data
    from .models import KategoriPeserta, Sosialisasi
    from .services import sosialisasi as svc

    sosialisasi_data.load()
    u, kasi = users, users["kasi_piak"]
    today = timezone.localdate()
    kategori = {k.nama: k.pk for k in KategoriPeserta.objects.all()}
    made = []
    for tema, kec, desa, tempat, ahead, sasaran, prioritas, dasar, target in PLAN:
        reach = ORDER.index(target) if target in ORDER else 0
        # the events already held were planned for today (a plan's date cannot lie in the past)
        tanggal = today if reach >= 4 else today + timedelta(days=ahead)
        data = svc.RencanaData(tema=tema, kecamatan=kec, desa=desa, tempat=tempat, tanggal=tanggal,
                               sasaran=sasaran, prioritas=prioritas, dasar_prioritas=dasar)  # fmt: skip
        sos = svc.sosialisasi_rencanakan(user=kasi, data=data)
        made.append(sos)
        if target == "dibatalkan":
            alasan = "Bersamaan dengan musrenbang kecamatan; dijadwalkan ulang."
            svc.sosialisasi_batalkan(user=kasi, pk=sos.pk, alasan=alasan)
            continue
        if reach >= 1:
            uraian = "Dasar hukum, persyaratan, alur layanan dan layanan daring; disusun bersama Bidang Pendaftaran."
            svc.sosialisasi_siapkan_materi(user=kasi, pk=sos.pk, berkas=_scan(f"Materi {tema}"), uraian=uraian)
        if reach >= 2:
            koordinasi = "Sekretaris kecamatan menyanggupi tempat dan undangan peserta."
            sos = svc.sosialisasi_susun_surat(user=kasi, pk=sos.pk, kepada=f"Camat {kec}", koordinasi=koordinasi)
            if reach == 2:
                naskah_ajukan(pk=sos.surat_id, user=kasi)  # with the Kasubag and the Kabid for checking
                continue
            svc.sosialisasi_surat_tugas(user=kasi, pk=sos.pk, kepada="Rudi, Kasi PIAK\nFajar, ADB PIAK")
            _sign(sos.surat, u)
        if reach >= 4 and Sosialisasi.objects.get(pk=sos.pk).status == "siap":  # the TTE ran at once
            data = svc.PelaksanaanData(
                tanggal=today, kehadiran={kategori[nama]: n for nama, n in HADIR.items() if nama in kategori},
                daftar_hadir=_scan(f"Daftar hadir sosialisasi {tema}"),
                notulen="Peserta menanyakan syarat dan lama layanan; disepakati jemput bola bulan depan.",
            )  # fmt: skip
            svc.sosialisasi_laksanakan(user=kasi, pk=sos.pk, data=data)
            if reach >= 5:
                sos = svc.sosialisasi_laporkan(user=kasi, pk=sos.pk)
                if reach == 5:
                    naskah_ajukan(pk=sos.nota_dinas_id, user=kasi)
                else:
                    _sign(sos.nota_dinas, u)
    return made
