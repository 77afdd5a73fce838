"""Kinerja layanan screens: the dashboard, the late list, exports, the JSON API and the monthly report."""

import csv
import io
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.db_router import replica_reads
from sekretariat.documents.registers import register_xlsx

from ..cetakan.views import cetak
from ..exceptions import BerkasError
from ..workflow.permissions import Aksi, can
from . import selectors as sel
from . import services as svc
from .forms import FilterKinerjaForm
from .tables import TABEL, angka
from .tables import dashboard as dashboard_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_HALAMAN = 50
MAKS_EKSPOR = 20000
KOLOM_TERLAMBAT = ("No. registrasi", "Layanan", "Tahap", "Sejak", "Batas tahap", "Tenggat", "Terlambat", "Pemegang")


BUTUH_POSTGRESQL = (
    "Angka kinerja dihitung oleh PostgreSQL (persentil, rekap harian) dan tidak tersedia pada "
    "instalasi demo dengan SQLite ini. Jalankan kantor dengan DATABASE_URL PostgreSQL (lihat README)."
)


def butuh_postgresql(view):
    """The figures are PostgreSQL's SQL: on the SQLite demo the screens say so (503) instead of failing."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if connection.vendor == "postgresql":
            return view(request, *args, **kwargs)
        if request.path.endswith("/api/"):
            return JsonResponse({"detail": BUTUH_POSTGRESQL}, status=503)
        return render(request, "dukcapil/error.html", {"message": BUTUH_POSTGRESQL}, status=503)

    return wrapper


def _denied(request: HttpRequest, message: str = sel.TOLAK) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def _filter(request: HttpRequest) -> FilterKinerjaForm:
    """The bound filter of the request, scoped to the bidang the user sees (PermissionDenied: none)."""
    return FilterKinerjaForm(request.GET, bidang_ids=sel.bidang_scope(request.user))


def _errors(form: FilterKinerjaForm) -> list[str]:
    return [message for messages_ in form.errors.values() for message in messages_]


def _tampil(value):
    return angka(value) if isinstance(value, (int, float)) or value is None else value


def _grafik(layanan: list[dict], tahap: list[dict], petugas: list[dict], pengembalian: list[dict]) -> dict:
    return {
        "layanan": {
            "labels": [r["nama"] for r in layanan],
            "masuk": [r["masuk"] for r in layanan],
            "selesai": [r["selesai"] for r in layanan],
            "tepat": [r["persen_tepat"] for r in layanan],
        },
        "tahap": {
            "labels": [
                r["tahap_label"] if len({x["layanan"] for x in tahap}) == 1 else f"{r['tahap_label']} ({r['layanan']})"
                for r in tahap
                if r["standar_menit"]
            ],
            "median": [r["median_menit"] for r in tahap if r["standar_menit"]],
            "standar": [r["standar_menit"] for r in tahap if r["standar_menit"]],
        },
        "petugas": {"labels": [r["petugas"] for r in petugas[:15]], "jumlah": [r["jumlah"] for r in petugas[:15]]},
        "pengembalian": {
            "labels": [r["alasan_label"] for r in pengembalian[:10]],
            "jumlah": [r["jumlah"] for r in pengembalian[:10]],
        },
    }


@login_required
@butuh_postgresql
@replica_reads  # figures for reading: the replica's second of lag does not matter
def dashboard(request: HttpRequest) -> HttpResponse:
    try:
        form = _filter(request)
    except PermissionDenied:
        return _denied(request)
    context = {"form": form, "errors": [], "bidang_semua": form.bidang_ids is None}
    if not form.is_valid():
        context["errors"] = _errors(form)
        return render(request, "kinerja/dashboard.html", context, status=400)
    p = form.periode()
    data = dashboard_rows(p)
    context |= {
        "periode": p,
        "query": form.query(),
        "ringkasan": sel.total(data["layanan"]),
        "terlambat": sel.terlambat_jumlah(p),
        "tabel": [(TABEL[k], [[_tampil(c) for c in TABEL[k].cells(r)] for r in rows]) for k, rows in data.items()],
        "grafik": _grafik(data["layanan"], data["tahap"], data["petugas"], data["pengembalian"]),
        "kosong": not any(data.values()),
        "boleh_laporan": can(request.user, Aksi.LAPORAN_KINERJA) or can(request.user, Aksi.TTE),
    }
    return render(request, "kinerja/dashboard.html", context)


@login_required
@butuh_postgresql
@replica_reads  # figures for reading: the replica's second of lag does not matter
def api(request: HttpRequest) -> JsonResponse:
    """The dashboard's figures as JSON: 400 with field errors on bad input, 403 without the grant."""
    try:
        form = _filter(request)
    except PermissionDenied:
        return JsonResponse({"detail": sel.TOLAK}, status=403)
    if not form.is_valid():
        errors = {("non_field_errors" if k == "__all__" else k): v for k, v in form.errors.items()}
        return JsonResponse(errors, status=400)
    p = form.periode()
    body = {"dari": p.dari.isoformat(), "sampai": p.sampai.isoformat(), "terlambat": sel.terlambat_jumlah(p)}
    for kode, rows in dashboard_rows(p).items():
        tabel = TABEL[kode]
        body[kode] = [dict(zip(tabel.kolom, tabel.cells(r), strict=True)) for r in rows]
    return JsonResponse(body)


def _baris_terlambat(r: dict) -> list:
    lewat = [x for x, on in (("tahap", r["lewat_tahap"]), ("tenggat penyelesaian", r["lewat_tenggat"])) if on]
    return [
        r["nomor_registrasi"],
        r["layanan"],
        r["status_label"],
        timezone.localtime(r["sejak"]).strftime("%d-%m-%Y %H:%M"),
        timezone.localtime(r["batas_tahap"]).strftime("%d-%m-%Y %H:%M") if r["batas_tahap"] else "–",
        r["tenggat"].strftime("%d-%m-%Y") if r["tenggat"] else "–",
        ", ".join(lewat),
        r["pemegang"],
    ]


