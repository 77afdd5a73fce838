"""Demo data of the Sekretariat's naskah dinas keluar (called from dukcapil.demo.seed_demo)."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.demo import DEMO_PASSWORD, DEMO_TTE_PASSPHRASE, demo_nip
from dukcapil.models import Bidang, User
from dukcapil.tte.services import record_ref, tte_batch_start

from .models import JenisNaskah, KlasifikasiArsip, Naskah
from .services import naskah as services

SEKRETARIAT_USERS = [
    ("agendaris", "Wati", "Agendaris", Role.AGENDARIS),
    ("kasubag", "Rahmat", "Kasubag Umum dan Kepegawaian", Role.KASUBAG),
    ("sekretaris", "Dian", "Sekretaris Dinas", Role.SEKRETARIS),
    ("staf_sekretariat", "Fitri", "Staf Umum", Role.STAF),
]

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


def ensure_sekretariat_users() -> dict[str, User]:
    sekretariat = Bidang.objects.get(kode="sekretariat")
    users = {}
    for index, (username, first, last, role) in enumerate(SEKRETARIAT_USERS, start=40):
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
        if created:
            user.set_password(DEMO_PASSWORD)
        user.bidang, user.nip = sekretariat, demo_nip(index, first in {"Wati", "Dian", "Fitri"})
        user.save(update_fields=["password", "bidang", "nip"])
        user.groups.set([Group.objects.get(name=role.label)])
        users[username] = user
    return users


def _advance(n: Naskah, target: str, u: dict[str, User]) -> None:
    steps = [
        lambda: services.naskah_ajukan(pk=n.pk, user=u["staf_sekretariat"]),
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
    for step in steps[: _STEPS[target]]:
        step()
        n.refresh_from_db()
    if target == "ditarik":
        services.naskah_tarik(pk=n.pk, user=u["kadis"], alasan="Salah alamat tujuan; diganti surat baru.")


def build_naskah_demo(users: dict[str, User]) -> list[Naskah]:
    """The Sekretariat's staff and a naskah in every state (two wait for the Kadis's TTE)."""
    u = users | ensure_sekretariat_users()
    made = []
    for jenis, hal, kepada, target in NASKAH:
        n = services.naskah_buat(
            user=u["staf_sekretariat"], jenis=JenisNaskah.objects.get(kode=jenis), hal=hal, tujuan_nama=kepada,
            tujuan_alamat="Bintan", tujuan_email="persuratan@example.go.id", data=DATA.get(jenis, {}),
        )  # fmt: skip
        _advance(n, target, u)
        made.append(n)
    # a konsep the Kasubag returned once, so its versions can be compared
    returned = made[0]
    services.naskah_ajukan(pk=returned.pk, user=u["staf_sekretariat"])
    services.naskah_kembalikan(pk=returned.pk, user=u["kasubag"], catatan="Sebutkan semester dan tahunnya.")
    Naskah.objects.filter(pk=returned.pk).update(status_sejak=timezone.now() - timedelta(hours=3))
    return made
