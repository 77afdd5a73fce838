"""State changes of the kerja sama register (Probolinggo P.6.4, Lumajang «Mekanisme Tata Cara
Pelaksanaan Kerjasama»): the Kasi PIAK proposes it with its ToR and writes the draft, the Kabid PIAK
discusses and approves it (or returns it), the Sekretaris initials it, the Kasi records both
signatures (numbers and dates of the Dinas and the lembaga, the signed scan and the juknis) and puts
it in force; the daily task ends it at its term and reminds the Kasi/Kabid 90 and 30 days before."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, User
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import record_checker, record_lock, record_transition
from sekretariat.models import Instansi
from sekretariat.services.surat_masuk import _first_card, _note, _notify, _remind
from sekretariat.uploads import periksa_pindaian

from ..models.kerjasama import Kerjasama, PengingatKerjasama, RuangLingkup, StatusKerjasama

S = StatusKerjasama
BIDANG_PIAK = "piak"
# reminders before the end of an agreement, in days (each sent at most once per agreement)
PENGINGAT_HARI = (90, 30)
LABEL = {
    "susun_draf": "Susun draf PKS",
    "ajukan": "Ajukan untuk dibahas",
    "setujui": "Setujui hasil pembahasan",
    "paraf": "Paraf Sekretaris",
    "kembalikan": "Kembalikan ke draf",
    "tandatangani": "Catat penandatanganan",
    "berlakukan": "Berlakukan",
    "perpanjang": "Perpanjang",
}


# Lumajang «Mekanisme Tata Cara Pelaksanaan Kerjasama»: SOP step (urutan) → the state it is done in
SOP_KERJASAMA = "Pelaksanaan Kerjasama"
_LANGKAH_STATUS = {1: S.USULAN, 2: S.USULAN, 3: S.DIBAHAS, 4: S.DRAF, 5: S.DIBAHAS, 7: S.TANDATANGAN,
                   8: S.DITANDATANGANI, 9: S.DITANDATANGANI}  # fmt: skip


def standar_waktu(sop_nama: str = SOP_KERJASAMA, langkah_status: dict[int, str] = _LANGKAH_STATUS) -> dict[str, int]:
    """Standard minutes per state from the catalogue's SOP (empty when it is not loaded):
    ``langkah_status`` maps the SOP's step numbers to the state each is done in."""
    from dukcapil.models import SOP

    sop = SOP.objects.filter(nama__icontains=sop_nama).prefetch_related("langkah").first()
    result: dict[str, int] = {}
    for step in sop.langkah.all() if sop else ():
        status, minutes = langkah_status.get(step.urutan), step.waktu_menit()
        if status and minutes is not None:
            result[status] = result.get(status, 0) + minutes
    return result


def bidang_piak() -> Bidang:
    return Bidang.objects.get(kode=BIDANG_PIAK)


def _pdf(upload, what: str, field: str) -> None:
    """A signed document or juknis is a PDF that opens (checked by content, not by its name)."""
    try:
        ext = periksa_pindaian(upload, what)
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={field: exc.messages}) from None
    if ext != "pdf":
        raise BerkasInvalid(f"{what} harus PDF.", fields={field: [f"Unggah {what.lower()} dalam bentuk PDF."]})


def _lingkup(values: list[str]) -> list[str]:
    values = [v for v in dict.fromkeys(values or []) if v]
    if not values:
        raise BerkasInvalid("Pilih sedikitnya satu ruang lingkup.", fields={"ruang_lingkup": ["Wajib dipilih."]})
    if unknown := [v for v in values if v not in RuangLingkup.values]:
        raise BerkasInvalid(f"Ruang lingkup tidak dikenal: {', '.join(unknown)}.")
    return values


@dataclass(frozen=True)
class UsulanData:
    lembaga: Instansi
    judul: str
    tor: str
    ruang_lingkup: list[str]
    jenis: str = "pks"


def kerjasama_usulkan(*, user: User, data: UsulanData, diperpanjang_dari: Kerjasama | None = None) -> Kerjasama:
    """The Kasi PIAK proposes an agreement with its ToR (step 1–2 of the Lumajang SOP)."""
    bidang = bidang_piak()
    if not can(user, Aksi.KERJASAMA_KELOLA, bidang.pk):
        raise BerkasForbidden("Hanya Kasi PIAK yang dapat mengusulkan kerja sama.")
    if not data.judul.strip():
        raise BerkasInvalid("Judul kerja sama wajib diisi.", fields={"judul": ["Wajib diisi."]})
    if not data.tor.strip():
        raise BerkasInvalid("Kerangka acuan (ToR) wajib diisi.", fields={"tor": ["Wajib diisi."]})
    with transaction.atomic():
        pks = Kerjasama.objects.create(
            bidang=bidang,
            jenis=data.jenis,
            lembaga=data.lembaga,
            judul_kerjasama=data.judul.strip()[:300],
            tor=data.tor.strip(),
            ruang_lingkup=_lingkup(data.ruang_lingkup),
            dibuat_oleh=user,
            diperpanjang_dari=diperpanjang_dari,
            standar_waktu=standar_waktu(),
        )
        _first_card(pks, "usulkan", user, "Usulan kerja sama dengan ToR.")
        from dukcapil.workflow.services import move_work_items

        move_work_items([pks], pks.status_sejak)
    return pks


