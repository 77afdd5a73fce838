"""Screens of pengaduan: the citizen's public form and status page, and PIAK's and the bidang's."""

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dukcapil import ratelimit
from dukcapil.errors import too_many_requests
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.services.perencanaan import BULAN
from sekretariat.views import berkas_response
from sekretariat.views.keuangan import record_page
from sekretariat.views.surat_masuk import _allowed, _apply, _forbidden

from ..forms.pengaduan import (
    AksiForm,
    BulanForm,
    CekPengaduanForm,
    FilterForm,
    JawabForm,
    PengaduanPublikForm,
    PengaduanStafForm,
    TriaseForm,
)
from ..models import TERJAWAB, SaluranPengaduan
from ..selectors import pengaduan as sel
from ..services import pengaduan as svc

# Per client address: submissions are rarer than lookups (a person sends one or two).
KIRIM_LIMIT, KIRIM_WINDOW = 5, 3600
CEK_LIMIT, CEK_WINDOW = 20, 600
PER_HALAMAN = 50


def _terlalu_sering(request: HttpRequest, scope: str, limit: int, window: int) -> HttpResponse | None:
    allowed, wait = ratelimit.hit(scope, ratelimit.client_ip(request.META), limit, window)
    if allowed:
        return None
    return too_many_requests(request, "Terlalu banyak percobaan. Silakan coba lagi nanti.", wait)


def _data(form, saluran: str) -> svc.PengaduanData:
    c = form.cleaned_data
    fields = ("jenis", "kategori", "nama", "kontak", "email", "isi")
    return svc.PengaduanData(saluran=saluran, lampiran=c.get("lampiran"), **{f: c[f] for f in fields})


def _submit(request: HttpRequest, form, user, saluran: str, template: str) -> HttpResponse:
    """Create the ticket and show its number and code once (never a redirect: the code is in no URL)."""
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    try:
        tiket = svc.pengaduan_buat(user=user, data=_data(form, saluran))
    except BerkasError as exc:
        _apply(form, exc)
        return render(request, template, {"form": form}, status=exc.http_status)
    return render(request, "piak/pengaduan/tiket.html", {"tiket": tiket, "staf": user is not None})


@never_cache
def kirim_publik(request: HttpRequest) -> HttpResponse:
    """The citizen's web form (no login)."""
    template = "piak/pengaduan/kirim_publik.html"
    if request.method != "POST":
        return render(request, template, {"form": PengaduanPublikForm()})
    if limited := _terlalu_sering(request, "pengaduan-kirim", KIRIM_LIMIT, KIRIM_WINDOW):
        return limited
    form = PengaduanPublikForm(request.POST, request.FILES)
    return _submit(request, form, None, SaluranPengaduan.WEB, template)


@never_cache
def cek_publik(request: HttpRequest) -> HttpResponse:
    """Ticket + code → status, dates and the answer; nothing about the person. POST only, so neither
    the ticket nor the code ends up in a URL or a log; one answer for unknown ticket and wrong code."""
    form = CekPengaduanForm(request.POST or None)
    context: dict = {"form": form}
    status = 200
    if request.method == "POST":
        if limited := _terlalu_sering(request, "pengaduan-cek", CEK_LIMIT, CEK_WINDOW):
            return limited
        if form.is_valid():
            found = svc.pengaduan_cek_publik(form.cleaned_data["nomor_tiket"], form.cleaned_data["kode"])
            if found is None:
                # the same page for an unknown ticket and a wrong code: nothing typed is echoed
                context |= {"error": "Tiket tidak ditemukan atau kode salah. Periksa kembali nomor tiket dan kode."}
                context["form"] = CekPengaduanForm()
                status = 404
            else:
                context |= {"hasil": found, "form": CekPengaduanForm(), "terjawab": found.status in TERJAWAB}
        else:
            status = 400
    return render(request, "piak/pengaduan/cek_publik.html", context, status=status)


# --- staff -----------------------------------------------------------------------------------------


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Daftar pengaduan hanya untuk PIAK dan bidang yang menjawab.")
    form = FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    qs = sel.daftar(request.user, status=data.get("status", ""), saluran=data.get("saluran", ""), q=data.get("q", ""))
    page = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    context = {
        "form": form,
        "page": page,
        "today": timezone.localdate(),
        "can_catat": can_in_bidang(request.user, Aksi.PENGADUAN_KELOLA, "piak"),
        "can_statistik": sel.boleh_kelola(request.user),
    }
    return render(request, "piak/pengaduan/daftar.html", context)


