"""State changes of update data kependudukan (Probolinggo P.6.7), one function per change.

SOP steps (the document gives no times, so the kartu kendali records the stages without a
standard): 1–2 the pemohon applies (online, by letter, or at the office with a copy of the KK) →
3 Bidang PIAK verifies the documents and the data against the register → 4 the petugas sends the
update to the Ditjen Dukcapil (its ticket/letter number and date recorded) → 5–6 the Ditjen
consolidates and confirms (or refuses, with its reason) → 7 the petugas confirms to the pemohon.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, User
from dukcapil.nik import clean_nik
from dukcapil.notifikasi.services import kirim_email
from dukcapil.workflow.permissions import Aksi, can_in_bidang
from dukcapil.workflow.services import move_work_items, record_checker, record_transition
from sekretariat.services.surat_masuk import _first_card, _note
from sekretariat.uploads import periksa_pindaian

from ..models.update_data import KanalKonfirmasi, PermohonanUpdateData, StatusUpdateData
from .common import invalid, stage_minutes, transition_with

S = StatusUpdateData
BIDANG_PIAK = "piak"
SOP_SLUG = "p6-7-update-data-kependudukan"
# SOP step (urutan) that each stage waits on
SOP_STEP = {S.DITERIMA: 3, S.DIVERIFIKASI: 4, S.DIAJUKAN: 6, S.DIUPDATE: 7, S.DITOLAK: 7}

LABEL = {
    "verifikasi": "Verifikasi sesuai",
    "tolak": "Tolak permohonan",
    "ajukan": "Ajukan ke Ditjen",
    "hasil_update": "Catat hasil: sudah di-update",
    "hasil_tolak": "Catat hasil: ditolak Ditjen",
    "konfirmasi": "Konfirmasi kepada pemohon",
}


def standar_waktu() -> dict[str, int]:
    return stage_minutes(SOP_SLUG, SOP_STEP)


def _required(value: str, field: str, message: str) -> str:
    note = _note(value)
    if not note:
        raise invalid(field, message)
    return note


def _not_future(value: date | None, field: str, label: str) -> date:
    if value is None:
        raise invalid(field, f"Isi {label}.")
    if value > timezone.localdate():
        raise invalid(field, f"{label.capitalize()} tidak boleh di masa depan.")
    return value


@dataclass(frozen=True)
class PermohonanData:
    kanal: str
    nik: str
    nama_pemohon: str
    telepon: str
    email: str
    jenis_masalah: str
    uraian: str
    bukti: object | None  # an uploaded file, checked by content


def update_data_terima(*, user: User, data: PermohonanData) -> PermohonanUpdateData:
    """PIAK staff record a request (at the counter, from a letter, or typed in from an online one)."""
    if not can_in_bidang(user, Aksi.UPDATE_DATA_OLAH, BIDANG_PIAK):
        raise BerkasForbidden("Hanya petugas Bidang PIAK yang menerima permohonan update data.")
    try:
        nik = clean_nik(data.nik.strip())
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"nik": exc.messages}) from None
    if not data.telepon.strip() and not data.email.strip():
        message = "Isi telepon atau email pemohon untuk konfirmasi hasilnya."
        raise BerkasInvalid(message, fields={"telepon": [message]})
    uraian = _required(data.uraian, "uraian", "Tulis data apa yang tidak sesuai.")
    nama = _required(data.nama_pemohon, "nama_pemohon", "Isi nama pemohon.")
    ext = ""
    if data.bukti:
        try:
            ext = periksa_pindaian(data.bukti, "Bukti")
        except ValidationError as exc:
            raise BerkasInvalid(exc.messages[0], fields={"bukti": exc.messages}) from None
    now = timezone.now()
    with transaction.atomic():
        permohonan = PermohonanUpdateData(
            bidang=Bidang.objects.get(kode=BIDANG_PIAK),
            kanal=data.kanal,
            diterima_oleh=user,
            diterima_pada=now,
            status_sejak=now,
            nik=nik,
            nama_pemohon=nama[:150],
            telepon=data.telepon.strip()[:30],
            email=data.email.strip(),
            jenis_masalah=data.jenis_masalah,
            uraian=uraian,
            standar_waktu=standar_waktu(),
        )
        permohonan.save()
        if data.bukti:
            permohonan.bukti.save(f"{permohonan.nomor.lower()}-bukti.{ext}", data.bukti, save=False)
            permohonan.save(update_fields=["bukti"])
        _first_card(permohonan, "terima", user, f"Permohonan {permohonan.get_kanal_display().lower()}")
        move_work_items([permohonan], now)
    return permohonan


_acting = record_checker(PermohonanUpdateData, labels=LABEL, lock_label="Permohonan update data")


def update_data_verifikasi(
    *, user: User, pk: int, temuan: str, sesuai: bool, expected_status: str | None = None
) -> PermohonanUpdateData:
    """The ADB records what the register shows against the request: it goes on to the Ditjen, or
    (the documents or the data do not support it) is refused and the pemohon is told why."""
    note = _required(temuan, "temuan", "Tulis temuan verifikasi terhadap database kependudukan.")
    method = "verifikasi" if sesuai else "tolak"
    fields = {"temuan": note} | ({} if sesuai else {"alasan_tolak": note})
    with transaction.atomic():
        return transition_with(_acting(user, pk, method, expected_status), method, user, note, **fields)


def update_data_ajukan(
    *, user: User, pk: int, nomor_tiket: str, tanggal: date, expected_status: str | None = None
) -> PermohonanUpdateData:
    """The petugas sends the update to the Ditjen Dukcapil: its ticket or letter number and date."""
    nomor = _required(nomor_tiket, "nomor_tiket", "Catat nomor tiket/surat pengajuan ke Ditjen.")[:60]
    tanggal = _not_future(tanggal, "tanggal", "tanggal pengajuan")
    note = f"Diajukan ke Ditjen Dukcapil, tiket/surat {nomor}"
    with transaction.atomic():
        permohonan = _acting(user, pk, "ajukan", expected_status)
        return transition_with(permohonan, "ajukan", user, note, nomor_tiket=nomor, diajukan_tanggal=tanggal)


def update_data_hasil(
    *, user: User, pk: int, diupdate: bool, keterangan: str, tanggal: date, expected_status: str | None = None
) -> PermohonanUpdateData:
    """The Ditjen's answer: the data is updated, or refused with its reason."""
    message = "Tulis keterangan dari Ditjen." if diupdate else "Tulis alasan penolakan dari Ditjen."
    note = _required(keterangan, "keterangan", message)
    tanggal = _not_future(tanggal, "tanggal", "tanggal hasil")
    method = "hasil_update" if diupdate else "hasil_tolak"
    fields = {"hasil_ditjen": note, "hasil_tanggal": tanggal} | ({} if diupdate else {"alasan_tolak": note})
    with transaction.atomic():
        return transition_with(_acting(user, pk, method, expected_status), method, user, note, **fields)


