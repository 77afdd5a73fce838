"""The Kadis's signing screens and the public verification page behind the QR code."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from dukcapil.db_router import replica_reads

from .. import errors, ratelimit
from ..exceptions import BerkasError
from ..models import BatchTTE, Berkas, Dokumen
from ..nik import mask_nama, mask_nik
from ..registry import document_label
from ..views import render_inbox
from ..workflow.services import records_of
from . import services
from .verify import verify_pdf

VERIFY_LIMIT = 30  # uploads per client per 10 minutes


@login_required
@require_POST
def batch_start(request: HttpRequest) -> HttpResponse:
    ids, refs = request.POST.getlist("berkas"), request.POST.getlist("record")
    back = request.POST.get("next") or "kotak-masuk"
    try:
        batch = services.tte_batch_start(
            user=request.user, berkas_ids=ids, records=refs, passphrase=request.POST.get("passphrase", "")
        )
    except BerkasError as exc:
        berkas_ct = ContentType.objects.get_for_model(Berkas).pk
        selected = set(refs) | {f"{berkas_ct}-{i}" for i in ids if str(i).isdigit()}
        return render_inbox(request, limit=500, status=exc.http_status, error=exc.message, selected=selected)
    except ValueError:
        messages.error(request, "Pilihan berkas tidak valid.")
        return redirect(back)
    return redirect("tte-batch", batch_id=batch.pk)


def _own_batch(request: HttpRequest, batch_id: int) -> BatchTTE:
    batch = get_object_or_404(BatchTTE, pk=batch_id)
    if batch.penandatangan_id != request.user.pk and not request.user.is_superuser:
        raise Http404
    return batch


@login_required
@never_cache
def batch_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = _own_batch(request, batch_id)
    progress = services.batch_progress(batch)
    items = list(batch.items.order_by("pk"))
    records_of(items, {Berkas: Berkas.objects.select_related("layanan")})
    failures = [] if progress.selesai else services.batch_failures(progress)
    return render(request, "dukcapil/tte_batch.html", {"progress": progress, "items": items, "failures": failures})


@login_required
@never_cache
def batch_progress(request: HttpRequest, batch_id: int) -> JsonResponse:
    """What the progress page polls while the batch runs: counts and the failures with reasons."""
    progress = services.batch_progress(_own_batch(request, batch_id))
    return JsonResponse(
        {
            "total": progress.total,
            "berhasil": progress.berhasil,
            "gagal": progress.gagal,
            "selesai": progress.selesai,
            "gagal_rincian": [{"nomor": nomor, "pesan": pesan} for nomor, pesan in services.batch_failures(progress)],
        }
    )


class VerifyUploadForm(forms.Form):
    berkas = forms.FileField(label="Unggah PDF untuk diperiksa")


def _document_or_404(token) -> Dokumen:
    return get_object_or_404(Dokumen.objects.select_related("diganti_oleh"), token=token, ditandatangani_oleh__gt="")


@never_cache
@replica_reads
def verifikasi(request: HttpRequest, token) -> HttpResponse:
    """Public: what the QR code on a document leads to. Names masked, nothing else personal."""
    dokumen = _document_or_404(token)
    form = VerifyUploadForm(request.POST or None, request.FILES or None)
    result, error, status = None, None, 200
    if request.method == "POST":
        allowed, wait = ratelimit.hit("verifikasi", ratelimit.client_ip(request.META), VERIFY_LIMIT, 600)
        if not allowed:
            return errors.too_many_requests(request, "Terlalu banyak pemeriksaan. Coba lagi dalam 10 menit.", wait)
        if form.is_valid():
            upload = form.cleaned_data["berkas"]
            if upload.size > settings.TTE_VERIFY_MAX_BYTES:
                error, status = "Berkas terlalu besar (maksimal 10 MB).", 400
            else:
                result = verify_pdf(upload.read(), dokumen.sha256)
        else:
            error, status = "Pilih berkas PDF untuk diperiksa.", 400
    return render(
        request,
        "dukcapil/verifikasi.html",
        {
            "dokumen": dokumen,
            "jenis": document_label(dokumen.jenis),
            "nomor": mask_nik(dokumen.nomor) if dokumen.nomor else "-",
            "pemohon": mask_nama(dokumen.subjek_nama),
            "form": VerifyUploadForm(),
            "result": result,
            "error": error,
        },
        status=status,
    )
