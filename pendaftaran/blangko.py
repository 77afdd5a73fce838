"""Blank card stock (KTP-el, KIA): every printed card takes one; with none left the berkas waits.

Each printed card's blangko serial is recorded by the operator (scanned from the blank) against the
card's ledger row; a spoiled blank (rusak/gagal cetak) is recorded with its serial and reason and
consumes one from stock without issuing. A serial is unique within its stock."""

import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from dukcapil import services as berkas_services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.kinds import kind_for
from dukcapil.models import Berkas, User
from dukcapil.notifikasi.warga import berkas_kabari
from dukcapil.workflow.permissions import Aksi, can

from .models import JENIS_KARTU, MutasiBlangko, PermohonanPenduduk, StokBlangko


def blangko_jenis_for(berkas: Berkas) -> str:
    """The blank stock the card of this berkas takes: its variant's (KTP-el unless it says otherwise)."""
    permohonan = PermohonanPenduduk.objects.filter(berkas=berkas).only("jenis").first()
    kind = kind_for(permohonan.jenis) if permohonan else None
    return getattr(kind, "blangko", "") or StokBlangko.Jenis.KTP_EL


def _stock(jenis: str) -> StokBlangko:
    stock, _ = StokBlangko.objects.select_for_update().get_or_create(jenis=jenis)
    return stock


def _take(stock: StokBlangko, berkas: Berkas, user: User) -> MutasiBlangko:
    stock.jumlah -= 1
    stock._history_user = user
    stock.save(update_fields=["jumlah"])
    return MutasiBlangko.objects.create(
        jenis=stock.jenis,
        jumlah=-1,
        sisa=stock.jumlah,
        berkas=berkas,
        keterangan=f"Dicetak untuk {berkas.nomor_registrasi}",
        pelaku=user,
    )


def blangko_take(*, jenis: str, berkas: Berkas, user: User) -> bool:
    """Take one blank for this berkas's card. Idempotent per berkas; False when the stock is empty."""
    with transaction.atomic():
        stock = _stock(jenis)
        if MutasiBlangko.objects.filter(berkas=berkas, jumlah__lt=0).exists():
            return True
        if stock.jumlah <= 0:
            return False
        _take(stock, berkas, user)
        return True


# A blangko serial as printed on the blank: capitals, digits and single hyphens, e.g. BLK-2026-000123.
SERI_PATTERN = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
SERI_PESAN = (
    "Nomor seri blangko 6–30 karakter: huruf kapital, angka dan tanda hubung, dengan sedikitnya 4 angka "
    "(mis. BLK-2026-000123)."
)


def clean_nomor_seri(value: str) -> str:
    """The serial as stored (upper-cased, trimmed); BerkasInvalid with the expected format otherwise."""
    seri = (value or "").strip().upper()
    if not (6 <= len(seri) <= 30 and SERI_PATTERN.fullmatch(seri) and sum(c.isdigit() for c in seri) >= 4):
        raise BerkasInvalid(SERI_PESAN, fields={"nomor_seri": [SERI_PESAN]})
    return seri


def _ensure_may(user: User) -> None:
    if not can(user, Aksi.BLANGKO):
        raise BerkasForbidden("Hanya operator SIAK atau admin yang dapat mencatat blangko.")


def _serial_taken(jenis: str, seri: str) -> BerkasInvalid:
    used = MutasiBlangko.objects.filter(jenis=jenis, nomor_seri=seri).select_related("berkas").first()
    where = (
        f"kartu berkas {used.berkas.nomor_registrasi}"
        if used and used.berkas_id
        else "blangko rusak"
        if used and used.rusak
        else "mutasi lain"
    )
    message = f"Nomor seri {seri} sudah tercatat ({where}); satu blangko hanya untuk satu kartu."
    return BerkasInvalid(message, fields={"nomor_seri": [message]})


def blangko_seri_catat(*, user: User, mutasi_id: int, nomor_seri: str) -> MutasiBlangko:
    """Record the serial of the blank a card was printed on (its ledger row, taken at cetak)."""
    _ensure_may(user)
    seri = clean_nomor_seri(nomor_seri)
    try:
        with transaction.atomic():
            row = (
                MutasiBlangko.objects.select_for_update(of=("self",))
                .select_related("berkas")
                .filter(pk=mutasi_id, jumlah__lt=0, rusak=False, berkas__isnull=False)
                .first()
            )
            if row is None:
                raise BerkasInvalid("Kartu tercetak tidak ditemukan.")
            if row.nomor_seri:
                raise BerkasConflict(
                    f"Nomor seri blangko kartu {row.berkas.nomor_registrasi} sudah dicatat: {row.nomor_seri}."
                )
            if MutasiBlangko.objects.filter(jenis=row.jenis, nomor_seri=seri).exists():
                raise _serial_taken(row.jenis, seri)
            row.nomor_seri = seri
            row.save(update_fields=["nomor_seri"])
            return row
    except IntegrityError:  # the same serial recorded by someone else at the same moment
        raise _serial_taken(row.jenis, seri) from None


