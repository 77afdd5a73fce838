"""State changes of the SPJ administratif and SPJ fungsional.

SOP: Lumajang "Prosedur Penyusunan SPJ": the Bendahara Pengeluaran gathers the bahan SPJ from the
PPTK (step 1, 45 minutes) and puts the SPJ together (step 2, 2 hours); the Kasubag Keuangan — here
the PPK — checks it and returns it for repair or passes it on (step 3, 30 minutes); it is signed
(step 5, 5 minutes). Probolinggo P3.2 (Verifikasi) says who signs: the PPTK the SPJ administratif,
which is then archived; the PA the SPJ fungsional, one copy to the PPK and one to BPPKAD.

Realisasi has one source: the SPJ administratif signed by the PPTK (selectors.spj.realisasi_spj);
the SPJ fungsional's figures and the realisasi page both read it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import User
from dukcapil.workflow.models import WorkItem
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed, check_expected, open_items, record_lock, record_transition

from ..models import (
    BarisSpjFungsional,
    BuktiSpj,
    SpjAdministratif,
    SpjFungsional,
    Spp,
    StatusSpj,
    StatusSpjFungsional,
    SubKegiatanDpa,
)
from ..models.keuangan import STATUS_REALISASI
from ..selectors.spj import hitung_spj_fungsional
from ..uploads import periksa_pindaian
from .keuangan import _bidang, _tanggal_wajib, _wajib, rupiah, sop_minutes
from .surat_masuk import _first_card, _note, _notify

SOP_SLUG = "penyusunan-spj"
# SOP step (urutan) → the state the record is in while that step is worked on
SOP_STEP_STATUS = {2: StatusSpj.KONSEP, 3: StatusSpj.DIAJUKAN, 5: StatusSpj.DIVERIFIKASI}


def standar_waktu(slug: str, steps: dict[int, str]) -> dict[str, int]:
    minutes = sop_minutes(slug)
    return {status: minutes[step] for step, status in steps.items() if step in minutes}


@dataclass(frozen=True)
class SpjData:
    spp: Spp | None
    nomor_spj: str
    tanggal: date
    kode_rekening: str
    uraian: str
    nilai: Decimal


def _tolak(field: str, message: str) -> BerkasInvalid:
    return BerkasInvalid(message, fields={field: [message]})


def _periksa_nilai(spp: Spp, sub: SubKegiatanDpa, nilai: Decimal) -> None:
    """Every SPJ recorded (whatever its state) is a claim on its SP2D and on the pagu of its DPA line."""
    if nilai <= 0:
        raise _tolak("nilai", "Nilai SPJ harus lebih dari nol.")
    terpakai = SpjAdministratif.objects.filter(sub_kegiatan=sub).aggregate(t=Sum("nilai"))["t"] or Decimal(0)
    sisa_pagu = sub.pagu - terpakai
    if nilai > sisa_pagu:
        raise _tolak(
            "nilai",
            f"Nilai {rupiah(nilai)} melebihi sisa pagu sub kegiatan {sub.kode} ({rupiah(sisa_pagu)} "
            f"dari pagu {rupiah(sub.pagu)}). SPJ tidak disimpan.",
        )
    di_spj = spp.spj.aggregate(t=Sum("nilai"))["t"] or Decimal(0)
    sisa_sp2d = spp.nilai - di_spj
    if nilai > sisa_sp2d:
        raise _tolak(
            "nilai",
            f"Nilai {rupiah(nilai)} melebihi bagian SP2D {spp.nomor_sp2d} yang belum di-SPJ-kan "
            f"({rupiah(sisa_sp2d)}). SPJ tidak disimpan.",
        )


def spj_susun(*, user: User, data: SpjData) -> SpjAdministratif:
    """The Bendahara (or PPTK) records an SPJ administratif for an SPP whose SP2D was issued."""
    bidang = _bidang()
    if not can(user, Aksi.SPJ_SUSUN, bidang.pk):
        raise BerkasForbidden("Hanya Bendahara Pengeluaran atau PPTK yang dapat menyusun SPJ.")
    if data.spp is None:
        raise _tolak("spp", "Pilih SPP/SP2D yang dipertanggungjawabkan: SPJ tanpa SPP tidak dapat dicatat.")
    nomor = _wajib(data.nomor_spj, "nomor_spj", "Nomor SPJ")
    rekening = _wajib(data.kode_rekening, "kode_rekening", "Kode rekening")
    uraian = _wajib(data.uraian, "uraian", "Uraian")
    now = timezone.now()
    try:
        with transaction.atomic():
            spp = Spp.objects.select_for_update(of=("self",)).get(pk=data.spp.pk)
            if spp.status not in STATUS_REALISASI:
                raise _tolak("spp", f"SP2D untuk SPP {spp.nomor} belum terbit: SPJ menunggu SP2D-nya.")
            tanggal = _tanggal_wajib(data.tanggal, "tanggal", "Tanggal SPJ", spp.tanggal_sp2d)
            if tanggal.year != spp.tahun:
                raise _tolak("tanggal", f"SPP ini dari tahun anggaran {spp.tahun}, tanggal SPJ tahun {tanggal.year}.")
            sub = SubKegiatanDpa.objects.select_for_update().get(pk=spp.sub_kegiatan_id)  # one writer per DPA line
            _periksa_nilai(spp, sub, data.nilai)
            spj = SpjAdministratif.objects.create(
                bidang=bidang,
                tahun=spp.tahun,
                nomor_spj=nomor,
                tanggal=tanggal,
                spp=spp,
                sub_kegiatan=sub,
                kode_rekening=rekening,
                uraian=uraian,
                nilai=data.nilai,
                disusun_oleh=user,
                status_sejak=now,
                standar_waktu=standar_waktu(SOP_SLUG, SOP_STEP_STATUS),
            )
            _first_card(spj, "susun", user, "SPJ administratif disusun.")
            WorkItem.objects.bulk_create(open_items(spj, now, ContentType.objects.get_for_model(spj)))
    except IntegrityError:
        raise _tolak("nomor_spj", f"Nomor SPJ {nomor} sudah tercatat untuk tahun ini.") from None
    return spj


def bukti_tambah(*, user: User, pk: int, jenis: str, keterangan: str, berkas) -> BuktiSpj:
    """A bukti (kuitansi, nota, faktur) scanned as PDF/JPEG/PNG, checked by content; only while the SPJ
    is being put together."""
    keterangan = _wajib(keterangan, "keterangan", "Keterangan bukti")
    if berkas is None:
        raise _tolak("berkas", "Pilih berkas bukti.")
    try:
        periksa_pindaian(berkas, "Bukti SPJ")
    except ValidationError as exc:
        raise _tolak("berkas", exc.messages[0]) from None
    with transaction.atomic():
        spj = record_lock(SpjAdministratif, pk, label="SPJ")
        if not can(user, Aksi.SPJ_SUSUN, spj.bidang_id):
            raise BerkasForbidden("Hanya Bendahara Pengeluaran atau PPTK yang dapat melampirkan bukti.")
        if spj.status != StatusSpj.KONSEP:
            raise BerkasConflict(f"SPJ berstatus «{spj.get_status_display()}»: bukti tidak dapat ditambah lagi.")
        return BuktiSpj.objects.create(spj=spj, jenis=jenis, keterangan=keterangan, berkas=berkas)


LABEL = {
    "ajukan": "Ajukan SPJ ke PPK",
    "verifikasi": "Verifikasi SPJ",
    "kembalikan": "Kembalikan SPJ",
    "tandatangani": "Tandatangani SPJ",
    "tolak_tandatangan": "Kembalikan SPJ",
    "catat_terima": "Catat terima BPPKAD",
}


def _act(model, user: User, pk: int, method: str, expected_status: str | None, note: str = "", label=LABEL, **fields):
    """One transition of an SPJ or a daftar gaji: locked, checked, recorded (who signs and when)."""
    with transaction.atomic():
        record = record_lock(model, pk, label=model._meta.verbose_name.capitalize())
        check_expected(record, expected_status)
        check_allowed(record, method, user, label[method])
        if method == "ajukan" and model is SpjAdministratif and not record.bukti.exists():
            raise _tolak("bukti", "Lampirkan sedikitnya satu bukti (kuitansi, nota, atau faktur) sebelum diajukan.")
        if method == "tandatangani":
            fields |= {"ditandatangani_oleh": user, "ditandatangani_pada": timezone.now()}
        for name, value in fields.items():
            setattr(record, name, value)
        record_transition(record, method, user, note, update_fields=list(fields))
    return record


def _return(model, user: User, pk: int, method: str, catatan: str, expected_status: str | None, label=LABEL):
    """A return to the Bendahara/PPTK with what to repair; who put it together is told."""
    note = _note(catatan)
    if not note:
        raise _tolak("catatan", "Tulis apa yang harus diperbaiki.")
    with transaction.atomic():
        record = _act(model, user, pk, method, expected_status, note, label)
        _notify(
            [record.disusun_oleh],
            judul=f"{record.judul} dikembalikan",
            pesan=note,
            url=record.get_absolute_url(),
            record=record,
        )
    return record


def spj_ajukan(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> SpjAdministratif:
    return _act(SpjAdministratif, user, pk, "ajukan", expected_status, _note(catatan))


def spj_verifikasi(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> SpjAdministratif:
    """The PPK finds the SPJ and its bukti in order: it goes to the PPTK to sign."""
    return _act(SpjAdministratif, user, pk, "verifikasi", expected_status, _note(catatan))


def spj_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> SpjAdministratif:
    return _return(SpjAdministratif, user, pk, "kembalikan", catatan, expected_status)


def spj_tandatangani(*, user: User, pk: int, expected_status: str | None = None) -> SpjAdministratif:
    """The PPTK signs: the SPJ is archived and counts in realisasi from now on."""
    return _act(SpjAdministratif, user, pk, "tandatangani", expected_status)


def spj_tolak_tandatangan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> SpjAdministratif:
    return _return(SpjAdministratif, user, pk, "tolak_tandatangan", catatan, expected_status)


# --- SPJ fungsional ---------------------------------------------------------------------------


def _tulis_baris(spj: SpjFungsional) -> None:
    spj.baris.all().delete()
    BarisSpjFungsional.objects.bulk_create(
        [
            BarisSpjFungsional(spj=spj, sub_kegiatan_id=b.sub_kegiatan_id, kode=b.kode, nama=b.nama, **b.angka())
            for b in hitung_spj_fungsional(spj.tahun, spj.bulan)
        ]
    )


def spj_fungsional_susun(*, user: User, tahun: int, bulan: int) -> SpjFungsional:
    """The Bendahara opens the month's SPJ fungsional (one a month, not before the month began)."""
    bidang = _bidang()
    if not can(user, Aksi.SPJ_FUNGSIONAL_SUSUN, bidang.pk):
        raise BerkasForbidden("Hanya Bendahara Pengeluaran yang dapat menyusun SPJ fungsional.")
    today = timezone.localdate()
    if not 1 <= bulan <= 12 or (tahun, bulan) > (today.year, today.month):
        raise _tolak("bulan", "SPJ fungsional hanya untuk bulan yang sudah berjalan.")
    if SpjFungsional.objects.filter(tahun=tahun, bulan=bulan).exists():
        raise _tolak("bulan", "SPJ fungsional bulan ini sudah ada.")
    return bulanan_buka(
        SpjFungsional,
        user=user,
        bidang=bidang,
        periode=(tahun, bulan),
        standar=standar_waktu(SOP_SLUG, FUNGSIONAL_STEP_STATUS),
        isi=_tulis_baris,
        catatan="SPJ fungsional disusun.",
        sudah_ada=_tolak("bulan", "SPJ fungsional bulan ini sudah ada."),
    )


