"""State changes of gangguan SIAK, jaringan dan perangkat (one function per change).

Steps and times: Lumajang «SOP Monitoring Jaringan Komunikasi Data» (step 2: the user reports,
1 jam; step 3: the Kasi records it and reports to the helpdesk, 3 jam; step 4: the helpdesk
repairs, 1 hari; step 5: the Kasi passes the repair on to the user and records it, 1 jam; step 6:
the Kabid signs the periodic report, 1 jam) and Probolinggo P.6.1 (operator → Bidang PIAK →
pihak ketiga or Ditjen Dukcapil → operator told it is normal again). A repair by the rekanan
(Bintan «Pemeliharaan Sistem Jarkomdat SIAK») ends with the rekanan's report and the SPJ, which
goes Kasi → Kabid → Sekretaris → Kadis: drafted here as a naskah of that route (its number and
date may also be recorded as the Sekretariat gives them).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, Layanan, User
from dukcapil.workflow.permissions import Aksi, can, can_in_bidang
from dukcapil.workflow.services import (
    move_work_items,
    record_checker,
    record_lock,
    record_transition,
)
from sekretariat.models import StatusNaskah
from sekretariat.services.naskah import naskah_buat, naskah_bulanan_buat
from sekretariat.services.surat_masuk import _first_card, _note, _notify, _open_named
from sekretariat.uploads import periksa_pindaian

from ..models.gangguan import Gangguan, Helpdesk, LaporanMonitoring, Penanganan, Rekanan, StatusGangguan
from .common import jenis_naskah, stage_minutes

S = StatusGangguan
BIDANG_PIAK = "piak"
MULAI_PALING_LAMA = timedelta(days=366)  # a fault reported later than a year after it began is a typo
SOP_SLUG = "monitoring-jaringan-komunikasi-data"
# SOP step (urutan) → the stage it times; «lapor» is the first card's own step
SOP_STEP = {"lapor": 2, S.DILAPORKAN: 3, S.DITRIASE: 3, S.DIBUKA_KEMBALI: 3, S.DITANGANI: 4, S.SELESAI: 5}
JENIS_LAPORAN = "laporan-monitoring-jaringan"

LABEL = {
    "triase": "Triase",
    "tangani": "Tugaskan penanganan",
    "selesaikan": "Nyatakan selesai",
    "konfirmasi": "Konfirmasi perbaikan",
    "buka_kembali": "Buka kembali",
}


def standar_waktu() -> dict[str, int]:
    return stage_minutes(SOP_SLUG, SOP_STEP)


@dataclass(frozen=True)
class LaporData:
    kategori: str
    lokasi: str
    loket: str
    mulai: datetime
    terhenti: bool
    layanan: Layanan | None
    uraian: str


def gangguan_lapor(*, user: User, data: LaporData) -> Gangguan:
    """Any officer (a kecamatan operator too) reports a fault; it waits for PIAK's triage."""
    if not can(user, Aksi.GANGGUAN_LAPOR):
        raise BerkasForbidden("Peran Anda tidak dapat melaporkan gangguan.")
    now = timezone.now()
    if data.mulai > now:
        message = "Waktu mulai gangguan tidak boleh di masa depan."
        raise BerkasInvalid(message, fields={"mulai": [message]})
    if data.mulai < now - MULAI_PALING_LAMA:
        message = "Waktu mulai gangguan lebih dari setahun yang lalu; periksa tanggalnya."
        raise BerkasInvalid(message, fields={"mulai": [message]})
    if not data.uraian.strip() or not data.lokasi.strip():
        raise BerkasInvalid("Lokasi dan uraian gangguan wajib diisi.")
    with transaction.atomic():
        gangguan = Gangguan.objects.create(
            bidang=Bidang.objects.get(kode=BIDANG_PIAK),
            pelapor=user,
            dilaporkan_pada=now,
            status_sejak=now,
            kategori=data.kategori,
            lokasi=data.lokasi.strip(),
            loket=data.loket.strip(),
            mulai=data.mulai,
            terhenti=data.terhenti,
            layanan=data.layanan if data.terhenti else None,
            uraian=data.uraian.strip(),
            standar_waktu=standar_waktu(),
        )
        _first_card(gangguan, "lapor", user, gangguan.uraian[:1000])
        move_work_items([gangguan], now)
    return gangguan


