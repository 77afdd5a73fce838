"""State changes of the distribusi blangko (Lumajang «SOP Pendistribusian Blangko KTP Elektronik,
Ribbon Printer, Film Printer dan Cleaning Kit»): PIAK records the deliveries into the office's stock
and the kecamatan's request (its stok opname and the quantities asked), the Kasi PIAK proposes the
quantities, the Kabid PIAK decides them (never above the office's stock), and the handover is
recorded with its BAST: the stock moves out (ledger rows) in the same transaction."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import User
from dukcapil.services import next_serial
from dukcapil.workflow.permissions import Aksi, can_in_bidang
from dukcapil.workflow.services import (
    move_work_items,
    record_checker,
    record_transition,
)
from pendaftaran.blangko import stok_terima
from pendaftaran.models import MutasiBlangko, StokBlangko
from sekretariat.services.surat_masuk import _first_card, _notify

from ..models.distribusi_blangko import (
    ItemPermintaanBlangko,
    PenerimaanBlangko,
    PermintaanBlangko,
    StatusPermintaanBlangko,
    SumberBlangko,
)
from .kerjasama import BIDANG_PIAK, bidang_piak, standar_waktu

S = StatusPermintaanBlangko
JENIS = StokBlangko.Jenis
LABEL = {"usulkan": "Usulkan jumlah", "putuskan": "Putuskan jumlah", "serahkan": "Catat serah terima (BAST)"}
# Lumajang SOP: step 2 (the Dinas decides the quantity) and step 3 (BAST) → the state each is done in
SOP_DISTRIBUSI = "Pendistribusian Blangko KTP Elektronik"
_LANGKAH_STATUS = {2: S.DIUSULKAN, 3: S.DIPUTUSKAN}
NIP_PATTERN = re.compile(r"\d{18}")


def boleh(user: User, aksi: str) -> bool:
    return can_in_bidang(user, aksi, BIDANG_PIAK)


def _label(jenis: str) -> str:
    return JENIS(jenis).label


def _ensure(user: User, aksi: str, message: str) -> None:
    if not can_in_bidang(user, aksi, BIDANG_PIAK):
        raise BerkasForbidden(message)


def penerimaan_catat(
    *, user: User, jenis: str, jumlah: int, sumber: str, tanggal: date, nomor_dokumen: str = ""
) -> PenerimaanBlangko:
    """A delivery from the Ditjen or the provinsi into the office's stock: its ledger row (blank
    cards also release the berkas waiting for them at the counter) and the receipt record."""
    _ensure(user, Aksi.BLANGKO_DIST_CATAT, "Hanya petugas PIAK yang mencatat penerimaan blangko.")
    if sumber not in SumberBlangko.values:
        raise BerkasInvalid("Sumber penerimaan tidak dikenal.", fields={"sumber": ["Pilihan tidak dikenal."]})
    if tanggal > timezone.localdate():
        raise BerkasInvalid("Tanggal penerimaan belum terjadi.", fields={"tanggal": ["Tidak boleh sesudah hari ini."]})
    with transaction.atomic():
        keterangan = f"Penerimaan dari {SumberBlangko(sumber).label} {nomor_dokumen}".strip()[:200]
        mutasi, _ = stok_terima(jenis=jenis, jumlah=jumlah, user=user, keterangan=keterangan)
        return PenerimaanBlangko.objects.create(
            tanggal=tanggal, jenis=jenis, jumlah=jumlah, sumber=sumber, nomor_dokumen=nomor_dokumen.strip()[:100],
            mutasi=mutasi, dicatat_oleh=user,
        )  # fmt: skip


@dataclass(frozen=True)
class PermintaanData:
    kecamatan: str
    tanggal_surat: date
    pengaju: str
    # jenis → (the kecamatan's stock, the quantity asked)
    items: dict[str, tuple[int, int]] = field(default_factory=dict)
    nomor_surat: str = ""


def permintaan_catat(*, user: User, data: PermintaanData) -> PermintaanBlangko:
    """Record a kecamatan's request (SOP step 1–2): its stok opname and what it asks per item."""
    _ensure(user, Aksi.BLANGKO_DIST_CATAT, "Hanya petugas PIAK yang mencatat permintaan blangko.")
    errors = {}
    if not data.kecamatan.strip():
        errors["kecamatan"] = ["Nama kecamatan wajib diisi."]
    if not data.pengaju.strip():
        errors["pengaju"] = ["Nama petugas kecamatan wajib diisi."]
    items = {j: (stok, minta) for j, (stok, minta) in data.items.items() if minta}
    if unknown := [j for j in items if j not in JENIS.values]:
        errors["items"] = [f"Barang tidak dikenal: {', '.join(unknown)}."]
    elif any(stok < 0 or minta < 0 for stok, minta in items.values()):
        errors["items"] = ["Jumlah tidak boleh negatif."]
    elif not items:
        errors["items"] = ["Isi jumlah yang diminta untuk sedikitnya satu barang."]
    if errors:
        raise BerkasInvalid(f"Periksa isian permintaan blangko: {next(iter(errors.values()))[0]}", fields=errors)
    with transaction.atomic():
        permintaan = PermintaanBlangko.objects.create(
            bidang=bidang_piak(), kecamatan=data.kecamatan.strip()[:100], nomor_surat=data.nomor_surat.strip()[:100],
            tanggal_surat=data.tanggal_surat, pengaju=data.pengaju.strip()[:150], dibuat_oleh=user,
            standar_waktu=standar_waktu(SOP_DISTRIBUSI, _LANGKAH_STATUS),
        )  # fmt: skip
        ItemPermintaanBlangko.objects.bulk_create(
            [
                ItemPermintaanBlangko(permintaan=permintaan, jenis=j, stok_kecamatan=stok, diminta=minta)
                for j, (stok, minta) in sorted(items.items())
            ]
        )
        _first_card(permintaan, "catat", user, f"Surat pengajuan Kecamatan {permintaan.kecamatan}.")
        move_work_items([permintaan], permintaan.status_sejak)
    return permintaan


