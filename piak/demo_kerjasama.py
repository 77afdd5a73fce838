"""Demo data of PIAK kerja sama and permintaan data (seed_demo, through dukcapil.demo._seed_piak):
agreements in force, one ending within 90 days, one ended and one under discussion; a request being
processed by the ADB under an agreement, and one refused without an agreement, its letter signed,
sent and archived."""

from datetime import timedelta

from django.utils import timezone

from dukcapil.demo import DEMO_TTE_PASSPHRASE
from dukcapil.models import User
from dukcapil.tte.services import record_ref, tte_batch_start
from sekretariat.demo import _scan as _pdf  # a one-page PDF that opens
from sekretariat.models import Instansi, KlasifikasiArsip, Naskah
from sekretariat.services import naskah as naskah_svc
from sekretariat.services import surat_masuk as svc

from .models import Kerjasama, PermintaanData
from .services import kerjasama as ks
from .services import permintaan_data as pd

# (lembaga, judul, ruang lingkup, days since it started, days until it ends; None: still dibahas)
KERJASAMA = [
    ("BPJS Kesehatan Cabang Kabupaten", "Pemanfaatan data kependudukan untuk kepesertaan JKN",
     ["verifikasi_nik", "web_service", "data_balikan"], 200, 530),
    ("Bank Pembangunan Daerah", "Verifikasi NIK nasabah melalui web portal", ["verifikasi_nik", "web_portal"], 320, 45),
    ("Kantor Pertanahan Kabupaten", "Pemadanan data pemohon sertipikat tanah", ["pemadanan"], 760, -30),
    ("Dinas Sosial Kabupaten", "Pemadanan data penerima bantuan sosial", ["pemadanan", "data_agregat"], None, None),
]  # fmt: skip


def _lembaga(nama: str) -> Instansi:
    return Instansi.objects.get_or_create(nama=nama, defaults={"alamat": "Jl. Demo 1", "email": ""})[0]


def _sampai_ditandatangani(pks: Kerjasama, u: dict[str, User], n: int, mulai, berakhir) -> None:
    ks.kerjasama_aksi(user=u["kasi_piak"], pk=pks.pk, method="susun_draf", draf=_pdf(f"Draf {pks.judul}"))
    ks.kerjasama_aksi(user=u["kasi_piak"], pk=pks.pk, method="ajukan")
    ks.kerjasama_aksi(user=u["kabid_piak"], pk=pks.pk, method="setujui", catatan="Dibahas bersama Kasi.")
    ks.kerjasama_aksi(user=u["sekretaris"], pk=pks.pk, method="paraf")
    data = ks.TandaTanganData(
        f"470/{100 + n}/PKS/DISDUKCAPIL/{mulai.year}", mulai, f"PKS.{n:02d}/{mulai.year}", mulai, mulai, berakhir,
        _pdf(f"PKS {pks.judul} bertanda tangan"), _pdf(f"Juknis {pks.judul}"),
    )  # fmt: skip
    ks.kerjasama_tandatangani(user=u["kasi_piak"], pk=pks.pk, data=data)


def build_kerjasama_demo(users: dict[str, User]) -> list[Kerjasama]:
    today = timezone.localdate()
    made = []
    for n, (nama, judul, lingkup, sejak, sisa) in enumerate(KERJASAMA, start=1):
        pks = ks.kerjasama_usulkan(
            user=users["kasi_piak"],
            data=ks.UsulanData(_lembaga(nama), judul, f"Rencana kerja sama: {judul.lower()}.", lingkup),
        )
        if sejak is None:  # left in discussion with the Kabid
            ks.kerjasama_aksi(user=users["kasi_piak"], pk=pks.pk, method="susun_draf", draf=_pdf(judul))
            ks.kerjasama_aksi(user=users["kasi_piak"], pk=pks.pk, method="ajukan")
        else:
            mulai, berakhir = today - timedelta(days=sejak), today + timedelta(days=max(sisa, 0))
            _sampai_ditandatangani(pks, users, n, mulai, berakhir)
            ks.kerjasama_berlakukan(user=users["kasi_piak"], pk=pks.pk)
            if sisa < 0:  # an agreement whose term has passed: the daily task ends it
                Kerjasama.objects.filter(pk=pks.pk).update(berakhir=today + timedelta(days=sisa))
        made.append(pks)
    ks.kerjasama_harian(hari_ini=today)  # ends the old one, reminds about the one ending within 90 days
    return made