_acting = record_checker(Gangguan, labels=LABEL, lock_label="Laporan gangguan")


def gangguan_triase(
    *, user: User, pk: int, kategori: str, prioritas: str, loket: str = "", expected_status: str | None = None,
    catatan: str = "",
) -> Gangguan:  # fmt: skip
    """PIAK decides the kind of fault, its priority and the loket it hits."""
    with transaction.atomic():
        gangguan = _acting(user, pk, "triase", expected_status)
        gangguan.kategori, gangguan.prioritas = kategori, prioritas
        if loket.strip():
            gangguan.loket = loket.strip()
        record_transition(gangguan, "triase", user, _note(catatan), update_fields=["kategori", "prioritas", "loket"])
    return gangguan


def gangguan_tugaskan(
    *, user: User, pk: int, penanganan: str, petugas: User | None = None, rekanan: Rekanan | None = None,
    helpdesk: str = "", nomor_tiket: str = "", expected_status: str | None = None, catatan: str = "",
) -> Gangguan:  # fmt: skip
    """Hand the fault to the office's ADB, the rekanan, or escalate it to an outside helpdesk
    (its ticket number and the time of escalation recorded)."""
    fields: dict = {"penanganan": penanganan, "petugas": None, "rekanan": None, "helpdesk": "", "nomor_tiket": ""}
    if penanganan == Penanganan.INTERNAL:
        if petugas is None or not can_in_bidang(petugas, Aksi.GANGGUAN_TANGANI, BIDANG_PIAK):
            message = "Pilih petugas PIAK (ADB atau Kasi) yang menangani."
            raise BerkasInvalid(message, fields={"petugas": [message]})
        fields["petugas"] = petugas
    elif penanganan == Penanganan.REKANAN:
        if rekanan is None or not rekanan.aktif:
            raise BerkasInvalid("Pilih rekanan pemeliharaan yang aktif.", fields={"rekanan": ["Pilih rekanan."]})
        fields["rekanan"] = rekanan
    elif penanganan == Penanganan.ESKALASI:
        errors = {}
        if helpdesk not in Helpdesk.values:
            errors["helpdesk"] = ["Pilih helpdesk tujuan eskalasi."]
        if not nomor_tiket.strip():
            errors["nomor_tiket"] = ["Catat nomor tiket dari helpdesk."]
        if errors:
            raise BerkasInvalid("Eskalasi perlu helpdesk tujuan dan nomor tiketnya.", fields=errors)
        fields |= {"helpdesk": helpdesk, "nomor_tiket": nomor_tiket.strip()[:60]}
    else:
        raise BerkasInvalid("Pilih siapa yang menangani.", fields={"penanganan": ["Pilih penanganan."]})
    with transaction.atomic():
        gangguan = _acting(user, pk, "tangani", expected_status)
        for name, value in fields.items():
            setattr(gangguan, name, value)
        update = list(fields)
        if penanganan == Penanganan.ESKALASI:
            gangguan.dieskalasi_pada = timezone.now()
            update.append("dieskalasi_pada")
        note = _note(catatan) or f"Ditangani: {Penanganan(penanganan).label}" + (
            f" ({Helpdesk(helpdesk).label}, tiket {gangguan.nomor_tiket})" if gangguan.helpdesk else ""
        )
        record_transition(gangguan, "tangani", user, note, update_fields=update)
    return gangguan


