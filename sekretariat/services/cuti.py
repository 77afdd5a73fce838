"""State changes of cuti pegawai (Lumajang «Prosedur Pengajuan Cuti»): the employee (or the Kasubag
Umum dan Kepegawaian for them) asks for leave; the Kasubag checks the remaining balance and forwards
it or returns it (step 2, 45 minutes), the Sekretaris initials it (step 5, 10 minutes) or returns it
to the Kasubag, the Kadis approves or refuses it (step 6, 10 minutes). An approved request starts the
surat izin cuti in the naskah chain (drafted under the Kasubag who checked it) and is done when that
letter is signed. The employee may cancel while nobody has decided yet.

The balance of cuti tahunan is computed here, never stored: see ``hak_cuti_tahunan``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.html import escape

from dukcapil.choices import Role
from dukcapil.documents.common import format_tanggal
from dukcapil.exceptions import BerkasConflict, BerkasForbidden, BerkasInvalid
from dukcapil.hari_kerja import hari_kerja_between
from dukcapil.models import Bidang, HariLibur, User
from dukcapil.workflow.models import WorkItem
from dukcapil.workflow.permissions import Aksi, can
from dukcapil.workflow.services import check_allowed, check_expected, open_items, record_lock, record_transition

from ..cuti_data import KODE_NASKAH
from ..models import JenisCuti, Naskah, Pegawai, PermohonanCuti, SatuanCuti, StatusCuti
from ..models.cuti import AKTIF, DISETUJUI
from ..models.naskah import JenisNaskah
from .keuangan import sop_minutes
from .naskah import SETELAH_TERBIT, naskah_ajukan, naskah_buat
from .surat_masuk import BIDANG_SEKRETARIAT, _first_card, _note, _notify, _open_named

S = StatusCuti
SOP_SLUG = "pengajuan-cuti"
# SOP step (urutan) → the state the request is in while that step is worked on
SOP_STEP_STATUS = {2: S.DIAJUKAN, 5: S.SEKRETARIS, 6: S.KADIS}
# PP 11/2017 carry-over of cuti tahunan: per earlier year at most 6 working days (total 18 with this
# year's 12; 24 when the two earlier years were not used at all).
BAWAAN_PER_TAHUN = 6

LABEL = {
    "teruskan": "Periksa dan teruskan ke Sekretaris",
    "kembalikan": "Kembalikan",
    "kembalikan_ke_kasubag": "Kembalikan ke Kasubag",
    "paraf": "Paraf dan teruskan ke Kadis",
    "setujui": "Setujui",
    "tolak": "Tolak",
    "batalkan": "Batalkan permohonan",
    "ajukan_ulang": "Ajukan ulang",
}


# --- the balance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HakTahunan:
    dasar: int  # this year's own entitlement (0 before a year's service or in a cuti besar year)
    bawaan: int  # carried over from the two years before
    bawaan_dua_tahun: bool  # the 24-day rule applied

    @property
    def total(self) -> int:
        return self.dasar + self.bawaan


def hak_cuti_tahunan(tahun: int, dasar: Mapping[int, int], diambil: Mapping[int, int]) -> HakTahunan:
    """The cuti tahunan entitlement of ``tahun`` from each year's own entitlement (``dasar``) and the
    working days of cuti tahunan taken in it (``diambil``); years absent count 0.

    PP 11/2017 Pasal 310–313 (as Peraturan BKN 24/2017 sets them out):

    - Pasal 311: a PNS/CPNS who has worked at least one year is entitled to 12 working days a year.
    - Pasal 313 ayat (1): entitlement not used in its year may be used the next year, «paling lama
      18 hari kerja termasuk cuti tahunan dalam tahun berjalan»: at most 6 days come from last year.
    - Pasal 313 ayat (2): entitlement not used for two or more consecutive years may be used the next
      year «paling lama 24 hari kerja termasuk hak atas cuti tahunan dalam tahun berjalan»: when
      nothing was taken in either of the two years before (and both had an entitlement), 6 days come
      from each of them.

    Leave taken in a year uses the carried-over days first, then the year's own: what is left of a
    year's *own* 12 days is what the next year may carry (at most 6 of it). So the total is capped at
    18 (one earlier year) or 24 (two unused earlier years), never more, however long the leave lay unused.
    Cuti bersama does not reduce the entitlement (PP 11/2017 Pasal 333 ayat (2)); when a year's
    Keputusan Presiden rules otherwise the office ticks ``JenisCuti.dikurangi_cuti_bersama`` and the
    caller counts those days in ``diambil``.
    """
    start = min([tahun - 2, *dasar, *diambil])
    sisa_sendiri: dict[int, int] = {}
    hak = HakTahunan(0, 0, False)
    for y in range(start, tahun + 1):
        own = dasar.get(y, 0)
        # the two years before were entitled and not used at all: the 24-day rule
        dua_tahun = all(dasar.get(y - k, 0) > 0 and diambil.get(y - k, 0) == 0 for k in (1, 2))
        asal = (1, 2) if dua_tahun else (1,)
        bawaan = sum(min(sisa_sendiri.get(y - k, 0), BAWAAN_PER_TAHUN) for k in asal)
        hak = HakTahunan(own, bawaan, dua_tahun)
        # taken days use the carried-over days first, then the year's own
        sisa_sendiri[y] = max(0, own - max(0, diambil.get(y, 0) - bawaan))
    return hak


@dataclass(frozen=True)
class SaldoCuti:
    tahun: int
    hak: HakTahunan
    diambil: int  # approved cuti tahunan of the year (working days)
    menunggu: int  # requested and still in the chain
    cuti_bersama: int  # days deducted for cuti bersama (0 unless the office ticked the rule)

    @property
    def sisa(self) -> int:
        return self.hak.total - self.diambil - self.menunggu - self.cuti_bersama


def _berhak(pegawai: Pegawai, tahun: int, masa_kerja: int) -> bool:
    return pegawai.tmt_cpns + relativedelta(years=masa_kerja) <= date(tahun, 12, 31)


def _cuti_bersama(tahun: int) -> int:
    days = HariLibur.objects.filter(tanggal__year=tahun, jenis=HariLibur.Jenis.CUTI_BERSAMA)
    return sum(1 for d in days.values_list("tanggal", flat=True) if d.weekday() < 5)


def saldo_banyak(pegawai: Iterable[Pegawai], tahun: int) -> dict[int, SaldoCuti]:
    """The cuti tahunan balance of many employees at once (three queries however many there are).
    A request counts in the year it starts (cuti tahunan is asked for within one year)."""
    pegawai = list(pegawai)
    tahunan = JenisCuti.objects.filter(potong_saldo=True).order_by("urutan").first()
    if tahunan is None or not pegawai:
        return {}
    rows = (
        PermohonanCuti.objects.filter(
            pegawai__in=pegawai, status__in=AKTIF, mulai__year__range=(tahun - 4, tahun), jenis__potong_saldo=True
        )
        .annotate(tahun=ExtractYear("mulai"))
        .values("pegawai_id", "tahun", "status")
        .annotate(hari=Sum("lama"))
    )
    diambil: dict[int, dict[int, int]] = {}
    menunggu: dict[int, int] = {}
    for r in rows:
        if r["status"] in DISETUJUI:
            per_year = diambil.setdefault(r["pegawai_id"], {})
            per_year[r["tahun"]] = per_year.get(r["tahun"], 0) + r["hari"]
        elif r["tahun"] == tahun:
            menunggu[r["pegawai_id"]] = menunggu.get(r["pegawai_id"], 0) + r["hari"]
    besar = set(
        PermohonanCuti.objects.filter(
            pegawai__in=pegawai, status__in=DISETUJUI, jenis__meniadakan_cuti_tahunan=True,
            mulai__year__range=(tahun - 4, tahun),
        ).values_list("pegawai_id", ExtractYear("mulai"))
    )  # fmt: skip
    bersama = _cuti_bersama(tahun) if tahunan.dikurangi_cuti_bersama else 0
    result = {}
    for p in pegawai:
        dasar = {
            y: tahunan.hak_tahunan
            for y in range(tahun - 4, tahun + 1)
            if _berhak(p, y, tahunan.masa_kerja_tahun) and (p.pk, y) not in besar
        }
        taken = diambil.get(p.pk, {})
        hak = hak_cuti_tahunan(tahun, dasar, taken)
        result[p.pk] = SaldoCuti(tahun, hak, taken.get(tahun, 0), menunggu.get(p.pk, 0), bersama)
    return result


def saldo_cuti(pegawai: Pegawai, tahun: int) -> SaldoCuti:
    return saldo_banyak([pegawai], tahun)[pegawai.pk]


# --- the request -----------------------------------------------------------------------------


def pegawai_dari_akun(user) -> Pegawai | None:
    """The Pegawai of a staff account: the linked one (``Pegawai.pengguna``), else the one whose NIP
    is the account's."""
    if not user.is_authenticated:
        return None
    found = Pegawai.objects.filter(pengguna=user, aktif=True).select_related("golongan", "jabatan").first()
    if found is None and getattr(user, "nip", ""):
        found = Pegawai.objects.filter(nip=user.nip, aktif=True).select_related("golongan", "jabatan").first()
    return found


