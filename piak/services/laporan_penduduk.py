"""State changes of the laporan perkembangan kependudukan: a report per period with its aggregate
snapshot, the Kasi's analysis, the chain Kasi → Kabid → Sekretaris → Kadis (TTE, through
``dukcapil.tte`` as a Signable) with its return paths, and the ADB's registration.

Steps and times: Bintan "SOP Laporan Perkembangan Kependudukan" (catalogue slug
``laporan-perkembangan-kependudukan``): analysis by the Kasi 2 hari, correction by the Kabid
10 menit, approval and paraf by the Sekretaris 5 menit, signature by the Kadis 5 menit,
registration by the Administrator Database 10 menit.
"""

import calendar
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from dukcapil.choices import Role
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.models import SOP, Bidang, User
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import (
    check_allowed,
    check_expected,
    move_work_items,
    record_checked,
    record_lock,
    record_transition,
)

from ..models import JenisLaporanPenduduk, LaporanPerkembangan, StatusLaporanPenduduk
from ..selectors.laporan_penduduk import agregat

S = StatusLaporanPenduduk
BIDANG_PIAK = "piak"
SOP_SLUG = "laporan-perkembangan-kependudukan"
# who performs an SOP step → the report's state that step is (step 7, the Kasi handing the signed
# report to the ADB, happens on paper and has no state of its own)
_PERAN_STATUS = {"kasi": S.DRAF, "kabid": S.KABID, "sekretaris": S.SEKRETARIS, "kadis": S.TTE}
LABEL = {
    "ajukan": "Ajukan ke Kabid PIAK",
    "koreksi": "Setujui koreksi, teruskan ke Sekretaris",
    "paraf": "Setujui dan paraf, teruskan ke Kadis",
    "kembalikan": "Kembalikan ke Kasi",
}


def periode(jenis: str, tahun: int, periode_ke: int) -> tuple[date, date]:
    """The first and last day of a semester (1, 2) or a month (1–12)."""
    if jenis == JenisLaporanPenduduk.SEMESTER:
        if periode_ke not in (1, 2):
            raise BerkasInvalid("Semester harus I atau II.", fields={"periode_ke": ["Pilih semester I atau II."]})
        return (date(tahun, 1, 1), date(tahun, 6, 30)) if periode_ke == 1 else (date(tahun, 7, 1), date(tahun, 12, 31))
    if jenis == JenisLaporanPenduduk.BULANAN_DP3AK:
        if not 1 <= periode_ke <= 12:
            raise BerkasInvalid("Bulan harus 1 sampai 12.", fields={"periode_ke": ["Pilih bulan 1–12."]})
        return date(tahun, periode_ke, 1), date(tahun, periode_ke, calendar.monthrange(tahun, periode_ke)[1])
    raise BerkasInvalid("Jenis laporan tidak dikenal.", fields={"jenis": ["Pilih jenis laporan."]})


def standar_waktu() -> dict[str, int]:
    """Standard minutes per state from the catalogue's SOP (empty if it is not loaded)."""
    sop = SOP.objects.filter(slug=SOP_SLUG).order_by("-kantor__aktif", "pk").prefetch_related("langkah").first()
    result: dict[str, int] = {}
    for step in sop.langkah.all() if sop else ():
        minutes = step.waktu_menit()
        for peran in step.peran:
            if (status := _PERAN_STATUS.get(peran)) and minutes is not None and status not in result:
                result[status] = minutes
    return result


def _notify(recipients, *, judul: str, pesan: str, laporan: LaporanPerkembangan) -> None:
    from dukcapil.notifikasi.services import notify

    recipients = [u for u in recipients if u.is_active]
    if recipients:
        notify(recipients, judul=judul, pesan=pesan, url=laporan.get_absolute_url(), record=laporan)


def _holders(role: Role, bidang_id: int | None = None) -> list[User]:
    qs = User.objects.filter(groups__name=role.label, is_active=True)
    if bidang_id is not None:
        qs = qs.filter(bidang_id=bidang_id)
    return list(qs.distinct())


def laporan_buat(*, user: User, jenis: str, tahun: int, periode_ke: int) -> LaporanPerkembangan:
    """The Kasi opens the period's report: the register's aggregates are computed and kept."""
    from sekretariat.services.surat_masuk import _first_card

    bidang = Bidang.objects.get(kode=BIDANG_PIAK)
    if not can(user, Aksi.LAPDUK_SUSUN, bidang.pk):
        raise BerkasForbidden("Hanya Kasi PIAK yang dapat menyusun laporan perkembangan kependudukan.")
    awal, akhir = periode(jenis, tahun, periode_ke)
    if akhir > timezone.localdate() and awal > timezone.localdate():
        raise BerkasInvalid("Periode laporan belum dimulai.", fields={"periode_ke": ["Periode belum dimulai."]})
    try:
        with transaction.atomic():
            laporan = LaporanPerkembangan.objects.create(
                bidang=bidang,
                jenis=jenis,
                tahun=tahun,
                periode_ke=periode_ke,
                tanggal_awal=awal,
                tanggal_akhir=akhir,
                data=agregat(jenis, awal, akhir),
                dihitung_pada=timezone.now(),
                disusun_oleh=user,
                standar_waktu=standar_waktu(),
            )
            _first_card(laporan, "buat", user, f"Data agregat per {akhir:%d-%m-%Y} dihitung dari database.")
            move_work_items([laporan], laporan.status_sejak)
    except IntegrityError:
        raise BerkasConflict("Laporan untuk periode ini sudah ada.") from None
    return laporan


