"""Demo data of the Sekretariat: its staff, surat masuk and naskah dinas keluar in every state (seed_demo)."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from reportlab.pdfgen.canvas import Canvas

from dukcapil.choices import Role
from dukcapil.demo import DEMO_PASSWORD, DEMO_TTE_PASSPHRASE, demo_nip
from dukcapil.models import Bidang, User
from dukcapil.tte.services import record_ref, tte_batch_start

from .models import (
    Disposisi,
    Instansi,
    InstruksiDisposisi,
    JenisNaskah,
    KlasifikasiArsip,
    Naskah,
    SifatSurat,
    SuratMasuk,
)
from .services import naskah as services
from .services import surat_masuk as svc

SEKRETARIAT_USERS = [
    ("agendaris", "Wulan", "Agendaris", Role.AGENDARIS),
    ("kasubag", "Teguh", "Kasubag Umum dan Kepegawaian", Role.KASUBAG),
    ("sekretaris", "Ratna", "Sekretaris Dinas", Role.SEKRETARIS),
    ("staf_umum", "Fikri", "Staf Umum", Role.STAF),
]

INSTANSI = [
    ("Bappeda Kabupaten", "Jl. Basuki Rahmat 12", "bappeda@pemkab.example"),
    ("Dinas Pendidikan Kabupaten", "Jl. Pahlawan 3", "dikbud@pemkab.example"),
    ("Inspektorat Kabupaten", "Jl. Veteran 8", "inspektorat@pemkab.example"),
    ("Ditjen Dukcapil Kemendagri", "Jl. Medan Merdeka Utara 7, Jakarta", "dukcapil@kemendagri.example"),
    ("Kecamatan Sukamaju", "Jl. Raya Sukamaju 1", ""),
]


def ensure_sekretariat_users(password: str, nip, people=SEKRETARIAT_USERS, start: int = 40) -> dict[str, User]:
    bidang = Bidang.objects.get(kode=svc.BIDANG_SEKRETARIAT)
    users = {}
    for index, (username, first, last, role) in enumerate(people, start=start):
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(password)
        user.bidang = bidang
        user.nip = nip(index, username in {"agendaris", "sekretaris"})
        user.save(update_fields=["password", "bidang", "nip"])
        user.groups.set([Group.objects.get(name=role.label)])
        users[username] = user
    return users


def _scan(perihal: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 760, "PINDAIAN SURAT (DEMO)")
    canvas.drawString(72, 740, perihal[:80])
    canvas.save()
    return SimpleUploadedFile("pindaian.pdf", buffer.getvalue(), content_type="application/pdf")


def _catat(agendaris: User, n: int, perihal: str, asal: Instansi, sifat: str = SifatSurat.BIASA) -> SuratMasuk:
    today = timezone.localdate()
    return svc.surat_masuk_catat(
        user=agendaris,
        data=svc.SuratMasukData(
            tanggal_terima=today - timedelta(days=n % 4),
            asal=asal,
            nomor_surat=f"{400 + n}/{100 + n * 7}/{asal.nama.split()[0].upper()}/{today.year}",
            tanggal_surat=today - timedelta(days=n % 4 + 2),
            perihal=perihal,
            sifat=sifat,
            lampiran="1 (satu) berkas" if n % 2 else "",
            pindaian=_scan(perihal),
        ),
    )


def _instruksi(*names: str) -> list[InstruksiDisposisi]:
    return list(InstruksiDisposisi.objects.filter(nama__in=names))


def build_surat_masuk_demo(users: dict[str, User]) -> list[SuratMasuk]:
    """Letters in every state, so the Kadis's kotak masuk shows berkas and letters side by side."""
    s = users
    asal = [
        Instansi.objects.get_or_create(nama=nama, defaults={"alamat": alamat, "email": email})[0]
        for nama, alamat, email in INSTANSI
    ]
    today = timezone.localdate()

    def to(surat: SuratMasuk, upto: str) -> SuratMasuk:
        if upto in ("sekretaris", "kadis"):
            svc.surat_masuk_teruskan(user=s["kasubag"], pk=surat.pk, expected_status="kasubag")
        if upto == "kadis":
            svc.surat_masuk_teruskan(user=s["sekretaris"], pk=surat.pk, expected_status="sekretaris")
        surat.refresh_from_db()
        return surat

    def dispose(surat: SuratMasuk, kepada: list[User], names: tuple[str, ...], isi: str, days: int | None = 5):
        return svc.surat_masuk_disposisi(
            user=s["kadis"],
            pk=surat.pk,
            expected_status="kadis",
            data=svc.DisposisiData(
                kepada=kepada,
                instruksi=_instruksi(*names),
                isi=isi,
                batas_waktu=today + timedelta(days=days) if days is not None else None,
                sifat=surat.sifat,
            ),
        )

    made = [
        _catat(s["agendaris"], 1, "Undangan rapat koordinasi data kependudukan triwulan IV", asal[0]),
        to(
            _catat(s["agendaris"], 2, "Permohonan data penduduk usia sekolah", asal[1], SifatSurat.SEGERA), "sekretaris"
        ),
        to(_catat(s["agendaris"], 3, "Edaran pemutakhiran data KTP-el", asal[3], SifatSurat.SANGAT_SEGERA), "kadis"),
        to(_catat(s["agendaris"], 4, "Pemeriksaan reguler kinerja pelayanan", asal[2], SifatSurat.RAHASIA), "kadis"),
    ]
    # didisposisi down three levels: Kadis → Sekretaris → Kasubag → staf, the staf has read it
    surat = to(_catat(s["agendaris"], 5, "Permintaan narasumber sosialisasi adminduk", asal[4]), "kadis")
    (top,) = dispose(surat, [s["sekretaris"]], ("Tindak lanjuti", "Siapkan jawaban"), "Siapkan narasumber dan jawaban.")
    (mid,) = svc.disposisi_teruskan(
        user=s["sekretaris"],
        pk=top.pk,
        expected_status="terbuka",
        data=svc.DisposisiData(
            [s["kasubag"]], _instruksi("Koordinasikan"), "Koordinasikan dengan bidang.", None, "biasa"
        ),
    )
    (low,) = svc.disposisi_teruskan(
        user=s["kasubag"],
        pk=mid.pk,
        expected_status="terbuka",
        data=svc.DisposisiData([s["staf_umum"]], _instruksi("Siapkan jawaban"), "Buat konsep jawaban.", None, "biasa"),
    )
    svc.disposisi_baca(user=s["staf_umum"], disposisi=low)
    made.append(surat)
    # didisposisi to the Kabid, past its batas waktu (given a week ago): highlighted to the Kadis
    surat = to(_catat(s["agendaris"], 6, "Permintaan data kelahiran untuk program imunisasi", asal[1]), "kadis")
    (late,) = dispose(surat, [s["kabid"]], ("Tindak lanjuti",), "Kirim data agregat.", days=1)
    Disposisi.objects.filter(pk=late.pk).update(
        batas_waktu=today - timedelta(days=2), tenggat=today - timedelta(days=2)
    )
    made.append(surat)
    # selesai: the Kabid closed the disposisi with a note
    surat = to(_catat(s["agendaris"], 7, "Permohonan verifikasi data penerima bantuan", asal[0]), "kadis")
    (done,) = dispose(surat, [s["kabid"]], ("Tindak lanjuti",), "Verifikasi dan laporkan.")
    svc.disposisi_tutup(
        user=s["kabid"], pk=done.pk, expected_status="terbuka", catatan="Data diverifikasi dan dikirim."
    )
    made.append(surat)
    # diarsipkan by the Kadis
    surat = to(_catat(s["agendaris"], 8, "Tembusan surat edaran libur nasional", asal[3]), "kadis")
    svc.surat_masuk_arsipkan(user=s["kadis"], pk=surat.pk, expected_status="kadis", catatan="Untuk diketahui.")
    made.append(surat)
    return made


