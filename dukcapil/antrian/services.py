"""Every state change of the queue: taking a ticket (kiosk, online), calling, recalling, skipping,
serving, finishing, cancelling, and linking the berkas registered while a ticket is served.

Numbers come from the counter row ``NomorUrut`` «antrian-<jalur>-<yyyymmdd>» under lock, in the
transaction that writes the ticket: a refusal (quota full) rolls the counter back, and two kiosks
never share a number. «Call next» picks the oldest waiting ticket with
``select_for_update(skip_locked=True)``: two officers calling at the same moment get different tickets.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import add_hari_kerja, is_hari_kerja, office_closures
from dukcapil.models import Berkas, User
from dukcapil.nik import clean_nik
from dukcapil.notifikasi.services import kabari_warga
from dukcapil.services import next_serial
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed

from .models import JalurAntrian, Loket, Panggilan, StatusTiket, SumberTiket, Tiket

S = StatusTiket
TIDAK_TERVERIFIKASI = "NIK tidak dapat diverifikasi. Periksa kembali NIK Anda atau ambil antrian di kantor."

# what each console button does: (transition, label)
AKSI = {
    "panggil-ulang": ("panggil_ulang", "Panggil ulang"),
    "lewati": ("lewati", "Lewati (tidak hadir)"),
    "layani": ("layani", "Mulai layani"),
    "selesai": ("selesai", "Selesai"),
    "panggil": ("panggil", "Panggil lagi"),
}


def _local(now: datetime | None) -> datetime:
    return timezone.localtime(now or timezone.now())


def alasan_tutup(jalur: JalurAntrian, tanggal: date, now: datetime | None = None) -> str | None:
    """Why a ticket of ``jalur`` for ``tanggal`` cannot be taken now (None: it can)."""
    local = _local(now)
    if not jalur.aktif:
        return f"Antrian {jalur.nama} sedang tidak dibuka."
    if not is_hari_kerja(tanggal, office_closures(tanggal, tanggal)):
        return f"Kantor tutup pada {tanggal:%d-%m-%Y}; antrian hanya untuk hari kerja."
    if tanggal == local.date():
        if local.time() < jalur.jam_buka:
            return f"Antrian {jalur.nama} dibuka pukul {jalur.jam_buka:%H.%M} WIB."
        if local.time() >= jalur.jam_tutup:
            return f"Pengambilan antrian {jalur.nama} hari ini sudah ditutup (pukul {jalur.jam_tutup:%H.%M} WIB)."
    return None


def tanggal_online(now: datetime | None = None) -> list[date]:
    """The days an online ticket may be for: today (while working) and the next working days."""
    today = _local(now).date()
    last = add_hari_kerja(today, settings.ANTRIAN_ONLINE_HARI_KERJA)
    closures = office_closures(today, last)
    return [d for d in (date.fromordinal(o) for o in range(today.toordinal(), last.toordinal() + 1))
            if is_hari_kerja(d, closures)]  # fmt: skip


def tiket_terbitkan(*, jalur: JalurAntrian, tanggal: date, sumber: str, now: datetime | None = None, **fields) -> Tiket:
    """Allocate the next number of the line's day within its quota and write the ticket.

    The opening checks belong to the callers (kiosk, online); the demo seeds through here."""
    with transaction.atomic():
        nomor = next_serial(f"antrian-{jalur.pk}-{tanggal:%Y%m%d}")
        if nomor > jalur.kuota_harian:
            raise BerkasConflict(  # the counter's increment rolls back with this refusal
                f"Kuota antrian {jalur.nama} untuk {tanggal:%d-%m-%Y} sudah habis ({jalur.kuota_harian} nomor)."
            )
        now = now or timezone.now()
        buka = timezone.make_aware(datetime.combine(tanggal, jalur.jam_buka))
        return Tiket.objects.create(
            jalur=jalur, tanggal=tanggal, nomor=nomor, sumber=sumber, diambil_pada=now, antre_sejak=max(now, buka),
            **fields,
        )  # fmt: skip


def _jalur(jalur_id: int) -> JalurAntrian:
    jalur = JalurAntrian.objects.filter(pk=jalur_id).first()
    if jalur is None:
        raise BerkasInvalid("Jalur antrian tidak dikenal.", fields={"jalur": ["Pilih jalur antrian."]})
    return jalur


def tiket_ambil_kiosk(*, jalur_id: int, now: datetime | None = None) -> Tiket:
    """A tap on the kiosk: a ticket for today, nothing about the person."""
    jalur = _jalur(jalur_id)
    today = _local(now).date()
    if reason := alasan_tutup(jalur, today, now):
        raise BerkasConflict(reason)
    return tiket_terbitkan(jalur=jalur, tanggal=today, sumber=SumberTiket.KIOSK, now=now)


@dataclass(frozen=True)
class TiketOnline:
    jalur_id: int
    tanggal: date
    nik: str
    telepon: str = ""
    email: str = ""


def _verified_nik(value: str) -> str:
    try:
        nik = clean_nik(value.strip())
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"nik": exc.messages}) from None
    from pendaftaran.register import penduduk_by_nik

    try:
        penduduk_by_nik(nik)
    except BerkasInvalid:
        # one answer for every refusal: nothing about the register beyond «cannot be verified»
        raise BerkasInvalid(TIDAK_TERVERIFIKASI, fields={"nik": [TIDAK_TERVERIFIKASI]}) from None
    return nik


def tiket_ambil_online(*, data: TiketOnline, now: datetime | None = None) -> Tiket:
    """A ticket taken on the website for today or a coming working day; its code goes to the citizen
    through the outbox. One live ticket per NIK per line per day."""
    jalur = _jalur(data.jalur_id)
    telepon, email = data.telepon.strip(), data.email.strip()
    if not telepon and not email:
        message = "Isi nomor telepon/WhatsApp atau email untuk menerima nomor antrian."
        raise BerkasInvalid(message, fields={"telepon": [message]})
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise BerkasInvalid("Alamat email tidak valid.", fields={"email": ["Alamat email tidak valid."]}) from None
    if telepon and not (telepon.lstrip("+").isdigit() and 8 <= len(telepon.lstrip("+")) <= 15):
        message = "Nomor telepon hanya angka, 8–15 digit."
        raise BerkasInvalid(message, fields={"telepon": [message]})
    if data.tanggal not in tanggal_online(now):
        message = "Pilih hari kerja antara hari ini dan beberapa hari kerja ke depan."
        raise BerkasInvalid(message, fields={"tanggal": [message]})
    if reason := alasan_tutup(jalur, data.tanggal, now):
        raise BerkasInvalid(reason, fields={"tanggal": [reason]})
    nik = _verified_nik(data.nik)
    refusal = (
        f"NIK ini sudah memiliki nomor antrian {jalur.nama} untuk {data.tanggal:%d-%m-%Y}. "
        "Satu NIK hanya mendapat satu nomor per jalur per hari."
    )
    live = Tiket.objects.filter(jalur=jalur, tanggal=data.tanggal, nik=nik).exclude(status=S.BATAL)
    if live.exists():
        raise BerkasConflict(refusal, fields={"nik": [refusal]})
    try:
        with transaction.atomic():
            tiket = tiket_terbitkan(
                jalur=jalur,
                tanggal=data.tanggal,
                sumber=SumberTiket.ONLINE,
                now=now,
                nik=nik,
                telepon=telepon,
                email=email,
            )
            kabari_warga(
                email=email, telepon=telepon, record=tiket,
                subjek=f"Nomor antrian {tiket.kode}",
                isi=_isi_tiket(tiket),
            )  # fmt: skip
    except IntegrityError:  # the same NIK's other request committed first (partial unique index)
        raise BerkasConflict(refusal, fields={"nik": [refusal]}) from None
    return tiket


def _tautan(tiket: Tiket) -> str:
    return settings.PUBLIC_BASE_URL.rstrip("/") + tiket.get_absolute_url()


def _isi_tiket(tiket: Tiket) -> str:
    """No NIK in the message: the code, the line, the day and the link to the ticket page."""
    return (
        f"Nomor antrian Anda: {tiket.kode} ({tiket.jalur.nama}), tanggal {tiket.tanggal:%d-%m-%Y}.\n"
        f"Datanglah ke kantor pada jam layanan dan pantau giliran Anda di {_tautan(tiket)}\n\n"
        "Dinas Kependudukan dan Pencatatan Sipil"
    )


def tiket_batal(*, token, now: datetime | None = None) -> Tiket:
    """The ticket's holder gives it up (the token page: only who holds the link reaches it)."""
    with transaction.atomic():
        tiket = Tiket.objects.select_for_update(of=("self",)).select_related("jalur").filter(token=token).first()
        if tiket is None:
            raise BerkasInvalid("Tiket tidak ditemukan.")
        if tiket.status not in (S.MENUNGGU, S.DILEWATI):
            raise BerkasConflict(
                f"Tiket {tiket.kode} berstatus «{tiket.get_status_display()}»; tidak dapat dibatalkan."
            )
        tiket.batal()
        tiket.save(update_fields=["status"])
    return tiket