def _surat_ke_piak(u: dict[str, User], n: int, perihal: str, asal: Instansi):
    """A request letter recorded, routed to the Kadis, disposed to the Kabid PIAK and on to the Kasi."""
    today = timezone.localdate()
    surat = svc.surat_masuk_catat(
        user=u["agendaris"],
        data=svc.SuratMasukData(today - timedelta(days=2), asal, f"005/{300 + n}/{today.year}",
                                today - timedelta(days=4), perihal, "biasa", "1 (satu) berkas", _pdf(perihal)),
    )  # fmt: skip
    svc.surat_masuk_teruskan(user=u["kasubag"], pk=surat.pk, expected_status="kasubag")
    svc.surat_masuk_teruskan(user=u["sekretaris"], pk=surat.pk, expected_status="sekretaris")
    (top,) = svc.surat_masuk_disposisi(
        user=u["kadis"], pk=surat.pk, expected_status="kadis",
        data=svc.DisposisiData([u["kabid_piak"]], [], "Proses sesuai PKS.", today + timedelta(days=7), "biasa"),
    )  # fmt: skip
    (low,) = svc.disposisi_teruskan(
        user=u["kabid_piak"], pk=top.pk, expected_status="terbuka",
        data=svc.DisposisiData([u["kasi_piak"]], [], "Verifikasi dan olah.", None, "biasa"),
    )  # fmt: skip
    return surat, low


def _kirim_dan_arsip(naskah: Naskah, u: dict[str, User]) -> None:
    """The letter through the naskah chain: paraf Kabid and Sekretaris, number, TTE, sent, archived."""
    pk = naskah.pk
    naskah_svc.naskah_ajukan(pk=pk, user=u["kasi_piak"])
    naskah_svc.naskah_setujui(pk=pk, user=u["kasubag"])
    naskah_svc.naskah_paraf(pk=pk, user=u["kabid_piak"])
    naskah_svc.naskah_paraf(pk=pk, user=u["sekretaris"])
    naskah_svc.naskah_beri_nomor(pk=pk, user=u["agendaris"], klasifikasi=KlasifikasiArsip.objects.get(kode="474"))
    tte_batch_start(user=u["kadis"], records=[record_ref(naskah)], passphrase=DEMO_TTE_PASSPHRASE)
    naskah_svc.naskah_catat_ekspedisi(pk=pk, user=u["agendaris"], penerima="Bagian umum lembaga", cara="kurir",
                                      tanggal=timezone.localdate(), kurir="Caraka Joko")  # fmt: skip
    naskah_svc.naskah_arsipkan(pk=pk, user=u["agendaris"])


def build_permintaan_demo(users: dict[str, User]) -> list[PermintaanData]:
    """One request at the ADB under BPJS's agreement; one refused (no agreement), its letter done."""
    u = users
    made = []
    surat, disposisi = _surat_ke_piak(u, 1, "Permohonan verifikasi NIK peserta JKN", _lembaga(KERJASAMA[0][0]))
    case = pd.permintaan_buka(
        user=u["kasi_piak"],
        data=pd.PermintaanBaru(surat.pk, "permintaan", "verifikasi_nik", "Verifikasi 1.250 NIK peserta baru JKN.",
                               disposisi.pk),
    )  # fmt: skip
    made.append(pd.permintaan_periksa(user=u["kasi_piak"], pk=case.pk))
    lembaga = _lembaga("Koperasi Simpan Pinjam Sejahtera")
    surat, disposisi = _surat_ke_piak(u, 2, "Permintaan data penduduk calon anggota koperasi", lembaga)
    case = pd.permintaan_buka(
        user=u["kasi_piak"],
        data=pd.PermintaanBaru(surat.pk, "permintaan", "data_balikan", "Data alamat calon anggota.", disposisi.pk),
    )
    case = pd.permintaan_periksa(user=u["kasi_piak"], pk=case.pk)
    _kirim_dan_arsip(case.naskah, u)
    made.append(pd.permintaan_selesaikan(user=u["kasi_piak"], pk=case.pk))
    return made