def gangguan_selesaikan(*, user: User, pk: int, penyelesaian: str, expected_status: str | None = None) -> Gangguan:
    """The fault is repaired; the reporter is asked to confirm (their kotak masuk)."""
    note = _note(penyelesaian)
    if not note:
        message = "Tulis bagaimana gangguan diselesaikan."
        raise BerkasInvalid(message, fields={"penyelesaian": [message]})
    with transaction.atomic():
        gangguan = _acting(user, pk, "selesaikan", expected_status)
        gangguan.penyelesaian, gangguan.selesai_pada = note, timezone.now()
        record_transition(gangguan, "selesaikan", user, note, update_fields=["penyelesaian", "selesai_pada"])
        _open_named(gangguan, [gangguan.pelapor], Aksi.GANGGUAN_LAPOR)
        _notify(
            [gangguan.pelapor],
            judul=f"{gangguan.nomor} selesai ditangani",
            pesan="Periksa dan konfirmasi perbaikannya, atau buka kembali bila gangguan masih terjadi.",
            url=gangguan.get_absolute_url(),
            record=gangguan,
        )
    return gangguan


def gangguan_konfirmasi(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> Gangguan:
    with transaction.atomic():
        gangguan = _acting(user, pk, "konfirmasi", expected_status)
        record_transition(gangguan, "konfirmasi", user, _note(catatan))
    return gangguan


def gangguan_buka_kembali(*, user: User, pk: int, alasan: str, expected_status: str | None = None) -> Gangguan:
    """The reporter finds the fault still there: back to PIAK, the time open runs again."""
    note = _note(alasan)
    if not note:
        message = "Tulis alasan laporan dibuka kembali."
        raise BerkasInvalid(message, fields={"alasan": [message]})
    with transaction.atomic():
        gangguan = _acting(user, pk, "buka_kembali", expected_status)
        gangguan.selesai_pada = None
        gangguan.dibuka_kembali += 1
        record_transition(gangguan, "buka_kembali", user, note, update_fields=["selesai_pada", "dibuka_kembali"])
    return gangguan


def gangguan_laporan_rekanan(
    *, user: User, pk: int, berkas, biaya: Decimal, spj_nomor: str = "", spj_tanggal: date | None = None
) -> Gangguan:
    """The rekanan's repair report (a PDF or image that opens) and its cost; the SPJ's number and
    date once the Sekretariat's chain has it."""
    try:
        periksa_pindaian(berkas, "Laporan perbaikan")
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"berkas": exc.messages}) from None
    if biaya is None or biaya < 0:
        raise BerkasInvalid("Biaya perbaikan tidak valid.", fields={"biaya": ["Isi biaya (Rp), 0 bila tanpa biaya."]})
    with transaction.atomic():
        gangguan = record_lock(Gangguan, pk, label="Laporan gangguan")
        if not can(user, Aksi.GANGGUAN_TANGANI, gangguan.bidang_id):
            raise BerkasForbidden("Peran Anda tidak berwenang mencatat laporan rekanan.")
        if gangguan.penanganan != Penanganan.REKANAN or gangguan.status not in (S.DITANGANI, S.SELESAI, S.DIKONFIRMASI):
            raise BerkasConflict("Laporan rekanan hanya dicatat untuk gangguan yang ditangani rekanan.")
        gangguan.laporan_rekanan.save(f"{gangguan.nomor.lower()}-rekanan", berkas, save=False)
        gangguan.biaya, gangguan.spj_nomor, gangguan.spj_tanggal = biaya, spj_nomor.strip()[:100], spj_tanggal
        gangguan.save(update_fields=["laporan_rekanan", "biaya", "spj_nomor", "spj_tanggal"])
    return gangguan


JENIS_SPJ = "spj-perbaikan-jaringan"


