"""Screens of SPJ administratif, SPJ fungsional and daftar gaji: registers, pages with their
actions (one shared action form), and the signed documents (PDF through dukcapil.cetakan)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..forms.spj import AksiForm, BuktiForm, BulanForm, SpjForm, SpjPeriodeForm
from ..models import BuktiSpj, StatusSpj
from ..selectors import keuangan as keu_sel
from ..selectors import spj as sel
from ..selectors.surat_masuk import Periode
from ..services import spj as svc
from . import berkas_response, form_page, submit
from .keuangan import record_page
from .surat_masuk import _allowed, _apply, _forbidden

LIHAT = "SPJ hanya untuk pengelola keuangan dan pimpinan."


@dataclass(frozen=True)
class Tindakan:
    """A button of a record's page: its transition, what its form asks for, the service it runs."""

    method: str
    tombol: str
    isian: str  # "", "catatan" (required), "catatan_opsional", "nomor_tanggal"
    run: Callable  # (user, pk, expected_status, form data) -> record
    selesai: str
    utama: bool = True


@dataclass(frozen=True)
class Alur:
    template: str
    get: Callable  # (user, pk) -> record
    tindakan: dict[str, Tindakan]
    konteks: Callable  # (request, record) -> what else the page shows

    def page(self, request: HttpRequest, record, status: int = 200, **extra) -> HttpResponse:
        tindakan = {slug: t for slug, t in self.tindakan.items() if _allowed(record, t.method, request.user)}
        extra = self.konteks(request, record) | extra
        return record_page(
            request, self.template, sel.spj_timeline(record), status, record=record, tindakan=tindakan, **extra
        )

    def aksi(self, request: HttpRequest, pk: int, slug: str) -> HttpResponse:
        if slug not in self.tindakan:
            raise Http404("Tindakan tidak dikenal.")
        record = self.get(request.user, pk)
        form = AksiForm(request.POST)
        if not form.is_valid():
            return self.page(request, record, status=400, error="Isian tidak valid: periksa tanggal dan catatan.")
        t = self.tindakan[slug]
        data = form.cleaned_data
        try:
            t.run(request.user, pk, data["expected_status"], data)
        except BerkasError as exc:
            record.refresh_from_db()
            return self.page(request, record, status=exc.http_status, error=exc.message, gagal=slug)
        messages.success(request, f"{record.judul} {t.selesai}.")
        return redirect(record.get_absolute_url())


def _plain(service):
    return lambda user, pk, expected, data: service(user=user, pk=pk, expected_status=expected)


def _noted(service):
    return lambda user, pk, expected, data: service(user=user, pk=pk, expected_status=expected, catatan=data["catatan"])


def _spj_konteks(request: HttpRequest, spj) -> dict:
    bisa_lampir = spj.status == StatusSpj.KONSEP and can(request.user, Aksi.SPJ_SUSUN, spj.bidang_id)
    return {"bukti": list(spj.bukti.all()), "bukti_form": BuktiForm() if bisa_lampir else None}


def _fungsional_konteks(request: HttpRequest, spj) -> dict:
    rows = sel.fungsional_rows(spj)
    return {"rows": rows, "jumlah": sel.jumlah(rows)}


ADMINISTRATIF = Alur(
    "sekretariat/spj/spj_detail.html",
    sel.spj_for,
    {
        "ajukan": Tindakan("ajukan", "Ajukan ke PPK", "catatan_opsional", _noted(svc.spj_ajukan), "diajukan ke PPK"),
        "verifikasi": Tindakan(
            "verifikasi", "Verifikasi, teruskan ke PPTK", "catatan_opsional", _noted(svc.spj_verifikasi), "diverifikasi"
        ),
        "kembalikan": Tindakan(
            "kembalikan", "Kembalikan untuk diperbaiki", "catatan", _noted(svc.spj_kembalikan), "dikembalikan", False
        ),
        "tandatangani": Tindakan(
            "tandatangani", "Tandatangani SPJ", "", _plain(svc.spj_tandatangani), "ditandatangani"
        ),
        "tolak": Tindakan(
            "tolak_tandatangan",
            "Kembalikan, jangan tandatangani",
            "catatan",
            _noted(svc.spj_tolak_tandatangan),
            "dikembalikan",
            False,
        ),
    },
    _spj_konteks,
)

FUNGSIONAL = Alur(
    "sekretariat/spj/fungsional_detail.html",
    sel.fungsional_for,
    {
        "ajukan": Tindakan("ajukan", "Hitung dan ajukan ke PPK", "", _plain(svc.spj_fungsional_ajukan), "diajukan"),
        "verifikasi": Tindakan(
            "verifikasi", "Verifikasi, teruskan ke PA", "", _plain(svc.spj_fungsional_verifikasi), "diverifikasi"
        ),
        "kembalikan": Tindakan(
            "kembalikan",
            "Kembalikan untuk diperbaiki",
            "catatan",
            _noted(svc.spj_fungsional_kembalikan),
            "dikembalikan",
            False,
        ),
        "tandatangani": Tindakan(
            "tandatangani", "Tandatangani SPJ fungsional", "", _plain(svc.spj_fungsional_tandatangani), "ditandatangani"
        ),
        "tolak": Tindakan(
            "tolak_tandatangan",
            "Kembalikan, jangan tandatangani",
            "catatan",
            _noted(svc.spj_fungsional_tolak_tandatangan),
            "dikembalikan",
            False,
        ),
        "terima": Tindakan(
            "catat_terima",
            "Catat diterima BPPKAD",
            "nomor_tanggal",
            lambda user, pk, expected, data: svc.spj_fungsional_catat_terima(
                user=user, pk=pk, expected_status=expected, nomor_terima=data["nomor"], tanggal_terima=data["tanggal"]
            ),
            "tercatat diterima BPPKAD",
        ),
    },
    _fungsional_konteks,
)


