"""Screens of publikasi: the list, a new draft, a post's page with its approvals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can_in_bidang
from sekretariat.views import berkas_response
from sekretariat.views.keuangan import record_page
from sekretariat.views.surat_masuk import _allowed, _apply, _forbidden

from ..forms.publikasi import AksiForm, GambarForm, PublikasiForm, TerbitForm
from ..models import StatusPublikasi
from ..selectors import publikasi as sel
from ..services import publikasi as svc

TOMBOL = ["ajukan", "periksa", "setujui_sekretaris", "setujui_kadis"]


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Publikasi hanya untuk tim pengelola PIAK dan yang menyetujuinya.")
    status = request.GET.get("status", "")
    page = Paginator(sel.daftar(request.user, status), 50).get_page(request.GET.get("halaman"))
    context = {
        "page": page,
        "status": status,
        "statuses": StatusPublikasi.choices,
        "can_buat": can_in_bidang(request.user, Aksi.PUBLIKASI_SUSUN, "piak"),
    }
    return render(request, "piak/publikasi/daftar.html", context)


@login_required
def buat(request: HttpRequest) -> HttpResponse:
    if not can_in_bidang(request.user, Aksi.PUBLIKASI_SUSUN, "piak"):
        return _forbidden(request, "Hanya tim pengelola PIAK yang dapat menyusun publikasi.")
    form = PublikasiForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                pub = svc.publikasi_buat(user=request.user, **form.cleaned_data)
            except BerkasError as exc:
                _apply(form, exc)
                return render(request, "piak/publikasi/buat.html", {"form": form}, status=exc.http_status)
            messages.success(request, "Draf publikasi disimpan.")
            return redirect(pub.get_absolute_url())
        return render(request, "piak/publikasi/buat.html", {"form": form}, status=400)
    return render(request, "piak/publikasi/buat.html", {"form": form})


def _detail(request: HttpRequest, pub, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    susun = can_in_bidang(user, Aksi.PUBLIKASI_SUSUN, "piak")
    context = {
        "pub": pub,
        "gambar": list(pub.gambar.all()),
        "tombol": [(m, svc.LABEL[m]) for m in TOMBOL if _allowed(pub, m, user)],
        "can_kembalikan": _allowed(pub, "kembalikan", user),
        "gambar_form": extra.pop("gambar_form", None)
        or (GambarForm(initial={"expected_status": pub.status}) if susun and pub.status == "konsep" else None),
        "terbit_form": extra.pop("terbit_form", None)
        or (TerbitForm(initial={"expected_status": pub.status}) if _allowed(pub, "terbitkan", user) else None),
    }
    return record_page(request, "piak/publikasi/detail.html", sel.publikasi_timeline(pub), status, **context, **extra)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.publikasi_for(request.user, pk))


@login_required
def gambar(request: HttpRequest, pk: int, gambar_id: int) -> FileResponse:
    pub = sel.publikasi_for(request.user, pk)
    row = get_object_or_404(pub.gambar, pk=gambar_id)
    return berkas_response(row.berkas)


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {"gambar", "terbitkan", "kembalikan", *TOMBOL}:
        raise Http404("Tindakan tidak dikenal.")
    pub = sel.publikasi_for(request.user, pk)
    try:
        if aksi == "gambar":
            form = GambarForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail(request, pub, status=400, gambar_form=form)
            svc.publikasi_tambah_gambar(user=request.user, pk=pk, **form.cleaned_data)
        elif aksi == "terbitkan":
            form = TerbitForm(request.POST)
            if not form.is_valid():
                return _detail(request, pub, status=400, terbit_form=form)
            svc.publikasi_terbitkan(user=request.user, pk=pk, **form.cleaned_data)
        else:
            form = AksiForm(request.POST)
            if not form.is_valid():
                return _detail(request, pub, status=400, error="Isian tidak valid.")
            svc.publikasi_aksi(user=request.user, pk=pk, method=aksi, **form.cleaned_data)
    except BerkasError as exc:
        pub.refresh_from_db()
        return _detail(request, pub, status=exc.http_status, error=exc.message)
    messages.success(request, f"{pub.judul}: tindakan berhasil.")
    return redirect(pub.get_absolute_url())