def blangko_rusak_catat(*, user: User, jenis: str, nomor_seri: str, alasan: str) -> MutasiBlangko:
    """A spoiled blank (rusak or gagal cetak): one taken from stock, no card issued."""
    _ensure_may(user)
    if jenis not in StokBlangko.Jenis.values:
        raise BerkasInvalid("Jenis blangko tidak dikenal.", fields={"jenis": ["Pilihan tidak dikenal."]})
    seri = clean_nomor_seri(nomor_seri)
    alasan = (alasan or "").strip()
    if not alasan:
        raise BerkasInvalid("Alasan blangko rusak wajib diisi.", fields={"alasan": ["Wajib diisi."]})
    try:
        with transaction.atomic():
            stock = _stock(jenis)
            if MutasiBlangko.objects.filter(jenis=jenis, nomor_seri=seri).exists():
                raise _serial_taken(jenis, seri)
            if stock.jumlah <= 0:
                raise BerkasConflict(f"Stok {stock.get_jenis_display()} kosong; blangko rusak tidak dapat dicatat.")
            stock.jumlah -= 1
            stock._history_user = user
            stock.save(update_fields=["jumlah"])
            return MutasiBlangko.objects.create(
                jenis=jenis,
                jumlah=-1,
                sisa=stock.jumlah,
                nomor_seri=seri,
                rusak=True,
                keterangan=f"Rusak/gagal cetak: {alasan}"[:200],
                pelaku=user,
            )
    except IntegrityError:
        raise _serial_taken(jenis, seri) from None


def blangko_seri_for(berkas: Berkas) -> str:
    """The serial of the blank this berkas's card was printed on; "" until the operator records it."""
    row = MutasiBlangko.objects.filter(berkas=berkas, jumlah__lt=0).only("nomor_seri").first()
    return row.nomor_seri if row else ""


def blangko_receive(*, jenis: str, jumlah: int, user: User, keterangan: str = "") -> list[Berkas]:
    """Record a delivery of blanks; berkas waiting for this blank are printed, oldest first, while it lasts."""
    _ensure_may(user)
    return stok_terima(jenis=jenis, jumlah=jumlah, user=user, keterangan=keterangan)[1]


def stok_terima(*, jenis: str, jumlah: int, user: User, keterangan: str = "") -> tuple[MutasiBlangko, list[Berkas]]:
    """Add a delivery to the stock (its ledger row) and print the berkas waiting for this blank,
    oldest first, while it lasts. The caller checks who may record it (the counter, PIAK)."""
    if jenis not in StokBlangko.Jenis.values:
        raise BerkasInvalid("Jenis blangko tidak dikenal.", fields={"jenis": ["Pilihan tidak dikenal."]})
    if jumlah <= 0:
        raise BerkasInvalid("Jumlah blangko harus lebih dari nol.", fields={"jumlah": ["Harus lebih dari nol."]})
    printed: list[Berkas] = []
    with transaction.atomic():
        stock = _stock(jenis)
        stock.jumlah += jumlah
        stock._history_user = user
        stock.save(update_fields=["jumlah"])
        mutasi = MutasiBlangko.objects.create(
            jenis=jenis, jumlah=jumlah, sisa=stock.jumlah, keterangan=keterangan or "Penerimaan blangko", pelaku=user
        )
        waiting = (
            Berkas.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("layanan")
            .filter(status=Status.MENUNGGU_BLANGKO)
            .order_by("status_sejak", "pk")
        )
        for berkas in waiting:
            if stock.jumlah <= 0:
                break
            if blangko_jenis_for(berkas) != jenis:
                continue
            _take(stock, berkas, user)
            berkas_services.run_transition(
                berkas, "print_after_restock", user, "Blangko tersedia; kartu dicetak dan siap diambil."
            )
            berkas_kabari(berkas, "siap_diambil")
            printed.append(berkas)
    return mutasi, printed


def blangko_summary() -> list[dict]:
    stocks = {s.jenis: s.jumlah for s in StokBlangko.objects.all()}
    return [
        {
            "jenis": jenis,
            "label": label,
            "jumlah": stocks.get(jenis, 0),
        }
        for jenis, label in JENIS_KARTU
    ]


def blangko_report() -> list[dict]:
    """Per month (Asia/Jakarta) and jenis: blanks received, cards issued, blanks spoiled. One query."""
    labels = dict(StokBlangko.Jenis.choices)
    rows = (
        MutasiBlangko.objects.annotate(bulan=TruncMonth("waktu", tzinfo=ZoneInfo(settings.TIME_ZONE)))
        .values("bulan", "jenis")
        .annotate(
            diterima=Sum("jumlah", filter=Q(jumlah__gt=0), default=0),
            terbit=Count("pk", filter=Q(jumlah__lt=0, rusak=False)),
            rusak=Count("pk", filter=Q(jumlah__lt=0, rusak=True)),
        )
        .order_by("-bulan", "jenis")
    )
    return [{**r, "label": labels.get(r["jenis"], r["jenis"])} for r in rows]


def kartu_tanpa_seri():
    """Printed cards whose blangko serial is not recorded yet, oldest first."""
    return (
        MutasiBlangko.objects.filter(jumlah__lt=0, rusak=False, berkas__isnull=False, nomor_seri="")
        .select_related("berkas")
        .order_by("waktu", "pk")
    )
