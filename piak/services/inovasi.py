"""State changes of fasilitasi inovasi layanan (one function per change).

Steps: Probolinggo P.6.6 «Fasilitasi Inovasi Layanan» (1 the Kadis orders PIAK to make an
innovation; 2 PIAK proposes its kind and scope, forms the Tim and sets the SK Tim; 3 the Tim drafts
the design and profile for the Kadis's approval, 1 hari; 4 PIAK chooses a rekanan when a third
party is needed; 5 the third party delivers the application; 6 PIAK receives it; 7 PIAK socialises
it). The results go to the Kadis as a Nota Dinas Laporan Pelaksanaan (Lumajang «Mekanisme Tata
Cara Pelaksanaan Inovasi Pelayanan», last step), a naskah of the Sekretariat's chain.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, User
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from dukcapil.workflow.services import (
    move_work_items,
    record_checker,
    record_lock,
)
from sekretariat.models import StatusNaskah
from sekretariat.services.naskah import naskah_buat
from sekretariat.services.surat_masuk import _first_card, _note
from sekretariat.uploads import periksa_pindaian

from ..models.inovasi import Inovasi, StatusInovasi
from .common import invalid, jenis_naskah, stage_minutes, transition_with

S = StatusInovasi
BIDANG_PIAK = "piak"
SOP_SLUG = "p6-6-fasilitasi-inovasi-layanan"
# SOP step (urutan) → the stage it times
SOP_STEP = {S.DIUSULKAN: 2, S.TIM_DIBENTUK: 3, S.RANCANGAN: 3, S.DISETUJUI: 4, S.PENGADAAN: 5, S.DITERIMA: 7}
JENIS_NOTA = "nota-dinas-laporan-pelaksanaan"
DARI = "Kepala Bidang Pemanfaatan Data dan Inovasi Pelayanan"

LABEL = {
    "bentuk_tim": "Bentuk tim",
    "ajukan": "Ajukan rancangan",
    "setujui": "Setujui rancangan",
    "kembalikan": "Kembalikan rancangan",
    "pengadaan": "Catat rekanan",
    "terima": "Terima hasil",
    "sosialisasikan": "Catat sosialisasi",
    "selesaikan": "Nyatakan selesai",
}


def standar_waktu() -> dict[str, int]:
    return stage_minutes(SOP_SLUG, SOP_STEP)


@dataclass(frozen=True)
class UsulData:
    nama: str
    latar_belakang: str
    jenis: str
    cakupan: str
    target: date


def inovasi_usul(*, user: User, data: UsulData) -> Inovasi:
    """PIAK records the innovation the Kadis ordered: its kind, scope and target (step 1–2)."""
    if not can_in_bidang(user, Aksi.INOVASI_KELOLA, BIDANG_PIAK):
        raise BerkasForbidden("Hanya Bidang PIAK yang mengusulkan inovasi layanan.")
    if not data.nama.strip() or not data.latar_belakang.strip():
        raise BerkasInvalid("Judul dan latar belakang inovasi wajib diisi.")
    if data.target < timezone.localdate():
        raise invalid("target", "Target selesai tidak boleh sebelum hari ini.")
    now = timezone.now()
    with transaction.atomic():
        inovasi = Inovasi.objects.create(
            bidang=Bidang.objects.get(kode=BIDANG_PIAK),
            pengusul=user,
            diusulkan_pada=now,
            status_sejak=now,
            nama=data.nama.strip(),
            latar_belakang=data.latar_belakang.strip(),
            jenis=data.jenis,
            cakupan=data.cakupan.strip(),
            target=data.target,
            tenggat=data.target,
            standar_waktu=standar_waktu(),
        )
        _first_card(inovasi, "usul", user, inovasi.nama[:1000])
        move_work_items([inovasi], now)
    return inovasi


_acting = record_checker(Inovasi, labels=LABEL, lock_label="Program inovasi")


def inovasi_bentuk_tim(
    *, user: User, pk: int, tim: list[User], sk_nomor: str, sk_tanggal: date, expected_status: str | None = None
) -> Inovasi:
    """The Tim Inovasi (staff of the office) and its SK (step 2)."""
    if not tim:
        raise invalid("tim", "Pilih sedikitnya satu anggota tim.")
    if not sk_nomor.strip():
        raise invalid("sk_nomor", "Nomor SK tim wajib diisi.")
    if sk_tanggal > timezone.localdate():
        raise invalid("sk_tanggal", "Tanggal SK tidak boleh di masa depan.")
    with transaction.atomic():
        inovasi = _acting(user, pk, "bentuk_tim", expected_status)
        inovasi.tim.set(tim)
        note = f"SK Tim {sk_nomor.strip()}, {len(tim)} anggota"
        fields = {"sk_tim_nomor": sk_nomor.strip()[:100], "sk_tim_tanggal": sk_tanggal}
        return transition_with(inovasi, "bentuk_tim", user, note, **fields)


def inovasi_ajukan(*, user: User, pk: int, berkas, catatan: str = "", expected_status: str | None = None) -> Inovasi:
    """The Tim's design and profile (a PDF or image that opens) go to the Kadis (step 3)."""
    try:
        periksa_pindaian(berkas, "Rancangan inovasi")
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"berkas": exc.messages}) from None
    with transaction.atomic():
        inovasi = _acting(user, pk, "ajukan", expected_status)
        inovasi.rancangan.save(f"{inovasi.nomor.lower()}-rancangan", berkas, save=False)
        return transition_with(inovasi, "ajukan", user, _note(catatan), rancangan=inovasi.rancangan)