_acting = record_checker(PermintaanBlangko, labels=LABEL, lock_label="Permintaan blangko")


def _quantities(items: list[ItemPermintaanBlangko], jumlah: dict[str, int], alasan: dict[str, str]) -> dict:
    """Checked quantities per item: none negative, none above the request, none above the office's
    stock; an item given less than asked needs its reason."""
    stock = {s.jenis: s.jumlah for s in StokBlangko.objects.filter(jenis__in=[i.jenis for i in items])}
    errors: dict[str, list[str]] = {}
    for item in items:
        n, key = jumlah.get(item.jenis), f"jumlah_{item.jenis}"
        if n is None or n < 0:
            errors[key] = ["Isi jumlah (0 atau lebih)."]
        elif n > item.diminta:
            errors[key] = [f"Melebihi jumlah yang diminta ({item.diminta})."]
        elif n > stock.get(item.jenis, 0):
            errors[key] = [
                f"Stok {_label(item.jenis)} di Dinas tinggal {stock.get(item.jenis, 0)}; {n} tidak dapat diberikan."
            ]
        elif n < item.diminta and not (alasan.get(item.jenis) or "").strip():
            errors[f"alasan_{item.jenis}"] = ["Tulis alasan bila jumlahnya kurang dari permintaan."]
    if errors:
        first = next(iter(errors.values()))[0]
        raise BerkasInvalid(f"Periksa jumlah barang: {first}", fields=errors)
    return jumlah


def permintaan_usulkan(
    *, user: User, pk: int, jumlah: dict[str, int], alasan: dict[str, str] | None = None,
    expected_status: str | None = None,
) -> PermintaanBlangko:  # fmt: skip
    """The Kasi PIAK proposes the quantity per item (may be less than asked, with the reason)."""
    alasan = alasan or {}
    with transaction.atomic():
        permintaan = _acting(user, pk, "usulkan", expected_status)
        items = list(permintaan.items.select_for_update())
        _quantities(items, jumlah, alasan)
        for item in items:
            item.diusulkan, item.alasan = jumlah[item.jenis], (alasan.get(item.jenis) or "").strip()[:300]
        ItemPermintaanBlangko.objects.bulk_update(items, ["diusulkan", "alasan"])
        record_transition(permintaan, "usulkan", user, "Jumlah diusulkan Kasi PIAK.")
        kabid = User.objects.filter(is_active=True, bidang__kode=BIDANG_PIAK, groups__name=Role.KABID.label)
        _notify(list(kabid), judul=f"Putuskan permintaan blangko {permintaan.kecamatan}", pesan=permintaan.judul,
                url=permintaan.get_absolute_url(), record=permintaan)  # fmt: skip
    return permintaan


