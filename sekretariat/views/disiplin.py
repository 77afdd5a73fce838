"""Screens of disiplin: the cases (open one; filter open/closed), a case with its ladder, the one
next step and closing the case."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from dukcapil.exceptions import BerkasError
from dukcapil.workflow.permissions import Aksi, can

from ..forms.disiplin import KasusForm, LangkahForm, TutupForm
from ..models.disiplin import TingkatDisiplin
from ..selectors import disiplin as selectors
from ..services import disiplin as services


def _forbidden(request: HttpRequest) -> HttpResponse | None:
    if can(request.user, Aksi.DISIPLIN):
        return None
    message = "Peran Anda tidak berwenang menangani disiplin pegawai."
    return render(request, "dukcapil/error.html", {"message": message}, status=403)


@login_required
def kasus_list(request: HttpRequest) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = KasusForm(request.POST or None)
    error, status = "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                kasus = services.disiplin_buka(user=request.user, pegawai_id=form.cleaned_data["pegawai"].pk)
            except BerkasError as exc:
                error, status = exc.message, exc.http_status
            else:
                messages.success(request, "Kasus disiplin dibuka.")
                return redirect("sekretariat:disiplin-detail", pk=kasus.pk)
    q = request.GET.get("q", "").strip()[:100]
    keadaan = request.GET.get("status", "")
    keadaan = keadaan if keadaan in selectors.STATUS_KASUS else ""
    rows = list(selectors.kasus_list(q, keadaan))
    context = {"form": form, "rows": rows, "q": q, "status": keadaan, "error": error}
    return render(request, "sekretariat/disiplin/list.html", context, status=status)


def _detail(request, pk: int, form=None, error: str = "", status: int = 200, tutup=None) -> HttpResponse:
    kasus = get_object_or_404(selectors.kasus_list(), pk=pk)
    berikut = selectors.langkah_berikut(kasus)
    if form is None and berikut:
        form = LangkahForm(initial={"tingkat": berikut})
    context = {
        "kasus": kasus,
        "berikut": TingkatDisiplin(berikut) if berikut else None,
        "form": form,
        "error": error,
        "tutup": tutup or (None if kasus.selesai else TutupForm()),
    }
    return render(request, "sekretariat/disiplin/detail.html", context, status=status)


@login_required
def kasus_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    return _detail(request, pk)


@login_required
@require_POST
def kasus_langkah(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = LangkahForm(request.POST)
    if not form.is_valid():
        return _detail(request, pk, form, "Periksa isian langkah.", 400)
    data = form.cleaned_data
    try:
        services.disiplin_langkah(
            user=request.user, kasus_pk=pk, tingkat=data["tingkat"], tanggal=data["tanggal"],
            pelanggaran=data["pelanggaran"],
        )  # fmt: skip
    except BerkasError as exc:
        return _detail(request, pk, None, exc.message, exc.http_status)
    messages.success(request, f"{TingkatDisiplin(data['tingkat']).label} dicatat.")
    return redirect("sekretariat:disiplin-detail", pk=pk)


@login_required
@require_POST
def kasus_tutup(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := _forbidden(request):
        return refused
    form = TutupForm(request.POST)
    if not form.is_valid():
        return _detail(request, pk, None, "Periksa isian penutupan kasus.", 400, tutup=form)
    data = form.cleaned_data
    try:
        services.disiplin_tutup(
            user=request.user, kasus_pk=pk, cara=data["cara"], alasan=data["alasan"], rujukan=data["rujukan"]
        )
    except BerkasError as exc:
        return _detail(request, pk, None, exc.message, exc.http_status, tutup=form)
    messages.success(request, "Kasus disiplin ditutup.")
    return redirect("sekretariat:disiplin-detail", pk=pk)