def hitung_lama(jenis: JenisCuti, mulai: date, selesai: date) -> tuple[int, int]:
    """(lama, working days): cuti tahunan counts working days (weekends, national holidays and the
    office's cuti bersama/closures excluded, ``dukcapil.hari_kerja``); other kinds count calendar days."""
    kerja = hari_kerja_between(mulai - timedelta(days=1), selesai)
    if jenis.satuan == SatuanCuti.HARI_KERJA:
        return kerja, kerja
    return (selesai - mulai).days + 1, kerja


@dataclass(frozen=True)
class CutiData:
    jenis: JenisCuti
    mulai: date
    selesai: date
    alasan: str
    alamat: str


def _invalid(message: str, field: str | None = None) -> BerkasInvalid:
    return BerkasInvalid(message, fields={field: [message]} if field else {})


def _periksa(pegawai: Pegawai, data: CutiData, *, oleh_kasubag: bool, kecuali: int | None = None) -> tuple[int, int]:
    """Refuse what may not be asked (clear messages, nothing saved); the caller holds the Pegawai lock."""
    jenis = data.jenis
    if data.selesai < data.mulai:
        raise _invalid("Tanggal selesai tidak boleh sebelum tanggal mulai.", "selesai")
    if data.mulai < timezone.localdate() and not oleh_kasubag:
        raise _invalid(
            "Tanggal mulai sudah lewat. Cuti yang sudah berjalan dicatatkan oleh Kasubag Umum dan Kepegawaian.",
            "mulai",
        )
    if not jenis.aktif:
        raise _invalid(f"{jenis.nama} tidak dapat diajukan.", "jenis")
    if not data.alasan.strip():
        raise _invalid("Alasan cuti wajib diisi.", "alasan")
    if not data.alamat.strip():
        raise _invalid("Alamat selama cuti wajib diisi.", "alamat")
    if jenis.masa_kerja_tahun and pegawai.tmt_cpns + relativedelta(years=jenis.masa_kerja_tahun) > data.mulai:
        raise _invalid(f"{jenis.nama} baru dapat diambil setelah masa kerja {jenis.masa_kerja_tahun} tahun.", "jenis")
    lama, kerja = hitung_lama(jenis, data.mulai, data.selesai)
    if jenis.satuan == SatuanCuti.HARI_KERJA:
        if data.mulai.year != data.selesai.year:
            raise _invalid("Cuti tahunan diajukan per tahun: pisahkan permohonan yang melewati 31 Desember.", "selesai")
        if kerja == 0:
            raise _invalid("Rentang tanggal itu tidak memuat hari kerja.", "selesai")
    elif data.selesai >= data.mulai + relativedelta(months=jenis.batas):
        raise _invalid(f"{jenis.nama} paling lama {jenis.batas} bulan.", "selesai")
    bentrok = (
        PermohonanCuti.objects.filter(pegawai=pegawai, status__in=AKTIF)
        .filter(mulai__lte=data.selesai, selesai__gte=data.mulai)
        .exclude(pk=kecuali)
        .first()
    )
    if bentrok is not None:
        raise _invalid(
            f"Tanggal bertabrakan dengan {bentrok.nomor} ({format_tanggal(bentrok.mulai)} – "
            f"{format_tanggal(bentrok.selesai)}, {bentrok.get_status_display().lower()}).",
            "mulai",
        )
    if jenis.potong_saldo:
        saldo = saldo_cuti(pegawai, data.mulai.year)
        sisa = saldo.sisa + (_lama_sendiri(kecuali) if kecuali else 0)
        if lama > sisa:
            raise _invalid(
                f"Saldo cuti tahunan {data.mulai.year} tidak cukup: diminta {lama} hari kerja, sisa {max(sisa, 0)} "
                "hari kerja (termasuk permohonan yang masih diproses).",
                "selesai",
            )
    return lama, kerja