# --- the loket console ------------------------------------------------------------------------


def _loket(loket_id: int, user: User) -> Loket:
    loket = Loket.objects.filter(pk=loket_id, aktif=True).first()
    if loket is None:
        raise BerkasInvalid("Loket tidak ditemukan.")
    if not can(user, Aksi.PANGGIL_ANTRIAN, loket.bidang_id):
        raise BerkasForbidden(f"Anda tidak berwenang memanggil antrian di loket {loket.nomor}.")
    return loket


def _record_call(tiket: Tiket, loket: Loket, now: datetime, ulang: bool) -> Panggilan:
    return Panggilan.objects.create(tiket=tiket, loket=loket, waktu=now, ulang=ulang)


def _kabari_segera(tiket: Tiket) -> None:
    """The ticket ANTRIAN_KABARI_SEGERA places behind the one just called hears «segera dipanggil»,
    once (a conditional update decides who sends it when two calls race)."""
    n = settings.ANTRIAN_KABARI_SEGERA
    if n < 1:
        return
    behind = (
        Tiket.objects.filter(jalur_id=tiket.jalur_id, tanggal=tiket.tanggal, status=S.MENUNGGU)
        .order_by("antre_sejak", "pk")
        .select_related("jalur")[n - 1 : n]
    )
    target = next(iter(behind), None)
    if target is None or not (target.email or target.telepon) or target.dikabari_segera:
        return
    if Tiket.objects.filter(pk=target.pk, dikabari_segera=False).update(dikabari_segera=True) != 1:
        return
    kabari_warga(
        email=target.email, telepon=target.telepon, record=target,
        subjek=f"Antrian {target.kode} segera dipanggil",
        isi=(f"Nomor antrian {target.kode} ({target.jalur.nama}) segera dipanggil: {n} nomor lagi. "
             f"Mohon menuju ruang tunggu.\n{_tautan(target)}"),
    )  # fmt: skip