def permintaan_putuskan(
    *, user: User, pk: int, jumlah: dict[str, int], alasan: dict[str, str] | None = None,
    expected_status: str | None = None,
) -> PermintaanBlangko:  # fmt: skip
    """The Kabid PIAK decides the quantity per item: at most what was asked and what the office
    holds; less than asked only with the reason."""
    alasan = alasan or {}
    with transaction.atomic():
        permintaan = _acting(user, pk, "putuskan", expected_status)
        items = list(permintaan.items.select_for_update())
        _quantities(items, jumlah, alasan)
        if not any(jumlah[i.jenis] for i in items):
            raise BerkasInvalid("Sedikitnya satu barang harus diberikan.")
        for item in items:
            item.disetujui = jumlah[item.jenis]
            if reason := (alasan.get(item.jenis) or "").strip():
                item.alasan = reason[:300]
        ItemPermintaanBlangko.objects.bulk_update(items, ["disetujui", "alasan"])
        record_transition(permintaan, "putuskan", user, "Jumlah diputuskan Kabid PIAK.")
        _notify([permintaan.dibuat_oleh], judul=f"Siapkan serah terima blangko {permintaan.kecamatan}",
                pesan=permintaan.judul, url=permintaan.get_absolute_url(), record=permintaan)  # fmt: skip
    return permintaan


def nomor_bast(tahun: int) -> str:
    """The next BAST number of the year, from a locked counter (never shared, no gaps)."""
    return f"{next_serial(f'bast-blangko-{tahun}'):03d}/BAST-BLANGKO/PIAK/{tahun}"


def permintaan_serahkan(
    *, user: User, pk: int, penerima_nama: str, penerima_nip: str, tanggal: date | None = None,
    expected_status: str | None = None,
) -> PermintaanBlangko:  # fmt: skip
    """Record the handover with its BAST: the office's stock moves out (one ledger row per item) in
    the same transaction. Two handovers of the last blanks: the stock rows are locked in a fixed
    order, the second sees what is left and is refused (409), nothing half saved."""
    tanggal = tanggal or timezone.localdate()
    nip = re.sub(r"\s", "", penerima_nip or "")
    errors = {}
    if not (penerima_nama or "").strip():
        errors["penerima_nama"] = ["Nama petugas kecamatan yang menerima wajib diisi."]
    if not NIP_PATTERN.fullmatch(nip):
        errors["penerima_nip"] = ["NIP terdiri dari 18 angka."]
    if tanggal > timezone.localdate():
        errors["tanggal"] = ["Tanggal serah terima tidak boleh sesudah hari ini."]
    if errors:
        raise BerkasInvalid("Periksa isian serah terima.", fields=errors)
    with transaction.atomic():
        permintaan = _acting(user, pk, "serahkan", expected_status)
        items = [i for i in permintaan.items.select_for_update() if i.disetujui]
        stocks = {
            s.jenis: s
            for s in StokBlangko.objects.select_for_update()
            .filter(jenis__in=[i.jenis for i in items])
            .order_by("jenis")
        }
        short = [i for i in items if stocks.get(i.jenis) is None or stocks[i.jenis].jumlah < i.disetujui]
        if short:
            detail = "; ".join(
                f"{_label(i.jenis)} tinggal {getattr(stocks.get(i.jenis), 'jumlah', 0)}, diputuskan {i.disetujui}"
                for i in short
            )
            raise BerkasConflict(
                f"Stok Dinas tidak cukup ({detail}); mungkin baru saja diserahkan ke kecamatan lain. "
                "Serah terima tidak dicatat."
            )
        permintaan.nomor_bast = nomor_bast(tanggal.year)
        for item in items:
            stock = stocks[item.jenis]
            stock.jumlah -= item.disetujui
            stock._history_user = user
            stock.save(update_fields=["jumlah"])
            item.mutasi = MutasiBlangko.objects.create(
                jenis=item.jenis, jumlah=-item.disetujui, sisa=stock.jumlah, pelaku=user,
                keterangan=f"Serah terima ke Kecamatan {permintaan.kecamatan}, BAST {permintaan.nomor_bast}"[:200],
            )  # fmt: skip
        ItemPermintaanBlangko.objects.bulk_update(items, ["mutasi"])
        permintaan.tanggal_bast, permintaan.pihak_pertama = tanggal, user
        permintaan.penerima_nama, permintaan.penerima_nip = penerima_nama.strip()[:150], nip
        fields = ["nomor_bast", "tanggal_bast", "pihak_pertama", "penerima_nama", "penerima_nip"]
        record_transition(permintaan, "serahkan", user, f"BAST {permintaan.nomor_bast}.", update_fields=fields)
    return permintaan