def _draf(pk: int, user: User, expected_status: str | None) -> LaporanPerkembangan:
    laporan = record_lock(LaporanPerkembangan, pk, label="Laporan")
    check_expected(laporan, expected_status)
    if laporan.status != S.DRAF:
        raise BerkasConflict(f"Laporan berstatus «{laporan.get_status_display()}»; hanya draf yang dapat diubah.")
    if not can(user, Aksi.LAPDUK_SUSUN, laporan.bidang_id):
        raise BerkasForbidden("Hanya Kasi PIAK yang dapat mengubah draf laporan.")
    return laporan


def laporan_hitung_ulang(*, user: User, pk: int, expected_status: str | None = None) -> LaporanPerkembangan:
    """Recompute the snapshot from the register (only while it is a draft)."""
    with transaction.atomic():
        laporan = _draf(pk, user, expected_status)
        laporan.data = agregat(laporan.jenis, laporan.tanggal_awal, laporan.tanggal_akhir)
        laporan.dihitung_pada = timezone.now()
        laporan.save(update_fields=["data", "dihitung_pada"])
    return laporan


def laporan_simpan_analisis(
    *, user: User, pk: int, analisis: str, expected_status: str | None = None
) -> LaporanPerkembangan:
    """The Kasi's analysis of the aggregates (step 3)."""
    with transaction.atomic():
        laporan = _draf(pk, user, expected_status)
        laporan.analisis = analisis.strip()[:20000]
        laporan.save(update_fields=["analisis"])
    return laporan


def laporan_aksi(
    *, user: User, pk: int, method: str, catatan: str = "", expected_status: str | None = None
) -> LaporanPerkembangan:
    """One step of the chain: ajukan (Kasi), koreksi (Kabid), paraf (Sekretaris), kembalikan (any of
    them or the Kadis, back to the Kasi with a note)."""
    if method not in LABEL:
        raise BerkasInvalid("Tindakan tidak dikenal.")
    note = (catatan or "").strip()[:1000]
    if method == "kembalikan" and not note:
        raise BerkasInvalid("Tulis apa yang harus diperbaiki.", fields={"catatan": ["Catatan wajib diisi."]})
    with transaction.atomic():
        laporan = record_checked(model=LaporanPerkembangan, pk=pk, method=method, user=user, label=LABEL[method],
                                 expected_status=expected_status, lock_label="Laporan")  # fmt: skip
        if method == "ajukan" and not laporan.analisis.strip():
            raise BerkasInvalid(
                "Tulis analisis data agregat sebelum mengajukan.", fields={"analisis": ["Analisis wajib diisi."]}
            )
        update = ["putaran"] if method == "kembalikan" else []
        record_transition(laporan, method, user, note or LABEL[method] + ".", update_fields=update)
        if method == "kembalikan":
            _notify(
                _holders(Role.KASI, laporan.bidang_id),
                judul=f"{laporan.judul} dikembalikan",
                pesan=note,
                laporan=laporan,
            )
        elif laporan.status == S.TTE:
            _notify(
                _holders(Role.KADIS),
                judul=f"Menunggu TTE: {laporan.judul}",
                pesan="Laporan menunggu tanda tangan elektronik Anda di kotak masuk.",
                laporan=laporan,
            )
    return laporan


def laporan_registrasi(
    *, user: User, pk: int, nomor: str, tanggal: date | None = None, expected_status: str | None = None
) -> LaporanPerkembangan:
    """The ADB registers the signed report with the number the Kasubag Umum gave it (step 8)."""
    nomor = (nomor or "").strip()
    if not nomor:
        raise BerkasInvalid("Nomor registrasi wajib diisi.", fields={"nomor": ["Nomor wajib diisi."]})
    with transaction.atomic():
        laporan = record_lock(LaporanPerkembangan, pk, label="Laporan")
        check_expected(laporan, expected_status)
        check_allowed(laporan, "registrasi", user, "Registrasi laporan")
        laporan.nomor_registrasi = nomor[:100]
        laporan.tanggal_registrasi = tanggal or timezone.localdate()
        record_transition(
            laporan,
            "registrasi",
            user,
            f"Diregistrasi dengan nomor {laporan.nomor_registrasi}.",
            update_fields=["nomor_registrasi", "tanggal_registrasi"],
        )
    return laporan


def laporan_beri_arahan(*, user: User, pk: int, arahan: str, expected_status: str | None = None) -> LaporanPerkembangan:
    """After signing, the Kadis gives the Kasi further directions (step 6); the Kasi is told."""
    arahan = (arahan or "").strip()
    if not arahan:
        raise BerkasInvalid("Arahan wajib diisi.", fields={"arahan": ["Arahan wajib diisi."]})
    with transaction.atomic():
        laporan = record_lock(LaporanPerkembangan, pk, label="Laporan")
        check_expected(laporan, expected_status)
        if not can(user, Aksi.TTE, laporan.bidang_id):
            raise BerkasForbidden("Hanya Kepala Dinas yang memberi arahan atas laporan ini.")
        if laporan.status not in (S.TERBIT, S.TERDAFTAR):
            raise BerkasConflict("Arahan diberikan setelah laporan ditandatangani.")
        laporan.arahan = arahan[:5000]
        laporan.save(update_fields=["arahan"])
        _notify(
            _holders(Role.KASI, laporan.bidang_id),
            judul=f"Arahan Kadis: {laporan.judul}",
            pesan=laporan.arahan[:300],
            laporan=laporan,
        )
    return laporan
