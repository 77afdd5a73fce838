"""Blank card stock (KTP-el, KIA): every printed card takes one; with none left the berkas waits."""

from django.db import transaction

from dukcapil import services as berkas_services
from dukcapil.choices import Status
from dukcapil.exceptions import BerkasForbidden, BerkasInvalid
from dukcapil.kinds import kind_for
from dukcapil.models import Berkas, User
from dukcapil.workflow.permissions import Aksi, can

from .models import MutasiBlangko, PermohonanPenduduk, StokBlangko


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
        nomor_seri=f"{stock.jenis.upper()}-{berkas.nomor_registrasi}",
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


def blangko_receive(*, jenis: str, jumlah: int, user: User, keterangan: str = "") -> list[Berkas]:
    """Record a delivery of blanks; berkas waiting for this blank are printed, oldest first, while it lasts."""
    if not can(user, Aksi.BLANGKO):
        raise BerkasForbidden("Hanya operator SIAK atau admin yang dapat mencatat penerimaan blangko.")
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
        MutasiBlangko.objects.create(
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
            printed.append(berkas)
    return printed


def blangko_summary() -> list[dict]:
    stocks = {s.jenis: s.jumlah for s in StokBlangko.objects.all()}
    return [
        {
            "jenis": jenis,
            "label": label,
            "jumlah": stocks.get(jenis, 0),
        }
        for jenis, label in StokBlangko.Jenis.choices
    ]
