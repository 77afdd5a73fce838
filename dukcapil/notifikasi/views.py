from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .models import Notifikasi
from .services import mark_read


@login_required
def daftar(request: HttpRequest) -> HttpResponse:
    rows = Notifikasi.objects.filter(penerima=request.user).only("judul", "pesan", "url", "dibuat", "dibaca_pada")
    page = Paginator(rows, 50).get_page(request.GET.get("halaman"))
    return render(request, "dukcapil/notifikasi.html", {"page": page})


@login_required
@require_POST
def buka(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notice read and follow its link (only within this site)."""
    notifikasi = get_object_or_404(Notifikasi, pk=pk, penerima=request.user)
    mark_read(request.user, notifikasi.pk)
    if notifikasi.url and url_has_allowed_host_and_scheme(notifikasi.url, allowed_hosts=None):
        return redirect(notifikasi.url)
    return redirect("notifikasi")


@login_required
@require_POST
def baca_semua(request: HttpRequest) -> HttpResponse:
    mark_read(request.user)
    return redirect("notifikasi")