def _refuse_open_ticket(loket: Loket, today: date) -> None:
    """One ticket at a time at a loket: the one called or being served is finished or skipped first."""
    open_here = (
        Tiket.objects.filter(loket=loket, tanggal=today, status__in=[S.DIPANGGIL, S.DILAYANI])
        .select_related("jalur")
        .first()
    )
    if open_here is not None:
        raise BerkasConflict(
            f"Tiket {open_here.kode} masih «{open_here.get_status_display().lower()}» di loket {loket.nomor}: "
            "selesaikan atau lewati dulu sebelum memanggil nomor lain."
        )


def tiket_panggil_berikut(*, loket_id: int, user: User, now: datetime | None = None) -> Tiket:
    """Call the oldest waiting ticket of today in the lines this loket serves."""
    now = now or timezone.now()
    with transaction.atomic():
        loket = _loket(loket_id, user)
        _refuse_open_ticket(loket, _local(now).date())
        jalur_ids = list(loket.jalur.values_list("pk", flat=True))
        tiket = (
            Tiket.objects.select_for_update(skip_locked=True)
            .filter(jalur_id__in=jalur_ids, tanggal=_local(now).date(), status=S.MENUNGGU)
            .order_by("antre_sejak", "pk")
            .first()
        )
        if tiket is None:
            raise BerkasConflict(f"Tidak ada antrian yang menunggu untuk loket {loket.nomor}.")
        tiket.loket = loket
        check_allowed(tiket, "panggil", user, "Panggil berikutnya")
        tiket.panggil()
        tiket.petugas, tiket.dipanggil_pada = user, now
        tiket.save(update_fields=["status", "loket", "petugas", "dipanggil_pada"])
        _record_call(tiket, loket, now, ulang=False)
        _kabari_segera(tiket)
    return tiket