# (jenis, hal, kepada, status it is left in)
NASKAH = [
    ("surat-dinas", "Permohonan data agregat kependudukan semester II", "Kepala Bappeda Kabupaten Bintan", "konsep"),
    ("undangan", "Undangan rapat koordinasi jemput bola KTP-el", "Camat Bintan Timur", "periksa"),
    ("nota-dinas", "Laporan capaian layanan November", "Kepala Dinas", "paraf"),
    ("surat-tugas", "Pelayanan jemput bola di Kecamatan Teluk Sebong", "Staf Umum", "penomoran"),
    ("surat-dinas", "Penyampaian data kependudukan untuk DPT", "Ketua KPU Kabupaten Bintan", "tte"),
    ("undangan", "Undangan sosialisasi akta kelahiran", "Kepala Sekolah SD se-Bintan Timur", "tte"),
    ("surat-dinas", "Konfirmasi data pindah datang", "Kepala Disdukcapil Kota Batam", "terbit"),
    ("surat-dinas", "Penyampaian blangko KTP-el rusak", "Direktur Jenderal Dukcapil", "terkirim"),
    ("laporan", "Laporan penyelenggaraan administrasi kependudukan Oktober", "Bupati Bintan", "arsip"),
    ("surat-dinas", "Permintaan data yang salah alamat", "Kepala Dinas Sosial", "ditarik"),
]
DATA = {
    "nota-dinas": {"dari": "Sekretaris"},
    "surat-tugas": {"dasar": "DPA Disdukcapil 2026", "kepada": "Fitri, Staf Umum", "untuk": "Jemput bola KTP-el"},
}
# how many of the steps in _advance lead to each state (ditarik: signed, then withdrawn)
_STEPS = {"konsep": 0, "periksa": 1, "paraf": 2, "penomoran": 3, "tte": 4, "terbit": 5, "terkirim": 6, "arsip": 7}
_STEPS["ditarik"] = _STEPS["terbit"]