_acting = record_checker(Kerjasama, labels=LABEL, lock_label="Kerja sama", related=("lembaga",))


def kerjasama_aksi(
    *, user: User, pk: int, method: str, expected_status: str | None = None, catatan: str = "", draf=None
) -> Kerjasama:
    """One step of the chain without its own data: susun_draf (with the draft file), ajukan,
    setujui, paraf, kembalikan (with a note)."""
    if method not in ("susun_draf", "ajukan", "setujui", "paraf", "kembalikan"):
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = _note(catatan)
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    if draf is not None:
        _pdf(draf, "Draf PKS", "draf")
    with transaction.atomic():
        pks = _acting(user, pk, method, expected_status)
        fields = []
        if method == "susun_draf":
            if draf is None and not pks.draf:
                raise BerkasInvalid("Unggah draf PKS (PDF).", fields={"draf": ["Draf PKS wajib diunggah."]})
            if draf is not None:
                pks.draf.save(f"draf-pks-{pks.pk}.pdf", draf, save=False)
                fields.append("draf")
        record_transition(pks, method, user, note, update_fields=fields)
        if method == "kembalikan":
            _notify([pks.dibuat_oleh], judul=f"Draf dikembalikan: {pks.judul}", pesan=note,
                    url=pks.get_absolute_url(), record=pks)  # fmt: skip
    return pks


@dataclass(frozen=True)
class TandaTanganData:
    nomor_dinas: str
    tanggal_dinas: date
    nomor_mitra: str
    tanggal_mitra: date
    mulai: date
    berakhir: date
    pindaian: object
    juknis: object | None = None


def kerjasama_tandatangani(
    *, user: User, pk: int, data: TandaTanganData, expected_status: str | None = None
) -> Kerjasama:
    """The Kasi records the signatures of the Kadis and of the lembaga: both numbers and dates, the
    term, the signed scan (a PDF that opens) and the juknis."""
    errors = {}
    if not data.nomor_dinas.strip():
        errors["nomor_dinas"] = ["Nomor pihak Dinas wajib diisi."]
    if not data.nomor_mitra.strip():
        errors["nomor_mitra"] = ["Nomor pihak lembaga wajib diisi."]
    if data.berakhir <= data.mulai:
        errors["berakhir"] = ["Tanggal berakhir harus sesudah tanggal mulai."]
    if errors:
        raise BerkasInvalid("Periksa isian penandatanganan.", fields=errors)
    _pdf(data.pindaian, "Pindaian PKS", "pindaian")
    if data.juknis is not None:
        _pdf(data.juknis, "Petunjuk teknis", "juknis")
    with transaction.atomic():
        pks = _acting(user, pk, "tandatangani", expected_status)
        pks.nomor_dinas, pks.tanggal_dinas = data.nomor_dinas.strip()[:100], data.tanggal_dinas
        pks.nomor_mitra, pks.tanggal_mitra = data.nomor_mitra.strip()[:100], data.tanggal_mitra
        pks.mulai, pks.berakhir = data.mulai, data.berakhir
        pks.pindaian.save(f"pks-{pks.pk}-ditandatangani.pdf", data.pindaian, save=False)
        fields = ["nomor_dinas", "tanggal_dinas", "nomor_mitra", "tanggal_mitra", "mulai", "berakhir", "pindaian"]
        if data.juknis is not None:
            pks.juknis.save(f"pks-{pks.pk}-juknis.pdf", data.juknis, save=False)
            fields.append("juknis")
        note = f"Ditandatangani Kadis {data.tanggal_dinas:%d-%m-%Y} dan lembaga {data.tanggal_mitra:%d-%m-%Y}."
        record_transition(pks, "tandatangani", user, note, update_fields=fields)
    return pks


