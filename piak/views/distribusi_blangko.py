"""Screens of the distribusi blangko: the office's stock per item (with the deliveries received),
the kecamatan's requests, a request with its actions and kartu kendali, and its BAST (PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi
from sekretariat.selectors.surat_masuk import timeline

from ..forms.distribusi_blangko import JumlahForm, PenerimaanForm, PermintaanForm, SerahTerimaForm
from ..models.distribusi_blangko import StatusPermintaanBlangko
from ..selectors import distribusi_blangko as sel
from ..services import distribusi_blangko as svc
from .kerjasama import available

TOLAK_LIHAT = "Peran Anda tidak berwenang melihat distribusi blangko PIAK."
TOLAK_CATAT = "Hanya petugas PIAK yang mencatat penerimaan dan permintaan blangko."


def _refuse(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


def _stok_page(request: HttpRequest, form=None, error: str = "", status: int = 200) -> HttpResponse:
    boleh_catat = svc.boleh(request.user, Aksi.BLANGKO_DIST_CATAT)
    context = {
        "stok": sel.stok_per_barang(),
        "penerimaan": sel.penerimaan_terakhir(request.user),
        "form": form or (PenerimaanForm() if boleh_catat else None),
        "error": error,
    }
    return render(request, "piak/distribusi_blangko/stok.html", context, status=status)


@login_required
def stok(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _refuse(request, TOLAK_LIHAT)
    return _stok_page(request)


@login_required
@require_POST
def terima(request: HttpRequest) -> HttpResponse:
    if not svc.boleh(request.user, Aksi.BLANGKO_DIST_CATAT):
        return _refuse(request, TOLAK_CATAT)
    form = PenerimaanForm(request.POST)
    if not form.is_valid():
        return _stok_page(request, form, "Periksa isian penerimaan.", 400)
    d = form.cleaned_data
    try:
        svc.penerimaan_catat(user=request.user, jenis=d["jenis"], jumlah=d["jumlah"], sumber=d["sumber"],
                             tanggal=d["tanggal"], nomor_dokumen=d["nomor_dokumen"])  # fmt: skip
    except BerkasError as exc:
        return _stok_page(request, form, exc.message, exc.http_status)
    messages.success(request, "Penerimaan dicatat; stok Dinas bertambah.")
    return redirect("piak:distribusi-blangko-stok")


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _refuse(request, TOLAK_LIHAT)
    status = request.GET.get("status", "")
    status = status if status in StatusPermintaanBlangko.values else ""
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(sel.permintaan_list(request.user, status=status, q=q), 25).get_page(request.GET.get("halaman"))
    context = {"page": page, "status": status, "q": q, "statuses": StatusPermintaanBlangko.choices,
               "boleh_catat": svc.boleh(request.user, Aksi.BLANGKO_DIST_CATAT)}  # fmt: skip
    return render(request, "piak/distribusi_blangko/list.html", context)


@login_required
def baru(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _refuse(request, TOLAK_LIHAT)
    if not svc.boleh(request.user, Aksi.BLANGKO_DIST_CATAT):
        return _refuse(request, TOLAK_CATAT)
    form = PermintaanForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST":
        status, error = 400, "Periksa isian permintaan blangko."
        if form.is_valid():
            d = form.cleaned_data
            data = svc.PermintaanData(d["kecamatan"], d["tanggal_surat"], d["pengaju"], form.items(), d["nomor_surat"])
            try:
                permintaan = svc.permintaan_catat(user=request.user, data=data)
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, "Permintaan blangko dicatat.")
                return redirect(permintaan.get_absolute_url())
    return render(request, "piak/distribusi_blangko/form.html", {"form": form, "error": error}, status=status)


def _detail(request: HttpRequest, pk: int, status: int = 200, error: str = "", **forms) -> HttpResponse:
    permintaan = sel.permintaan_detail(request.user, pk)
    if permintaan is None:
        raise Http404("Permintaan blangko tidak ditemukan.")
    methods = {m for m, _ in available(permintaan, request.user, svc.LABEL)}
    items = list(permintaan.items.all())
    saldo = {r.jenis: r.saldo for r in sel.stok_per_barang()}
    for item in items:
        item.stok_dinas = saldo.get(item.jenis, 0)
    context = {
        "p": permintaan,
        "items": items,
        "usul_form": forms.get("usul_form") or (JumlahForm(items=items) if "usulkan" in methods else None),
        "putus_form": forms.get("putus_form")
        or (JumlahForm(items=items, field="diusulkan") if "putuskan" in methods else None),
        "serah_form": forms.get("serah_form") or (SerahTerimaForm() if "serahkan" in methods else None),
        "error": error,
        "timeline": timeline(permintaan, dict(StatusPermintaanBlangko.choices)),
    }
    return render(request, "piak/distribusi_blangko/detail.html", context, status=status)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _refuse(request, TOLAK_LIHAT)
    return _detail(request, pk)


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _refuse(request, TOLAK_LIHAT)
    if aksi not in svc.LABEL:
        raise Http404("Tindakan tidak dikenal.")
    permintaan = sel.permintaan_detail(request.user, pk)
    if permintaan is None:
        raise Http404("Permintaan blangko tidak ditemukan.")
    expected = request.POST.get("expected_status") or None
    try:
        if aksi == "serahkan":
            form = SerahTerimaForm(request.POST)
            if not form.is_valid():
                return _detail(request, pk, 400, "Periksa isian serah terima.", serah_form=form)
            d = form.cleaned_data
            svc.permintaan_serahkan(user=request.user, pk=pk, penerima_nama=d["penerima_nama"],
                                    penerima_nip=d["penerima_nip"], tanggal=d["tanggal"],
                                    expected_status=expected)  # fmt: skip
        else:
            key, field = ("usul_form", "diminta") if aksi == "usulkan" else ("putus_form", "diusulkan")
            form = JumlahForm(request.POST, items=list(permintaan.items.all()), field=field)
            if not form.is_valid():
                return _detail(request, pk, 400, "Periksa jumlah barang.", **{key: form})
            run = svc.permintaan_usulkan if aksi == "usulkan" else svc.permintaan_putuskan
            run(user=request.user, pk=pk, jumlah=form.jumlah(), alasan=form.alasan(), expected_status=expected)
    except BerkasError as exc:
        return _detail(request, pk, exc.http_status, exc.message)
    messages.success(request, f"{svc.LABEL[aksi]}: selesai.")
    return redirect("piak:distribusi-blangko-detail", pk=pk)


@login_required
def bast(request: HttpRequest, pk: int) -> HttpResponse:
    permintaan = sel.permintaan_detail(request.user, pk)
    if permintaan is None:
        if not sel.boleh_lihat(request.user):
            return _refuse(request, TOLAK_LIHAT)
        raise Http404("Permintaan blangko tidak ditemukan.")
    if not permintaan.nomor_bast:
        raise Http404("BAST belum dibuat: serah terima belum dicatat.")
    return cetak(request, "bast-blangko", {"pk": permintaan.pk})