def bulanan_buka(model, *, user: User, bidang, periode: tuple[int, int], standar, isi, catatan: str, sudah_ada):
    """A month's record (one a month: ``sudah_ada`` when the month's row exists) in one transaction:
    created with the SOP's minutes ``standar``, filled by ``isi(record)``, the kartu
    kendali's first row and its work items."""
    now = timezone.now()
    tahun, bulan = periode
    try:
        with transaction.atomic():
            record = model.objects.create(
                bidang=bidang,
                tahun=tahun,
                bulan=bulan,
                disusun_oleh=user,
                status_sejak=now,
                standar_waktu=standar,
            )
            isi(record)
            _first_card(record, "susun", user, catatan)
            WorkItem.objects.bulk_create(open_items(record, now, ContentType.objects.get_for_model(record)))
    except IntegrityError:
        raise sudah_ada from None
    return record


F = StatusSpjFungsional
FUNGSIONAL_STEP_STATUS = {2: F.KONSEP, 3: F.DIAJUKAN, 5: F.DIVERIFIKASI}


def spj_fungsional_ajukan(*, user: User, pk: int, expected_status: str | None = None) -> SpjFungsional:
    """Submitted to the PPK with its figures computed again from the SPJ signed so far."""
    with transaction.atomic():
        spj = _act(SpjFungsional, user, pk, "ajukan", expected_status)
        _tulis_baris(spj)
    return spj


