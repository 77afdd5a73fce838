"""The waiting page of a document produced on request, and its download (requester only)."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .models import Cetakan
from .services import cetakan_minta


def cetak(request: HttpRequest, jenis: str, params: dict) -> HttpResponse:
    """What a «Cetak PDF» view returns: ask for the document and send the user to its page.

    The row commits here and the task is published then; in the embedded mode (tasks in-process)
    the document is ready at once and the user goes straight to the file."""
    with transaction.atomic():
        cetakan = cetakan_minta(user=request.user, jenis=jenis, params=params)
    cetakan.refresh_from_db(fields=["status"])
    if cetakan.status == Cetakan.Status.SIAP:
        return redirect("cetakan-unduh", token=cetakan.token)
    return redirect(cetakan.get_absolute_url())


def _own(request: HttpRequest, token) -> Cetakan:
    return get_object_or_404(Cetakan, token=token, diminta_oleh=request.user)


@login_required
def cetakan_detail(request: HttpRequest, token) -> HttpResponse:
    return render(request, "dukcapil/cetakan.html", {"cetakan": _own(request, token)})


@login_required
def cetakan_unduh(request: HttpRequest, token) -> FileResponse:
    cetakan = _own(request, token)
    if cetakan.status != Cetakan.Status.SIAP or not cetakan.file:
        raise Http404("Dokumen belum siap.")
    return FileResponse(
        cetakan.file.open("rb"), content_type="application/pdf", filename=cetakan.nama_file, as_attachment=False
    )