def _advance(n: Naskah, target: str, u: dict[str, User], dari: str = "konsep") -> None:
    steps = [
        lambda: services.naskah_ajukan(pk=n.pk, user=u["staf_umum"]),
        lambda: services.naskah_setujui(pk=n.pk, user=u["kasubag"]),
        lambda: [services.naskah_paraf(pk=n.pk, user=u["sekretaris"]) for _ in services.paraf_kurang(n)],
        lambda: services.naskah_beri_nomor(
            pk=n.pk, user=u["agendaris"], klasifikasi=KlasifikasiArsip.objects.get(kode="470")
        ),
        lambda: tte_batch_start(user=u["kadis"], records=[record_ref(n)], passphrase=DEMO_TTE_PASSPHRASE),
        lambda: services.naskah_catat_ekspedisi(
            pk=n.pk, user=u["agendaris"], penerima="Petugas persuratan", cara="kurir",
            tanggal=timezone.localdate(), kurir="Caraka Joko",
        ),
        lambda: services.naskah_arsipkan(pk=n.pk, user=u["agendaris"]),
    ]  # fmt: skip
    for step in steps[_STEPS[dari] : _STEPS[target]]:
        step()
        n.refresh_from_db()
    if target == "ditarik":
        services.naskah_tarik(pk=n.pk, user=u["kadis"], alasan="Salah alamat tujuan; diganti surat baru.")


def build_naskah_demo(users: dict[str, User]) -> list[Naskah]:
    """The Sekretariat's staff and a naskah in every state (two wait for the Kadis's TTE)."""
    u = users | ensure_sekretariat_users(DEMO_PASSWORD, demo_nip)
    made = []
    for jenis, hal, kepada, target in NASKAH:
        n = services.naskah_buat(
            user=u["staf_umum"], jenis=JenisNaskah.objects.get(kode=jenis), hal=hal, tujuan_nama=kepada,
            tujuan_alamat="Bintan", tujuan_email="persuratan@example.go.id", data=DATA.get(jenis, {}),
        )  # fmt: skip
        _advance(n, target, u)
        made.append(n)
    # a konsep the Kasubag returned once, so its versions can be compared
    returned = made[0]
    services.naskah_ajukan(pk=returned.pk, user=u["staf_umum"])
    services.naskah_kembalikan(pk=returned.pk, user=u["kasubag"], catatan="Sebutkan semester dan tahunnya.")
    Naskah.objects.filter(pk=returned.pk).update(status_sejak=timezone.now() - timedelta(hours=3))
    return made