def _lama_sendiri(pk: int) -> int:
    """A returned request's own days (it is pending, so the balance counts it already)."""
    return PermohonanCuti.objects.filter(pk=pk, jenis__potong_saldo=True).values_list("lama", flat=True).first() or 0


def _bidang() -> Bidang:
    return Bidang.objects.get(kode=BIDANG_SEKRETARIAT)


def _holders(role: Role) -> list[User]:
    qs = User.objects.filter(is_active=True, groups__name=role.label)
    if role == Role.KASUBAG:
        qs = qs.filter(bidang__kode=BIDANG_SEKRETARIAT)
    return list(qs.distinct())


def _pemohon(permohonan: PermohonanCuti) -> list[User]:
    user = permohonan.pegawai.pengguna
    return [user] if user is not None and user.is_active else []


def cuti_ajukan(*, user: User, data: CutiData, pegawai_id: int | None = None) -> PermohonanCuti:
    """A request by the employee themself (``pegawai_id`` None: the user's own Pegawai) or entered
    by the Kasubag for an employee (who may also record leave that has already begun)."""
    bidang = _bidang()
    oleh_kasubag = can(user, Aksi.CUTI_PERIKSA, bidang.pk)
    sendiri = pegawai_dari_akun(user)
    if pegawai_id is None:
        if sendiri is None:
            raise BerkasInvalid("Akun Anda belum terhubung dengan data pegawai. Hubungi Kasubag Umum dan Kepegawaian.")
        pegawai_id = sendiri.pk
    elif not oleh_kasubag and (sendiri is None or sendiri.pk != pegawai_id):
        raise BerkasForbidden("Hanya Kasubag Umum dan Kepegawaian yang dapat mengajukan cuti untuk pegawai lain.")
    minutes = sop_minutes(SOP_SLUG)
    with transaction.atomic():
        pegawai = Pegawai.objects.select_for_update().filter(pk=pegawai_id, aktif=True).first()
        if pegawai is None:
            raise _invalid("Pegawai tidak ditemukan.", "pegawai")
        lama, kerja = _periksa(pegawai, data, oleh_kasubag=oleh_kasubag)
        now = timezone.now()
        permohonan = PermohonanCuti.objects.create(
            bidang=bidang,
            pegawai=pegawai,
            jenis=data.jenis,
            mulai=data.mulai,
            selesai=data.selesai,
            lama=lama,
            hari_kerja=kerja,
            alasan=data.alasan.strip(),
            alamat=data.alamat.strip(),
            diajukan_oleh=user,
            status_sejak=now,
            standar_waktu={status: minutes[step] for step, status in SOP_STEP_STATUS.items() if step in minutes},
        )
        siapa = "pegawai" if pegawai.pengguna_id == user.pk else f"{user.get_full_name() or user.username}"
        _first_card(permohonan, "ajukan", user, f"Diajukan oleh {siapa}.")
        WorkItem.objects.bulk_create(open_items(permohonan, now, _ct()))
        _notify(
            _holders(Role.KASUBAG),
            judul=f"Permohonan cuti: {pegawai.nama_lengkap}",
            pesan=f"{data.jenis.nama} {format_tanggal(data.mulai)} – {format_tanggal(data.selesai)}.",
            url=permohonan.get_absolute_url(),
            record=permohonan,
        )
    return permohonan