def spj_fungsional_verifikasi(*, user: User, pk: int, expected_status: str | None = None) -> SpjFungsional:
    return _act(SpjFungsional, user, pk, "verifikasi", expected_status)


def spj_fungsional_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None):
    return _return(SpjFungsional, user, pk, "kembalikan", catatan, expected_status)


def spj_fungsional_tandatangani(*, user: User, pk: int, expected_status: str | None = None) -> SpjFungsional:
    """The PA signs; the figures stay as they are from now on."""
    return _act(SpjFungsional, user, pk, "tandatangani", expected_status)


def spj_fungsional_tolak_tandatangan(*, user: User, pk: int, catatan: str, expected_status: str | None = None):
    return _return(SpjFungsional, user, pk, "tolak_tandatangan", catatan, expected_status)


def spj_fungsional_catat_terima(
    *, user: User, pk: int, nomor_terima: str, tanggal_terima: date | None, expected_status: str | None = None
) -> SpjFungsional:
    """The Bendahara records BPPKAD's receipt (its nomor and tanggal)."""
    nomor = _wajib(nomor_terima, "nomor", "Nomor tanda terima BPPKAD")
    spj = SpjFungsional.objects.filter(pk=pk).only("ditandatangani_pada").first()
    sejak = timezone.localtime(spj.ditandatangani_pada).date() if spj and spj.ditandatangani_pada else None
    tanggal = _tanggal_wajib(tanggal_terima, "tanggal", "Tanggal terima", sejak)
    return _act(
        SpjFungsional, user, pk, "catat_terima", expected_status, "", nomor_terima=nomor, tanggal_terima=tanggal
    )
