"""Reads of the queue: the place of a ticket, the console, the waiting-room display, the statistics."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Case, Count, DurationField, F, Q, QuerySet, Value, When
from django.utils import timezone

from dukcapil.aggregates import Persentil
from dukcapil.workflow.permissions import Aksi, bidang_filter

from .models import JalurAntrian, Loket, Panggilan, StatusTiket, Tiket

S = StatusTiket
TERBUKA = (S.DIPANGGIL, S.DILAYANI)
RIWAYAT_LAYAR = 8  # the last calls listed on the display


def di_depan(tiket: Tiket) -> int:
    """How many waiting tickets of the same line and day are before this one."""
    return (
        Tiket.objects.filter(jalur_id=tiket.jalur_id, tanggal=tiket.tanggal, status=S.MENUNGGU)
        .filter(Q(antre_sejak__lt=tiket.antre_sejak) | Q(antre_sejak=tiket.antre_sejak, pk__lt=tiket.pk))
        .count()
    )


def jalur_kiosk() -> list[JalurAntrian]:
    return list(JalurAntrian.objects.filter(aktif=True).order_by("urutan", "huruf"))


def loket_untuk(user) -> QuerySet[Loket]:
    """The lokets whose queue the user may call (the bidang of the loket)."""
    return Loket.objects.filter(aktif=True).filter(bidang_filter(user, Aksi.PANGGIL_ANTRIAN)).select_related("bidang")


@dataclass(frozen=True)
class Konsol:
    loket: Loket
    jalur: list[JalurAntrian]
    aktif: Tiket | None  # the ticket called or being served at this loket
    menunggu: list[Tiket]  # the next waiting ones of its lines
    jumlah_menunggu: int
    dilewati: list[Tiket]  # skipped today in its lines: recallable


def konsol(loket: Loket, today: date, tampil: int = 10) -> Konsol:
    """Everything the console shows, in a fixed number of queries."""
    jalur = list(loket.jalur.prefetch_related("layanan"))
    ids = [j.pk for j in jalur]
    hari_ini = Tiket.objects.filter(tanggal=today).select_related("jalur")
    aktif = hari_ini.filter(loket=loket, status__in=TERBUKA).select_related("berkas").first()
    antre = hari_ini.filter(jalur_id__in=ids, status=S.MENUNGGU).order_by("antre_sejak", "pk")
    return Konsol(
        loket=loket,
        jalur=jalur,
        aktif=aktif,
        menunggu=list(antre[:tampil]),
        jumlah_menunggu=antre.count(),
        dilewati=list(hari_ini.filter(jalur_id__in=ids, status=S.DILEWATI).order_by("dipanggil_pada", "pk")),
    )


# --- the waiting-room display ----------------------------------------------------------------


def teks_panggilan(kode_huruf: str, nomor: int, loket: int) -> str:
    """«Nomor antrian A 0 1 5, silakan menuju loket 3»: the digits spelled one by one."""
    digits = " ".join(f"{nomor:03d}")
    return f"Nomor antrian {' '.join(kode_huruf)} {digits}, silakan menuju loket {loket}"


def _panggilan_json(p: Panggilan) -> dict:
    t = p.tiket
    return {
        "id": p.pk,
        "kode": t.kode,
        "jalur": t.jalur.nama,
        "loket": p.loket.nomor,
        "loket_nama": p.loket.nama,
        "waktu": timezone.localtime(p.waktu).isoformat(),
        "jam": f"{timezone.localtime(p.waktu):%H.%M}",
        "ulang": p.ulang,
        "teks": teks_panggilan(t.jalur.huruf, t.nomor, p.loket.nomor),
    }


def panggilan_sejak(sejak: int, batas: int = 200) -> list[dict]:
    """Every call after ``sejak`` (a Panggilan id), oldest first: a display that was offline catches up."""
    rows = Panggilan.objects.filter(pk__gt=sejak).select_related("tiket__jalur", "loket").order_by("pk")[:batas]
    return [_panggilan_json(p) for p in rows]


def papan(today: date) -> list[dict]:
    """Each active loket and the code it is calling or serving now (no personal data)."""
    lokets = list(Loket.objects.filter(aktif=True).order_by("nomor"))
    now_at = {
        t.loket_id: t
        for t in Tiket.objects.filter(tanggal=today, status__in=TERBUKA, loket__isnull=False).select_related("jalur")
    }
    return [
        {"loket": lk.nomor, "nama": lk.nama, "kode": now_at[lk.pk].kode if lk.pk in now_at else ""} for lk in lokets
    ]


def layar(today: date, sejak: int | None) -> dict:
    """The display's JSON: the board and every call after ``sejak`` in order. Without ``sejak`` (the
    first load) or with one beyond the log (the database was reset) no call, only the last id."""
    terakhir = Panggilan.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if sejak is None or sejak > terakhir:
        baru, sampai = [], terakhir
    else:
        baru = panggilan_sejak(sejak)
        sampai = baru[-1]["id"] if baru else sejak
    return {
        "sekarang": timezone.localtime().isoformat(),
        "terakhir": sampai,
        "panggilan": baru,
        "papan": papan(today),
    }


def riwayat(today: date) -> list[dict]:
    start = timezone.make_aware(datetime.combine(today, datetime.min.time()))
    rows = (
        Panggilan.objects.filter(waktu__gte=start)
        .select_related("tiket__jalur", "loket")
        .order_by("-pk")[:RIWAYAT_LAYAR]
    )
    return [_panggilan_json(p) for p in rows]


# --- statistics --------------------------------------------------------------------------------


# a ticket called before its queueing moment (an online ticket called before the opening hour)
# waited nothing, not a negative time
TUNGGU = Case(
    When(dipanggil_pada__lt=F("antre_sejak"), then=Value(timedelta(0))),
    default=F("dipanggil_pada") - F("antre_sejak"),
    output_field=DurationField(),
)
LAYANAN = F("selesai_pada") - F("dilayani_pada")


def _ukuran(group: QuerySet) -> QuerySet:
    return group.annotate(
        tiket=Count("pk"),
        dilayani=Count("pk", filter=Q(status=S.SELESAI)),
        tidak_hadir=Count("pk", filter=Q(status=S.DILEWATI)),
        batal=Count("pk", filter=Q(status=S.BATAL)),
        tunggu_median=Persentil(TUNGGU, 0.5),
        tunggu_p90=Persentil(TUNGGU, 0.9),
        layanan_median=Persentil(LAYANAN, 0.5),
        layanan_p90=Persentil(LAYANAN, 0.9),
    )


def statistik(mulai: date, sampai: date) -> dict[str, list[dict]]:
    """Per day and line, per day and loket, and per line over the range: tickets, waiting time
    (antre → dipanggil) and service time (dilayani → selesai), median and p90, no-shows (skipped
    and never served). Three grouped queries; the percentiles are computed by the database."""
    base = Tiket.objects.filter(tanggal__range=(mulai, sampai)).order_by()
    return {
        "jalur_harian": list(
            _ukuran(base.values("tanggal", "jalur__huruf", "jalur__nama")).order_by("tanggal", "jalur__huruf")
        ),
        "loket_harian": list(
            _ukuran(base.filter(loket__isnull=False).values("tanggal", "loket__nomor", "loket__nama")).order_by(
                "tanggal", "loket__nomor"
            )
        ),
        "jalur_total": list(_ukuran(base.values("jalur__huruf", "jalur__nama")).order_by("jalur__huruf")),
    }


def menit(value: timedelta | None) -> str:
    """A duration as minutes with one decimal («7,5»), «-» when there is none."""
    if value is None:
        return "-"
    return f"{value.total_seconds() / 60:.1f}".replace(".", ",")
