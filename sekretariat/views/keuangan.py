"""Screens of keuangan: the SPP register and chain, the DPA and its import, realisasi."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..forms.keuangan import DpaImporForm, SppAksiForm, SppForm, SppPeriodeForm, TahunForm
from ..models import Spp
from ..selectors import keuangan as sel
from ..selectors.surat_masuk import Periode
from ..services import keuangan as svc
from ..services.keuangan import DPA_KOLOM
from . import form_page
from .surat_masuk import _allowed, _apply, _export, _forbidden

RUPIAH_KOLOM = ["No. SPP", "Jenis", "Tanggal", "Sub kegiatan", "Uraian", "Nilai (Rp)", "No. SPM", "No. SP2D", "Status"]
RUPIAH_LEBAR = [30, 14, 20, 40, 50, 26, 30, 30, 30]


def _tahun(request: HttpRequest) -> int:
    form = TahunForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["tahun"]:
        return form.cleaned_data["tahun"]
    return timezone.localdate().year


_rupiah = svc.rupiah


@login_required
def spp_list(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Register SPP hanya untuk pengelola keuangan dan pimpinan.")
    form = SppPeriodeForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "sekretariat/keuangan/spp_list.html", {"form": form, "rows": []}, status=400)
    data = form.cleaned_data if form.is_bound else {}
    periode = Periode(dari=data.get("dari"), sampai=data.get("sampai"), q=data.get("q", ""))
    rows = list(sel.spp_list(periode, data.get("status", "")))
    cells = [
        [
            s.nomor_sipd,
            s.jenis.upper(),
            s.tanggal.strftime("%d-%m-%Y"),
            f"{s.sub_kegiatan.kode} {s.sub_kegiatan.nama}",
            s.uraian,
            _rupiah(s.nilai),
            s.nomor_spm or "-",
            s.nomor_sp2d or "-",
            s.get_status_display(),
        ]
        for s in rows
    ]
    exported = _export(request, "Register SPP-SPM-SP2D", periode, RUPIAH_KOLOM, RUPIAH_LEBAR, cells, "register-spp")
    if exported is not None:
        return exported
    context = {
        "form": form,
        "rows": rows,
        "query": request.GET.urlencode(),
        "can_siapkan": can(request.user, Aksi.SPP_SIAPKAN),
    }
    return render(request, "sekretariat/keuangan/spp_list.html", context)


@login_required
def spp_baru(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        allowed=can(request.user, Aksi.SPP_SIAPKAN),
        refusal="Hanya PPTK yang dapat menyiapkan SPP.",
        form=SppForm(request.POST or None),
        save=lambda data: svc.spp_siapkan(user=request.user, data=svc.SppData(**data)),
        pesan=lambda spp: f"SPP {spp.nomor} disiapkan dan menunggu diajukan Bendahara.",
        template="sekretariat/keuangan/spp_form.html",
    )


# the buttons of the SPP page: slug → (transition, what the form asks for)
TINDAKAN = {
    "ajukan": ("ajukan", ""),
    "setujui": ("setujui", ""),
    "kembalikan": ("kembalikan", "catatan"),
    "spm": ("tandatangani_spm", "nomor"),
    "sp2d": ("catat_sp2d", "nomor"),
    "cair": ("catat_cair", "tanggal"),
}


def record_page(request: HttpRequest, template: str, timeline, status: int, **context) -> HttpResponse:
    """A workflow record's page: its context, kartu kendali and today's date (for due dates)."""
    context |= {"timeline": timeline, "today": timezone.localdate()}
    return render(request, template, context, status=status)


def _detail(request: HttpRequest, spp: Spp, status: int = 200, **extra) -> HttpResponse:
    tindakan = [slug for slug, (method, _) in TINDAKAN.items() if _allowed(spp, method, request.user)]
    page = "sekretariat/keuangan/spp_detail.html"
    return record_page(request, page, sel.spp_timeline(spp), status, spp=spp, tindakan=tindakan, **extra)


@login_required
def spp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.spp_for(request.user, pk))


def _run(user, pk: int, aksi: str, data: dict) -> Spp:
    common = {"user": user, "pk": pk, "expected_status": data["expected_status"]}
    if aksi == "ajukan":
        return svc.spp_ajukan(**common, catatan=data["catatan"])
    if aksi == "setujui":
        return svc.spp_setujui(**common, catatan=data["catatan"])
    if aksi == "kembalikan":
        return svc.spp_kembalikan(**common, catatan=data["catatan"])
    if aksi == "spm":
        return svc.spm_tandatangani(**common, nomor_spm=data["nomor"], tanggal_spm=data["tanggal"])
    if aksi == "sp2d":
        return svc.sp2d_catat(**common, nomor_sp2d=data["nomor"], tanggal_sp2d=data["tanggal"])
    return svc.spp_cair(**common, tanggal_cair=data["tanggal"])


SELESAI = {
    "ajukan": "diajukan ke PPK",
    "setujui": "disetujui PPK",
    "kembalikan": "dikembalikan ke PPTK",
    "spm": "SPM-nya tercatat ditandatangani PA",
    "sp2d": "SP2D-nya tercatat",
    "cair": "tercatat cair",
}


@login_required
@require_POST
def spp_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in TINDAKAN:
        raise Http404("Tindakan tidak dikenal.")
    spp = sel.spp_for(request.user, pk)
    form = SppAksiForm(request.POST)
    if not form.is_valid():
        return _detail(request, spp, status=400, error="Isian tidak valid: periksa tanggal dan catatan.")
    try:
        _run(request.user, pk, aksi, form.cleaned_data)
    except BerkasError as exc:
        spp.refresh_from_db()
        return _detail(request, spp, status=exc.http_status, error=exc.message, gagal=aksi)
    messages.success(request, f"SPP {spp.nomor} {SELESAI[aksi]}.")
    return redirect(spp.get_absolute_url())


@login_required
def dpa(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "DPA hanya untuk pengelola keuangan dan pimpinan.")
    tahun = _tahun(request)
    can_impor = can(request.user, Aksi.DPA_IMPOR)
    form = DpaImporForm(request.POST or None, request.FILES or None) if can_impor else None
    status = 200
    if request.method == "POST":
        if not can_impor:
            return _forbidden(request, "Hanya Bendahara atau PPK yang dapat mengimpor DPA.")
        if form.is_valid():
            try:
                jumlah = svc.dpa_impor(user=request.user, berkas=form.cleaned_data["berkas"])
            except BerkasError as exc:
                _apply(form, exc)
                status = exc.http_status
            else:
                messages.success(request, f"{jumlah} baris DPA diimpor.")
                return redirect(request.path)
        else:
            status = 400
    context = {"tahun": tahun, "rows": list(sel.dpa_tahun(tahun)), "form": form, "kolom": DPA_KOLOM}
    return render(request, "sekretariat/keuangan/dpa.html", context, status=status)


@login_required
def realisasi(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Realisasi anggaran hanya untuk pengelola keuangan dan pimpinan.")
    tahun = _tahun(request)
    programs, total = sel.realisasi(tahun)
    context = {"tahun": tahun, "programs": programs, "total": total, "chart": sel.chart_data(programs)}
    return render(request, "sekretariat/keuangan/realisasi.html", context)
