"""State changes of publikasi (Probolinggo P.6.2): (1) the tim pengelola drafts the news or
information; (2) Bidang PIAK discusses it with them (the Kasi PIAK's check); (3) it is consulted
with the Sekretaris and the Kadis for approval (each may return it with a catatan); (4) once
approved the tim pengelola posts it on the office's channels (date and link recorded)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import Bidang, User
from dukcapil.workflow.models import WorkItem
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_expected, record_checker, record_lock, record_transition
from sekretariat.services.surat_masuk import _first_card, _note, _notify
from sekretariat.uploads import periksa_pindaian

from ..models import GambarPublikasi, KanalPublikasi, Publikasi, StatusPublikasi
from .pengaduan import BIDANG_PIAK, _items

LABEL = {
    "ajukan": "Ajukan ke Kasi PIAK",
    "periksa": "Teruskan ke Sekretaris",
    "setujui_sekretaris": "Setujui, teruskan ke Kadis",
    "setujui_kadis": "Setujui",
    "kembalikan": "Kembalikan ke tim pengelola",
    "terbitkan": "Catat posting",
}

_acting = record_checker(Publikasi, labels=LABEL, lock_label="Publikasi")
MAKS_GAMBAR = 6


def _periksa_gambar(gambar) -> str:
    try:
        ext = periksa_pindaian(gambar, "Gambar")
    except ValidationError as exc:
        raise BerkasInvalid(exc.messages[0], fields={"gambar": exc.messages}) from None
    if ext == "pdf":
        raise BerkasInvalid("Gambar harus JPEG atau PNG.", fields={"gambar": ["Unggah gambar JPEG atau PNG."]})
    return ext


def _simpan_gambar(pub: Publikasi, gambar, ext: str) -> GambarPublikasi:
    row = GambarPublikasi(publikasi=pub, nama_asli=gambar.name[:200])
    row.berkas.save(f"pub-{pub.pk}-{timezone.now():%H%M%S%f}.{ext}", gambar, save=False)
    row.save()
    return row


def publikasi_buat(*, user: User, judul: str, isi: str, kanal: str, gambar=None) -> Publikasi:
    """A new draft by the tim pengelola (PIAK), with an optional first image."""
    bidang = Bidang.objects.get(kode=BIDANG_PIAK)
    if not can(user, Aksi.PUBLIKASI_SUSUN, bidang.pk):
        raise BerkasForbidden("Hanya tim pengelola PIAK yang dapat menyusun publikasi.")
    if kanal not in KanalPublikasi.values:
        raise BerkasInvalid("Kanal tidak dikenal.", fields={"kanal": ["Pilih kanal."]})
    ext = _periksa_gambar(gambar) if gambar is not None else None
    with transaction.atomic():
        pub = Publikasi.objects.create(
            bidang=bidang, judul_berita=judul.strip(), isi=isi.strip(), kanal=kanal, dibuat_oleh=user
        )
        if ext:
            _simpan_gambar(pub, gambar, ext)
        _first_card(pub, "susun", user, "")
        WorkItem.objects.bulk_create(_items(pub))
    return pub


def publikasi_tambah_gambar(*, user: User, pk: int, gambar, expected_status: str | None = None) -> GambarPublikasi:
    """Another image, while the post is a draft."""
    ext = _periksa_gambar(gambar)
    with transaction.atomic():
        pub = record_lock(Publikasi, pk, label="Publikasi")
        check_expected(pub, expected_status)
        if not can(user, Aksi.PUBLIKASI_SUSUN, pub.bidang_id):
            raise BerkasForbidden("Hanya tim pengelola PIAK yang dapat menambah gambar.")
        if pub.status != StatusPublikasi.KONSEP:
            raise BerkasConflict("Gambar hanya dapat ditambah selama publikasi masih draf.")
        if pub.gambar.count() >= MAKS_GAMBAR:
            raise BerkasInvalid(f"Paling banyak {MAKS_GAMBAR} gambar.", fields={"gambar": ["Terlalu banyak gambar."]})
        return _simpan_gambar(pub, gambar, ext)


def publikasi_aksi(
    *, user: User, pk: int, method: str, expected_status: str | None = None, catatan: str = ""
) -> Publikasi:
    """One step of the approval chain (ajukan, periksa, setujui_sekretaris, setujui_kadis, kembalikan)."""
    if method not in LABEL or method == "terbitkan":
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = _note(catatan)
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        pub = _acting(user, pk, method, expected_status)
        record_transition(pub, method, user, note)
        if method == "kembalikan" and pub.dibuat_oleh_id:
            _notify(
                [pub.dibuat_oleh], judul=f"{pub.judul} dikembalikan", pesan=note, url=pub.get_absolute_url(), record=pub
            )
        elif pub.status == StatusPublikasi.DISETUJUI and pub.dibuat_oleh_id:
            _notify(
                [pub.dibuat_oleh],
                judul=f"{pub.judul} disetujui Kadis",
                pesan="Siap diposting.",
                url=pub.get_absolute_url(),
                record=pub,
            )
    return pub


def publikasi_terbitkan(
    *, user: User, pk: int, tanggal: date, tautan: str, expected_status: str | None = None
) -> Publikasi:
    """The tim pengelola posted it: the date and the link are recorded."""
    if tanggal > timezone.localdate():
        raise BerkasInvalid(
            "Tanggal posting tidak boleh di masa depan.", fields={"tanggal": ["Tanggal di masa depan."]}
        )
    with transaction.atomic():
        pub = _acting(user, pk, "terbitkan", expected_status)
        pub.tanggal_terbit, pub.tautan = tanggal, tautan
        note = f"Diposting di {pub.get_kanal_display()}: {tautan}"
        record_transition(pub, "terbitkan", user, note, update_fields=["tanggal_terbit", "tautan"])
    return pub