def update_data_konfirmasi(
    *, user: User, pk: int, kanal: str, tanggal: date, catatan: str = "", expected_status: str | None = None
) -> PermohonanUpdateData:
    """The petugas tells the pemohon the result (SOP step 7); with an email address it is also sent
    (outbox, same transaction)."""
    if kanal not in KanalKonfirmasi.values:
        raise BerkasInvalid("Pilih cara konfirmasi kepada pemohon.", fields={"kanal": ["Pilih cara konfirmasi."]})
    tanggal = _not_future(tanggal, "tanggal", "tanggal konfirmasi")
    with transaction.atomic():
        permohonan = _acting(user, pk, "konfirmasi", expected_status)
        if kanal == KanalKonfirmasi.EMAIL and not permohonan.email:
            message = "Pemohon tidak mencantumkan email; pilih cara konfirmasi lain."
            raise BerkasInvalid(message, fields={"kanal": [message]})
        diupdate = permohonan.status == S.DIUPDATE
        permohonan.konfirmasi_kanal, permohonan.konfirmasi_tanggal = kanal, tanggal
        label = KanalKonfirmasi(kanal).label
        record_transition(
            permohonan, "konfirmasi", user, _note(catatan) or f"Dikonfirmasi kepada pemohon melalui {label}",
            update_fields=["konfirmasi_kanal", "konfirmasi_tanggal"],
        )  # fmt: skip
        if permohonan.email:
            kirim_email([permohonan.email], subjek=f"Permohonan update data {permohonan.nomor}",
                        isi=_isi_email(permohonan, diupdate), record=permohonan)  # fmt: skip
    return permohonan


def _isi_email(permohonan: PermohonanUpdateData, diupdate: bool) -> str:
    """No NIK and no biodata in the email: the number of the request and the outcome only."""
    if diupdate:
        hasil = "Data kependudukan Anda sudah diperbarui oleh Ditjen Dukcapil."
    else:
        hasil = f"Permohonan tidak dapat diproses: {permohonan.alasan_tolak}"
    return (
        f"Yth. {permohonan.nama_pemohon},\n\nPermohonan update data kependudukan nomor {permohonan.nomor} "
        f"({permohonan.get_jenis_masalah_display().lower()}) telah selesai diproses.\n{hasil}\n\n"
        "Bidang PIAK, Dinas Kependudukan dan Pencatatan Sipil"
    )