def inovasi_setujui(*, user: User, pk: int, catatan: str = "", expected_status: str | None = None) -> Inovasi:
    with transaction.atomic():
        return transition_with(_acting(user, pk, "setujui", expected_status), "setujui", user, _note(catatan))


def inovasi_kembalikan(*, user: User, pk: int, alasan: str, expected_status: str | None = None) -> Inovasi:
    """The Kadis returns the design to the Tim with what to change."""
    note = _note(alasan)
    if not note:
        raise invalid("alasan", "Tulis apa yang perlu diperbaiki pada rancangan.")
    with transaction.atomic():
        return transition_with(_acting(user, pk, "kembalikan", expected_status), "kembalikan", user, note)


def inovasi_pengadaan(
    *, user: User, pk: int, rekanan: str, kontrak_nomor: str, expected_status: str | None = None
) -> Inovasi:
    """A third party builds it: the rekanan and its contract (step 4)."""
    if not rekanan.strip() or not kontrak_nomor.strip():
        raise BerkasInvalid(
            "Nama rekanan dan nomor kontrak wajib diisi.",
            fields={
                k: ["Wajib diisi."]
                for k, v in {"rekanan": rekanan, "kontrak_nomor": kontrak_nomor}.items()
                if not v.strip()
            },
        )
    with transaction.atomic():
        inovasi = _acting(user, pk, "pengadaan", expected_status)
        note = f"Rekanan {rekanan.strip()}, kontrak {kontrak_nomor.strip()}"
        fields = {"rekanan": rekanan.strip()[:200], "kontrak_nomor": kontrak_nomor.strip()[:100]}
        return transition_with(inovasi, "pengadaan", user, note, **fields)


def inovasi_terima(
    *, user: User, pk: int, tanggal: date, bast_nomor: str, expected_status: str | None = None
) -> Inovasi:
    """PIAK receives the delivered application (steps 5–6): its date and the BAST number."""
    if not bast_nomor.strip():
        raise invalid("bast_nomor", "Nomor BAST wajib diisi.")
    if tanggal > timezone.localdate():
        raise invalid("tanggal", "Tanggal diterima tidak boleh di masa depan.")
    with transaction.atomic():
        inovasi = _acting(user, pk, "terima", expected_status)
        note = f"BAST {bast_nomor.strip()}"
        fields = {"diterima_tanggal": tanggal, "bast_nomor": bast_nomor.strip()[:100]}
        return transition_with(inovasi, "terima", user, note, **fields)