def gangguan_spj_ajukan(*, user: User, pk: int) -> Gangguan:
    """The Kasi drafts the rekanan's repair report and its SPJ as a naskah (konsep) whose route is
    Kabid → Sekretaris, then the Kadis (Bintan «Pemeliharaan Sistem Jarkomdat SIAK» steps 3–6)."""
    jenis = jenis_naskah(JENIS_SPJ)
    with transaction.atomic():
        gangguan = record_lock(Gangguan, pk, label="Laporan gangguan")
        if not can(user, Aksi.GANGGUAN_MONITORING, gangguan.bidang_id):
            raise BerkasForbidden("Hanya Kasi PIAK yang menyusun laporan hasil perbaikan dan SPJ.")
        if gangguan.penanganan != Penanganan.REKANAN or not gangguan.laporan_rekanan or gangguan.biaya is None:
            raise BerkasConflict("Catat dulu laporan perbaikan rekanan dan biayanya.")
        if gangguan.spj_naskah_id and gangguan.spj_naskah.status != StatusNaskah.DITARIK:
            raise BerkasConflict(f"SPJ gangguan ini sudah disusun ({gangguan.spj_naskah.get_status_display()}).")
        rekanan = gangguan.rekanan
        isi = (
            f"<p>Bersama ini disampaikan laporan hasil perbaikan atas gangguan {gangguan.nomor} "
            f"({escape(gangguan.get_kategori_display())}, {escape(gangguan.lokasi)}) oleh rekanan "
            f"{escape(rekanan.nama if rekanan else '-')}.</p>"
            f"<p>Uraian gangguan: {escape(gangguan.uraian)}</p>"
            f"<p>Hasil perbaikan: {escape(gangguan.penyelesaian or 'sedang dikerjakan')}</p>"
            f"<p>Biaya perbaikan: Rp{gangguan.biaya:,.0f}".replace(",", ".")
            + "</p>"
        )
        gangguan.spj_naskah = naskah_buat(
            user=user, jenis=jenis, hal=f"Laporan hasil perbaikan dan SPJ {gangguan.nomor}", isi=isi,
            tujuan_nama="Kepala Dinas",
        )  # fmt: skip
        gangguan.save(update_fields=["spj_naskah"])
    return gangguan


# --- laporan berkala monitoring -----------------------------------------------------------------


def _isi_laporan(rekap) -> str:
    from ..selectors.gangguan import durasi_teks

    kategori = "".join(f"<tr><td>{escape(k)}</td><td>{n}</td></tr>" for k, n in rekap.per_kategori)
    downtime = "".join(f"<tr><td>{escape(nama)}</td><td>{durasi_teks(d)}</td></tr>" for nama, d in rekap.downtime)
    return (
        f"<p>Berikut laporan berkala monitoring jaringan komunikasi data, SIAK dan perangkat bulan "
        f"{escape(rekap.judul_bulan)}.</p>"
        f"<p>Jumlah laporan gangguan: {rekap.jumlah}; terbuka pada akhir bulan: {rekap.terbuka_akhir_bulan}; "
        f"waktu penyelesaian median {durasi_teks(rekap.median)}, terlama {durasi_teks(rekap.maksimum)}.</p>"
        f"<table><tr><th>Kategori gangguan</th><th>Jumlah</th></tr>{kategori}</table>"
        f"<table><tr><th>Layanan terhenti</th><th>Lama terhenti</th></tr>{downtime}</table>"
    )


def laporan_monitoring_ajukan(*, user: User, tahun: int, bulan: int) -> LaporanMonitoring:
    """The Kasi draws the month's report up as a naskah (konsep) whose route has the Kabid's paraf;
    a month has one report, a withdrawn naskah may be replaced."""
    from ..selectors.gangguan import rekap_bulan

    if not can_in_bidang(user, Aksi.GANGGUAN_MONITORING, BIDANG_PIAK):
        raise BerkasForbidden("Hanya Kasi PIAK yang menyusun laporan berkala monitoring.")
    rekap = rekap_bulan(tahun, bulan)
    return naskah_bulanan_buat(
        model=LaporanMonitoring,
        user=user,
        tahun=tahun,
        bulan=bulan,
        jenis_kode=JENIS_LAPORAN,
        hal=f"Laporan berkala monitoring jaringan bulan {rekap.judul_bulan}",
        isi=_isi_laporan(rekap),
        label="Laporan",
        tujuan_nama="Kepala Dinas",
    )