def tiket_aksi(
    *, tiket_id: int, loket_id: int, aksi: str, user: User, expected_status: str | None = None,
    now: datetime | None = None,
) -> Tiket:  # fmt: skip
    """A console button on one ticket: recall, skip, start serving, finish, or call a skipped one again."""
    if aksi not in AKSI:
        raise BerkasInvalid("Tindakan tidak dikenal.")
    method, label = AKSI[aksi]
    now = now or timezone.now()
    with transaction.atomic():
        loket = _loket(loket_id, user)
        tiket = (
            Tiket.objects.select_for_update(of=("self",)).select_related("jalur", "petugas").filter(pk=tiket_id).first()
        )
        if tiket is None or tiket.tanggal != _local(now).date():
            raise BerkasInvalid("Tiket tidak ditemukan di antrian hari ini.")
        if expected_status and tiket.status != expected_status:
            who = f" oleh {tiket.petugas.get_full_name() or tiket.petugas}" if tiket.petugas_id else ""
            raise BerkasConflict(
                f"Tiket {tiket.kode} baru saja diproses{who}; statusnya sekarang «{tiket.get_status_display()}». "
                "Tindakan Anda tidak dijalankan. Muat ulang halaman untuk melihat keadaan terbaru."
            )
        if method == "panggil":  # a skipped ticket is called again to this loket, if it serves the line
            if not loket.jalur.filter(pk=tiket.jalur_id).exists():
                raise BerkasConflict(f"Loket {loket.nomor} tidak melayani jalur {tiket.jalur.nama}.")
            if tiket.status == S.DILEWATI:
                _refuse_open_ticket(loket, tiket.tanggal)
            tiket.loket = loket
        elif tiket.loket_id != loket.pk:
            raise BerkasConflict(f"Tiket {tiket.kode} sedang ditangani loket lain.")
        check_allowed(tiket, method, user, label)
        getattr(tiket, method)()
        fields = ["status", "loket", "petugas"]
        tiket.petugas = user
        if method in ("panggil", "panggil_ulang"):
            _record_call(tiket, loket, now, ulang=True)
        elif method == "layani":
            tiket.dilayani_pada = now
            fields.append("dilayani_pada")
        elif method == "selesai":
            tiket.selesai_pada = now
            fields.append("selesai_pada")
        tiket.save(update_fields=fields)
    return tiket


def tiket_tautkan_berkas(*, berkas: Berkas, user: User) -> Tiket | None:
    """A registration hook (``registry.register_registered_hook``, run by dukcapil.services): a
    berkas registered by an officer while they are serving a ticket belongs to that ticket (the
    first berkas of the visit)."""
    tiket = (
        Tiket.objects.select_for_update(of=("self",))
        .filter(petugas=user, status=S.DILAYANI, tanggal=timezone.localdate(), berkas__isnull=True)
        .first()
    )
    if tiket is None:
        return None
    tiket.berkas = berkas
    tiket.save(update_fields=["berkas"])
    return tiket