def kerjasama_berlakukan(*, user: User, pk: int, expected_status: str | None = None) -> Kerjasama:
    """Put a signed agreement in force (from its first day, until its last)."""
    today = timezone.localdate()
    with transaction.atomic():
        pks = _acting(user, pk, "berlakukan", expected_status)
        if pks.mulai > today:
            raise BerkasConflict(f"Kerja sama baru berlaku mulai {pks.mulai:%d-%m-%Y}.")
        if pks.berakhir < today:
            raise BerkasConflict(f"Masa berlaku kerja sama sudah berakhir ({pks.berakhir:%d-%m-%Y}).")
        record_transition(pks, "berlakukan", user, f"Berlaku {pks.mulai:%d-%m-%Y} s.d. {pks.berakhir:%d-%m-%Y}.")
    return pks


def kerjasama_perpanjang(*, user: User, pk: int, tor: str, expected_status: str | None = None) -> Kerjasama:
    """Renew: the agreement is marked diperpanjang and a new usulan (same lembaga and scope) starts."""
    with transaction.atomic():
        pks = _acting(user, pk, "perpanjang", expected_status)
        record_transition(pks, "perpanjang", user, "Diperpanjang dengan usulan baru.")
        data = UsulanData(pks.lembaga, f"Perpanjangan {pks.judul_kerjasama}"[:300], tor or pks.tor,
                          list(pks.ruang_lingkup), pks.jenis)  # fmt: skip
        return kerjasama_usulkan(user=user, data=data, diperpanjang_dari=pks)


def kerjasama_aktif(lembaga_id: int, ruang_lingkup: str, today: date | None = None) -> Kerjasama | None:
    """The agreement in force today with the lembaga covering ``ruang_lingkup`` (None: no data may go)."""
    today = today or timezone.localdate()
    berlaku = Kerjasama.objects.filter(
        lembaga_id=lembaga_id, status=S.BERLAKU, mulai__lte=today, berakhir__gte=today
    ).order_by("-berakhir")
    # a lembaga holds a handful of agreements: the scope is checked here, on every database
    return next((pks for pks in berlaku if ruang_lingkup in pks.ruang_lingkup), None)


def _piak_leaders() -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, bidang__kode=BIDANG_PIAK, groups__name__in=[Role.KASI.label, Role.KABID.label]
        ).distinct()
    )


def kerjasama_harian(*, hari_ini: date | None = None) -> dict[str, int]:
    """The daily task: end the agreements past their term, and remind the Kasi and Kabid PIAK 90
    and 30 days before an agreement ends — each threshold at most once per agreement, however
    often it runs. An agreement already inside 30 days when it comes in force gets only the
    30-day reminder."""
    today = hari_ini or timezone.localdate()
    ended = 0
    for pk in Kerjasama.objects.filter(status=S.BERLAKU, berakhir__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            pks = record_lock(Kerjasama, pk, label="Kerja sama")
            if pks.status == S.BERLAKU and pks.berakhir < today:
                record_transition(pks, "akhiri", None, f"Masa berlaku berakhir {pks.berakhir:%d-%m-%Y}.")
                ended += 1
    sent = 0
    horizon = max(PENGINGAT_HARI)
    due = (
        Kerjasama.objects.filter(status=S.BERLAKU, berakhir__gte=today, berakhir__lte=today + timedelta(days=horizon))
        .select_related("lembaga")
        .prefetch_related("pengingat")
    )
    people = None
    for pks in due:
        sisa = (pks.berakhir - today).days
        done = {p.ambang_hari for p in pks.pengingat.all()}
        ambang = min(t for t in PENGINGAT_HARI if sisa <= t)
        if ambang in done:
            continue
        with transaction.atomic():
            pengingat, created = PengingatKerjasama.objects.get_or_create(kerjasama=pks, ambang_hari=ambang)
            if not created:
                continue  # another run got there first
            # the larger thresholds not sent yet are covered by this reminder (never sent after it)
            PengingatKerjasama.objects.bulk_create(
                [
                    PengingatKerjasama(kerjasama=pks, ambang_hari=t)
                    for t in PENGINGAT_HARI
                    if t > ambang and t not in done
                ],
                ignore_conflicts=True,
            )
            people = _piak_leaders() if people is None else people
            _remind(
                pengingat,
                people,
                judul=f"Kerja sama berakhir {sisa} hari lagi: {pks.lembaga.nama}",
                pesan=f"{pks.judul} ({pks.nomor}) berlaku sampai {pks.berakhir:%d-%m-%Y}. Siapkan perpanjangannya.",
                record=pks,
            )
            sent += 1
    return {"berakhir": ended, "pengingat": sent}


def can_usul(user: User) -> bool:
    from dukcapil.workflow.permissions import can_in_bidang

    return can_in_bidang(user, Aksi.KERJASAMA_KELOLA, BIDANG_PIAK)