@login_required
def catat(request: HttpRequest) -> HttpResponse:
    """PIAK staff record a ticket received through WhatsApp, Facebook, SMS, kotak saran, telepon, in person."""
    if not can_in_bidang(request.user, Aksi.PENGADUAN_KELOLA, "piak"):
        return _forbidden(request, "Hanya petugas PIAK yang dapat mencatat pengaduan.")
    template = "piak/pengaduan/catat.html"
    if request.method != "POST":
        return render(request, template, {"form": PengaduanStafForm()})
    form = PengaduanStafForm(request.POST, request.FILES)
    saluran = form.data.get("saluran", "")
    return _submit(request, form, request.user, saluran, template)


TOMBOL = {"setujui": "Setujui dan sampaikan jawaban", "tutup": "Tutup tiket"}


def _detail(request: HttpRequest, p, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    context = {
        "p": p,
        "tombol": [(m, label) for m, label in TOMBOL.items() if _allowed(p, m, user)],
        "can_kembalikan": _allowed(p, "kembalikan", user),
        "triase_form": extra.pop("triase_form", None)
        or (
            TriaseForm(initial={"expected_status": p.status, "kategori": p.kategori})
            if _allowed(p, "triase", user)
            else None
        ),
        "jawab_form": extra.pop("jawab_form", None)
        or (
            JawabForm(initial={"expected_status": p.status, "jawaban": p.jawaban})
            if _allowed(p, "ajukan_jawaban", user)
            else None
        ),
    }
    return record_page(request, "piak/pengaduan/detail.html", sel.pengaduan_timeline(p), status, **context, **extra)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.pengaduan_for(request.user, pk))


@login_required
def lampiran(request: HttpRequest, pk: int) -> FileResponse:
    return berkas_response(sel.pengaduan_for(request.user, pk).lampiran, "Tidak ada lampiran.", as_attachment=True)


AKSI = {"triase", "jawab", "setujui", "kembalikan", "tutup"}


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in AKSI:
        raise Http404("Tindakan tidak dikenal.")
    p = sel.pengaduan_for(request.user, pk)
    user = request.user
    try:
        if aksi == "triase":
            form = TriaseForm(request.POST)
            if not form.is_valid():
                return _detail(request, p, status=400, triase_form=form)
            svc.pengaduan_triase(user=user, pk=pk, **form.cleaned_data)
        elif aksi == "jawab":
            form = JawabForm(request.POST)
            if not form.is_valid():
                return _detail(request, p, status=400, jawab_form=form)
            svc.pengaduan_jawab(user=user, pk=pk, **form.cleaned_data)
        else:
            form = AksiForm(request.POST)
            if not form.is_valid():
                return _detail(request, p, status=400, error="Isian tidak valid.")
            run = {
                "setujui": svc.pengaduan_setujui,
                "kembalikan": svc.pengaduan_kembalikan,
                "tutup": svc.pengaduan_tutup,
            }
            run[aksi](user=user, pk=pk, **form.cleaned_data)
    except BerkasError as exc:
        p.refresh_from_db()
        return _detail(request, p, status=exc.http_status, error=exc.message)
    messages.success(request, f"{p.nomor_tiket}: tindakan berhasil.")
    return redirect(p.get_absolute_url())


# --- monthly statistics ---------------------------------------------------------------------------


def _bulan(request: HttpRequest) -> tuple[BulanForm, int, int]:
    form = BulanForm(request.GET or None)
    value = form.cleaned_data.get("bulan") if form.is_valid() else ""
    if value:
        tahun, bulan = (int(x) for x in value.split("-"))
    else:
        today = timezone.localdate()
        tahun, bulan = today.year, today.month
    return form, tahun, bulan


@login_required
def statistik(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_kelola(request.user):
        return _forbidden(request, "Statistik pengaduan hanya untuk PIAK.")
    form, tahun, bulan = _bulan(request)
    stat = sel.statistik_bulan(tahun, bulan)
    status = 400 if form.is_bound and not form.is_valid() else 200
    bulan_iso = f"{tahun}-{bulan:02d}"
    if not form.is_bound:
        form = BulanForm(initial={"bulan": bulan_iso})
    context = {"form": form, "stat": stat, "total_rows": [stat.total], "bulan_iso": bulan_iso}
    context["bulan_label"] = f"{BULAN[bulan]} {tahun}"
    return render(request, "piak/pengaduan/statistik.html", context, status=status)


@login_required
def statistik_xlsx(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_kelola(request.user):
        return _forbidden(request, "Statistik pengaduan hanya untuk PIAK.")
    _form, tahun, bulan = _bulan(request)
    from ..documents.pengaduan import statistik_workbook

    buffer = BytesIO()
    statistik_workbook(sel.statistik_bulan(tahun, bulan)).save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="statistik-pengaduan-{tahun}-{bulan:02d}.xlsx"'
    return response