@login_required
@butuh_postgresql
@replica_reads  # figures for reading: the replica's second of lag does not matter
def terlambat(request: HttpRequest) -> HttpResponse:
    """Open items past their step's deadline or their tenggat, oldest first, with who holds them.
    The Kadis (every bidang) first sees the counts per bidang, each a link down to its list."""
    try:
        form = _filter(request)
    except PermissionDenied:
        return _denied(request)
    context = {"form": form, "errors": []}
    if not form.is_valid():
        context["errors"] = _errors(form)
        return render(request, "kinerja/terlambat.html", context, status=400)
    p = form.periode()
    context["query"] = form.query()
    if p.bidang_ids is None and not form.cleaned_data.get("layanan"):
        context["per_bidang"] = sel.terlambat_per_bidang(p)
        return render(request, "kinerja/terlambat.html", context)
    jumlah = sel.terlambat_jumlah(p)
    page = Paginator(range(jumlah), PER_HALAMAN).get_page(request.GET.get("page"))
    rows = sel.terlambat(p, offset=page.start_index() - 1 if jumlah else 0, limit=PER_HALAMAN)
    context |= {"page": page, "jumlah": jumlah, "kolom": KOLOM_TERLAMBAT, "rows": rows}
    return render(request, "kinerja/terlambat.html", context)


def _nama_file(kode: str, form: FilterKinerjaForm, ext: str) -> str:
    data = form.cleaned_data
    return f"kinerja-{kode}-{data['dari']:%Y%m%d}-{data['sampai']:%Y%m%d}.{ext}"


def _kirim(judul: str, kolom, rows, nama: str, fmt: str, keterangan: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(register_xlsx(judul, keterangan, kolom, rows), content_type=XLSX)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(kolom)
        writer.writerows(rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


@login_required
@butuh_postgresql
@replica_reads  # figures for reading: the replica's second of lag does not matter
def ekspor(request: HttpRequest, tabel: str, fmt: str) -> HttpResponse:
    """Any table of the dashboard (or the late list) as CSV or XLSX, for the same filter."""
    if tabel not in TABEL and tabel != "terlambat":
        return render(request, "dukcapil/error.html", {"message": "Tabel tidak dikenal."}, status=404)
    try:
        form = _filter(request)
    except PermissionDenied:
        return _denied(request)
    if not form.is_valid():
        return render(request, "dukcapil/error.html", {"message": " ".join(_errors(form))}, status=400)
    p = form.periode()
    keterangan = f"Periode {p.dari:%d-%m-%Y} s.d. {p.sampai:%d-%m-%Y}"
    if tabel == "terlambat":
        rows = [_baris_terlambat(r) for r in sel.terlambat(p, limit=MAKS_EKSPOR)]
        return _kirim("Berkas terlambat", KOLOM_TERLAMBAT, rows, _nama_file(tabel, form, fmt), fmt, keterangan)
    t = TABEL[tabel]
    rows = [t.cells(r) for r in t.rows(p)]
    return _kirim(t.judul, t.kolom, rows, _nama_file(tabel, form, fmt), fmt, keterangan)


# --- the monthly report -------------------------------------------------------------------------


def _bulan(request: HttpRequest) -> tuple[int, int, str]:
    """(tahun, bulan, error) from ?bulan=YYYY-MM; the previous month by default."""
    today = timezone.localdate()
    default = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    raw = request.GET.get("bulan") or request.POST.get("bulan") or f"{default[0]}-{default[1]:02d}"
    try:
        tahun, bulan = (int(x) for x in raw.split("-"))
        if not (2000 <= tahun <= today.year and 1 <= bulan <= 12) or (tahun, bulan) > (today.year, today.month):
            raise ValueError
    except ValueError:
        return default[0], default[1], "Bulan tidak valid (format TTTT-BB, tidak di masa depan)."
    return tahun, bulan, ""


@login_required
@butuh_postgresql
def laporan(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _denied(request)
    tahun, bulan, error = _bulan(request)
    context = {
        "tahun": tahun,
        "bulan": bulan,
        "bulan_iso": f"{tahun}-{bulan:02d}",
        "judul_bulan": svc.judul_bulan(tahun, bulan),
        "error": error,
        "boleh_ajukan": can(request.user, Aksi.LAPORAN_KINERJA),
        "laporan": svc.daftar_laporan(),
    }
    return render(request, "kinerja/laporan.html", context, status=400 if error else 200)


@login_required
@butuh_postgresql
def laporan_pdf(request: HttpRequest) -> HttpResponse:
    tahun, bulan, error = _bulan(request)
    if error:
        return render(request, "dukcapil/error.html", {"message": error}, status=400)
    if not sel.boleh_lihat(request.user):
        return _denied(request)
    return cetak(request, "laporan-kinerja", {"tahun": tahun, "bulan": bulan})


@login_required
@butuh_postgresql
@require_POST
def laporan_ajukan(request: HttpRequest) -> HttpResponse:
    tahun, bulan, error = _bulan(request)
    if error:
        return render(request, "dukcapil/error.html", {"message": error}, status=400)
    try:
        row = svc.laporan_kinerja_ajukan(user=request.user, tahun=tahun, bulan=bulan)
    except BerkasError as exc:
        return render(request, "dukcapil/error.html", {"message": exc.message}, status=exc.http_status)
    messages.success(request, f"Laporan kinerja {svc.judul_bulan(tahun, bulan)} diajukan sebagai naskah dinas.")
    return redirect(row.naskah.get_absolute_url())
