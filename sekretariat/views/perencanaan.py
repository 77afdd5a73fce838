"""Screens of the perencanaan dan pelaporan calendar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.models import User
from dukcapil.workflow.permissions import Aksi, can

from ..forms.perencanaan import AksiForm, FinalForm, KalenderFilterForm, PemegangForm
from ..selectors import perencanaan as sel
from ..services import perencanaan as svc
from .keuangan import record_page
from .surat_masuk import _allowed, _forbidden

TOMBOL = {
    "ajukan": "Ajukan ke Kasubag",
    "periksa": "Periksa, teruskan ke Sekretaris",
    "paraf": "Paraf, teruskan ke Kadis",
    "setujui": "Setujui",
}


def _staf_sekretariat():
    return (
        User.objects.filter(is_active=True, bidang__kode=svc.BIDANG_SEKRETARIAT)
        .order_by("first_name", "username")
        .distinct()
    )


@login_required
def kalender(request: HttpRequest) -> HttpResponse:
    if not sel.boleh_lihat(request.user):
        return _forbidden(request, "Kalender perencanaan hanya untuk Sekretariat dan pimpinan.")
    form = KalenderFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    tahun = data.get("tahun") or timezone.localdate().year
    rows = list(sel.kalender(tahun, data.get("q", ""), data.get("status", "")))
    context = {
        "form": form,
        "tahun": tahun,
        "rows": rows,
        "today": timezone.localdate(),
        "can_buat": can(request.user, Aksi.PERENCANAAN_PERIKSA),
    }
    return render(
        request,
        "sekretariat/perencanaan/kalender.html",
        context,
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


@login_required
@require_POST
def kalender_buat(request: HttpRequest) -> HttpResponse:
    form = KalenderFilterForm(request.POST)
    tahun = (form.cleaned_data.get("tahun") if form.is_valid() else None) or timezone.localdate().year
    try:
        made = svc.perencanaan_buat_kalender(user=request.user, tahun=tahun)
    except BerkasError as exc:
        return _forbidden(request, exc.message)
    messages.success(request, f"{len(made)} dokumen ditambahkan ke kalender {tahun}.")
    return redirect(f"{reverse('sekretariat:perencanaan')}?tahun={tahun}")


def _detail(request: HttpRequest, dok, status: int = 200, **extra) -> HttpResponse:
    user = request.user
    context = {
        "dok": dok,
        "tombol": [(m, label) for m, label in TOMBOL.items() if _allowed(dok, m, user)],
        "can_kembalikan": _allowed(dok, "kembalikan", user),
        "can_final": _allowed(dok, "unggah_final", user),
        "pemegang_form": extra.pop("pemegang_form", None)
        or (
            PemegangForm(
                staf=_staf_sekretariat(),
                initial={"pemegang": dok.pemegang_id, "tim": [u.pk for u in dok.tim.all()]},
            )
            if can(user, Aksi.PERENCANAAN_PERIKSA, dok.bidang_id)
            else None
        ),
        "final_form": extra.pop("final_form", None) or FinalForm(initial={"expected_status": dok.status}),
        "pemegang_sekarang": svc.pemegang_sekarang(dok),
    }
    page = "sekretariat/perencanaan/detail.html"
    return record_page(request, page, sel.dokumen_timeline(dok), status, **context, **extra)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, sel.dokumen_for(request.user, pk))


@login_required
def berkas_final(request: HttpRequest, pk: int) -> FileResponse:
    """The final PDF, to whoever may open the calendar."""
    if berkas := (dok := sel.dokumen_for(request.user, pk)).berkas_final:
        return FileResponse(berkas.open("rb"), filename=f"{dok.nomor.lower()}.pdf")
    raise Http404("Berkas final belum diunggah.")


@login_required
@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    """The buttons of a document's page: name the holder, upload the final file, a step of the chain."""
    if aksi not in {"pemegang", "final", "kembalikan", *TOMBOL}:
        raise Http404("Tindakan tidak dikenal.")
    dok = sel.dokumen_for(request.user, pk)
    try:
        if aksi == "pemegang":
            form = PemegangForm(request.POST, staf=_staf_sekretariat())
            if not form.is_valid():
                return _detail(request, dok, status=400, pemegang_form=form)
            svc.perencanaan_tetapkan_pemegang(
                user=request.user, pk=pk, pemegang=form.cleaned_data["pemegang"], tim=list(form.cleaned_data["tim"])
            )
            messages.success(request, "Pemegang dokumen ditetapkan.")
        elif aksi == "final":
            form = FinalForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail(request, dok, status=400, final_form=form)
            svc.perencanaan_unggah_final(
                user=request.user,
                pk=pk,
                berkas=form.cleaned_data["berkas"],
                expected_status=form.cleaned_data["expected_status"],
            )
            messages.success(request, f"Berkas final {dok.judul} diunggah.")
        else:
            form = AksiForm(request.POST)
            if not form.is_valid():
                return _detail(request, dok, status=400, error="Isian tidak valid.")
            svc.perencanaan_aksi(user=request.user, pk=pk, method=aksi, **form.cleaned_data)
            messages.success(request, f"{dok.judul}: {svc.LABEL[aksi].lower()} berhasil.")
    except BerkasError as exc:
        dok.refresh_from_db()
        return _detail(request, dok, status=exc.http_status, error=exc.message)
    return redirect(dok.get_absolute_url())