def inovasi_sosialisasikan(
    *, user: User, pk: int, tanggal: date, uraian: str, expected_status: str | None = None
) -> Inovasi:
    """PIAK socialises the innovation (step 7): when, where and to whom."""
    note = _note(uraian)
    if not note:
        raise invalid("uraian", "Tulis pelaksanaan sosialisasi (sasaran, lokasi, peserta).")
    with transaction.atomic():
        inovasi = _acting(user, pk, "sosialisasikan", expected_status)
        return transition_with(inovasi, "sosialisasikan", user, note, sosialisasi=note, sosialisasi_tanggal=tanggal)


def inovasi_selesaikan(*, user: User, pk: int, catatan: str = "", expected_status: str | None = None) -> Inovasi:
    with transaction.atomic():
        return transition_with(_acting(user, pk, "selesaikan", expected_status), "selesaikan", user, _note(catatan))


def isi_nota_dinas(inovasi: Inovasi) -> str:
    """The nota dinas's body, filled from the record."""
    tim = ", ".join(escape(u.get_full_name() or u.username) for u in inovasi.tim.all())
    rekanan = (
        f"<p>Pembangunan dilaksanakan oleh rekanan {escape(inovasi.rekanan)} "
        f"(kontrak {escape(inovasi.kontrak_nomor)}).</p>"
        if inovasi.rekanan
        else ""
    )
    return (
        f"<p>Bersama ini dilaporkan pelaksanaan inovasi layanan «{escape(inovasi.nama)}» "
        f"({escape(inovasi.get_jenis_display())}; cakupan: {escape(inovasi.cakupan)}).</p>"
        f"<p>Latar belakang: {escape(inovasi.latar_belakang)}</p>"
        f"<p>Tim Inovasi ditetapkan dengan SK nomor {escape(inovasi.sk_tim_nomor)} tanggal "
        f"{format_tanggal(inovasi.sk_tim_tanggal)}, beranggotakan {tim}.</p>"
        f"{rekanan}"
        f"<p>Hasil inovasi diterima pada {format_tanggal(inovasi.diterima_tanggal)} dengan BAST nomor "
        f"{escape(inovasi.bast_nomor)}, dan disosialisasikan pada {format_tanggal(inovasi.sosialisasi_tanggal)}: "
        f"{escape(inovasi.sosialisasi)}</p>"
        "<p>Demikian laporan ini disampaikan untuk menjadi periksa.</p>"
    )


def inovasi_nota_dinas(*, user: User, pk: int) -> Inovasi:
    """The Nota Dinas Laporan Pelaksanaan of a finished programme, drafted as a naskah (konsep)
    whose route the jenis sets (Kabid's paraf, the Kadis signs)."""
    jenis = jenis_naskah(JENIS_NOTA)
    with transaction.atomic():
        inovasi = record_lock(Inovasi, pk, label="Program inovasi")
        if not can(user, Aksi.INOVASI_KELOLA, inovasi.bidang_id):
            raise BerkasForbidden("Hanya Bidang PIAK yang menyusun nota dinas laporan pelaksanaan.")
        if inovasi.status != S.SELESAI:
            raise BerkasConflict("Nota dinas laporan pelaksanaan disusun setelah program inovasi selesai.")
        if inovasi.nota_dinas_id and inovasi.nota_dinas.status != StatusNaskah.DITARIK:
            raise BerkasConflict(f"Nota dinas sudah disusun ({inovasi.nota_dinas.get_status_display()}).")
        inovasi.nota_dinas = naskah_buat(
            user=user, jenis=jenis, hal=f"Laporan pelaksanaan inovasi layanan {inovasi.nama}"[:250],
            isi=isi_nota_dinas(inovasi), tujuan_nama="Kepala Dinas", data={"dari": DARI},
        )  # fmt: skip
        inovasi.save(update_fields=["nota_dinas"])
    return inovasi