def _ct():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(PermohonanCuti)


def _lock(pk: int) -> PermohonanCuti:
    return record_lock(PermohonanCuti, pk, related=("pegawai__pengguna", "jenis"), label="Permohonan cuti")


def _act(user: User, pk: int, method: str, expected_status: str | None, note: str = "", **fields) -> PermohonanCuti:
    with transaction.atomic():
        permohonan = _lock(pk)
        check_expected(permohonan, expected_status)
        check_allowed(permohonan, method, user, LABEL[method])
        for name, value in fields.items():
            setattr(permohonan, name, value)
        record_transition(permohonan, method, user, note, update_fields=list(fields))
        if permohonan.status == S.DIKEMBALIKAN:  # the employee holds it now (no account: the Kasubag who returned it)
            _open_named(permohonan, _pemohon(permohonan) or [user], Aksi.CUTI_PERIKSA)
    return permohonan


def cuti_teruskan(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> PermohonanCuti:
    """The Kasubag found the balance and the dates right: on to the Sekretaris."""
    return _act(user, pk, "teruskan", expected_status, _note(catatan) or "Sisa cuti diteliti.", diperiksa_oleh=user)


def cuti_paraf(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> PermohonanCuti:
    """The Sekretaris initials it: on to the Kadis."""
    return _act(user, pk, "paraf", expected_status, _note(catatan) or "Diparaf Sekretaris.")


def cuti_kembalikan(*, user: User, pk: int, catatan: str, expected_status: str | None = None) -> PermohonanCuti:
    """Send the request back one step with a note: the Kasubag to the employee, the Sekretaris to the
    Kasubag. Whoever receives it is told."""
    note = _note(catatan)
    if not note:
        raise _invalid("Tulis alasan pengembalian.", "catatan")
    status = PermohonanCuti.objects.filter(pk=pk).values_list("status", flat=True).first()
    method = "kembalikan_ke_kasubag" if status == S.SEKRETARIS else "kembalikan"
    with transaction.atomic():
        permohonan = _act(user, pk, method, expected_status, note)
        kepada = _pemohon(permohonan) if method == "kembalikan" else _holders(Role.KASUBAG)
        _notify(kepada, judul=f"Permohonan cuti {permohonan.nomor} dikembalikan", pesan=note,
                url=permohonan.get_absolute_url(), record=permohonan)  # fmt: skip
    return permohonan


def cuti_ajukan_ulang(*, user: User, pk: int, data: CutiData, expected_status: str | None = None) -> PermohonanCuti:
    """The employee (or the Kasubag) corrects a returned request and sends it to the Kasubag again."""
    with transaction.atomic():
        permohonan = _lock(pk)
        check_expected(permohonan, expected_status)
        check_allowed(permohonan, "ajukan_ulang", user, LABEL["ajukan_ulang"])
        pegawai = Pegawai.objects.select_for_update().get(pk=permohonan.pegawai_id)
        oleh_kasubag = can(user, Aksi.CUTI_PERIKSA, permohonan.bidang_id)
        lama, kerja = _periksa(pegawai, data, oleh_kasubag=oleh_kasubag, kecuali=permohonan.pk)
        fields = {"jenis": data.jenis, "mulai": data.mulai, "selesai": data.selesai, "lama": lama,
                  "hari_kerja": kerja, "alasan": data.alasan.strip(), "alamat": data.alamat.strip()}  # fmt: skip
        for name, value in fields.items():
            setattr(permohonan, name, value)
        record_transition(
            permohonan, "ajukan_ulang", user, "Diperbaiki dan diajukan ulang.", update_fields=list(fields)
        )
    return permohonan


def cuti_batalkan(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> PermohonanCuti:
    """The employee withdraws the request before the Kadis decides; its days return to the balance."""
    return _act(user, pk, "batalkan", expected_status, _note(catatan) or "Dibatalkan.")


def cuti_tolak(*, user: User, pk: int, alasan: str, expected_status: str | None = None) -> PermohonanCuti:
    """The Kadis refuses it, saying why; the employee is told."""
    note = _note(alasan)
    if not note:
        raise _invalid("Alasan penolakan wajib diisi.", "catatan")
    with transaction.atomic():
        permohonan = _act(user, pk, "tolak", expected_status, note, alasan_tolak=note)
        _notify(_pemohon(permohonan), judul=f"Permohonan cuti {permohonan.nomor} ditolak", pesan=note,
                url=permohonan.get_absolute_url(), record=permohonan)  # fmt: skip
    return permohonan


def _isi_surat(p: PermohonanCuti) -> str:
    g = p.pegawai
    rows = [
        ("Nama", g.nama_lengkap),
        ("NIP", g.nip_cetak),
        ("Pangkat/golongan", str(g.golongan)),
        ("Jabatan", g.jabatan.nama),
        ("Unit kerja", g.unit),
    ]
    table = "<tr><th>Uraian</th><th>Data pegawai</th></tr>" + "".join(
        f"<tr><td>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows
    )
    return (
        f"<p>Diberikan {escape(p.jenis.nama.lower())} kepada pegawai negeri sipil:</p><table>{table}</table>"
        f"<p>selama {p.lama} {p.satuan_lama}, terhitung mulai tanggal {format_tanggal(p.mulai)} sampai dengan "
        f"tanggal {format_tanggal(p.selesai)}, dengan alasan {escape(p.alasan.rstrip('. '))}.</p>"
        f"<p>Selama menjalankan cuti alamat yang bersangkutan adalah {escape(p.alamat)}.</p>"
        "<p>Dengan ketentuan sebelum menjalankan cuti wajib menyerahkan pekerjaannya kepada atasan langsungnya; "
        "setelah selesai menjalankan cuti wajib melaporkan diri kepada atasan langsungnya dan bekerja kembali "
        "sebagaimana biasa.</p>"
    )


def _penyusun_surat(p: PermohonanCuti) -> User:
    """The surat izin cuti is drafted under the Kasubag who checked the request (SOP step 3–4)."""
    if p.diperiksa_oleh_id and p.diperiksa_oleh.is_active:
        return p.diperiksa_oleh
    kasubag = _holders(Role.KASUBAG)
    if not kasubag:
        raise BerkasConflict("Tidak ada Kasubag Umum dan Kepegawaian aktif untuk menyusun surat izin cuti.")
    return kasubag[0]


def _catat_di_presensi(permohonan: PermohonanCuti, user: User) -> int:
    """The one link to presensi: each working day of the approved leave gets a keterangan «cuti» for the
    employee (presensi is kept per Pegawai, with or without a login), so the presensi rekap counts it
    without reading cuti (the keterangan rows stay the rekap's one source). A day that already has a
    keterangan keeps it."""
    from ..models import JenisKeterangan, KeteranganPresensi

    hari = [
        permohonan.mulai + timedelta(days=n)
        for n in range((permohonan.selesai - permohonan.mulai).days + 1)
        if hari_kerja_between(permohonan.mulai + timedelta(days=n - 1), permohonan.mulai + timedelta(days=n))
    ]
    catatan = f"{permohonan.jenis.nama} ({permohonan.nomor})"
    made = KeteranganPresensi.objects.bulk_create(
        [
            KeteranganPresensi(
                pegawai_id=permohonan.pegawai_id,
                tanggal=d,
                jenis=JenisKeterangan.CUTI,
                catatan=catatan,
                dicatat_oleh=user,
            )
            for d in hari
        ],
        ignore_conflicts=True,
    )
    return len(made)


def cuti_setujui(*, user: User, pk: int, expected_status: str | None = None, catatan: str = "") -> PermohonanCuti:
    """The Kadis approves: the days go to presensi as «cuti» and the surat izin cuti starts in the
    naskah chain (konsep drafted under the Kasubag and submitted for checking)."""
    with transaction.atomic():
        permohonan = _act(user, pk, "setujui", expected_status, _note(catatan) or "Disetujui Kadis.")
        penyusun = _penyusun_surat(permohonan)
        naskah = naskah_buat(
            user=penyusun,
            jenis=JenisNaskah.objects.get(kode=KODE_NASKAH),
            hal=f"Izin {permohonan.jenis.nama.lower()} a.n. {permohonan.pegawai.nama_lengkap}",
            isi=_isi_surat(permohonan),
            tujuan_nama=permohonan.pegawai.nama_lengkap,
        )
        naskah = naskah_ajukan(pk=naskah.pk, user=penyusun)
        permohonan.naskah = naskah
        permohonan.save(update_fields=["naskah"])
        _catat_di_presensi(permohonan, user)
        _notify(
            _pemohon(permohonan),
            judul=f"Permohonan cuti {permohonan.nomor} disetujui",
            pesan="Surat izin cuti sedang diproses untuk ditandatangani.",
            url=permohonan.get_absolute_url(),
            record=permohonan,
        )
    return permohonan


def cuti_surat_terbit(*, naskah: Naskah, system) -> None:
    """Called when a naskah is signed (``naskah.SETELAH_TERBIT``): its approved request is done."""
    permohonan = PermohonanCuti.objects.select_for_update().filter(naskah=naskah, status=S.DISETUJUI).first()
    if permohonan is None:
        return
    record_transition(permohonan, "surat_terbit", system, f"Surat izin cuti {naskah.nomor_naskah} ditandatangani.")
    _notify(_pemohon(permohonan), judul=f"Surat izin cuti {naskah.nomor_naskah} terbit", pesan=naskah.hal,
            url=permohonan.get_absolute_url(), record=permohonan)  # fmt: skip


SETELAH_TERBIT.append(cuti_surat_terbit)
