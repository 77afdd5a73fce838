"""Screens of the laporan perkembangan kependudukan: the list with the form to open a period's
report, the report's page (tables, Chart.js charts, analysis, the chain's buttons), its PDF
(produced by a task through dukcapil.cetakan), its XLSX and the signed PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from dukcapil.cetakan.views import cetak
from dukcapil.exceptions import BerkasError
from dukcapil.models import Dokumen
from dukcapil.workflow.permissions import Aksi, can
from sekretariat.views.keuangan import record_page
from sekretariat.views.surat_masuk import _allowed, _forbidden

from ..documents.laporan_penduduk import cakupan, tabel_laporan
from ..forms.laporan_penduduk import AksiForm, AnalisisForm, ArahanForm, BuatForm, RegistrasiForm
from ..models import DOKUMEN_JENIS, LaporanPerkembangan, StatusLaporanPenduduk
from ..selectors import laporan_penduduk as sel
from ..services import laporan_penduduk as svc

TOMBOL = ["ajukan", "koreksi", "paraf"]
PER_HALAMAN = 25


def _boleh_buat(user) -> bool:
    return can(user, Aksi.LAPDUK_SUSUN) and (user.is_superuser or (user.bidang_id and user.bidang.kode == "piak"))


@login_required
def laporan_list(request: HttpRequest, form: BuatForm | None = None, status: int = 200) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Laporan perkembangan kependudukan hanya untuk Bidang PIAK dan pimpinan.")
    page = Paginator(sel.laporan_list(request.user).order_by("-tanggal_akhir", "jenis", "pk"), PER_HALAMAN)
    rows = page.get_page(request.GET.get("halaman"))
    context = {"rows": rows, "form": form or BuatForm(), "can_buat": _boleh_buat(request.user)}
    return render(request, "piak/laporan_penduduk/list.html", context, status=status)


@login_required
@require_POST
def laporan_buat(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Laporan perkembangan kependudukan hanya untuk Bidang PIAK dan pimpinan.")
    form = BuatForm(request.POST)
    if not form.is_valid():
        return laporan_list(request, form=form, status=400)
    try:
        laporan = svc.laporan_buat(user=request.user, **form.cleaned_data)
    except BerkasError as exc:
        if exc.http_status == 403:
            return _forbidden(request, exc.message)
        for field, errors in exc.fields.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        if not exc.fields:
            form.add_error(None, exc.message)
        return laporan_list(request, form=form, status=exc.http_status)
    messages.success(request, f"{laporan.judul} dibuat; data agregat dihitung dari database kependudukan.")
    return redirect(laporan.get_absolute_url())


def _grafik(data: dict) -> dict:
    """What the Chart.js charts draw (counts only)."""
    groups = cakupan(data)
    umur = data.get("umur") or data.get("umur_anak") or []
    wilayah = data.get("wilayah") or data.get("anak_wilayah") or []
    return {
        "wilayah": {"labels": [r["label"] for r in wilayah], "total": [r["total"] for r in wilayah]},
        "umur": {"labels": [r["label"] for r in umur], "L": [r["L"] for r in umur], "P": [r["P"] for r in umur]},
        "cakupan": {
            "labels": [c[0] for c in groups],
            "punya": [c[1] for c in groups],
            "belum": [c[2] - c[1] for c in groups],
        },
    }


def _detail(request: HttpRequest, laporan: LaporanPerkembangan, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    draf = laporan.status == StatusLaporanPenduduk.DRAF and can(user, Aksi.LAPDUK_SUSUN, laporan.bidang_id)
    context = {
        "laporan": laporan,
        "tabel": tabel_laporan(laporan.data),
        "grafik": _grafik(laporan.data),
        "tombol": [(m, svc.LABEL[m]) for m in TOMBOL if _allowed(laporan, m, user)],
        "can_kembalikan": _allowed(laporan, "kembalikan", user),
        "can_registrasi": _allowed(laporan, "registrasi", user),
        "draf": draf,
        "analisis_form": extra.pop("analisis_form", None)
        or AnalisisForm(initial={"analisis": laporan.analisis, "expected_status": laporan.status}),
        "registrasi_form": extra.pop("registrasi_form", None)
        or RegistrasiForm(initial={"expected_status": laporan.status}),
        "ditandatangani": _dokumen(laporan) is not None,
        "arahan_form": extra.pop("arahan_form", None)
        or (
            ArahanForm(initial={"arahan": laporan.arahan, "expected_status": laporan.status})
            if laporan.status in (StatusLaporanPenduduk.TERBIT, StatusLaporanPenduduk.TERDAFTAR)
            and can(user, Aksi.TTE, laporan.bidang_id)
            else None
        ),
        "menunggu_tte": laporan.status == StatusLaporanPenduduk.TTE and can(user, Aksi.TTE, laporan.bidang_id),
    }
    page = "piak/laporan_penduduk/detail.html"
    return record_page(request, page, sel.laporan_timeline(laporan), status, **context, **extra)


def _dokumen(laporan: LaporanPerkembangan) -> Dokumen | None:
    return Dokumen.objects.filter(
        content_type__app_label="piak",
        content_type__model="laporanperkembangan",
        object_id=laporan.pk,
        jenis=DOKUMEN_JENIS,
        status=Dokumen.Status.BERLAKU,
    ).first()


@login_required
def laporan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.laporan_for(request.user, pk))


@login_required
def laporan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    laporan = sel.laporan_for(request.user, pk)
    return cetak(request, "laporan-penduduk", {"pk": laporan.pk})


@login_required
def laporan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from ..documents.laporan_penduduk import render_xlsx

    laporan = sel.laporan_for(request.user, pk)
    response = HttpResponse(
        render_xlsx(laporan), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{laporan.nomor.lower().replace("/", "-")}.xlsx"'
    return response


@login_required
def laporan_ttd(request: HttpRequest, pk: int) -> FileResponse:
    """The PDF the Kadis signed (PAdES, with the verification QR code)."""
    dokumen = _dokumen(sel.laporan_for(request.user, pk))
    if dokumen is None:
        raise Http404("Laporan belum ditandatangani.")
    return FileResponse(dokumen.berkas_pdf.open("rb"), content_type="application/pdf", filename=f"{dokumen.jenis}.pdf")


# the forms of the report's page: aksi → (form, service, message, context name of the form)
FORMULIR = {
    "analisis": (AnalisisForm, svc.laporan_simpan_analisis, "Analisis disimpan.", "analisis_form"),
    "arahan": (ArahanForm, svc.laporan_beri_arahan, "Arahan disampaikan kepada Kasi.", "arahan_form"),
    "registrasi": (RegistrasiForm, svc.laporan_registrasi, "Laporan diregistrasi.", "registrasi_form"),
}


@login_required
@require_POST
def laporan_aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    if aksi not in {"hitung", "kembalikan", *FORMULIR, *TOMBOL}:
        raise Http404("Tindakan tidak dikenal.")
    laporan = sel.laporan_for(request.user, pk)
    user = request.user
    try:
        if aksi in FORMULIR:
            form_class, service, message, name = FORMULIR[aksi]
            form = form_class(request.POST)
            if not form.is_valid():
                return _detail(request, laporan, status=400, **{name: form})
            service(user=user, pk=pk, **form.cleaned_data)
            messages.success(request, message)
        else:
            form = AksiForm(request.POST)
            if not form.is_valid():
                return _detail(request, laporan, status=400, error="Isian tidak valid.")
            if aksi == "hitung":
                svc.laporan_hitung_ulang(user=user, pk=pk, expected_status=form.cleaned_data["expected_status"])
                messages.success(request, "Data agregat dihitung ulang dari database kependudukan.")
            else:
                svc.laporan_aksi(user=user, pk=pk, method=aksi, **form.cleaned_data)
                messages.success(request, f"{laporan.judul}: {svc.LABEL[aksi].lower()} berhasil.")
    except BerkasError as exc:
        laporan.refresh_from_db()
        return _detail(request, laporan, status=exc.http_status, error=exc.message)
    return redirect(laporan.get_absolute_url())