# --- SPJ administratif ------------------------------------------------------------------------


def paginate(request: HttpRequest, rows, per_page: int = 50):
    return Paginator(rows, per_page).get_page(request.GET.get("halaman"))


@login_required
def spj_list(request: HttpRequest) -> HttpResponse:
    if not keu_sel.boleh_lihat(request.user):
        return _forbidden(request, LIHAT)
    form = SpjPeriodeForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "sekretariat/spj/spj_list.html", {"form": form, "page": None}, status=400)
    data = form.cleaned_data if form.is_bound else {}
    periode = Periode(dari=data.get("dari"), sampai=data.get("sampai"), q=data.get("q", ""))
    context = {
        "form": form,
        "page": paginate(request, sel.spj_list(periode, data.get("status", ""))),
        "can_susun": can(request.user, Aksi.SPJ_SUSUN),
    }
    return render(request, "sekretariat/spj/spj_list.html", context)


@login_required
def spj_baru(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=can(request.user, Aksi.SPJ_SUSUN),
        refusal="Hanya Bendahara Pengeluaran atau PPTK yang dapat menyusun SPJ.",
        form=SpjForm(request.POST or None),
        save=lambda data: svc.spj_susun(user=request.user, data=svc.SpjData(**data)),
        pesan=lambda spj: f"SPJ {spj.nomor} dicatat. Lampirkan buktinya, lalu ajukan ke PPK.",
        template="sekretariat/spj/spj_form.html",
    )


def _spj_page(request: HttpRequest, spj, status: int = 200, **extra) -> HttpResponse:
    return ADMINISTRATIF.page(request, spj, status, **extra)


@login_required
def spj_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _spj_page(request, sel.spj_for(request.user, pk))


@login_required
@require_POST
def spj_bukti(request: HttpRequest, pk: int) -> HttpResponse:
    spj = sel.spj_for(request.user, pk)
    form = BuktiForm(request.POST, request.FILES)
    if not form.is_valid():
        return _spj_page(request, spj, status=400, bukti_form=form)
    try:
        svc.bukti_tambah(user=request.user, pk=pk, **form.cleaned_data)
    except BerkasError as exc:
        _apply(form, exc)
        return _spj_page(request, spj, status=exc.http_status, bukti_form=form, error=exc.message)
    messages.success(request, "Bukti dilampirkan.")
    return redirect(spj.get_absolute_url())


@login_required
def spj_bukti_unduh(request: HttpRequest, pk: int) -> FileResponse:
    bukti = get_object_or_404(BuktiSpj.objects.select_related("spj"), pk=pk)
    sel.spj_for(request.user, bukti.spj_id)  # 404 for who may not see the SPJ
    return berkas_response(bukti.berkas)


@login_required
@require_POST
def spj_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi in ADMINISTRATIF.tindakan:
        sel.spj_for(request.user, pk)
    return ADMINISTRATIF.aksi(request, pk, aksi)


@login_required
def spj_cetak(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed SPJ as PDF, produced by a task (sekretariat.cetakan)."""
    sel.spj_for(request.user, pk)
    return cetak(request, "spj-administratif", {"pk": pk})


# --- SPJ fungsional ---------------------------------------------------------------------------


def bulanan_list(request: HttpRequest, *, aksi: str, susun: Callable, rows, template: str, siapa: str) -> HttpResponse:
    """The months' documents (SPJ fungsional, daftar gaji) and, for who prepares them, the form that
    opens a month's (``susun(user=, tahun=, bulan=)``)."""
    if not keu_sel.boleh_lihat(request.user):
        return _forbidden(request, LIHAT)
    can_susun = can(request.user, aksi)
    form = BulanForm(request.POST or None) if can_susun else None
    if request.method == "POST" and not can_susun:
        return _forbidden(request, f"Hanya {siapa} yang dapat menyusunnya.")
    status = submit(
        request, form, lambda data: susun(user=request.user, **data), lambda record: f"{record.judul} disusun."
    )
    if not isinstance(status, int):
        return status
    return render(request, template, {"form": form, "page": paginate(request, rows)}, status=status)


@login_required
def fungsional_list(request: HttpRequest) -> HttpResponse:
    return bulanan_list(
        request,
        aksi=Aksi.SPJ_FUNGSIONAL_SUSUN,
        susun=svc.spj_fungsional_susun,
        rows=sel.fungsional_list(),
        template="sekretariat/spj/fungsional_list.html",
        siapa="Bendahara Pengeluaran",
    )


@login_required
def fungsional_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return FUNGSIONAL.page(request, sel.fungsional_for(request.user, pk))


@login_required
@require_POST
def fungsional_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    return FUNGSIONAL.aksi(request, pk, aksi)


@login_required
def fungsional_cetak(request: HttpRequest, pk: int) -> HttpResponse:
    sel.fungsional_for(request.user, pk)
    return cetak(request, "spj-fungsional", {"pk": pk})
